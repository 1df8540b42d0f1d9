/**
 * The HubSpot overlay in real Chromium on every page shape the sandbox HubSpot serves from
 * the public evidence (sandbox/hubspot/pages/shapes.ts, `../shared/crm-evidence.md`): a
 * connected, synced portal; on each record shape and URL form one panel, mounted in place
 * the moment the page renders (never somewhere else first); never in the previous deal's
 * page still on screen after an in-app navigation; the floating panel where the layout has
 * no anchor; a chip naming the right deal on every board card, index row and Sales
 * Workspace row, never two, with the deal's stored health on board cards (room) and none in
 * tables; the dark page's dark panel and chips from its colours alone;
 * hostile names as text throughout. Screenshots of every shape, light and dark, go to
 * screenshots/e2e-hubspot-shape-*.png.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { evaluateWithRoots, waitForRoots } from '../../scripts/browser/shadow';
import { clickButton, readTable, type SyncJobRow } from '../../scripts/browser/store-reader';
import { shownWin } from '../../lib/format';

interface StoredScore {
  connectionId: string;
  id: string;
  isOpen: number;
  winPotential: number | null;
  repeatBuyerPotential: number | null;
  health?: string | null;
}

/** A `dealsight-panel` host as the page shows it. */
interface PanelView {
  state: string | null;
  theme: string | null;
  text: string;
  /** The panel's root inside the shadow root: floating or not, and its computed position. */
  floating: boolean;
  /** It says in one line that it found no place in the page (the floating panel). */
  notice: boolean;
  position: string;
  /** The test id (or tag) of the host's parent, previous and next element siblings. */
  parent: string | null;
  previous: string | null;
  next: string | null;
  inSidebar: boolean;
  /** The record title in the left sidebar around the host. */
  sidebarTitle: string | null;
  rect: { top: number; right: number; bottom: number; left: number };
  viewport: { width: number; height: number };
}

/** Every `dealsight-panel` the page inserted since it loaded, where, and the sidebar's title then (recorded by the page itself). */
interface Insertion {
  path: string;
  parent: string | null;
  sidebarTitle: string | null;
}

let server: HubSpotServer;
let session: ExtensionSession;
let crm: Page;
let scores: Map<string, StoredScore>;
const dialogs: string[] = [];
const extensionErrors: string[] = [];

const READY = 'html[data-sandbox-state="ready"]';
const TITLE = '[data-selenium-test="highlightTitle"], [data-test-id="highlight-record-label"]';

async function finishedSync(page: Page): Promise<SyncJobRow> {
  for (let i = 0; i < 360; i++) {
    const job = (await readTable<SyncJobRow & { connectionId: string }>(page, 'jobs'))
      .filter((j) => j.kind === 'sync' && j.connectionId.startsWith('hubspot:'))
      .at(-1);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The sync did not end within 3 minutes.');
}

/** What each panel host on the page shows, and where it sits (its closed root read through scripts/browser/shadow.ts). */
function panels(): Promise<PanelView[]> {
  return evaluateWithRoots(
    crm,
    `Array.from(document.querySelectorAll('dealsight-panel')).map((host) => {
    const id = (el) => (el ? el.getAttribute('data-test-id') || el.getAttribute('data-selenium-test') || el.tagName.toLowerCase() : null);
    const root = rootOf(host);
    const sidebar = host.closest('[data-test-id="left-sidebar"]');
    const frame = root?.querySelector('[data-overlay-state]') ?? host;
    const r = frame.getBoundingClientRect();
    return {
      state: frame.getAttribute('data-overlay-state'),
      theme: root?.querySelector('[data-ds-theme]')?.getAttribute('data-ds-theme') ?? null,
      text: root?.textContent ?? '',
      floating: frame.hasAttribute('data-floating'),
      notice: root?.querySelector('[data-overlay-notice="no-anchor"]') != null,
      position: getComputedStyle(frame).position,
      parent: id(host.parentElement),
      previous: id(host.previousElementSibling),
      next: id(host.nextElementSibling),
      inSidebar: sidebar !== null,
      sidebarTitle: sidebar?.querySelector(${JSON.stringify(TITLE)})?.textContent ?? null,
      rect: { top: r.top, right: r.right, bottom: r.bottom, left: r.left },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  })`,
  ) as Promise<PanelView[]>;
}

const insertions = (): Promise<Insertion[]> => crm.evaluate('window.__dsInsertions ?? []') as Promise<Insertion[]>;

/** Waits until the page shows exactly one panel and it has left the loading state. */
async function onePanel(wanted = 'ready'): Promise<PanelView> {
  await waitForRoots(
    crm,
    `(() => { const hosts = document.querySelectorAll('dealsight-panel'); return hosts.length === 1 && rootOf(hosts[0])?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === ${JSON.stringify(wanted)}; })()`,
    { timeout: 60_000, polling: 100 },
  );
  const [panel] = await panels();
  return panel!;
}

const winText = (id: string): string => `${Math.round(shownWin(scores.get(id)!.winPotential as number) * 100)}%`;
const open = (n: number, skip = 0): string[] =>
  [...scores.values()]
    .filter((s) => s.isOpen === 1 && s.winPotential !== null && !(s.id in server.hostile.opportunityNames))
    .slice(skip, skip + n)
    .map((s) => s.id);
const nameOf = (id: string): string => server.org.opportunities.find((o) => o.id === id)!.name;

async function load(url: string): Promise<void> {
  await crm.goto(url);
  await crm.waitForSelector(READY, { timeout: 30_000 });
}

beforeAll(async () => {
  server = await startHubSpotServer({ opportunities: 600, renderDelayMs: 300 });
  session = await launchWithExtension();
  session.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('console', (message) => {
      if (message.type() === 'error' && (target.url().startsWith('chrome-extension://') || message.text().includes('[Dealsight]')))
        extensionErrors.push(`${target.url()}: ${message.text()}`);
    });
  });
  crm = await session.browser.newPage();
  await crm.setViewport({ width: 1400, height: 1000 });
  crm.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Every panel the page ever inserts, recorded by the page: "in place from the start" is checkable afterwards.
  await crm.evaluateOnNewDocument(`
    window.__dsInsertions = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node.tagName.toLowerCase() !== 'dealsight-panel') continue;
        const parent = node.parentElement;
        const sidebar = node.closest('[data-test-id="left-sidebar"]');
        window.__dsInsertions.push({
          path: location.pathname,
          parent: parent ? parent.getAttribute('data-test-id') || parent.tagName.toLowerCase() : null,
          sidebarTitle: sidebar?.querySelector(${JSON.stringify(TITLE)})?.textContent ?? null,
        });
      }
    }).observe(document, { childList: true, subtree: true });
  `);
  await load(server.boardUrl());

  const options = await session.openExtensionPage('options.html');
  const input = (await options.waitForSelector('[data-testid="hubspot-connect"] [data-testid="hubspot-token"]')) as ElementHandle<HTMLInputElement>;
  await input.type(server.token);
  await clickButton(options, /^Connect HubSpot$/);
  const job = await finishedSync(options);
  expect(job.status).toBe('done');
  // Training and scoring follow the sync: wait for the scores.
  for (let i = 0; i < 240; i++) {
    const stored = (await readTable<StoredScore>(options, 'scores')).filter((s) => s.connectionId.startsWith('hubspot:'));
    if (stored.length > 0) {
      scores = new Map(stored.map((s) => [s.id, s]));
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(scores?.size ?? 0).toBeGreaterThan(50);
  await options.close();
  await crm.bringToFront();
}, 240_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('HubSpot overlay: record shapes', () => {
  const [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5];
  const cases: Array<{ name: string; deal: number; path: (id: string) => string; where: (p: PanelView) => boolean }> = [
    {
      name: 'record',
      deal: a,
      path: (id) => `${server.recordUrl(id)}?record=standard`,
      where: (p) => p.parent === 'left-sidebar' && p.previous === 'highlightedPropertySidebar',
    },
    {
      name: 'record-trailing-slash',
      deal: b,
      path: (id) => `${server.recordUrl(id)}/?record=standard`,
      where: (p) => p.parent === 'left-sidebar' && p.previous === 'highlightedPropertySidebar',
    },
    {
      name: 'record-legacy-url',
      deal: c,
      path: (id) => `${server.legacyRecordUrl(id)}?record=standard`,
      where: (p) => p.parent === 'left-sidebar' && p.previous === 'highlightedPropertySidebar',
    },
    {
      name: 'record-cards',
      deal: d,
      path: (id) => `${server.recordUrl(id)}?record=cards`,
      where: (p) => p.parent === 'left-sidebar' && (p.previous ?? '').startsWith('card-wrapper-OBJECT_HIGHLIGHT'),
    },
    {
      name: 'record-no-highlight',
      deal: e,
      path: (id) => `${server.recordUrl(id)}?record=no-highlight`,
      where: (p) => p.parent === 'left-sidebar' && p.previous === null,
    },
    {
      name: 'record-cards-no-highlight',
      deal: f,
      path: (id) => `${server.recordUrl(id)}?record=cards-no-highlight`,
      where: (p) => p.parent === 'left-sidebar' && p.previous === null && p.next === 'card-wrapper-PROPERTIES_V3/0-3/0',
    },
  ];

  for (const shape of cases) {
    it(`${shape.name}: one panel, mounted in place when the page renders, with the deal's numbers, light and dark`, async () => {
      const id = open(1, shape.deal)[0]!;
      for (const theme of ['light', 'dark'] as const) {
        await load(`${shape.path(id)}&theme=${theme}`);
        const panel = await onePanel();
        expect(shape.where(panel), JSON.stringify(panel)).toBe(true);
        expect([panel.floating, panel.notice, panel.position]).toEqual([false, false, 'static']);
        expect(panel.text).toContain(winText(id));
        expect(panel.theme).toBe(theme);
        // The page inserted exactly this one panel, in place: it never floated or sat elsewhere first.
        expect(await insertions()).toEqual([{ path: new URL(shape.path(id)).pathname, parent: 'left-sidebar', sidebarTitle: panel.sidebarTitle }]);
        await screenshot(crm, `e2e-hubspot-shape-${shape.name}-${theme}`);
      }
      // Dark by the colours alone: no marker on <html>.
      expect(await crm.evaluate(() => [document.documentElement.getAttribute('data-theme'), document.documentElement.className])).toEqual([null, '']);
    });
  }

  it("never anchors in the previous deal's page, still on screen under the new URL, and anchors in the next deal's when it renders", async () => {
    const [first, second] = open(2, 6) as [string, string];
    // A long render delay for this document: after the in-app navigation the first deal's page stays on screen for 2.5 s.
    await load(`${server.recordUrl(first)}?record=standard&theme=light&delay=2500`);
    const before = await onePanel();
    expect(before.sidebarTitle).toBe(nameOf(first));
    await crm.evaluate(`window.__dsInsertions = []`);
    await crm.evaluate(
      (path) => (window as unknown as { sandboxHubSpot: { navigate(url: string): Promise<void> } }).sandboxHubSpot.navigate(path),
      new URL(server.recordUrl(second)).pathname,
    );
    // The old panel goes when the URL changes, while the first deal's page is still what HubSpot shows.
    await crm.waitForFunction(
      (title) =>
        document.querySelectorAll('dealsight-panel').length === 0 &&
        document.documentElement.dataset.sandboxState === 'loading' &&
        document.querySelector('[data-selenium-test="highlightTitle"]')?.textContent === title,
      { timeout: 30_000, polling: 50 },
      nameOf(first),
    );
    const after = await onePanel();
    expect(after.sidebarTitle).toBe(nameOf(second));
    expect(after.text).toContain(winText(second));
    expect(await insertions()).toEqual([{ path: new URL(server.recordUrl(second)).pathname, parent: 'left-sidebar', sidebarTitle: nameOf(second) }]);
  });

  it('floats the panel at the right edge, outside the page, where the layout has no anchor, light and dark', async () => {
    const id = open(1, 8)[0]!;
    for (const theme of ['light', 'dark'] as const) {
      await load(`${server.recordUrl(id)}?record=unknown&theme=${theme}`);
      const panel = await onePanel();
      expect(panel.text).toContain(winText(id));
      expect(panel.theme).toBe(theme);
      expect(panel.inSidebar).toBe(false);
      expect(panel.parent).toBe('body');
      // Out of the page's flow, fixed to the viewport's right edge, visible without scrolling, saying why.
      expect([panel.floating, panel.notice]).toEqual([true, true]);
      expect(panel.position).toBe('fixed');
      expect(Math.round(panel.rect.right)).toBe(panel.viewport.width);
      expect(panel.rect.top).toBeGreaterThanOrEqual(0);
      expect(panel.rect.top).toBeLessThan(panel.viewport.height);
      await screenshot(crm, `e2e-hubspot-shape-record-unknown-${theme}`);
    }
  });
});

/**
 * Everything a script of the CRM page can read, run in the page's main world: the text of
 * the document and of every open shadow root in it (however deep), the `[data-deal]` rows
 * (the similar deals' rows) found there, each of our hosts' `shadowRoot`, and the roots the
 * page's own `attachShadow` wrapper (`window.__dsAttached`, installed before the page loads)
 * saw attached to one of our hosts.
 */
const PAGE_WORLD_READ = `(() => {
  const texts = [document.body.innerText];
  let dealRows = 0;
  const visit = (root) => {
    texts.push(root.textContent || '');
    dealRows += root.querySelectorAll('[data-deal]').length;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document.documentElement);
  const hosts = Array.from(document.querySelectorAll('dealsight-panel, dealsight-chip'));
  return {
    hosts: hosts.length,
    openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
    capturedRoots: window.__dsAttached.filter((h) => h.tagName.toLowerCase().startsWith('dealsight-')).length,
    dealRows,
    text: texts.join('\\n'),
  };
})()`;

describe("HubSpot overlay: closed to the page's scripts", () => {
  it("no script of the page reads the similar deals' names and amounts or the chips' scores: the roots are closed", async () => {
    const page = await session.browser.newPage();
    try {
      await page.setViewport({ width: 1400, height: 1000 });
      // A page that wraps attachShadow before anything else runs, keeping every root attached through it.
      await page.evaluateOnNewDocument(`(() => {
        window.__dsAttached = [];
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { window.__dsAttached.push(this); return attach.call(this, init); };
      })()`);
      const id = open(1, 10)[0]!;
      await page.goto(`${server.recordUrl(id)}?record=standard&theme=light`);
      await waitForRoots(
        page,
        `rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state="ready"] [data-similar] li[data-deal]')`,
        { timeout: 60_000 },
      );
      // Through the test-only door (CDP, scripts/browser/shadow.ts): the similar deals the panel shows, their names and facts (account, close date, amount).
      const shown = await evaluateWithRoots(page, (rootOf) =>
        Array.from(rootOf(document.querySelector('dealsight-panel'))!.querySelectorAll('[data-similar] li[data-deal]'), (li) => ({
          id: li.getAttribute('data-deal') ?? '',
          text: li.textContent ?? '',
          facts: li.querySelector(':scope > p')?.textContent ?? '',
        })),
      );
      const known = shown.filter((deal) => deal.id !== id && !(deal.id in server.hostile.opportunityNames));
      expect(known.length).toBeGreaterThan(1);
      for (const deal of known) expect(deal.text).toContain(nameOf(deal.id));
      // Amounts (in dollars) among the facts.
      expect(known.filter((deal) => /\$\d/.test(deal.facts)).length).toBeGreaterThan(0);

      // The page's own world: the host is there, its root is not, and no name or amount the panel shows is.
      const read = (await page.evaluate(PAGE_WORLD_READ)) as { hosts: number; openRoots: number; capturedRoots: number; dealRows: number; text: string };
      expect(read.hosts).toBe(1);
      expect(read.openRoots).toBe(0);
      expect(read.capturedRoots).toBe(0);
      expect(read.dealRows).toBe(0);
      for (const deal of known) {
        expect(read.text).not.toContain(nameOf(deal.id));
        expect(read.text).not.toContain(deal.facts);
      }

      // The board's chips: their scores read through the door, none of them through the page.
      await page.goto(`${server.boardUrl()}?board=column-item`);
      const chips = await waitForRoots(
        page,
        (rootOf) => {
          // Each chip's words ("Win 62%", "RBP 71", the health where the card has room), one span each.
          const chips = Array.from(document.querySelectorAll('dealsight-chip'), (chip) =>
            Array.from(rootOf(chip)?.querySelectorAll('span') ?? [], (s) => s.textContent ?? ''),
          );
          return chips.length > 3 && chips.every((words) => words.length > 0 && words.every((w) => /^(Win \d+%|RBP \d+|On track|Attention|At risk)$/.test(w)))
            ? chips
            : null;
        },
        { timeout: 30_000 },
      );
      const board = (await page.evaluate(PAGE_WORLD_READ)) as { hosts: number; openRoots: number; capturedRoots: number; text: string };
      expect(board.hosts).toBeGreaterThanOrEqual(chips.length);
      expect(board.openRoots).toBe(0);
      expect(board.capturedRoots).toBe(0);
      for (const words of chips) for (const word of words) expect(board.text).not.toContain(word);
    } finally {
      await page.close();
    }
  });
});

describe('HubSpot overlay: chips on boards and tables', () => {
  /** Each card or row of a shape, with the deal it shows (as the sandbox marks it) and the element its chips must sit in. */
  const views: Array<{ name: string; url: () => string; containers: string; idOf: string }> = [
    {
      name: 'board',
      url: () => `${server.boardUrl()}?board=column-item`,
      containers: '[data-test-id="cdb-column-item"]',
      idOf: `el.getAttribute('data-selenium-id')`,
    },
    {
      name: 'board-card',
      url: () => `${server.boardUrl()}?board=card`,
      containers: '[data-test-id="cdb-card"]',
      idOf: `el.querySelector('a[data-test-id="board-card-section-title-link"]').getAttribute('href').split('/').pop()`,
    },
    ...(['crm-object', 'framework'] as const).flatMap((table) =>
      (['link', 'text'] as const).map((names) => ({
        name: `list-${table}-${names}`,
        url: () => `${server.listUrl()}?table=${table}&names=${names}`,
        containers: 'tr[data-test-id^="row-"]',
        idOf: `el.getAttribute('data-test-id').slice(4)`,
      })),
    ),
    ...(['link', 'text'] as const).map((names) => ({
      name: `workspace-${names}`,
      url: () => `${server.workspaceUrl()}?names=${names}`,
      containers: 'tr[data-test-id="crm-table-row"]',
      idOf: `el.getAttribute('data-test-object-id')`,
    })),
  ];

  for (const view of views) {
    it(`${view.name}: a chip naming the right deal on every card or row with a score, never two, names as text, light and dark`, async () => {
      for (const theme of ['light', 'dark'] as const) {
        const sep = view.url().includes('?') ? '&' : '?';
        await load(`${view.url()}${sep}theme=${theme}`);
        const shown = (await crm.evaluate(`Array.from(document.querySelectorAll(${JSON.stringify(view.containers)})).map((el) => ${view.idOf})`)) as string[];
        expect(shown.length).toBeGreaterThan(5);
        const scored = shown.filter((id) => {
          const s = scores.get(id);
          return s !== undefined && (s.winPotential !== null || s.repeatBuyerPotential !== null);
        });
        expect(scored.length).toBeGreaterThan(3);
        await crm.waitForFunction(`document.querySelectorAll('dealsight-chip').length === ${scored.length}`, { timeout: 30_000, polling: 100 });
        const found = (await evaluateWithRoots(
          crm,
          `Array.from(document.querySelectorAll(${JSON.stringify(view.containers)})).map((el) => ({
            id: ${view.idOf},
            chips: Array.from(el.querySelectorAll('dealsight-chip')).map((chip) => ({
              id: chip.dataset.recordId,
              theme: chip.dataset.theme,
              text: rootOf(chip).textContent,
              health: rootOf(chip).querySelector('span[data-kind="health"]')?.getAttribute('data-health') ?? null,
            })),
          }))`,
        )) as Array<{ id: string; chips: Array<{ id: string; theme: string; text: string; health: string | null }> }>;
        // Boards' cards have room for the deal's health, as the store has it; a table's rows do not (issue 16).
        const room = view.name.startsWith('board');
        if (room) expect(found.some(({ chips }) => chips[0]?.health !== null && chips[0]?.health !== undefined)).toBe(true);
        for (const { id, chips } of found) {
          const s = scores.get(id);
          const wanted = s !== undefined && (s.winPotential !== null || s.repeatBuyerPotential !== null) ? 1 : 0;
          expect(chips.length, `${view.name} ${id}`).toBe(wanted);
          if (wanted === 0) continue;
          expect(chips[0]!.id).toBe(id);
          expect(chips[0]!.theme).toBe(theme);
          if (s!.winPotential !== null) expect(chips[0]!.text).toContain(`Win ${winText(id)}`);
          expect(chips[0]!.health, `${view.name} ${id} health`).toBe(room ? (s!.health ?? null) : null);
        }
        // Hostile names stay text: the planted markup never became elements, and no dialog opened.
        const hostile = shown.filter((id) => id in server.hostile.opportunityNames);
        expect(hostile.length).toBeGreaterThan(0);
        expect(await crm.$$('img[src="x"], svg[onload], #sandbox-stage script, #sandbox-stage b, #sandbox-stage i')).toEqual([]);
        const texts = (await crm.evaluate(
          `Array.from(document.querySelectorAll(${JSON.stringify(view.containers)})).map((el) => [${view.idOf}, el.textContent])`,
        )) as Array<[string, string]>;
        for (const id of hostile) expect(texts.find(([rowId]) => rowId === id)?.[1]).toContain(server.hostile.opportunityNames[id]!.trim());
        await screenshot(crm, `e2e-hubspot-shape-${view.name}-${theme}`);
      }
    });
  }
});

describe('HubSpot overlay: hostile names', () => {
  it('shows the panels of deals with hostile names, their names as text, on every record shape', async () => {
    const hostile = Object.keys(server.hostile.opportunityNames).filter((id) => scores.get(id)?.isOpen === 1);
    expect(hostile.length).toBeGreaterThan(2);
    const shapes = ['standard', 'cards', 'no-highlight', 'cards-no-highlight'];
    for (const [i, id] of hostile.entries()) {
      await load(`${server.recordUrl(id)}?record=${shapes[i % shapes.length]}&theme=light`);
      const panel = await onePanel();
      expect(panel.parent).toBe('left-sidebar');
      // The standard and cards shapes title the deal in the sidebar.
      if (i % shapes.length < 2) expect(panel.sidebarTitle).toBe(server.hostile.opportunityNames[id]);
      expect(await crm.$$('img[src="x"], svg[onload], #sandbox-stage script, #sandbox-stage b, #sandbox-stage i')).toEqual([]);
      expect(
        await evaluateWithRoots(crm, `rootOf(document.querySelector('dealsight-panel')).querySelectorAll('img[src="x"], script, svg[onload]').length`),
      ).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });

  it('logged no errors from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
