import { describe, expect, it } from 'vitest';
import { createHubSpotSandbox, ManualClock, type HubSpotSandbox, type HubSpotServerOptions } from '../../sandbox/hubspot';

/**
 * The sandbox HubSpot serving seeded records (sandbox/hubspot/seeded-records.ts), and the
 * options connector unit tests use: a clock of the test's, no daily headers.
 */

const TOKEN = 'pat-na1-seeded-test';

function seeded(options: HubSpotServerOptions = {}): HubSpotSandbox {
  return createHubSpotSandbox({
    token: TOKEN,
    records: {
      currency: 'EUR',
      pipelines: [{ id: 'p1', label: 'Only', stages: [{ id: 's1', label: 'Open', metadata: { isClosed: 'false', probability: '0.5' } }] }],
      owners: [
        { id: '501', email: 'dana@acme.test', firstName: 'Dana', lastName: 'Reyes', userId: 9001, teams: [{ id: '77', name: 'East', primary: true }] },
        { id: '503', email: 'lee@acme.test', firstName: 'Lee', lastName: 'Chan', userId: 9003, archived: true },
      ],
      deals: [
        { id: '12', properties: { dealname: 'Second', dealstage: 's1', hs_lastmodifieddate: '2025-02-01T00:00:00.000Z' }, contacts: ['40'] },
        {
          id: '3',
          properties: { dealname: 'First', dealstage: 's1', amount: 'n/a', createdate: '2025-01-01T00:00:00.000Z' },
          companies: [{ id: '20' }, { id: '21', primary: true }],
        },
        { id: '7', properties: { dealname: 'Gone' }, archivedAt: '2025-03-01T00:00:00.000Z' },
      ],
      companies: [
        { id: '20', properties: { name: 'Holding' } },
        { id: '21', properties: { name: 'Acme GmbH' } },
      ],
      contacts: [{ id: '40', properties: { jobtitle: 'CFO' } }],
    },
    ...options,
  });
}

async function call(
  portal: HubSpotSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const reply = await portal.fetch(path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: reply.status, body: (await reply.json()) as Record<string, unknown>, headers: reply.headers };
}

type Results = Array<{ id: string; properties: Record<string, string | null>; createdAt: string; updatedAt: string; archived: boolean; archivedAt?: string }>;

describe('seeded records', () => {
  it('searches and reads exactly the live records given, in id order, their properties as given, known ones null', async () => {
    const portal = seeded();
    const search = await call(portal, 'POST', '/crm/objects/2026-09/deals/search', { properties: ['dealname', 'amount', 'closedate'], limit: 10 });
    expect(search.body['total']).toBe(2);
    expect(search.body['results']).toEqual([
      {
        id: '3',
        properties: { dealname: 'First', amount: 'n/a', closedate: null, hs_object_id: '3', createdate: '2025-01-01T00:00:00.000Z', hs_lastmodifieddate: null },
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
        archived: false,
      },
      {
        id: '12',
        properties: {
          dealname: 'Second',
          amount: null,
          closedate: null,
          hs_object_id: '12',
          createdate: null,
          hs_lastmodifieddate: '2025-02-01T00:00:00.000Z',
        },
        createdAt: '1970-01-01T00:00:00.000Z',
        updatedAt: '2025-02-01T00:00:00.000Z',
        archived: false,
      },
    ]);
    expect((await call(portal, 'GET', '/crm/objects/2026-09/deals/7')).status).toBe(404);
    const archived = await call(portal, 'GET', '/crm/objects/2026-09/deals?archived=true&properties=dealname');
    expect((archived.body['results'] as Results).map((r) => [r.id, r.archived, r.archivedAt])).toEqual([['7', true, '2025-03-01T00:00:00.000Z']]);
    expect((await call(portal, 'GET', '/account-info/2026-09/details')).body['companyCurrency']).toBe('EUR');
  });

  it('links deals to their companies (one primary) and contacts, and says which deals have none', async () => {
    const portal = seeded();
    const companies = await call(portal, 'POST', '/crm/associations/2026-09/deals/companies/batch/read', { inputs: [{ id: '3' }, { id: '12' }] });
    expect(companies.status).toBe(207);
    expect(companies.body['results']).toEqual([
      {
        from: { id: '3' },
        to: [
          { toObjectId: '20', associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 341, label: null }] },
          {
            toObjectId: '21',
            associationTypes: [
              { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
              { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
            ],
          },
        ],
      },
    ]);
    expect((companies.body['errors'] as Array<{ context: unknown }>).map((e) => e.context)).toEqual([{ fromObjectId: ['12'] }]);
    const contacts = await call(portal, 'POST', '/crm/associations/2026-09/deals/contacts/batch/read', { inputs: [{ id: '12' }] });
    expect(contacts.body['results']).toEqual([
      { from: { id: '12' }, to: [{ toObjectId: '40', associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] }] },
    ]);
  });

  it('serves the pipelines and owners given, deactivated owners under archived=true', async () => {
    const portal = seeded();
    const pipelines = await call(portal, 'GET', '/crm/pipelines/2026-09/deals');
    expect(pipelines.body['results']).toEqual([
      { id: 'p1', label: 'Only', stages: [{ id: 's1', label: 'Open', metadata: { isClosed: 'false', probability: '0.5' } }] },
    ]);
    const owners = async (archived: boolean) =>
      ((await call(portal, 'GET', `/crm/owners/2026-09?archived=${archived}`)).body['results'] as Array<{ id: string; archived: boolean; type: string }>).map(
        (o) => [o.id, o.archived, o.type],
      );
    expect([await owners(false), await owners(true)]).toEqual([[['501', false, 'PERSON']], [['503', true, 'PERSON']]]);
    // Without pipelines of their own, seeded records get the generated account's two.
    const plain = createHubSpotSandbox({ token: TOKEN, records: {} });
    expect(((await call(plain, 'GET', '/crm/pipelines/2026-09/deals')).body['results'] as Array<{ label: string }>).map((p) => p.label)).toEqual([
      'Sales Pipeline',
      'Renewals',
    ]);
  });

  it('replaces a record with the same id, checks what it is given, and has no generated account', async () => {
    const portal = seeded();
    portal.putRecords({ deals: [{ id: '12', properties: { dealname: 'Renamed' } }] });
    expect((await call(portal, 'GET', '/crm/objects/2026-09/deals/12?properties=dealname')).body['properties']).toMatchObject({ dealname: 'Renamed' });
    expect(() => portal.putRecords({ deals: [{ id: 'abc', properties: {} }] })).toThrow('putRecords: deals need numeric ids as text, got "abc"');
    expect(() => portal.putRecords({ deals: [{ id: '1', properties: { amount: 5 as unknown as string } }] })).toThrow(
      'putRecords: deals 1: property "amount" must be text or null, as HubSpot sends it',
    );
    expect(() =>
      portal.putRecords({
        deals: [
          {
            id: '1',
            properties: {},
            companies: [
              { id: '20', primary: true },
              { id: '21', primary: true },
            ],
          },
        ],
      }),
    ).toThrow('putRecords: deal 1 has more than one primary company');
    expect(() => portal.org).toThrow('org: this sandbox serves seeded records; change them with putRecords');
    expect(() => portal.touch(['12'])).toThrow(/^touch: this sandbox serves seeded records/);
    expect((await portal.fetch(`/contacts/${portal.portalId}/record/0-3/12`)).status).toBe(404);
    const control = await portal.fetch('/__sandbox/deals', { method: 'POST', body: JSON.stringify({ count: 1 }) });
    expect([control.status, ((await control.json()) as { error: string }).error]).toEqual([
      400,
      'deals: this server serves seeded records; change them with putRecords',
    ]);
    const generated = createHubSpotSandbox({ seed: 3, opportunities: 5 });
    expect(() => generated.putRecords({})).toThrow(/^putRecords: only a sandbox of seeded records/);
  });
});

describe('options for connector tests', () => {
  it("now: the rate limits and the recorded requests keep the test's time", async () => {
    const clock = new ManualClock(Date.parse('2025-06-15T12:00:00Z'));
    const portal = seeded({ now: clock.now });
    for (let i = 0; i < 5; i++) expect((await call(portal, 'POST', '/crm/objects/2026-09/deals/search', {})).status).toBe(200);
    const sixth = await call(portal, 'POST', '/crm/objects/2026-09/deals/search', {});
    expect([sixth.status, sixth.body['policyName']]).toEqual([429, 'SECONDLY']);
    clock.advance(1000);
    expect((await call(portal, 'POST', '/crm/objects/2026-09/deals/search', {})).status).toBe(200);
    expect(portal.requests.map((r) => r.at - Date.parse('2025-06-15T12:00:00Z'))).toEqual([0, 0, 0, 0, 0, 0, 1000]);
  });

  it('dailyLimitHeaders: false leaves out the daily headers, as HubSpot does for OAuth apps', async () => {
    const daily = (portal: HubSpotSandbox) =>
      call(portal, 'GET', '/crm/owners/2026-09').then((r) => [r.headers.get('x-hubspot-ratelimit-daily'), r.headers.get('x-hubspot-ratelimit-max')]);
    expect(await daily(seeded())).toEqual(['625000', '190']);
    expect(await daily(seeded({ dailyLimitHeaders: false }))).toEqual([null, '190']);
  });
});
