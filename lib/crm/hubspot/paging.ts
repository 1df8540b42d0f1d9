/**
 * Bounds on paging the server controls (issue 14): a list ends only when HubSpot stops
 * sending `paging.next.after`, so a server that sends a cursor it already sent, or keeps
 * sending pages past the `total` it reported, would keep a sync reading forever. Each guard
 * stops it with a one-line error naming the endpoint ('paging').
 * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/deals/search-deals
 * (`paging.next.after`; the search's `total`)
 */
import { HubSpotError, MESSAGES } from './errors';

/** The cursors one list was sent: a cursor sent twice would read the same pages again, and again. */
export class CursorGuard {
  private readonly seen = new Set<string>();

  /** `request`: the endpoint, as errors name it (`GET /crm/owners/2026-09`). */
  constructor(private readonly request: string) {}

  /** The next page's cursor: throws when this list was sent it before. */
  next(after: string): void {
    if (this.seen.has(after)) throw new HubSpotError('paging', MESSAGES.repeatedCursor(this.request, after), { request: this.request });
    this.seen.add(after);
  }
}

/**
 * The most pages one query may take: its reported `total` in pages of `pageSize`, and one
 * more (a server may send a last page with nothing in it).
 */
export function pagesAllowed(total: number, pageSize: number): number {
  return Math.ceil(Math.max(0, total) / pageSize) + 1;
}

/** Throws when a query that read `pages` pages would read another past what its `total` allows. */
export function checkPagesLeft(request: string, pages: number, total: number, pageSize: number): void {
  if (pages >= pagesAllowed(total, pageSize)) throw new HubSpotError('paging', MESSAGES.pastTotal(request, total, pages), { request });
}
