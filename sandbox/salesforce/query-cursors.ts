import type { IdSequence } from './id-sequence';
import type { JsonObject } from './soql/execute';

/**
 * Query locators: the rest of a result that did not fit in one batch, kept as a snapshot
 * taken when the query ran (as Salesforce does), and handed out in batches through
 * `nextRecordsUrl` (`/services/data/vXX.X/query/01g…-2000`: the locator, then the offset).
 * Like Salesforce's, a locator is dropped once read to the end, when it expires, or when
 * too many are open; reading a dropped one is INVALID_QUERY_LOCATOR.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall_more_results.htm
 */

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: JsonObject[];
}

interface Cursor {
  records: JsonObject[];
  batchSize: number;
  /** The server's batch size for the object (its `batchSizes` option): the header cannot change it. */
  fixed: boolean;
  expiresAt: number;
}

export const DEFAULT_BATCH_SIZE = 2000;
export const MIN_BATCH_SIZE = 200;
export const MAX_BATCH_SIZE = 2000;
const MAX_OPEN = 50;
const TTL_MS = 15 * 60_000;

/**
 * The batch size a `Sforce-Query-Options: batchSize=N` header asks for, clamped to
 * Salesforce's documented 200..2000; the default without one.
 */
export function batchSizeFrom(header: string | undefined): number {
  const match = header === undefined ? null : /(?:^|[;,\s])batchSize\s*=\s*(\d+)/i.exec(header);
  if (match === null) return DEFAULT_BATCH_SIZE;
  return Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Number(match[1])));
}

export class QueryCursors {
  private readonly open = new Map<string, Cursor>();

  constructor(private readonly locators: IdSequence) {}

  /**
   * The first batch of a result; keeps the rest under a new locator when there is more.
   * A `fixed` batch size holds for every page, whatever later requests ask.
   */
  first(records: JsonObject[], batchSize: number, version: string, fixed = false): QueryPage {
    if (records.length <= batchSize) return { totalSize: records.length, done: true, records };
    this.expire();
    const locator = this.locators.next();
    this.open.set(locator, { records, batchSize, fixed, expiresAt: Date.now() + TTL_MS });
    while (this.open.size > MAX_OPEN) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) break;
      this.open.delete(oldest);
    }
    return this.page(locator, records, 0, batchSize, version);
  }

  /** The batch at `offset` of an open locator, or null when the locator is unknown or gone. */
  more(locator: string, offset: number, batchSize: number | null, version: string): QueryPage | null {
    this.expire();
    const cursor = this.open.get(locator);
    if (cursor === undefined || offset < 0 || offset > cursor.records.length) return null;
    cursor.expiresAt = Date.now() + TTL_MS;
    return this.page(locator, cursor.records, offset, cursor.fixed ? cursor.batchSize : (batchSize ?? cursor.batchSize), version);
  }

  /** Forgets every open locator, as when they expire: reading one is then INVALID_QUERY_LOCATOR. */
  expireAll(): void {
    this.open.clear();
  }

  private page(locator: string, records: JsonObject[], offset: number, batchSize: number, version: string): QueryPage {
    const end = offset + batchSize;
    const batch = records.slice(offset, end);
    if (end >= records.length) {
      this.open.delete(locator);
      return { totalSize: records.length, done: true, records: batch };
    }
    return { totalSize: records.length, done: false, nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}`, records: batch };
  }

  private expire(): void {
    const now = Date.now();
    for (const [locator, cursor] of this.open) if (cursor.expiresAt < now) this.open.delete(locator);
  }
}
