import { enumLabel } from '../../../lib/crm/hubspot/map';
import { describe, expect, it } from 'vitest';
import { HubSpotClient } from '../../../lib/crm/hubspot/client';
import { readPipelines } from '../../../lib/crm/hubspot/stages';
import { fetchDeal, nextCheckpoint, syncHubSpot, type SyncOptions, type SyncPage } from '../../../lib/crm/hubspot/sync';
import type { Opportunity } from '../../../lib/crm/opportunity';
import { createHubSpotSandbox, ManualClock, type HubSpotSandbox, type SeedDeal } from '../../../sandbox/hubspot';

const NOW = new Date('2025-06-15T12:00:00Z');
const TOKEN = 'pat-na1-test';

const PIPELINES = {
  results: [
    {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      stages: [
        { id: 'appointmentscheduled', label: 'Appointment scheduled', displayOrder: 0, archived: false, metadata: { isClosed: 'false', probability: '0.2' } },
        { id: 'contractsent', label: 'Contract sent', displayOrder: 1, archived: false, metadata: { isClosed: 'false', probability: '0.9' } },
        { id: 'closedwon', label: 'Closed won', displayOrder: 2, archived: false, metadata: { isClosed: 'true', probability: '1.0' } },
        { id: 'closedlost', label: 'Closed lost', displayOrder: 3, archived: false, metadata: { isClosed: 'true', probability: '0.0' } },
      ],
    },
    {
      id: '7654321',
      label: 'Renewals',
      displayOrder: 1,
      archived: false,
      stages: [
        { id: '1001', label: 'Negotiation', displayOrder: 0, archived: false, metadata: { isClosed: 'false', probability: '0.5' } },
        { id: '1002', label: 'Closed won', displayOrder: 1, archived: false, metadata: { isClosed: 'true', probability: '1.0' } },
        { id: '1003', label: 'Churned', displayOrder: 2, archived: false, metadata: { isClosed: 'true', probability: '1.0' } },
      ],
    },
  ],
};

const OWNERS = [
  {
    id: '501',
    email: 'dana@acme.test',
    type: 'PERSON',
    firstName: 'Dana',
    lastName: 'Reyes',
    userId: 9001,
    archived: false,
    teams: [{ id: '77', name: 'East', primary: true }],
  },
  { id: '502', email: 'sam@acme.test', type: 'PERSON', firstName: 'Sam', lastName: 'Ortiz', userId: 9002, archived: false, teams: [] },
  {
    id: '503',
    email: 'lee@acme.test',
    type: 'PERSON',
    firstName: 'Lee',
    lastName: 'Chan',
    userId: 9003,
    archived: true,
    teams: [{ id: '78', name: 'West', primary: false }],
  },
];

/**
 * The sync against the sandbox HubSpot, in-process, serving seeded records: the two
 * pipelines and three owners above, and the deals, companies and contacts each test puts.
 * The sandbox's limits and the client's waits run on one ManualClock.
 */
function setup() {
  const clock = new ManualClock(NOW.getTime());
  const portal = createHubSpotSandbox({ token: TOKEN, portalId: 4215837, now: clock.now, records: { pipelines: PIPELINES.results, owners: OWNERS } });
  const client = new HubSpotClient({ token: TOKEN, fetch: portal.fetch, now: clock.now, sleep: clock.sleep, random: () => 0 });
  const run = (o: Partial<SyncOptions> = {}) => syncHubSpot({ client, checkpoint: null, cursor: null, now: () => NOW, ...o });
  return { clock, portal, client, run };
}

/** Deal searches sent, in order. */
const searches = (portal: HubSpotSandbox) => portal.requests.filter((r) => r.path === '/crm/objects/2026-09/deals/search');

function deal(id: number, properties: Record<string, string | null> = {}): SeedDeal {
  return {
    id: String(id),
    properties: {
      dealname: `Deal ${id}`,
      dealstage: 'appointmentscheduled',
      pipeline: 'default',
      createdate: '2025-01-01T00:00:00Z',
      hs_lastmodifieddate: '2025-02-01T00:00:00.000Z',
      ...properties,
    },
  };
}

const ACME: SeedDeal = {
  id: '101',
  properties: {
    dealname: 'Acme renewal',
    amount: '12500.5',
    deal_currency_code: 'eur',
    closedate: '2025-03-31T00:00:00Z',
    createdate: '2024-11-02T15:04:05.000Z',
    dealstage: '1002',
    pipeline: '7654321',
    dealtype: 'existingbusiness',
    hs_forecast_category: 'CLOSED',
    hubspot_owner_id: '501',
    hs_created_by_user_id: '9002',
    hs_analytics_source: 'ORGANIC_SEARCH',
    hs_lastmodifieddate: '2025-04-01T10:00:00.000Z',
    hs_is_closed_won: 'true',
    hs_v2_date_entered_1001: '2024-12-01T09:00:00Z',
    hs_v2_date_entered_1002: '2025-03-31T18:00:00Z',
  },
};

const ACME_OPPORTUNITY: Opportunity = {
  id: '101',
  source: 'hubspot',
  name: 'Acme renewal',
  account: { id: '3001', name: 'Acme GmbH' },
  amount: 12500.5,
  currency: 'EUR',
  stage: 'Renewals › Closed won',
  isClosed: true,
  isWon: true,
  type: 'upsell',
  forecastCategory: 'CLOSED',
  probability: 1,
  createdDate: '2024-11-02',
  closeDate: '2025-03-31',
  stageEnteredDate: '2025-03-31',
  stageHistory: [
    { stage: 'Negotiation', enteredAt: '2024-12-01' },
    { stage: 'Renewals › Closed won', enteredAt: '2025-03-31' },
  ],
  owner: { id: '501', name: 'Dana Reyes' },
  ownerManager: { id: 'team:77', name: 'East' },
  createdBy: { id: '502', name: 'Sam Ortiz' },
  territory: null,
  leadSource: 'ORGANIC_SEARCH',
  attributes: { industry: 'Computer Software', employees: 250, revenue: 40000000, country: 'Germany', state: null, buyerTitle: 'VP Finance' },
};

function withAcme(portal: HubSpotSandbox): void {
  portal.putRecords({
    deals: [{ ...ACME, companies: [{ id: '3002' }, { id: '3001', primary: true }], contacts: ['4001', '4002'] }],
    companies: [
      {
        id: '3001',
        properties: { name: 'Acme GmbH', industry: 'COMPUTER_SOFTWARE', numberofemployees: '250', annualrevenue: '40000000', country: 'Germany', state: null },
      },
      { id: '3002', properties: { name: 'Acme Holding', industry: 'FINANCE' } },
    ],
    contacts: [
      { id: '4001', properties: { jobtitle: ' ' } },
      { id: '4002', properties: { jobtitle: 'VP Finance' } },
    ],
  });
}

describe('pipelines and stages', () => {
  it('reads outcomes from metadata, labels repeated stage labels by pipeline, and applies the user mapping', () => {
    const { stages, pipelines, problems } = readPipelines(PIPELINES, { '1003': 'lost', nope: 'won' });
    expect(pipelines).toEqual([
      { id: 'default', label: 'Sales Pipeline', archived: false },
      { id: '7654321', label: 'Renewals', archived: false },
    ]);
    expect(stages.map((s) => [s.id, s.displayLabel, s.isClosed, s.isWon, s.probability, s.overridden])).toEqual([
      ['appointmentscheduled', 'Appointment scheduled', false, false, 0.2, false],
      ['contractsent', 'Contract sent', false, false, 0.9, false],
      ['closedwon', 'Sales Pipeline › Closed won', true, true, 1, false],
      ['closedlost', 'Closed lost', true, false, 0, false],
      ['1001', 'Negotiation', false, false, 0.5, false],
      ['1002', 'Renewals › Closed won', true, true, 1, false],
      ['1003', 'Churned', true, false, 1, true],
    ]);
    expect(problems).toEqual(['The stage mapping names the stage id "nope", which no deal pipeline has.']);
  });

  it('counts a closed stage with probability 1 as won unless mapped, and leaves out a stage without isClosed', () => {
    expect(readPipelines(PIPELINES).stages.find((s) => s.id === '1003')?.isWon).toBe(true);
    const odd = {
      results: [
        {
          id: 'p',
          label: 'P',
          stages: [
            { id: 's1', label: 'S1', metadata: {} },
            { id: 's2', label: 'S2', metadata: { isClosed: 'true', probability: '0.4' } },
          ],
        },
      ],
    };
    const read = readPipelines(odd);
    expect(read.stages.map((s) => [s.id, s.isClosed, s.isWon])).toEqual([['s2', true, false]]);
    expect(read.problems).toEqual([
      'Stage "s1" of pipeline "P" has no metadata.isClosed, so whether its deals are open is unknown; it was left out (map it to open, won or lost to use it).',
    ]);
    expect(readPipelines(odd, { s1: 'won' }).stages.map((s) => [s.id, s.isClosed, s.isWon])).toEqual([
      ['s1', true, true],
      ['s2', true, false],
    ]);
  });
});

describe('syncHubSpot', () => {
  it('maps a deal with its primary company, buyer title, owner and team, stage history and currency', async () => {
    const { portal, run } = setup();
    withAcme(portal);
    const pages: SyncPage[] = [];
    const result = await run({ onPage: (p) => void pages.push(p) });
    expect(result.opportunities).toEqual([ACME_OPPORTUNITY]);
    expect(result.mode).toBe('full');
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.checkpoint).toBe('2025-04-01T10:00:00.000Z');
    expect(result.closedSince).toBe('2022-06-15');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ checkpoint: '2025-04-01T10:00:00.000Z', cursor: null, done: 1, total: 1 });
    expect(result.fields.map((f) => [f.key, f.coverage])).toEqual([
      ['industry', 1],
      ['employees', 1],
      ['revenue', 1],
      ['country', 1],
      ['state', 0],
      ['buyerTitle', 1],
    ]);
    const body = searches(portal)[0]?.body as { filterGroups: { filters: unknown[] }[]; properties: string[]; sorts: unknown; limit: number };
    expect(body.filterGroups).toEqual([
      { filters: [{ propertyName: 'closedate', operator: 'GTE', value: String(Date.parse('2022-06-15T00:00:00Z')) }] },
      { filters: [{ propertyName: 'dealstage', operator: 'IN', values: ['appointmentscheduled', 'contractsent', '1001'] }] },
    ]);
    expect(body.sorts).toEqual([{ propertyName: 'hs_object_id', direction: 'ASCENDING' }]);
    expect(body.limit).toBe(200);
    expect(body.properties).toContain('hs_v2_date_entered_1002');
    expect(body.properties).toContain('hs_v2_date_entered_closedwon');
  });

  it("follows the user's stage mapping, not hs_is_closed_won", async () => {
    const { portal, run } = setup();
    portal.putRecords({ deals: [deal(7, { dealstage: '1003', pipeline: '7654321', closedate: '2025-05-01T00:00:00Z', hs_is_closed_won: 'true' })] });
    expect((await run()).opportunities.map((o) => [o.stage, o.isClosed, o.isWon])).toEqual([['Churned', true, true]]);
    expect((await run({ stageOverrides: { '1003': 'lost' } })).opportunities.map((o) => [o.stage, o.isClosed, o.isWon])).toEqual([['Churned', true, false]]);
  });

  it('reads companies 100 at a time and associations in one call per page', async () => {
    const { portal, run } = setup();
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    portal.putRecords({
      deals: ids.map((i) => ({ ...deal(i), companies: [{ id: String(5000 + i) }] })),
      companies: ids.map((i) => ({ id: String(5000 + i), properties: { name: `Co ${i}`, industry: 'RETAIL' } })),
    });
    const result = await run();
    expect(result.opportunities).toHaveLength(250);
    expect(result.opportunities[249]?.account).toEqual({ id: '5250', name: 'Co 250' });
    const inputs = (r: { body: unknown }) => (r.body as { inputs: unknown[] }).inputs.length;
    const batches = portal.requests.filter((r) => r.path === '/crm/objects/2026-09/companies/batch/read').map(inputs);
    expect(batches).toEqual([100, 100, 50]);
    const assoc = portal.requests.filter((r) => r.path === '/crm/associations/2026-09/deals/companies/batch/read').map(inputs);
    expect(assoc).toEqual([200, 50]);
  });

  it('splits the search on hs_object_id when a query reaches 10,000 results, and the sandbox enforces the cap', async () => {
    const { portal, client, run } = setup();
    portal.putRecords({
      deals: Array.from({ length: 10_450 }, (_, i) => ({
        id: String(i + 1),
        properties: { dealname: `D${i + 1}`, dealstage: 'appointmentscheduled', hs_lastmodifieddate: '2025-02-01T00:00:00.000Z' },
      })),
    });
    // HubSpot refuses a page that starts at result 10,000 or later.
    await expect(client.search('deals', { filterGroups: [], limit: 200, after: '10000' })).rejects.toMatchObject({ state: 'bad-request', status: 400 });
    const progress: (number | null)[] = [];
    const result = await run({ onPage: (p) => void progress.push(p.total) });
    expect(result.opportunities).toHaveLength(10_450);
    expect(new Set(result.opportunities.map((o) => o.id)).size).toBe(10_450);
    const bodies = searches(portal)
      .slice(1)
      .map((r) => r.body as { after?: string; filterGroups: { filters: { propertyName: string; value?: string }[] }[] });
    expect(bodies).toHaveLength(53);
    expect(bodies[49]?.after).toBe('9800');
    expect(bodies[50]?.after).toBeUndefined();
    expect(bodies[50]?.filterGroups[0]?.filters).toContainEqual({ propertyName: 'hs_object_id', operator: 'GT', value: '10000' });
    expect(bodies[52]?.after).toBe('400');
    expect(progress.at(0)).toBe(10_450);
    expect(progress.at(-1)).toBe(10_450);
  });

  it('syncs incrementally from the checkpoint and reports archived deals', async () => {
    const { portal, run } = setup();
    portal.putRecords({ deals: [deal(1), deal(2), deal(3)] });
    const first = await run();
    expect(first.checkpoint).toBe('2025-02-01T00:00:00.000Z');
    portal.putRecords({
      deals: [
        deal(2, { hs_lastmodifieddate: '2025-06-15T11:55:00.000Z', amount: '900' }),
        { id: '4', properties: {}, archivedAt: '2025-03-01T00:00:00.000Z' },
        { id: '5', properties: {}, archivedAt: '2025-01-01T00:00:00.000Z' },
      ],
    });
    const pages: SyncPage[] = [];
    const second = await run({ checkpoint: first.checkpoint, onPage: (p) => void pages.push(p) });
    expect(second.mode).toBe('incremental');
    expect(second.opportunities.map((o) => [o.id, o.amount])).toEqual([['2', 900]]);
    expect(second.deleted).toEqual(['4']);
    expect(pages[0]?.deleted).toEqual(['4']);
    const filters = (searches(portal).at(-1)?.body as { filterGroups: { filters: unknown[] }[] }).filterGroups[0]?.filters;
    expect(filters).toContainEqual({ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: String(Date.parse('2025-02-01T00:00:00.000Z')) });
    // Modified 5 minutes before the run: inside the margin, so the checkpoint stays 10 minutes behind the start.
    expect(second.checkpoint).toBe('2025-06-15T11:50:00.000Z');
  });

  it('resumes an interrupted sync after the last completed page', async () => {
    const { portal, run } = setup();
    portal.putRecords({ deals: Array.from({ length: 450 }, (_, i) => deal(i + 1)) });
    let stored: string | null = null;
    let pagesSeen = 0;
    await expect(
      run({
        onPage: (p) => {
          if (++pagesSeen === 2) throw new Error('browser closed');
          stored = p.cursor;
        },
      }),
    ).rejects.toThrow('browser closed');
    expect(stored).not.toBeNull();
    const before = searches(portal).length;
    const done: number[] = [];
    const resumed = await run({ cursor: stored, onPage: (p) => void done.push(p.done) });
    expect(resumed.resumed).toBe(true);
    expect(resumed.opportunities.map((o) => o.id)).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 201)));
    expect(done).toEqual([400, 450]);
    const firstResumed = searches(portal)[before]?.body as { after?: string; filterGroups: { filters: unknown[] }[] };
    expect(firstResumed.after).toBeUndefined();
    expect(firstResumed.filterGroups[0]?.filters).toContainEqual({ propertyName: 'hs_object_id', operator: 'GT', value: '200' });
    expect(resumed.checkpoint).toBe('2025-02-01T00:00:00.000Z');
  });

  it('starts over, with a warning, from a cursor it cannot read', async () => {
    const { portal, run } = setup();
    portal.putRecords({ deals: [deal(1)] });
    const result = await run({ cursor: '{"v":9}' });
    expect(result.resumed).toBe(false);
    expect(result.warnings).toEqual([
      'The interrupted sync could not be resumed (the saved resume point was written by another version of Dealsight), so it started over.',
    ]);
  });

  it('keeps odd deals with warnings naming the deal and property, and rejects those whose outcome is unknown', async () => {
    const { portal, run } = setup();
    portal.putRecords({
      deals: [
        deal(1, { dealname: null, amount: 'n/a', closedate: 'soon' }),
        deal(2, { dealstage: 'gone', hs_is_closed: 'true', hs_is_closed_won: 'false', closedate: '2025-05-01T00:00:00Z' }),
        deal(3, { dealstage: 'gone', closedate: '2025-05-01T00:00:00Z' }),
        deal(4, { dealstage: null, closedate: '2025-05-01T00:00:00Z' }),
        deal(5, { hs_v2_date_entered_appointmentscheduled: 'yesterday' }),
      ],
    });
    // Unknown and missing stages are asked for by close date only.
    const result = await run();
    expect(result.opportunities.map((o) => [o.id, o.name, o.amount, o.closeDate, o.stage, o.isClosed, o.isWon])).toEqual([
      ['1', 'Deal 1', null, null, 'Appointment scheduled', false, false],
      ['2', 'Deal 2', null, '2025-05-01', 'gone', true, false],
      ['5', 'Deal 5', null, null, 'Appointment scheduled', false, false],
    ]);
    expect(result.rejected).toEqual([
      { id: '3', reason: 'Deal 3 ("Deal 3") has the dealstage "gone", which no deal pipeline has, so whether it is open, won or lost is unknown.' },
      { id: '4', reason: 'Deal 4 ("Deal 4") has no dealstage, so whether it is open, won or lost is unknown.' },
    ]);
    expect(result.warnings).toEqual([
      'Deal 1 has no dealname, so it is shown as "Deal 1".',
      'Deal 1: amount "n/a" is not a number, so it was left empty.',
      'Deal 1: closedate "soon" is not a date, so it was left empty.',
      'Deal 5 ("Deal 5"): hs_v2_date_entered_appointmentscheduled "yesterday" is not a date and time, so the stage "Appointment scheduled" is missing from its history.',
      'These deal stages are in no pipeline, so each deal\'s own hs_is_closed and hs_is_closed_won were used: "gone" (1 deal).',
    ]);
  });
});

describe('fetchDeal', () => {
  it('fetches one deal on demand, and says when HubSpot has none', async () => {
    const { portal, client } = setup();
    withAcme(portal);
    const found = await fetchDeal(client, '101');
    expect(found).toEqual({ opportunity: ACME_OPPORTUNITY, rejected: null, warnings: [], missing: false });
    expect(await fetchDeal(client, '999')).toEqual({ opportunity: null, rejected: null, warnings: [], missing: true });
    await expect(fetchDeal(client, 'abc')).rejects.toThrow('"abc" is not a HubSpot deal id');
  });
});

describe('nextCheckpoint', () => {
  it('holds the checkpoint behind the run start and never moves it back', () => {
    const start = '2025-06-15T12:00:00.000Z';
    expect(nextCheckpoint('2025-06-01T00:00:00.000Z', start, null)).toBe('2025-06-01T00:00:00.000Z');
    expect(nextCheckpoint('2025-06-15T11:59:00.000Z', start, null)).toBe('2025-06-15T11:50:00.000Z');
    expect(nextCheckpoint(null, start, '2025-05-01T00:00:00.000Z')).toBe('2025-05-01T00:00:00.000Z');
    expect(nextCheckpoint('2025-04-01T00:00:00.000Z', start, '2025-05-01T00:00:00.000Z')).toBe('2025-05-01T00:00:00.000Z');
  });
});

describe('enumLabel', () => {
  it("writes HubSpot's internal enumeration names as words, and leaves labels alone", () => {
    expect(enumLabel('COMPUTER_SOFTWARE')).toBe('Computer Software');
    expect(enumLabel('BANKING')).toBe('Banking');
    expect(enumLabel('Hospital & Health Care')).toBe('Hospital & Health Care');
    expect(enumLabel(null)).toBeNull();
  });
});
