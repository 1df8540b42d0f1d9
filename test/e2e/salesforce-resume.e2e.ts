/**
 * Salesforce in real Chromium, when a sync is interrupted: the sandbox server fails every
 * query page after the first, so the sync stops with one page stored and its resume point.
 * "Sync now" on the connected org then resumes from that point (not from the start), and a
 * record page that was open the whole time shows its panel as soon as the sync finishes,
 * without a reload.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedSinceDate } from '../../lib/crm/salesforce/soql';
import { startSalesforceServer } from '../../sandbox/salesforce';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { panelState, panelText, waitForRoots } from '../../scripts/browser/shadow';
import { clickButton, readTable } from '../../scripts/browser/store-reader';

type Server = Awaited<ReturnType<typeof startSalesforceServer>>;

interface Job {
  id: number;
  kind: string;
  status: string;
  summary: string | null;
  error: string | null;
}

let server: Server;
let session: ExtensionSession;
let crm: Page;
let options: Page;

/** The newest sync job once it has ended. */
async function finishedSync(page: Page, after = 0): Promise<Job> {
  for (let i = 0; i < 240; i++) {
    const job = (await readTable<Job>(page, 'jobs')).filter((j) => j.kind === 'sync' && j.id > after).at(-1);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The sync did not end within 2 minutes.');
}

const overlayState = (page: Page): Promise<string | null> => panelState(page);

beforeAll(async () => {
  server = await startSalesforceServer({ opportunities: 2500 });
  session = await launchWithExtension();
  crm = await session.browser.newPage();
  await crm.setViewport({ width: 1400, height: 1000 });
  await crm.goto(server.loginUrl());
  await crm.waitForSelector('html[data-sandbox-state="ready"]');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('an interrupted Salesforce sync', () => {
  let firstJob: Job;
  let partial = 0;

  it('stops after the first page when the next ones fail, keeping that page and where to resume', async () => {
    // Every query page after the first (…/query/<locator>-<offset>) answers 500, however often it is retried.
    server.faults.serverError({ status: 500, path: /\/query\/[0-9A-Za-z]+-\d+$/, times: Infinity });
    options = await session.openExtensionPage('options.html');
    await clickButton(options, /^Connect\b/);
    firstJob = await finishedSync(options);
    expect(firstJob.status).toBe('failed');
    expect(firstJob.error).toMatch(/Salesforce/);
    const stored = (await readTable<{ connectionId: string }>(options, 'opportunities')).filter((o) => o.connectionId.startsWith('salesforce:'));
    partial = stored.length;
    // One page of the default 2,000 records.
    expect(partial).toBe(2000);
    const [state] = await readTable<{ cursor: string | null }>(options, 'syncState');
    expect(state?.cursor).toBeTruthy();
    server.faults.clear();
  });

  it('shows "not synced" on a record page of the org before the models exist', async () => {
    const stored = await readTable<{ id: string; isClosed: number }>(options, 'opportunities');
    const record = stored.find((o) => o.isClosed === 0) as { id: string };
    await crm.bringToFront();
    await crm.goto(server.recordUrl(record.id));
    await waitForRoots(
      crm,
      `(() => { const s = rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state'); return s && s !== 'loading'; })()`,
      { timeout: 30_000 },
    );
    expect(await overlayState(crm)).toBe('not-synced');
  });

  it('resumes from the stored page with Sync now, and the open record page shows its panel without a reload', async () => {
    await options.bringToFront();
    await options.reload({ waitUntil: 'load' });
    await clickButton(options, /^Sync now$/);
    const job = await finishedSync(options, firstJob.id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    // The resumed run fetched only what the first one had not stored.
    expect(job.summary).toMatch(/^Full sync \(resumed\): /);
    const since = closedSinceDate(new Date(), 3);
    const expected = server.org.opportunities.filter((o) => !o.isClosed || (o.closeDate ?? '') >= since).length;
    expect(job.summary).toContain(`${expected.toLocaleString('en-US')} stored`);
    const all = (await readTable<{ connectionId: string }>(options, 'opportunities')).filter((o) => o.connectionId.startsWith('salesforce:'));
    expect(all).toHaveLength(expected);
    expect(all.length).toBeGreaterThan(partial);

    // The record page was not reloaded: the background told it the store changed. (It is a
    // background tab: poll on a timer, since animation frames do not run there.)
    await waitForRoots(
      crm,
      `rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === 'ready'`,
      {
        timeout: 30_000,
        polling: 200,
      },
    );
    expect(await crm.$$eval('dealsight-panel', (hosts) => hosts.length)).toBe(1);
    expect(await panelText(crm)).toContain('Win Potential');
    await screenshot(options, 'e2e-salesforce-resumed-options');
    await crm.bringToFront();
    await screenshot(crm, 'e2e-salesforce-resumed-record');
  });

  it('adds a custom field chosen under "What to sync": the next sync reads it on every deal', async () => {
    await options.bringToFront();
    await options.click('[data-testid="salesforce-settings"] summary');
    const region = await options.waitForFunction(
      `Array.from(document.querySelectorAll('[data-testid="salesforce-settings"] label')).find((l) => /Region__c/.test(l.textContent || ''))?.querySelector('input') || null`,
      { timeout: 10_000 },
    );
    await (region as unknown as ElementHandle<HTMLInputElement>).click();
    await clickButton(options, /^Save$/);
    await options.waitForFunction(`document.body.textContent.includes('The next sync uses these settings.')`, { timeout: 10_000 });
    const settings = await options.$('[data-testid="salesforce-settings"]');
    await settings?.screenshot({ path: 'screenshots/e2e-salesforce-what-to-sync.png' });
    const last = (await readTable<Job>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1) as Job;
    await clickButton(options, /^Sync now$/);
    const job = await finishedSync(options, last.id);
    expect(job.status).toBe('done');
    // New fields need every deal read again, not only the ones changed since the last sync.
    expect(job.summary).toMatch(/^Full sync: /);
    const stored = (await readTable<{ connectionId: string; opportunity: { attributes: Record<string, unknown> } }>(options, 'opportunities')).filter((o) =>
      o.connectionId.startsWith('salesforce:'),
    );
    expect(stored.every((o) => typeof o.opportunity.attributes.Region__c === 'string')).toBe(true);
    const [mapping] = await readTable<{ fields: Array<{ key: string }> }>(options, 'fieldMappings');
    expect(mapping?.fields.map((f) => f.key)).toContain('Region__c');
  });
});
