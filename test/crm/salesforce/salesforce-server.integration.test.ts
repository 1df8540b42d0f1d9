/**
 * The connector against the sandbox Salesforce server over real HTTP (Node's global
 * fetch): session discovery, a full sync with paging, backoff on a 429, resume after a
 * fault, incremental sync, and the error states. The served org is the sandbox generator's,
 * so every synced deal must equal the generator's own (but for its source and currency:
 * this org is single-currency and serves no Organization record).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Opportunity } from '../../../lib/crm/opportunity';
import { SalesforceClient, type FetchLike } from '../../../lib/crm/salesforce/client';
import { MESSAGES, SalesforceError } from '../../../lib/crm/salesforce/errors';
import { findSession } from '../../../lib/crm/salesforce/session';
import { closedSinceDate } from '../../../lib/crm/salesforce/soql';
import { syncSalesforce, type SyncOptions, type SyncPage } from '../../../lib/crm/salesforce/sync';
import { startSalesforceServer, type SalesforceServer } from '../../../sandbox/salesforce';

let server: SalesforceServer;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 7, opportunities: 500 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.faults.clear();
});

/** A query locator page: `/services/data/v62.0/query/<locator>-<offset>`. */
const NEXT_PAGE = /\/query\/[0-9A-Za-z]+-\d+$/;
const PRODUCT = { field: 'Primary_Product__c', as: 'product' };

async function connect() {
  const urls: string[] = [];
  const sleeps: number[] = [];
  const session = await findSession(server.listUrl(), async (url, name) => (new URL(url).origin === server.url && name === 'sid' ? server.sid : null));
  if (!session.ok) throw new Error(session.message);
  const recording: FetchLike = (url, init) => {
    urls.push(url);
    return fetch(url, init);
  };
  const client = new SalesforceClient({ apiBase: session.apiBase, sid: session.sid, fetch: recording, sleep: async (ms) => void sleeps.push(ms) });
  return { session, client, urls, sleeps };
}

function options(client: SalesforceClient, pages: SyncPage[], extra: Partial<SyncOptions> = {}): SyncOptions {
  return {
    client,
    checkpoint: null,
    cursor: null,
    batchSize: 200,
    customFields: [PRODUCT],
    now: () => new Date(`${server.org.asOf}T12:00:00Z`),
    onPage: (page) => void pages.push(page),
    ...extra,
  };
}

/** The generator's deals in the three-year window, as the connector should map them. */
function expected(): Opportunity[] {
  const since = closedSinceDate(new Date(`${server.org.asOf}T12:00:00Z`), 3);
  return server.org.opportunities
    .filter((o) => !o.isClosed || (o.closeDate !== null && o.closeDate >= since))
    .map((o) => ({ ...o, source: 'salesforce' as const, currency: null }));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('sync from the sandbox Salesforce server', () => {
  it('finds the session on localhost and syncs every deal in pages, equal to the generated ones', async () => {
    const { session, client, urls } = await connect();
    expect(session).toEqual({ ok: true, apiBase: server.url, sid: server.sid, orgId: server.orgId });
    const pages: SyncPage[] = [];
    const result = await syncSalesforce(options(client, pages));

    expect(result.apiVersion).toBe(server.apiVersion);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(urls.filter((u) => NEXT_PAGE.test(u)).length).toBe(pages.length - 1);
    expect(result.rejected).toEqual([]);
    expect([...result.opportunities].sort(byId)).toEqual(expected().sort(byId));
    // Equal above includes each deal's recorded changes: the close dates, amounts and
    // probabilities the generator recorded (a close date pushed, an amount revised at the
    // quote), read back from the server's OpportunityHistory rows, each on its own day.
    expect(result.opportunities.filter((o) => (o.recordedChanges?.closeDates.length ?? 0) > 2).length).toBeGreaterThan(10);
    expect(result.opportunities.filter((o) => (o.recordedChanges?.amounts.length ?? 0) > 1).length).toBeGreaterThan(10);
    expect(result.limits).toEqual({ used: server.apiUsage, max: 15000 });
    expect(result.fields.find((f) => f.key === 'product')?.coverage).toBe(1);

    // Hostile names arrive as written.
    const names = new Map(result.opportunities.map((o) => [o.id, o.name]));
    for (const [id, name] of Object.entries(server.hostile.opportunityNames)) if (names.has(id)) expect(names.get(id)).toBe(name);
  });

  it('waits out a 429 in the middle of paging, as Retry-After says, then completes', async () => {
    const { client, sleeps } = await connect();
    server.faults.rateLimit({ retryAfter: 2, path: NEXT_PAGE });
    const result = await syncSalesforce(options(client, []));
    expect(sleeps).toEqual([2000]);
    expect(result.opportunities.map((o) => o.id).sort()).toEqual(
      expected()
        .map((o) => o.id)
        .sort(),
    );
  });

  it('resumes after a server error in the middle of paging, without losing or repeating deals', async () => {
    const first = await connect();
    const pages: SyncPage[] = [];
    server.faults.serverError({ status: 500, path: NEXT_PAGE });
    const error = await syncSalesforce(options(first.client, pages)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceError);
    expect((error as SalesforceError).state).toBe('server');
    expect(pages).toHaveLength(1);

    const stored = { checkpoint: pages.at(-1)?.checkpoint ?? null, cursor: pages.at(-1)?.cursor ?? null };
    const second = await connect();
    const more: SyncPage[] = [];
    const result = await syncSalesforce(options(second.client, more, stored));
    expect(result.resumed).toBe(true);
    const all = [...pages, ...more].flatMap((p) => p.opportunities.map((o) => o.id));
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(
      expected()
        .map((o) => o.id)
        .sort(),
    );
  });

  it('syncs incrementally what changed since the checkpoint', async () => {
    const { client } = await connect();
    const full = await syncSalesforce(options(client, []));
    const open = expected().filter((o) => !o.isClosed);
    const changed = open[0]?.id as string;
    server.touch([changed], { Amount: 12345 });
    const added = server.addOpportunities(2).map((o) => o.id);
    const result = await syncSalesforce(options(client, [], { checkpoint: full.checkpoint }));
    expect(result.mode).toBe('incremental');
    expect(result.opportunities.map((o) => o.id).sort()).toEqual([changed, ...added].sort());
    expect(result.opportunities.find((o) => o.id === changed)?.amount).toBe(12345);
    expect(result.checkpoint! > full.checkpoint!).toBe(true);
  });

  it('reports the session-expired and unreadable-reply states', async () => {
    const { client } = await connect();
    server.faults.sessionExpired({ path: /\/query$|\/query\?/ });
    const expired = await syncSalesforce(options(client, [])).catch((e: unknown) => e);
    expect([(expired as SalesforceError).state, (expired as SalesforceError).message]).toEqual(['session-expired', MESSAGES.sessionExpired]);

    server.faults.malformedJson({ path: NEXT_PAGE });
    const malformed = (await syncSalesforce(options(client, [])).catch((e: unknown) => e)) as SalesforceError;
    expect(malformed.state).toBe('server');
    expect(malformed.message).toMatch(
      /^Salesforce sent an unreadable reply to \/services\/data\/v62\.0\/query\/[0-9A-Za-z]+-\d+: it is not valid JSON\. Try again later\.$/,
    );
  });
});
