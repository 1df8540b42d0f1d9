/**
 * The overlay's soak (part of `npm run bench`): 1,000 in-app navigations in one Chromium
 * tab through a synced sandbox CRM's record pages and views (scripts/browser/soak.ts),
 * with what went wrong (none is the goal), the median time to a settled page, and the
 * page's and the extension's JavaScript heaps after warm-up and at the end (flat is the
 * goal: within 10 MB).
 */
import { generateSandbox } from '../../lib/sandbox/generate';
import { startSandboxCrm, type CrmName } from '../../sandbox/crms';
import { launchWithExtension } from '../../scripts/browser/launch';
import { soak } from '../../scripts/browser/soak';
import { readTable, type SyncJobRow } from '../../scripts/browser/store-reader';

const row = (cells: string[]): void => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(58) : c.padStart(16))).join(''));

export async function benchSoak(name: CrmName, navigations = 1000): Promise<void> {
  const crm = await startSandboxCrm(name, { org: generateSandbox({ seed: 7, opportunities: 2000 }), renderDelayMs: 50 });
  const session = await launchWithExtension();
  try {
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(crm.firstPage);
    await page.waitForSelector('html[data-sandbox-state="ready"]');
    const options = await session.openExtensionPage('options.html');
    await crm.connect(options);
    let job: SyncJobRow | undefined;
    for (;;) {
      job = (await readTable<SyncJobRow & { kind: string }>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1);
      if (job && ['done', 'failed', 'cancelled'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (job.status !== 'done') throw new Error(`the ${crm.label} sync ${job.status}: ${job.error ?? ''}`);
    const scores = await readTable<{ id: string; isOpen: number }>(options, 'scores');
    await options.close();
    await page.bringToFront();
    const open = scores.filter((s) => s.isOpen === 1).map((s) => s.id);
    const tours = crm.soakTours(open.slice(0, 8));
    const mb = (x: number) => `${x.toFixed(1)} MB`;
    for (const tour of tours) {
      const share = Math.ceil(navigations / tours.length);
      const started = Date.now();
      const result = await soak(session, page, tour, { navigations: share, warmup: 50, scored: scores.map((s) => s.id) });
      const seconds = (Date.now() - started) / 1000;
      row([
        `${tour.name}: ${share.toLocaleString('en-US')} in-app navigations (${seconds.toFixed(0)} s)`,
        `${result.violations.length} wrong`,
        `median ${result.medianStepMs} ms`,
        '',
      ]);
      for (const v of result.violations.slice(0, 5)) console.log(`  ${v}`);
      const { page: ph, extension: eh } = result.heap;
      row(['  page heap after warm-up → end (bound +10 MB)', `${mb(ph.start)} → ${mb(ph.end)}`, `+${mb(ph.end - ph.start)}`, '']);
      row(['  extension heap after warm-up → end (bound +10 MB)', `${mb(eh.start)} → ${mb(eh.end)}`, `+${mb(eh.end - eh.start)}`, '']);
    }
  } finally {
    await session.close();
    await crm.close();
  }
}
