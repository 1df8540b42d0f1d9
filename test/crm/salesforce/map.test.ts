import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../../lib/crm/opportunity';
import { readDescribe } from '../../../lib/crm/salesforce/describe';
import { planFields } from '../../../lib/crm/salesforce/fields';
import {
  buyerOf,
  mapOpportunity,
  productOf,
  readContactRoleRows,
  readHistoryRows,
  readLineItemRows,
  recordedChanges,
  stageHistory,
  type HistoryRow,
  type MapContext,
} from '../../../lib/crm/salesforce/map';
import { readStages, StageIndex } from '../../../lib/crm/salesforce/stages';
import { ACCOUNT_DESCRIBE, MANAGER, OPPORTUNITY_DESCRIBE, OWNER, STAGE_RECORDS } from './fixtures';

const describeOf = (body: unknown, name: string) => {
  const d = readDescribe(body, name);
  if (d === null) throw new Error('fixture');
  return d;
};
const plan = planFields(describeOf(OPPORTUNITY_DESCRIBE, 'Opportunity'), describeOf(ACCOUNT_DESCRIBE, 'Account'), ['Competitor__c', 'Seats__c']);
const stages = new StageIndex(readStages(STAGE_RECORDS).stages);

const WON_ID = '0065g00000AbCdEAAV';
const OPEN_ID = '0065g00000AbCdFAAV';

/** A closed-won deal as the REST API returns it. */
const wonRecord = {
  attributes: { type: 'Opportunity', url: `/services/data/v60.0/sobjects/Opportunity/${WON_ID}` },
  Id: WON_ID,
  Name: '  Acme <script>alert(1)</script> renewal ',
  AccountId: '0015g00000AcMe1AAF',
  Account: {
    attributes: { type: 'Account' },
    Name: 'Acme, Inc.',
    Industry: 'Manufacturing',
    NumberOfEmployees: 1200,
    AnnualRevenue: 250000000,
    BillingCountry: 'Germany',
    BillingState: null,
  },
  Amount: 48000,
  StageName: 'Closed Won',
  IsClosed: true,
  IsWon: true,
  Type: 'Existing Customer - Upgrade',
  ForecastCategoryName: 'Closed',
  Probability: 100,
  CloseDate: '2024-11-29',
  CreatedDate: '2024-06-03T22:15:00.000+0000',
  LastStageChangeDate: '2024-11-29T16:00:00.000+0000',
  OwnerId: OWNER,
  Owner: { attributes: { type: 'User' }, Name: 'Dana Reyes', ManagerId: MANAGER, Manager: { attributes: { type: 'User' }, Name: 'Sam Ortiz' } },
  CreatedById: OWNER,
  CreatedBy: { attributes: { type: 'User' }, Name: 'Dana Reyes' },
  Territory2: { attributes: { type: 'Territory2' }, Name: 'EMEA Central' },
  LeadSource: 'Partner Referral',
  SystemModstamp: '2024-11-29T16:00:01.000+0000',
  Competitor__c: 'Globex',
  Seats__c: '250',
};

const context = (extra: Partial<MapContext> = {}): MapContext => ({
  stages,
  plan,
  history: readHistoryRows([
    { Id: '0085g0000000003', OpportunityId: WON_ID, StageName: 'Negotiation/Review', CreatedDate: '2024-09-10T09:00:00.000+0000' },
    { Id: '0085g0000000001', OpportunityId: WON_ID, StageName: 'Prospecting', CreatedDate: '2024-06-03T22:15:00.000+0000' },
    { Id: '0085g0000000002', OpportunityId: WON_ID, StageName: 'Prospecting', CreatedDate: '2024-07-01T10:00:00.000+0000' },
    { Id: '0085g0000000004', OpportunityId: WON_ID, StageName: 'Closed Won', CreatedDate: '2024-11-29T16:00:00.000+0000' },
  ]),
  contactRoles: readContactRoleRows([
    {
      Id: '00K5g0000000001',
      OpportunityId: WON_ID,
      Role: 'Evaluator',
      IsPrimary: false,
      Contact: { Title: 'IT Manager' },
      CreatedDate: '2024-06-04T00:00:00.000+0000',
    },
    {
      Id: '00K5g0000000002',
      OpportunityId: WON_ID,
      Role: 'Economic Buyer',
      IsPrimary: true,
      Contact: { Title: 'VP Operations' },
      CreatedDate: '2024-06-05T00:00:00.000+0000',
    },
  ]),
  lineItems: readLineItemRows([
    { Id: '00k1', OpportunityId: WON_ID, Product2: { Name: 'Support' }, TotalPrice: 8000 },
    { Id: '00k2', OpportunityId: WON_ID, Product2: { Name: 'Platform' }, TotalPrice: 40000 },
  ]),
  users: new Map(),
  defaultCurrency: 'EUR',
  ...extra,
});

describe('mapOpportunity', () => {
  it('maps a closed-won deal with its account, owner, history, buyer and product', () => {
    const result = mapOpportunity(wonRecord, context());
    const expected: Opportunity = {
      id: WON_ID,
      source: 'salesforce',
      // As written: names are data, shown as text.
      name: '  Acme <script>alert(1)</script> renewal ',
      account: { id: '0015g00000AcMe1AAF', name: 'Acme, Inc.' },
      amount: 48000,
      currency: 'EUR',
      stage: 'Closed Won',
      isClosed: true,
      isWon: true,
      type: 'upsell',
      forecastCategory: 'Closed',
      probability: 1,
      createdDate: '2024-06-03',
      closeDate: '2024-11-29',
      stageEnteredDate: '2024-11-29',
      stageHistory: [
        { stage: 'Prospecting', enteredAt: '2024-06-03' },
        { stage: 'Negotiation/Review', enteredAt: '2024-09-10' },
        { stage: 'Closed Won', enteredAt: '2024-11-29' },
      ],
      owner: { id: OWNER, name: 'Dana Reyes' },
      ownerManager: { id: MANAGER, name: 'Sam Ortiz' },
      createdBy: { id: OWNER, name: 'Dana Reyes' },
      territory: 'EMEA Central',
      leadSource: 'Partner Referral',
      attributes: {
        industry: 'Manufacturing',
        employees: 1200,
        revenue: 250000000,
        country: 'Germany',
        state: null,
        product: 'Platform',
        buyerTitle: 'VP Operations',
        buyerRole: 'Economic Buyer',
        Competitor__c: 'Globex',
        Seats__c: 250,
      },
    };
    expect(result).toEqual({ ok: true, opportunity: expected, modstamp: '2024-11-29T16:00:01.000Z', unknownStage: null });
  });

  it('maps an open deal with odd values: 15-character ids, text numbers, an out-of-range probability, a bad date', () => {
    const record = {
      Id: '0065g00000AbCdF',
      Name: '',
      AccountId: null,
      Account: null,
      Amount: '1200.50',
      CurrencyIsoCode: 'usd',
      StageName: 'qualification',
      IsClosed: false,
      IsWon: false,
      Type: 'Pilot',
      ForecastCategoryName: null,
      Probability: 150,
      CloseDate: '2025-02-30',
      CreatedDate: 'yesterday',
      OwnerId: '0055g00000OwNeR',
      Owner: { Name: 'Dana Reyes', ManagerId: null, Manager: null },
      SystemModstamp: '2025-01-05T08:00:00Z',
      Competitor__c: { nested: true },
      Seats__c: 'many',
    };
    const result = mapOpportunity(record, context({ history: new Map(), contactRoles: new Map(), lineItems: new Map(), defaultCurrency: null }));
    if (!result.ok) throw new Error(result.reason);
    const o = result.opportunity;
    expect([o.id, o.name, o.account, o.amount, o.currency, o.stage, o.isClosed, o.isWon, o.type, o.forecastCategory]).toEqual([
      OPEN_ID,
      OPEN_ID,
      null,
      1200.5,
      'USD',
      'Qualification',
      false,
      false,
      'Pilot',
      'Pipeline',
    ]);
    expect([o.probability, o.closeDate, o.createdDate, o.stageEnteredDate, o.stageHistory, o.owner, o.ownerManager, o.territory]).toEqual([
      null,
      null,
      null,
      null,
      [],
      { id: OWNER, name: 'Dana Reyes' },
      null,
      null,
    ]);
    expect(o.attributes).toEqual({
      industry: null,
      employees: null,
      revenue: null,
      country: null,
      state: null,
      product: null,
      buyerTitle: null,
      buyerRole: null,
      Competitor__c: null,
      Seats__c: null,
    });
  });

  it("uses the record's own flags for a stage the org does not list, and says so", () => {
    const result = mapOpportunity({ ...wonRecord, StageName: 'Won - Legacy', IsClosed: true, IsWon: true }, context());
    expect(result.ok && [result.opportunity.isClosed, result.opportunity.isWon, result.opportunity.stage, result.unknownStage]).toEqual([
      true,
      true,
      'Won - Legacy',
      'Won - Legacy',
    ]);
  });

  it('rejects, naming the record and the stages, a stage that is neither listed nor flagged', () => {
    const { IsClosed: _c, IsWon: _w, ...rest } = wonRecord;
    expect(mapOpportunity({ ...rest, StageName: 'Stalled' }, context())).toEqual({
      ok: false,
      id: WON_ID,
      reason: `Opportunity ${WON_ID} ("Acme <script>alert(1)</script> renewal") has the stage "Stalled", which is not among the org's stages ("Prospecting", "Qualification", "Negotiation/Review", "Closed Won", "Closed Lost"), so whether it is open, won or lost is unknown.`,
    });
  });

  it('rejects records without a readable id or stage', () => {
    expect(mapOpportunity({ Name: 'x', StageName: 'Prospecting' }, context())).toEqual({ ok: false, id: null, reason: 'A record has no Id.' });
    expect(mapOpportunity({ Id: 'DROP TABLE', StageName: 'Prospecting' }, context())).toEqual({
      ok: false,
      id: 'DROP TABLE',
      reason: 'A record has an Id "DROP TABLE" that is not a Salesforce id.',
    });
    expect(mapOpportunity({ Id: WON_ID, Name: 'No stage' }, context())).toEqual({
      ok: false,
      id: WON_ID,
      reason: `Opportunity ${WON_ID} ("No stage") has no stage, so whether it is open, won or lost is unknown.`,
    });
  });

  it("fills the owner's manager from users read separately", () => {
    const { Owner: _o, ...record } = wonRecord;
    const result = mapOpportunity(
      record,
      context({
        users: new Map([
          [OWNER, { id: OWNER, name: 'Dana Reyes', managerId: MANAGER }],
          [MANAGER, { id: MANAGER, name: 'Sam Ortiz', managerId: null }],
        ]),
      }),
    );
    expect(result.ok && [result.opportunity.owner, result.opportunity.ownerManager]).toEqual([
      { id: OWNER, name: OWNER },
      { id: MANAGER, name: 'Sam Ortiz' },
    ]);
  });
});

describe('stage history', () => {
  const row = (stage: string, at: string, id = at): HistoryRow => ({ id, opportunityId: WON_ID, stage, at, closeDate: null, amount: null, probability: null });

  it('collapses repeated rows of a stage and dates the current stage by its last visit', () => {
    const rows = [
      row('Prospecting', '2024-01-01T10:00:00.000Z'),
      row('Qualification', '2024-01-10T10:00:00.000Z'),
      row('Prospecting', '2024-02-01T10:00:00.000Z'),
      row('Prospecting', '2024-02-05T10:00:00.000Z'),
    ];
    expect(stageHistory(rows, 'Prospecting', 'Prospecting', null)).toEqual({
      history: [
        { stage: 'Prospecting', enteredAt: '2024-01-01' },
        { stage: 'Qualification', enteredAt: '2024-01-10' },
        { stage: 'Prospecting', enteredAt: '2024-02-01' },
      ],
      entered: '2024-02-01',
    });
  });

  it('falls back to LastStageChangeDate without history, or when history is behind', () => {
    expect(stageHistory([], 'Qualification', 'Qualification', '2024-03-03')).toEqual({
      history: [{ stage: 'Qualification', enteredAt: '2024-03-03' }],
      entered: '2024-03-03',
    });
    expect(stageHistory([row('Prospecting', '2024-01-01T00:00:00.000Z')], 'Qualification', 'Qualification', '2024-03-03').history).toEqual([
      { stage: 'Prospecting', enteredAt: '2024-01-01' },
      { stage: 'Qualification', enteredAt: '2024-03-03' },
    ]);
    expect(stageHistory([], 'Qualification', 'Qualification', null)).toEqual({ history: [], entered: null });
  });
});

describe('recordedChanges: close dates, amounts and probabilities from OpportunityHistory', () => {
  const row = (at: string, closeDate: string | null, amount: number | null, probability: number | null): HistoryRow => ({
    id: at,
    opportunityId: WON_ID,
    stage: 'Prospecting',
    at,
    closeDate,
    amount,
    probability,
  });

  it('records each value on the day of the first row that carries it, in time order whatever the reply order', () => {
    const rows = [
      row('2024-03-01T09:00:00.000Z', '2024-04-30', 12_000, 0.6),
      row('2024-01-01T09:00:00.000Z', '2024-02-29', 10_000, 0.1),
      row('2024-02-10T09:00:00.000Z', '2024-02-29', 10_000, 0.3),
      row('2024-02-20T09:00:00.000Z', '2024-03-31', 10_000, 0.3),
    ];
    expect(recordedChanges(rows)).toEqual({
      stages: [],
      closeDates: [
        { value: '2024-02-29', at: '2024-01-01' },
        { value: '2024-03-31', at: '2024-02-20' },
        { value: '2024-04-30', at: '2024-03-01' },
      ],
      amounts: [
        { value: 10_000, at: '2024-01-01' },
        { value: 12_000, at: '2024-03-01' },
      ],
      probabilities: [
        { value: 0.1, at: '2024-01-01' },
        { value: 0.3, at: '2024-02-10' },
        { value: 0.6, at: '2024-03-01' },
      ],
      before: {},
    });
  });

  it('is null when no row carries any of them, and skips a row’s missing value', () => {
    expect(recordedChanges([row('2024-01-01T09:00:00.000Z', null, null, null)])).toBeNull();
    expect(recordedChanges([row('2024-01-01T09:00:00.000Z', '2024-02-29', null, null), row('2024-01-05T09:00:00.000Z', null, 500, null)])).toEqual({
      stages: [],
      closeDates: [{ value: '2024-02-29', at: '2024-01-01' }],
      amounts: [{ value: 500, at: '2024-01-05' }],
      probabilities: [],
      before: {},
    });
  });
});

describe('buyers and products', () => {
  it('takes the primary contact role, else the first written', () => {
    const role = (id: string, isPrimary: boolean, createdAt: string, title: string) => ({ id, opportunityId: WON_ID, role: 'r', title, isPrimary, createdAt });
    expect(buyerOf([role('2', false, '2024-01-02', 'B'), role('1', false, '2024-01-01', 'A')])).toEqual({ title: 'A', role: 'r' });
    expect(buyerOf([role('1', false, '2024-01-01', 'A'), role('2', true, '2024-01-02', 'B')])).toEqual({ title: 'B', role: 'r' });
    expect(buyerOf([])).toBeNull();
  });

  it('takes the product of the largest line', () => {
    const item = (product: string, totalPrice: number | null) => ({ id: product, opportunityId: WON_ID, product, totalPrice });
    expect(productOf([item('A', 10), item('B', 30), item('C', 30)])).toBe('B');
    expect(productOf([item('A', null), item('B', null)])).toBe('A');
    expect(productOf([])).toBeNull();
  });
});
