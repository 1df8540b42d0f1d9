import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { api, searchAll } from './hubspot-helpers';

/**
 * Changes for incremental-sync tests: touched, added and archived deals, seen the way a
 * client's incremental sync sees them (search on hs_lastmodifieddate after a checkpoint),
 * from the server object and over the control endpoints.
 */

let server: HubSpotServer;

beforeAll(async () => {
  server = await startHubSpotServer({ seed: 5, opportunities: 200, renderDelayMs: 0, searchPerSecond: Infinity, perTenSeconds: Infinity });
});
afterAll(async () => {
  await server.close();
});

const modifiedAfter = (checkpoint: string) =>
  searchAll(server, {
    limit: 200,
    properties: ['dealname', 'dealstage', 'amount', 'hs_is_closed', 'hs_is_closed_won'],
    filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: String(Date.parse(checkpoint)) }] }],
    sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
  });

const latestModified = (): string =>
  server.org.opportunities
    .map((o) => server.dealProperties(o.id)['hs_lastmodifieddate']!)
    .sort()
    .at(-1)!;

describe('touch', () => {
  it('moves hs_lastmodifieddate past every earlier one, so the next incremental search sees exactly the touched deals', async () => {
    const checkpoint = latestModified();
    expect(await modifiedAfter(checkpoint)).toEqual([]);
    const ids = server.org.opportunities
      .filter((o) => !o.isClosed)
      .slice(0, 3)
      .map((o) => o.id);
    const at = server.touch(ids);
    expect(at > checkpoint).toBe(true);
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    const seen = await modifiedAfter(checkpoint);
    expect(seen.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(seen.every((r) => r.updatedAt === at)).toBe(true);
  });

  it('changes the stage as HubSpot does: closed flags, stage history and hs_v2 dates', async () => {
    const o = server.org.opportunities.find((x) => !x.isClosed && x.type !== 'renewal')!;
    const before = server.dealProperties(o.id);
    const oldStage = before['dealstage']!;
    const at = server.touch([o.id], { dealstage: 'closedwon', amount: 12500.5 });
    const after = server.dealProperties(o.id);
    expect(after).toMatchObject({
      dealstage: 'closedwon',
      hs_is_closed: 'true',
      hs_is_closed_won: 'true',
      amount: '12500.5',
      hs_lastmodifieddate: at,
      hs_forecast_category: 'CLOSED',
    });
    expect(after['hs_v2_date_entered_closedwon']).toBe(at);
    expect(after[`hs_v2_date_exited_${oldStage}`]).toBe(at);
    expect(after['closedate']!.slice(0, 10)).toBe(at.slice(0, 10));
    expect(o.stageHistory.at(-1)).toEqual({ stage: 'Closed Won', enteredAt: at.slice(0, 10) });
    const call = await api(server, 'POST', '/crm/objects/2026-09/deals/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_v2_date_entered_closedwon', operator: 'GTE', value: at }] }],
    });
    expect((call.body['results'] as { id: string }[]).map((r) => r.id)).toEqual([o.id]);
  });

  it('validates every change before applying any', () => {
    const [a, b] = server.org.opportunities.filter((o) => !o.isClosed);
    const before = server.dealProperties(a!.id);
    expect(() => server.touch([a!.id, 'nope'])).toThrow('touch: no live deal with id "nope"');
    expect(() => server.touch([a!.id], { dealstage: 'not-a-stage' })).toThrow(/is not a stage of deal/);
    expect(() => server.touch([a!.id], { probability: 1 } as never)).toThrow(/property "probability" cannot be changed/);
    expect(() => server.touch([a!.id, b!.id], { closedate: 'soon' })).toThrow(/closedate must be/);
    expect(() => server.touch([a!.id], { hubspot_owner_id: '1' })).toThrow(/not an owner/);
    expect(server.dealProperties(a!.id)).toEqual(before);
  });

  it('clears the amount with null or an empty string', () => {
    const o = server.org.opportunities.find((x) => !x.isClosed && x.amount !== null)!;
    server.touch([o.id], { amount: '' });
    expect(server.dealProperties(o.id)['amount']).toBeNull();
    expect(o.amount).toBeNull();
    server.touch([o.id], { amount: '900' });
    expect(server.dealProperties(o.id)['amount']).toBe('900');
  });
});

describe('added and archived deals', () => {
  it('adds open deals with new, higher ids on existing companies, visible to an incremental search', async () => {
    const checkpoint = latestModified();
    const maxId = Math.max(...server.org.opportunities.map((o) => Number(o.id)));
    const added = server.addDeals(3);
    expect(added).toHaveLength(3);
    for (const o of added) {
      expect(Number(o.id)).toBeGreaterThan(maxId);
      expect(o.isClosed).toBe(false);
      expect(server.org.accounts.some((a) => a.id === o.account?.id)).toBe(true);
      expect(server.org.truth.winProbability[o.id]).toBeGreaterThan(0);
    }
    const seen = await modifiedAfter(checkpoint);
    expect(seen.map((r) => r.id)).toEqual(added.map((o) => o.id));
    const assoc = await api(server, 'POST', '/crm/associations/2026-09/deals/companies/batch/read', { inputs: added.map((o) => ({ id: o.id })) });
    expect(assoc.status).toBe(200);
    expect(() => server.addDeals(0)).toThrow('addDeals: count must be a whole number from 1 to 100000, got 0');
  });

  it('archives deals: gone from search, reads and org; readable with archived=true', async () => {
    const [gone] = server.org.opportunities.filter((o) => o.isClosed);
    const total = server.org.opportunities.length;
    const at = server.archive([gone!.id]);
    expect(server.org.opportunities).toHaveLength(total - 1);
    expect((await api(server, 'GET', `/crm/objects/2026-09/deals/${gone!.id}`)).status).toBe(404);
    const archived = await api(server, 'GET', `/crm/objects/2026-09/deals/${gone!.id}?archived=true`);
    expect(archived.body).toMatchObject({ id: gone!.id, archived: true, archivedAt: at });
    const all = await searchAll(server, { limit: 200 });
    expect(all.map((r) => r.id)).not.toContain(gone!.id);
    expect(all).toHaveLength(total - 1);
    const batch = await api(server, 'POST', '/crm/objects/2026-09/deals/batch/read', { inputs: [{ id: gone!.id }] });
    expect(batch.status).toBe(207);
    expect(() => server.archive([gone!.id])).toThrow(`archive: no live deal with id "${gone!.id}"`);
  });
});

describe('control endpoints', () => {
  const control = async (path: string, body: unknown) => {
    const reply = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
  };

  it('touch, add, archive, scopes and usage over HTTP', async () => {
    const id = server.org.opportunities.find((o) => !o.isClosed)!.id;
    const touched = await control('/__sandbox/touch', { ids: [id], changes: { dealname: 'Renamed deal' } });
    expect(touched.status).toBe(200);
    expect(server.dealProperties(id)).toMatchObject({ dealname: 'Renamed deal', hs_lastmodifieddate: touched.body['hs_lastmodifieddate'] });
    const added = await control('/__sandbox/deals', { count: 2 });
    expect(added.status).toBe(201);
    expect((added.body['ids'] as string[]).every((x) => server.org.opportunities.some((o) => o.id === x))).toBe(true);
    const archived = await control('/__sandbox/archive', { ids: [(added.body['ids'] as string[])[0]] });
    expect(archived.status).toBe(200);
    const scopes = await control('/__sandbox/scopes', { revoke: ['crm.objects.owners.read'] });
    expect(scopes.body['scopes']).not.toContain('crm.objects.owners.read');
    expect((await api(server, 'GET', '/crm/owners/2026-09')).status).toBe(403);
    await control('/__sandbox/scopes', { grant: ['crm.objects.owners.read'] });
    expect((await api(server, 'GET', '/crm/owners/2026-09')).status).toBe(200);
    expect((await control('/__sandbox/api-usage', { daily: 10 })).body).toEqual({ daily: 10, max: 625_000 });
    const bad = await control('/__sandbox/touch', { ids: ['nope'] });
    expect(bad).toEqual({ status: 400, body: { error: 'touch: no live deal with id "nope"' } });
  });
});
