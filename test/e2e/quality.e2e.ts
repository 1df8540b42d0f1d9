/**
 * The model-quality page in real Chromium: sandbox data loaded through the background,
 * trained by the engine worker, and the page's plots and numbers checked against the
 * quality report the train job stored (read from IndexedDB on the page). Then a CSV file
 * imported through the options page, whose backtest must read what
 * `dealsight evaluate --split time --json` prints for the same file; then a file with too
 * few closed deals, where the sufficiency meter is the page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coord, DEFAULT_BOX as BOX, plotX, plotY } from '../../components/charts/plot';
import type { QualityReport } from '../../lib/engine/quality';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import type { ModelRecord, ScoreRecord } from '../../lib/store/schema';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let work: string;
let session: ExtensionSession;

/** Every record of a store table, read on an extension page (same origin as the store). Plain JS: see the design notes on `__name`. */
function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('dealsight');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).getAll();
      all.onsuccess = () => { resolve(all.result); db.close(); };
      all.onerror = () => reject(all.error);
    };
  })`) as Promise<T[]>;
}

async function waitForJob(page: Page, jobId: number): Promise<{ status: string; error: string | null }> {
  for (let i = 0; i < 480; i++) {
    const job = (await readTable<{ id: number; status: string; error: string | null }>(page, 'jobs')).find((j) => j.id === jobId);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`job ${jobId} did not finish in 2 minutes`);
}

async function model(page: Page, connectionId: string): Promise<ModelRecord & { quality: QualityReport }> {
  const found = (await readTable<ModelRecord>(page, 'models')).find((m) => m.connectionId === connectionId);
  if (!found?.quality) throw new Error(`no quality report stored for ${connectionId}`);
  return found as ModelRecord & { quality: QualityReport };
}

/**
 * Imports a CSV through the options page's file input and waits for its job. A file far
 * smaller than the data stored before is asked about first (issue 14): `replace` says yes.
 */
async function importCsv(path: string, replace = false): Promise<void> {
  const page = await session.openExtensionPage('options.html');
  const before = (await readTable<{ id: number; kind: string }>(page, 'jobs')).filter((j) => j.kind === 'import').length;
  const input = await page.waitForSelector('[data-testid="csv-input"]');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  if (replace) {
    const confirm = await page.waitForSelector('[data-testid="csv-review-confirm"]', { timeout: 60_000 });
    expect(await page.$eval('[data-testid="csv-review-fewer"]', (el) => el.textContent)).toMatch(/would replace the [\d,]+ opportunities stored now with 50\./);
    await confirm?.click();
  }
  let id = -1;
  for (let i = 0; i < 120 && id < 0; i++) {
    const imports = (await readTable<{ id: number; kind: string }>(page, 'jobs')).filter((j) => j.kind === 'import');
    if (imports.length > before) id = (imports.at(-1) as { id: number }).id;
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(id).toBeGreaterThan(0);
  expect(await waitForJob(page, id)).toMatchObject({ status: 'done', error: null });
  await page.close();
}

/** The number as the page writes it: fixed decimals in the browser's locale. */
function fixedInPage(page: Page, value: number, digits: number): Promise<string> {
  return page.evaluate(
    `new Intl.NumberFormat(navigator.language, { minimumFractionDigits: ${digits}, maximumFractionDigits: ${digits} }).format(${value})`,
  ) as Promise<string>;
}

async function openQuality(hash = ''): Promise<Page> {
  const page = await session.openExtensionPage(`quality.html${hash}`);
  await page.setViewport({ width: 1200, height: 900 });
  return page;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dealsight-quality-'));
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await rm(work, { recursive: true, force: true });
});

describe('the model-quality page', () => {
  it('shows "no data" with a way to the settings before anything is loaded', async () => {
    const page = await openQuality();
    await page.waitForSelector('[data-state="no-data"]', { timeout: 30_000 });
    const text = (await page.$eval('[data-state="no-data"]', (el) => el.textContent)) ?? '';
    expect(text).toMatch(/No data yet/);
    expect(text).toMatch(/Open settings/);
    await page.close();
  });

  it('draws the stored report of sandbox data: backtest numbers, calibration points, lift columns', async () => {
    const options = await session.openExtensionPage('options.html');
    const reply = (await options.evaluate(`chrome.runtime.sendMessage({ type: 'start-sandbox', seed: 7, opportunities: 2000 })`)) as {
      ok: boolean;
      jobId: number;
    };
    expect(reply.ok).toBe(true);
    expect(await waitForJob(options, reply.jobId)).toMatchObject({ status: 'done', error: null });
    await options.close();

    const page = await openQuality();
    await page.waitForSelector('[data-panel="backtest"]', { timeout: 30_000 });
    const stored = await model(page, 'sandbox');
    const backtest = stored.quality.backtest!;
    expect(backtest).toBeTruthy();
    expect(backtest.test).toBe(Math.round(stored.counts.closed * 0.2));

    // Metric tiles: the stored AUC, Brier and log loss, formatted as the CLI writes them (3 decimals).
    const tile = (name: string): Promise<string> => page.$eval(`[data-metric="${name}"] [data-value]`, (el) => (el.textContent ?? '').trim());
    expect(await tile('auc')).toBe(await fixedInPage(page, backtest.win.auc, 3));
    expect(await tile('brier')).toBe(await fixedInPage(page, backtest.win.brier, 3));
    expect(await tile('logloss')).toBe(await fixedInPage(page, backtest.win.logLoss, 3));
    const words = (await page.$eval('[data-testid="backtest-words"]', (el) => el.textContent)) ?? '';
    expect(words).toContain(`Had you used Dealsight on the ${backtest.test.toLocaleString('en-US')} deals closed since`);
    expect(words).toContain(
      `won ${Math.round(backtest.topFifth.rate * 100)}% of the time, against ${Math.round(backtest.overall.rate * 100)}% for all of them`,
    );

    // Calibration: one circle per non-empty bin, at the stored mean prediction and win share.
    const circles = await page.$$eval('svg[data-chart="calibration"] circle', (els) =>
      els.map((el) => ({
        cx: Number(el.getAttribute('cx')),
        cy: Number(el.getAttribute('cy')),
        predicted: Number(el.getAttribute('data-predicted')),
        observed: Number(el.getAttribute('data-observed')),
        count: Number(el.getAttribute('data-count')),
      })),
    );
    const bins = backtest.calibration.filter((b) => b.count > 0);
    expect(circles.length).toBe(bins.length);
    expect(circles.length).toBeGreaterThan(3);
    bins.forEach((bin, i) => {
      const circle = circles[i]!;
      expect([circle.predicted, circle.observed, circle.count]).toEqual([bin.meanPredicted, bin.observedRate, bin.count]);
      expect(circle.cx).toBeCloseTo(coord(plotX(BOX, bin.meanPredicted)), 2);
      expect(circle.cy).toBeCloseTo(coord(plotY(BOX, bin.observedRate)), 2);
    });
    expect(await page.$eval('svg[data-chart="calibration"]', (el) => el.getAttribute('aria-label'))).toMatch(/Reliability curve of the [\d,]+ test deals/);

    // Lift: ten columns whose heights are the stored win rates by decile (axis 0..100%).
    const columns = await page.$$eval('svg[data-chart="lift"] rect[data-value]', (els) =>
      els.map((el) => ({ value: Number(el.getAttribute('data-value')), height: Number(el.getAttribute('height')) })),
    );
    expect(columns.map((c) => c.value)).toEqual(backtest.lift.map((b) => b.rate));
    columns.forEach((c, i) => expect(c.height).toBeCloseTo(coord(plotY(BOX, 0) - plotY(BOX, backtest.lift[i]!.rate)), 1));
    expect(Number(await page.$eval('svg[data-chart="lift"] [data-series="reference"]', (el) => el.getAttribute('data-value')))).toBe(backtest.overall.rate);

    // Feature importance in the stored order; the drift table lists the compared attributes.
    const features = await page.$$eval('[data-testid="importance"] [data-feature]', (els) => els.map((el) => el.getAttribute('data-feature')));
    expect(features).toEqual(stored.quality.importance.slice(0, 10).map((f) => f.key));
    const drift = await page.$$eval('[data-testid="drift-table"] [data-feature]', (els) =>
      els.map((el) => [el.getAttribute('data-feature'), el.getAttribute('data-level')]),
    );
    expect(drift).toEqual(stored.quality.drift!.features.slice(0, 8).map((f) => [f.key, f.level]));

    // The replay (issue 18): each contender's AUC per past day, drawn where the stored replay
    // puts it, and the days together in a table.
    const replay = stored.quality.replay!;
    expect(replay.points.length).toBeGreaterThanOrEqual(6);
    const lines = await page.$$eval('svg[data-chart="line"] [data-series]', (els) =>
      els.map((el) => ({ name: el.getAttribute('data-series'), points: el.querySelectorAll('[data-point]').length })),
    );
    expect(lines).toEqual(['asOf', 'stageBlind', 'crm'].map((name) => ({ name, points: replay.points.length })));
    const titles = await page.$$eval('svg[data-chart="line"] [data-series="asOf"] title', (els) => els.map((el) => el.textContent ?? ''));
    replay.points.forEach((p, i) => expect(titles[i]).toContain(`AUC ${p.scores.asOf!.auc.toFixed(3)}`));
    const cell = (who: string, column: number): Promise<string> =>
      page.$eval(`[data-testid="replay-table"] [data-contender="${who}"] td:nth-of-type(${column})`, (el) => (el.textContent ?? '').trim());
    expect(await cell('asOf', 1)).toBe(await fixedInPage(page, replay.pooled.asOf!.auc, 3));
    expect(await cell('crm', 2)).toBe(await fixedInPage(page, replay.pooled.crm!.brier, 3));
    // On the sandbox, where each deal stood is worth knowing: ahead of both other ways.
    expect(replay.pooled.asOf!.auc).toBeGreaterThan(Math.max(replay.pooled.stageBlind!.auc, replay.pooled.crm!.auc));
    await screenshot(page, 'quality-model');

    // Dark theme: the same page under prefers-color-scheme: dark.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('[data-panel="backtest"]')).backgroundColor`)).not.toBe('rgb(255, 255, 255)');
    await screenshot(page, 'quality-model-dark');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);

    // Pipeline insights: the histogram is the stored open deals' Win Potential in tenths.
    await page.click('[role="tab"][data-tab="insights"]');
    await page.waitForSelector('svg[data-chart="score-histogram"]');
    expect(new URL(page.url()).hash).toBe('#insights');
    const scores = (await readTable<ScoreRecord>(page, 'scores')).filter((s) => s.connectionId === 'sandbox' && s.isOpen === 1);
    const expected = new Array<number>(10).fill(0);
    for (const s of scores) if (s.winPotential !== null) expected[Math.min(9, Math.floor(s.winPotential * 10))]! += 1;
    const bars = await page.$$eval('svg[data-chart="score-histogram"] rect[data-value]', (els) => els.map((el) => Number(el.getAttribute('data-value'))));
    expect(bars).toEqual(expected);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(stored.counts.open);
    // The persona breakdown: the stored open deals counted by persona, largest first.
    const byPersona = new Map<string, number>();
    for (const s of scores) byPersona.set(s.personaId ?? '', (byPersona.get(s.personaId ?? '') ?? 0) + 1);
    const shown = await page.$$eval('[data-testid="breakdown-persona"] [data-group]', (els) =>
      els.map(
        (el) =>
          [el.getAttribute('data-group') ?? '', Number((el.querySelector('[data-cell="deals"]')?.textContent ?? '').replace(/[^\d]/g, ''))] as [string, number],
      ),
    );
    expect(shown.length).toBe(Math.min(8, byPersona.size));
    for (const [group, count] of shown) expect(count).toBe(byPersona.get(group));
    const counts = shown.filter(([group]) => group !== '').map(([, count]) => count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.$$eval('[data-testid="persona-win-rates"] [data-persona]', (els) => els.length)).toBeGreaterThan(0);
    await screenshot(page, 'quality-insights');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, 'quality-insights-dark');
    await page.close();
  });

  it('shows, for an imported CSV, the numbers `dealsight evaluate --split time` prints for that file', async () => {
    const file = join(work, 'pipeline.csv');
    await writeFile(file, toSalesforceReportCsv(generateSandbox({ seed: 11, opportunities: 1500 })));
    await importCsv(file);
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/dealsight.mjs'), 'evaluate', file, '--split', 'time', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as { win: { auc: number; brier: number }; test: number; train: number };

    const page = await openQuality();
    await page.waitForSelector('[data-panel="backtest"]', { timeout: 30_000 });
    // The newest connection is shown: the imported file.
    expect(await page.$eval('[data-testid="connection"]', (el) => (el as HTMLSelectElement).value)).toBe('csv');
    const stored = await model(page, 'csv');
    expect(stored.quality.backtest?.win.auc).toBe(printed.win.auc);
    // Equal to the 10th decimal, not to the last bit: the linear model and the calibration
    // call Math.exp and Math.log, whose last bit may differ between Chromium's V8 and Node's.
    expect(stored.quality.backtest?.win.brier).toBeCloseTo(printed.win.brier, 10);
    expect([stored.quality.backtest?.train, stored.quality.backtest?.test]).toEqual([printed.train, printed.test]);
    const tile = (name: string): Promise<string> => page.$eval(`[data-metric="${name}"] [data-value]`, (el) => (el.textContent ?? '').trim());
    expect(await tile('auc')).toBe(await fixedInPage(page, printed.win.auc, 3));
    expect(await tile('brier')).toBe(await fixedInPage(page, printed.win.brier, 3));
    await page.close();
  });

  it('makes the sufficiency meter the page when there are too few closed deals', async () => {
    const file = join(work, 'small.csv');
    // 50 sandbox deals: 17 won and 23 lost when closed.
    await writeFile(file, toSalesforceReportCsv(generateSandbox({ seed: 5, opportunities: 50 })));
    // Replacing the larger file imported before: the options page asks first.
    await importCsv(file, true);
    const page = await openQuality();
    await page.waitForSelector('[data-state="not-enough-data"]', { timeout: 30_000 });
    const stored = await model(page, 'csv');
    expect(stored.quality.sufficiency).toMatchObject({ enough: false, wins: 17, losses: 23, winsNeeded: 3, lossesNeeded: 0 });
    const meters = await page.$$eval('[role="meter"]', (els) =>
      els.map((el) => [el.getAttribute('aria-label'), el.getAttribute('aria-valuenow'), el.getAttribute('aria-valuemax')]),
    );
    expect(meters).toEqual([
      ['Won deals', '17', '20'],
      ['Lost deals', '20', '20'],
    ]);
    const text = (await page.$eval('[data-state="not-enough-data"]', (el) => el.textContent)) ?? '';
    expect(text).toContain('3 more needed');
    expect(text).toContain('Enough');
    expect(await page.$('[data-panel="backtest"]')).toBeNull();
    await screenshot(page, 'quality-not-enough-data');
    await page.close();
  });

  it('is linked from the popup header', async () => {
    const popup = await session.openExtensionPage('popup.html');
    const href = await popup.waitForSelector('[data-testid="quality-link"]', { timeout: 30_000 }).then((el) => el?.evaluate((a) => a.getAttribute('href')));
    expect(href).toBe(`chrome-extension://${session.extensionId}/quality.html`);
    expect(await popup.$eval('[data-testid="quality-link"]', (a) => [a.textContent, a.getAttribute('target')])).toEqual(['Quality', '_blank']);
    await screenshot(popup, 'quality-popup-link');
    await popup.close();
  });
});
