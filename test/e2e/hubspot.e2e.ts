/**
 * HubSpot end to end, in real Chromium against the sandbox HubSpot server: connect a
 * portal with its private app token from the options page (a 429 on the way is waited
 * out), sync past the search API's 10,000-result cap, then the engine's numbers on a deal
 * page, navigation between deals, board chips, an interrupted sync resumed, and the token
 * errors. A Salesforce org connected in the same browser works beside it.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedSinceDate } from '../../lib/crm/shared/window';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { startSalesforceServer } from '../../sandbox/salesforce';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { evaluateWithRoots, panelState, panelText, waitForRoots } from '../../scripts/browser/shadow';
import { clickButton, readTable, type SyncJobRow } from '../../scripts/browser/store-reader';
import { shownWin } from '../../lib/format';

interface StoredScore {
  connectionId: string;
  id: string;
  isOpen: number;
  winPotential: number | null;
}

let server: HubSpotServer;
let session: ExtensionSession;
let crm: Page;
let options: Page;
const extensionErrors: string[] = [];

async function finishedSync(page: Page, connectionPrefix: string, after = 0): Promise<SyncJobRow & { connectionId: string }> {
  for (let i = 0; i < 360; i++) {
    const job = (await readTable<SyncJobRow & { connectionId: string }>(page, 'jobs'))
      .filter((j) => j.kind === 'sync' && j.id > after && j.connectionId.startsWith(connectionPrefix))
      .at(-1);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The sync did not end within 3 minutes.');
}

async function connectWith(page: Page, token: string): Promise<void> {
  await page.bringToFront();
  const input = (await page.waitForSelector('[data-testid="hubspot-connect"] [data-testid="hubspot-token"]')) as ElementHandle<HTMLInputElement>;
  await input.click({ count: 3 });
  await input.type(token);
  await clickButton(page, /^Connect HubSpot$/);
}

const overlayState = (page: Page): Promise<string | null> => panelState(page);

async function waitForState(page: Page, wanted: string): Promise<void> {
  await waitForRoots(
    page,
    `rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === ${JSON.stringify(wanted)}`,
    {
      timeout: 30_000,
      polling: 200,
    },
  );
}

beforeAll(async () => {
  // More deals than one search query may page through (10,000): the sync must split it.
  server = await startHubSpotServer({ opportunities: 12_000 });
  session = await launchWithExtension();
  session.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('console', (message) => {
      if (message.type() === 'error' && (target.url().startsWith('chrome-extension://') || message.text().includes('[Dealsight]')))
        extensionErrors.push(`${target.url()}: ${message.text()}`);
    });
  });
  crm = await session.browser.newPage();
  await crm.setViewport({ width: 1400, height: 1000 });
  await crm.goto(server.boardUrl());
  await crm.waitForSelector('html[data-sandbox-state="ready"]');
}, 180_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('HubSpot, from a private app token to the panels', () => {
  it('refuses a wrong token and an expired one, naming the fix', async () => {
    options = await session.openExtensionPage('options.html');
    await connectWith(options, 'pat-na1-not-a-real-token');
    await options.waitForFunction(`document.body.textContent.includes('does not recognise the key')`, { timeout: 20_000, polling: 200 });
    const old = server.token;
    server.rotateToken();
    await connectWith(options, old);
    await options.waitForFunction(`document.body.textContent.includes('has expired')`, { timeout: 20_000, polling: 200 });
    expect((await readTable<{ id: string }>(options, 'connections')).length).toBe(0);
  });

  it('connects the portal and syncs past the 10,000-result cap, waiting out a 429', async () => {
    server.faults.rateLimit({ retryAfter: 1, times: 1, path: /\/crm\/objects\/2026-09\/deals\/search/ });
    await connectWith(options, server.token);
    const job = await finishedSync(options, 'hubspot:');
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    const since = closedSinceDate(new Date(), 3);
    const expected = server.org.opportunities.filter((o) => !o.isClosed || (o.closeDate ?? '') >= since).length;
    expect(expected).toBeGreaterThan(10_000);
    expect(job.summary).toContain(`${expected.toLocaleString('en-US')} stored`);
    const stored = (await readTable<{ connectionId: string }>(options, 'opportunities')).filter((o) => o.connectionId === `hubspot:${server.portalId}`);
    expect(stored).toHaveLength(expected);
    await screenshot(options, 'e2e-hubspot-options');
    // ~12,000 deals through HubSpot's rate limits (4 searches a second, 190 calls per 10 s), then training.
  }, 300_000);

  it("shows the engine's Win Potential on a deal page, and follows navigation between deals", async () => {
    const scores = (await readTable<StoredScore>(options, 'scores')).filter(
      (s) => s.connectionId.startsWith('hubspot:') && s.isOpen === 1 && s.winPotential !== null,
    );
    const [first, second] = scores as [StoredScore, StoredScore];
    await crm.bringToFront();
    await crm.goto(server.recordUrl(first.id));
    await waitForState(crm, 'ready');
    const text = await panelText(crm);
    expect(text).toContain(`${Math.round(shownWin(first.winPotential as number) * 100)}%`);
    expect(text).toContain('Repeat Buyer Potential');
    // The panels sit in the record's left sidebar.
    expect(await crm.$eval('dealsight-panel', (host) => host.closest('[data-test-id="left-sidebar"]') !== null)).toBe(true);
    await screenshot(crm, 'e2e-hubspot-record');

    // In-place navigation (history.pushState) to another deal: one panel, in the other deal's page (its sidebar shows its name), the other deal's numbers.
    const secondName = server.org.opportunities.find((o) => o.id === second.id)!.name;
    await crm.evaluate(
      `history.pushState({}, '', ${JSON.stringify(new URL(server.recordUrl(second.id)).pathname)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await waitForRoots(
      crm,
      `(() => { const host = document.querySelector('dealsight-panel'); return host && host.closest('[data-test-id="left-sidebar"]')?.querySelector('[data-selenium-test="highlightTitle"]')?.textContent === ${JSON.stringify(secondName)} && rootOf(host).querySelector('[data-overlay-state="ready"]'); })()`,
      { timeout: 30_000, polling: 200 },
    );
    expect(await crm.$$eval('dealsight-panel', (hosts) => hosts.length)).toBe(1);
    expect(await panelText(crm)).toContain(`${Math.round(shownWin(second.winPotential as number) * 100)}%`);
  });

  it('puts Win Potential chips on the deals board that match the stored scores', async () => {
    const scores = new Map((await readTable<StoredScore>(options, 'scores')).filter((s) => s.connectionId.startsWith('hubspot:')).map((s) => [s.id, s]));
    await crm.goto(server.boardUrl());
    await crm.waitForFunction(`document.querySelectorAll('dealsight-chip').length >= 5`, { timeout: 30_000, polling: 200 });
    const chips = (await evaluateWithRoots(
      crm,
      `Array.from(document.querySelectorAll('[data-test-id="cdb-column-item"]')).map((card) => ({ id: card.getAttribute('data-selenium-id'), text: rootOf(card.querySelector('dealsight-chip'))?.textContent ?? '' })).filter((c) => c.text !== '')`,
    )) as Array<{ id: string; text: string }>;
    expect(chips.length).toBeGreaterThanOrEqual(5);
    for (const chip of chips.slice(0, 10)) {
      const score = scores.get(chip.id);
      expect(score).toBeDefined();
      expect(chip.text).toContain(`${Math.round(shownWin(score?.winPotential as number) * 100)}%`);
    }
    await screenshot(crm, 'e2e-hubspot-board');

    // The list view's rows get the same chips.
    await crm.goto(server.listUrl());
    await crm.waitForFunction(`document.querySelectorAll('tr[data-test-id^="row-"] dealsight-chip').length >= 5`, { timeout: 30_000, polling: 200 });
    const rows = (await evaluateWithRoots(
      crm,
      `Array.from(document.querySelectorAll('tr[data-test-id^="row-"]')).map((row) => ({ id: row.getAttribute('data-test-id').slice('row-'.length), text: rootOf(row.querySelector('dealsight-chip'))?.textContent ?? '' })).filter((r) => r.text !== '')`,
    )) as Array<{ id: string; text: string }>;
    for (const row of rows.slice(0, 5)) expect(row.text).toContain(`${Math.round(shownWin(scores.get(row.id)?.winPotential as number) * 100)}%`);
    await screenshot(crm, 'e2e-hubspot-list');
  });

  it("opens the popup's best deal on its HubSpot page", async () => {
    const best = (await readTable<StoredScore>(options, 'scores'))
      .filter((s) => s.connectionId.startsWith('hubspot:') && s.isOpen === 1 && s.winPotential !== null)
      .sort((a, b) => (b.winPotential as number) - (a.winPotential as number))[0] as StoredScore;
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="grid"] [role="row"][data-row="0"]', { timeout: 30_000 });
    const target = session.browser.waitForTarget((t) => t.url().includes('/record/0-3/'), { timeout: 10_000 });
    await popup.click('[role="grid"] [role="row"][data-row="0"]');
    expect((await target).url()).toBe(server.recordUrl(best.id));
    await popup.close();
  });

  it("follows HubSpot's dark theme on a deal page", async () => {
    const deal = (await readTable<StoredScore>(options, 'scores')).find((s) => s.connectionId.startsWith('hubspot:') && s.isOpen === 1) as StoredScore;
    await crm.setCookie({ name: 'sandbox_hs_theme', value: 'dark', url: server.url });
    await crm.goto(server.recordUrl(deal.id));
    await waitForState(crm, 'ready');
    expect(
      await evaluateWithRoots(crm, (rootOf) =>
        rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-ds-theme]')?.getAttribute('data-ds-theme'),
      ),
    ).toBe('dark');
    await screenshot(crm, 'e2e-hubspot-record-dark');
    await crm.setCookie({ name: 'sandbox_hs_theme', value: 'light', url: server.url });
  });

  it('resumes an interrupted sync where it stopped', async () => {
    const touched = server.org.opportunities
      .filter((o) => !o.isClosed)
      .slice(0, 600)
      .map((o) => o.id);
    server.touch(touched, { dealname: 'Renamed deal' });
    const before = (await readTable<SyncJobRow>(options, 'jobs')).filter((j) => j.kind === 'sync').at(-1) as SyncJobRow;
    await options.bringToFront();
    await clickButton(options, /^Sync now$/);
    // Once the first page is stored, every later search fails, retries included.
    for (let i = 0; i < 200; i++) {
      const job = (await readTable<SyncJobRow>(options, 'jobs')).find((j) => j.id > before.id);
      if (job && job.done >= 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    server.faults.serverError({ status: 500, times: Infinity, path: /\/crm\/objects\/2026-09\/deals\/search/ });
    const broken = await finishedSync(options, 'hubspot:', before.id);
    server.faults.clear();
    expect(broken.status).toBe('failed');
    const [state] = (await readTable<{ connectionId: string; cursor: string | null }>(options, 'syncState')).filter((s) =>
      s.connectionId.startsWith('hubspot:'),
    );
    expect(state?.cursor).toBeTruthy();
    await clickButton(options, /^Sync now$/);
    const resumed = await finishedSync(options, 'hubspot:', broken.id);
    expect(resumed.error).toBeNull();
    expect(resumed.summary).toMatch(/^Incremental sync \(resumed\): /);
    const renamed = (await readTable<{ connectionId: string; opportunity: { name: string } }>(options, 'opportunities')).filter(
      (o) => o.connectionId.startsWith('hubspot:') && o.opportunity.name === 'Renamed deal',
    );
    expect(renamed).toHaveLength(600);
  });

  it('works beside a Salesforce org connected in the same browser', async () => {
    const salesforce = await startSalesforceServer({ opportunities: 400 });
    try {
      const sf = await session.browser.newPage();
      await sf.goto(salesforce.loginUrl());
      await sf.waitForSelector('html[data-sandbox-state="ready"]');
      await options.bringToFront();
      await options.reload({ waitUntil: 'load' });
      await clickButton(options, new RegExp(`^Connect ${new URL(salesforce.url).host.replace(/\./g, '\\.')}$`));
      const job = await finishedSync(options, 'salesforce:');
      expect(job.error).toBeNull();
      expect(job.status).toBe('done');
      const connections = (await readTable<{ id: string }>(options, 'connections')).map((c) => c.id).sort();
      expect(connections).toEqual([`hubspot:${server.portalId}`, `salesforce:${salesforce.orgId}`].sort());
      const scores = await readTable<StoredScore>(options, 'scores');
      const sfDeal = scores.find((s) => s.connectionId.startsWith('salesforce:') && s.isOpen === 1) as StoredScore;
      await sf.bringToFront();
      await sf.goto(salesforce.recordUrl(sfDeal.id));
      await waitForState(sf, 'ready');
      const hsDeal = scores.find((s) => s.connectionId.startsWith('hubspot:') && s.isOpen === 1) as StoredScore;
      await crm.bringToFront();
      await crm.goto(server.recordUrl(hsDeal.id));
      await waitForState(crm, 'ready');
      // Each page is answered from its own CRM's data.
      expect(await panelText(crm)).toContain(`${Math.round(shownWin(hsDeal.winPotential as number) * 100)}%`);
      await sf.close();
    } finally {
      await salesforce.close();
    }
  });

  it('asks for a new token when the stored one expired and a deal must be fetched', async () => {
    const [fresh] = server.addDeals(1);
    server.rotateToken();
    await crm.bringToFront();
    await crm.goto(server.recordUrl((fresh as { id: string }).id));
    await waitForState(crm, 'session-expired');
    expect(await overlayState(crm)).toBe('session-expired');
    expect(await panelText(crm)).toMatch(/HubSpot/);
  });

  it('logged no errors from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
