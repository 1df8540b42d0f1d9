/**
 * The CRM benchmarks (part of `npm run bench`), in real Chromium with the e2e build
 * against a sandbox CRM server on localhost, the same for Salesforce and HubSpot:
 * - each content script's bundle, gzipped, against its 60 KB budget, and a check that no
 *   engine (ML) code is in it;
 * - a full sync of 10,000 records from the options page's Connect: the API part (pages
 *   fetched and stored) and the whole job (with training and scoring);
 * - the panel's latency from navigation to a visible, ready panel: records in the store
 *   whose panel must be computed, the same records again (cached), and records created
 *   after the sync (fetched through the API and scored).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer';
import { generateSandbox } from '../../lib/sandbox/generate';
import { E2E_EXTENSION_DIR, launchWithExtension } from '../../scripts/browser/launch';
import { startSandboxCrm, type CrmName } from '../../sandbox/crms';
import { waitForRoots } from '../../scripts/browser/shadow';
import { readTable, type SyncJobRow } from '../../scripts/browser/store-reader';
import { engineMarkers, PACKAGE_MARKERS } from '../architecture/engine-markers';
import { REPO_ROOT } from '../architecture/import-graph';

const row = (cells: string[]): void => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(58) : c.padStart(16))).join(''));
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function benchContentScripts(extensionDir = E2E_EXTENSION_DIR): void {
  const dir = join(extensionDir, 'content-scripts');
  // The strings only engine code (and dexie, comlink, ml-*) holds: test/e2e/content-bundle.e2e.ts's list.
  const markers = [...engineMarkers(REPO_ROOT), ...PACKAGE_MARKERS].map((m) => m.text);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(dir, file));
    const gz = gzipSync(code, { level: 9 }).length;
    const leaked = markers.filter((m) => code.includes(m));
    row([
      `content script ${file}, gzipped (budget 60 KB)`,
      `${(gz / 1024).toFixed(1)} KB`,
      gz <= 60 * 1024 ? 'within' : 'OVER',
      leaked.length === 0 ? 'no ML code' : `ML: ${leaked.join(',')}`,
    ]);
  }
}

/**
 * Milliseconds from the navigation's start until the overlay says 'ready': the page's clock
 * at the first look that finds it so. Looks every 10 ms through the DevTools protocol (the
 * panel's root is closed, scripts/browser/shadow.ts), each a few round trips: the figure can
 * be a few ms later than the moment itself.
 */
async function panelLatency(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return (await waitForRoots(
    page,
    `(() => {
      const host = document.querySelector('dealsight-panel');
      const root = rootOf(host);
      const ready = root && root.querySelector('[data-overlay-state="ready"]');
      return ready && host.getBoundingClientRect().height > 0 ? performance.now() : null;
    })()`,
    { polling: 10, timeout: 30_000 },
  )) as number;
}

export async function benchCrm(name: CrmName, count = 10_000): Promise<void> {
  const crm = await startSandboxCrm(name, { org: generateSandbox({ seed: 7, opportunities: count }), renderDelayMs: 0 });
  const session = await launchWithExtension();
  try {
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(crm.firstPage);
    await page.waitForSelector('html[data-sandbox-state="ready"]');

    const options = await session.openExtensionPage('options.html');
    await crm.connect(options);
    // Poll the job: the moment its step leaves the sync for training marks the API part's end.
    let syncEnd: number | null = null;
    let job: SyncJobRow | undefined;
    for (;;) {
      job = (await readTable<SyncJobRow>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1);
      if (job && syncEnd === null && job.step !== null && !/^Syncing/.test(job.step) && job.status === 'running') syncEnd = Date.now();
      if (job && ['done', 'failed', 'cancelled'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (job.status !== 'done') throw new Error(`the ${crm.label} sync ${job.status}: ${job.error ?? ''}`);
    const started = Date.parse(job.startedAt as string);
    const total = Date.parse(job.finishedAt as string) - started;
    const stored = (await readTable<{ connectionId: string }>(options, 'opportunities')).length;
    const api = (syncEnd ?? Date.parse(job.finishedAt as string)) - started;
    row([
      `sync ${stored.toLocaleString('en-US')} ${crm.records}: API pages fetched and stored`,
      ms(api),
      `${Math.round(stored / (api / 1000)).toLocaleString('en-US')}/s`,
      '',
    ]);
    row([`  the whole job (sync, train, score)`, ms(total), '', '']);

    const scores = (await readTable<{ id: string; isOpen: number }>(options, 'scores')).filter((s) => s.isOpen === 1);
    await options.close();
    await page.bringToFront();
    const ids = scores.slice(0, 6).map((s) => s.id);
    // In the store, panel not computed yet; then the same records again, now cached.
    const computed: number[] = [];
    for (const id of ids) computed.push(await panelLatency(page, crm.recordUrl(id)));
    const cached: number[] = [];
    for (const id of ids) cached.push(await panelLatency(page, crm.recordUrl(id)));
    // Not in the store: created in the CRM after the sync.
    const fetched: number[] = [];
    for (const fresh of crm.addRecords(6)) fetched.push(await panelLatency(page, crm.recordUrl(fresh.id)));
    row(['panel after navigation: cached record (budget 300 ms)', ms(median(cached)), `max ${ms(Math.max(...cached))}`, '']);
    row(['panel after navigation: in store, computed (median of 6)', ms(median(computed)), `max ${ms(Math.max(...computed))}`, '']);
    row(['panel after navigation: API fetch + score (budget 1.5 s)', ms(median(fetched)), `max ${ms(Math.max(...fetched))}`, '']);
  } finally {
    await session.close();
    await crm.close();
  }
}
