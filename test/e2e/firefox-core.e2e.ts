/**
 * The extension core in real Firefox (Debian's firefox-esr over WebDriver BiDi, the Firefox
 * e2e build installed as a temporary add-on: scripts/browser/launch-firefox.ts): the
 * background is an event page that runs the job runner and the engine worker itself (no
 * offscreen document), a CSV import and the sandbox load through the options page with
 * their progress, the popup's ranking against the engine run in this process, and the
 * personas and quality pages on the stored sandbox. Waits are on conditions, never sleeps.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../lib/crm/csv/import';
import { analyze, type Analysis } from '../../lib/engine/analyze';
import type { UnnamedPersona } from '../../lib/engine/personas';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import { screenshot } from '../../scripts/browser/launch';
import { FIREFOX_E2E_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxExtensionSession } from '../../scripts/browser/launch-firefox';
import { clickButton, readTable } from '../../scripts/browser/store-reader';
import { shownWin } from '../../lib/format';

const OPPORTUNITIES = 1200;

interface FirefoxManifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  background?: { scripts?: string[]; service_worker?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

let work: string;
let csv: string;
let manifest: FirefoxManifest;
let engine: Analysis<UnnamedPersona>;
let ext: FirefoxExtensionSession;

/** The visible data rows' cells, as text. */
function visibleRows(page: Page): Promise<string[][]> {
  return page.$$eval('[role="grid"] [role="row"][data-row]', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('[role="gridcell"]'), (cell) => (cell.textContent ?? '').trim())),
  );
}

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(FIREFOX_E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as FirefoxManifest;
  work = await mkdtemp(join(tmpdir(), 'dealsight-firefox-core-'));
  const text = toSalesforceReportCsv(generateSandbox({ seed: 13, opportunities: OPPORTUNITIES }));
  csv = join(work, 'pipeline.csv');
  await writeFile(csv, text);
  const imported = importCsv(text);
  engine = analyze(imported.opportunities, { fields: imported.fields, exclude: imported.leakyAttributes.map((l) => l.key), similar: 0 });
  ext = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await rm(work, { recursive: true, force: true });
});

describe('Firefox: the add-on and its background page', () => {
  it('installs the Firefox build under its gecko id, with an event page and no offscreen permission', () => {
    expect(ext.addonId).toBe(manifest.browser_specific_settings?.gecko?.id);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background?.service_worker).toBeUndefined();
    expect(manifest.background?.scripts).toEqual(['background.js']);
    expect(manifest.permissions).toEqual(['alarms', 'cookies', 'identity']);
  });

  it('answers the popup from a background page that has a DOM, where Chrome has an offscreen document', async () => {
    const page = await ext.openExtensionPage('popup.html');
    await page.waitForFunction((version) => document.body.innerText.includes(`Background ready · v${version}`), { timeout: 30_000 }, manifest.version);
    const background = (await page.evaluate(`(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return { url: bg.location.href, hasDocument: !!bg.document, canStartWorkers: typeof bg.Worker === 'function', offscreen: typeof browser.offscreen };
    })()`)) as { url: string; hasDocument: boolean; canStartWorkers: boolean; offscreen: string };
    expect(background.url.startsWith(ext.origin)).toBe(true);
    expect(background).toMatchObject({ hasDocument: true, canStartWorkers: true, offscreen: 'undefined' });
    await page.close();
  });
});

describe('Firefox: a new user imports, ranks and explores', () => {
  it('imports a CSV through the options page, showing progress, then the result; the engine ran in the background page', async () => {
    const page = await ext.openExtensionPage('options.html');
    const input = await page.waitForSelector('[data-testid="csv-input"]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(csv);
    await page.waitForSelector('[data-testid="csv-progress"] [role="progressbar"]', { timeout: 30_000 });
    const summary = await page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 });
    const text = (await summary?.evaluate((el) => el.textContent)) ?? '';
    expect(text).toContain('pipeline.csv');
    expect(text).toContain(OPPORTUNITIES.toLocaleString('en-US'));
    await screenshot(page, 'e2e-firefox-options-imported');
    // The scores the popup ranks come from the engine worker: in Firefox only the background
    // page runs jobs (no offscreen document: the previous test), so stored scores mean the
    // worker ran there. (Its script load is not in the page's resource timing, so it cannot be named more directly.)
    const scores = await readTable<{ connectionId: string; winPotential: number | null }>(page, 'scores');
    expect(scores.filter((s) => s.connectionId === 'csv' && s.winPotential !== null).length).toBeGreaterThan(50);
    await page.close();
  });

  it("ranks the open pipeline in the popup (opened as a page) by the engine's Win Potential, and sorts it", async () => {
    const page = await ext.openExtensionPage('popup.html');
    await page.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
    const open = engine.results.filter((r) => !r.opportunity.isClosed);
    const best = [...open].sort((a, b) => (b.winPotential ?? 0) - (a.winPotential ?? 0))[0];
    const rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]?.join(' ')).toContain(best?.opportunity.name.slice(0, 20));
    expect(rows[0]?.join(' ')).toContain(`${Math.round(shownWin(best?.winPotential ?? 0) * 100)}%`);
    await screenshot(page, 'e2e-firefox-popup');
    const amountHeader = await page.waitForSelector('[role="columnheader"] button[aria-label="Amount"]');
    await amountHeader?.click();
    await page.waitForFunction(
      () => document.querySelector('[role="columnheader"]:has(button[aria-label="Amount"])')?.getAttribute('aria-sort') === 'ascending',
      {
        timeout: 10_000,
      },
    );
    await amountHeader?.click();
    await page.waitForFunction(
      () => document.querySelector('[role="columnheader"]:has(button[aria-label="Amount"])')?.getAttribute('aria-sort') === 'descending',
      { timeout: 10_000 },
    );
    const largest = Math.max(...open.map((r) => r.opportunity.amount ?? 0));
    expect(((await visibleRows(page))[0]?.join(' ') ?? '').replace(/[^\d]/g, '')).toContain(String(Math.round(largest)));
    await page.close();
  });

  it('loads the sandbox from the options page with its progress, then shows its personas and its quality report', async () => {
    const options = await ext.openExtensionPage('options.html');
    // The 1,000-deal size: this test is about Firefox hosting the load, the training and the backtest
    // with their progress; the 10,000-deal scale is Chromium's sandbox e2e (in Firefox's background
    // page it took from 47 s to over 120 s on this 2-core machine, which only made the run slow).
    await options.waitForSelector('input[type="radio"][value="1000"]', { timeout: 30_000 });
    await options.click('input[type="radio"][value="1000"]');
    // Every progress bar the load shows is recorded as it appears, so a fast load cannot slip
    // between two polls and still count as "no progress shown".
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="sandbox-progress"] [role="progressbar"]');
        if (bar) seen.push(bar.getAttribute('aria-valuenow') ?? '');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await clickButton(options, /^Load sandbox data$/);
    // Bounds that catch a hang, not speed goals.
    await options.waitForFunction(() => /Sandbox data loaded/.test(document.body.innerText) && !document.querySelector('[data-testid="sandbox-progress"]'), {
      timeout: 240_000,
      polling: 250,
    });
    expect(await options.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.length)).toBeGreaterThan(0);
    const jobs = await readTable<{ kind: string; connectionId: string; status: string; error: string | null }>(options, 'jobs');
    const sandboxJob = jobs.filter((j) => j.connectionId === 'sandbox').at(-1);
    expect(sandboxJob, JSON.stringify(jobs)).toMatchObject({ status: 'done', error: null });
    // Training and personas follow the load: wait for the stored personas.
    await options.waitForFunction(
      `new Promise((resolve) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => { const g = r.result.transaction('personas').objectStore('personas').getAll(); g.onsuccess = () => { r.result.close(); resolve(g.result.some((p) => p.connectionId === 'sandbox' && p.level === 'org')); }; }; r.onerror = () => resolve(false); })`,
      { timeout: 240_000, polling: 500 },
    );
    const stored = (await readTable<{ connectionId: string; level: string; persona: { id: string; name: string; size: number } }>(options, 'personas')).filter(
      (p) => p.connectionId === 'sandbox' && p.level === 'org',
    );
    await options.close();

    const personas = await ext.openExtensionPage('personas.html?c=sandbox');
    await personas.waitForSelector('[data-persona-card]', { timeout: 30_000 });
    const cards = await personas.$$eval('[data-persona-card]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-persona-card'), name: el.querySelector('[data-field="persona-name"]')?.textContent })),
    );
    const bySize = stored.map((r) => r.persona).sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
    expect(cards.map((c) => c.id)).toEqual(bySize.map((p) => p.id));
    expect(cards.map((c) => c.name)).toEqual(bySize.map((p) => p.name));
    await screenshot(personas, 'e2e-firefox-personas');
    await personas.close();

    // The quality page shows the connection loaded last: the sandbox.
    const quality = await ext.openExtensionPage('quality.html');
    await quality.waitForSelector('[data-panel="backtest"]', { timeout: 30_000 });
    const models = await readTable<{ connectionId: string; quality: { backtest: { win: { auc: number } } | null; importance: Array<{ key: string }> } }>(
      quality,
      'models',
    );
    const model = models.find((m) => m.connectionId === 'sandbox');
    const auc = model?.quality.backtest?.win.auc;
    expect(auc).toBeGreaterThan(0.5);
    const tile = await quality.$eval('[data-metric="auc"] [data-value]', (el) => (el.textContent ?? '').trim());
    expect(Number(tile)).toBeCloseTo(auc as number, 2);
    const features = await quality.$$eval('[data-testid="importance"] [data-feature]', (els) => els.map((el) => el.getAttribute('data-feature')));
    expect(features).toEqual(model?.quality.importance.slice(0, 10).map((f) => f.key));
    await screenshot(quality, 'e2e-firefox-quality');
    await quality.close();
    // A bound that catches a hang, not a speed goal.
  }, 600_000);
});
