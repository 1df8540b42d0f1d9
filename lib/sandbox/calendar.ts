import type { IsoDate } from '../crm/opportunity';

/**
 * The generator reasons in whole days since 1970-01-01 (UTC) and turns them into ISO dates
 * only when it writes a record: integer arithmetic keeps 50,000 deals fast, and UTC keeps
 * the output the same in every time zone.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date; throws on anything that is not a real `YYYY-MM-DD` day. */
export function dayOf(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || !Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new Error(`Expected a date as YYYY-MM-DD, got "${date}"`);
  }
  return ms / DAY_MS;
}

const isoCache = new Map<number, IsoDate>();

/** ISO date of a day number. A deal set spans a few thousand distinct days, so cache them. */
export function isoOf(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The last day of the month that `day` falls in: reps like month ends as close dates. */
export function endOfMonth(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY_MS;
}

/** `M/D/YYYY`, as a US-locale Salesforce report export writes dates. */
export function usDate(date: IsoDate): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return `${Number(match[2])}/${Number(match[3])}/${match[1]}`;
}
