import { describe, expect, it } from 'vitest';
import { createSalesforceSandbox, type SalesforceSandbox, type SalesforceServerOptions } from '../../sandbox/salesforce';

/**
 * The sandbox Salesforce serving seeded records (sandbox/salesforce/seeded-records.ts) and
 * the options connector unit tests use: fixed batch sizes, reversed ORDER BY, custom
 * fields, a given session id.
 */

const SID = 'seeded-session-id';
const OWNER = '0055g00000OwNeRAAV';

function seeded(options: SalesforceServerOptions = {}): SalesforceSandbox {
  return createSalesforceSandbox({
    sessionId: SID,
    records: {
      User: [{ Id: OWNER, Name: 'Dana Reyes' }],
      Account: [{ Id: '0015g0000000001', Name: 'Acme', Industry: 'Retail' }],
      Opportunity: [1, 2, 3, 4, 5].map((n) => ({
        Id: `0065g000000000${n}`,
        Name: `Deal ${n}`,
        AccountId: n === 5 ? null : '0015g0000000001',
        OwnerId: OWNER,
        StageName: n === 3 ? 'A stage the org does not list' : 'Prospecting',
        IsClosed: n === 4 ? null : false,
        Amount: 1000 * n,
        CloseDate: '2025-09-30',
        SystemModstamp: `2025-01-0${6 - n}T10:00:00.000+0000`,
      })),
    },
    ...options,
  });
}

async function get(org: SalesforceSandbox, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const reply = await org.fetch(path, { headers: { Authorization: `Bearer ${SID}`, ...headers } });
  return { status: reply.status, body: await reply.json() };
}

const query = (soql: string, all = false) => `/services/data/v62.0/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;

interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<Record<string, unknown>>;
}

describe('seeded records', () => {
  it('serves exactly the records given, as the API writes them, following references', async () => {
    const org = seeded();
    const { body } = await get(
      org,
      query('SELECT Id, Name, Amount, IsClosed, StageName, SystemModstamp, Account.Name, Owner.Name FROM Opportunity WHERE Amount <= 2000'),
    );
    expect(body).toEqual({
      totalSize: 2,
      done: true,
      records: [1, 2].map((n) => ({
        attributes: { type: 'Opportunity', url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/Opportunity\/0065g000000000\dAA\w$/) },
        Id: expect.stringMatching(/^0065g000000000\d\w{3}$/),
        Name: `Deal ${n}`,
        Amount: 1000 * n,
        IsClosed: false,
        StageName: 'Prospecting',
        SystemModstamp: `2025-01-0${6 - n}T10:00:00.000+0000`,
        Account: { attributes: { type: 'Account', url: expect.any(String) }, Name: 'Acme' },
        Owner: { attributes: { type: 'User', url: expect.any(String) }, Name: 'Dana Reyes' },
      })),
    });
    const odd = (await get(org, query('SELECT Id, StageName, IsClosed, Account.Name FROM Opportunity WHERE Amount >= 3000'))).body as Page;
    expect(odd.records.map((r) => [r['StageName'], r['IsClosed'], r['Account']])).toEqual([
      ['A stage the org does not list', false, expect.objectContaining({ Name: 'Acme' })],
      ['Prospecting', null, expect.objectContaining({ Name: 'Acme' })],
      ['Prospecting', false, null],
    ]);
  });

  it('adds the objects a sync reads when an org has them: Organization, products and line items', async () => {
    const org = seeded();
    org.putRecords('Organization', [{ Id: '00D5g000001aBcDEAU', Name: 'Acme Corp', DefaultCurrencyIsoCode: 'EUR', IsSandbox: false }]);
    org.putRecords('Product2', [{ Id: '01t5g0000000001', Name: 'Analytics' }]);
    org.putRecords('OpportunityLineItem', [{ Id: '00k5g0000000001', OpportunityId: '0065g0000000001', Product2Id: '01t5g0000000001', TotalPrice: 4000 }]);
    const items = (await get(org, query('SELECT Id, Product2.Name, TotalPrice FROM OpportunityLineItem'))).body as Page;
    expect(items.records.map((r) => [(r['Product2'] as { Name: string }).Name, r['TotalPrice']])).toEqual([['Analytics', 4000]]);
    expect(((await get(org, query('SELECT Name, DefaultCurrencyIsoCode FROM Organization LIMIT 1'))).body as Page).records[0]).toMatchObject({
      Name: 'Acme Corp',
      DefaultCurrencyIsoCode: 'EUR',
    });
    const describe = (await get(org, '/services/data/v62.0/sobjects/Opportunity/describe')).body as {
      childRelationships: Array<{ childSObject: string; relationshipName: string | null }>;
    };
    expect(describe.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'OpportunityLineItem', relationshipName: 'OpportunityLineItems' }),
    );
    // A generated org has none of them.
    const generated = createSalesforceSandbox({ seed: 3, opportunities: 20, sessionId: SID });
    expect((await get(generated, query('SELECT Id FROM Organization'))).status).toBe(400);
  });

  it('replaces a record with the same id in place, and deletes to the recycle bin that only /queryAll sees', async () => {
    const org = seeded();
    org.putRecords('Opportunity', [{ Id: '0065g0000000002', Name: 'Renamed', OwnerId: OWNER, StageName: 'Prospecting', CloseDate: '2025-09-30' }]);
    const names = async (all = false) => ((await get(org, query('SELECT Name FROM Opportunity', all))).body as Page).records.map((r) => r['Name']);
    expect(await names()).toEqual(['Deal 1', 'Renamed', 'Deal 3', 'Deal 4', 'Deal 5']);
    expect(org.deleteRecords('Opportunity', ['0065g0000000003'], '2025-02-03T00:00:00.000+0000')).toBe('2025-02-03T00:00:00.000+0000');
    expect(await names()).toEqual(['Deal 1', 'Renamed', 'Deal 4', 'Deal 5']);
    const deleted = (await get(org, query('SELECT Name, SystemModstamp FROM Opportunity WHERE IsDeleted = true', true))).body as Page;
    expect(deleted.records.map((r) => [r['Name'], r['SystemModstamp']])).toEqual([['Deal 3', '2025-02-03T00:00:00.000+0000']]);
    expect((await get(org, '/services/data/v62.0/sobjects/Opportunity/0065g0000000003')).status).toBe(404);
  });

  it('refuses a record it cannot serve, naming it, and changes nothing then', () => {
    const org = seeded();
    expect(() => org.putRecords('Widget', [{ Id: '0065g0000000009' }])).toThrow(/^putRecords: this org has no object "Widget" \(it has Opportunity, Account, /);
    expect(() => org.putRecords('Opportunity', [{ Id: '0065g0000000009', Account: 'Acme' }])).toThrow(
      'putRecords: Opportunity 0065g0000000009: Opportunity has no field "Account"',
    );
    expect(() => org.putRecords('Opportunity', [{ Id: '0015g0000000009' }])).toThrow('putRecords: Opportunity 0015g0000000009: Opportunity ids start with 006');
    expect(() =>
      org.putRecords('Opportunity', [
        { Id: '0065g0000000009', Name: 'ok' },
        { Id: '0065g0000000010', Amount: '12' },
      ]),
    ).toThrow('putRecords: Opportunity 0065g0000000010, Amount must be a number, got "12"');
    expect(() => org.putRecords('Opportunity', [{ Id: '0065g0000000009', SystemModstamp: 'yesterday' }])).toThrow(
      /SystemModstamp must be an ISO 8601 date and time/,
    );
    expect(() => org.deleteRecords('Opportunity', ['0065g0000000009'])).toThrow('deleteRecords: no Opportunity with id "0065g0000000009"');
  });

  it('has no generated org: pages, org, touch and addOpportunities refuse; a generated org refuses raw records', async () => {
    const org = seeded();
    expect(() => org.org).toThrow('This sandbox serves seeded records: it has no generated org');
    expect(() => org.touch(['0065g0000000001'])).toThrow('touch: this org serves seeded records; change them with putRecords and deleteRecords');
    expect(() => org.addOpportunities(1)).toThrow(/^addOpportunities: this org serves seeded records/);
    expect((await org.fetch('/lightning/o/Opportunity/list')).status).toBe(404);
    const generated = createSalesforceSandbox({ seed: 3, opportunities: 20 });
    expect(() => generated.putRecords('Opportunity', [])).toThrow(/^putRecords: only an org of seeded records/);
  });
});

describe('options for connector tests', () => {
  it('batchSizes: a fixed number of records a page for an object, whatever the client asks', async () => {
    const org = seeded({ batchSizes: { Opportunity: 2 } });
    const options = { 'Sforce-Query-Options': 'batchSize=2000' };
    const first = (await get(org, query('SELECT Name FROM Opportunity'), options)).body as Page;
    expect([first.totalSize, first.done, first.records.length]).toEqual([5, false, 2]);
    const second = (await get(org, first.nextRecordsUrl ?? '', options)).body as Page;
    expect(second.records.map((r) => r['Name'])).toEqual(['Deal 3', 'Deal 4']);
    const users = (await get(org, query('SELECT Name FROM User'), options)).body as Page;
    expect(users.done).toBe(true);
  });

  it('reverseOrderBy: an ordered result comes back the other way round', async () => {
    const soql = query('SELECT Name FROM Opportunity ORDER BY SystemModstamp ASC, Id ASC');
    const names = async (org: SalesforceSandbox) => ((await get(org, soql)).body as Page).records.map((r) => r['Name']);
    expect(await names(seeded())).toEqual(['Deal 5', 'Deal 4', 'Deal 3', 'Deal 2', 'Deal 1']);
    expect(await names(seeded({ reverseOrderBy: true }))).toEqual(['Deal 1', 'Deal 2', 'Deal 3', 'Deal 4', 'Deal 5']);
  });

  it('customFields: more custom Opportunity fields, in describe and SOQL; sessionId: the session to start with', async () => {
    const org = seeded({ customFields: [{ name: 'Competitor__c', label: 'Main Competitor', type: 'picklist', picklistValues: ['Globex'] }] });
    expect(org.sid).toBe(SID);
    const describe = (await get(org, '/services/data/v62.0/sobjects/Opportunity/describe')).body as {
      fields: Array<{ name: string; custom: boolean; picklistValues: Array<{ value: string }> }>;
    };
    expect(describe.fields.find((f) => f.name === 'Competitor__c')).toMatchObject({ custom: true, picklistValues: [{ value: 'Globex' }] });
    org.putRecords('Opportunity', [
      { Id: '0065g0000000001', Name: 'Deal 1', OwnerId: OWNER, StageName: 'Prospecting', CloseDate: '2025-09-30', Competitor__c: 'Globex' },
    ]);
    expect(((await get(org, query("SELECT Name FROM Opportunity WHERE Competitor__c = 'Globex'"))).body as Page).records).toHaveLength(1);
    expect(() => createSalesforceSandbox({ customFields: [{ name: 'Competitor', label: 'x', type: 'string' }] })).toThrow(
      `startSalesforceServer: a custom field's name ends in __c, got "Competitor"`,
    );
    expect(() => createSalesforceSandbox({ batchSizes: { Opportunity: 0 } })).toThrow(
      'startSalesforceServer: batchSizes.Opportunity must be a whole number ≥ 1, got 0',
    );
  });
});
