/**
 * HubSpot benchmarks (part of `npm run bench`), in real Chromium with the e2e build
 * against the sandbox HubSpot server on localhost: a full sync of 10,000 deals from the
 * options page's token (HubSpot's rate limits shape it: 4 searches a second, 190 calls per
 * ten seconds), and the panel's latency from navigation on a deal page (cached, computed,
 * fetched through the API and scored). The content script's size is in salesforce.ts's
 * bundle line, which measures every content script.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHubSpotServer } from '../../lib/sandbox/hubspot-server';
import { E2E_EXTENSION_DIR, launchWithExtension } from '../e2e/harness';
import { clickButton, readTable, type SyncJobRow } from '../e2e/store-reader';
import { median, ms, panelLatency, row } from './salesforce';

export async function benchHubSpot(): Promise<void> {
  if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) {
    console.log('HubSpot benchmarks skipped: run `npm run build:e2e` first');
    return;
  }
  const server = await startHubSpotServer({ opportunities: 10_000, renderDelayMs: 0 });
  const session = await launchWithExtension();
  try {
    const crm = await session.browser.newPage();
    await crm.setViewport({ width: 1400, height: 1000 });
    await crm.goto(server.boardUrl());
    const options = await session.openExtensionPage('options.html');
    const input = await options.waitForSelector('[data-testid="hubspot-token"]');
    await input?.type(server.token);
    await clickButton(options, /^Connect HubSpot$/);
    let syncEnd: number | null = null;
    let job: SyncJobRow | undefined;
    for (;;) {
      job = (await readTable<SyncJobRow>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1);
      if (job && syncEnd === null && job.step !== null && !/^Syncing/.test(job.step) && job.status === 'running') syncEnd = Date.now();
      if (job && ['done', 'failed', 'cancelled'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (job.status !== 'done') throw new Error(`the sync ${job.status}: ${job.error ?? ''}`);
    const started = Date.parse(job.startedAt as string);
    const total = Date.parse(job.finishedAt as string) - started;
    const stored = (await readTable<{ connectionId: string }>(options, 'opportunities')).length;
    const api = (syncEnd ?? Date.parse(job.finishedAt as string)) - started;
    row([`sync ${stored.toLocaleString('en-US')} deals: API pages fetched and stored`, ms(api), `${Math.round(stored / (api / 1000)).toLocaleString('en-US')}/s`, '']);
    row([`  the whole job (sync, train, score)`, ms(total), '', '']);

    const scores = (await readTable<{ id: string; isOpen: number }>(options, 'scores')).filter((s) => s.isOpen === 1);
    await options.close();
    await crm.bringToFront();
    const ids = scores.slice(0, 6).map((s) => s.id);
    const computed: number[] = [];
    for (const id of ids) computed.push(await panelLatency(crm, server.recordUrl(id)));
    const cached: number[] = [];
    for (const id of ids) cached.push(await panelLatency(crm, server.recordUrl(id)));
    const fetched: number[] = [];
    for (const fresh of server.addDeals(6)) fetched.push(await panelLatency(crm, server.recordUrl(fresh.id)));
    row(['HubSpot panel after navigation: cached (budget 300 ms)', ms(median(cached)), `max ${ms(Math.max(...cached))}`, '']);
    row(['HubSpot panel after navigation: in store, computed', ms(median(computed)), `max ${ms(Math.max(...computed))}`, '']);
    row(['HubSpot panel after navigation: API fetch + score (1.5 s)', ms(median(fetched)), `max ${ms(Math.max(...fetched))}`, '']);
  } finally {
    await session.close();
    await server.close();
  }
}
