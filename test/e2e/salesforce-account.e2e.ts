/**
 * The account panel on the sandbox Salesforce's Account record pages in real Chromium
 * (issue 16, item 1), after connecting and syncing the org: Lightning's standard
 * navigation (hidden cached opportunity pages beside it), a Sales Console tab, and
 * Classic's account detail page each get exactly one panel, in place after the record's
 * header in the page on screen, whose every figure and open opportunity equals
 * `rollUpAccount` over the store's deals of that account (read from its closed root
 * through scripts/browser/shadow.ts). Its open opportunities link their records, it links
 * the account in the CRM; an opportunity's panel links up to its Account page, and an
 * opportunity's page is never given the account panel (nor the other way round) when the
 * user moves between them. Screenshots light and dark.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
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

let server: SalesforceServer;
let session: ExtensionSession;
let page: Page;
let stored: StoredPipeline;
/** Two accounts with open and closed deals: one for standard navigation and Classic, one for the console. */
let first: { id: string; name: string };
let second: { id: string; name: string };

const WAIT = { timeout: 45_000, polling: 100 } as const;

/** Where the page's panel hosts are: the element before each, and whether it is in the page on screen. */
const HOSTS = `Array.from(document.querySelectorAll('dealsight-panel')).map((h) => {
  const prev = h.previousElementSibling;
  const host = h.closest('.lafPageHost');
  let shown = host ? host.classList.contains('active') : !!h.closest('#bodyCell');
  for (let s = h.closest('section.oneConsoleTab'); s; s = s.parentElement && s.parentElement.closest('section.oneConsoleTab')) {
    if (!s.classList.contains('active') || s.getAttribute('aria-expanded') !== 'true') shown = false;
  }
  return { after: prev ? prev.tagName.toLowerCase() : null, afterClass: prev ? String(prev.className) : null, shown, pageSeesRoot: h.shadowRoot !== null };
})`;

interface HostInfo {
  after: string | null;
  afterClass: string | null;
  shown: boolean;
  pageSeesRoot: boolean;
}

/** One panel host, its opportunity panels ready, on the page of opportunity `id`. */
const OPPORTUNITY_READY = (id: string): string =>
  `(() => { const h = document.querySelectorAll('dealsight-panel'); return location.pathname.includes(${JSON.stringify(id)}) && h.length === 1 && rootOf(h[0])?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === 'ready'; })()`;

/** The opportunity panel's link to its account: where it goes and what it says. */
const ACCOUNT_LINK = `(() => { const a = rootOf(document.querySelector('dealsight-panel'))?.querySelector('a[data-action="open-account"]'); return a ? { href: a.href, text: a.textContent } : null; })()`;

const hosts = (): Promise<HostInfo[]> => page.evaluate(HOSTS) as Promise<HostInfo[]>;
const lightningReady = (): Promise<unknown> => page.waitForFunction(`document.documentElement.dataset.sandboxState === 'ready'`, WAIT);

async function open(path: string, lightning = true): Promise<void> {
  await page.goto(`${server.url}${path}`);
  if (lightning) await lightningReady();
}

/** The panel shows the store's numbers for `accountId`: every figure, every open deal (in order), links to each deal and to the account. */
function expectStoreNumbers(shown: ShownAccountPanel, accountId: string, name: string): void {
  const deals = accountDeals(stored, accountId);
  const want = expectedPanel(rollUpAccount(deals));
  expect(shown.fields).toEqual(want.fields);
  expect(shown.deals.map(({ href: _href, name: _name, ...rest }) => rest)).toEqual(want.deals);
  for (const deal of shown.deals) {
    expect(deal.href).toBe(`${server.url}/lightning/r/Opportunity/${deal.id}/view`);
    expect(deal.name).toBe(stored.opportunities.find((r) => r.id === deal.id)?.opportunity.name);
  }
  expect(shown.title).toContain(name);
  expect(shown.crmUrl).toBe(`${server.url}/lightning/r/Account/${accountId}/view`);
}

beforeAll(async () => {
  server = await startSalesforceServer({ opportunities: 600, renderDelayMs: 300 });
  session = await launchWithExtension();
  page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.goto(server.loginUrl(), { waitUntil: 'load' });
  await lightningReady();
  const options = await session.openExtensionPage('options.html');
  await clickButton(options, new RegExp(`^Connect ${new URL(server.url).host.replace(/\./g, '\\.')}$`));
  await options.waitForFunction(
    `(async () => {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const jobs = await new Promise((resolve) => { const g = db.transaction('jobs').objectStore('jobs').getAll(); g.onsuccess = () => resolve(g.result); });
      const scores = await new Promise((resolve) => { const g = db.transaction('scores').objectStore('scores').count(); g.onsuccess = () => resolve(g.result); });
      db.close();
      const sync = jobs.filter((j) => j.kind === 'sync').at(-1);
      return sync && (['failed', 'cancelled'].includes(sync.status) || (sync.status === 'done' && scores > 0));
    })()`,
    { timeout: 120_000, polling: 250 },
  );
  const job = (await readTable<SyncJobRow>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1);
  expect(job?.status, job?.error ?? '').toBe('done');
  stored = await readStoredPipeline(options, 'salesforce:');
  first = richestAccount(stored);
  second = richestAccount(stored, new Set([first.id]));
  const rollup = rollUpAccount(accountDeals(stored, first.id));
  // An account worth checking: open deals with scores and a closed history.
  expect(rollup.open.length).toBeGreaterThanOrEqual(2);
  expect(rollup.won + rollup.lost).toBeGreaterThanOrEqual(1);
  await options.close();
  await page.bringToFront();
}, 180_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Salesforce Account pages: the account panel with the store’s numbers', () => {
  it('standard navigation: one panel after the highlights, the store’s numbers, light and dark', async () => {
    for (const [theme, query] of [
      ['light', 'theme=light'],
      ['dark', 'theme=dark&darkClass=_dark'],
    ] as const) {
      await open(`/lightning/r/Account/${first.id}/view?app=standard&highlights=lwc&cached=2&${query}`);
      const shown = await waitForAccountPanel(page);
      expect(await hosts()).toEqual([{ after: 'records-lwc-highlights-panel', afterClass: '', shown: true, pageSeesRoot: false }]);
      // The cached pages beside it are opportunities', hidden, without a panel.
      expect(await page.$$eval('.oneContent:not(.active)', (hidden) => hidden.length)).toBe(2);
      expect(shown.theme).toBe(theme);
      expectStoreNumbers(shown, first.id, first.name);
      await screenshot(page, `e2e-salesforce-account-${theme}`);
    }
  });

  it("an opportunity's panel links its account: the Account page then shows the account panel; in-app back to the opportunity, its panels", async () => {
    const deal = accountDeals(stored, first.id).find((d) => d.outcome === 'open') as { id: string };
    await open(`/lightning/r/Opportunity/${deal.id}/view?app=standard&highlights=lwc&theme=light`);
    await waitForRoots(page, OPPORTUNITY_READY(deal.id), WAIT);
    expect(await evaluateWithRoots(page, ACCOUNT_LINK)).toEqual({ href: `${server.url}/lightning/r/Account/${first.id}/view`, text: `Account: ${first.name}` });
    await screenshot(page, 'e2e-salesforce-opportunity-account-link');
    // The user follows it (target _top: the Account page loads in the tab).
    await evaluateWithRoots(page, `rootOf(document.querySelector('dealsight-panel')).querySelector('a[data-action="open-account"]').click()`);
    await page.waitForFunction((id) => location.pathname === `/lightning/r/Account/${id}/view`, WAIT, first.id);
    await lightningReady();
    expectStoreNumbers(await waitForAccountPanel(page), first.id, first.name);
    expect((await hosts()).filter((h) => h.shown)).toHaveLength(1);
    // In-app to the opportunity: its panels replace the account's, one panel.
    await page.evaluate(`window.sandboxLightning.navigate(${JSON.stringify(`/lightning/r/Opportunity/${deal.id}/view`)})`);
    await waitForRoots(page, OPPORTUNITY_READY(deal.id), WAIT);
    expect(await readAccountPanel(page)).toBeNull();
    expect((await hosts()).filter((h) => h.shown)).toHaveLength(1);
    // And back: the account's again.
    await page.goBack();
    await page.waitForFunction((id) => location.pathname === `/lightning/r/Account/${id}/view`, WAIT, first.id);
    expectStoreNumbers(await waitForAccountPanel(page), first.id, first.name);
  });

  it('a Sales Console tab: the panel in the tab shown only, with the store’s numbers', async () => {
    for (const [theme, query] of [
      ['light', 'theme=light'],
      ['dark', 'theme=dark&darkClass=--dark'],
    ] as const) {
      await open(`/lightning/r/Account/${second.id}/view?app=console&highlights=lwc&${query}`);
      const shown = await waitForAccountPanel(page);
      expect(await hosts()).toEqual([{ after: 'records-lwc-highlights-panel', afterClass: '', shown: true, pageSeesRoot: false }]);
      expect(await page.$$eval('.split-right > section:not(.active) dealsight-panel', (h) => h.length)).toBe(0);
      expect(shown.theme).toBe(theme);
      expectStoreNumbers(shown, second.id, second.name);
      await screenshot(page, `e2e-salesforce-account-console-${theme}`);
    }
  });

  it('Classic: the panel after the account’s title block, with the store’s numbers', async () => {
    await open(`/${first.id.slice(0, 15)}`, false);
    const shown = await waitForAccountPanel(page);
    expect(await hosts()).toEqual([{ after: 'div', afterClass: 'bPageTitle', shown: true, pageSeesRoot: false }]);
    expectStoreNumbers(shown, first.id, first.name);
    await screenshot(page, 'e2e-salesforce-account-classic');
  });
});
