/**
 * Signing in to HubSpot as it is in December 2026 (issue 13), end to end in real Chromium
 * against two sandbox HubSpot portals (sandbox/hubspot): portal A in na1, connected from
 * the options page with its Service Key (first refused naming the scope the key lacks),
 * and portal B in eu1, connected with a legacy private app token whose routing names na1,
 * so its API host answers HTTP 488 until the extension moves to the eu1 hublet (the
 * sandbox's `/_hublet/eu1` prefix stands for `api-eu1.hubapi.com`: lib/crm/hubspot/hosts.ts).
 * Both syncs call only the date-based API paths, as each server saw them. Then one portal
 * per tab: a page of portal A that `pushState`s to a portal-B deal URL gets the not-connected
 * state, not portal B's numbers, while the same URL loaded as a document, and B's own page,
 * show them.
 */
import { evaluateWithRoots, waitForRoots } from '../../scripts/browser/shadow';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUBSPOT_API_VERSION, NUMBERED_PATH } from '../../lib/crm/hubspot/api-paths';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { clickButton, readTable, type SyncJobRow } from '../../scripts/browser/store-reader';
import { shownWin } from '../../lib/format';

interface StoredScore {
  connectionId: string;
  id: string;
  isOpen: number;
  winPotential: number | null;
}

interface StoredSetting {
  name: string;
  connectionId: string | null;
  value: unknown;
}

/** A date-based API path, on a hublet's prefix or not. */
const DATE_PATH = new RegExp(`^(?:/_hublet/[a-z]{2}\\d{1,3})?/(?:crm/(?:objects|associations|pipelines|owners)|account-info)/${HUBSPOT_API_VERSION}(?:/|$)`);

let a: HubSpotServer;
let b: HubSpotServer;
let session: ExtensionSession;
let crmA: Page;
let crmB: Page;
let options: Page;
const scores = new Map<string, StoredScore>();
const extensionErrors: string[] = [];

const connectionOf = (server: HubSpotServer) => `hubspot:${server.portalId}`;
const winText = (id: string): string => `${Math.round(shownWin(scores.get(id)!.winPotential as number) * 100)}%`;

/** Open deals of `server` with a score, hostile names left out. */
function openDeals(server: HubSpotServer): string[] {
  return [...scores.values()]
    .filter((s) => s.connectionId === connectionOf(server) && s.isOpen === 1 && s.winPotential !== null && !(s.id in server.hostile.opportunityNames))
    .map((s) => s.id);
}

async function finishedSync(connectionId: string): Promise<SyncJobRow & { connectionId: string }> {
  for (let i = 0; i < 360; i++) {
    const job = (await readTable<SyncJobRow & { connectionId: string }>(options, 'jobs'))
      .filter((j) => j.kind === 'sync' && j.connectionId === connectionId)
      .at(-1);
    if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The sync of ${connectionId} did not end within 3 minutes.`);
}

async function scoresOf(connectionId: string): Promise<StoredScore[]> {
  for (let i = 0; i < 240; i++) {
    const stored = (await readTable<StoredScore>(options, 'scores')).filter((s) => s.connectionId === connectionId);
    if (stored.length > 0) return stored;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No scores for ${connectionId} within 2 minutes.`);
}

/** Connects with `token`, the API being the open sandbox tab of `server` (the e2e build's contract: design.md). */
async function connect(server: HubSpotServer, token: string): Promise<void> {
  await options.bringToFront();
  const form = '[data-testid="hubspot-connect"]';
  const host = new URL(server.url).host;
  // The page lists open tabs as the browser reports them: the sandbox's tab may appear a moment after it opened.
  const listed = await options
    .waitForFunction(
      (selector: string, h: string) =>
        Array.from(document.querySelectorAll(selector))
          .find((o) => (o.textContent ?? '').includes(h))
          ?.getAttribute('value') ?? null,
      { timeout: 30_000 },
      `${form} select option`,
      host,
    )
    .catch(() => null);
  const tab = listed ? ((await listed.jsonValue()) as string) : null;
  expect(tab, `the options page lists the tab of ${host}`).not.toBeNull();
  await options.select(`${form} select`, tab as string);
  const input = (await options.waitForSelector(`${form} [data-testid="hubspot-token"]`)) as ElementHandle<HTMLInputElement>;
  await input.click({ count: 3 });
  await input.type(token);
  await clickButton(options, /^Connect HubSpot$/);
}

/** Waits for the one panel to be in state `wanted` (read through the test door into its closed root: scripts/browser/shadow.ts). */
const panelState = (page: Page, wanted: string) =>
  waitForRoots(
    page,
    `(() => { const hosts = document.querySelectorAll('dealsight-panel'); return hosts.length === 1 && rootOf(hosts[0])?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') === ${JSON.stringify(wanted)}; })()`,
    { timeout: 60_000, polling: 100 },
  );
/** What the panel says (its frame's text: the shadow root's styles left out). */
const panelText = (page: Page) =>
  evaluateWithRoots(page, `rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state]')?.textContent ?? ''`) as Promise<string>;

async function load(page: Page, url: string): Promise<void> {
  await page.bringToFront();
  await page.goto(url);
  await page.waitForSelector('html[data-sandbox-state="ready"]', { timeout: 30_000 });
}

/** The page's own in-place navigation (`history.pushState`, then the fragment swapped in), as a click on an app link does. */
async function pushTo(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => (window as unknown as { sandboxHubSpot: { navigate(url: string): Promise<void> } }).sandboxHubSpot.navigate(p), path);
  await page.waitForFunction(
    (p) => location.pathname === p && document.documentElement.dataset.sandboxState === 'ready',
    { timeout: 30_000, polling: 100 },
    path,
  );
}

beforeAll(async () => {
  a = await startHubSpotServer({ seed: 21, opportunities: 250, portalId: 41_000_001, renderDelayMs: 200 });
  b = await startHubSpotServer({ seed: 22, opportunities: 250, portalId: 42_000_002, renderDelayMs: 200, hublet: 'eu1' });
  session = await launchWithExtension();
  session.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('console', (message) => {
      if (message.type() === 'error' && (target.url().startsWith('chrome-extension://') || message.text().includes('[Dealsight]')))
        extensionErrors.push(`${target.url()}: ${message.text()}`);
    });
  });
  crmA = await session.browser.newPage();
  crmB = await session.browser.newPage();
  for (const page of [crmA, crmB]) await page.setViewport({ width: 1400, height: 1000 });
  await load(crmA, a.boardUrl());
  await load(crmB, b.boardUrl());
  // Opened after both tabs: it lists them as the APIs to connect through.
  options = await session.openExtensionPage('options.html');
}, 180_000);

afterAll(async () => {
  await session?.close();
  await a?.close();
  await b?.close();
});

describe('HubSpot sign-in, December 2026', () => {
  it('refuses a Service Key that lacks a scope, naming it, and keeps nothing', async () => {
    a.revokeServiceKeyScopes(['crm.objects.owners.read']);
    await connect(a, a.serviceKey);
    await options.waitForFunction(`document.body.textContent.includes('The HubSpot key lacks the scope crm.objects.owners.read.')`, {
      timeout: 30_000,
      polling: 200,
    });
    expect(await readTable(options, 'connections')).toEqual([]);
    expect((await readTable<StoredSetting>(options, 'settings')).filter((s) => s.name === 'hubspot.credentials')).toEqual([]);
  });

  it('connects portal A with its Service Key once the key has the scope, and syncs it', async () => {
    a.grantServiceKeyScopes(['crm.objects.owners.read']);
    await connect(a, a.serviceKey);
    const job = await finishedSync(connectionOf(a));
    expect([job.status, job.error]).toEqual(['done', null]);
    const credentials = (await readTable<StoredSetting>(options, 'settings')).find(
      (s) => s.name === 'hubspot.credentials' && s.connectionId === connectionOf(a),
    );
    expect(credentials?.value).toEqual({ token: a.serviceKey, apiBase: a.url, portalId: String(a.portalId) });
    for (const s of await scoresOf(connectionOf(a))) scores.set(s.id, s);
  });

  it('connects the eu1 portal B with a private app token: 488 on the default host, then everything on the eu1 hublet', async () => {
    // The token's routing names na1: the portal's default host refuses it, naming eu1.
    const refused = await fetch(`${b.url}/account-info/${HUBSPOT_API_VERSION}/details`, { headers: { Authorization: `Bearer ${b.token}` } });
    expect(refused.status).toBe(488);
    expect(await refused.text()).toContain('eu1');
    const before = b.apiCalls.length;
    await connect(b, b.token);
    const job = await finishedSync(connectionOf(b));
    expect([job.status, job.error]).toEqual(['done', null]);
    const credentials = (await readTable<StoredSetting>(options, 'settings')).find(
      (s) => s.name === 'hubspot.credentials' && s.connectionId === connectionOf(b),
    );
    expect(credentials?.value).toEqual({ token: b.token, apiBase: `${b.url}/_hublet/eu1`, portalId: String(b.portalId) });
    // The extension's first call met the 488 at the default host; every call after it went to the hublet.
    const calls = b.apiCalls.slice(before);
    expect(calls[0]).toEqual({ method: 'GET', path: `/account-info/${HUBSPOT_API_VERSION}/details` });
    expect(calls.slice(1).length).toBeGreaterThan(5);
    expect(calls.slice(1).filter((c) => !c.path.startsWith('/_hublet/eu1/'))).toEqual([]);
    for (const s of await scoresOf(connectionOf(b))) scores.set(s.id, s);
    await screenshot(options, 'e2e-hubspot-signin-options');
  });

  it('called only the date-based API paths of both portals, never a numbered one', () => {
    const calls = [...a.apiCalls, ...b.apiCalls];
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((c) => NUMBERED_PATH.test(c.path.replace(/^\/_hublet\/[a-z]{2}\d{1,3}/, '')))).toEqual([]);
    expect(calls.filter((c) => !DATE_PATH.test(c.path))).toEqual([]);
    // Search, batch reads, associations, pipelines, owners, account details: each was called.
    for (const part of ['/deals/search', '/batch/read', '/crm/associations/', '/crm/pipelines/', '/crm/owners/', '/account-info/'])
      expect(
        calls.some((c) => c.path.includes(part)),
        part,
      ).toBe(true);
  });
});

describe('one HubSpot portal per tab', () => {
  it("gives a page of portal A that pushState's to a portal-B deal the not-connected state, not B's numbers", async () => {
    const [dealA, otherA] = openDeals(a) as [string, string];
    const [dealB] = openDeals(b) as [string];
    await load(crmA, a.recordUrl(dealA));
    await panelState(crmA, 'ready');
    expect(await panelText(crmA)).toContain(winText(dealA));

    // The page moves itself to portal B's deal, on the same origin, without loading a document.
    const bPath = `/contacts/${b.portalId}/record/0-3/${dealB}`;
    await crmA.evaluate(`window.__dsDocument = 'the first one'`);
    await pushTo(crmA, bPath);
    await panelState(crmA, 'not-connected');
    expect(await panelText(crmA)).toContain('Connect Dealsight to this HubSpot portal');
    // No number of portal B's deal, nor any other: the state only.
    expect(await panelText(crmA)).not.toMatch(/\d\s?%/);
    // Still the document portal A's page loaded: nothing reloaded it.
    expect(await crmA.evaluate('window.__dsDocument')).toBe('the first one');
    await screenshot(crmA, 'e2e-hubspot-portal-pin-refused');

    // Back on a deal of its own portal, the same document is answered again.
    await pushTo(crmA, new URL(a.recordUrl(otherA)).pathname);
    await panelState(crmA, 'ready');
    expect(await panelText(crmA)).toContain(winText(otherA));
  });

  it("shows portal B's numbers for the same URL loaded as a document, and on B's own page", async () => {
    const [dealB] = openDeals(b) as [string];
    await load(crmA, `${a.url}/contacts/${b.portalId}/record/0-3/${dealB}`);
    await panelState(crmA, 'ready');
    expect(await panelText(crmA)).toContain(winText(dealB));
    await load(crmB, b.recordUrl(dealB));
    await panelState(crmB, 'ready');
    expect(await panelText(crmB)).toContain(winText(dealB));
  });

  it('logged no errors from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});
