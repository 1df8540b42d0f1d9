/**
 * The personas page in real Chromium: its states before there is data and with too few
 * wins, the cards of a sandbox org (as many as the store's persona records at the chosen
 * level, with their names), the details tab, and Find leads: Apollo and Seamless.AI open
 * in new tabs with the filters lib/leads builds from the persona, an unticked filter is left
 * out, and Seamless.AI's filters land on the clipboard. Nothing reaches the network: the
 * browser resolves no host but localhost, and the personas page's requests are intercepted.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTTPRequest, Page, Target } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../lib/engine/personas';
import { apolloSearchUrl, leadFilters, seamlessClipboardSummary, seamlessSearchUrl, type LeadFilter } from '../../lib/leads';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import type { PersonaRecord } from '../../lib/store/schema';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';

const SANDBOX_SEED = 7;
const SANDBOX_OPPORTUNITIES = 1500;

let work: string;
let smallCsv: string;
let session: ExtensionSession;
/** Every URL a non-extension tab had: where Find leads sent the user. */
const opened: string[] = [];

/** A table of the extension's IndexedDB, read from one of its pages (plain JS: see the brief on `__name`). */
function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('dealsight');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).getAll();
      all.onsuccess = () => { db.close(); resolve(all.result); };
      all.onerror = () => reject(all.error);
    };
  })`) as Promise<T[]>;
}

async function openPersonas(query = ''): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/personas.html${query}`, { waitUntil: 'load' });
  return page;
}

async function waitForState(page: Page, state: string, timeout = 30_000): Promise<void> {
  await page.waitForSelector(`main[data-state="${state}"]`, { timeout });
}

function text(page: Page, selector = 'main'): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).innerText);
}

/** Waits until a tab opens on `prefix` and returns its URL. */
async function nextOpened(prefix: string, before: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const url = opened.slice(before).find((u) => u.startsWith(prefix));
    if (url) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No tab opened on ${prefix}; tabs seen: ${opened.join(', ') || 'none'}`);
}

/** Polls the store until `done` says so (jobs run in the offscreen document). */
async function waitForStore(page: Page, done: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${what}; jobs: ${JSON.stringify(await readTable(page, 'jobs'))}`);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dealsight-personas-'));
  smallCsv = join(work, 'few-wins.csv');
  // 60 deals, 20 of them won: fewer than the 30 wins personas need.
  await writeFile(smallCsv, toSalesforceReportCsv(generateSandbox({ seed: 3, opportunities: 60 })));
  session = await launchWithExtension({
    // Every host but the local ones fails to resolve: a lead search's tab opens, but never reaches Apollo or Seamless.AI.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  const record = (target: Target): void => {
    const url = target.url();
    if (/^https?:/.test(url) && !opened.includes(url)) opened.push(url);
  };
  session.browser.on('targetcreated', record);
  session.browser.on('targetchanged', record);
});

afterAll(async () => {
  await session?.close();
  await rm(work, { recursive: true, force: true });
});

describe('the personas page', () => {
  it('says there is no data yet and links to the settings', async () => {
    const page = await openPersonas();
    await waitForState(page, 'no-connection');
    expect(await text(page)).toContain('No data yet');
    expect(await page.$('[data-action="open-options"]')).not.toBeNull();
    expect(await page.$eval('nav a[href$="options.html"]', (a) => a.textContent)).toBe('Settings');
    await screenshot(page, 'personas-empty');
    await page.close();
  });

  it('says how many more wins personas need when a file has too few', async () => {
    const options = await session.openExtensionPage('options.html');
    const input = await options.waitForSelector('[data-testid="csv-input"]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(smallCsv);
    await options.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 });
    await waitForStore(
      options,
      async () => (await readTable<{ connectionId: string }>(options, 'models')).some((m) => m.connectionId === 'csv'),
      'the CSV models',
    );
    await options.close();

    const page = await openPersonas('?c=csv');
    await waitForState(page, 'not-enough-data');
    const body = await text(page);
    expect(body).toContain('Not enough won deals for personas');
    expect(body).toMatch(/need at least 30 won deals; 20 so far, 10 more needed/);
    expect(body).toContain('20 won and');
    await screenshot(page, 'personas-not-enough-data');
    await page.close();
  });

  let page: Page;
  let orgPersonas: Persona[];
  let allPersonaIds: string[];
  const requests: string[] = [];

  it('shows one card per org persona of the sandbox, named as in the store', async () => {
    const starter = await session.openExtensionPage('options.html');
    const reply = await starter.evaluate(
      `chrome.runtime.sendMessage({ type: 'start-sandbox', seed: ${SANDBOX_SEED}, opportunities: ${SANDBOX_OPPORTUNITIES} })`,
    );
    expect(reply).toMatchObject({ ok: true });
    await waitForStore(
      starter,
      async () => (await readTable<PersonaRecord>(starter, 'personas')).some((p) => p.connectionId === 'sandbox'),
      'the sandbox personas',
    );
    const stored = (await readTable<PersonaRecord>(starter, 'personas')).filter((p) => p.connectionId === 'sandbox');
    await starter.close();

    page = await openPersonas('?c=sandbox');
    // The page itself sends nothing anywhere: every request but the extension's own is recorded and refused.
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith('chrome-extension://') || url.startsWith('data:')) void request.continue();
      else {
        requests.push(url);
        void request.abort();
      }
    });
    await page.waitForSelector('[data-persona-card]', { timeout: 30_000 });

    orgPersonas = stored.filter((r) => r.level === 'org').map((r) => r.persona);
    allPersonaIds = stored.map((r) => r.id);
    expect(orgPersonas.length).toBeGreaterThanOrEqual(2);
    const bySize = [...orgPersonas].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
    const cards = await page.$$eval('[data-persona-card]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-persona-card'),
        name: el.querySelector('[data-field="persona-name"]')?.textContent,
        company: el.querySelector('[data-field="persona-company"]')?.textContent,
        phrase: el.querySelector('[data-field="persona-phrase"]')?.textContent ?? '',
        avatar: el.querySelector('img[data-field="avatar"]')?.getAttribute('src')?.slice(0, 18),
        icon: el.querySelector('img[data-field="company-icon"]')?.getAttribute('src')?.slice(0, 18),
        size: el.querySelector('[data-stat="size"] dd')?.textContent,
      })),
    );
    expect(cards.map((c) => c.id)).toEqual(bySize.map((p) => p.id));
    expect(cards.map((c) => c.name)).toEqual(bySize.map((p) => p.name));
    expect(cards.map((c) => c.company)).toEqual(bySize.map((p) => p.company));
    for (const [i, card] of cards.entries()) {
      const persona = bySize[i] as Persona;
      expect(card.avatar).toBe('data:image/svg+xml');
      expect(card.icon).toBe('data:image/svg+xml');
      expect(card.size).toBe(persona.size.toLocaleString('en-US'));
      // The phrase starts with the most important attribute's value.
      expect(card.phrase).toContain((persona.attributes[0]?.value ?? '').split(' or ')[0]);
      expect(card.phrase.split(' · ').length).toBe(Math.min(4, persona.attributes.length));
    }
    await screenshot(page, 'personas-cards');

    // Team level: as many cards as the first team's records, or the switch is off when no team has its own.
    const teams = [...new Set(stored.filter((r) => r.level === 'team').map((r) => r.team as string))].sort((a, b) => a.localeCompare(b));
    if (teams.length === 0) {
      expect(await page.$eval('[data-level="team"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    } else {
      await page.click('[data-level="team"]');
      const expected = stored.filter((r) => r.level === 'team' && r.team === teams[0]).map((r) => r.persona.name);
      await page.waitForFunction((n) => document.querySelectorAll('[data-persona-card]').length === n, { timeout: 10_000 }, expected.length);
      const names = await page.$$eval('[data-persona-card] [data-field="persona-name"]', (els) => els.map((e) => e.textContent));
      expect([...names].sort()).toEqual([...expected].sort());
      expect(new URL(page.url()).searchParams.get('team')).toBe(teams[0]);
      await page.click('[data-level="org"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-persona-card]').length === n, { timeout: 10_000 }, orgPersonas.length);
    }
  });

  it('opens Apollo with the persona’s filters, and without a filter once it is unticked', async () => {
    const first = [...orgPersonas].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))[0] as Persona;
    const card = `[data-persona-card="${first.id}"]`;
    await page.click(`${card} [data-action="find-leads"]`);
    await page.waitForSelector(`${card} [data-leads-panel]`);
    const filters = leadFilters(first);
    expect(filters.length).toBeGreaterThan(0);
    const shown = await page.$$eval(`${card} [data-leads-panel] input[data-filter]`, (els) =>
      els.map((el) => ({ id: el.getAttribute('data-filter'), checked: (el as HTMLInputElement).checked, label: el.parentElement?.textContent?.trim() })),
    );
    expect(shown).toEqual(filters.map((f) => ({ id: f.id, checked: true, label: f.label })));
    await screenshot(page, 'personas-find-leads');

    let before = opened.length;
    await page.click(`${card} [data-action="open-search"]`);
    const url = await nextOpened('https://app.apollo.io/', before);
    expect(url).toBe(apolloSearchUrl(filters));
    expect(url).toMatch(/^https:\/\/app\.apollo\.io\/#\/people\?page=1&/);

    // Untick one filter: it is gone from the next search.
    const dropped = filters.find((f) => f.kind === 'industry') ?? filters.find((f) => f.kind === 'employees') ?? (filters[0] as LeadFilter);
    await page.bringToFront();
    await page.click(`${card} input[data-filter="${dropped.id}"]`);
    const unticked = filters.map((f) => (f.id === dropped.id ? { ...f, enabled: false } : f));
    before = opened.length;
    await page.click(`${card} [data-action="open-search"]`);
    const narrower = await nextOpened('https://app.apollo.io/', before);
    expect(narrower).toBe(apolloSearchUrl(unticked));
    expect(narrower).not.toBe(url);
    const query = new URLSearchParams(new URL(narrower).hash.split('?')[1]);
    const key = { industry: ['organizationIndustryTagIds[]', 'qOrganizationKeywordTags[]'], employees: ['organizationNumEmployeesRanges[]'] }[
      dropped.kind as 'industry' | 'employees'
    ];
    for (const k of key ?? []) expect(query.getAll(k)).toEqual([]);
  });

  it('copies the filters for Seamless.AI to the clipboard, then opens its contact search', async () => {
    await session.browser
      .defaultBrowserContext()
      .overridePermissions(`chrome-extension://${session.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const first = [...orgPersonas].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))[0] as Persona;
    const card = `[data-persona-card="${first.id}"]`;
    await page.bringToFront();
    await page.evaluate(`navigator.clipboard.writeText('')`);
    await page.click(`${card} label:has(input[data-provider="seamless"])`);
    const note = await page.$eval(`${card} [data-field="provider-note"]`, (el) => el.textContent ?? '');
    expect(note).toContain('copied to your clipboard');
    await screenshot(page, 'personas-find-leads-seamless');

    // The ticks carry over from Apollo: the filter unticked there stays out.
    const ticks = await page.$$eval(`${card} input[data-filter]`, (els) =>
      els.map((el) => [el.getAttribute('data-filter'), (el as HTMLInputElement).checked] as const),
    );
    const filters = leadFilters(first).map((f) => ({ ...f, enabled: ticks.find(([id]) => id === f.id)?.[1] ?? false }));
    expect(filters.some((f) => !f.enabled)).toBe(true);

    const before = opened.length;
    await page.click(`${card} [data-action="open-search"]`);
    const url = await nextOpened('https://login.seamless.ai/', before);
    expect(url).toBe(seamlessSearchUrl(filters));
    await page.bringToFront();
    await page.waitForSelector(`${card} [data-field="copied"]`, { timeout: 5_000 });
    const clipboard = await page.evaluate(`navigator.clipboard.readText()`);
    expect(clipboard).toBe(seamlessClipboardSummary(filters));
    expect(clipboard).toMatch(/How to use: /);
    await page.keyboard.press('Escape');
    expect(await page.$(`${card} [data-leads-panel]`)).toBeNull();
  });

  it('shows a persona’s full analysis in the details tab', async () => {
    const second = [...orgPersonas].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))[1] as Persona;
    await page.click(`[data-persona-card="${second.id}"] [data-action="details"]`);
    await page.waitForSelector(`[data-persona-details="${second.id}"]`);
    expect(new URL(page.url()).searchParams.get('persona')).toBe(second.id);
    const attributes = await page.$$eval('[data-persona-details] [data-attribute]', (els) => els.map((el) => el.getAttribute('data-attribute')));
    expect(attributes).toEqual(second.attributes.map((a) => a.key));
    const rows = await page.$$eval('[data-chart="spread"] [data-spread-row]', (els) => els.map((el) => el.getAttribute('data-spread-row')));
    expect(rows).toHaveLength(orgPersonas.length);
    expect(rows).toContain(second.id);
    const winRate = await text(page, '[data-panel="win-rate"]');
    expect(winRate).toMatch(/closed deals/);
    if (second.winRate !== null) expect(winRate).toContain(`${Math.round(second.winRate * 100)}%`);
    // Sandbox records have no CRM page: they open on the extension's detail page.
    const links = await page.$$eval('[data-panel="recent-wins"] a[data-link]', (els) => els.map((a) => [a.getAttribute('data-link'), a.getAttribute('href')]));
    expect(links).toHaveLength(second.recentWins.length);
    for (const [where, href] of links) {
      expect(where).toBe('detail');
      expect(href).toMatch(new RegExp(`^chrome-extension://${session.extensionId}/detail\\.html\\?c=sandbox&id=`));
    }
    await screenshot(page, 'personas-details');
  });

  it('reads in the dark theme', async () => {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const background = await page.$eval('[data-ds-theme]', (el) => getComputedStyle(el).backgroundColor);
    // slate-950 in oklch: a very dark, near-zero lightness.
    expect(background).toMatch(/oklch\(0\.1|rgb\(2, 6, 23\)/);
    await screenshot(page, 'personas-details-dark');
    await page.click('[data-tab="cards"]');
    await page.waitForSelector('[data-persona-card]');
    await page.click('[data-persona-card] [data-action="find-leads"]');
    await screenshot(page, 'personas-cards-dark');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });

  it('sent nothing to the network from the page', () => {
    expect(requests).toEqual([]);
    // And every tab it opened went to a lead-search provider.
    for (const url of opened) expect(url).toMatch(/^https:\/\/(app\.apollo\.io|login\.seamless\.ai)\//);
  });

  it('is linked from the popup and from the Repeat Buyer panel', async () => {
    const popup = await session.openExtensionPage('popup.html');
    const href = await popup.waitForSelector('[data-testid="personas-link"]').then((el) => el?.evaluate((a) => a.getAttribute('href')));
    expect(href).toMatch(/^personas\.html(\?c=\w+)?$/);
    await popup.close();

    const opportunities = await readTable<{ connectionId: string; id: string; isClosed: number }>(page, 'opportunities');
    const open = opportunities.find((o) => o.connectionId === 'sandbox' && o.isClosed === 0);
    const detail = await session.openExtensionPage(`detail.html?c=sandbox&id=${encodeURIComponent(open?.id ?? '')}`);
    const link = await detail.waitForSelector('[data-action="open-personas"]', { timeout: 60_000 });
    const target = new URL((await link?.evaluate((a) => (a as HTMLAnchorElement).href)) ?? '');
    expect(target.pathname).toBe('/personas.html');
    expect(target.searchParams.get('c')).toBe('sandbox');
    expect(target.searchParams.get('tab')).toBe('details');
    // The deal's own reporting level: a team persona when its team has personas of its own.
    expect(allPersonaIds).toContain(target.searchParams.get('persona'));
    await detail.close();
    await page.close();
  });
});
