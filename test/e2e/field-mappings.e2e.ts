/**
 * Putting a set-aside field back on the options page, in real Chromium (issue 15 item 4):
 * a file with a column the importer sets aside by name and one the training's coverage
 * check sets aside is imported through the page; the field mappings list both unticked
 * with their reasons; ticking one shows the warning (screenshot light and dark); saving
 * stores it as kept and retrains, and the stored win model then uses it. Waits are on
 * conditions, never sleeps.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldMappingRecord, JobRecord, ModelRecord } from '../../lib/store/schema';
import { launchWithExtension, SCREENSHOT_DIR, type ExtensionSession } from '../../scripts/browser/launch';
import { clickButton, readTable } from '../../scripts/browser/store-reader';
import { fieldMappingsCsv } from './field-mappings-file';

let work: string;
let session: ExtensionSession;

const PUT_BACK = 'input[aria-label="Put Days In Last Stage back as a model attribute"]';

/** Waits until every job of `kind` is finished and at least `count` of them are done. */
async function jobsDone(page: Page, kind: JobRecord['kind'], count: number): Promise<JobRecord[]> {
  await page.waitForFunction(
    `new Promise((resolve) => {
      const request = indexedDB.open('dealsight');
      request.onerror = () => resolve(false);
      request.onsuccess = () => {
        const db = request.result;
        const all = db.transaction('jobs').objectStore('jobs').getAll();
        all.onsuccess = () => {
          const jobs = all.result.filter((j) => j.kind === ${JSON.stringify(kind)});
          db.close();
          resolve(jobs.length >= ${count} && jobs.every((j) => ['done', 'failed', 'cancelled'].includes(j.status)));
        };
        all.onerror = () => resolve(false);
      };
    })`,
    { timeout: 120_000, polling: 250 },
  );
  return (await readTable<JobRecord>(page, 'jobs')).filter((j) => j.kind === kind);
}

async function optionsAt(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await session.browser.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  // Tall enough for the whole section: an element screenshot is cut at the viewport.
  await page.setViewport({ width: 1100, height: 2400 });
  await page.goto(`chrome-extension://${session.extensionId}/options.html#mappings`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="field-table"] [data-set-aside="model"]', { timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dealsight-mappings-'));
  const file = join(work, 'bids.csv');
  await writeFile(file, fieldMappingsCsv());
  session = await launchWithExtension();
  const page = await session.openExtensionPage('options.html');
  const input = await page.waitForSelector('[data-testid="csv-input"]');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
  const [imported] = await jobsDone(page, 'import', 1);
  expect(imported).toMatchObject({ status: 'done', error: null });
  await page.close();
}, 180_000);

afterAll(async () => {
  await session?.close();
  await rm(work, { recursive: true, force: true });
});

describe('field mappings: putting a set-aside field back', () => {
  it('lists both set-aside fields unticked with their reasons, warns on ticking one, and retrains with it once saved', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await optionsAt(scheme);
      const rows = await page.$$eval('[data-testid="field-row"]', (trs) =>
        trs.map((tr) => ({
          label: tr.querySelector('label')?.textContent,
          by: tr.getAttribute('data-set-aside'),
          checked: (tr.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
          disabled: (tr.querySelector('input[type="checkbox"]') as HTMLInputElement).disabled,
          reason: tr.querySelector('[data-testid="set-aside-reason"]')?.textContent ?? null,
        })),
      );
      expect(rows).toEqual([
        { label: 'Industry', by: null, checked: true, disabled: false, reason: null },
        {
          label: 'Competitor',
          by: 'model',
          checked: false,
          disabled: false,
          reason: 'Set aside by the last training: filled on 100% of closed deals but 0% of open ones: known only at the close.',
        },
        {
          label: 'Days In Last Stage',
          by: 'importer',
          checked: false,
          disabled: false,
          reason: 'Set at the close: counts days in the stage the deal was in last, which is the closing stage on closed deals.',
        },
      ]);
      // By keyboard, as a user without a mouse puts it back.
      await page.focus(PUT_BACK);
      await page.keyboard.press('Space');
      const warning = await page.waitForSelector('[data-testid="put-back"]', { timeout: 10_000 });
      expect(await warning?.evaluate((el) => el.textContent)).toContain('Win Potential may look better on past deals than it will be on open ones');
      expect(await page.$eval(PUT_BACK, (el) => el.getAttribute('aria-describedby')?.split(' ').length)).toBe(2);
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await (
        await page.$('section#mappings')
      )?.screenshot({ path: join(SCREENSHOT_DIR, `e2e-options-field-mappings-put-back-${scheme}.png`) as `${string}.png` });
      if (scheme === 'dark') {
        await clickButton(page, /^Save and retrain$/);
        await page.waitForFunction(() => (document.querySelector('section#mappings')?.textContent ?? '').includes('Saved. Retraining bids.csv'), {
          timeout: 20_000,
        });
        const [trained] = await jobsDone(page, 'train', 1);
        expect(trained).toMatchObject({ status: 'done', error: null });
        const [mapping] = await readTable<FieldMappingRecord>(page, 'fieldMappings');
        expect(mapping).toMatchObject({ excluded: [], kept: ['daysInLastStage'] });
        const [model] = await readTable<ModelRecord>(page, 'models');
        const features = model?.win?.encoder.features.map((f) => f.key) ?? [];
        expect(features).toContain('attr:daysInLastStage');
        expect(features).not.toContain('attr:competitor');
      }
      await page.close();
    }
  });
});
