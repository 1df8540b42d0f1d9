/**
 * The deals search, and how it gets past HubSpot's cap of 10,000 results per query
 * (paging further answers 400). Results are sorted by hs_object_id ascending; when a
 * query's window would pass 10,000 results, a new query starts with `hs_object_id GT` the
 * last id read. Ids are unique and never change, so the windows neither overlap nor leave
 * gaps, whatever happens to the deals meanwhile. Splitting on createdate or
 * hs_lastmodifieddate instead fails twice: many deals share one instant (an import creates
 * thousands in a second, more than 10,000 can share a window edge), and a deal edited
 * during the sync moves to a later lastmodified window, so it is read twice or, moved
 * backwards across windows by nothing, never at all. The last id read is also the resume
 * point of an interrupted sync. Search is limited to 200 results a page.
 * https://developers.hubspot.com/docs/api/crm/search#limitations
 */
import { chunk } from '../shared/chunk';
import type { IsoDate } from '../opportunity';
import { API_PATHS } from './api-paths';
import type { HubSpotClient, HubSpotObject } from './client';
import { HubSpotError, MESSAGES } from './errors';
import { checkPagesLeft, CursorGuard } from './paging';

export const SEARCH_PAGE_SIZE = 200;
export const MAX_SEARCH_RESULTS = 10_000;

export interface DealQuery {
  properties: readonly string[];
  /** Closed deals with a close date on or after this day. */
  closedSince: IsoDate;
  /** Stage ids whose deals count as open: asked for whatever their dates. */
  openStageIds: readonly string[];
  /** Incremental: only deals modified after this instant (ISO). */
  modifiedAfter: string | null;
}

interface Filter {
  propertyName: string;
  operator: 'GT' | 'GTE' | 'IN' | 'EQ';
  value?: string;
  values?: string[];
}

/** HubSpot's search accepts up to 5 filter groups (ORed) of up to 6 filters (ANDed). */
const MAX_GROUPS = 5;
const IN_VALUES = 100;

/** The search body for one page: (recently closed OR in an open stage) AND after the id AND modified after. */
export function dealSearchBody(query: DealQuery, afterId: string | null, after: number): Record<string, unknown> {
  const common: Filter[] = [];
  if (afterId !== null) common.push({ propertyName: 'hs_object_id', operator: 'GT', value: afterId });
  if (query.modifiedAfter !== null) common.push({ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: String(Date.parse(query.modifiedAfter)) });
  const closedSinceMs = String(Date.parse(`${query.closedSince}T00:00:00Z`));
  const groups: Filter[][] = [[{ propertyName: 'closedate', operator: 'GTE', value: closedSinceMs }, ...common]];
  for (const ids of chunk(query.openStageIds, IN_VALUES)) groups.push([{ propertyName: 'dealstage', operator: 'IN', values: ids }, ...common]);
  if (groups.length > MAX_GROUPS)
    throw new RangeError(`The portal has ${query.openStageIds.length} open deal stages; a search can ask for ${(MAX_GROUPS - 1) * IN_VALUES} at most.`);
  return {
    filterGroups: groups.map((filters) => ({ filters })),
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
    properties: query.properties,
    limit: SEARCH_PAGE_SIZE,
    ...(after > 0 ? { after: String(after) } : {}),
  };
}

export interface DealPage {
  deals: HubSpotObject[];
  /** Deals the current window's query matched when it started (HubSpot's `total`). */
  windowTotal: number;
  /** The first page of a window (a new query). */
  windowStart: boolean;
  done: boolean;
}

/** Whether HubSpot id `a` comes after `b` (ids are digit strings of any length). */
function idAfter(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}

/**
 * Pages of deals with id above `afterId`, windows of ≤ 10,000 results chained by id.
 * Bounded whatever the server sends (paging.ts): within a window, a page cursor sent twice
 * or more pages than the window's `total` allows stops it; a new window must start after
 * the last one's first id.
 */
export async function* searchDeals(
  client: HubSpotClient,
  query: DealQuery,
  afterId: string | null,
  signal?: AbortSignal,
): AsyncGenerator<DealPage, void, undefined> {
  const request = `POST ${API_PATHS.search('deals')}`;
  let windowAfterId = afterId;
  let offset = 0;
  let pages = 0;
  let cursors = new CursorGuard(request);
  for (;;) {
    const page = await client.search('deals', dealSearchBody(query, windowAfterId, offset), signal);
    pages++;
    const last = page.results.at(-1)?.id ?? null;
    const next = page.after === null ? null : Number(page.after);
    const more = next !== null && Number.isFinite(next) && page.results.length > 0;
    const windowStart = offset === 0;
    if (more && last !== null && next + SEARCH_PAGE_SIZE > MAX_SEARCH_RESULTS) {
      // The window is full: the next query starts after the last id read, which must be past where this one started.
      if (windowAfterId !== null && !idAfter(last, windowAfterId))
        throw new HubSpotError('paging', MESSAGES.repeatedCursor(request, `hs_object_id ${last}`), { request });
      windowAfterId = last;
      offset = 0;
      pages = 0;
      cursors = new CursorGuard(request);
    } else if (more) {
      cursors.next(String(next));
      if (page.totalReported) checkPagesLeft(request, pages, page.total, SEARCH_PAGE_SIZE);
      offset = next;
    }
    yield { deals: page.results, windowTotal: page.total, windowStart, done: !more };
    if (!more) return;
  }
}
