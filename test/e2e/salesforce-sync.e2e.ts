/**
 * Salesforce end to end, in real Chromium against the sandbox Salesforce server: connect
 * the org of an open tab from the options page (a 429 on the way is waited out), sync with
 * pagination, then see the engine's numbers in the record page's panel and the list chips,
 * and the reconnect state once the session expires. The extension must log no errors.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedSinceDate } from '../../lib/crm/salesforce/soql';
import { startSalesforceServer } from '../../sandbox/salesforce';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { evaluateWithRoots, panelText, waitForRoots } from '../../scripts/browser/shadow';
import { readTable } from '../../scripts/browser/store-reader';
import { shownWin } from '../../lib/format';

type Server = Awaited<ReturnType<typeof startSalesforceServer>>;

interface StoredScore {
  connectionId: string;
  id: string;
  isOpen: number;
  winPotential: number | null;
  repeatBuyerPotential: number | null;
}

let server: Server;
let session: ExtensionSession;
let crm: Page;
const extensionErrors: string[] = [];

beforeAll(async () => {
  // More than one query page (2,000 records a page by default): the sync must follow nextRecordsUrl.
  server = await startSalesforceServer({ opportunities: 2500 });
  session = await launchWithExtension();
  // Errors logged by the extension's own contexts (background, offscreen, pages, content script).
  session.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('console', (message) => {
      if (message.type() === 'error' && (target.url().startsWith('chrome-extension://') || message.text().includes('[Dealsight]'))) {
        extensionErrors.push(`${target.url()}: ${message.text()}`);
      }
    });
  });
  crm = await session.browser.newPage();
  crm.on('console', (message) => {
    if (message.text().includes('[Dealsight]') && message.type() === 'error') extensionErrors.push(`crm: ${message.text()}`);
  });
  await crm.setViewport({ width: 1400, height: 1000 });
  await crm.goto(server.loginUrl());
  await crm.waitForSelector('html[data-sandbox-state="ready"]');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Salesforce, from an open tab to the panels', () => {
  it('connects the org of the open tab and syncs every page, waiting out a 429', async () => {
    server.faults.rateLimit({ retryAfter: 1, times: 1 });
    const options = await session.openExtensionPage('options.html');
    const connect = await options.waitForFunction(
      // The Salesforce card's own button: until its tab list has loaded, the first "Connect…" on the page is HubSpot's.
      () =>
        Array.from(document.querySelectorAll('[data-testid="salesforce-connect"] button')).find((b) => /^Connect\b/.test((b.textContent ?? '').trim())) ?? null,
      { timeout: 20_000 },
    );
    await (connect.asElement() as unknown as { click(): Promise<void> }).click();
    let job: { status: string; summary: string | null; error: string | null } | undefined;
    for (let i = 0; i < 240 && !(job && ['done', 'failed', 'cancelled'].includes(job.status)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const jobs = await readTable<{ kind: string; status: string; summary: string | null; error: string | null }>(options, 'jobs');
      job = jobs.filter((j) => j.kind === 'sync').at(-1);
    }
    expect(job?.error ?? null).toBeNull();
    expect(job?.status).toBe('done');
    // Every open deal and every deal closed in the last 3 years (the sync's default window).
    const since = closedSinceDate(new Date(), 3);
    const expected = server.org.opportunities.filter((o) => !o.isClosed || (o.closeDate ?? '') >= since).length;
    expect(expected).toBeGreaterThan(2000);
    expect(job?.summary).toContain(`${expected.toLocaleString('en-US')} stored`);
    const opportunities = await readTable<{ connectionId: string }>(options, 'opportunities');
    expect(opportunities.filter((o) => o.connectionId.startsWith('salesforce:'))).toHaveLength(expected);
    await screenshot(options, 'e2e-salesforce-options');
    await options.close();
  });

  it("shows the engine's Win Potential and Repeat Buyer Potential on a record page", async () => {
    const options = await session.openExtensionPage('options.html');
    const scores = (await readTable<StoredScore>(options, 'scores')).filter(
      (s) => s.connectionId.startsWith('salesforce:') && s.isOpen === 1 && s.winPotential !== null,
    );
    await options.close();
    const record = scores[0] as StoredScore;
    await crm.goto(server.recordUrl(record.id));
    await waitForRoots(crm, (rootOf) => /Win Potential/.test(rootOf(document.querySelector('dealsight-panel'))?.textContent ?? ''), { timeout: 30_000 });
    const text = await panelText(crm);
    expect(text).toContain(`${Math.round(shownWin(record.winPotential as number) * 100)}%`);
    expect(text).toContain('Repeat Buyer Potential');
    expect(await crm.$$eval('dealsight-panel', (hosts) => hosts.length)).toBe(1);
    await screenshot(crm, 'e2e-salesforce-record');
  });

  it('puts Win Potential and Repeat Buyer Potential chips on the list view', async () => {
    const options = await session.openExtensionPage('options.html');
    const scores = new Map((await readTable<StoredScore>(options, 'scores')).filter((s) => s.connectionId.startsWith('salesforce:')).map((s) => [s.id, s]));
    await options.close();
    await crm.goto(server.listUrl());
    await crm.waitForFunction(() => document.querySelectorAll('dealsight-chip').length >= 10, { timeout: 30_000 });
    const chips = await evaluateWithRoots(crm, (rootOf) =>
      Array.from(document.querySelectorAll('tr[data-row-key-value]'))
        .map((row) => ({ id: row.getAttribute('data-row-key-value') ?? '', text: rootOf(row.querySelector('dealsight-chip'))?.textContent ?? '' }))
        .filter((chip) => chip.text !== ''),
    );
    expect(chips.length).toBeGreaterThanOrEqual(10);
    for (const chip of chips.slice(0, 10)) {
      const score = [...scores.values()].find((s) => s.id.startsWith(chip.id.slice(0, 15)));
      expect(score).toBeDefined();
      expect(chip.text).toContain(`${Math.round(shownWin(score?.winPotential as number) * 100)}%`);
    }
    await screenshot(crm, 'e2e-salesforce-list');
  });

  it('asks to reconnect when the session expired and a record must be fetched', async () => {
    const id = (server.addOpportunities(1)[0] as { id: string }).id;
    server.faults.expireSession();
    await crm.goto(server.recordUrl(id));
    await waitForRoots(
      crm,
      (rootOf) =>
        rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === 'session-expired',
      {
        timeout: 30_000,
      },
    );
    expect(await panelText(crm)).toMatch(/reconnect|log in/i);
  });

  it('logged no errors from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
