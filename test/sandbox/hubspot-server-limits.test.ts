import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// A server of 12,000 deals takes seconds to generate: generous on a busy machine (a bound that catches a hang, not a timing).
vi.setConfig({ hookTimeout: 120_000 });
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { api, resultsOf, searchDeals } from './hubspot-helpers';

/**
 * What a HubSpot client must survive: auth errors (missing, invalid and expired tokens,
 * missing scopes), the real search and API rate limits, the 10,000-result search cap,
 * and faults on demand, each in HubSpot's error shape.
 */

describe('authentication', () => {
  let server: HubSpotServer;
  beforeAll(async () => {
    server = await startHubSpotServer({ seed: 3, opportunities: 50, renderDelayMs: 0, token: 'pat-na1-11111111-2222-3333-4444-555555555555' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('uses the token it was given, or a random pat-na1 token', async () => {
    expect(server.token).toBe('pat-na1-11111111-2222-3333-4444-555555555555');
    const other = await startHubSpotServer({ seed: 3, opportunities: 5, renderDelayMs: 0 });
    expect(other.token).toMatch(/^pat-na1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await other.close();
  });

  it('answers 401 INVALID_AUTHENTICATION without a token or with a wrong one', async () => {
    for (const token of [null, 'pat-na1-00000000-0000-0000-0000-000000000000']) {
      const call = await api(server, 'GET', '/crm/pipelines/2026-09/deals', undefined, token);
      expect(call.status).toBe(401);
      expect(call.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
      expect(call.body['message']).toMatch(/^Authentication credentials not found/);
    }
  });

  it('answers 401 EXPIRED_AUTHENTICATION with a rotated token, and accepts the new one', async () => {
    const old = server.token;
    const fresh = server.rotateToken();
    expect(fresh).not.toBe(old);
    const call = await api(server, 'GET', '/crm/pipelines/2026-09/deals', undefined, old);
    expect(call.status).toBe(401);
    expect(call.body['category']).toBe('EXPIRED_AUTHENTICATION');
    expect(call.body['message']).toMatch(/^The OAuth token used to make this call expired \d+ second\(s\) ago\.$/);
    expect((await api(server, 'GET', '/crm/pipelines/2026-09/deals')).status).toBe(200);
  });

  it('answers 403 MISSING_SCOPES naming the scopes when one is revoked', async () => {
    server.revokeScopes(['crm.objects.companies.read']);
    try {
      const call = await api(server, 'POST', '/crm/associations/2026-09/deals/companies/batch/read', { inputs: [{ id: '1' }] });
      expect(call.status).toBe(403);
      expect(call.body['category']).toBe('MISSING_SCOPES');
      expect(call.body['errors']).toEqual([
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: ['crm.objects.deals.read', 'crm.objects.companies.read'] },
        },
      ]);
      // Deals still work; the token-info endpoint lists what is left.
      expect((await searchDeals(server, { limit: 1 })).status).toBe(200);
      const info = await api(server, 'POST', '/oauth/v2/private-apps/get/access-token-info', { tokenKey: server.token }, null);
      expect(info.body['scopes']).not.toContain('crm.objects.companies.read');
    } finally {
      server.grantScopes(['crm.objects.companies.read']);
    }
    expect(() => server.revokeScopes(['crm.objects.everything' as never])).toThrow(/Unknown scope "crm.objects.everything"/);
  });
});

describe('rate limits', () => {
  it('limits search to 5 requests a second per token: the 6th gets 429 SECONDLY with the limit headers', async () => {
    const server = await startHubSpotServer({ seed: 3, opportunities: 50, renderDelayMs: 0 });
    try {
      const calls = await Promise.all(Array.from({ length: 6 }, () => searchDeals(server, { limit: 1 })));
      const statuses = calls.map((c) => c.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = calls.find((c) => c.status === 429)!;
      expect(limited.body).toMatchObject({
        status: 'error',
        errorType: 'RATE_LIMIT',
        policyName: 'SECONDLY',
        message: 'You have reached your secondly limit.',
      });
      expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('5');
      expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('1000');
      const remaining = calls
        .filter((c) => c.status === 200)
        .map((c) => Number(c.headers.get('x-hubspot-ratelimit-remaining')))
        .sort();
      expect(remaining).toEqual([0, 1, 2, 3, 4]);
      // Other endpoints are not search-limited, and carry the ten-second window's headers.
      const pipelines = await api(server, 'GET', '/crm/pipelines/2026-09/deals');
      expect(pipelines.status).toBe(200);
      expect(pipelines.headers.get('x-hubspot-ratelimit-max')).toBe('190');
      expect(pipelines.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      expect(pipelines.headers.get('x-hubspot-ratelimit-daily')).toBe('625000');
      expect(pipelines.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe(String(625_000 - 6));
      // A second later the window has room again.
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect((await searchDeals(server, { limit: 1 })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('limits every endpoint per ten seconds and per day', async () => {
    const server = await startHubSpotServer({ seed: 3, opportunities: 20, renderDelayMs: 0, perTenSeconds: 3, daily: 1000 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await api(server, 'GET', '/crm/owners/2026-09')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await api(server, 'GET', '/crm/owners/2026-09')).body['policyName']).toBe('TEN_SECONDLY_ROLLING');
      server.setDailyUsage(1000);
      const daily = await api(server, 'GET', '/account-info/2026-09/details');
      expect(daily.status).toBe(429);
      expect(daily.body['policyName']).toBe('DAILY');
      expect(daily.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    } finally {
      await server.close();
    }
  });
});

describe('the 10,000-result search cap', () => {
  let server: HubSpotServer;
  beforeAll(async () => {
    server = await startHubSpotServer({
      seed: 11,
      opportunities: 12_000,
      renderDelayMs: 0,
      hostile: false,
      searchPerSecond: Infinity,
      perTenSeconds: Infinity,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports the full total but refuses a page at or past result 10,000 with a 400', async () => {
    const first = await searchDeals(server, { limit: 200, properties: ['dealname'] });
    expect(first.body['total']).toBe(12_000);
    const near = await searchDeals(server, { limit: 200, after: '9800' });
    expect(near.status).toBe(200);
    expect(resultsOf(near)).toHaveLength(200);
    // HubSpot still hands out the cursor; following it fails.
    expect(near.body['paging']).toEqual({ next: { after: '10000' } });
    const past = await searchDeals(server, { limit: 200, after: '10000' });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(past.body['message']).toMatch(/beyond 10000 results/);
  });

  it('lets a client read everything by splitting the query into hs_object_id ranges', async () => {
    const seen: string[] = [];
    let lowerBound = '0';
    for (;;) {
      // Each query: ids above the last one seen, ascending, read until 9,800 or the end.
      const filter = {
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: lowerBound }] }],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      };
      let after: string | undefined;
      let read = 0;
      let last: string | null = null;
      for (;;) {
        const call = await searchDeals(server, { ...filter, limit: 200, properties: ['hs_object_id'], ...(after === undefined ? {} : { after }) });
        expect(call.status).toBe(200);
        for (const r of resultsOf(call)) {
          seen.push(r.id);
          last = r.id;
        }
        read += resultsOf(call).length;
        after = (call.body['paging'] as { next?: { after: string } } | undefined)?.next?.after;
        if (after === undefined || read >= 9_800) break;
      }
      if (after === undefined || last === null) break;
      lowerBound = last;
    }
    expect(seen).toHaveLength(12_000);
    expect(seen).toEqual(server.org.opportunities.map((o) => o.id));
  });
});

describe('faults', () => {
  let server: HubSpotServer;
  beforeAll(async () => {
    server = await startHubSpotServer({ seed: 3, opportunities: 30, renderDelayMs: 0, searchPerSecond: Infinity });
  });
  afterEach(() => server.faults.clear());
  afterAll(async () => {
    await server.close();
  });

  it('expires the token for N requests (the token stays valid)', async () => {
    server.faults.sessionExpired({ times: 2 });
    for (let i = 0; i < 2; i++) {
      const call = await searchDeals(server, { limit: 1 });
      expect(call.status).toBe(401);
      expect(call.body['category']).toBe('EXPIRED_AUTHENTICATION');
    }
    expect((await searchDeals(server, { limit: 1 })).status).toBe(200);
  });

  it('answers 429 TEN_SECONDLY_ROLLING, with Retry-After only when asked', async () => {
    server.faults.rateLimit();
    const plain = await searchDeals(server, { limit: 1 });
    expect(plain.status).toBe(429);
    expect(plain.body['policyName']).toBe('TEN_SECONDLY_ROLLING');
    expect(plain.headers.get('retry-after')).toBeNull();
    server.faults.rateLimit({ retryAfter: 2 });
    expect((await searchDeals(server, { limit: 1 })).headers.get('retry-after')).toBe('2');
  });

  it('answers 5xx: HubSpot JSON for 500 and 503, a gateway page for 502 and 504', async () => {
    server.faults.serverError();
    const e500 = await searchDeals(server, { limit: 1 });
    expect(e500.status).toBe(500);
    expect(e500.body['status']).toBe('error');
    server.faults.serverError({ status: 502 });
    const e502 = await fetch(`${server.url}/crm/pipelines/2026-09/deals`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(e502.status).toBe(502);
    expect(e502.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('sends a malformed body, delays, or drops the connection, only on matching paths', async () => {
    server.faults.malformedJson({ path: '/crm/owners/2026-09' });
    const pipelines = await api(server, 'GET', '/crm/pipelines/2026-09/deals');
    expect(pipelines.status).toBe(200);
    const owners = await fetch(`${server.url}/crm/owners/2026-09`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(owners.status).toBe(200);
    await expect(owners.json()).rejects.toThrow();

    // Slow: the delayed reply comes, unchanged, after one sent later (order, not wall time).
    server.faults.slow({ delayMs: 300 });
    const order: string[] = [];
    const slow = api(server, 'GET', '/crm/pipelines/2026-09/deals').then((c) => order.push(`slow ${c.status}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const quick = api(server, 'GET', '/account-info/2026-09/details').then((c) => order.push(`quick ${c.status}`));
    await Promise.all([slow, quick]);
    expect(order).toEqual(['quick 200', 'slow 200']);

    server.faults.disconnect();
    await expect(fetch(`${server.url}/crm/pipelines/2026-09/deals`, { headers: { authorization: `Bearer ${server.token}` } })).rejects.toThrow();
    expect((await api(server, 'GET', '/crm/pipelines/2026-09/deals')).status).toBe(200);
  });

  it('never faults the pages or control routes by default, and takes faults over HTTP', async () => {
    server.faults.serverError({ times: Infinity });
    expect((await fetch(server.listUrl())).status).toBe(200);
    server.faults.clear();
    const add = await fetch(`${server.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'rate-limit', times: 2, retryAfter: 5, path: 'search' }),
    });
    expect(add.status).toBe(201);
    expect(((await add.json()) as { pending: unknown }).pending).toEqual([{ kind: 'rate-limit', remaining: 2, path: 'search', retryAfter: 5 }]);
    expect((await api(server, 'GET', '/crm/pipelines/2026-09/deals')).status).toBe(200);
    expect((await searchDeals(server, { limit: 1 })).status).toBe(429);
    const rotated = await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ expireSession: true }) });
    const { token } = (await rotated.json()) as { token: string };
    expect(token).toBe(server.token);
    expect((await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ kind: 'nope' }) })).status).toBe(400);
  });
});

describe('options', () => {
  it('rejects bad options up front, naming the option', async () => {
    await expect(startHubSpotServer({ opportunities: 0 })).rejects.toThrow('startHubSpotServer: opportunities must be a whole number from 1 to 200000, got 0');
    await expect(startHubSpotServer({ token: 'a b' })).rejects.toThrow(/token must be/);
    await expect(startHubSpotServer({ portalId: -1 })).rejects.toThrow(/portalId must be a positive whole number/);
    await expect(startHubSpotServer({ searchPerSecond: 0 })).rejects.toThrow(/searchPerSecond must be/);
    await expect(startHubSpotServer({ scopes: ['crm.objects.deals.write' as never] })).rejects.toThrow(/unknown scope "crm.objects.deals.write"/);
  });

  it('listens on loopback and the port it is given is free again after close', async () => {
    const server = await startHubSpotServer({ seed: 1, opportunities: 5 });
    const port = server.port;
    await server.close();
    await expect(
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.on('error', reject);
      }),
    ).rejects.toThrow();
  });
});
