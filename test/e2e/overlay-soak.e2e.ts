/**
 * A short soak of the overlay in real Chromium (scripts/browser/soak.ts; `npm run bench`
 * runs 1,000 navigations): after syncing each sandbox CRM, many in-app navigations in one
 * tab through its record pages and views. After every step the page shows exactly one
 * panel on a record (never in a part of the page the user does not see), none on a list,
 * and at most one chip per record link, naming that link's record. The bound: after a
 * warm-up, the page's and the extension's JavaScript heaps (after a forced garbage
 * collection) end within 10 MB of where they started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSandbox } from '../../lib/sandbox/generate';
import { startSandboxCrm, type CrmName, type SandboxCrm } from '../../sandbox/crms';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch';
import { soak } from '../../scripts/browser/soak';
import { readTable, type SyncJobRow } from '../../scripts/browser/store-reader';

const NAVIGATIONS = 48;
const WARMUP = 12;
const HEAP_BOUND_MB = 10;

let session: ExtensionSession;
const crms: SandboxCrm[] = [];

beforeAll(async () => {
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  for (const crm of crms) await crm.close();
});

/** Starts the CRM, connects and syncs it from the options page, and returns its tab and the store's scored ids. */
async function synced(name: CrmName) {
  const crm = await startSandboxCrm(name, { org: generateSandbox({ seed: 11, opportunities: 300 }), renderDelayMs: 100 });
  crms.push(crm);
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(crm.firstPage);
  await page.waitForSelector('html[data-sandbox-state="ready"]');
  const options = await session.openExtensionPage('options.html');
  await crm.connect(options);
  await options.waitForFunction(
    `(async () => {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('dealsight'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const jobs = await new Promise((resolve) => { const g = db.transaction('jobs').objectStore('jobs').getAll(); g.onsuccess = () => resolve(g.result); });
      db.close();
      const sync = jobs.filter((j) => j.kind === 'sync' && j.connectionId.startsWith(${JSON.stringify(crm.connectionPrefix)})).at(-1);
      return sync && ['done', 'failed', 'cancelled'].includes(sync.status);
    })()`,
    { timeout: 120_000, polling: 250 },
  );
  const job = (await readTable<SyncJobRow & { connectionId: string; kind: string }>(options, 'jobs'))
    .filter((j) => j.kind === 'sync' && j.connectionId.startsWith(crm.connectionPrefix))
    .at(-1);
  expect(job?.status, job?.error ?? '').toBe('done');
  const scores = (await readTable<{ connectionId: string; id: string; isOpen: number }>(options, 'scores')).filter((s) =>
    s.connectionId.startsWith(crm.connectionPrefix),
  );
  await options.close();
  await page.bringToFront();
  return { crm, page, scores };
}

describe('the overlay over many in-app navigations', () => {
  for (const name of ['salesforce', 'hubspot'] as const) {
    it(`${name}: one panel per record, no stray panel or duplicate chip, and flat heaps`, async () => {
      const { crm, page, scores } = await synced(name);
      const open = scores.filter((s) => s.isOpen === 1).map((s) => s.id);
      expect(open.length).toBeGreaterThan(5);
      for (const tour of crm.soakTours(open.slice(0, 5))) {
        const result = await soak(session, page, tour, { navigations: NAVIGATIONS, warmup: WARMUP, scored: scores.map((s) => s.id) });
        expect(result.violations).toEqual([]);
        const { page: ph, extension: eh } = result.heap;
        expect(ph.end - ph.start, `${tour.name}: page heap ${ph.start.toFixed(1)} → ${ph.end.toFixed(1)} MB`).toBeLessThan(HEAP_BOUND_MB);
        expect(eh.end - eh.start, `${tour.name}: extension heap ${eh.start.toFixed(1)} → ${eh.end.toFixed(1)} MB`).toBeLessThan(HEAP_BOUND_MB);
      }
      await page.close();
      // A bound that catches a hang, not a speed goal: the HubSpot soak takes about 13 s here,
      // and one CI run of the Salesforce soak ran past the default 120 s on a busy machine.
    }, 300_000);
  }
});
