/**
 * Time on the sandbox servers. Record timestamps are kept as epoch milliseconds (always
 * UTC) and written out by each server in its API's own format.
 */

export const DAY_MS = 86_400_000;

/** Midnight UTC of an ISO date, in epoch milliseconds. */
export function dayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The ISO date (UTC) of an epoch-millisecond time. */
export function isoDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  return isoDateOf(dayStartMs(date) + days * DAY_MS);
}

/**
 * Hands out modification times for edits made while a server runs. Each is the wall
 * clock, but always at least one second after the previous one and after every timestamp
 * in the generated data: an incremental sync that asks for "modified after checkpoint"
 * (second precision in a SOQL literal, milliseconds in a HubSpot filter) must see every
 * later edit.
 */
export class ModstampClock {
  private last: number;

  constructor(latestExisting: number) {
    this.last = Math.floor(latestExisting / 1000) * 1000;
  }

  tick(): number {
    const now = Math.floor(Date.now() / 1000) * 1000;
    this.last = Math.max(now, this.last + 1000);
    return this.last;
  }

  /** The latest time handed out (or the latest in the data, before any edit). */
  get latest(): number {
    return this.last;
  }
}
