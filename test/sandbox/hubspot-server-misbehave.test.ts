/**
 * The sandbox HubSpot's misbehaving API (sandbox/hubspot/misbehave.ts), as the client's
 * bounds tests (test/crm/hubspot/bounds.test.ts) rely on it: a repeated cursor, a search
 * that never ends, a redirect; options checked up front; behaving again when told.
 */
import { describe, expect, it } from 'vitest';
import { createHubSpotSandbox } from '../../sandbox/hubspot';

const get = async (sandbox: ReturnType<typeof createHubSpotSandbox>, path: string) => {
  const reply = await sandbox.fetch(path, { headers: { Authorization: `Bearer ${sandbox.token}` } });
  return {
    status: reply.status,
    location: reply.headers.get('Location'),
    body: reply.status === 200 ? ((await reply.json()) as Record<string, unknown>) : null,
  };
};
const search = async (sandbox: ReturnType<typeof createHubSpotSandbox>, after?: string) => {
  const reply = await sandbox.fetch('/crm/objects/2026-09/deals/search', {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filterGroups: [], limit: 100, ...(after === undefined ? {} : { after }) }),
  });
  return (await reply.json()) as { total: number; results: Array<{ id: string }>; paging?: { next: { after: string } } };
};

describe('the misbehaving sandbox HubSpot', () => {
  it("answers a page asked for with a cursor with that cursor again ('repeat-cursor'), on the paths asked only", async () => {
    const sandbox = createHubSpotSandbox({ opportunities: 50, seed: 3, paging: 'repeat-cursor', pagingPath: /\/deals$/ });
    const first = await get(sandbox, '/crm/objects/2026-09/deals?limit=10');
    const after = (first.body?.paging as { next: { after: string } }).next.after;
    const second = await get(sandbox, `/crm/objects/2026-09/deals?limit=10&after=${after}`);
    expect((second.body?.paging as { next: { after: string } }).next.after).toBe(after);
    // Owners are not on the path asked: they page as HubSpot does.
    const owners = await get(sandbox, '/crm/owners/2026-09?limit=1&after=1');
    expect((owners.body?.paging as { next: { after: string } }).next.after).toBe('2');
    sandbox.setPaging(null);
    const fixed = await get(sandbox, `/crm/objects/2026-09/deals?limit=10&after=${after}`);
    expect((fixed.body?.paging as { next: { after: string } }).next.after).not.toBe(after);
  });

  it("keeps a search paging past its total ('endless'), starting over from the first page", async () => {
    const sandbox = createHubSpotSandbox({ opportunities: 50, seed: 3 });
    sandbox.setPaging('endless');
    const first = await search(sandbox);
    expect(first.total).toBe(50);
    const past = await search(sandbox, '100');
    expect(past.total).toBe(50);
    expect(past.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    expect(past.paging?.next.after).toBe('200');
  });

  it('redirects every API request while told to, and only the API', async () => {
    const sandbox = createHubSpotSandbox({ opportunities: 50, seed: 3, redirectTo: 'https://catcher.example/x' });
    expect(await get(sandbox, '/account-info/2026-09/details')).toMatchObject({ status: 302, location: 'https://catcher.example/x' });
    expect((await sandbox.fetch(`/contacts/${sandbox.portalId}/objects/0-3/views/all/board`)).status).toBe(200);
    sandbox.setRedirect(null);
    expect(await get(sandbox, '/account-info/2026-09/details')).toMatchObject({ status: 200 });
  });

  it('lists the API calls it answered, with their hublet prefix and without their query, and not its pages', async () => {
    const sandbox = createHubSpotSandbox({ opportunities: 5, seed: 3, hublet: 'eu1' });
    await get(sandbox, '/account-info/2026-09/details');
    await get(sandbox, '/_hublet/eu1/crm/owners/2026-09?limit=5');
    await sandbox.fetch(`/contacts/${sandbox.portalId}/objects/0-3/views/all/board`);
    expect(sandbox.apiCalls).toEqual([
      { method: 'GET', path: '/account-info/2026-09/details' },
      { method: 'GET', path: '/_hublet/eu1/crm/owners/2026-09' },
    ]);
  });

  it('refuses what it cannot do, naming the option', () => {
    expect(() => createHubSpotSandbox({ paging: 'sideways' as never })).toThrow(/startHubSpotServer: paging must be one of repeat-cursor, endless or null/);
    expect(() => createHubSpotSandbox({ redirectTo: 'javascript:alert(1)' })).toThrow(/startHubSpotServer: redirectTo must be an http\(s\) URL/);
    const sandbox = createHubSpotSandbox({ opportunities: 5 });
    expect(() => sandbox.setRedirect('not a url')).toThrow(/setRedirect: redirectTo must be an http\(s\) URL/);
    expect(() => sandbox.setPaging('loop' as never)).toThrow(/setPaging: paging must be one of/);
  });
});
