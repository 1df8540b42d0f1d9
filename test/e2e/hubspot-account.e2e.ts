/**
 * The account panel on the sandbox HubSpot's company record pages in real Chromium (issue
 * 16, item 1), after connecting and syncing the portal: the company page (object type 0-2,
 * `../shared/crm-evidence.md` "record page markup" for its layout; the URL forms from the
 * public code lib/crm/hubspot/pages.ts cites), in the standard and the cards layout and by
 * its older `/company/` URL, gets exactly one panel in its left sidebar after the highlight
 * card, whose every figure and open deal equals `rollUpAccount` over the store's deals of
 * that company (read from its closed root through scripts/browser/shadow.ts). Its open deals
 * link their records, it links the company in HubSpot; a deal page reached in-app from the
 * company gets the deal's panels, not the account's, with a link up to the company's page.
 * Screenshots light and dark.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import {
  accountDeals,
  expectedPanel,
  readAccountPanel,
  readStoredPipeline,
  richestAccount,
  rollUpAccount,
  waitForAccountPanel,
  type ShownAccountPanel,
  type StoredPipeline,
} from '../../scripts/browser/account-panel';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { evaluateWithRoots, waitForRoots } from '../../scripts/browser/shadow';
import { clickButton, readTable, type SyncJobRow } from '../../scripts/browser/store-reader';

let server: HubSpotServer;
let session: ExtensionSession;
let crm: Page;
let stored: StoredPipeline;
let company: { id: string; name: string };

const READY = 'html[data-sandbox-state="ready"]';

/** Where each panel host is: its parent's and previous sibling's test id. */
const HOSTS = `Array.from(document.querySelectorAll('dealsight-panel')).map((h) => {
  const id = (el) => (el ? el.getAttribute('data-test-id') || el.getAttribute('data-selenium-test') || el.tagName.toLowerCase() : null);
  return { parent: id(h.parentElement), previous: id(h.previousElementSibling), pageSeesRoot: h.shadowRoot !== null };
})`;

interface HostInfo {
  parent: string | null;
  previous: string | null;
  pageSeesRoot: boolean;
}

const hosts = (): Promise<HostInfo[]> => crm.evaluate(HOSTS) as Promise<HostInfo[]>;

async function load(url: string): Promise<void> {
  await crm.goto(url);
  await crm.waitForSelector(READY, { timeout: 30_000 });
}

/** The panel shows the store's numbers for the company: every figure, every open deal (in order), links to each deal and to the company. */
function expectStoreNumbers(shown: ShownAccountPanel): void {
  const want = expectedPanel(rollUpAccount(accountDeals(stored, company.id)));
  expect(shown.fields).toEqual(want.fields);
  expect(shown.deals.map(({ href: _href, name: _name, ...rest }) => rest)).toEqual(want.deals);
  for (const deal of shown.deals) {
    expect(deal.href).toBe(server.recordUrl(deal.id));
    expect(deal.name).toBe(stored.opportunities.find((r) => r.id === deal.id)?.opportunity.name);
  }
  expect(shown.title).toContain(company.name);
  expect(shown.crmUrl).toBe(server.companyUrl(company.id));
}

beforeAll(async () => {
  server = await startHubSpotServer({ opportunities: 600, renderDelayMs: 300 });
  session = await launchWithExtension();
  crm = await session.browser.newPage();
  await crm.setViewport({ width: 1400, height: 1000 });
  await load(server.boardUrl());

  const options = await session.openExtensionPage('options.html');
  const input = (await options.waitForSelector('[data-testid="hubspot-connect"] [data-testid="hubspot-token"]')) as ElementHandle<HTMLInputElement>;
  await input.type(server.token);
  await clickButton(options, /^Connect HubSpot$/);
  // The sync, then training and scoring: wait for both on conditions.
  await options.waitForFunction(
    `(async () => {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const jobs = await new Promise((resolve) => { const g = db.transaction('jobs').objectStore('jobs').getAll(); g.onsuccess = () => resolve(g.result); });
      const scores = await new Promise((resolve) => { const g = db.transaction('scores').objectStore('scores').count(); g.onsuccess = () => resolve(g.result); });
      db.close();
      const sync = jobs.filter((j) => j.kind === 'sync').at(-1);
      return sync && (['failed', 'cancelled'].includes(sync.status) || (sync.status === 'done' && scores > 0));
    })()`,
    { timeout: 180_000, polling: 250 },
  );
  const job = (await readTable<SyncJobRow>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1);
  expect(job?.status, job?.error ?? '').toBe('done');
  stored = await readStoredPipeline(options, 'hubspot:');
  company = richestAccount(stored);
  const rollup = rollUpAccount(accountDeals(stored, company.id));
  expect(rollup.open.length).toBeGreaterThanOrEqual(2);
  expect(rollup.won + rollup.lost).toBeGreaterThanOrEqual(1);
  await options.close();
  await crm.bringToFront();
}, 240_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('HubSpot company pages: the account panel with the store’s numbers', () => {
  it('the company record page: one panel after the highlight card, the store’s numbers, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await load(`${server.companyUrl(company.id)}?record=standard&theme=${theme}`);
      const shown = await waitForAccountPanel(crm);
      expect(await hosts()).toEqual([{ parent: 'left-sidebar', previous: 'highlightedPropertySidebar', pageSeesRoot: false }]);
      expect(shown.theme).toBe(theme);
      expectStoreNumbers(shown);
      await screenshot(crm, `e2e-hubspot-account-${theme}`);
    }
  });

  it('the cards layout and the older /company/ URL: the same panel, in place', async () => {
    await load(`${server.companyUrl(company.id)}?record=cards&theme=light`);
    let shown = await waitForAccountPanel(crm);
    const [cards] = await hosts();
    expect(cards?.parent).toBe('left-sidebar');
    expect(cards?.previous ?? '').toMatch(/^card-wrapper-OBJECT_HIGHLIGHT/);
    expectStoreNumbers(shown);
    await load(`${server.legacyCompanyUrl(company.id)}?record=standard&theme=light`);
    shown = await waitForAccountPanel(crm);
    expect(await hosts()).toEqual([{ parent: 'left-sidebar', previous: 'highlightedPropertySidebar', pageSeesRoot: false }]);
    expectStoreNumbers(shown);
  });

  it("a deal opened from the company's page in-app gets the deal's panels, linking up to the company, whose page shows the account panel again", async () => {
    await load(`${server.companyUrl(company.id)}?record=standard&theme=light`);
    const shown = await waitForAccountPanel(crm);
    const deal = shown.deals[0]!;
    await crm.evaluate(`window.sandboxHubSpot.navigate(${JSON.stringify(new URL(server.recordUrl(deal.id)).pathname)})`);
    await waitForRoots(
      crm,
      `(() => { const h = document.querySelectorAll('dealsight-panel'); return location.pathname.endsWith(${JSON.stringify(`/${deal.id}`)}) && h.length === 1 && rootOf(h[0])?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === 'ready'; })()`,
      { timeout: 45_000, polling: 100 },
    );
    expect(await readAccountPanel(crm)).toBeNull();
    const link = `rootOf(document.querySelector('dealsight-panel'))?.querySelector('a[data-action="open-account"]')`;
    expect(await evaluateWithRoots(crm, `(() => { const a = ${link}; return a ? { href: a.href, text: a.textContent } : null; })()`)).toEqual({
      href: server.companyUrl(company.id),
      text: `Account: ${company.name}`,
    });
    await evaluateWithRoots(crm, `${link}.click()`);
    await crm.waitForFunction((path) => location.pathname === path, { timeout: 30_000 }, new URL(server.companyUrl(company.id)).pathname);
    await crm.waitForSelector(READY, { timeout: 30_000 });
    expectStoreNumbers(await waitForAccountPanel(crm));
    expect(await hosts()).toHaveLength(1);
  });
});
