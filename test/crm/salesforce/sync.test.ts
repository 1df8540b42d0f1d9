import { describe, expect, it } from 'vitest';
import { SalesforceClient } from '../../../lib/crm/salesforce/client';
import { SalesforceError } from '../../../lib/crm/salesforce/errors';
import { toId18 } from '../../../lib/crm/salesforce/ids';
import { fetchOpportunities, syncSalesforce, type SyncOptions, type SyncPage, type SyncProgress } from '../../../lib/crm/salesforce/sync';
import { createSalesforceSandbox, ManualClock, type FaultOptions, type FaultSpec, type SalesforceSandbox, type SeedRecord } from '../../../sandbox/salesforce';
import { MANAGER, OWNER, STAGE_RECORDS } from './fixtures';

const NOW = () => new Date('2025-06-15T08:00:00Z');
const SID = '00D5g000001aBcD!AQ.x';
const ORG_ID = '00D5g000001aBcDEAU';

function id18(prefix: string, n: number): string {
  return toId18(`${prefix}5g0000${String(n).padStart(6, '0')}`) as string;
}
const ID = (n: number) => id18('006', n);

interface DealFields {
  stage: string;
  closed: boolean | null;
  won: boolean | null;
  closeDate: string;
  modstamp: string;
  amount?: number;
}

/** An opportunity as the org stores it: its account is `id18('001', n)`, its owner OWNER. */
function opportunityRecord(n: number, fields: DealFields): SeedRecord {
  return {
    Id: ID(n),
    Name: `Deal ${n}`,
    AccountId: id18('001', n),
    Amount: fields.amount ?? 1000 * n,
    StageName: fields.stage,
    IsClosed: fields.closed,
    IsWon: fields.won,
    Type: 'New Customer',
    ForecastCategoryName: fields.closed ? (fields.won ? 'Closed' : 'Omitted') : 'Pipeline',
    Probability: fields.closed ? (fields.won ? 100 : 0) : 10,
    CloseDate: fields.closeDate,
    CreatedDate: '2024-01-15T09:00:00.000+0000',
    LastStageChangeDate: null,
    OwnerId: OWNER,
    CreatedById: OWNER,
    Territory2Id: null,
    LeadSource: 'Web',
    SystemModstamp: fields.modstamp,
  };
}

function accountRecord(n: number): SeedRecord {
  return {
    Id: id18('001', n),
    Name: `Account ${n}`,
    Industry: n % 2 ? 'Retail' : 'Banking',
    NumberOfEmployees: 100 * n,
    AnnualRevenue: null,
    BillingCountry: 'France',
    BillingState: null,
  };
}

/** Seven deals in the three-year window (one of them with a stage the org lacks), one closed before it. */
const DEALS: ReadonlyArray<[number, DealFields]> = [
  [1, { stage: 'Prospecting', closed: false, won: false, closeDate: '2025-09-30', modstamp: '2025-01-01T10:00:00.000+0000' }],
  [2, { stage: 'Closed Won', closed: true, won: true, closeDate: '2024-05-01', modstamp: '2025-01-01T10:00:00.000+0000' }],
  [3, { stage: 'Closed Lost', closed: true, won: false, closeDate: '2023-07-01', modstamp: '2025-01-02T08:00:00.000+0000' }],
  [4, { stage: 'Negotiation/Review', closed: false, won: false, closeDate: '2025-07-31', modstamp: '2025-01-03T12:30:00.000+0000' }],
  [5, { stage: 'Closed Won', closed: true, won: true, closeDate: '2020-01-01', modstamp: '2025-01-03T12:30:00.000+0000' }],
  [6, { stage: 'Qualification', closed: false, won: false, closeDate: '2025-12-31', modstamp: '2025-01-03T12:30:00.000+0000' }],
  [7, { stage: 'Won (legacy)', closed: true, won: true, closeDate: '2024-12-01', modstamp: '2025-01-05T00:00:00.000+0000' }],
  [8, { stage: 'Stalled', closed: null, won: null, closeDate: '2025-08-01', modstamp: '2025-01-06T00:00:00.000+0000' }],
];

const dealRecord = (n: number): SeedRecord => {
  const deal = DEALS.find(([m]) => m === n);
  if (deal === undefined) throw new Error(`no deal ${n}`);
  return opportunityRecord(n, deal[1]);
};

/**
 * The sandbox Salesforce, in-process, serving exactly these records: the deals with their
 * accounts, owner and manager, stage history, a buyer and a product line, the org's
 * stages and its Organization record. Two opportunities a page, as a server may send
 * fewer than asked; `reverseOrderBy` for a server that does not keep ORDER BY.
 */
function seededOrg(options: { reverseOrderBy?: boolean; deals?: (record: SeedRecord, index: number) => SeedRecord } = {}): SalesforceSandbox {
  const org = createSalesforceSandbox({
    apiVersion: '60.0',
    sessionId: SID,
    batchSizes: { Opportunity: 2 },
    reverseOrderBy: options.reverseOrderBy ?? false,
    customFields: [{ name: 'Competitor__c', label: 'Main Competitor', type: 'picklist', picklistValues: ['Globex', 'Initech'] }],
    records: {
      Organization: [{ Id: ORG_ID, Name: 'Acme Corp', DefaultCurrencyIsoCode: 'EUR', IsSandbox: false }],
      OpportunityStage: STAGE_RECORDS.map(({ attributes: _attributes, ...stage }) => stage as SeedRecord),
      User: [
        { Id: OWNER, Name: 'Dana Reyes', ManagerId: MANAGER },
        { Id: MANAGER, Name: 'Sam Ortiz', ManagerId: null },
      ],
      Account: DEALS.map(([n]) => accountRecord(n)),
      Opportunity: DEALS.map(([n]) => dealRecord(n)).map(options.deals ?? ((r) => r)),
      OpportunityHistory: [
        { Id: '0085g0000000001AAA', OpportunityId: ID(2), StageName: 'Prospecting', CreatedDate: '2024-02-01T09:00:00.000+0000' },
        { Id: '0085g0000000002AAA', OpportunityId: ID(2), StageName: 'Closed Won', CreatedDate: '2024-05-01T15:00:00.000+0000' },
      ],
      Contact: [{ Id: '0035g0000000001AAA', LastName: 'Buyer', Title: 'CFO' }],
      OpportunityContactRole: [
        {
          Id: '00K5g0000000001AAA',
          OpportunityId: ID(2),
          Role: 'Decision Maker',
          IsPrimary: true,
          ContactId: '0035g0000000001AAA',
          CreatedDate: '2024-02-02T00:00:00.000+0000',
        },
      ],
      Product2: [{ Id: '01t5g0000000001AAA', Name: 'Analytics' }],
      OpportunityLineItem: [{ Id: '00k5g0000000001AAA', OpportunityId: ID(4), Product2Id: '01t5g0000000001AAA', TotalPrice: 4000 }],
    },
  });
  // A call made today before the sync (the versions list itself is not counted).
  org.setApiUsage(1);
  return org;
}

/** A Salesforce error reply instead of the sandbox's, on the requests `options` name. */
function sfError(status: number, errorCode: string, message: string, options: FaultOptions = {}): FaultSpec {
  return { kind: 'reply', status, body: [{ message, errorCode }], ...options };
}

/** The Opportunity queries asked, in order (not the deleted-records one). */
function opportunityQueries(org: SalesforceSandbox): string[] {
  return org.requests.flatMap((r) => (r.soql !== null && / FROM Opportunity /.test(r.soql) && !r.soql.includes('IsDeleted') ? [r.soql] : []));
}

function setup(org: SalesforceSandbox, extra: Partial<SyncOptions> = {}) {
  const clock = new ManualClock();
  const client = new SalesforceClient({ apiBase: 'https://acme.my.salesforce.com', sid: SID, fetch: org.fetch, sleep: clock.sleep, random: () => 0.5 });
  const pages: SyncPage[] = [];
  const progress: SyncProgress[] = [];
  const options: SyncOptions = {
    client,
    checkpoint: null,
    cursor: null,
    now: NOW,
    onPage: (page) => {
      pages.push(page);
    },
    onProgress: (p) => progress.push(p),
    ...extra,
  };
  return { client, options, pages, progress, sleeps: clock.sleeps };
}

/** What the caller stores after each page, as the store's SyncStateRecord would. */
function lastState(pages: SyncPage[]): { checkpoint: string | null; cursor: string | null } {
  const last = pages.at(-1);
  return { checkpoint: last?.checkpoint ?? null, cursor: last?.cursor ?? null };
}

const label = (r: { path: string; soql: string | null }) =>
  r.soql !== null ? `query ${/FROM (\w+)/.exec(r.soql)?.[1]}` : /\/query\/01g/.test(r.path) ? 'next page' : r.path.replace('/services/data/v60.0', '');

describe('syncSalesforce: full sync', () => {
  it('pages through the window with history, buyers and products, handing each page over', async () => {
    const org = seededOrg();
    const { options, pages, progress } = setup(org);
    const result = await syncSalesforce(options);

    expect(opportunityQueries(org)).toEqual([
      'SELECT Id, Name, AccountId, Amount, StageName, IsClosed, IsWon, Type, ForecastCategoryName, Probability, CloseDate, CreatedDate, LastStageChangeDate, ' +
        'OwnerId, CreatedById, LeadSource, SystemModstamp, Account.Name, Account.Industry, Account.NumberOfEmployees, Account.AnnualRevenue, ' +
        'Account.BillingCountry, Account.BillingState, Owner.Name, Owner.ManagerId, Owner.Manager.Name, CreatedBy.Name, Territory2.Name ' +
        'FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2022-06-15) ORDER BY SystemModstamp ASC, Id ASC',
    ]);
    expect(org.requests.map(label)).toEqual([
      '/services/data/',
      '/sobjects/Opportunity/describe',
      '/sobjects/Account/describe',
      'query Organization',
      'query OpportunityStage',
      'query Opportunity',
      ...['query OpportunityHistory', 'query OpportunityContactRole', 'query OpportunityLineItem'],
      ...['next page', 'query OpportunityHistory', 'query OpportunityContactRole', 'query OpportunityLineItem'],
      ...['next page', 'query OpportunityHistory', 'query OpportunityContactRole', 'query OpportunityLineItem'],
      ...['next page', 'query OpportunityHistory', 'query OpportunityContactRole', 'query OpportunityLineItem'],
    ]);
    expect(org.requests.find((r) => r.soql?.includes('FROM Opportunity '))?.headers['sforce-query-options']).toBe('batchSize=2000');

    expect(pages.map((p) => p.opportunities.map((o) => o.id))).toEqual([[ID(1), ID(2)], [ID(3), ID(4)], [ID(6), ID(7)], []]);
    expect(pages.map((p) => p.rejected.map((r) => r.id))).toEqual([[], [], [], [ID(8)]]);
    expect(pages.map((p) => [p.checkpoint, p.cursor === null, p.done, p.total])).toEqual([
      [null, false, 2, 7],
      [null, false, 4, 7],
      [null, false, 6, 7],
      ['2025-01-06T00:00:00.000Z', true, 7, 7],
    ]);
    expect(JSON.parse(pages[1]?.cursor ?? '')).toEqual({
      v: 1,
      mode: 'full',
      closedSince: '2022-06-15',
      customFields: [],
      after: { modstamp: '2025-01-03T12:30:00.000Z', id: ID(4) },
      locator: null,
      done: 4,
      total: 7,
      maxModstamp: '2025-01-03T12:30:00.000Z',
    });
    expect(progress.map((p) => p.step)).toEqual([
      'connecting',
      'describing',
      'stages',
      'opportunities',
      'opportunities',
      'opportunities',
      'opportunities',
      'opportunities',
      'done',
    ]);
    expect(progress.at(-1)).toEqual({ step: 'done', done: 7, total: 7 });

    expect(result.mode).toBe('full');
    expect(result.opportunities.map((o) => o.id)).toEqual([ID(1), ID(2), ID(3), ID(4), ID(6), ID(7)]);
    expect(result.rejected).toEqual([
      {
        id: ID(8),
        reason: `Opportunity ${ID(8)} ("Deal 8") has the stage "Stalled", which is not among the org's stages ("Prospecting", "Qualification", "Negotiation/Review", "Closed Won", "Closed Lost"), so whether it is open, won or lost is unknown.`,
      },
    ]);
    expect(result.checkpoint).toBe('2025-01-06T00:00:00.000Z');
    expect([result.cursor, result.deleted, result.limits, result.org?.name, result.apiVersion]).toEqual([
      null,
      null,
      { used: 21, max: 15000 },
      'Acme Corp',
      '60.0',
    ]);
    expect(result.stages.map((s) => [s.label, s.isClosed, s.isWon, s.defaultProbability, s.forecastCategory])).toEqual([
      ['Prospecting', false, false, 0.1, 'Pipeline'],
      ['Qualification', false, false, 0.1, 'Pipeline'],
      ['Negotiation/Review', false, false, 0.9, 'Commit'],
      ['Closed Won', true, true, 1, 'Closed'],
      ['Closed Lost', true, false, 0, 'Omitted'],
    ]);
    expect(result.warnings).toEqual([
      `These stages are not among the org's OpportunityStage values, so each deal's own IsClosed and IsWon flags were used: "Won (legacy)" (1 deal).`,
    ]);

    const won = result.opportunities[1];
    expect(won).toMatchObject({
      stage: 'Closed Won',
      isClosed: true,
      isWon: true,
      currency: 'EUR',
      amount: 2000,
      stageHistory: [
        { stage: 'Prospecting', enteredAt: '2024-02-01' },
        { stage: 'Closed Won', enteredAt: '2024-05-01' },
      ],
      stageEnteredDate: '2024-05-01',
      ownerManager: { id: MANAGER, name: 'Sam Ortiz' },
      attributes: { industry: 'Banking', employees: 200, buyerTitle: 'CFO', buyerRole: 'Decision Maker', product: null },
    });
    expect(result.opportunities[3]?.attributes.product).toBe('Analytics');
    expect(result.fields.map((f) => [f.key, f.coverage])).toEqual([
      ['industry', 1],
      ['employees', 1],
      ['revenue', 0],
      ['country', 1],
      ['state', 0],
      ['product', 1 / 6],
      ['buyerTitle', 1 / 6],
      ['buyerRole', 1 / 6],
    ]);
  });

  it('backs off on a 429 in the middle of paging, then completes', async () => {
    const org = seededOrg();
    org.faults.rateLimit({ retryAfter: 2, path: /-4$/ });
    const { options, sleeps } = setup(org);
    const result = await syncSalesforce(options);
    expect(sleeps).toEqual([2000]);
    expect(result.opportunities).toHaveLength(6);
  });

  it('starts with what can be read when optional objects are missing, asking each only once', async () => {
    const org = seededOrg();
    // A server without them answers INVALID_TYPE.
    for (const object of ['OpportunityLineItem', 'Organization']) {
      org.faults.inject(sfError(400, 'INVALID_TYPE', `sObject type '${object}' is not supported.`, { path: new RegExp(`FROM ${object}\\b`), times: Infinity }));
    }
    const { options } = setup(org);
    const result = await syncSalesforce(options);
    expect(org.requests.filter((r) => r.soql?.includes('FROM OpportunityLineItem'))).toHaveLength(1);
    expect(result.org).toBeNull();
    expect(result.opportunities[0]?.currency).toBeNull();
    expect(result.warnings).toEqual([
      "The org's name and default currency could not be read.",
      'The org has no CurrencyIsoCode field and its default currency could not be read: amounts carry no currency.',
      expect.stringMatching(
        /^OpportunityLineItem \(products\) could not be read \(Salesforce rejected \/services\/data\/v60\.0\/query\?q=SELECT Id, OpportunityId, Product2\.Name, TotalPrice FROM OpportunityLineItem WHERE .*\(HTTP 400, INVALID_TYPE: sObject type 'OpportunityLineItem' is not supported\.\)\.\); deals were synced without it\.$/,
      ),
      `These stages are not among the org's OpportunityStage values, so each deal's own IsClosed and IsWon flags were used: "Won (legacy)" (1 deal).`,
    ]);
  });

  it('stops on a failure of the stage history: the deals would be wrong without it', async () => {
    const org = seededOrg();
    org.faults.inject(sfError(500, 'UNKNOWN_EXCEPTION', 'boom', { path: /FROM OpportunityHistory /, times: Infinity }));
    const { options, pages } = setup(org);
    await expect(syncSalesforce(options)).rejects.toMatchObject({ state: 'server', status: 500 });
    expect(pages).toEqual([]);
  });

  it('reads custom fields', async () => {
    const org = seededOrg({ deals: (r, i) => ({ ...r, Competitor__c: i % 2 ? 'Globex' : null }) });
    const { options } = setup(org, { customFields: ['Competitor__c', 'Nope__c'] });
    const result = await syncSalesforce(options);
    expect(opportunityQueries(org)[0]).toContain(', Territory2.Name, Competitor__c FROM Opportunity');
    expect(result.opportunities.map((o) => o.attributes.Competitor__c)).toEqual([null, 'Globex', null, 'Globex', 'Globex', null]);
    expect(result.warnings[0]).toBe('The Opportunity field "Nope__c" does not exist or your profile cannot read it, so it was left out.');
  });
});

describe('syncSalesforce: resume', () => {
  it('resumes after a fault in the middle of paging, from the last completed page', async () => {
    const org = seededOrg();
    org.faults.serverError({ status: 500, path: /-4$/, times: Infinity });
    const first = setup(org);
    const error = await syncSalesforce(first.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceError);
    expect((error as SalesforceError).state).toBe('server');
    expect(first.pages.map((p) => p.opportunities.map((o) => o.id))).toEqual([
      [ID(1), ID(2)],
      [ID(3), ID(4)],
    ]);

    org.faults.clear();
    const stored = lastState(first.pages);
    expect(stored.checkpoint).toBeNull();
    const second = setup(org, stored);
    const result = await syncSalesforce(second.options);

    // A fresh query from the second of the last completed record; its tie (deal 4) is skipped by id.
    expect(opportunityQueries(org).at(-1)).toMatch(
      /WHERE \(IsClosed = false OR CloseDate >= 2022-06-15\) AND SystemModstamp >= 2025-01-03T12:30:00Z ORDER BY SystemModstamp ASC, Id ASC$/,
    );
    expect(result.resumed).toBe(true);
    expect(second.pages.map((p) => p.opportunities.map((o) => o.id))).toEqual([[ID(6)], [ID(7)]]);
    const all = [...first.pages, ...second.pages].flatMap((p) => p.opportunities.map((o) => o.id));
    expect(all).toEqual([ID(1), ID(2), ID(3), ID(4), ID(6), ID(7)]);
    // The resumed query counts deal 4 again: the total settles when the last page is done.
    expect(second.pages.map((p) => [p.done, p.total])).toEqual([
      [5, 8],
      [7, 8],
    ]);
    expect(second.progress.at(-1)).toEqual({ step: 'done', done: 7, total: 7 });
    expect(result.checkpoint).toBe('2025-01-06T00:00:00.000Z');
  });

  it('keeps the query locator when the server does not order the pages, and starts over when it expired', async () => {
    const org = seededOrg({ reverseOrderBy: true });
    org.faults.serverError({ status: 502, path: /-4$/, times: Infinity });
    const first = setup(org);
    await expect(syncSalesforce(first.options)).rejects.toMatchObject({ state: 'server', status: 502 });
    const stored = lastState(first.pages);
    const cursor = JSON.parse(stored.cursor ?? '');
    // The Opportunity query's locator (the only query longer than a page), at offset 4.
    const locator = /\/query\/(01g\w+)-2$/.exec(org.requests.find((r) => /\/query\/01g\w+-2$/.test(r.path))?.path ?? '')?.[1];
    expect([cursor.after, cursor.locator]).toEqual([null, `/services/data/v60.0/query/${locator}-4`]);

    org.faults.clear();
    const resumed = setup(org, stored);
    const result = await syncSalesforce(resumed.options);
    expect(org.requests.filter((r) => r.path.endsWith(`${locator}-4`))).toHaveLength(2);
    const all = [...first.pages, ...resumed.pages].flatMap((p) => p.opportunities.map((o) => o.id)).sort();
    expect(all).toEqual([ID(1), ID(2), ID(3), ID(4), ID(6), ID(7)]);
    expect(result.checkpoint).toBe('2025-01-06T00:00:00.000Z');

    org.expireQueryLocators();
    const restarted = setup(org, stored);
    const again = await syncSalesforce(restarted.options);
    expect(again.warnings[0]).toBe('The interrupted sync could not continue where it stopped (Salesforce no longer knows its query), so it started over.');
    expect(again.opportunities).toHaveLength(6);
    expect(restarted.pages.map((p) => p.done)).toEqual([2, 4, 6, 7]);
  });

  it('starts over when the cursor is unreadable or the custom fields changed', async () => {
    const org = seededOrg();
    const unreadable = await syncSalesforce(setup(org, { cursor: '{oops' }).options);
    expect(unreadable.warnings[0]).toBe('The interrupted sync could not be resumed (the saved resume point is not readable), so it started over.');
    expect(unreadable.opportunities).toHaveLength(6);

    const first = setup(org);
    org.faults.inject(sfError(503, 'SERVER_UNAVAILABLE', 'down', { path: /-4$/, times: Infinity }));
    await expect(
      syncSalesforce({
        ...first.options,
        client: new SalesforceClient({
          apiBase: 'https://acme.my.salesforce.com',
          sid: SID,
          fetch: org.fetch,
          sleep: async () => undefined,
          retry: { maxAttempts: 1 },
        }),
      }),
    ).rejects.toThrow(SalesforceError);
    org.faults.clear();
    const changed = await syncSalesforce(setup(org, { ...lastState(first.pages), customFields: ['Competitor__c'] }).options);
    expect(changed.resumed).toBe(false);
    expect(changed.warnings[0]).toBe('The custom fields changed since the sync was interrupted, so it started over.');
    expect(changed.opportunities).toHaveLength(6);
  });

  it('stops between pages when aborted, after handing over the completed ones', async () => {
    const org = seededOrg();
    const controller = new AbortController();
    const { options, pages } = setup(org, {
      signal: controller.signal,
      onPage: (page) => {
        pages.push(page);
        controller.abort(new Error('cancelled by the user'));
      },
    });
    await expect(syncSalesforce(options)).rejects.toThrow('cancelled by the user');
    expect(pages).toHaveLength(1);
    expect(org.requests.filter((r) => /query\/01g/.test(r.path))).toHaveLength(0);
  });
});

describe('syncSalesforce: incremental', () => {
  it('asks for what changed since the checkpoint, and what was deleted', async () => {
    const org = seededOrg();
    const full = await syncSalesforce(setup(org).options);
    org.putRecords('Opportunity', [{ ...dealRecord(3), Amount: 99, SystemModstamp: '2025-02-01T00:00:00.000+0000' }]);
    org.putRecords('Account', [accountRecord(9)]);
    org.putRecords('Opportunity', [
      opportunityRecord(9, { stage: 'Prospecting', closed: false, won: false, closeDate: '2025-10-01', modstamp: '2025-02-02T00:00:00.000+0000' }),
    ]);
    org.deleteRecords('Opportunity', [ID(6)], '2025-02-03T00:00:00.000+0000');
    const before = org.requests.length;

    const { options, pages } = setup(org, { checkpoint: full.checkpoint });
    const result = await syncSalesforce(options);
    expect(result.mode).toBe('incremental');
    const asked = org.requests.slice(before).flatMap((r) => (r.soql === null ? [] : [[r.path, r.soql]]));
    expect(asked).toContainEqual([
      '/services/data/v60.0/queryAll',
      'SELECT Id FROM Opportunity WHERE IsDeleted = true AND SystemModstamp >= 2025-01-06T00:00:00Z',
    ]);
    expect(opportunityQueries(org).at(-1)).toContain('WHERE (IsClosed = false OR CloseDate >= 2022-06-15) AND SystemModstamp >= 2025-01-06T00:00:00Z ORDER BY');
    // Deal 8 sits exactly at the checkpoint: already synced, not handed over again.
    expect(result.opportunities.map((o) => [o.id, o.amount])).toEqual([
      [ID(3), 99],
      [ID(9), 9000],
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.deleted).toEqual([ID(6)]);
    expect(pages[0]?.deleted).toEqual([ID(6)]);
    expect(result.checkpoint).toBe('2025-02-02T00:00:00.000Z');

    const idle = await syncSalesforce(setup(org, { checkpoint: result.checkpoint }).options);
    expect([idle.opportunities, idle.checkpoint]).toEqual([[], '2025-02-02T00:00:00.000Z']);
  });

  it('treats an unreadable checkpoint as a full sync', async () => {
    const org = seededOrg();
    const result = await syncSalesforce(setup(org, { checkpoint: 'last tuesday' }).options);
    expect([result.mode, result.opportunities.length]).toEqual(['full', 6]);
    expect(result.warnings[0]).toBe('The saved checkpoint "last tuesday" is not a date and time, so this sync is a full one.');
  });
});

describe('fetchOpportunities', () => {
  it('fetches records by id whatever their dates, and lists those it cannot see', async () => {
    const org = seededOrg();
    const { client } = setup(org);
    const { prepareSalesforce } = await import('../../../lib/crm/salesforce/sync');
    const context = await prepareSalesforce(client);
    const found = await fetchOpportunities(client, context, [ID(5).slice(0, 15), ID(42)]);
    expect(found.opportunities.map((o) => [o.id, o.stage, o.isWon])).toEqual([[ID(5), 'Closed Won', true]]);
    expect(found.missing).toEqual([ID(42)]);
    expect(org.requests.at(-4)?.soql).toMatch(new RegExp(`FROM Opportunity WHERE Id IN \\('${ID(5)}','${ID(42)}'\\)$`));
    await expect(fetchOpportunities(client, context, ['nope'])).rejects.toThrow('"nope" is not a Salesforce id');
  });
});

describe('a minimal server', () => {
  it('syncs from one without child relationships, ApiName or Owner.Manager paths', async () => {
    const org = seededOrg();
    org.faults.reply({
      path: /\/sobjects\/Opportunity\/describe$/,
      times: Infinity,
      body: {
        fields: ['Id', 'Name', 'StageName', 'CloseDate', 'IsClosed', 'IsWon', 'OwnerId', 'SystemModstamp'].map((name) => ({
          name,
          label: name,
          type: 'string',
        })),
      },
    });
    // Its opportunity pages name the owner but not the owner's manager.
    org.faults.rewrite(
      (body) => {
        const page = body as { records: Array<Record<string, unknown>> };
        return { ...page, records: page.records.map(({ Owner: _owner, ...r }) => ({ ...r, Owner: { Name: 'Dana Reyes' } })) };
      },
      { path: /FROM Opportunity |\/query\/01g/, times: Infinity },
    );
    org.faults.inject(sfError(400, 'INVALID_FIELD', "No such column 'ApiName' on entity 'OpportunityStage'", { path: /ApiName/, times: Infinity }));
    org.faults.inject(sfError(404, 'NOT_FOUND', 'The requested resource does not exist', { path: /\/sobjects\/Account\/describe$/, times: Infinity }));
    const { options } = setup(org);
    const result = await syncSalesforce(options);
    expect(result.opportunities).toHaveLength(6);
    expect(result.opportunities[0]?.ownerManager).toEqual({ id: MANAGER, name: 'Sam Ortiz' });
    // Owners, then their managers, once for the whole sync.
    expect(org.requests.filter((r) => r.soql?.startsWith('SELECT Id, Name, ManagerId FROM User')).map((r) => r.soql)).toEqual([
      `SELECT Id, Name, ManagerId FROM User WHERE Id IN ('${OWNER}')`,
      `SELECT Id, Name, ManagerId FROM User WHERE Id IN ('${MANAGER}')`,
    ]);
    expect(result.warnings).toContain('The Account describe could not be read; the standard account fields were assumed readable.');
  });
});
