import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';

/** Faults on demand, through the controller and through POST /__sandbox/faults. */

let server: SalesforceServer;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 3, opportunities: 100, renderDelayMs: 0 });
});
afterEach(() => {
  server.faults.clear();
  server.setApiUsage(0);
});
afterAll(async () => {
  await server.close();
});

const LIMITS = '/services/data/v62.0/limits';
const QUERY = `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Opportunity LIMIT 3')}`;

function call(path: string, sid: string = server.sid): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${sid}` } });
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const reply = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
}

describe('fault replies', () => {
  it('session-expired: 401 INVALID_SESSION_ID for the next N requests only', async () => {
    server.faults.sessionExpired({ times: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await call(LIMITS);
      expect(reply.status).toBe(401);
      expect(await reply.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
    expect((await call(LIMITS)).status).toBe(200);
  });

  it('rate-limit: 429 with Retry-After, and it does not count as a call', async () => {
    server.faults.rateLimit({ retryAfter: 3 });
    const reply = await call(QUERY);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('3');
    expect(((await reply.json()) as { errorCode: string }[])[0]?.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(server.apiUsage).toBe(0);
    expect((await call(QUERY)).status).toBe(200);
    expect(server.apiUsage).toBe(1);
  });

  it('request-limit: 403 REQUEST_LIMIT_EXCEEDED; and the real thing once the daily allowance is spent', async () => {
    server.faults.requestLimit();
    const reply = await call(LIMITS);
    expect(reply.status).toBe(403);
    expect(await reply.json()).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);

    server.setApiUsage(14_999);
    const lastOne = await call(LIMITS);
    expect(lastOne.status).toBe(200);
    expect(lastOne.headers.get('sforce-limit-info')).toBe('api-usage=15000/15000');
    const spent = await call(LIMITS);
    expect(spent.status).toBe(403);
    expect(((await spent.json()) as { errorCode: string }[])[0]?.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it("server-error: 500 UNKNOWN_EXCEPTION, 503 SERVER_UNAVAILABLE with Retry-After, 502 as a gateway's HTML", async () => {
    server.faults.serverError();
    server.faults.serverError({ status: 503, retryAfter: 2 });
    server.faults.serverError({ status: 502 });
    const e500 = await call(LIMITS);
    expect(e500.status).toBe(500);
    expect(((await e500.json()) as { errorCode: string }[])[0]?.errorCode).toBe('UNKNOWN_EXCEPTION');
    const e503 = await call(LIMITS);
    expect(e503.status).toBe(503);
    expect(e503.headers.get('retry-after')).toBe('2');
    expect(((await e503.json()) as { errorCode: string }[])[0]?.errorCode).toBe('SERVER_UNAVAILABLE');
    const e502 = await call(LIMITS);
    expect(e502.status).toBe(502);
    expect(e502.headers.get('content-type')).toContain('text/html');
    expect(await e502.text()).toContain('Bad Gateway');
  });

  it('malformed-json: a 200 whose JSON body is cut off', async () => {
    server.faults.malformedJson();
    const reply = await call(QUERY);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const text = await reply.text();
    expect(text.startsWith('{"totalSize":3,')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('slow: the reply comes, unchanged, after requests sent later', async () => {
    server.faults.slow({ delayMs: 400 });
    const order: string[] = [];
    const slow = call(QUERY).then(async (r) => {
      order.push('slow');
      return r;
    });
    // Let the slow request reach the server before the fast one is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = call(LIMITS).then((r) => {
      order.push('fast');
      return r;
    });
    const [slowReply, fastReply] = await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
    expect(slowReply.status).toBe(200);
    expect(((await slowReply.json()) as { totalSize: number }).totalSize).toBe(3);
    expect(fastReply.status).toBe(200);
  });

  it('disconnect: the connection drops without a reply', async () => {
    server.faults.disconnect();
    await expect(call(LIMITS)).rejects.toThrow();
    expect((await call(LIMITS)).status).toBe(200);
  });

  it('matches a path pattern, keeps order, and lasts until cleared with times Infinity', async () => {
    server.faults.rateLimit({ path: /\/query\?/, times: Infinity });
    expect((await call(LIMITS)).status).toBe(200);
    expect((await call(QUERY)).status).toBe(429);
    expect((await call(QUERY)).status).toBe(429);
    expect(server.faults.pending).toEqual([{ kind: 'rate-limit', remaining: null, path: '\\/query\\?', retryAfter: 1 }]);
    server.faults.clear();
    expect((await call(QUERY)).status).toBe(200);
  });

  it('rejects a bad fault spec with a clear message and adds nothing', () => {
    expect(() => server.faults.inject({ kind: 'slow' }, { kind: 'server-error', status: 418 })).toThrow(/500, 502, 503 or 504/);
    expect(() => server.faults.inject({ kind: 'teapot' as 'slow' })).toThrow(/Unknown fault kind "teapot"/);
    expect(() => server.faults.rateLimit({ times: 0 })).toThrow(/times/);
    expect(server.faults.pending).toEqual([]);
  });
});

describe('session expiry', () => {
  it('expireSession rotates the sid: the old one gets 401, the new one works, and login hands it out', async () => {
    const old = server.sid;
    const next = server.faults.expireSession();
    expect(next).not.toBe(old);
    expect(server.sid).toBe(next);
    expect((await call(LIMITS, old)).status).toBe(401);
    expect((await call(LIMITS, next)).status).toBe(200);
    const login = await fetch(`${server.url}/login`, { redirect: 'manual' });
    expect(login.headers.get('set-cookie')).toBe(`sid=${next}; Path=/`);
  });
});

describe('HTTP control endpoint', () => {
  it('adds, lists and clears faults', async () => {
    const added = await control('POST', '/__sandbox/faults', { kind: 'rate-limit', times: 2, retryAfter: 5, path: '/limits' });
    expect(added.status).toBe(201);
    expect(added.body['pending']).toEqual([{ kind: 'rate-limit', remaining: 2, path: '/limits', retryAfter: 5 }]);
    const reply = await call(LIMITS);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('5');
    expect((await control('GET', '/__sandbox/faults')).body['pending']).toEqual([{ kind: 'rate-limit', remaining: 1, path: '/limits', retryAfter: 5 }]);
    await control('DELETE', '/__sandbox/faults');
    expect((await call(LIMITS)).status).toBe(200);
  });

  it('takes a list, "always", and expireSession; rejects bad input with 400 and adds nothing', async () => {
    await control('POST', '/__sandbox/faults', [{ kind: 'malformed-json' }, { kind: 'server-error', status: 503, times: 'always', path: 'sobjects' }]);
    expect(server.faults.pending.map((p) => [p.kind, p.remaining])).toEqual([
      ['malformed-json', 1],
      ['server-error', null],
    ]);
    server.faults.clear();
    const bad = await control('POST', '/__sandbox/faults', [{ kind: 'slow' }, { kind: 'nope' }]);
    expect(bad.status).toBe(400);
    expect(String(bad.body['error'])).toMatch(/Unknown fault kind "nope"/);
    expect(server.faults.pending).toEqual([]);

    const old = server.sid;
    const expired = await control('POST', '/__sandbox/faults', { expireSession: true });
    expect(expired.body['sid']).toBe(server.sid);
    expect(server.sid).not.toBe(old);
  });

  it('is never faulted itself', async () => {
    server.faults.serverError({ path: /.*/, times: Infinity });
    expect((await control('GET', '/__sandbox/faults')).status).toBe(200);
    expect((await call(LIMITS)).status).toBe(500);
  });
});
