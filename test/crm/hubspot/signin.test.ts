/**
 * Signing in to HubSpot as it is in December 2026 (issue 13), against the sandbox HubSpot
 * in-process and, for the e2e build's hublet prefix, over HTTP: every call on the
 * date-based API version (a numbered path is answered as retired and fails); a portal in
 * eu1 reached after a 488, or at once when its token or account details name the hublet,
 * and a connect that names the host to allow when the browser has not granted it; a
 * Service Key and a private app token connecting, and the scopes a key lacks named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRun } from '../../../lib/crm/connector';
import { API_PATHS, HUBSPOT_API_VERSION, NUMBERED_PATH } from '../../../lib/crm/hubspot/api-paths';
import { HubSpotClient } from '../../../lib/crm/hubspot/client';
import { connectHubSpot } from '../../../lib/crm/hubspot/connect';
import { hubspotConnectionId, hubspotConnector } from '../../../lib/crm/hubspot/connector';
import { HubSpotError } from '../../../lib/crm/hubspot/errors';
import { apiBaseForHublet, hubletOfAccount, hubletOfApiBase, hubletOfToken } from '../../../lib/crm/hubspot/hosts';
import { fetchDeal, readArchived, syncHubSpot } from '../../../lib/crm/hubspot/sync';
import { connectionSettings } from '../../../lib/store/repo';
import { createHubSpotSandbox, ManualClock, startHubSpotServer, type HubSpotServer, type HubSpotServerOptions } from '../../../sandbox/hubspot';
import { freshDb } from '../../store/helpers';
import { connectorEnv } from '../connector-env';

const DATE_PATH = new RegExp(`^/(?:crm/(?:objects|associations|pipelines|owners)|account-info)/${HUBSPOT_API_VERSION}(?:/|$)`);

async function failure(promise: Promise<unknown>): Promise<HubSpotError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubSpotError) return error;
    throw error;
  }
  throw new Error('expected a HubSpotError');
}

/** A generated account on a ManualClock, and a client of it (on api.hubapi.com unless told). */
function setup(server: HubSpotServerOptions = {}, apiBase?: string) {
  const clock = new ManualClock(Date.parse('2026-12-01T12:00:00Z'));
  const portal = createHubSpotSandbox({ opportunities: 300, seed: 13, portalId: 4215837, now: clock.now, ...server });
  const moves: string[] = [];
  const client = new HubSpotClient({
    token: portal.token,
    fetch: portal.fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    ...(apiBase ? { apiBase } : {}),
    onMove: (base) => moves.push(base),
  });
  return { clock, portal, client, moves };
}

describe('the date-based API', () => {
  it('is the one version every call Dealsight makes uses: connect, a full and an incremental sync, archived deals and a deal on demand', async () => {
    const { portal, client } = setup();
    await connectHubSpot(client);
    const first = await syncHubSpot({ client, checkpoint: null, cursor: null });
    expect(first.opportunities.length).toBeGreaterThan(100);
    const changed = portal.touch([first.opportunities[0]!.id], { dealname: 'Renamed' });
    portal.archive([first.opportunities[1]!.id]);
    const next = await syncHubSpot({ client, checkpoint: new Date(Date.parse(changed) - 60_000).toISOString(), cursor: null });
    expect(next.mode).toBe('incremental');
    expect(next.deleted).toEqual([first.opportunities[1]!.id]);
    expect((await fetchDeal(client, first.opportunities[2]!.id)).opportunity?.id).toBe(first.opportunities[2]!.id);

    const paths = portal.requests.map((r) => r.path);
    expect(paths.filter((p) => NUMBERED_PATH.test(p))).toEqual([]);
    expect(paths.filter((p) => !DATE_PATH.test(p))).toEqual([]);
    // Each endpoint the client knows was called, at the version of the one constant.
    const called = new Set(paths);
    for (const path of [
      API_PATHS.accountDetails,
      API_PATHS.pipelines('deals'),
      API_PATHS.owners,
      API_PATHS.objects('deals'),
      API_PATHS.objects('companies'),
      API_PATHS.objects('contacts'),
      API_PATHS.object('deals', first.opportunities[2]!.id),
      API_PATHS.search('deals'),
      API_PATHS.batchRead('companies'),
      API_PATHS.batchRead('contacts'),
      API_PATHS.associationsBatchRead('deals', 'companies'),
      API_PATHS.associationsBatchRead('deals', 'contacts'),
    ])
      expect(called.has(path), path).toBe(true);
    expect(API_PATHS.search('deals')).toBe('/crm/objects/2026-09/deals/search');
    expect(API_PATHS.associationsBatchRead('deals', 'companies')).toBe('/crm/associations/2026-09/deals/companies/batch/read');
    expect(await readArchived(client, '2000-01-01T00:00:00Z')).toEqual([first.opportunities[1]!.id]);
  });

  it('answers a numbered path as retired, and the client says so instead of taking it for a missing endpoint', async () => {
    const { client, portal } = setup();
    for (const path of ['/crm/v3/objects/deals', '/crm/v4/associations/deals/companies/batch/read', '/account-info/v3/details']) {
      const error = await failure(path.includes('batch') ? client.post(path, { inputs: [] }) : client.get(path));
      expect([error.state, error.status], path).toEqual(['retired', 410]);
      expect(error.message).toContain('retired');
      expect(error.detail).toMatch(/no longer supported/);
    }
    // The 410 is not retried.
    expect(portal.requests).toHaveLength(3);
    expect(NUMBERED_PATH.test('/crm/objects/2026-09/deals')).toBe(false);
  });
});

describe('hublets', () => {
  it('names the hublet of a token, an account and an API base, and where a hublet is served from each kind of base', () => {
    expect(hubletOfToken('pat-eu1-5f0c…')).toBe('eu1');
    expect(hubletOfToken('pat-na1-5f0c')).toBe('na1');
    expect(hubletOfToken('0a1b2c3d4e5f')).toBeNull();
    expect(hubletOfAccount({ dataHostingLocation: 'EU1', uiDomain: null })).toBe('eu1');
    expect(hubletOfAccount({ dataHostingLocation: null, uiDomain: 'app-ap1.hubspot.com' })).toBe('ap1');
    expect(hubletOfAccount({ dataHostingLocation: null, uiDomain: 'app.hubspot.com' })).toBe('na1');
    expect(hubletOfApiBase('https://api-eu1.hubapi.com')).toBe('eu1');
    expect(hubletOfApiBase('http://127.0.0.1:4100/_hublet/eu1')).toBe('eu1');
    expect(hubletOfApiBase('https://api.hubapi.com.evil.test')).toBeNull();
    expect(apiBaseForHublet('https://api.hubapi.com', 'eu1')).toBe('https://api-eu1.hubapi.com');
    expect(apiBaseForHublet('https://api-eu1.hubapi.com', 'na1')).toBe('https://api.hubapi.com');
    expect(apiBaseForHublet('http://127.0.0.1:4100', 'eu1')).toBe('http://127.0.0.1:4100/_hublet/eu1');
    expect(apiBaseForHublet('http://127.0.0.1:4100/_hublet/eu1', 'na1')).toBe('http://127.0.0.1:4100');
    // A hublet the manifest does not list cannot be asked for.
    expect(apiBaseForHublet('https://api.hubapi.com', 'xx9')).toBeNull();
    expect(apiBaseForHublet('https://evil.test', 'eu1')).toBeNull();
  });

  it('moves to the portal’s hublet after a 488 and asks there once, then stays', async () => {
    const { client, portal, moves } = setup({ hublet: 'eu1' });
    const pipelines = (await client.get(API_PATHS.pipelines('deals'))) as { results: unknown[] };
    expect(pipelines.results.length).toBeGreaterThan(0);
    expect(portal.requests.map((r) => new URL(r.url).host)).toEqual(['api.hubapi.com', 'api-eu1.hubapi.com']);
    expect(moves).toEqual(['https://api-eu1.hubapi.com']);
    expect(client.apiBase).toBe('https://api-eu1.hubapi.com');
    await client.get(API_PATHS.owners);
    expect(portal.requests.map((r) => new URL(r.url).host)).toEqual(['api.hubapi.com', 'api-eu1.hubapi.com', 'api-eu1.hubapi.com']);
  });

  it('names the host to allow when it may not move there, and does not ask a third hublet', async () => {
    const clock = new ManualClock(0);
    const portal = createHubSpotSandbox({ records: {}, hublet: 'eu1', portalId: 5604529, now: clock.now });
    const denied = new HubSpotClient({ token: portal.token, fetch: portal.fetch, now: clock.now, sleep: clock.sleep, mayMoveTo: () => false });
    const error = await failure(denied.get(API_PATHS.accountDetails));
    expect([error.state, error.status, error.hublet, error.hubletApiBase]).toEqual(['wrong-hublet', 488, 'eu1', 'https://api-eu1.hubapi.com']);
    expect(error.detail).toBe('Hub 5604529 is unknown to this Hublet, but it appears to exist in Hublet eu1');
    expect(error.message).toContain('allow api-eu1.hubapi.com');
    expect(denied.apiBase).toBe('https://api.hubapi.com');
    // On another hublet's host the portal is unknown too: the client follows once, no further.
    const na2 = new HubSpotClient({ token: portal.token, fetch: portal.fetch, apiBase: 'https://api-na2.hubapi.com', now: clock.now, sleep: clock.sleep });
    await na2.get(API_PATHS.accountDetails);
    expect(na2.apiBase).toBe('https://api-eu1.hubapi.com');
  });

  it('connects an eu1 portal on its own host: after a 488 when the host is allowed, or with the host to ask for when not', async () => {
    const { portal } = setup({ hublet: 'eu1' });
    const { db } = freshDb();
    const allowed = new Set(['https://api.hubapi.com']);
    const env = { ...connectorEnv(db, { fetch: portal.fetch }), hasHostPermission: async (base: string) => allowed.has(new URL(base).origin) };

    const refused = await hubspotConnector.connect({ token: portal.token }, env);
    expect(refused).toMatchObject({ ok: false, origins: ['https://api-eu1.hubapi.com/*'] });
    expect(refused.ok ? '' : refused.error).toContain('api-eu1.hubapi.com');
    expect(await connectionSettings(db, hubspotConnectionId('4215837')).get('hubspot.credentials')).toBeNull();

    allowed.add('https://api-eu1.hubapi.com');
    const connected = await hubspotConnector.connect({ token: portal.token }, env);
    expect(connected).toMatchObject({ ok: true, connectionId: 'hubspot:4215837', params: { apiBase: 'https://api-eu1.hubapi.com' } });
    expect(await connectionSettings(db, 'hubspot:4215837').get('hubspot.credentials')).toEqual({
      token: portal.token,
      apiBase: 'https://api-eu1.hubapi.com',
      portalId: '4215837',
    });
    // Record links go to the portal's own app host.
    const link = await hubspotConnector.recordLinks(connectionSettings(db, 'hubspot:4215837'));
    expect(link?.('42')).toBe('https://app-eu1.hubspot.com/contacts/4215837/record/0-3/42');
  });

  it('starts on the hublet a private app token names, and moves to the one the account names even when api.hubapi.com answers', async () => {
    const named = setup({ hublet: 'eu1', token: 'pat-eu1-0c1d2e3f-aaaa-bbbb' });
    const { db } = freshDb();
    const connected = await hubspotConnector.connect({ token: named.portal.token }, connectorEnv(db, { fetch: named.portal.fetch }));
    expect(connected).toMatchObject({ ok: true, params: { apiBase: 'https://api-eu1.hubapi.com' } });
    expect(named.portal.requests.every((r) => new URL(r.url).host === 'api-eu1.hubapi.com')).toBe(true);

    // A Service Key carries its portal's routing, so api.hubapi.com answers it: the account's details still name eu1.
    const routed = setup({ hublet: 'eu1' });
    const other = freshDb();
    const viaKey = await hubspotConnector.connect({ token: routed.portal.serviceKey }, connectorEnv(other.db, { fetch: routed.portal.fetch }));
    expect(viaKey).toMatchObject({ ok: true, params: { apiBase: 'https://api-eu1.hubapi.com' } });
    expect(routed.portal.requests.map((r) => `${new URL(r.url).host} ${r.path}`).slice(0, 2)).toEqual([
      `api.hubapi.com ${API_PATHS.accountDetails}`,
      `api-eu1.hubapi.com ${API_PATHS.objects('deals')}`,
    ]);
  });

  it('remembers the new host when a connected portal moved hublet before a sync', async () => {
    const clock = new ManualClock(Date.parse('2026-12-01T12:00:00Z'));
    const portal = createHubSpotSandbox({ opportunities: 120, seed: 5, portalId: 777, hublet: 'eu1', now: clock.now });
    const { db } = freshDb();
    const settings = connectionSettings(db, 'hubspot:777');
    await settings.set('hubspot.credentials', { token: portal.token, apiBase: 'https://api.hubapi.com', portalId: '777' });
    const pages: number[] = [];
    const run: SyncRun = {
      connectionId: 'hubspot:777',
      params: {},
      secrets: {},
      settings,
      fetch: portal.fetch,
      now: () => new Date(clock.now()).toISOString(),
      checkpoint: null,
      cursor: null,
      onProgress: () => undefined,
      onPage: async (page) => void pages.push(page.opportunities.length),
    };
    const outcome = await hubspotConnector.sync(run);
    expect(outcome.changed).toBeGreaterThan(50);
    expect((await settings.get('hubspot.credentials'))?.apiBase).toBe('https://api-eu1.hubapi.com');
    expect((await settings.get('hubspot.status'))?.apiBase).toBe('https://api-eu1.hubapi.com');
    // One 488, then every call on the portal's own host.
    expect(portal.requests.filter((r) => new URL(r.url).host === 'api.hubapi.com')).toHaveLength(1);
  });
});

describe('the hublet prefix of the local sandbox (e2e)', () => {
  let server: HubSpotServer;
  beforeAll(async () => {
    server = await startHubSpotServer({ opportunities: 50, hublet: 'eu1' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 488 at the root and serves the portal under /_hublet/eu1, where the client moves', async () => {
    const root = await fetch(`${server.url}${API_PATHS.accountDetails}`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(root.status).toBe(488);
    expect(await root.json()).toMatchObject({
      correctHublet: 'eu1',
      message: `Hub ${server.portalId} is unknown to this Hublet, but it appears to exist in Hublet eu1`,
    });
    const client = new HubSpotClient({ token: server.token, fetch: (url, init) => fetch(url, init), apiBase: server.url });
    const details = (await client.get(API_PATHS.accountDetails)) as { dataHostingLocation: string; uiDomain: string };
    expect(details).toMatchObject({ dataHostingLocation: 'eu1', uiDomain: 'app-eu1.hubspot.com' });
    expect(client.apiBase).toBe(`${server.url}/_hublet/eu1`);
  });
});

describe('credentials', () => {
  it('connects with a Service Key and with a legacy private app token, each checked against the portal', async () => {
    const { portal } = setup();
    expect(portal.serviceKey).not.toBe(portal.token);
    for (const token of [portal.serviceKey, portal.token]) {
      const { db } = freshDb();
      const connected = await hubspotConnector.connect({ token }, connectorEnv(db, { fetch: portal.fetch }));
      expect(connected).toMatchObject({ ok: true, connectionId: 'hubspot:4215837', params: { apiBase: 'https://api.hubapi.com', portalId: '4215837' } });
      expect((await connectionSettings(db, 'hubspot:4215837').get('hubspot.credentials'))?.token).toBe(token);
    }
  });

  it('names every scope a Service Key lacks (a key gets only scopes its creator has), and how to add them', async () => {
    const { portal } = setup({ serviceKeyScopes: ['crm.objects.deals.read', 'crm.objects.owners.read'] });
    const { db } = freshDb();
    const refused = await hubspotConnector.connect({ token: portal.serviceKey }, connectorEnv(db, { fetch: portal.fetch }));
    expect(refused).toMatchObject({ ok: false, code: 'no-api-access' });
    const error = refused.ok ? '' : refused.error;
    expect(error).toContain('lacks the scopes crm.objects.companies.read, crm.objects.contacts.read.');
    expect(error).toContain('Settings › Integrations › Service Keys');
    // The private app token of the same portal has its own scopes.
    expect((await hubspotConnector.connect({ token: portal.token }, connectorEnv(db, { fetch: portal.fetch }))).ok).toBe(true);
  });

  it('says where Service Keys are made when no key is given, and refuses what cannot be one', async () => {
    const { db } = freshDb();
    const env = connectorEnv(db);
    expect(await hubspotConnector.connect({ token: ' ' }, env)).toEqual({
      ok: false,
      error: 'Paste a Service Key from HubSpot (Settings › Integrations › Service Keys), or an existing private app’s access token.',
    });
    expect((await hubspotConnector.connect({ token: 'two words' }, env)).ok).toBe(false);
  });
});
