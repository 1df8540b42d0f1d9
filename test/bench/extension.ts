/**
 * The extension's own benchmarks, in real Chromium with the e2e build (part of
 * `npm run bench`): training through the engine worker, panel data answer times (cached
 * and computed), and the popup's first render with 10,000 open deals.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { E2E_EXTENSION_DIR, launchWithExtension } from '../../scripts/browser/launch';
import { readTable } from '../../scripts/browser/store-reader';

interface JobRow {
  id: number;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  summary: string | null;
}

const row = (cells: string[]): void => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(58) : c.padStart(16))).join(''));
const ms = (x: number): string => `${x.toFixed(0)} ms`;

async function runJob(page: Page, message: Record<string, unknown>): Promise<JobRow> {
  const reply = (await page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  )) as { ok: boolean; jobId?: number; error?: string };
  if (!reply.ok || reply.jobId === undefined) throw new Error(`the background refused the job: ${reply.error ?? 'no answer'}`);
  for (;;) {
    const job = (await readTable<JobRow>(page, 'jobs')).find((j) => j.id === reply.jobId);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function benchExtension(): Promise<void> {
  if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) {
    console.log('extension benchmarks skipped: run `npm run build:e2e` first');
    return;
  }
  const session = await launchWithExtension();
  try {
    const page = await session.openExtensionPage('popup.html');
    const job = await runJob(page, { type: 'start-sandbox', seed: 7, opportunities: 50_000 });
    if (job.status !== 'done') throw new Error(`the sandbox job ${job.status}: ${job.error ?? ''}`);
    const seconds = Date.parse(job.finishedAt as string) - Date.parse(job.startedAt as string);
    row(['through the worker: generate, store and train on 50,000', ms(seconds), '', '']);
    const scores = await readTable<{ id: string; isOpen: number }>(page, 'scores');
    const open = scores.filter((s) => s.isOpen === 1);
    row([`  open deals scored`, open.length.toLocaleString('en-US'), '', '']);

    // Panel data: computed on a miss (models loaded once, then per record), then cached.
    // Plain JavaScript text: tsx would wrap named functions of a TypeScript callback in a
    // `__name` helper that does not exist in the page.
    const ids = JSON.stringify(open.slice(0, 11).map((s) => s.id));
    const times = (await page.evaluate(`(async (ids) => {
      const measure = async (id) => {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'get-panel', connectionId: 'sandbox', opportunityId: id });
        if (!reply || !reply.ok) throw new Error(JSON.stringify(reply));
        return performance.now() - start;
      };
      const first = await measure(ids[0]);
      const computed = [];
      for (const id of ids.slice(1)) computed.push(await measure(id));
      const cached = [];
      for (const id of ids.slice(1)) cached.push(await measure(id));
      return { first, computed, cached };
    })(${ids})`)) as { first: number; computed: number[]; cached: number[] };
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    row(['panel data, first record (loads the models in the worker)', ms(times.first), '', '']);
    row(['panel data, computed (median of 10)', ms(median(times.computed)), '', '']);
    row(['panel data, cached (median of 10)', ms(median(times.cached)), '', '']);

    // The popup's first render with every open deal.
    const popup = await session.browser.newPage();
    await popup.evaluateOnNewDocument(`
      const observer = new MutationObserver(() => {
        if (document.querySelector('[role="gridcell"]')) {
          globalThis.firstRow = performance.now();
          observer.disconnect();
        }
      });
      document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
    `);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('[role="gridcell"]', { timeout: 60_000 });
    const firstRow = await popup.evaluate(() => (globalThis as unknown as { firstRow: number }).firstRow);
    row([`popup first render, ${open.length.toLocaleString('en-US')} open deals`, ms(firstRow), '', '']);
  } finally {
    await session.close();
  }
}
