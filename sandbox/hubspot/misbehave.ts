/**
 * An API that misbehaves the ways a client must be bounded against (issue 14, "loops the
 * server controls"), for the tests of lib/crm/hubspot/paging.ts and the client's redirect
 * guard. HubSpot itself is not known to do any of these; a proxy, a bug or a hostile
 * network can, and the client must stop rather than loop or hand its key on:
 *
 * | option              | what the API does                                                    |
 * |---------------------|----------------------------------------------------------------------|
 * | `'repeat-cursor'`   | a page asked for with a cursor answers that same cursor as the next  |
 * |                     | one: lists, search, and each record of an associations batch read   |
 * |                     | (which the sandbox never pages: there a first page names cursor "1") |
 * | `'endless'`         | a search never ends: past its last page it starts over from the      |
 * |                     | first, each page with a new, larger cursor and the true `total`     |
 * | `redirectTo: url`   | every API request answers 302 to `url` (the sandbox never follows it) |
 *
 * Pages (the HubSpot-like app) are not touched.
 */
import type { Reply, Request } from '../kit/http';

export type PagingMisbehaviour = 'repeat-cursor' | 'endless';

export interface Misbehaviour {
  paging: PagingMisbehaviour | null;
  /** Only API paths matching this misbehave in their paging (every one when null). */
  pagingPath: RegExp | null;
  /** Where every API request is redirected, or null. */
  redirectTo: string | null;
}

export const PAGING_MISBEHAVIOURS: readonly PagingMisbehaviour[] = ['repeat-cursor', 'endless'];

/** The 302 every API request gets while `redirectTo` is set. */
export function redirectReply(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Content-Type': 'text/plain' }, body: '' };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const withBody = (reply: Reply, body: unknown): Reply => ({ ...reply, body: JSON.stringify(body) });
const nextOf = (after: string): Json => ({ next: { after } });

/**
 * The reply as the misbehaving API sends it: `answer` asks the real API again (the endless
 * search's first page).
 */
export async function misbehave(mode: PagingMisbehaviour, request: Request, reply: Reply, answer: (request: Request) => Promise<Reply>): Promise<Reply> {
  if (reply.status !== 200) return reply;
  const body = parse(reply.body);
  if (!isObject(body)) return reply;
  const sent = request.method === 'POST' ? parse(await request.text()) : null;
  const search = request.method === 'POST' && /\/search$/.test(request.url.pathname);
  const associations = request.method === 'POST' && /^\/(?:_hublet\/[^/]+\/)?crm\/associations\//.test(request.url.pathname);

  if (mode === 'repeat-cursor') {
    if (associations && isObject(sent) && Array.isArray(sent.inputs) && Array.isArray(body.results)) {
      const asked = new Map<string, string>();
      for (const input of sent.inputs) if (isObject(input) && typeof input.id === 'string' && typeof input.after === 'string') asked.set(input.id, input.after);
      const results = body.results.map((r) => {
        const from = isObject(r) && isObject(r.from) ? String(r.from.id) : null;
        return from === null || !isObject(r) ? r : { ...r, paging: nextOf(asked.get(from) ?? '1') };
      });
      return withBody(reply, { ...body, results });
    }
    const after = search ? (isObject(sent) ? sent.after : undefined) : request.url.searchParams.get('after');
    if (typeof after !== 'string' || after === '') return reply;
    return withBody(reply, { ...body, paging: nextOf(after) });
  }

  // 'endless': searches only.
  if (!search || !isObject(sent) || !Array.isArray(body.results)) return reply;
  const offset = Number(sent.after ?? 0) || 0;
  const limit = typeof sent.limit === 'number' && sent.limit > 0 ? sent.limit : 10;
  let results = body.results;
  if (results.length === 0 && offset > 0) {
    // Past the end: the first page again.
    const { after: _after, ...first } = sent;
    const again = await answer({ ...request, text: async () => JSON.stringify(first) });
    const firstBody = parse(again.body);
    results = isObject(firstBody) && Array.isArray(firstBody.results) ? firstBody.results : [];
  }
  return withBody(reply, { ...body, results, paging: nextOf(String(offset + limit)) });
}
