import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceSandbox, ManualClock, startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';

/**
 * The sandbox servers called in-process (sandbox/kit/in-process.ts), and the faults that
 * give a connector's unit tests the replies they need: the same pipeline as over HTTP.
 */

const QUERY = `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Opportunity LIMIT 3')}`;

function sandbox() {
  return createSalesforceSandbox({ seed: 3, opportunities: 20, sessionId: 'sid-for-the-test' });
}

const auth = { Authorization: 'Bearer sid-for-the-test' };

describe('in-process fetch', () => {
  it('answers as the server does over HTTP, from any origin, and records each request', async () => {
    const org = sandbox();
    const reply = await org.fetch(`https://acme.my.salesforce.com${QUERY}`, { headers: auth });
    expect(reply.status).toBe(200);
    expect(((await reply.json()) as { records: unknown[] }).records).toHaveLength(3);
    expect(reply.headers.get('sforce-limit-info')).toBe('api-usage=1/15000');
    await org.fetch('http://anywhere.invalid/__sandbox/api-usage', { method: 'POST', body: JSON.stringify({ used: 7 }) });
    expect(org.apiUsage).toBe(7);
    expect(org.requests.map((r) => [r.method, r.path, r.soql, r.headers['authorization'] ?? null, r.body])).toEqual([
      ['GET', '/services/data/v62.0/query', 'SELECT Id FROM Opportunity LIMIT 3', 'Bearer sid-for-the-test', null],
      ['POST', '/__sandbox/api-usage', null, null, { used: 7 }],
    ]);
    expect(org.requests[0]?.url).toBe(`https://acme.my.salesforce.com${QUERY}`);
  });

  it('gives the same replies as the server listening on HTTP', async () => {
    const server = await startSalesforceServer({ seed: 3, opportunities: 20, sessionId: 'sid-for-the-test', renderDelayMs: 0 });
    try {
      const overHttp = await (await fetch(`${server.url}${QUERY}`, { headers: auth })).json();
      const inProcess = await (await server.fetch(QUERY, { headers: auth })).json();
      expect(inProcess).toEqual(overHttp);
    } finally {
      await server.close();
    }
  });

  it('rejects as fetch does: on a dropped connection, and with the reason of an abort, also during a slow reply', async () => {
    const org = sandbox();
    org.faults.disconnect();
    await expect(org.fetch(QUERY, { headers: auth })).rejects.toThrow(new TypeError('fetch failed'));
    org.faults.slow({ delayMs: 600_000 });
    const controller = new AbortController();
    const pending = org.fetch(QUERY, { headers: auth, signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    expect(org.requests).toHaveLength(2);
  });

  it('does not follow redirects', async () => {
    const org = sandbox();
    const reply = await org.fetch('/login?startURL=%2Flightning%2Fpage%2Fhome', {});
    expect([reply.status, reply.headers.get('location')]).toEqual([302, '/lightning/page/home']);
    expect(reply.headers.get('set-cookie')).toBe('sid=sid-for-the-test; Path=/');
  });
});

describe('faults for unit tests', () => {
  it('reply: sends the given status, body (JSON unless text) and headers, on matching requests', async () => {
    const org = sandbox();
    org.faults.reply({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE', message: 'nope' }],
      headers: { 'X-Extra': '1' },
      path: /FROM Opportunity LIMIT/,
      times: 2,
    });
    org.faults.reply({ status: 503, body: 'Service Unavailable', path: /\/limits$/ });
    expect(org.faults.pending).toEqual([
      { kind: 'reply', remaining: 2, path: 'FROM Opportunity LIMIT', status: 400 },
      { kind: 'reply', remaining: 1, path: '\\/limits$', status: 503 },
    ]);
    const first = await org.fetch(QUERY, { headers: auth });
    expect([first.status, first.headers.get('content-type'), first.headers.get('x-extra'), await first.json()]).toEqual([
      400,
      'application/json;charset=UTF-8',
      '1',
      [{ errorCode: 'INVALID_TYPE', message: 'nope' }],
    ]);
    const text = await org.fetch('/services/data/v62.0/limits', { headers: auth });
    expect([text.status, text.headers.get('content-type'), await text.text()]).toEqual([503, 'text/plain;charset=UTF-8', 'Service Unavailable']);
    expect(() => org.faults.reply({ status: 99 })).toThrow("A reply fault's status is a whole number from 200 to 599, got 99");
  });

  it('matches a path pattern against the query string as sent and as decoded', async () => {
    const org = sandbox();
    org.faults.serverError({ path: / FROM Opportunity /, times: Infinity });
    expect((await org.fetch(QUERY, { headers: auth })).status).toBe(500);
    expect((await org.fetch('/services/data/v62.0/limits', { headers: auth })).status).toBe(200);
  });

  it("rewrite: the real reply's JSON through a function; headers: added to any fault's reply", async () => {
    const org = sandbox();
    org.faults.rewrite((body) => ({ ...(body as object), done: 'rewritten' }));
    org.faults.rateLimit({ retryAfter: 2, headers: { 'Sforce-Limit-Info': 'api-usage=9/10' } });
    const rewritten = (await (await org.fetch(QUERY, { headers: auth })).json()) as { done: unknown; records: unknown[] };
    expect([rewritten.done, rewritten.records.length]).toEqual(['rewritten', 3]);
    const limited = await org.fetch(QUERY, { headers: auth });
    expect([limited.status, limited.headers.get('retry-after'), limited.headers.get('sforce-limit-info')]).toEqual([429, '2', 'api-usage=9/10']);
    expect(() => org.faults.inject({ kind: 'rewrite' })).toThrow('A rewrite fault needs a "rewrite" function');
  });
});

describe('faults over HTTP', () => {
  let server: SalesforceServer;
  beforeAll(async () => {
    server = await startSalesforceServer({ seed: 3, opportunities: 20, renderDelayMs: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('take a reply with a body and headers, and refuse a rewrite, which needs a function', async () => {
    const post = (body: unknown) => fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ kind: 'reply', status: 418, body: { short: 'stout' }, headers: { 'X-Tea': 'yes' } })).status).toBe(201);
    const reply = await fetch(`${server.url}${QUERY}`, { headers: { Authorization: `Bearer ${server.sid}` } });
    expect([reply.status, reply.headers.get('x-tea'), await reply.json()]).toEqual([418, 'yes', { short: 'stout' }]);
    const refused = await post({ kind: 'rewrite' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/rewrite" fault takes a function/);
  });
});

describe('ManualClock', () => {
  it('records each wait and moves on by it, at once', async () => {
    const clock = new ManualClock(1000);
    await clock.sleep(250);
    clock.advance(50);
    await clock.sleep(700);
    expect([clock.now(), clock.sleeps]).toEqual([2000, [250, 700]]);
  });
});
