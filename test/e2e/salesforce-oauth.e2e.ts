/**
 * Salesforce's second way in (issue 13, item 4), end to end in real Chromium against the
 * sandbox Salesforce in "API Access Control" mode, where the REST API refuses the browser
 * session ("This session is not valid for use with the REST API") and only an allowed
 * External Client App's OAuth token gets in:
 *
 *   - connecting the org of an open tab syncs with the session, which is refused: the
 *     options page then offers OAuth, opened, with the reason and the org's address;
 *   - "Sign in with Salesforce" runs the real `identity.launchWebAuthFlow`: Chromium opens
 *     the sandbox's authorize page in its auth window (a page target puppeteer can drive),
 *     the user clicks Allow, Chromium catches the redirect to `identity.getRedirectURL()`,
 *     and the background exchanges the code with its PKCE verifier (the sandbox checks it);
 *   - the first sync runs on the access token; once the sandbox ends every access token,
 *     "Sync now" refreshes it once and carries on, with no Salesforce tab needed;
 *   - removing the org revokes its refresh token at Salesforce.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';
import { readTable } from '../../scripts/browser/store-reader';

const CLIENT_ID = '3MVG9Dealsight.E2E.Consumer.Key';

let server: SalesforceServer;
let session: ExtensionSession;
let crm: Page;
let options: Page;
let redirectUrl: string;
const extensionErrors: string[] = [];

interface JobRow {
  id: number;
  kind: string;
  connectionId: string;
  status: string;
  summary: string | null;
  error: string | null;
}

/** The newest sync job once it has ended (polled from the store the options page shares). */
async function endedSync(after: number): Promise<JobRow> {
  await options.waitForFunction(
    async (since: number) => {
      const rows = await new Promise<Array<{ id: number; kind: string; status: string }>>((resolve, reject) => {
        const request = indexedDB.open('dealsight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('jobs').objectStore('jobs').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            request.result.close();
          };
        };
      });
      return rows.some((j) => j.kind === 'sync' && j.id > since && ['done', 'failed', 'cancelled'].includes(j.status));
    },
    { timeout: 60_000, polling: 200 },
    after,
  );
  const ended = (await readTable<JobRow>(options, 'jobs')).filter((j) => j.kind === 'sync' && j.id > after).at(-1);
  if (!ended) throw new Error('no sync job ended');
  return ended;
}

async function lastJobId(): Promise<number> {
  return Math.max(0, ...(await readTable<JobRow>(options, 'jobs')).map((j) => j.id));
}

/** A button of the options page by its text. */
async function clickButton(page: Page, text: RegExp, within = 'body'): Promise<void> {
  const handle = await page.waitForFunction(
    (pattern: string, flags: string, root: string) =>
      Array.from(document.querySelector(root)?.querySelectorAll('button') ?? []).find(
        (b) => new RegExp(pattern, flags).test((b.textContent ?? '').trim()) && !b.disabled,
      ) ?? null,
    { timeout: 20_000 },
    text.source,
    text.flags,
    within,
  );
  await (handle.asElement() as unknown as { click(): Promise<void> }).click();
}

/** The sandbox's token and revoke calls (a server over HTTP keeps no request log: its OAuth side does). */
const oauthCalls = () => server.oauth.snapshot().calls;

beforeAll(async () => {
  server = await startSalesforceServer({ opportunities: 300, apiAccessControl: true });
  session = await launchWithExtension();
  session.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('console', (message) => {
      if (message.type() === 'error' && (target.url().startsWith('chrome-extension://') || message.text().includes('[Dealsight]'))) {
        extensionErrors.push(`${target.url()}: ${message.text()}`);
      }
    });
  });
  // The admin's External Client App, with the callback URL the options page shows (checked below).
  redirectUrl = await redirectUrlOf(session);
  server.oauth.register({ clientId: CLIENT_ID, callbackUrls: [redirectUrl] });
  crm = await session.browser.newPage();
  await crm.goto(server.loginUrl());
  await crm.waitForSelector('html[data-sandbox-state="ready"]');
  options = await session.openExtensionPage('options.html');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Salesforce with API Access Control, connected through OAuth in Chromium', () => {
  it('refuses the browser session for the API, and the options page offers OAuth with the reason', async () => {
    const before = await lastJobId();
    await clickButton(options, /^Connect\b/, '[data-testid="salesforce-connect"]');
    const job = await endedSync(before);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^Your org's API Access Control \(or a High-Assurance session policy\) refuses API calls made with your browser session\./);
    await options.waitForFunction(() =>
      /Your org refuses the browser session for the API/.test(document.querySelector('[data-testid="add-salesforce"]')?.textContent ?? ''),
    );
    const form = await options.$eval('[data-testid="add-salesforce"] [data-testid="salesforce-oauth"]', (root) => ({
      open: root.querySelector('details')?.open ?? false,
      callback: (root.querySelector('[data-testid="salesforce-oauth-callback"]') as HTMLInputElement | null)?.value ?? null,
      loginHost: (root.querySelector('[data-testid="salesforce-oauth-login-host"]') as HTMLInputElement | null)?.value ?? null,
    }));
    expect(form).toEqual({ open: true, callback: redirectUrl, loginHost: server.url });
  });

  it("signs in through the browser's auth window (PKCE), then syncs on the access token", async () => {
    const before = await lastJobId();
    await options.type('[data-testid="add-salesforce"] [data-testid="salesforce-oauth-client-id"]', CLIENT_ID);
    const authWindow = session.browser.waitForTarget((t) => t.type() === 'page' && t.url().startsWith(`${server.url}/services/oauth2/authorize?`), {
      timeout: 30_000,
    });
    await clickButton(options, /^Sign in with Salesforce$/, '[data-testid="add-salesforce"]');
    // Chromium's auth window: the user is logged in to the org (the tab above), so Salesforce asks to allow access.
    const page = await (await authWindow).page();
    if (!page) throw new Error('the auth window has no page');
    const opened = new URL(page.url());
    expect(opened.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(opened.searchParams.get('redirect_uri')).toBe(redirectUrl);
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    await page.waitForSelector('#oaapprove');
    await screenshot(page, 'e2e-salesforce-oauth-allow');
    await page.click('#oaapprove');

    const job = await endedSync(before);
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    // The code was exchanged once, with the verifier the sandbox checked against the challenge, and no secret.
    expect(oauthCalls()).toEqual([{ endpoint: 'token', grantType: 'authorization_code', pkceVerified: true, clientSecret: false, error: null }]);
    // The sync got in on the access token: API Access Control refuses the session.
    const [access] = server.oauth.snapshot().accessTokens;
    expect(access?.valid).toBe(true);
    const stored = await readTable<{ connectionId: string }>(options, 'opportunities');
    expect(stored.filter((o) => o.connectionId === job.connectionId).length).toBeGreaterThan(0);
    // The refresh token is the connection's setting; the access token is never stored.
    const settings = await readTable<{ name: string; connectionId: string; value: { refreshToken?: string } }>(options, 'settings');
    const oauth = settings.find((s) => s.name === 'salesforce.oauth' && s.connectionId === job.connectionId);
    expect(oauth?.value.refreshToken).toBe(server.oauth.snapshot().refreshTokens[0]?.token);
    expect(JSON.stringify(settings)).not.toContain(access?.token ?? '(no token)');
    await options.waitForSelector('[data-testid="salesforce-oauth-connected"]');
    await screenshot(options, 'e2e-salesforce-oauth-connected');
  });

  it('refreshes the access token on a 401 and carries on, with no Salesforce tab open', async () => {
    await crm.close();
    expect(server.oauth.expireAccessTokens()).toBe(1);
    const before = await lastJobId();
    await clickButton(options, /^Sync now$/, '[data-testid="salesforce-details"]');
    const job = await endedSync(before);
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    expect(oauthCalls().filter((c) => c.grantType === 'refresh_token')).toEqual([
      { endpoint: 'token', grantType: 'refresh_token', pkceVerified: false, clientSecret: false, error: null },
    ]);
    expect(server.oauth.snapshot().accessTokens.filter((t) => t.valid)).toHaveLength(1);
  });

  it('revokes the refresh token at Salesforce when the org is removed', async () => {
    await clickButton(options, /^Remove$/, '[data-testid="connection-card"]');
    await clickButton(options, /^Remove connection$/);
    await options.waitForFunction(() => /was removed\./.test(document.body.textContent ?? ''));
    expect(oauthCalls().filter((c) => c.endpoint === 'revoke')).toEqual([
      { endpoint: 'revoke', grantType: null, pkceVerified: false, clientSecret: false, error: null },
    ]);
    expect(server.oauth.snapshot().refreshTokens.every((t) => t.revoked)).toBe(true);
    expect(server.oauth.snapshot().accessTokens.every((t) => !t.valid)).toBe(true);
    const settings = await readTable<{ name: string }>(options, 'settings');
    expect(settings.filter((s) => s.name === 'salesforce.oauth')).toEqual([]);
    expect(await options.$eval('body', (b) => b.textContent ?? '')).not.toContain('could not be told to revoke');
  });

  it('logged no errors from the extension', () => {
    expect(extensionErrors).toEqual([]);
  });
});

/**
 * The callback URL, asked of the extension's service worker. On a busy machine the worker
 * seen at launch can be replaced (Chrome stops an idle one and starts another), and the old
 * one's context then has no extension APIs: ask the current one until it answers.
 */
async function redirectUrlOf(s: ExtensionSession): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const target = await s.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
    const worker = await target.worker();
    const url = await worker
      ?.evaluate(() => (globalThis as unknown as { chrome?: { identity?: { getRedirectURL(): string } } }).chrome?.identity?.getRedirectURL() ?? null)
      .catch(() => null);
    if (url) return url;
    if (attempt >= 40) throw new Error('The extension service worker never answered with its OAuth redirect URL.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
