import type { HubSpotServer } from '../../sandbox/hubspot';

/** A JSON call to the sandbox HubSpot API with the server's token (or `token`). */
export interface Call {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function api(server: HubSpotServer, method: string, path: string, body?: unknown, token: string | null = server.token): Promise<Call> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const reply = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await reply.text();
  return { status: reply.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: reply.headers };
}

export const searchDeals = (server: HubSpotServer, body: unknown): Promise<Call> => api(server, 'POST', '/crm/objects/2026-09/deals/search', body);

export interface SearchResult {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export const resultsOf = (call: Call): SearchResult[] => call.body['results'] as SearchResult[];

/** Every page of a search, following `paging.next.after`. */
export async function searchAll(server: HubSpotServer, body: Record<string, unknown>): Promise<SearchResult[]> {
  const all: SearchResult[] = [];
  let after: string | undefined;
  for (;;) {
    const call = await searchDeals(server, { ...body, ...(after === undefined ? {} : { after }) });
    if (call.status !== 200) throw new Error(`search failed: ${call.status} ${JSON.stringify(call.body)}`);
    all.push(...resultsOf(call));
    after = (call.body['paging'] as { next?: { after: string } } | undefined)?.next?.after;
    if (after === undefined) return all;
  }
}
