/**
 * The overlay in real Firefox (scripts/browser/launch-firefox.ts) on the sandbox CRMs: a
 * Salesforce org connected and synced from the options page (its `sid` cookie read through
 * Firefox's cookies API, the sync run by the background page), then its Lightning record
 * page, a Sales Console tab and a list view; a HubSpot portal connected with its key, then
 * a deal record and the deals board. Panels and chips live in closed shadow roots: they are
 * read through WebDriver BiDi (scripts/browser/shadow-bidi.ts, via shadow.ts), and the
 * page's own world is checked to see none of them. Waits are on conditions, never sleeps.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { screenshot } from '../../scripts/browser/launch';
import { launchFirefoxWithExtension, type FirefoxExtensionSession } from '../../scripts/browser/launch-firefox';
import { evaluateWithRoots, waitForRoots } from '../../scripts/browser/shadow';
import { clickButton, readTable, type SyncJobRow } from '../../scripts/browser/store-reader';
import { shownWin } from '../../lib/format';

interface StoredScore {
  connectionId: string;
  id: string;
  isOpen: number;
  winPotential: number | null;
}

interface PanelView {
  state: string | null;
  after: string | null;
  text: string;
  inActiveWorkspace: boolean;
  pageSeesRoot: boolean;
}

const WAIT = { timeout: 45_000, polling: 100 } as const;

let salesforce: SalesforceServer;
let hubspot: HubSpotServer;
let ext: FirefoxExtensionSession;
let page: Page;
const dialogs: string[] = [];

/** Waits for the last sync job of a connection whose id starts with `prefix` to end, and returns it. */
async function finishedSync(options: Page, prefix: string): Promise<SyncJobRow> {
  await options.waitForFunction(
    `(async () => {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const jobs = await new Promise((resolve) => { const g = db.transaction('jobs').objectStore('jobs').getAll(); g.onsuccess = () => resolve(g.result); });
      db.close();
      const sync = jobs.filter((j) => j.kind === 'sync' && j.connectionId.startsWith(${JSON.stringify(prefix)})).at(-1);
      return sync && ['done', 'failed', 'cancelled'].includes(sync.status);
    })()`,
    { timeout: 150_000, polling: 250 },
  );
  return (await readTable<SyncJobRow & { connectionId: string }>(options, 'jobs'))
    .filter((j) => j.kind === 'sync' && j.connectionId.startsWith(prefix))
    .at(-1)!;
}

/** Waits for a connection's scores (training and scoring follow the sync). */
async function scoresOf(options: Page, prefix: string): Promise<Map<string, StoredScore>> {
  await options.waitForFunction(
    `new Promise((resolve) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => { const g = r.result.transaction('scores').objectStore('scores').getAll(); g.onsuccess = () => { r.result.close(); resolve(g.result.some((s) => s.connectionId.startsWith(${JSON.stringify(prefix)}))); }; }; r.onerror = () => resolve(false); })`,
    { timeout: 120_000, polling: 500 },
  );
  const stored = (await readTable<StoredScore>(options, 'scores')).filter(
    (s) => s.connectionId.startsWith(prefix) && s.isOpen === 1 && s.winPotential !== null,
  );
  return new Map(stored.map((s) => [s.id, s]));
}

/** Every panel on the page, read from its closed root; whether the page's own world sees the root. */
function panels(): Promise<PanelView[]> {
  return evaluateWithRoots(page, (rootOf) =>
    Array.from(document.querySelectorAll('dealsight-panel'), (host) => {
      const root = rootOf(host);
      const frame = root?.querySelector('[data-overlay-state]');
      const workspace = host.closest('.split-right > section');
      return {
        state: frame?.getAttribute('data-overlay-state') ?? null,
        after: host.previousElementSibling?.tagName.toLowerCase() ?? null,
        text: root?.textContent ?? '',
        inActiveWorkspace: workspace ? workspace.classList.contains('active') : true,
        pageSeesRoot: host.shadowRoot !== null,
      };
    }),
  );
}

/** One panel with an answer (any state but loading). */
const panelReady = (): Promise<unknown> =>
  waitForRoots(
    page,
    `(() => { const hosts = document.querySelectorAll('dealsight-panel'); const s = hosts.length === 1 && rootOf(hosts[0])?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state'); return !!s && s !== 'loading'; })()`,
    WAIT,
  );

const win = (score: StoredScore | undefined): string => `${Math.round(shownWin(score?.winPotential ?? -1) * 100)}%`;

beforeAll(async () => {
  [salesforce, hubspot] = await Promise.all([
    startSalesforceServer({ opportunities: 300, renderDelayMs: 200 }),
    startHubSpotServer({ opportunities: 300, renderDelayMs: 200 }),
  ]);
  ext = await launchFirefoxWithExtension();
  page = await ext.browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await Promise.all([salesforce?.close(), hubspot?.close()]);
});

describe('Firefox: the Salesforce overlay on the sandbox Lightning pages', () => {
  let scores: Map<string, StoredScore>;
  const openIds = (): string[] =>
    [...salesforce.org.opportunities]
      .filter((o) => !o.isClosed && scores.has(o.id) && !(o.id in salesforce.hostile.opportunityNames))
      .sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''))
      .map((o) => o.id);
  const lightning = async (path: string): Promise<void> => {
    await page.goto(`${salesforce.url}${path}`);
    await page.waitForFunction(`document.documentElement.dataset.sandboxState === 'ready'`, WAIT);
  };

  it('connects the org of the open tab from the options page and syncs it in the background page', async () => {
    await page.goto(salesforce.loginUrl(), { waitUntil: 'load' });
    await page.waitForFunction(`document.documentElement.dataset.sandboxState === 'ready'`, WAIT);
    const options = await ext.openExtensionPage('options.html');
    await clickButton(options, new RegExp(`^Connect ${new URL(salesforce.url).host.replace(/\./g, '\\.')}$`));
    const job = await finishedSync(options, 'salesforce:');
    expect(job.status, job.error ?? '').toBe('done');
    scores = await scoresOf(options, 'salesforce:');
    expect(scores.size).toBeGreaterThan(40);
    await options.close();
    await page.bringToFront();
  });

  it('a record page: one panel after the highlights, with the stored Win Potential, its root closed to the page', async () => {
    const id = openIds()[3] as string;
    await lightning(`/lightning/r/Opportunity/${id}/view?app=standard&highlights=lwc&theme=light`);
    await panelReady();
    const shown = await panels();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ after: 'records-lwc-highlights-panel', pageSeesRoot: false });
    expect(shown[0]?.text).toMatch(/Win Potential/);
    expect(shown[0]?.text).toContain(win(scores.get(id)));
    await screenshot(page, 'e2e-firefox-salesforce-record');
  });

  it('a Sales Console tab: one panel, in the workspace shown', async () => {
    const id = openIds()[5] as string;
    await lightning(`/lightning/r/Opportunity/${id}/view?app=console&highlights=lwc&theme=light`);
    await panelReady();
    const shown = await panels();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ inActiveWorkspace: true, pageSeesRoot: false });
    expect(shown[0]?.text).toContain(win(scores.get(id)));
    await screenshot(page, 'e2e-firefox-salesforce-console');
  });

  it("a list view: a chip naming its record on every scored row, showing that record's Win Potential", async () => {
    await lightning('/lightning/o/Opportunity/list?app=standard&listMarkup=lwc&theme=light&filterName=Open');
    const ids15 = [...scores.keys()].map((id) => id.slice(0, 15));
    const rows = await waitForRoots(
      page,
      (rootOf, known: string[]) => {
        const scope = document.querySelector('.oneContent.active') ?? document;
        const rows = Array.from(scope.querySelectorAll('tbody tr[data-row-key-value]'), (tr) => ({
          id: tr.getAttribute('data-row-key-value') ?? '',
          chips: Array.from(tr.querySelectorAll('dealsight-chip'), (chip) => ({
            id: chip.getAttribute('data-record-id') ?? '',
            text: rootOf(chip)?.textContent ?? '',
          })),
        })).filter((row) => known.includes(row.id.slice(0, 15)));
        return rows.length > 5 && rows.every((row) => row.chips.length === 1 && /Win \d+%/.test(row.chips[0]!.text)) ? rows : null;
      },
      WAIT,
      ids15,
    );
    for (const row of rows) {
      const chip = row.chips[0]!;
      expect(chip.id.slice(0, 15)).toBe(row.id.slice(0, 15));
      const score = [...scores.values()].find((s) => s.id.startsWith(row.id.slice(0, 15)));
      expect(chip.text).toContain(`Win ${win(score)}`);
    }
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('dealsight-chip')).some((chip) => chip.shadowRoot !== null))).toBe(false);
    await screenshot(page, 'e2e-firefox-salesforce-list');
  });
});

describe('Firefox: the HubSpot overlay on the sandbox portal', () => {
  let scores: Map<string, StoredScore>;

  it('connects the portal with its key from the options page and syncs it', async () => {
    await page.goto(hubspot.boardUrl());
    await page.waitForSelector('html[data-sandbox-state="ready"]', WAIT);
    const options = await ext.openExtensionPage('options.html');
    const input = (await options.waitForSelector('[data-testid="hubspot-connect"] [data-testid="hubspot-token"]')) as ElementHandle<HTMLInputElement>;
    await input.type(hubspot.token);
    await clickButton(options, /^Connect HubSpot$/);
    const job = await finishedSync(options, 'hubspot:');
    expect(job.status, job.error ?? '').toBe('done');
    scores = await scoresOf(options, 'hubspot:');
    expect(scores.size).toBeGreaterThan(30);
    await options.close();
    await page.bringToFront();
  });

  it('a deal record: one panel in the left sidebar with the stored Win Potential, its root closed to the page', async () => {
    const id = [...scores.keys()].find((k) => !(k in hubspot.hostile.opportunityNames)) as string;
    await page.goto(`${hubspot.recordUrl(id)}?record=standard&theme=light`);
    await page.waitForSelector('html[data-sandbox-state="ready"]', WAIT);
    await panelReady();
    const shown = await panels();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.pageSeesRoot).toBe(false);
    expect(shown[0]?.text).toMatch(/Win Potential/);
    expect(shown[0]?.text).toContain(win(scores.get(id)));
    expect(await page.evaluate(() => document.querySelector('dealsight-panel')?.parentElement?.getAttribute('data-test-id'))).toBe('left-sidebar');
    await screenshot(page, 'e2e-firefox-hubspot-record');
  });

  it('the deals board: chips with scores on the cards', async () => {
    await page.goto(`${hubspot.boardUrl()}?board=column-item`);
    const chips = await waitForRoots(
      page,
      (rootOf) => {
        const chips = Array.from(document.querySelectorAll('dealsight-chip'), (chip) =>
          Array.from(rootOf(chip)?.querySelectorAll('span') ?? [], (s) => s.textContent ?? ''),
        );
        return chips.length > 3 && chips.every((words) => words.length > 0 && words.every((w) => /^(Win \d+%|RBP \d+|On track|Attention|At risk)$/.test(w)))
          ? chips
          : null;
      },
      WAIT,
    );
    expect(chips.length).toBeGreaterThan(3);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('dealsight-chip')).some((chip) => chip.shadowRoot !== null))).toBe(false);
    await screenshot(page, 'e2e-firefox-hubspot-board');
    expect(dialogs).toEqual([]);
  });
});
