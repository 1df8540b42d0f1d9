/** The closed-deal window every connector syncs: closed deals of the last N years, open deals always. */
import type { IsoDate } from '../opportunity';

/** The day `years` years before `now` (UTC); 29 February falls back to the 28th. */
export function closedSinceDate(now: Date, years: number): IsoDate {
  if (!Number.isInteger(years) || years < 1 || years > 50) throw new RangeError(`years must be a whole number from 1 to 50, not ${years}`);
  const y = now.getUTCFullYear() - years;
  const m = now.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}
