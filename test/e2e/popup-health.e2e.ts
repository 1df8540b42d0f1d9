/**
 * Issue 16 in real Chromium, against what the store holds: sandbox data loaded and trained
 * through the background, then the popup sorts and filters on days in stage and health and
 * lists the quick wins the rule picks from the stored scores; the insights tab's figures
 * follow its filters; the panels and the options page's health profile are screenshot light
 * and dark (screenshots/). Waits are on conditions, never sleeps.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickWins } from '../../lib/pipeline/quick-wins';
import type { JobRecord, ModelRecord, ScoreRecord } from '../../lib/store/schema';
import { join } from 'node:path';
import { launchWithExtension, screenshot, SCREENSHOT_DIR, type ExtensionSession } from '../../scripts/browser/launch';
import { readTable } from '../../scripts/browser/store-reader';

let session: ExtensionSession;
let open: ScoreRecord[];
let model: ModelRecord;

async function waitForJob(page: Page, jobId: number): Promise<JobRecord> {
  await page.waitForFunction(
    `new Promise((resolve) => {
      const request = indexedDB.open('dealsight');
      request.onsuccess = () => {
        const db = request.result;
        const get = db.transaction('jobs').objectStore('jobs').get(${jobId});
        get.onsuccess = () => { db.close(); resolve(get.result && ['done', 'failed', 'cancelled'].includes(get.result.status)); };
        get.onerror = () => { db.close(); resolve(false); };
      };
      request.onerror = () => resolve(false);
    })`,
    { timeout: 240_000, polling: 250 },
  );
  return (await readTable<JobRecord>(page, 'jobs')).find((j) => j.id === jobId) as JobRecord;
}

async function openPopup(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await session.browser.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.setViewport({ width: 780, height: 600, deviceScaleFactor: 2 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'load' });
  await page.waitForSelector('[role="grid"] [role="row"][aria-rowindex="2"]', { timeout: 30_000 });
  return page;
}

const summary = (page: Page): Promise<string> => page.$eval('[data-testid="summary"]', (el) => el.textContent ?? '');

/** The days in stage of the visible rows, top first (null where a row has none). */
function visibleDays(page: Page): Promise<Array<number | null>> {
  return page.$$eval('[role="grid"] [role="row"][data-row]', (rows) =>
    rows.map((row) => {
      const cell = Array.from(row.querySelectorAll('[role="gridcell"]')).find((c) => /^\s*(\d[\d,]*) d/.test(c.textContent ?? ''));
      const match = /(\d[\d,]*) d/.exec(cell?.textContent ?? '');
      return match ? Number((match[1] as string).replace(/,/g, '')) : null;
    }),
  );
}

beforeAll(async () => {
  session = await launchWithExtension();
  const options = await session.openExtensionPage('options.html');
  const reply = (await options.evaluate(`chrome.runtime.sendMessage({ type: 'start-sandbox', seed: 7, opportunities: 1500 })`)) as {
    ok: boolean;
    jobId: number;
  };
  expect(reply.ok).toBe(true);
  expect(await waitForJob(options, reply.jobId)).toMatchObject({ status: 'done', error: null });
  open = (await readTable<ScoreRecord>(options, 'scores')).filter((s) => s.connectionId === 'sandbox' && s.isOpen === 1);
  model = (await readTable<ModelRecord>(options, 'models')).find((m) => m.connectionId === 'sandbox') as ModelRecord;
  await options.close();
}, 300_000);

afterAll(async () => {
  await session?.close();
});

describe('the popup, days in stage and health (issue 16)', () => {
  it('has days in stage and health for the stored open deals, some stalled and some at risk', () => {
    expect(open.length).toBeGreaterThan(50);
    expect(open.filter((s) => typeof s.daysInStage === 'number').length).toBeGreaterThan(open.length / 2);
    expect(open.some((s) => s.stalled === true)).toBe(true);
    expect(open.some((s) => s.health === 'at-risk')).toBe(true);
  });

  it('sorts on days in stage, most first on the second click, as the store says', async () => {
    const page = await openPopup();
    await screenshot(page, 'e2e-popup-health-columns');
    const header = '[role="columnheader"] button[aria-label="Days in stage"]';
    await page.click(header);
    await page.waitForFunction((h) => document.querySelector(h)?.closest('[role="columnheader"]')?.getAttribute('aria-sort') === 'ascending', {}, header);
    const fewest = Math.min(...open.flatMap((s) => (typeof s.daysInStage === 'number' ? [s.daysInStage] : [])));
    expect((await visibleDays(page))[0]).toBe(fewest);
    await page.click(header);
    await page.waitForFunction((h) => document.querySelector(h)?.closest('[role="columnheader"]')?.getAttribute('aria-sort') === 'descending', {}, header);
    const most = Math.max(...open.flatMap((s) => (typeof s.daysInStage === 'number' ? [s.daysInStage] : [])));
    const days = await visibleDays(page);
    expect(days[0]).toBe(most);
    const known = days.filter((d): d is number => d !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    await page.close();
  });

  it('filters on a range of days and on health, counting what the store holds', async () => {
    const page = await openPopup();
    await page.type('input[data-filter="days-min"]', '30');
    await page.type('input[data-filter="days-max"]', '90');
    const inRange = open.filter((s) => typeof s.daysInStage === 'number' && s.daysInStage >= 30 && s.daysInStage <= 90).length;
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="summary"]')?.textContent ?? '').includes(`${n} of `),
      {},
      inRange.toLocaleString('en-US'),
    );
    expect(await summary(page)).toContain(`${inRange.toLocaleString('en-US')} of ${open.length.toLocaleString('en-US')} open deals`);

    await page.select('select[data-filter="health"]', 'at-risk');
    const both = open.filter((s) => s.health === 'at-risk' && typeof s.daysInStage === 'number' && s.daysInStage >= 30 && s.daysInStage <= 90).length;
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="summary"]')?.textContent ?? '').includes(`${n} of `),
      {},
      both.toLocaleString('en-US'),
    );
    const healths = await page.$$eval('[role="grid"] [data-health]', (cells) => cells.map((c) => c.getAttribute('data-health')));
    expect(healths.length).toBeGreaterThan(0);
    expect(new Set(healths)).toEqual(new Set(['at-risk']));

    // Sorting on health with every filter cleared: the at-risk deals first (ascending is worst first).
    await page.select('select[data-filter="health"]', '');
    for (const box of ['days-min', 'days-max']) {
      await page.click(`input[data-filter="${box}"]`, { count: 3 });
      await page.keyboard.press('Backspace');
    }
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="summary"]')?.textContent ?? '').startsWith(n),
      {},
      `${open.length.toLocaleString('en-US')} open deal`,
    );
    await page.click('[role="columnheader"] button[aria-label^="Health"]');
    const atRisk = open.filter((s) => s.health === 'at-risk').length;
    await page.waitForFunction(
      () => document.querySelector('[role="grid"] [role="row"][data-row="0"] [data-health]')?.getAttribute('data-health') === 'at-risk',
      { timeout: 10_000 },
    );
    const firstHealths = await page.$$eval('[role="grid"] [role="row"][data-row]', (rows) =>
      rows.slice(0, 5).map((r) => r.querySelector('[data-health]')?.getAttribute('data-health') ?? null),
    );
    expect(firstHealths.slice(0, Math.min(5, atRisk))).toEqual(new Array(Math.min(5, atRisk)).fill('at-risk'));
    await page.close();
  });

  it('lists the quick wins the rule picks from the stored scores, and says the rule', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPopup(scheme);
      await page.click('[role="tab"][data-view="quick-wins"]');
      await page.waitForSelector('[data-testid="quick-wins"]');
      const expected = quickWins(open, model.asOf as string, model.counts.won / model.counts.closed).map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      const shown = await page.$$eval('[data-quick-win]', (rows) => rows.map((r) => r.getAttribute('data-quick-win')));
      expect(shown).toEqual(expected);
      expect(await page.$eval('[data-testid="quick-wins-rule"]', (el) => el.textContent ?? '')).toMatch(
        /expected to close within 30 days, not stalled and not at risk/,
      );
      await screenshot(page, `e2e-popup-quick-wins-${scheme}`);
      if (scheme === 'dark') {
        await page.click('[role="tab"][data-view="pipeline"]');
        await page.waitForSelector('[role="grid"] [role="row"][data-row]');
        await screenshot(page, 'e2e-popup-health-columns-dark');
      }
      await page.close();
    }
  });

  it('picks the quick wins among the deals the popup’s type filter keeps, as the store says, until the filter is cleared', async () => {
    const baseRate = model.counts.won / model.counts.closed;
    const all = quickWins(open, model.asOf as string, baseRate).map((r) => r.id);
    // A type whose deals give quick wins, but not all of them: the filter must change the list.
    const types = [...new Set(open.map((s) => s.type).filter((t): t is string => t !== null))].sort();
    const type = types.find((t) => {
      const wins = quickWins(
        open.filter((s) => s.type === t),
        model.asOf as string,
        baseRate,
      );
      return wins.length > 0 && wins.map((r) => r.id).join() !== all.join();
    }) as string;
    expect(type).toBeDefined();
    const expected = quickWins(
      open.filter((s) => s.type === type),
      model.asOf as string,
      baseRate,
    ).map((r) => r.id);
    const page = await openPopup();
    await page.select('select[data-filter="type"]', type);
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="summary"]')?.textContent ?? '').includes(`${n} of `),
      {},
      open.filter((s) => s.type === type).length.toLocaleString('en-US'),
    );
    await page.click('[role="tab"][data-view="quick-wins"]');
    await page.waitForSelector('[data-testid="quick-wins-filtered"]');
    expect(await page.$$eval('[data-quick-win]', (rows) => rows.map((r) => r.getAttribute('data-quick-win')))).toEqual(expected);
    expect(await page.$eval('[data-testid="quick-wins-filtered"]', (el) => el.textContent ?? '')).toContain(
      `Among the ${open.filter((s) => s.type === type).length.toLocaleString('en-US')} of ${open.length.toLocaleString('en-US')} open deals`,
    );
    await screenshot(page, 'e2e-popup-quick-wins-filtered');
    // Clear filters: every quick win again, and the pipeline unfiltered (the saved view too, for the tests that follow).
    await page.click('[data-testid="quick-wins-filtered"] button');
    await page.waitForFunction(() => document.querySelector('[data-testid="quick-wins-filtered"]') === null, { timeout: 10_000 });
    expect(await page.$$eval('[data-quick-win]', (rows) => rows.map((r) => r.getAttribute('data-quick-win')))).toEqual(all);
    await page.close();
  });
});

describe('pipeline insights with the popup’s filters (issue 16)', () => {
  it('changes its figures with the type filter as the store says', async () => {
    const page = await session.openExtensionPage('quality.html#insights');
    await page.setViewport({ width: 1200, height: 900 });
    await page.waitForSelector('svg[data-chart="score-histogram"]', { timeout: 30_000 });
    const types = [...new Set(open.map((s) => s.type).filter((t): t is string => !!t))].sort();
    const type = types[0] as string;
    await page.select('[data-testid="insights-filters"] select[data-filter="type"]', type);
    const expected = new Array<number>(10).fill(0);
    for (const s of open) if (s.type === type && s.winPotential !== null) expected[Math.min(9, Math.floor(s.winPotential * 10))]! += 1;
    await page.waitForFunction(
      (sum) =>
        Array.from(document.querySelectorAll('svg[data-chart="score-histogram"] rect[data-value]')).reduce(
          (a, r) => a + Number(r.getAttribute('data-value')),
          0,
        ) === sum,
      { timeout: 10_000 },
      expected.reduce((a, b) => a + b, 0),
    );
    const bars = await page.$$eval('svg[data-chart="score-histogram"] rect[data-value]', (els) => els.map((el) => Number(el.getAttribute('data-value'))));
    expect(bars).toEqual(expected);
    const count = open.filter((s) => s.type === type).length;
    expect(await page.$eval('[data-testid="insights-count"]', (el) => el.textContent ?? '')).toContain(
      `${count.toLocaleString('en-US')} of ${open.length.toLocaleString('en-US')}`,
    );
    await screenshot(page, 'e2e-insights-filtered');
    await page.close();
  });
});

describe('screens of issue 16', () => {
  it('shows an at-risk deal’s health and days in stage on its panel, light and dark', async () => {
    const deal = open.find((s) => s.health === 'at-risk' && s.stalled === true) ?? open.find((s) => s.health === 'at-risk');
    expect(deal).toBeDefined();
    for (const scheme of ['light', 'dark'] as const) {
      const page = await session.browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`chrome-extension://${session.extensionId}/detail.html?c=sandbox&id=${encodeURIComponent(deal!.id)}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.body.innerText.includes('Days in stage') || document.body.innerText.includes('At risk'), { timeout: 60_000 });
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('At risk');
      if (typeof deal!.daysInStage === 'number') expect(text).toMatch(new RegExp(`for ${deal!.daysInStage.toLocaleString('en-US')} days?;`));
      await screenshot(page, `e2e-panel-health-${scheme}`);
      await page.close();
    }
  });

  it('shows the options page’s health profile, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await session.browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // Tall enough for the whole section: an element screenshot is cut at the viewport.
      await page.setViewport({ width: 1100, height: 2400 });
      await page.goto(`chrome-extension://${session.extensionId}/options.html#health`, { waitUntil: 'load' });
      await page.waitForSelector('[data-testid="health-profile"] [data-signal="low-win"]', { timeout: 30_000 });
      expect(await page.$$eval('[data-testid="health-profile"] [data-signal]', (rows) => rows.length)).toBe(6);
      const section = await page.$('section#health');
      await section?.screenshot({ path: join(SCREENSHOT_DIR, `e2e-options-health-profile-${scheme}.png`) as `${string}.png` });
      await page.close();
    }
  });
});
