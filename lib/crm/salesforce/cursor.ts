/**
 * The resume point of an interrupted sync, as the opaque string the store keeps in
 * SyncStateRecord.cursor. Pages are ordered by (SystemModstamp, Id), so the last record of
 * the last completed page is a key to restart from with a fresh query: query locators
 * (`nextRecordsUrl`) expire after 15 minutes and are limited per user, so they are kept
 * only for servers that do not order the pages.
 */
import type { IsoDate } from '../opportunity';
import { readSavedJson } from '../shared/saved';

export interface SyncCursor {
  v: 1;
  mode: 'full' | 'incremental';
  /** The closed-deal window of the interrupted run, kept so the resumed run asks the same question. */
  closedSince: IsoDate;
  /** The custom fields of the interrupted run: another choice means the earlier pages lack them. */
  customFields: string[];
  /** The last record of the last completed page. */
  after: { modstamp: string; id: string } | null;
  /** The next page's path, when the pages were not in key order. */
  locator: string | null;
  /** Records completed before the interruption, and the query's size then. */
  done: number;
  total: number | null;
  /** The largest SystemModstamp among completed records: the next checkpoint. */
  maxModstamp: string | null;
}

export function encodeCursor(cursor: SyncCursor): string {
  return JSON.stringify(cursor);
}

/** The cursor, or null with the reason when the text is not one this version wrote. */
export function decodeCursor(text: string): { cursor: SyncCursor } | { reason: string } {
  const read = readSavedJson(text);
  if ('reason' in read) return read;
  const c = read.value as Partial<SyncCursor>;
  const okAfter = c.after === null || (typeof c.after === 'object' && typeof c.after?.modstamp === 'string' && typeof c.after.id === 'string');
  if (
    c.v !== 1 ||
    (c.mode !== 'full' && c.mode !== 'incremental') ||
    typeof c.closedSince !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(c.closedSince) ||
    !Array.isArray(c.customFields) ||
    !c.customFields.every((f) => typeof f === 'string') ||
    !okAfter ||
    (c.locator !== null && typeof c.locator !== 'string') ||
    typeof c.done !== 'number' ||
    (c.total !== null && typeof c.total !== 'number') ||
    (c.maxModstamp !== null && typeof c.maxModstamp !== 'string')
  ) {
    return { reason: 'the saved resume point was written by another version of Dealsight' };
  }
  return { cursor: c as SyncCursor };
}

/** (modstamp, id) order: the order of the pages. */
export function compareKeys(a: { modstamp: string; id: string }, b: { modstamp: string; id: string }): number {
  return a.modstamp < b.modstamp ? -1 : a.modstamp > b.modstamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
