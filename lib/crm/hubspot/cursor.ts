/**
 * The resume point of an interrupted HubSpot sync, as the opaque string the store keeps in
 * SyncStateRecord.cursor. Deals come in hs_object_id order, so the last id of the last
 * completed page is a key to continue from with a fresh query (search `after` offsets
 * belong to one query and its 10,000-result window).
 */
import type { IsoDate } from '../opportunity';
import { readSavedJson } from '../shared/saved';

export interface HubSpotCursor {
  v: 1;
  mode: 'full' | 'incremental';
  closedSince: IsoDate;
  /** Incremental: the instant the run asked for changes after. */
  since: string | null;
  /** The stage ids of the interrupted run: other stages mean other properties and open stages. */
  stageIds: string[];
  /** The last deal id of the last completed page. */
  afterId: string | null;
  done: number;
  total: number | null;
  /** The largest hs_lastmodifieddate among completed deals. */
  maxModified: string | null;
  /** When the interrupted run started: its checkpoint may not pass it. */
  startedAt: string;
}

export function encodeCursor(cursor: HubSpotCursor): string {
  return JSON.stringify(cursor);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const textOrNull = (v: unknown) => v === null || typeof v === 'string';

/** The cursor, or the reason when the text is not one this version wrote. */
export function decodeCursor(text: string): { cursor: HubSpotCursor } | { reason: string } {
  const read = readSavedJson(text);
  if ('reason' in read) return read;
  const c = read.value;
  if (
    c.v !== 1 ||
    (c.mode !== 'full' && c.mode !== 'incremental') ||
    !isText(c.closedSince) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(c.closedSince) ||
    !textOrNull(c.since) ||
    !Array.isArray(c.stageIds) ||
    !c.stageIds.every(isText) ||
    !(c.afterId === null || (isText(c.afterId) && /^\d+$/.test(c.afterId))) ||
    typeof c.done !== 'number' ||
    !(c.total === null || typeof c.total === 'number') ||
    !textOrNull(c.maxModified) ||
    !isText(c.startedAt)
  ) {
    return { reason: 'the saved resume point was written by another version of Dealsight' };
  }
  return { cursor: c as unknown as HubSpotCursor };
}
