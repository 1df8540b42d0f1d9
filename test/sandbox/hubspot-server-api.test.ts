import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { api, resultsOf, searchAll, searchDeals } from './hubspot-helpers';

/**
 * The sandbox HubSpot API as a private app's client sees it: search (filters, sorts,
 * properties, paging), reads, batch reads, associations, pipelines, owners, account
 * details and token info, in HubSpot's shapes and string-typed property values.
 */

let server: HubSpotServer;

beforeAll(async () => {
  // No search rate limit here: these tests are about shapes, hubspot-server-limits about limits.
  server = await startHubSpotServer({ seed: 7, opportunities: 400, renderDelayMs: 0, searchPerSecond: Infinity, perTenSeconds: Infinity });
});
afterAll(async () => {
  await server.close();
});

const deals = () => server.org.opportunities;

describe('pipelines', () => {
  it('serves the Sales Pipeline and a Renewals pipeline with stage metadata as strings', async () => {
    const call = await api(server, 'GET', '/crm/pipelines/2026-09/deals');
    expect(call.status).toBe(200);
    const pipelines = call.body['results'] as { id: string; label: string; stages: { id: string; label: string; metadata: Record<string, string> }[] }[];
    expect(pipelines.map((p) => p.label)).toEqual(['Sales Pipeline', 'Renewals']);
    const sales = pipelines[0]!;
    expect(sales.id).toBe('default');
    expect(sales.stages[0]).toMatchObject({ id: 'appointmentscheduled', label: 'Prospecting', metadata: { isClosed: 'false', probability: '0.1' } });
    expect(sales.stages.find((s) => s.id === 'closedwon')?.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
    expect(sales.stages.find((s) => s.id === 'closedlost')?.metadata).toEqual({ isClosed: 'true', probability: '0.0' });
    expect(sales.stages.find((s) => s.label === 'Proposal/Price Quote')?.metadata['probability']).toBe('0.75');
    // Stage ids are unique across pipelines.
    const ids = pipelines.flatMap((p) => p.stages.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    const one = await api(server, 'GET', `/crm/pipelines/2026-09/deals/${pipelines[1]!.id}`);
    expect(one.body['label']).toBe('Renewals');
    expect((await api(server, 'GET', '/crm/pipelines/2026-09/deals/nope')).status).toBe(404);
  });

  it('puts renewals in the Renewals pipeline and the rest in the Sales Pipeline', () => {
    const renewals = server.pipelines[1]!.id;
    for (const o of deals().slice(0, 100)) {
      expect(server.dealProperties(o.id)['pipeline']).toBe(o.type === 'renewal' ? renewals : 'default');
    }
  });
});

describe('deal properties', () => {
  it('writes every value as HubSpot does: strings, ISO dates with ms and Z, "true"/"false"', async () => {
    const won = deals().find((o) => o.isWon && o.amount !== null && !Number.isInteger(o.amount)) ?? deals().find((o) => o.isWon && o.amount !== null)!;
    const call = await api(
      server,
      'GET',
      `/crm/objects/2026-09/deals/${won.id}?properties=dealname,amount,closedate,dealstage,hs_is_closed_won,hs_is_closed,hubspot_owner_id,dealtype,hs_forecast_category`,
    );
    expect(call.status).toBe(200);
    const p = call.body['properties'] as Record<string, string | null>;
    expect(call.body['id']).toBe(won.id);
    expect(p['dealname']).toBe(won.name);
    expect(p['amount']).toBe(String(won.amount));
    expect(p['hs_is_closed_won']).toBe('true');
    expect(p['hs_is_closed']).toBe('true');
    expect(p['dealstage']).toBe(won.type === 'renewal' ? server.pipelines[1]!.stages.find((s) => s.label === 'Closed Won')!.id : 'closedwon');
    expect(p['closedate']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(p['closedate']!.slice(0, 10)).toBe(won.closeDate);
    expect(p['hubspot_owner_id']).toBe(won.owner!.id);
    expect(p['dealtype']).toBe(won.type === 'new customer' ? 'newbusiness' : 'existingbusiness');
    expect(p['hs_forecast_category']).toBe('CLOSED');
    // Always sent, requested or not.
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['hs_object_id', 'createdate', 'hs_lastmodifieddate']));
    expect(p['hs_object_id']).toBe(won.id);
  });

  it('has hs_v2_date_entered/exited per stage from the stage history, in order', () => {
    const o = deals().find((x) => x.isClosed && x.stageHistory.length >= 3)!;
    const p = server.dealProperties(o.id);
    const pipeline = server.pipelines.find((x) => x.id === p['pipeline'])!;
    const stageId = (label: string) => pipeline.stages.find((s) => s.label === label)!.id;
    o.stageHistory.forEach((change, i) => {
      const entered = p[`hs_v2_date_entered_${stageId(change.stage)}`]!;
      expect(entered.slice(0, 10)).toBe(change.enteredAt);
      const next = o.stageHistory[i + 1];
      if (next === undefined) expect(p[`hs_v2_date_exited_${stageId(change.stage)}`]).toBeNull();
      else expect(p[`hs_v2_date_exited_${stageId(change.stage)}`]).toBe(p[`hs_v2_date_entered_${stageId(next.stage)}`]);
    });
    expect(p[`hs_v2_date_entered_${stageId(o.stageHistory[0]!.stage)}`]).toBe(p['createdate']);
    const unvisited = pipeline.stages.find((s) => !o.stageHistory.some((c) => c.stage === s.label))!;
    expect(p[`hs_v2_date_entered_${unvisited.id}`]).toBeNull();
  });

  it('answers 404 OBJECT_NOT_FOUND for an unknown deal', async () => {
    const call = await api(server, 'GET', '/crm/objects/2026-09/deals/123');
    expect(call.status).toBe(404);
    expect(call.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(call.body['correlationId']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('deal search', () => {
  it('pages with after until every deal is read once, reporting the total', async () => {
    const first = await searchDeals(server, { limit: 150 });
    expect(first.status).toBe(200);
    expect(first.body['total']).toBe(400);
    expect(resultsOf(first)).toHaveLength(150);
    expect(first.body['paging']).toEqual({ next: { after: '150' } });
    // Default properties without a properties list.
    expect(Object.keys(resultsOf(first)[0]!.properties).sort()).toEqual([
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ]);
    const all = await searchAll(server, { limit: 150, properties: ['dealname'] });
    expect(all.map((r) => r.id)).toEqual(deals().map((o) => o.id));
    const last = await searchDeals(server, { limit: 150, after: '300' });
    expect(resultsOf(last)).toHaveLength(100);
    expect(last.body['paging']).toBeUndefined();
  });

  it('filters with GTE/LTE/GT/LT/EQ/HAS_PROPERTY, ANDs within a group and ORs groups', async () => {
    const sorted = deals()
      .map((o) => server.dealProperties(o.id)['hs_lastmodifieddate']!)
      .sort();
    const checkpoint = sorted[300]!;
    const newer = await searchAll(server, {
      limit: 200,
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: String(Date.parse(checkpoint)) }] }],
    });
    expect(newer.length).toBe(sorted.filter((t) => t > checkpoint).length);
    expect(newer.every((r) => r.properties['hs_lastmodifieddate']! > checkpoint)).toBe(true);
    // ISO values work as well as epoch milliseconds.
    const gteIso = await searchDeals(server, {
      limit: 1,
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: checkpoint }] }],
    });
    expect(gteIso.body['total']).toBe(sorted.filter((t) => t >= checkpoint).length);

    const ids = deals().map((o) => o.id);
    const range = await searchAll(server, {
      limit: 200,
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_object_id', operator: 'GTE', value: ids[100] },
            { propertyName: 'hs_object_id', operator: 'LT', value: ids[150] },
          ],
        },
      ],
    });
    expect(range.map((r) => r.id)).toEqual(ids.slice(100, 150));
    const lte = await searchDeals(server, { limit: 200, filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'LTE', value: ids[9] }] }] });
    expect(lte.body['total']).toBe(10);

    const renewals = server.pipelines[1]!.id;
    const inRenewals = await searchDeals(server, { limit: 1, filterGroups: [{ filters: [{ propertyName: 'pipeline', operator: 'EQ', value: renewals }] }] });
    expect(inRenewals.body['total']).toBe(deals().filter((o) => o.type === 'renewal').length);

    const createdBefore = server.dealProperties(ids[20]!)['createdate']!;
    const either = await searchDeals(server, {
      limit: 1,
      filterGroups: [
        { filters: [{ propertyName: 'pipeline', operator: 'EQ', value: renewals }] },
        { filters: [{ propertyName: 'createdate', operator: 'LT', value: createdBefore }] },
      ],
    });
    const expected = deals().filter((o) => o.type === 'renewal' || server.dealProperties(o.id)['createdate']! < createdBefore).length;
    expect(either.body['total']).toBe(expected);

    const withAmount = await searchDeals(server, { limit: 1, filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'HAS_PROPERTY' }] }] });
    expect(withAmount.body['total']).toBe(deals().filter((o) => o.amount !== null).length);
    const withoutAmount = await searchDeals(server, { limit: 10, filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'NOT_HAS_PROPERTY' }] }] });
    expect(resultsOf(withoutAmount).map((r) => r.id)).toEqual(server.hostile.nullAmount);
  });

  it('finds deals by words of their name with a full-text query', async () => {
    const o = deals().find((x) => !(x.id in server.hostile.opportunityNames))!;
    const words = o.name.split(' - ')[0]!.toLowerCase();
    const found = await searchAll(server, { limit: 200, query: words, properties: ['dealname'] });
    const expected = deals().filter((x) => words.split(/\s+/).every((w) => x.name.toLowerCase().includes(w)));
    expect(found.map((r) => r.id)).toEqual(expected.map((x) => x.id));
    expect(found.map((r) => r.id)).toContain(o.id);
  });

  it('sorts by a property, either direction, ties by id', async () => {
    const asc = resultsOf(await searchDeals(server, { limit: 200, sorts: [{ propertyName: 'amount', direction: 'ASCENDING' }], properties: ['amount'] }));
    const amounts = asc
      .map((r) => r.properties['amount'])
      .filter((a): a is string => a !== null)
      .map(Number);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const desc = resultsOf(await searchDeals(server, { limit: 5, sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }] }));
    const newest = deals()
      .map((o) => server.dealProperties(o.id)['hs_lastmodifieddate']!)
      .sort()
      .reverse()
      .slice(0, 5);
    expect(desc.map((r) => r.properties['hs_lastmodifieddate'])).toEqual(newest);
  });

  it('rejects bad requests with 400 VALIDATION_ERROR naming the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{ limit: 201 }, /limit must be a whole number from 1 to 200/],
      [{ after: 'abc' }, /after must be a paging cursor/],
      [{ filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: '1' }] }] }, /no property "nope"/],
      [{ filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'ABOUT', value: '1' }] }] }, /operator must be one of/],
      [{ filterGroups: [{ filters: [{ propertyName: 'createdate', operator: 'GT', value: 'yesterday' }] }] }, /not a valid date/],
      [{ filterGroups: Array.from({ length: 6 }, () => ({ filters: [] })) }, /Too many filter groups/],
      [{ sorts: [{ propertyName: 'amount', direction: 'UP' }] }, /direction must be ASCENDING or DESCENDING/],
    ];
    for (const [body, message] of cases) {
      const call = await searchDeals(server, body);
      expect(call.status, JSON.stringify(body)).toBe(400);
      expect(call.body['category']).toBe('VALIDATION_ERROR');
      expect(call.body['message']).toMatch(message);
    }
  });
});

describe('listing', () => {
  it('lists every deal in id order with after cursors and links, without the search cap', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const call = await api(server, 'GET', `/crm/objects/2026-09/deals?limit=100&properties=dealname${after === undefined ? '' : `&after=${after}`}`);
      expect(call.status).toBe(200);
      const results = call.body['results'] as { id: string; properties: Record<string, string> }[];
      ids.push(...results.map((r) => r.id));
      expect(Object.keys(results[0]!.properties).sort()).toEqual(['createdate', 'dealname', 'hs_lastmodifieddate', 'hs_object_id']);
      const next = (call.body['paging'] as { next?: { after: string; link: string } } | undefined)?.next;
      if (next !== undefined) expect(next.link).toBe(`https://api.hubapi.com/crm/objects/2026-09/deals?limit=100&properties=dealname&after=${next.after}`);
      after = next?.after;
      pages += 1;
    } while (after !== undefined);
    expect(pages).toBe(4);
    expect(ids).toEqual(deals().map((o) => o.id));
    expect((await api(server, 'GET', '/crm/objects/2026-09/deals?limit=101')).status).toBe(400);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const reply = await fetch(`${server.url}/crm/objects/2026-09/deals/batch/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{"inputs": [',
    });
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { category: string }).category).toBe('VALIDATION_ERROR');
  });
});

describe('batch reads', () => {
  it('reads companies with their firmographics, and reports unknown ids with 207', async () => {
    const o = deals().find((x) => x.account !== null && !(x.account.id in server.hostile.accountNames))!;
    const account = server.org.accounts.find((a) => a.id === o.account!.id)!;
    const call = await api(server, 'POST', '/crm/objects/2026-09/companies/batch/read', {
      inputs: [{ id: account.id }],
      properties: ['name', 'domain', 'industry', 'numberofemployees', 'annualrevenue', 'country', 'state'],
    });
    expect(call.status).toBe(200);
    expect(call.body['status']).toBe('COMPLETE');
    const result = (call.body['results'] as { id: string; properties: Record<string, string | null> }[])[0]!;
    expect(result.id).toBe(account.id);
    expect(result.properties).toMatchObject({
      name: account.name,
      numberofemployees: account.employees === null ? null : String(account.employees),
      annualrevenue: account.annualRevenue === null ? null : String(account.annualRevenue),
      country: account.country,
      state: account.state,
    });
    expect(result.properties['industry']).toMatch(/^[A-Z_]+$/);
    expect(result.properties['domain']).toMatch(/^[a-z0-9]+\.com$/);

    const partial = await api(server, 'POST', '/crm/objects/2026-09/companies/batch/read', {
      inputs: [{ id: account.id }, { id: '999' }],
      properties: ['name'],
    });
    expect(partial.status).toBe(207);
    expect(partial.body['numErrors']).toBe(1);
    expect(partial.body['errors']).toEqual([expect.objectContaining({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } })]);
    expect(partial.body['results']).toHaveLength(1);

    const tooMany = await api(server, 'POST', '/crm/objects/2026-09/companies/batch/read', {
      inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })),
    });
    expect(tooMany.status).toBe(400);
  });

  it('reads contacts with their job titles', async () => {
    const contact = server.org.contacts[0]!;
    const call = await api(server, 'POST', '/crm/objects/2026-09/contacts/batch/read', {
      inputs: [{ id: contact.id }],
      properties: ['jobtitle', 'firstname', 'lastname', 'email'],
    });
    const result = (call.body['results'] as { properties: Record<string, string> }[])[0]!;
    expect(result.properties).toMatchObject({ jobtitle: contact.title, firstname: contact.firstName, lastname: contact.lastName, email: contact.email });
    // Only the requested properties, and the three always sent.
    expect(Object.keys(result.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'jobtitle', 'lastmodifieddate', 'lastname']);
  });

  it('reads deals in a batch', async () => {
    const ids = deals()
      .slice(0, 3)
      .map((o) => o.id);
    const call = await api(server, 'POST', '/crm/objects/2026-09/deals/batch/read', { inputs: ids.map((id) => ({ id })), properties: ['dealname'] });
    expect((call.body['results'] as { id: string }[]).map((r) => r.id)).toEqual(ids);
  });
});

describe('associations', () => {
  it('links deals to their company (Primary and unlabeled) and contacts', async () => {
    const withAccount = deals().find((o) => o.account !== null)!;
    const role = server.org.contactRoles.find((r) => r.opportunityId === withAccount.id)!;
    const companies = await api(server, 'POST', '/crm/associations/2026-09/deals/companies/batch/read', { inputs: [{ id: withAccount.id }] });
    expect(companies.status).toBe(200);
    expect(companies.body['results']).toEqual([
      {
        from: { id: withAccount.id },
        to: [
          {
            toObjectId: withAccount.account!.id,
            associationTypes: [
              { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
              { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
            ],
          },
        ],
      },
    ]);
    const contacts = await api(server, 'POST', '/crm/associations/2026-09/deals/contacts/batch/read', { inputs: [{ id: withAccount.id }] });
    expect(contacts.body['results']).toEqual([
      {
        from: { id: withAccount.id },
        to: [{ toObjectId: role.contactId, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] }],
      },
    ]);
  });

  it('answers 207 with an error per deal without associations or unknown', async () => {
    const noAccount = server.hostile.noAccount[0]!;
    const other = deals().find((o) => o.account !== null)!;
    const call = await api(server, 'POST', '/crm/associations/2026-09/deals/companies/batch/read', {
      inputs: [{ id: other.id }, { id: noAccount }, { id: '42' }],
    });
    expect(call.status).toBe(207);
    expect(call.body['numErrors']).toBe(2);
    expect(call.body['results']).toHaveLength(1);
    const errors = call.body['errors'] as { subCategory: string; context: { fromObjectId: string[] } }[];
    expect(errors.map((e) => e.context.fromObjectId[0])).toEqual([noAccount, '42']);
    expect(errors.every((e) => e.subCategory === 'crm.associations.NO_ASSOCIATIONS_FOUND')).toBe(true);
  });
});

describe('owners', () => {
  it('pages with after and gives each owner their teams', async () => {
    const first = await api(server, 'GET', '/crm/owners/2026-09?limit=5');
    expect(first.status).toBe(200);
    expect((first.body['results'] as unknown[]).length).toBe(5);
    const next = (first.body['paging'] as { next: { after: string; link: string } }).next;
    expect(next.after).toBe('5');
    expect(next.link).toContain('/crm/owners/2026-09?limit=5&after=5');
    const all: { id: string; email: string; userId: number; teams: { id: string; name: string; primary: boolean }[] }[] = [];
    let after: string | undefined;
    do {
      const page = await api(server, 'GET', `/crm/owners/2026-09?limit=5${after === undefined ? '' : `&after=${after}`}`);
      all.push(...(page.body['results'] as typeof all));
      after = (page.body['paging'] as { next?: { after: string } } | undefined)?.next?.after;
    } while (after !== undefined);
    expect(all.map((o) => o.id)).toEqual(server.org.users.map((u) => u.id));
    const rep = server.org.users.find((u) => u.role === 'rep' && u.territory !== null)!;
    const owner = all.find((o) => o.id === rep.id)!;
    expect(owner.email).toBe(rep.email);
    expect(owner.teams).toEqual([{ id: expect.stringMatching(/^\d+$/), name: rep.territory, primary: true }]);
    expect(typeof owner.userId).toBe('number');
    // Same territory, same team.
    const peer = server.org.users.find((u) => u.id !== rep.id && u.territory === rep.territory)!;
    expect(all.find((o) => o.id === peer.id)!.teams[0]!.id).toBe(owner.teams[0]!.id);
    const byEmail = await api(server, 'GET', `/crm/owners/2026-09?email=${encodeURIComponent(rep.email)}`);
    expect((byEmail.body['results'] as { id: string }[]).map((o) => o.id)).toEqual([rep.id]);
    expect((await api(server, 'GET', `/crm/owners/2026-09/${rep.id}`)).body['email']).toBe(rep.email);
  });
});

describe('account and token', () => {
  it('gives the portal id from /account-info/2026-09/details and the scopes from the token-info endpoint', async () => {
    const details = await api(server, 'GET', '/account-info/2026-09/details');
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ portalId: server.portalId, companyCurrency: 'USD', dataHostingLocation: 'na1' });
    const info = await api(server, 'POST', '/oauth/v2/private-apps/get/access-token-info', { tokenKey: server.token }, null);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ hubId: server.portalId, scopes: server.scopes });
    const bad = await api(server, 'POST', '/oauth/v2/private-apps/get/access-token-info', { tokenKey: 'pat-na1-nope' }, null);
    expect(bad.status).toBe(401);
  });
});
