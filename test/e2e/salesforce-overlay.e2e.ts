/**
 * The Salesforce overlay in real Chromium on every page shape the sandbox Salesforce serves
 * (sandbox/salesforce/pages/page-options.ts), after connecting and syncing its org: a record
 * page gets exactly one `dealsight-panel`, in place after its header, in the page the user
 * sees (never in a hidden cached page or console tab), mounted there the first time (never
 * floated first); a console tab switch moves it to the tab shown; a page without
 * highlights gets the floating panel; list views, the Kanban view and Classic's list get a
 * chip naming its record on every row and card, never two; SLDS 2's dark class (both
 * forms) gets the dark panel on a page that is dark; hostile names stay text. Every shape
 * is screenshot light and dark into screenshots/. Waits are on conditions, never sleeps.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { evaluateWithRoots, waitForRoots } from '../../scripts/browser/shadow';
import { clickButton, readTable, type SyncJobRow } from '../../scripts/browser/store-reader';

let server: SalesforceServer;
let session: ExtensionSession;
let page: Page;
/** Open opportunities the store has scores for: their links must get chips. */
let scored: Set<string>;
/** Dialogs opened on the CRM page (a hostile name run as script would `alert`). */
const dialogs: string[] = [];

const WAIT = { timeout: 45_000, polling: 100 } as const;

/**
 * Helpers in the CRM page's own world, as plain JavaScript (tsx's helpers do not exist in
 * the page), installed before each document loads: where every panel host went when it was
 * inserted, and what the page shows now. The panel's root is closed: `panels` and `ready` take
 * `rootOf`, which only scripts/browser/shadow.ts (through the DevTools protocol) can give.
 */
const PAGE_HELPERS = String.raw`
window.__dsMounts = [];
window.__ds = {
  // In the part of the page the user sees: an active page host inside shown console tabs, or Classic's content.
  shownPage: function (el) {
    var host = el.closest('.lafPageHost');
    if (!host) return !!el.closest('#bodyCell');
    if (!host.classList.contains('active')) return false;
    for (var s = host.closest('section.oneConsoleTab'); s; s = s.parentElement && s.parentElement.closest('section.oneConsoleTab')) {
      if (!s.classList.contains('active') || s.getAttribute('aria-expanded') !== 'true') return false;
    }
    return true;
  },
  panels: function (rootOf) {
    return Array.prototype.map.call(document.querySelectorAll('dealsight-panel'), function (h) {
      var root = rootOf(h);
      var frame = root && root.querySelector('[data-overlay-state]');
      var prev = h.previousElementSibling;
      var ws = h.closest('.split-right > section');
      var rect = frame ? frame.getBoundingClientRect() : null;
      var themed = root && root.querySelector('[data-ds-theme]');
      return {
        state: frame ? frame.getAttribute('data-overlay-state') : null,
        after: prev ? prev.tagName.toLowerCase() : null,
        afterClass: prev ? String(prev.className) : null,
        inShownPage: window.__ds.shownPage(h),
        inAnyPage: !!h.closest('.lafPageHost, #bodyCell'),
        workspace: ws ? Array.prototype.indexOf.call(ws.parentElement.children, ws) : -1,
        floating: !!(root && root.querySelector('[data-floating]')),
        position: frame ? getComputedStyle(frame).position : null,
        rect: rect ? { top: rect.top, right: rect.right, bottom: rect.bottom, left: rect.left, width: innerWidth, height: innerHeight } : null,
        theme: themed ? themed.getAttribute('data-ds-theme') : null,
        text: root ? root.textContent : '',
        injected: root ? root.querySelectorAll('img[src="x"], script, svg[onload]').length : 0,
        // What the page's own scripts see of the root: nothing (closed).
        pageSeesRoot: h.shadowRoot !== null,
      };
    });
  },
  // One panel with an answer (any state but loading).
  ready: function (rootOf) {
    var p = window.__ds.panels(rootOf);
    return p.length === 1 && !!p[0].state && p[0].state !== 'loading';
  },
  // A view's rows or cards on screen: the record each shows, and the chips in it.
  rows: function (kind) {
    var scope = Array.prototype.find.call(document.querySelectorAll('.lafPageHost.active, #bodyCell'), function (el) { return window.__ds.shownPage(el); });
    var items = [];
    var add = function (el, id, link) {
      items.push({ id: id, name: link ? link.textContent : null, chips: Array.prototype.map.call(el.querySelectorAll('dealsight-chip'), function (c) { return c.getAttribute('data-record-id'); }) });
    };
    if (kind === 'list-lwc') scope.querySelectorAll('tbody tr[data-row-key-value]').forEach(function (tr) { add(tr, tr.getAttribute('data-row-key-value'), tr.querySelector('th a')); });
    if (kind === 'list-aura') scope.querySelectorAll('tbody tr').forEach(function (tr) { var a = tr.querySelector('th a[data-recordid]'); add(tr, a && a.getAttribute('data-recordid'), a); });
    if (kind === 'kanban') scope.querySelectorAll('.sandbox-kanban__card').forEach(function (card) { var a = card.querySelector('h3 a'); var m = /\/lightning\/r\/Opportunity\/(\w+)\/view/.exec(a.getAttribute('href')); add(card, m && m[1], a); });
    if (kind === 'classic-list') scope.querySelectorAll('.x-grid3-row').forEach(function (row) { var a = row.querySelector('.x-grid3-col-FULL_NAME a'); add(row, a.getAttribute('href').slice(1), a); });
    return items;
  },
  chipsAnywhere: function () { return document.querySelectorAll('dealsight-chip').length; },
  // Markup a hostile name would have produced, had a page or Dealsight parsed it.
  injected: function () { return document.querySelectorAll('.lafPageHost img, .lafPageHost b, .lafPageHost i, .lafPageHost svg, #bodyCell img, #bodyCell b, #bodyCell i, #bodyCell svg, .tabBarItems img, .tabBarItems b').length; },
};
new MutationObserver(function (records) {
  records.forEach(function (r) {
    r.addedNodes.forEach(function (n) {
      if (n.nodeType === 1 && n.tagName.toLowerCase() === 'dealsight-panel') window.__dsMounts.push({ inPage: !!n.closest('.lafPageHost, #bodyCell'), url: location.pathname + location.search });
    });
  });
}).observe(document, { childList: true, subtree: true });
`;

interface PanelInfo {
  state: string | null;
  after: string | null;
  afterClass: string | null;
  inShownPage: boolean;
  inAnyPage: boolean;
  workspace: number;
  floating: boolean;
  position: string | null;
  rect: { top: number; right: number; bottom: number; left: number; width: number; height: number } | null;
  theme: string | null;
  text: string;
  injected: number;
  pageSeesRoot: boolean;
}

const panels = (): Promise<PanelInfo[]> => evaluateWithRoots(page, 'window.__ds.panels(rootOf)') as Promise<PanelInfo[]>;
const mounts = (): Promise<Array<{ inPage: boolean; url: string }>> => page.evaluate('window.__dsMounts') as Promise<Array<{ inPage: boolean; url: string }>>;
const resetMounts = (): Promise<unknown> => page.evaluate('window.__dsMounts = []');
const panelReady = (): Promise<unknown> => waitForRoots(page, 'window.__ds.ready(rootOf)', WAIT);
const lightningReady = (): Promise<unknown> => page.waitForFunction(`document.documentElement.dataset.sandboxState === 'ready'`, WAIT);
const navigate = (url: string): Promise<unknown> => page.evaluate(`window.sandboxLightning.navigate(${JSON.stringify(url)})`);

/** Opens a page by URL (a full load), Lightning's waiting for its app to render. */
async function open(path: string, lightning = true): Promise<void> {
  await page.goto(`${server.url}${path}`);
  if (lightning) await lightningReady();
}

/** Both themes, the dark one in the given form of SLDS 2's class. */
const THEMES = (darkClass: '_dark' | '--dark') =>
  [
    { theme: 'light', query: 'theme=light', label: 'light' },
    { theme: 'dark', query: `theme=dark&darkClass=${darkClass}`, label: `dark${darkClass}` },
  ] as const;

/** The page is what its theme says: SLDS 2's dark class on <body> and a dark background, or neither. */
async function expectPageTheme(theme: 'light' | 'dark'): Promise<void> {
  const body = (await page.evaluate(`({ classes: document.body.className, background: getComputedStyle(document.body).backgroundColor })`)) as {
    classes: string;
    background: string;
  };
  const [r, g, b] = (body.background.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  expect(/slds-color-scheme(_|--)dark/.test(body.classes)).toBe(theme === 'dark');
  expect((r + g + b) / 3 < 80).toBe(theme === 'dark');
}

/** The one panel: in place after `after` in the page on screen, mounted there the first time, themed like the page. */
async function expectPanelInPlace(after: string, theme: 'light' | 'dark' | null = null): Promise<PanelInfo> {
  const shown = await panels();
  expect(shown).toHaveLength(1);
  const panel = shown[0] as PanelInfo;
  expect(panel).toMatchObject({ after, inShownPage: true, floating: false });
  if (theme !== null) expect(panel.theme).toBe(theme);
  expect(panel.injected).toBe(0);
  expect(panel.pageSeesRoot).toBe(false);
  expect((await mounts()).every((m) => m.inPage)).toBe(true);
  return panel;
}

/** Every row or card on screen whose record is scored has one chip naming it; no row or card has two, none names another record. */
async function expectChips(kind: 'list-lwc' | 'list-aura' | 'kanban' | 'classic-list', theme: 'light' | 'dark'): Promise<void> {
  const ids15 = JSON.stringify([...scored].map((id) => id.slice(0, 15)));
  await page.waitForFunction(
    `(() => {
      const ids = new Set(${ids15});
      const rows = window.__ds.rows(${JSON.stringify(kind)}).filter((r) => r.id && ids.has(r.id.slice(0, 15)));
      return rows.length > 0 && rows.every((r) => r.chips.length === 1);
    })()`,
    WAIT,
  );
  const rows = (await page.evaluate(`window.__ds.rows(${JSON.stringify(kind)})`)) as Array<{ id: string; name: string; chips: string[] }>;
  const withScores = rows.filter((r) => scored.has(r.id) || [...scored].some((id) => id.startsWith(r.id)));
  expect(withScores.length).toBeGreaterThanOrEqual(Math.min(rows.length, 20));
  for (const row of rows) {
    expect(row.chips.length).toBeLessThanOrEqual(1);
    for (const chip of row.chips) expect(chip.startsWith(row.id) || row.id.startsWith(chip.slice(0, 15))).toBe(true);
  }
  for (const row of withScores) expect(row.chips).toHaveLength(1);
  // No chip outside the view's rows (a hidden page's, a stray one).
  expect(await page.evaluate('window.__ds.chipsAnywhere()')).toBe(rows.reduce((n, r) => n + r.chips.length, 0));
  const themes = (await page.$$eval('dealsight-chip', (chips) => [...new Set(chips.map((c) => c.getAttribute('data-theme')))])) as string[];
  expect(themes).toEqual([theme]);
  expect(await page.evaluate('window.__ds.injected()')).toBe(0);
}

beforeAll(async () => {
  server = await startSalesforceServer({ opportunities: 300, renderDelayMs: 300 });
  session = await launchWithExtension();
  page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluateOnNewDocument(PAGE_HELPERS);
  await page.goto(server.loginUrl(), { waitUntil: 'load' });
  await lightningReady();
  // Connect the org of this tab and sync it, as a user does from the options page.
  const options = await session.openExtensionPage('options.html');
  await clickButton(options, new RegExp(`^Connect ${new URL(server.url).host.replace(/\./g, '\\.')}$`));
  await options.waitForFunction(
    `(async () => {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const jobs = await new Promise((resolve) => { const g = db.transaction('jobs').objectStore('jobs').getAll(); g.onsuccess = () => resolve(g.result); });
      db.close();
      const sync = jobs.filter((j) => j.kind === 'sync').at(-1);
      return sync && ['done', 'failed', 'cancelled'].includes(sync.status);
    })()`,
    { timeout: 120_000, polling: 250 },
  );
  const job = (await readTable<SyncJobRow>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1);
  expect(job?.status, job?.error ?? '').toBe('done');
  const scores = await readTable<{ connectionId: string; id: string; isOpen: number; winPotential: number | null }>(options, 'scores');
  scored = new Set(scores.filter((s) => s.connectionId.startsWith('salesforce:') && s.isOpen === 1 && s.winPotential !== null).map((s) => s.id));
  expect(scored.size).toBeGreaterThan(40);
  await options.close();
  await page.bringToFront();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Open opportunities the sandbox shows first (newest), hostile names among them. */
const openIds = (): string[] =>
  [...server.org.opportunities]
    .filter((o) => !o.isClosed && scored.has(o.id))
    .sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''))
    .map((o) => o.id);

describe('Salesforce overlay on every page shape', () => {
  it('standard navigation: one panel after the record highlights, and SPA navigation replaces it', async () => {
    await open('/lightning/o/Opportunity/list?app=standard&listMarkup=lwc&highlights=lwc&theme=light&filterName=Open');
    const ids = (await page.$$eval('.oneContent.active tbody tr[data-row-key-value] th a[href]', (links) =>
      links.slice(0, 2).map((a) => /\/lightning\/r\/(\w+)\/view/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
    )) as string[];
    expect(ids).toHaveLength(2);

    await resetMounts();
    await page.$eval(`.oneContent.active a[href="/lightning/r/${ids[0]}/view"]`, (a) => (a as HTMLElement).click());
    await page.waitForFunction((id) => location.pathname.includes(id), WAIT, ids[0] as string);
    await panelReady();
    const first = await panels();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ after: 'records-lwc-highlights-panel', inShownPage: true });
    expect(first[0]!.state).toBeTruthy();
    expect(first[0]!.text).toMatch(/Win Potential/);
    expect((await mounts()).every((m) => m.inPage)).toBe(true);

    // The second record (in-app): still exactly one panel, in the page on screen; the first page stays in the DOM, hidden, without it.
    await resetMounts();
    await navigate(`/lightning/r/Opportunity/${ids[1]}/view`);
    await page.waitForFunction(
      (id) => location.pathname.includes(id) && document.querySelector('.oneContent.active')?.getAttribute('data-sandbox-url')?.includes(id) === true,
      WAIT,
      ids[1] as string,
    );
    await waitForRoots(page, `window.__ds.ready(rootOf) && window.__ds.panels(rootOf)[0].inShownPage`, WAIT);
    const second = await panels();
    expect(second).toHaveLength(1);
    expect(second[0]!.inShownPage).toBe(true);
    expect(await page.$$eval('.oneContent:not(.active) dealsight-panel', (h) => h.length)).toBe(0);
    expect((await mounts()).every((m) => m.inPage)).toBe(true);

    // Back to the first (Lightning's cached page comes back): its panel again, one.
    await page.goBack();
    await waitForRoots(
      page,
      `window.__ds.ready(rootOf) && window.__ds.panels(rootOf)[0].inShownPage && location.pathname.includes(${JSON.stringify(ids[0])})`,
      WAIT,
    );
    expect(await panels()).toHaveLength(1);

    // Leaving record pages removes it.
    await navigate('/lightning/o/Opportunity/list?filterName=Open');
    await page.waitForFunction(() => document.querySelectorAll('dealsight-panel').length === 0, WAIT);
  });

  for (const [shape, after, darkClass] of [
    ['lwc', 'records-lwc-highlights-panel', '_dark'],
    ['force', 'records-lwc-highlights-panel', '--dark'],
    ['aura', 'header', '_dark'],
  ] as const) {
    it(`record page with the ${shape} header, hidden cached pages beside it: the panel in place, light and dark`, async () => {
      const id = openIds()[12] as string;
      for (const t of THEMES(darkClass)) {
        await resetMounts();
        await open(`/lightning/r/Opportunity/${id}/view?app=standard&highlights=${shape}&cached=2&${t.query}`);
        await panelReady();
        const panel = await expectPanelInPlace(after, t.theme);
        if (shape === 'aura') expect(panel.afterClass).toContain('forceHighlightsPanel');
        expect(await page.$$eval('.oneContent:not(.active)', (hidden) => hidden.length)).toBe(2);
        await expectPageTheme(t.theme);
        await screenshot(page, `e2e-salesforce-record-${shape}-${t.label}`);
      }
    });
  }

  it('a record page without highlights: the panel floats at the right edge, outside the page', async () => {
    const id = openIds()[13] as string;
    for (const t of THEMES('--dark')) {
      await open(`/lightning/r/Opportunity/${id}/view?app=standard&highlights=none&${t.query}`);
      await panelReady();
      const shown = await panels();
      expect(shown).toHaveLength(1);
      const panel = shown[0] as PanelInfo;
      expect(panel).toMatchObject({ floating: true, inAnyPage: false, position: 'fixed', theme: t.theme, pageSeesRoot: false });
      // At the viewport's right edge, seen without scrolling.
      const rect = panel.rect as NonNullable<PanelInfo['rect']>;
      expect(Math.abs(rect.right - rect.width)).toBeLessThanOrEqual(2);
      expect(rect.top).toBeGreaterThanOrEqual(0);
      expect(rect.top).toBeLessThan(rect.height);
      await screenshot(page, `e2e-salesforce-record-no-highlights-${t.label}`);
    }
  });

  it('a Sales Console app: the panel in the tab shown only, following tab switches and a subtab (ws)', async () => {
    const [a, c] = [openIds()[14] as string, openIds()[15] as string];
    const account = server.org.opportunities.find((o) => o.id === c)?.account?.id as string;
    for (const t of THEMES('_dark')) {
      await resetMounts();
      await open(`/lightning/r/Opportunity/${a}/view?app=console&highlights=lwc&${t.query}`);
      await panelReady();
      expect((await expectPanelInPlace('records-lwc-highlights-panel', t.theme)).workspace).toBe(2);
      expect(await page.$$eval('.split-right > section:not(.active) dealsight-panel', (h) => h.length)).toBe(0);
      await expectPageTheme(t.theme);
      await screenshot(page, `e2e-salesforce-console-${t.label}`);

      // The user clicks the first (hidden) tab: the console pushes its URL, then shows it.
      const target = (await page.$eval('[data-sandbox-bar="workspace"] > li:nth-child(1)', (li) => li.getAttribute('data-sandbox-target'))) as string;
      await resetMounts();
      await page.click('[data-sandbox-bar="workspace"] > li:nth-child(1) a.tabHeader');
      await waitForRoots(
        page,
        `location.pathname === ${JSON.stringify(target)} && window.__ds.ready(rootOf) && window.__ds.panels(rootOf)[0].workspace === 0`,
        WAIT,
      );
      expect((await expectPanelInPlace('records-lwc-highlights-panel', t.theme)).workspace).toBe(0);

      // Back to the record's tab, from a test as from the tab bar.
      await resetMounts();
      await page.evaluate('window.sandboxLightning.focusTab(2)');
      await waitForRoots(
        page,
        `location.pathname.includes(${JSON.stringify(a)}) && window.__ds.ready(rootOf) && window.__ds.panels(rootOf)[0].workspace === 2`,
        WAIT,
      );
      expect((await expectPanelInPlace('records-lwc-highlights-panel', t.theme)).workspace).toBe(2);

      // An opportunity opened as a subtab of its account's workspace: the URL names the workspace in ws.
      await resetMounts();
      await navigate(`/lightning/r/Opportunity/${c}/view?ws=${encodeURIComponent(`/lightning/r/Account/${account}/view`)}`);
      await waitForRoots(page, `location.search.includes('ws=') && window.__ds.ready(rootOf) && window.__ds.panels(rootOf)[0].workspace === 3`, WAIT);
      await expectPanelInPlace('records-lwc-highlights-panel', t.theme);
      expect(await page.$$eval('.split-right > section.active section.oneConsoleTab', (s) => s.map((x) => x.classList.contains('active')))).toEqual([
        false,
        true,
      ]);
      await screenshot(page, `e2e-salesforce-console-subtab-${t.label}`);

      // The list view in a workspace tab of its own: chips in it, the record tabs' panels gone.
      await navigate('/lightning/o/Opportunity/list?filterName=Open&listMarkup=lwc');
      await page.waitForFunction(`location.pathname.endsWith('/list') && document.documentElement.dataset.sandboxState === 'ready'`, WAIT);
      await expectChips('list-lwc', t.theme);
      expect(await panels()).toHaveLength(0);
      await screenshot(page, `e2e-salesforce-console-list-${t.label}`);
    }
  });

  for (const [kind, query, darkClass] of [
    ['list-lwc', 'listMarkup=lwc&filterName=Open', '--dark'],
    ['list-aura', 'listMarkup=aura&filterName=Open', '_dark'],
    ['kanban', 'listMarkup=lwc&viewMode=kanban&filterName=Open', '--dark'],
  ] as const) {
    it(`${kind}: a chip naming its record on every row, never two, light and dark`, async () => {
      for (const t of THEMES(darkClass)) {
        await open(`/lightning/o/Opportunity/list?app=standard&${query}&${t.query}`);
        await expectChips(kind, t.theme);
        await expectPageTheme(t.theme);
        expect(await panels()).toHaveLength(0);
        await screenshot(page, `e2e-salesforce-${kind}-${t.label}`);
      }
    });
  }

  it('Classic: the panel after the record title, chips on the list view (15-character links)', async () => {
    const id = openIds()[16] as string;
    await resetMounts();
    await open(`/${id.slice(0, 15)}`, false);
    await panelReady();
    const panel = await expectPanelInPlace('div');
    expect(panel.afterClass).toBe('bPageTitle');
    await screenshot(page, 'e2e-salesforce-classic-record');
    await open('/006?fcf=00B000000000001', false);
    await expectChips('classic-list', 'light');
    await screenshot(page, 'e2e-salesforce-classic-list');
  });

  it('hostile names stay text: on record pages, list rows, console tabs, and in the panel', async () => {
    const hostile = Object.entries(server.hostile.opportunityNames).filter(([id]) => scored.has(id));
    expect(hostile.length).toBeGreaterThanOrEqual(4);
    for (const [id, name] of hostile.slice(0, 3)) {
      await open(`/lightning/r/Opportunity/${id}/view?app=standard&highlights=lwc&theme=light`);
      await panelReady();
      expect(await page.$eval('.oneContent.active records-highlights2 lightning-formatted-text', (el) => el.textContent)).toBe(name);
      expect(await page.evaluate('window.__ds.injected()')).toBe(0);
      expect((await panels())[0]!.injected).toBe(0);
    }
    await open('/lightning/o/Opportunity/list?app=standard&listMarkup=lwc&filterName=Open&theme=light');
    const rows = (await page.evaluate(`window.__ds.rows('list-lwc')`)) as Array<{ id: string; name: string }>;
    for (const [id, name] of hostile) {
      const row = rows.find((r) => r.id === id);
      if (row) expect(row.name).toBe(name);
    }
    await open(`/lightning/r/Opportunity/${openIds()[20]}/view?app=console&highlights=lwc&theme=light`);
    await panelReady();
    const labels = (await page.$$eval('[data-sandbox-bar="workspace"] .title', (spans) => spans.map((s) => s.textContent))) as string[];
    expect(labels.some((label) => hostile.some(([, name]) => name === label))).toBe(true);
    expect(await page.evaluate('window.__ds.injected()')).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
