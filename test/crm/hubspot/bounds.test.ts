/**
 * The HubSpot client bounded where the server decides (issue 14, "loops the server
 * controls"), against the sandbox HubSpot misbehaving on purpose (sandbox/hubspot/misbehave.ts):
 * a next-page cursor sent twice (search, lists, associations) and a search paging past its
 * `total` stop with a one-line error naming the endpoint; a new search window must start
 * after the last; no wait is longer than 60 s (Retry-After or the rate-limit window); a
 * redirect is never followed with the key, in-process and over HTTP with Node's own fetch
 * (which would follow it), and fails naming the host.
 *
 * Every client here counts its requests and refuses a 41st: a guard that is missing fails
 * the test instead of hanging it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../../lib/crm/hubspot/api-paths';
import { HubSpotClient } from '../../../lib/crm/hubspot/client';
import { HubSpotError, MESSAGES } from '../../../lib/crm/hubspot/errors';
import { searchDeals } from '../../../lib/crm/hubspot/search';
import { syncHubSpot, type SyncPage } from '../../../lib/crm/hubspot/sync';
import type { FetchLike } from '../../../lib/crm/shared/fetch';
import { createHubSpotSandbox, ManualClock, startHubSpotServer, type HubSpotServer, type HubSpotServerOptions } from '../../../sandbox/hubspot';

const SEARCH = `POST ${API_PATHS.search('deals')}`;
const MAX_REQUESTS = 40;

async function failure(promise: Promise<unknown>): Promise<HubSpotError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubSpotError) return error;
    throw error;
  }
  throw new Error('expected a HubSpotError');
}

/** A fetch that refuses the request after `MAX_REQUESTS`: a loop the client does not stop fails here. */
function counted(fetch: FetchLike): FetchLike {
  let n = 0;
  return (url, init) => {
    if (++n > MAX_REQUESTS) throw new Error(`runaway: more than ${MAX_REQUESTS} requests, the last to ${url}`);
    return fetch(url, init);
  };
}

function setup(server: HubSpotServerOptions = {}) {
  const clock = new ManualClock(Date.parse('2026-12-01T12:00:00Z'));
  const portal = createHubSpotSandbox({ opportunities: 300, seed: 13, portalId: 4215837, now: clock.now, ...server });
  const client = new HubSpotClient({ token: portal.token, fetch: counted(portal.fetch), now: clock.now, sleep: clock.sleep, random: () => 0 });
  return { clock, portal, client };
}

const searches = (portal: ReturnType<typeof setup>['portal']) => portal.requests.filter((r) => r.path === API_PATHS.search('deals'));

describe('paging the server controls', () => {
  it('stops a sync whose search sends a page cursor twice, naming the endpoint and the cursor, after handing on the pages before it', async () => {
    const { portal, client } = setup({ paging: 'repeat-cursor', pagingPath: /\/deals\/search$/ });
    const pages: SyncPage[] = [];
    const error = await failure(syncHubSpot({ client, checkpoint: null, cursor: null, onPage: (page) => void pages.push(page) }));
    expect(error.state).toBe('paging');
    expect(error.message).toBe(MESSAGES.repeatedCursor(SEARCH, '200'));
    expect(error.message).not.toContain('\n');
    expect(searches(portal).map((r) => (r.body as { after?: string }).after)).toEqual([undefined, '200']);
    // The first page was handed on (stored, with its resume point) before the second was refused.
    expect(pages).toHaveLength(1);
    expect(pages[0]!.opportunities.length).toBeGreaterThan(0);
    expect(pages[0]!.cursor).not.toBeNull();
  });

  it('stops a search that keeps paging past the total it reported, one page after the total allows', async () => {
    const { portal, client } = setup({ paging: 'endless' });
    const total = (await client.search('deals', { filterGroups: [], limit: 1 })).total;
    const error = await failure(syncHubSpot({ client, checkpoint: null, cursor: null }));
    expect(error.state).toBe('paging');
    expect(error.message).toMatch(
      /^HubSpot kept sending pages for POST \/crm\/objects\/2026-09\/deals\/search past the [\d,]+ results it reported \(\d+ pages read\)/,
    );
    // The sync's query matches at most every deal: it stops within the pages every deal would fill, and one more.
    expect(total).toBe(300);
    expect(searches(portal).length - 1).toBeLessThanOrEqual(Math.ceil(total / 200) + 1);
  });

  it('stops a list (owners, archived deals) at a cursor it was sent before', async () => {
    const { portal, client } = setup({ paging: 'repeat-cursor' });
    const path = API_PATHS.objects('deals');
    const error = await failure(client.listAll(path, { limit: '10' }));
    expect(error.state).toBe('paging');
    const second = portal.requests[1]!.query.get('after') as string;
    expect(error.message).toBe(MESSAGES.repeatedCursor(`GET ${path}`, second));
    expect(portal.requests.map((r) => r.path)).toEqual([path, path]);
  });

  it("stops an associations read at a cursor a record was sent before, and reads a record's further pages otherwise", async () => {
    const { portal, client } = setup({ paging: 'repeat-cursor' });
    const ids = portal.org.opportunities.slice(0, 3).map((o) => o.id);
    const error = await failure(client.associations('deals', 'companies', ids));
    expect(error.state).toBe('paging');
    expect(error.message).toBe(MESSAGES.repeatedCursor(`POST ${API_PATHS.associationsBatchRead('deals', 'companies')}`, '1'));
    const bodies = portal.requests.map((r) => r.body as { inputs: Array<{ id: string; after?: string }> });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!.inputs.every((input) => input.after === '1')).toBe(true);
  });

  it('stops a search whose next 10,000-result window would not start after the last one', async () => {
    const { portal, client } = setup();
    // Every page says the window is full and ends on deal 5: the next window (after 5) would end on 5 again.
    portal.faults.rewrite(
      (body) => {
        const o = body as { results: Array<{ id: string }> };
        return { ...o, results: o.results.map((r, i) => (i === o.results.length - 1 ? { ...r, id: '5' } : r)), paging: { next: { after: '9900' } } };
      },
      { path: /\/deals\/search$/, times: Infinity },
    );
    const query = { properties: ['dealname'], closedSince: '2000-01-01', openStageIds: [], modifiedAfter: null };
    const read: number[] = [];
    const error = await failure(
      (async () => {
        for await (const page of searchDeals(client, query, null)) read.push(page.deals.length);
      })(),
    );
    expect(error.state).toBe('paging');
    expect(error.message).toBe(MESSAGES.repeatedCursor(SEARCH, 'hs_object_id 5'));
    expect(read).toHaveLength(1);
    expect(searches(portal)).toHaveLength(2);
  });
});

describe('waits the server asks for', () => {
  it('fails a call whose Retry-After is over 60 s at once, saying how long and the cap', async () => {
    const { clock, portal, client } = setup();
    portal.faults.rateLimit({ retryAfter: 3600, path: /^\/crm\/pipelines\/2026-09\/deals$/ });
    const error = await failure(client.get(API_PATHS.pipelines('deals')));
    expect([error.state, error.status]).toEqual(['rate-limited', 429]);
    expect(error.message).toBe(MESSAGES.waitTooLong(`GET ${API_PATHS.pipelines('deals')}`, 3_600_000, 60_000));
    expect(error.message).toContain('wait 3,600 s');
    expect(error.message).toContain('at most 60 s');
    expect(clock.sleeps).toEqual([]);
    expect(portal.requests).toHaveLength(1);
  });

  it('fails the next call when a reply says its rate-limit window is over 60 s, instead of waiting it out', async () => {
    const { clock, portal, client } = setup();
    const spent = { 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '0', 'X-HubSpot-RateLimit-Interval-Milliseconds': '86400000' };
    portal.faults.reply({ status: 200, body: { results: [] }, headers: spent, path: /^\/crm\/owners\/2026-09/ });
    await client.get(API_PATHS.owners);
    const error = await failure(client.get(API_PATHS.pipelines('deals')));
    expect(error.state).toBe('rate-limited');
    expect(error.message).toBe(MESSAGES.waitTooLong(`GET ${API_PATHS.pipelines('deals')}`, 86_400_000, 60_000));
    expect(clock.sleeps).toEqual([]);
    expect(portal.requests).toHaveLength(1);
  });

  it('still waits a window or Retry-After of 60 s or less', async () => {
    const { clock, portal, client } = setup();
    portal.faults.rateLimit({ retryAfter: 60, path: /^\/crm\/pipelines\/2026-09\/deals$/ });
    await client.get(API_PATHS.pipelines('deals'));
    expect(clock.sleeps).toEqual([60_000]);
  });
});

describe('redirects', () => {
  it('fails a call that answers a redirect, naming the API host and where it pointed, without asking again', async () => {
    const { portal, client } = setup({ redirectTo: 'https://catcher.example/collect' });
    const error = await failure(client.get(API_PATHS.accountDetails));
    expect([error.state, error.status]).toEqual(['redirect', 302]);
    expect(error.message).toBe(MESSAGES.redirect('api.hubapi.com', `GET ${API_PATHS.accountDetails}`, 'catcher.example'));
    expect(portal.requests).toHaveLength(1);
    portal.setRedirect(null);
    await expect(client.get(API_PATHS.accountDetails)).resolves.toMatchObject({ portalId: 4215837 });
  });

  it("fails on a browser's opaque redirect (status 0), naming the host", async () => {
    const seen: RequestInit[] = [];
    const opaque: FetchLike = async (_url, init) => {
      seen.push(init);
      return { status: 0, type: 'opaqueredirect', headers: new Headers(), text: async () => '' } as unknown as Response;
    };
    const client = new HubSpotClient({ token: 'pat-na1-x', fetch: opaque, sleep: async () => undefined });
    const error = await failure(client.get(API_PATHS.owners));
    expect([error.state, error.status]).toEqual(['redirect', null]);
    expect(error.message).toBe(MESSAGES.redirect('api.hubapi.com', `GET ${API_PATHS.owners}`, null));
    expect(seen.map((init) => init.redirect)).toEqual(['manual']);
  });

  describe('over HTTP, with Node’s fetch (which follows redirects unless told not to)', () => {
    let server: HubSpotServer;
    let catcher: Server;
    let catcherUrl: string;
    const caught: Array<{ url: string | undefined; authorization: string | undefined }> = [];

    beforeAll(async () => {
      server = await startHubSpotServer({ opportunities: 20, seed: 13 });
      catcher = createServer((req, res) => {
        caught.push({ url: req.url, authorization: req.headers.authorization });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"portalId":1}');
      });
      await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
      catcherUrl = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await server?.close();
      await new Promise<void>((resolve) => (catcher ? catcher.close(() => resolve()) : resolve()));
    });

    it('sends nothing to where the redirect points, and names the host that answered it', async () => {
      server.setRedirect(`${catcherUrl}/collect`);
      const client = new HubSpotClient({ token: server.token, apiBase: server.url, fetch: (url, init) => fetch(url, init), sleep: async () => undefined });
      const error = await failure(client.get(API_PATHS.accountDetails));
      expect(error.state).toBe('redirect');
      expect(error.message).toBe(MESSAGES.redirect(new URL(server.url).host, `GET ${API_PATHS.accountDetails}`, new URL(catcherUrl).host));
      expect(caught).toEqual([]);
      server.setRedirect(null);
    });
  });
});
