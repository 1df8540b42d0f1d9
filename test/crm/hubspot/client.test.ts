import { describe, expect, it } from 'vitest';
import { HubSpotClient } from '../../../lib/crm/hubspot/client';
import { connectHubSpot } from '../../../lib/crm/hubspot/connect';
import { HubSpotError } from '../../../lib/crm/hubspot/errors';
import { Pacer } from '../../../lib/crm/hubspot/pacer';
import { createHubSpotSandbox, ManualClock, type FaultOptions, type FaultSpec, type HubSpotSandbox, type HubSpotServerOptions } from '../../../sandbox/hubspot';

const TOKEN = 'pat-na1-test';

/**
 * The client against the sandbox HubSpot, in-process, with no records but its pipelines,
 * on one ManualClock: the sandbox's rate limits and the client's waits keep the same time.
 */
function setup(options: { random?: () => number; server?: HubSpotServerOptions } = {}) {
  const clock = new ManualClock(0);
  const portal = createHubSpotSandbox({ records: {}, token: TOKEN, portalId: 4215837, now: clock.now, ...options.server });
  const client = new HubSpotClient({ token: TOKEN, fetch: portal.fetch, now: clock.now, sleep: clock.sleep, random: options.random ?? (() => 0) });
  return { clock, portal, client };
}

/** A HubSpot error reply instead of the sandbox's, on the requests `options` name. */
function hsError(status: number, category: string, message: string, extra: Record<string, unknown> = {}, options: FaultOptions = {}): FaultSpec {
  return { kind: 'reply', status, body: { status: 'error', message, correlationId: '3f2e-fake', category, ...extra }, ...options };
}

const searches = (portal: HubSpotSandbox) => portal.requests.filter((r) => r.path === '/crm/objects/2026-09/deals/search');

async function failure(promise: Promise<unknown>): Promise<HubSpotError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubSpotError) return error;
    throw error;
  }
  throw new Error('expected a HubSpotError');
}

const search = (client: HubSpotClient) => client.search('deals', { filterGroups: [], limit: 1 });

describe('Pacer', () => {
  it('lets 4 requests start in any second and holds the 5th until the first leaves the window', async () => {
    const clock = new ManualClock(0);
    const pacer = new Pacer({ limit: 4, intervalMs: 1000, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 9; i++) {
      await pacer.take();
      starts.push(clock.time);
      clock.advance(100); // each request takes 100 ms
    }
    expect(starts).toEqual([0, 100, 200, 300, 1000, 1100, 1200, 1300, 2000]);
    expect(clock.sleeps).toEqual([600, 600]);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Pacer({ limit: 0, intervalMs: 1000, now: () => 0, sleep: async () => {} })).toThrow(RangeError);
  });
});

describe('HubSpotClient', () => {
  it('sends the token as a Bearer token and keeps search under 5 a second by itself', async () => {
    const { portal, client } = setup();
    for (let i = 0; i < 6; i++) await search(client);
    expect(searches(portal).map((r) => r.at)).toEqual([0, 0, 0, 0, 1000, 1000]);
    expect(portal.requests[0]?.headers.authorization).toBe('Bearer pat-na1-test');
    expect(portal.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('waits what Retry-After says on a 429', async () => {
    const { clock, portal, client } = setup();
    portal.faults.rateLimit({ retryAfter: 3, path: /^\/crm\/pipelines\/2026-09\/deals$/ });
    await client.get('/crm/pipelines/2026-09/deals');
    expect(clock.sleeps).toEqual([3000]);
  });

  it('on a 429 without Retry-After, waits out the window the rate-limit headers describe', async () => {
    // The retry's reply, as to an OAuth app, has no daily headers.
    const { clock, portal, client } = setup({ server: { dailyLimitHeaders: false } });
    const spent = {
      'X-HubSpot-RateLimit-Max': '190',
      'X-HubSpot-RateLimit-Remaining': '0',
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Daily': '500000',
      'X-HubSpot-RateLimit-Daily-Remaining': '41000',
    };
    portal.faults.rateLimit({ path: /^\/crm\/pipelines\/2026-09\/deals$/, headers: spent });
    await client.get('/crm/pipelines/2026-09/deals');
    expect(clock.sleeps).toEqual([10000]);
    expect(client.lastRateLimit).toEqual({ max: 190, remaining: 189, intervalMs: 10000, daily: null, dailyRemaining: null });
  });

  it('after a reply that spent the window, waits it out before the next request', async () => {
    // One request per ten seconds: the first reply says the window is spent.
    const { clock, client } = setup({ server: { perTenSeconds: 1 } });
    await client.get('/crm/owners/2026-09');
    clock.advance(4000);
    await client.get('/crm/pipelines/2026-09/deals');
    expect(clock.sleeps).toEqual([6000]);
  });

  it('does not retry the daily limit and says so', async () => {
    const { clock, portal, client } = setup({ server: { daily: 250_000 } });
    portal.setDailyUsage(250_000);
    const error = await failure(client.get('/crm/pipelines/2026-09/deals'));
    expect(error.state).toBe('rate-limited');
    expect(error.message).toBe(
      'Your HubSpot portal has used its API requests for today (250,000 of 250,000). Sync again tomorrow: it resumes where it stopped.',
    );
    expect(portal.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('backs off exponentially on 5xx and gives up after 5 attempts with the server state', async () => {
    const { clock, portal, client } = setup({ random: () => 0.5 });
    portal.faults.serverError({ status: 502, times: Infinity });
    const error = await failure(client.get('/crm/pipelines/2026-09/deals'));
    expect(error.state).toBe('server');
    expect(error.message).toBe('HubSpot is unavailable right now. Try again later: the sync resumes where it stopped.');
    expect(portal.requests).toHaveLength(5);
    // Equal jitter with random 0.5: 3/4 of 1 s, 2 s, 4 s, 8 s.
    expect(clock.sleeps).toEqual([750, 1500, 3000, 6000]);
  });

  it('fails fast on 401 with the invalid or expired token state', async () => {
    // The portal's app has another token.
    const invalid = setup({ server: { token: 'pat-na1-another-app' } });
    const e1 = await failure(invalid.client.get('/account-info/2026-09/details'));
    expect([e1.state, e1.status, e1.category, e1.request]).toEqual(['token-invalid', 401, 'INVALID_AUTHENTICATION', 'GET /account-info/2026-09/details']);
    expect(e1.message).toContain('does not recognise the key');
    expect(invalid.portal.requests).toHaveLength(1);

    const expired = setup();
    expired.portal.rotateToken();
    const e2 = await failure(expired.client.get('/account-info/2026-09/details'));
    expect(e2.state).toBe('token-expired');
    expect(expired.clock.sleeps).toEqual([]);
  });

  it('names the missing scopes of a 403', async () => {
    const { portal, client } = setup();
    portal.revokeScopes(['crm.objects.owners.read']);
    const error = await failure(client.get('/crm/owners/2026-09'));
    expect(error.state).toBe('missing-scopes');
    expect(error.missingScopes).toEqual(['crm.objects.owners.read']);
    expect(error.message).toBe(
      'The HubSpot key lacks the scope crm.objects.owners.read. Add it to the Service Key in HubSpot (Settings › Integrations › Service Keys; a key can only have scopes its creator has), or to the private app’s scopes, and sync again.',
    );
  });

  it('refuses to call without a token', async () => {
    const { clock, portal } = setup();
    const client = new HubSpotClient({ token: '  ', fetch: portal.fetch, now: clock.now, sleep: clock.sleep });
    const error = await failure(client.get('/account-info/2026-09/details'));
    expect(error.state).toBe('token-missing');
    expect(portal.requests).toHaveLength(0);
    expect(clock.sleeps).toEqual([]);
  });

  it('reports a network failure and retries it', async () => {
    const { clock, portal, client } = setup();
    portal.faults.disconnect();
    await client.get('/crm/pipelines/2026-09/deals');
    expect(clock.sleeps).toEqual([500]);
  });
});

describe('connectHubSpot', () => {
  it('answers the portal for a good token', async () => {
    const { client, portal } = setup();
    expect(await connectHubSpot(client)).toEqual({
      portalId: '4215837',
      timeZone: 'US/Eastern',
      currency: 'USD',
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    });
    expect(portal.requests.map((r) => r.path)).toEqual([
      '/account-info/2026-09/details',
      '/crm/objects/2026-09/deals',
      '/crm/objects/2026-09/companies',
      '/crm/objects/2026-09/contacts',
      '/crm/owners/2026-09',
    ]);
  });

  it('takes the portal from the page when the API serves no account details, and still refuses a bad token', async () => {
    const { client, portal } = setup();
    for (const path of [/^\/account-info\/2026-09\/details(\?|$)/, /^\/crm\/objects\/2026-09\/companies(\?|$)/])
      portal.faults.inject(hsError(404, 'OBJECT_NOT_FOUND', 'Not found', {}, { path, times: Infinity }));
    expect(await connectHubSpot(client, undefined, '777')).toEqual({
      portalId: '777',
      timeZone: null,
      currency: null,
      uiDomain: null,
      dataHostingLocation: null,
    });
    // Without a portal id from a page there is nothing to connect to.
    expect((await failure(connectHubSpot(client))).state).toBe('bad-request');
    portal.faults.inject(
      hsError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.', {}, { path: /^\/crm\/objects\/2026-09\/deals(\?|$)/, times: Infinity }),
    );
    expect((await failure(connectHubSpot(client, undefined, '777'))).state).toBe('token-invalid');
  });

  it('lists every missing scope at once', async () => {
    const { client, portal } = setup();
    portal.revokeScopes(['crm.objects.contacts.read', 'crm.objects.owners.read']);
    const error = await failure(connectHubSpot(client));
    expect(error.state).toBe('missing-scopes');
    expect(error.missingScopes).toEqual(['crm.objects.contacts.read', 'crm.objects.owners.read']);
    expect(error.message).toContain('the scopes crm.objects.contacts.read, crm.objects.owners.read.');
  });
});
