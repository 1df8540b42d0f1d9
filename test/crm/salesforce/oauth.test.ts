/**
 * Salesforce's second way in (issue 13, item 4): OAuth 2.0 with PKCE against the sandbox
 * Salesforce in-process, in "API Access Control" mode where the browser session is refused
 * for REST. The browser's auth window is played by oauth-window.ts (a user who clicks
 * Allow); Chromium's real window is driven by test/e2e/salesforce-oauth.e2e.ts. Also the
 * stale-session fallback (item 5: every `sid` cookie of the org before "session expired")
 * and Microsoft Defender's proxied pages (item 6).
 */
import { describe, expect, it } from 'vitest';
import type { ConnectorEnv, JobParams, JobSecrets, SyncRun } from '../../../lib/crm/connector';
import { salesforceConnectionId, salesforceConnector } from '../../../lib/crm/salesforce/connector';
import { MESSAGES } from '../../../lib/crm/salesforce/errors';
import {
  authorizeUrl,
  exchangeCode,
  OAUTH_MESSAGES,
  OAuthError,
  pkceChallenge,
  randomToken,
  readCallback,
  refreshAccessToken,
  revokeToken,
} from '../../../lib/crm/salesforce/oauth';
import { SESSION_MESSAGES } from '../../../lib/crm/salesforce/session';
import { connectionSettings, upsertConnectionData } from '../../../lib/store/repo';
import type { DealsightDb } from '../../../lib/store/db';
import { createSalesforceSandbox, type OAuthAppOption, type SalesforceSandbox } from '../../../sandbox/salesforce';
import { freshDb, mapping } from '../../store/helpers';
import { connectorEnv, type FakeBrowser } from '../connector-env';
import { sandboxAuthWindow } from './oauth-window';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const CLIENT_ID = '3MVG9Dealsight.Sandbox.Consumer.Key';
const LIGHTNING = 'https://acme.lightning.force.com';
const MY_DOMAIN = 'https://acme.my.salesforce.com';
const APP: OAuthAppOption = { clientId: CLIENT_ID, callbackUrls: [REDIRECT] };

function sandbox(options: { apiAccessControl?: boolean; app?: Partial<OAuthAppOption>; oauthInstanceUrl?: string } = {}): SalesforceSandbox {
  return createSalesforceSandbox({
    seed: 3,
    opportunities: 80,
    apiAccessControl: options.apiAccessControl ?? true,
    oauthApps: [{ ...APP, ...options.app }],
    ...(options.oauthInstanceUrl ? { oauthInstanceUrl: options.oauthInstanceUrl } : {}),
  });
}

function env(db: DealsightDb, sf: SalesforceSandbox, fake: FakeBrowser = {}): ConnectorEnv {
  return connectorEnv(db, {
    fetch: (url, init) => sf.fetch(url, init),
    launchWebAuthFlow: sandboxAuthWindow(sf.fetch, sf.sid),
    redirectUrl: REDIRECT,
    ...fake,
  });
}

/** A sync run of the connector over the store, as the job runner lends it. */
function syncRun(db: DealsightDb, sf: SalesforceSandbox, connectionId: string, access: { params: JobParams; secrets?: JobSecrets }) {
  const pages: number[] = [];
  const run: SyncRun = {
    connectionId,
    params: access.params,
    secrets: access.secrets ?? {},
    settings: connectionSettings(db, connectionId),
    fetch: (url, init) => sf.fetch(url, init),
    now: () => new Date().toISOString(),
    checkpoint: null,
    cursor: null,
    onProgress: () => undefined,
    onPage: async (page) => void pages.push(page.opportunities.length),
  };
  return { run, pages };
}

const tokenCalls = (sf: SalesforceSandbox, grant: string) =>
  sf.requests.filter((r) => r.path === '/services/oauth2/token' && String(r.body).includes(`grant_type=${grant}`)).length;
const apiCalls = (sf: SalesforceSandbox) => sf.requests.filter((r) => r.path.startsWith('/services/data/v'));

async function connectWithOAuth(db: DealsightDb, sf: SalesforceSandbox, loginHost = 'acme.my.salesforce.com', fake: FakeBrowser = {}) {
  const connected = await salesforceConnector.connect({ oauth: { clientId: CLIENT_ID, loginHost } }, env(db, sf, fake));
  if (!connected.ok) throw new Error(connected.error);
  return connected;
}

describe('PKCE', () => {
  it('challenges with base64url(SHA-256(verifier)) and draws verifiers of RFC 7636 length', async () => {
    expect(await pkceChallenge('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    const verifier = randomToken(48);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(randomToken(48)).not.toBe(verifier);
  });

  it('asks for a code with the S256 challenge, the scopes api and refresh_token, and a state', () => {
    const url = new URL(authorizeUrl({ app: { clientId: CLIENT_ID, authBase: MY_DOMAIN }, redirectUri: REDIRECT, challenge: 'ch', state: 'st' }));
    expect(url.origin + url.pathname).toBe(`${MY_DOMAIN}/services/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      scope: 'api refresh_token',
      state: 'st',
    });
  });
});

describe('the callback', () => {
  it('gives the code for this request, and says what each error means', () => {
    expect(readCallback(`${REDIRECT}?code=aPrx123&state=s1`, 's1', REDIRECT, 'acme.my.salesforce.com')).toBe('aPrx123');
    const failure = (url: string) => {
      try {
        readCallback(url, 's1', REDIRECT, 'acme.my.salesforce.com');
      } catch (error) {
        return [(error as OAuthError).code, (error as OAuthError).message];
      }
      return null;
    };
    expect(failure(`${REDIRECT}?code=aPrx123&state=other`)).toEqual(['state-mismatch', OAUTH_MESSAGES.stateMismatch]);
    expect(failure(`${REDIRECT}?error=OAUTH_APP_BLOCKED&error_description=this+app+is+blocked+by+admin&state=s1`)).toEqual([
      'OAUTH_APP_BLOCKED',
      OAUTH_MESSAGES.blocked,
    ]);
    expect(failure(`${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization&state=s1`)).toEqual([
      'access_denied',
      OAUTH_MESSAGES.denied,
    ]);
    expect(failure(`${REDIRECT}?error=OAUTH_APP_ACCESS_DENIED&state=s1`)).toEqual(['OAUTH_APP_ACCESS_DENIED', OAUTH_MESSAGES.notApproved]);
  });
});

describe('the sandbox authorization server, as Salesforce answers', () => {
  it('refuses a wrong PKCE verifier (invalid_grant "invalid code verifier"), and a code works once', async () => {
    const sf = sandbox();
    const app = { clientId: CLIENT_ID, authBase: MY_DOMAIN };
    const verifier = randomToken(48);
    const window = sandboxAuthWindow(sf.fetch, sf.sid);
    const callback = await window(authorizeUrl({ app, redirectUri: REDIRECT, challenge: await pkceChallenge(verifier), state: 's' }));
    const code = readCallback(callback, 's', REDIRECT, 'acme.my.salesforce.com');
    const fetch = (url: string, init: RequestInit) => sf.fetch(url, init);
    const wrong = await exchangeCode(fetch, app, { code, verifier: `${verifier}x`, redirectUri: REDIRECT }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(OAuthError);
    expect([(wrong as OAuthError).code, (wrong as OAuthError).detail, (wrong as OAuthError).message]).toEqual([
      'invalid_grant',
      'invalid code verifier',
      OAUTH_MESSAGES.badVerifier,
    ]);
    const spent = await exchangeCode(fetch, app, { code, verifier, redirectUri: REDIRECT }).catch((e: unknown) => e);
    expect((spent as OAuthError).detail).toBe('invalid authorization code');
  });

  it('sends an app that asks for no PKCE challenge back with an error, and shows an error page for an unknown callback URL', async () => {
    const sf = sandbox();
    const window = sandboxAuthWindow(sf.fetch, sf.sid);
    const noChallenge = new URL(authorizeUrl({ app: { clientId: CLIENT_ID, authBase: MY_DOMAIN }, redirectUri: REDIRECT, challenge: 'c', state: 's' }));
    noChallenge.searchParams.delete('code_challenge');
    expect(new URL(await window(noChallenge.href)).searchParams.get('error_description')).toBe('missing required code challenge');
    const elsewhere = authorizeUrl({ app: { clientId: CLIENT_ID, authBase: MY_DOMAIN }, redirectUri: 'https://evil.example/', challenge: 'c', state: 's' });
    await expect(window(elsewhere)).rejects.toThrow('The user did not approve access.');
  });
});

describe('an org in API Access Control mode', () => {
  it('refuses the browser session for REST: the sync fails with the real error and the options page is told to offer OAuth', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    const cookies = { [`${LIGHTNING}/`]: sf.sid, [`${MY_DOMAIN}/`]: sf.sid };
    const e = env(db, sf, { cookies, tabs: [{ id: 1, url: `${LIGHTNING}/lightning/o/Opportunity/list` }] });
    const connected = await salesforceConnector.connect({ tabId: 1 }, e);
    if (!connected.ok) throw new Error(connected.error);
    const { run } = syncRun(db, sf, connected.connectionId, connected);
    const error = await salesforceConnector.sync(run).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(MESSAGES.accessControl);
    expect(sf.requests.find((r) => r.path.startsWith('/services/data/v'))?.headers.authorization).toBe(`Bearer ${sf.sid}`);
    const status = await connectionSettings(db, connected.connectionId).get('salesforce.status');
    expect(status).toMatchObject({ state: 'no-api-access', needsOAuth: true, auth: 'session' });
  });

  it('connects through OAuth: the flow with PKCE in the auth window, the refresh token kept, the access token only in the job’s secrets', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    const window = sandboxAuthWindow(sf.fetch, sf.sid);
    const connected = await connectWithOAuth(db, sf, 'acme.my.salesforce.com', { launchWebAuthFlow: window });
    const orgId = sf.orgId;
    expect(connected.connectionId).toBe(salesforceConnectionId(orgId));
    expect(connected.params).toEqual({ apiBase: MY_DOMAIN, orgId });
    const [issued] = sf.oauth.snapshot().refreshTokens;
    const [access] = sf.oauth.snapshot().accessTokens;
    expect(connected.secrets).toEqual({ accessToken: access?.token });
    const stored = await connectionSettings(db, connected.connectionId).get('salesforce.oauth');
    expect(stored).toMatchObject({
      clientId: CLIENT_ID,
      authBase: MY_DOMAIN,
      instanceUrl: MY_DOMAIN,
      orgId,
      userId: sf.oauth.userId,
      refreshToken: issued?.token,
    });
    const opened = new URL(window.opened[0] as string);
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened.searchParams.get('scope')).toBe('api refresh_token');
    // The token request carried the verifier and no secret.
    const tokenBody = new URLSearchParams(String(sf.requests.find((r) => r.path === '/services/oauth2/token')?.body));
    expect(tokenBody.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(tokenBody.has('client_secret')).toBe(false);

    // The first sync uses the access token the flow got: no refresh.
    const { run, pages } = syncRun(db, sf, connected.connectionId, connected);
    const outcome = await salesforceConnector.sync(run);
    expect(outcome.changed).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(0);
    expect(tokenCalls(sf, 'refresh_token')).toBe(0);
    expect(apiCalls(sf).every((r) => r.headers.authorization === `Bearer ${access?.token}`)).toBe(true);
    expect(await connectionSettings(db, connected.connectionId).get('salesforce.status')).toMatchObject({ state: 'ok', auth: 'oauth', needsOAuth: false });
  });

  it('refreshes the access token on a 401 and retries the call once; syncs need no open tab', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    const connected = await connectWithOAuth(db, sf);
    await salesforceConnector.sync(syncRun(db, sf, connected.connectionId, connected).run);
    expect(sf.oauth.expireAccessTokens()).toBe(1);
    // No tab is open: an OAuth org syncs anyway, and its job carries no secret.
    const request = await salesforceConnector.syncRequest(connected.connectionId, env(db, sf));
    expect(request).toEqual({ ok: true, params: { apiBase: MY_DOMAIN, orgId: sf.orgId } });
    const before = apiCalls(sf).length;
    const outcome = await salesforceConnector.sync(syncRun(db, sf, connected.connectionId, request as { params: JobParams }).run);
    expect(outcome.changed).toBeGreaterThan(0);
    expect(tokenCalls(sf, 'refresh_token')).toBe(1);
    const calls = apiCalls(sf).slice(before);
    // One refused call, then the same call with the new token.
    expect(calls.filter((r) => r.headers.authorization === calls[0]?.headers.authorization)).toHaveLength(1);
    expect(calls[1]?.path).toBe(calls[0]?.path);
    expect(sf.oauth.snapshot().accessTokens.filter((t) => t.valid)).toHaveLength(1);
    expect(
      await salesforceConnector.pageAccess(`${LIGHTNING}/lightning/r/Opportunity/0065g00000AbCdEAAV/view`, {}, connected.connectionId, env(db, sf)),
    ).toEqual(request);
  });

  it('keeps the new refresh token when the app rotates them (the old one stops working)', async () => {
    const { db } = freshDb();
    const sf = sandbox({ app: { rotateRefreshTokens: true } });
    const connected = await connectWithOAuth(db, sf);
    const first = (await connectionSettings(db, connected.connectionId).get('salesforce.oauth'))?.refreshToken;
    sf.oauth.expireAccessTokens();
    await salesforceConnector.sync(syncRun(db, sf, connected.connectionId, { params: connected.params }).run);
    const second = (await connectionSettings(db, connected.connectionId).get('salesforce.oauth'))?.refreshToken;
    expect(second).not.toBe(first);
    expect(sf.oauth.snapshot().refreshTokens.map((t) => [t.token, t.revoked])).toEqual([
      [first, true],
      [second, false],
    ]);
  });

  it('revokes the refresh token at Salesforce when the connection is removed; a sync after it asks to sign in again', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    const connected = await connectWithOAuth(db, sf);
    const settings = connectionSettings(db, connected.connectionId);
    await salesforceConnector.disconnect?.(settings, (url, init) => sf.fetch(url, init));
    const revoke = sf.requests.filter((r) => r.path === '/services/oauth2/revoke');
    expect(revoke).toHaveLength(1);
    expect(revoke[0]?.url).toBe(`${MY_DOMAIN}/services/oauth2/revoke`);
    expect(sf.oauth.snapshot().refreshTokens.every((t) => t.revoked)).toBe(true);
    expect(sf.oauth.snapshot().accessTokens.every((t) => !t.valid)).toBe(true);
    const after = await salesforceConnector.sync(syncRun(db, sf, connected.connectionId, { params: connected.params }).run).catch((e: unknown) => e);
    expect([(after as Error).message, salesforceConnector.errorCode(after)]).toEqual([OAUTH_MESSAGES.refreshRefused, 'session-expired']);
    // A token Salesforce no longer knows counts as revoked.
    await expect(revokeToken((url, init) => sf.fetch(url, init), { authBase: MY_DOMAIN }, 'unknown')).resolves.toBeUndefined();
  });

  it('revokes the refresh token a new sign-in replaces', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    await connectWithOAuth(db, sf);
    await connectWithOAuth(db, sf);
    expect(sf.oauth.snapshot().refreshTokens.map((t) => t.revoked)).toEqual([true, false]);
  });

  it('signs in at login.salesforce.com and calls the API on the instance_url Salesforce names', async () => {
    const { db } = freshDb();
    const sf = sandbox({ oauthInstanceUrl: MY_DOMAIN });
    const window = sandboxAuthWindow(sf.fetch, sf.sid);
    const connected = await connectWithOAuth(db, sf, 'login.salesforce.com', { launchWebAuthFlow: window });
    expect(window.opened[0]).toMatch(/^https:\/\/login\.salesforce\.com\/services\/oauth2\/authorize\?/);
    expect(connected.params.apiBase).toBe(MY_DOMAIN);
    expect((await connectionSettings(db, connected.connectionId).get('salesforce.oauth'))?.authBase).toBe('https://login.salesforce.com');
  });

  it('says what is wrong: a blocked app, a denied request, a consumer key or login host it cannot use, no identity API; nothing is kept', async () => {
    const { db } = freshDb();
    const blocked = sandbox({ app: { blocked: true } });
    const connect = (sf: SalesforceSandbox, oauth: { clientId: string; loginHost: string }, fake: FakeBrowser = {}) =>
      salesforceConnector.connect({ oauth }, env(db, sf, fake));
    const ask = { clientId: CLIENT_ID, loginHost: 'acme.my.salesforce.com' };
    expect(await connect(blocked, ask)).toEqual({ ok: false, error: OAUTH_MESSAGES.blocked });
    const sf = sandbox();
    expect(await connect(sf, ask, { launchWebAuthFlow: sandboxAuthWindow(sf.fetch, sf.sid, 'Deny') })).toEqual({ ok: false, error: OAUTH_MESSAGES.denied });
    expect(await connect(sf, { ...ask, clientId: ' ' })).toEqual({ ok: false, error: OAUTH_MESSAGES.noClientId });
    expect(await connect(sf, { ...ask, loginHost: 'evil.example' })).toEqual({ ok: false, error: OAUTH_MESSAGES.badLoginHost });
    const closed = await connect(sf, ask, {
      launchWebAuthFlow: async () => {
        throw new Error('The user did not approve access.');
      },
    });
    expect(closed).toEqual({ ok: false, error: `${OAUTH_MESSAGES.closed} ${OAUTH_MESSAGES.redirectMismatch(REDIRECT)}` });
    const noIdentity = await salesforceConnector.connect({ oauth: ask }, connectorEnv(db, { fetch: (url, init) => sf.fetch(url, init) }));
    expect(noIdentity).toEqual({ ok: false, error: OAUTH_MESSAGES.noBrowserFlow });
    expect(await connectionSettings(db, salesforceConnectionId(sf.orgId)).get('salesforce.oauth')).toBeNull();
    expect(sf.oauth.snapshot().refreshTokens).toEqual([]);
  });

  it('refreshes the token the way Salesforce does, and refuses a revoked refresh token with invalid_grant', async () => {
    const sf = sandbox();
    const fetch = (url: string, init: RequestInit) => sf.fetch(url, init);
    const { db } = freshDb();
    const connected = await connectWithOAuth(db, sf);
    const stored = await connectionSettings(db, connected.connectionId).get('salesforce.oauth');
    if (!stored) throw new Error('no OAuth sign-in stored');
    const grant = await refreshAccessToken(fetch, stored, stored.refreshToken);
    expect(grant).toMatchObject({ refreshToken: null, instanceUrl: MY_DOMAIN, orgId: sf.orgId, userId: sf.oauth.userId, scope: 'api refresh_token' });
    await revokeToken(fetch, stored, stored.refreshToken);
    const refused = await refreshAccessToken(fetch, stored, stored.refreshToken).catch((e: unknown) => e);
    expect([(refused as OAuthError).code, (refused as OAuthError).detail]).toEqual(['invalid_grant', 'expired access/refresh token']);
  });
});

describe('stale sessions', () => {
  it('uses the fresh sid cookie of the org when a stale one sits beside it (and first in line)', async () => {
    const { db } = freshDb();
    const sf = sandbox({ apiAccessControl: false });
    const stale = sf.sid;
    sf.faults.expireSession();
    const fresh = sf.sid;
    const otherOrg = `00D000000000AAA!AQother`;
    const e = env(db, sf, {
      cookies: { [`${LIGHTNING}/`]: stale, [`${MY_DOMAIN}/`]: stale },
      allCookies: { 'acme.my.salesforce.com': [stale, otherOrg, fresh] },
      tabs: [{ id: 1, url: `${LIGHTNING}/lightning/o/Opportunity/list` }],
    });
    const connected = await salesforceConnector.connect({ tabId: 1 }, e);
    if (!connected.ok) throw new Error(connected.error);
    expect(connected.secrets).toEqual({ sid: stale, moreSids: [fresh] });
    const outcome = await salesforceConnector.sync(syncRun(db, sf, connected.connectionId, connected).run);
    expect(outcome.changed).toBeGreaterThan(0);
    const used = apiCalls(sf).map((r) => r.headers.authorization);
    expect(used[0]).toBe(`Bearer ${stale}`);
    expect(used.slice(1).every((a) => a === `Bearer ${fresh}`)).toBe(true);
    // The daily sync and a record fetch carry both as well.
    expect(await salesforceConnector.syncRequest(connected.connectionId, e)).toMatchObject({ secrets: { sid: stale, moreSids: [fresh] } });
  });

  it('says what fixes it, naming the host, when every sid cookie of the org is refused', async () => {
    const { db } = freshDb();
    const sf = sandbox({ apiAccessControl: false });
    const stale = sf.sid;
    sf.faults.expireSession();
    const staler = `${stale.slice(0, 16)}AQolder`;
    const { run } = syncRun(db, sf, salesforceConnectionId(sf.orgId), {
      params: { apiBase: MY_DOMAIN, orgId: sf.orgId },
      secrets: { sid: stale, moreSids: [staler] },
    });
    const error = await salesforceConnector.sync(run).catch((e: unknown) => e);
    expect((error as Error).message).toBe(MESSAGES.staleSession('acme.my.salesforce.com', 2));
    expect((error as Error).message).toMatch(/log in again.*delete the "sid" cookie for acme\.my\.salesforce\.com/);
    expect(salesforceConnector.errorCode(error)).toBe('session-expired');
    expect(apiCalls(sf)).toHaveLength(2);
  });
});

describe('Microsoft Defender for Cloud Apps', () => {
  const DEFENDED = 'https://acme.lightning.force.com.mcas.ms/lightning/r/Opportunity/0065g00000AbCdEAAV/view';

  it('answers a proxied tab with "the session cannot be read … connect with OAuth", reading no cookie', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    let read = 0;
    const e = env(db, sf, { tabs: [{ id: 1, url: DEFENDED }] });
    const counting: ConnectorEnv = { ...e, getCookie: async (...args) => (read++, e.getCookie(...args)) };
    expect(await salesforceConnector.connect({ tabId: 1 }, counting)).toEqual({
      ok: false,
      code: 'no-api-access',
      error: SESSION_MESSAGES.unreadable('acme.lightning.force.com.mcas.ms'),
    });
    expect(SESSION_MESSAGES.unreadable('x')).toMatch(/cannot be read through Microsoft Defender for Cloud Apps.*connect with OAuth/);
    expect(await salesforceConnector.pageConnection(DEFENDED, { id: 1, url: DEFENDED }, counting)).toMatchObject({ ok: false, code: 'no-api-access' });
    expect(read).toBe(0);
  });

  it('finds an OAuth-connected org from its proxied pages', async () => {
    const { db } = freshDb();
    const sf = sandbox();
    const connected = await connectWithOAuth(db, sf);
    await upsertConnectionData(
      db,
      { id: connected.connectionId, kind: 'salesforce', label: 'Acme', syncedAt: null, lastImport: null },
      [],
      [],
      mapping(connected.connectionId),
      null,
    );
    expect(await salesforceConnector.pageConnection(DEFENDED, { id: 1, url: DEFENDED }, env(db, sf))).toEqual({
      ok: true,
      connectionId: connected.connectionId,
    });
  });
});
