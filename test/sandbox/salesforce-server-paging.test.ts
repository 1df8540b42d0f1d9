import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { batchSizeFrom } from '../../sandbox/salesforce/query-cursors';
import { historyEvents } from '../../sandbox/salesforce/records';

/** Query locators: batches of `Sforce-Query-Options: batchSize`, followed through nextRecordsUrl. */

let server: SalesforceServer;
let historyRows: number;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 11, opportunities: 600 });
  historyRows = server.org.opportunities.reduce((n, o) => n + historyEvents(o).length, 0);
});
afterAll(async () => {
  await server.close();
});

interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: { Id: string }[];
}

async function get(path: string, batchSize?: number): Promise<Page> {
  const headers: Record<string, string> = { Authorization: `Bearer ${server.sid}` };
  if (batchSize !== undefined) headers['Sforce-Query-Options'] = `batchSize=${batchSize}`;
  const reply = await fetch(`${server.url}${path}`, { headers });
  if (reply.status !== 200) throw new Error(`${reply.status} ${await reply.text()}`);
  return (await reply.json()) as Page;
}

const queryPath = (soql: string): string => `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`;

describe('paging', () => {
  it('returns 2000 records a batch by default, then the rest', async () => {
    expect(historyRows).toBeGreaterThan(2000);
    const first = await get(queryPath('SELECT Id FROM OpportunityHistory'));
    expect(first.totalSize).toBe(historyRows);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
    expect(Object.keys(first)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
    const second = await get(first.nextRecordsUrl as string);
    expect(second).toMatchObject({ totalSize: historyRows, done: true });
    expect(second.nextRecordsUrl).toBeUndefined();
    expect(second.records).toHaveLength(historyRows - 2000);
  });

  it('honours batchSize, and the batches put together are the whole result in order', async () => {
    const soql = 'SELECT Id FROM Opportunity ORDER BY CloseDate DESC, Id';
    const whole = await get(queryPath(soql));
    expect(whole.done).toBe(true);
    expect(whole.records).toHaveLength(600);

    const seen: string[] = [];
    const sizes: number[] = [];
    let page = await get(queryPath(soql), 250);
    for (;;) {
      expect(page.totalSize).toBe(600);
      sizes.push(page.records.length);
      seen.push(...page.records.map((r) => r.Id));
      if (page.done) break;
      expect(page.nextRecordsUrl).toMatch(new RegExp(`-${seen.length}$`));
      page = await get(page.nextRecordsUrl as string);
    }
    expect(sizes).toEqual([250, 250, 100]);
    expect(seen).toEqual(whole.records.map((r) => r.Id));
  });

  it('clamps batchSize to 200..2000 as Salesforce documents', async () => {
    expect((await get(queryPath('SELECT Id FROM Opportunity'), 50)).records).toHaveLength(200);
    expect(batchSizeFrom('batchSize=5000')).toBe(2000);
    expect(batchSizeFrom(undefined)).toBe(2000);
    expect(batchSizeFrom('foo=1; batchSize=700')).toBe(700);
  });

  it('puts a query with fewer records than the batch in one done batch, with no locator', async () => {
    const page = await get(queryPath('SELECT Id FROM OpportunityStage'), 200);
    expect(page).toMatchObject({ totalSize: 10, done: true });
    expect(page.nextRecordsUrl).toBeUndefined();
    const none = await get(queryPath("SELECT Id FROM Opportunity WHERE Name = 'no such deal'"));
    expect(none).toEqual({ totalSize: 0, done: true, records: [] });
  });

  it('needs the session for nextRecordsUrl too, and counts each batch as a call', async () => {
    const first = await get(queryPath('SELECT Id FROM Opportunity'), 200);
    const unauthorised = await fetch(`${server.url}${first.nextRecordsUrl}`);
    expect(unauthorised.status).toBe(401);
    const before = server.apiUsage;
    await get(first.nextRecordsUrl as string);
    expect(server.apiUsage).toBe(before + 1);
  });

  it('answers INVALID_QUERY_LOCATOR for an unknown locator and for one read to the end', async () => {
    const headers = { Authorization: `Bearer ${server.sid}` };
    const unknown = await fetch(`${server.url}/services/data/v62.0/query/01gZZ0000000000AAA-200`, { headers });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);

    const first = await get(queryPath('SELECT Id FROM Opportunity'), 400);
    const last = await get(first.nextRecordsUrl as string);
    expect(last.done).toBe(true);
    const again = await fetch(`${server.url}${first.nextRecordsUrl}`, { headers });
    expect(again.status).toBe(400);
  });

  it('keeps a snapshot: records changed after the query ran do not move between batches', async () => {
    const first = await get(queryPath('SELECT Id FROM Opportunity ORDER BY SystemModstamp, Id'), 200);
    const lastOfFirst = first.records.at(-1)?.Id as string;
    server.touch([first.records[0]?.Id as string]);
    const rest: string[] = [];
    let page = first;
    while (!page.done) {
      page = await get(page.nextRecordsUrl as string);
      rest.push(...page.records.map((r) => r.Id));
    }
    expect(first.records.length + rest.length).toBe(600);
    expect(rest).not.toContain(lastOfFirst);
    expect(new Set([...first.records.map((r) => r.Id), ...rest]).size).toBe(600);
  });
});
