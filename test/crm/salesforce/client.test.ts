import { describe, expect, it } from 'vitest';
import { sessionAuth } from '../../../lib/crm/salesforce/auth';
import { SalesforceClient, type SalesforceClientOptions } from '../../../lib/crm/salesforce/client';
import { MESSAGES, SalesforceError } from '../../../lib/crm/salesforce/errors';
import { parseLimitInfo } from '../../../lib/crm/salesforce/limits';
import { backoffDelay, DEFAULT_RETRY, retryAfterMs } from '../../../lib/crm/shared/retry';
import { createSalesforceSandbox, ManualClock, type FaultOptions, type FaultSpec } from '../../../sandbox/salesforce';

const BASE = 'https://acme.my.salesforce.com';
const SID = '00D5g000001aBcD!AQ.secret';

/**
 * The client against the sandbox Salesforce, in-process, on a small generated org with
 * the session `SID`. `faults` replace the sandbox's replies where a test needs a given
 * one (an odd body, an error code, a header); the rest are the sandbox's own.
 */
function client(faults: readonly FaultSpec[] = [], options: Partial<SalesforceClientOptions> = {}) {
  const org = createSalesforceSandbox({ opportunities: 20, sessionId: SID });
  org.faults.inject(...faults);
  const clock = new ManualClock();
  const c = new SalesforceClient({
    apiBase: BASE,
    sid: SID,
    fetch: org.fetch,
    sleep: clock.sleep,
    apiVersion: '60.0',
    random: () => 0.5,
    now: () => Date.parse('2025-06-01T12:00:00Z'),
    ...options,
  });
  return { client: c, org, requests: org.requests, sleeps: clock.sleeps };
}

type ReplyOptions = FaultOptions & { status?: number };

/** A JSON reply instead of the sandbox's (every API request, once, unless `options` say otherwise). */
function json(body: unknown, options: ReplyOptions = {}): FaultSpec {
  return { kind: 'reply', status: 200, body, ...options };
}

/** A Salesforce error reply: `[{ message, errorCode }]`. */
function sfError(status: number, errorCode: string, message: string, options: FaultOptions = {}): FaultSpec {
  return { kind: 'reply', status, body: [{ message, errorCode }], ...options };
}

const VERSIONS = /^\/services\/data\/$/;

async function failure(promise: Promise<unknown>): Promise<SalesforceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
  throw new Error('expected a SalesforceError');
}

describe('versions', () => {
  it('discovers the latest version from /services/data/ and uses it', async () => {
    const {
      client: c,
      org,
      requests,
    } = client(
      [
        json(
          [
            { label: "Winter '24", url: '/services/data/v59.0', version: '59.0' },
            { label: "Spring '24", url: '/services/data/v60.0', version: '60.0' },
            { label: 'Future', url: '/services/data/v99.0', version: '99.0' },
            { label: "Summer '23", url: '/services/data/v58.0', version: '58.0' },
          ],
          { path: VERSIONS },
        ),
      ],
      { apiVersion: undefined },
    );
    // Nine calls made today already: /limits is the tenth (DailyApiRequests Remaining 14990).
    org.setApiUsage(9);
    expect(c.apiVersion).toBeNull();
    const versions = await c.versions();
    expect(versions.map((v) => v.version)).toEqual(['58.0', '59.0', '60.0', '99.0']);
    // 99.0 is newer than this code knows: the latest known one is used.
    expect(c.apiVersion).toBe('60.0');
    expect(await c.limits()).toEqual({ used: 10, max: 15000 });
    expect(requests.map((r) => r.url)).toEqual([`${BASE}/services/data/`, `${BASE}/services/data/v60.0/limits`]);
  });

  it('reports an unreadable versions list as a server error naming the URL', async () => {
    const { client: c } = client([json({ not: 'a list' }, { path: VERSIONS })], { apiVersion: undefined });
    const error = await failure(c.versions());
    expect(error.state).toBe('server');
    expect(error.message).toBe('Salesforce sent an unreadable reply to /services/data/: expected a list of API versions. Try again later.');
  });
});

describe('query', () => {
  it('sends the session, the batch size and the SOQL, and follows nextRecordsUrl', async () => {
    const { client: c, requests } = client([
      json(
        { totalSize: 3, done: false, nextRecordsUrl: '/services/data/v60.0/query/01gxx0000000001-2', records: [{ Id: 'a' }, { Id: 'b' }] },
        { path: /\/query\?/, headers: { 'Sforce-Limit-Info': 'api-usage=18/5000' } },
      ),
      json(
        { totalSize: 3, done: true, records: [{ Id: 'c' }] },
        { path: /\/query\/01gxx/, headers: { 'Sforce-Limit-Info': 'api-usage=19/5000; per-app-api-usage=17/250(appName=x)' } },
      ),
    ]);
    const pages = [];
    for await (const page of c.query("SELECT Id FROM Opportunity WHERE Name = 'A&B'", { batchSize: 500 })) pages.push(page);
    expect(pages.map((p) => p.records.map((r) => r.Id))).toEqual([['a', 'b'], ['c']]);
    expect(pages.map((p) => [p.totalSize, p.done, p.nextRecordsUrl])).toEqual([
      [3, false, '/services/data/v60.0/query/01gxx0000000001-2'],
      [3, true, null],
    ]);
    expect(requests.map((r) => r.url)).toEqual([
      `${BASE}/services/data/v60.0/query?q=SELECT%20Id%20FROM%20Opportunity%20WHERE%20Name%20%3D%20%27A%26B%27`,
      `${BASE}/services/data/v60.0/query/01gxx0000000001-2`,
    ]);
    expect(requests[0]?.soql).toBe("SELECT Id FROM Opportunity WHERE Name = 'A&B'");
    expect(requests[0]?.headers).toEqual({ authorization: `Bearer ${SID}`, accept: 'application/json', 'sforce-query-options': 'batchSize=500' });
    expect(requests[1]?.headers['sforce-query-options']).toBe('batchSize=500');
    expect(c.lastLimits).toEqual({ used: 19, max: 5000 });
  });

  it('keeps the batch size within Salesforce bounds, and uses /queryAll/ for deleted records', async () => {
    // The sandbox's own replies: its 20 opportunities fit in one batch.
    const { client: c, requests } = client();
    await c.queryRecords('SELECT Id FROM Opportunity', { batchSize: 10 });
    await c.queryRecords('SELECT Id FROM Opportunity', { batchSize: 1e6, includeDeleted: true });
    await c.queryRecords('SELECT Id FROM Opportunity');
    expect(requests.map((r) => [r.path, r.headers['sforce-query-options']])).toEqual([
      ['/services/data/v60.0/query', 'batchSize=200'],
      ['/services/data/v60.0/queryAll', 'batchSize=2000'],
      ['/services/data/v60.0/query', 'batchSize=2000'],
    ]);
  });

  it('tries /query/ when a server knows only that form', async () => {
    // A server that knows only /query/ (the sandbox answers both).
    const { client: c, requests } = client([
      sfError(404, 'NOT_FOUND', 'The requested resource does not exist', { path: /\/query\?/, times: Infinity }),
      json({ totalSize: 1, done: true, records: [{ Id: 'x' }] }, { path: /\/query\/\?/, times: Infinity }),
    ]);
    expect(await c.queryRecords('SELECT Id FROM Opportunity')).toEqual([{ Id: 'x' }]);
    expect(await c.queryRecords('SELECT Id FROM Account')).toEqual([{ Id: 'x' }]);
    expect(requests.map((r) => r.path)).toEqual(['/services/data/v60.0/query', '/services/data/v60.0/query/', '/services/data/v60.0/query/']);
  });

  it('refuses to send the session to another host', async () => {
    const { client: c, requests } = client([
      json({ totalSize: 2, done: false, nextRecordsUrl: 'https://evil.example/services/data/v60.0/query/01g-2', records: [{ Id: 'a' }] }),
    ]);
    const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
    expect(error.state).toBe('server');
    expect(error.message).toMatch(/^Salesforce pointed Dealsight to https:\/\/evil\.example, which is not the org's API host/);
    expect(requests).toHaveLength(1);
  });

  describe('stops a paging the server would never end (issue 14, bounded loops)', () => {
    // Each fault answers a few times only: without the guard the client would keep asking,
    // then get the sandbox's own "no such query locator" and fail with another message.
    const page = (n: number, next: number | null, records: unknown[], totalSize: number, times = 4) =>
      json(
        { totalSize, done: next === null, ...(next === null ? {} : { nextRecordsUrl: `/services/data/v60.0/query/01gLOOP-${next}` }), records },
        { path: n === 1 ? /\/query\?/ : new RegExp(`/query/01gLOOP-${n}$`), times },
      );
    const QUERY = '/services/data/v60.0/query?q=SELECT Id FROM Opportunity';

    it('a nextRecordsUrl already read', async () => {
      // Page 2 sends the client back to page 2.
      const { client: c, requests } = client([page(1, 2, [{ Id: 'a' }], 10), page(2, 2, [{ Id: 'b' }], 10)]);
      const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
      expect([error.state, error.request, error.message]).toEqual([
        'server',
        QUERY,
        `Salesforce's paging of ${QUERY} went wrong: it sent the next page /services/data/v60.0/query/01gLOOP-2 a second time. Dealsight stopped reading it; sync again later.`,
      ]);
      expect(error.message).not.toContain('\n');
      expect(requests).toHaveLength(2);
    });

    it('more pages than totalSize allows', async () => {
      // Two records in all, one a page, yet a third page is announced.
      const { client: c, requests } = client([page(1, 2, [{ Id: 'a' }], 2), page(2, 3, [{ Id: 'b' }], 2), page(3, 4, [{ Id: 'c' }], 2)]);
      const pages: unknown[] = [];
      const error = await failure(
        (async () => {
          for await (const p of c.query('SELECT Id FROM Opportunity')) pages.push(p);
        })(),
      );
      expect(error.message).toBe(
        `Salesforce's paging of ${QUERY} went wrong: it sent more pages (3) than its 2 records allow. Dealsight stopped reading it; sync again later.`,
      );
      // The two pages read were handed over (and stored by the sync) before it stopped.
      expect(pages).toHaveLength(2);
      expect(requests).toHaveLength(2);
    });

    it('an empty page that is not the last', async () => {
      const { client: c, requests } = client([page(1, 2, [], 1_000_000), page(2, 3, [], 1_000_000)]);
      const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
      expect(error.message).toBe(
        `Salesforce's paging of ${QUERY} went wrong: page 1 held no record but was not the last. Dealsight stopped reading it; sync again later.`,
      );
      expect(requests).toHaveLength(1);
    });

    it('follows an honest paging to its end', async () => {
      const { client: c } = client([page(1, 2, [{ Id: 'a' }], 3), page(2, 3, [{ Id: 'b' }], 3), page(3, null, [{ Id: 'c' }], 3)]);
      expect(await c.queryRecords('SELECT Id FROM Opportunity')).toEqual([{ Id: 'a' }, { Id: 'b' }, { Id: 'c' }]);
    });
  });

  it('reads a page without records as a server error naming the request', async () => {
    const { client: c } = client([json({ totalSize: 1, done: true })]);
    const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
    expect(error.message).toBe(
      'Salesforce sent an unreadable reply to /services/data/v60.0/query?q=SELECT Id FROM Opportunity: the query result has no records list. Try again later.',
    );
  });

  it('names the URL of a reply that is not JSON', async () => {
    const { client: c } = client([{ kind: 'reply', status: 200, body: '{"totalSize": 3, "done": fal', headers: { 'Content-Type': 'application/json' } }]);
    const error = await failure(c.queryRecords('SELECT Id, Name FROM Opportunity'));
    expect(error).toMatchObject({ state: 'server', status: 200, request: '/services/data/v60.0/query?q=SELECT Id, Name FROM Opportunity' });
    expect(error.message).toBe(
      'Salesforce sent an unreadable reply to /services/data/v60.0/query?q=SELECT Id, Name FROM Opportunity: it is not valid JSON. Try again later.',
    );
  });
});

describe('describe', () => {
  it('reads fields, picklists and child relationships', async () => {
    const { client: c, requests } = client([
      json({
        name: 'Opportunity',
        label: 'Opportunity',
        fields: [
          { name: 'Id', label: 'Opportunity ID', type: 'id', custom: false },
          { name: 'StageName', label: 'Stage', type: 'picklist', picklistValues: [{ value: 'Prospecting', label: 'Prospecting', active: true }] },
          { name: 'Competitor__c', label: 'Competitor', type: 'string', custom: true, length: 80 },
          { label: 'no name' },
        ],
        childRelationships: [{ childSObject: 'OpportunityHistory', field: 'OpportunityId', relationshipName: 'OpportunityHistories' }],
      }),
    ]);
    const d = await c.describe('Opportunity');
    expect(requests[0]?.path).toBe('/services/data/v60.0/sobjects/Opportunity/describe');
    expect(d.fields.map((f) => [f.name, f.type, f.custom])).toEqual([
      ['Id', 'id', false],
      ['StageName', 'picklist', false],
      ['Competitor__c', 'string', true],
    ]);
    expect(d.fields[1]?.picklistValues).toEqual([{ value: 'Prospecting', label: 'Prospecting', active: true }]);
    expect(d.childRelationships).toEqual([{ childSObject: 'OpportunityHistory', field: 'OpportunityId', relationshipName: 'OpportunityHistories' }]);
    await expect(c.describe('Opportunity/../x')).rejects.toThrow(TypeError);
  });
});

describe('errors', () => {
  const cases: Array<[string, FaultSpec, string, string]> = [
    ['expired session', sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'), 'session-expired', MESSAGES.sessionExpired],
    ['API Access Control', sfError(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API'), 'no-api-access', MESSAGES.accessControl],
    ['blocked app', sfError(403, 'OAUTH_APP_BLOCKED', 'this app is blocked by admin'), 'no-api-access', MESSAGES.accessControl],
    ['API disabled for the profile', sfError(403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User'), 'no-api-access', MESSAGES.profileNoApi],
    [
      'API disabled for the org',
      sfError(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'),
      'no-api-access',
      MESSAGES.orgNoApi,
    ],
    [
      'other refusal',
      sfError(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id'),
      'no-api-access',
      'Salesforce refused /services/data/v60.0/query?q=SELECT Id FROM Opportunity (INSUFFICIENT_ACCESS: insufficient access rights on object id). Ask your Salesforce admin for read access to opportunities and their accounts, contacts and history.',
    ],
    [
      'daily limit',
      sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', { headers: { 'Sforce-Limit-Info': 'api-usage=15001/15000' } }),
      'rate-limited',
      MESSAGES.dailyLimit({ used: 15001, max: 15000 }),
    ],
    [
      'malformed query',
      sfError(400, 'MALFORMED_QUERY', "unexpected token: 'FORM'"),
      'bad-request',
      "Salesforce rejected /services/data/v60.0/query?q=SELECT Id FROM Opportunity (HTTP 400, MALFORMED_QUERY: unexpected token: 'FORM').",
    ],
    [
      'server error',
      sfError(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred.'),
      'server',
      'Salesforce could not answer /services/data/v60.0/query?q=SELECT Id FROM Opportunity (HTTP 500, UNKNOWN_EXCEPTION: An unexpected error occurred.). Try again later: the sync resumes where it stopped.',
    ],
    [
      'HTML error page',
      { kind: 'reply', status: 502, body: '<html>Bad gateway</html>' },
      'server',
      'Salesforce could not answer /services/data/v60.0/query?q=SELECT Id FROM Opportunity (HTTP 502). Try again later: the sync resumes where it stopped.',
    ],
    ['redirect', { kind: 'reply', status: 302, headers: { Location: 'https://other.my.salesforce.com/' } }, 'session-expired', MESSAGES.moved],
  ];
  for (const [name, reply, state, message] of cases) {
    it(`maps ${name} to ${state}, without retrying`, async () => {
      const { client: c, requests, sleeps } = client([{ ...reply, times: Infinity }]);
      const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
      expect([error.state, error.message]).toEqual([state, message]);
      expect(error.status).toBe(reply.status);
      expect(requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });
  }

  it('keeps the code and detail for logs, never the session', async () => {
    const { client: c } = client([sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid')]);
    const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
    expect(error).toMatchObject({
      code: 'INVALID_SESSION_ID',
      detail: 'Session expired or invalid',
      request: '/services/data/v60.0/query?q=SELECT Id FROM Opportunity',
    });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('secret');
  });

  it('reports no reply as a network error, after retrying', async () => {
    const { client: c, requests, sleeps } = client([{ kind: 'disconnect', times: Infinity }], { retry: { maxAttempts: 3 } });
    const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
    expect(error.state).toBe('network');
    expect(error.message).toBe(
      'Could not reach Salesforce at acme.my.salesforce.com. Check your connection and that Salesforce opens in this browser, then try again.',
    );
    expect(error.detail).toBe('fetch failed');
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([750, 1500]);
  });

  it('gives up on a reply slower than the timeout', async () => {
    // The sandbox answers after ten minutes; the client gives up long before.
    const { org } = client([{ kind: 'slow', delayMs: 600_000 }]);
    const hanging = new SalesforceClient({ apiBase: BASE, sid: SID, apiVersion: '60.0', timeoutMs: 20, retry: { maxAttempts: 1 }, fetch: org.fetch });
    const error = await failure(hanging.queryRecords('SELECT Id FROM Opportunity'));
    expect(error.state).toBe('network');
    expect(error.message).toBe(
      'Salesforce at acme.my.salesforce.com did not answer /services/data/v60.0/query?q=SELECT Id FROM Opportunity within 0.02 s. Check your connection and try again: the sync resumes where it stopped.',
    );
  });
});

describe('backoff', () => {
  it('honors Retry-After on 429, then succeeds', async () => {
    // Two 429s (Retry-After in seconds, then as a date), then the sandbox's own answer.
    const {
      client: c,
      requests,
      sleeps,
    } = client([
      sfError(429, 'REQUEST_LIMIT_EXCEEDED', 'Too many requests', { headers: { 'Retry-After': '3' } }),
      sfError(429, 'REQUEST_LIMIT_EXCEEDED', 'Too many requests', { headers: { 'Retry-After': 'Sun, 01 Jun 2025 12:00:07 GMT' } }),
    ]);
    await c.queryRecords('SELECT Id FROM Opportunity');
    expect(sleeps).toEqual([3000, 7000]);
    expect(requests).toHaveLength(3);
  });

  it('backs off exponentially with jitter on 503 and a concurrency REQUEST_LIMIT_EXCEEDED, capped in attempts', async () => {
    const random = [0, 1, 0.5, 0.25];
    let i = 0;
    // 503, concurrency limit, 503, …: as many as the policy has attempts.
    const unavailable: FaultSpec = { kind: 'reply', status: 503, body: 'Service Unavailable' };
    const concurrency = sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.');
    const {
      client: c,
      requests,
      sleeps,
    } = client(
      Array.from({ length: DEFAULT_RETRY.maxAttempts }, (_, n) => (n % 2 === 0 ? unavailable : concurrency)),
      { random: () => random[i++ % random.length] as number, onRetry: (info) => seen.push([info.attempt, info.delayMs, info.error.state]) },
    );
    const seen: Array<[number, number, string]> = [];
    const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
    expect(requests).toHaveLength(DEFAULT_RETRY.maxAttempts);
    // base 1 s doubling: half the step plus random × half.
    expect(sleeps).toEqual([500, 2000, 3000, 5000]);
    expect(seen.map((s) => s[0])).toEqual([1, 2, 3, 4]);
    expect(error.state).toBe('server');
    expect(error.message).toBe(MESSAGES.unavailable);
  });

  it('does not wait when Retry-After is longer than the policy allows', async () => {
    const { client: c, sleeps, requests } = client([sfError(429, 'REQUEST_LIMIT_EXCEEDED', 'slow down', { headers: { 'Retry-After': '3600' } })]);
    const error = await failure(c.queryRecords('SELECT Id FROM Opportunity'));
    expect([error.state, error.retryAfterMs, sleeps, requests.length]).toEqual(['rate-limited', 3_600_000, [], 1]);
    expect(error.message).toBe(MESSAGES.throttled);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const { client: c, requests } = client([sfError(429, 'REQUEST_LIMIT_EXCEEDED', 'slow down')], {
      sleep: async () => {
        controller.abort(new Error('user cancelled'));
        throw controller.signal.reason;
      },
    });
    await expect(c.queryRecords('SELECT Id FROM Opportunity', { signal: controller.signal })).rejects.toThrow('user cancelled');
    expect(requests).toHaveLength(1);
  });

  it('computes delays from the policy', () => {
    expect([1, 2, 3, 7, 10].map((n) => backoffDelay(n, DEFAULT_RETRY, () => 0))).toEqual([500, 1000, 2000, 30000, 30000]);
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});

describe('parseLimitInfo', () => {
  it('reads api-usage', () => {
    expect(parseLimitInfo('api-usage=18/5000')).toEqual({ used: 18, max: 5000 });
    expect(parseLimitInfo('api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)')).toEqual({ used: 25, max: 5000 });
    expect(parseLimitInfo('per-app-api-usage=17/250(appName=x); api-usage=110018/100000; api-bursts=1/750')).toEqual({ used: 110018, max: 100000 });
    expect(parseLimitInfo('per-app-api-usage=17/250')).toBeNull();
    expect(parseLimitInfo('')).toBeNull();
    expect(parseLimitInfo(null)).toBeNull();
  });
});

describe('a 401 and the next token (auth.ts)', () => {
  it('tries the next sid cookie of the org on "Session expired or invalid", and keeps to it for the requests that follow', async () => {
    const { client: c, requests } = client([], { sid: undefined, auth: sessionAuth(BASE, ['00D5g000001aBcD!AQ.stale', SID]) });
    await c.limits();
    await c.limits();
    expect(requests.map((r) => r.headers.authorization)).toEqual([`Bearer 00D5g000001aBcD!AQ.stale`, `Bearer ${SID}`, `Bearer ${SID}`]);
  });

  it('names the host and the fix when every one is refused; API Access Control’s refusal is not a stale session', async () => {
    const stale = client([], { sid: undefined, auth: sessionAuth(BASE, ['00D5g000001aBcD!AQ.a', '00D5g000001aBcD!AQ.b']) });
    const error = await failure(stale.client.limits());
    expect([error.state, error.status, error.message]).toEqual(['session-expired', 401, MESSAGES.staleSession('acme.my.salesforce.com', 2)]);
    expect(stale.requests).toHaveLength(2);
    const control = client([sfError(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API', { times: Infinity })], {
      sid: undefined,
      auth: sessionAuth(BASE, [SID, '00D5g000001aBcD!AQ.b']),
    });
    const refused = await failure(control.client.limits());
    expect([refused.state, refused.needsOAuth, refused.message]).toEqual(['no-api-access', true, MESSAGES.accessControl]);
    expect(control.requests).toHaveLength(1);
  });

  it('asks an OAuth auth for a new token once per request, then gives up', async () => {
    const renewed: string[] = [];
    const auth = {
      token: async () => 'expired-token',
      renew: async (refused: string) => (renewed.push(refused), refused === 'expired-token' ? SID : 'never'),
      renewals: 1,
      exhausted: (e: SalesforceError) => new SalesforceError('session-expired', MESSAGES.oauthRefused, { status: e.status }),
    };
    const ok = client([], { sid: undefined, auth });
    await ok.client.limits();
    expect(ok.requests.map((r) => r.headers.authorization)).toEqual(['Bearer expired-token', `Bearer ${SID}`]);
    const never = client([sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid', { times: Infinity })], { sid: undefined, auth });
    expect((await failure(never.client.limits())).message).toBe(MESSAGES.oauthRefused);
    expect(never.requests).toHaveLength(2);
    expect(renewed).toEqual(['expired-token', 'expired-token']);
  });
});
