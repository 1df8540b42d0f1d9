/**
 * HubSpot's API limits for a private app, counted for real per token: requests per
 * rolling ten seconds and per day, and the search endpoints' own limit of five requests
 * a second. Every reply carries the `X-HubSpot-RateLimit-*` headers; a request over a
 * limit gets 429 with the policy's name and is not counted.
 * https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details
 */
export type Policy = 'SECONDLY' | 'TEN_SECONDLY_ROLLING' | 'DAILY';

export interface Limits {
  searchPerSecond: number;
  perTenSeconds: number;
  daily: number;
  /**
   * Whether replies carry the daily headers: a private app's do; OAuth apps' do not
   * (https://developers.hubspot.com/changelog/rate-limit-headers-will-now-appear-for-oauth-authenticated-calls).
   */
  dailyHeaders: boolean;
}

const TEN_SECONDS = 10_000;

export class RateLimits {
  private recent: number[] = [];
  private searches: number[] = [];
  private day = '';
  private usedToday = 0;

  constructor(
    readonly limits: Limits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request, or names the policy it would break (then it is not counted). */
  take(search: boolean): Policy | null {
    const now = this.now();
    this.roll(now);
    if (this.usedToday >= this.limits.daily) return 'DAILY';
    if (this.recent.length >= this.limits.perTenSeconds) return 'TEN_SECONDLY_ROLLING';
    if (search && this.searches.length >= this.limits.searchPerSecond) return 'SECONDLY';
    this.recent.push(now);
    if (search) this.searches.push(now);
    this.usedToday += 1;
    return null;
  }

  /** Sets today's count, to test behaviour near the daily limit. */
  setDailyUsage(used: number): void {
    if (!Number.isInteger(used) || used < 0) throw new Error(`daily usage must be a whole number ≥ 0, got ${used}`);
    this.roll(this.now());
    this.usedToday = used;
  }

  get dailyUsage(): number {
    return this.usedToday;
  }

  /** The headers for a reply: the ten-second window's (the search window's for a search). */
  headers(search: boolean): Record<string, string> {
    this.roll(this.now());
    const windowMax = search ? this.limits.searchPerSecond : this.limits.perTenSeconds;
    const windowUsed = search ? this.searches.length : this.recent.length;
    return {
      ...(this.limits.dailyHeaders
        ? {
            'X-HubSpot-RateLimit-Daily': text(this.limits.daily),
            'X-HubSpot-RateLimit-Daily-Remaining': text(Math.max(0, this.limits.daily - this.usedToday)),
          }
        : {}),
      'X-HubSpot-RateLimit-Interval-Milliseconds': search ? '1000' : String(TEN_SECONDS),
      'X-HubSpot-RateLimit-Max': text(windowMax),
      'X-HubSpot-RateLimit-Remaining': text(Math.max(0, windowMax - windowUsed)),
    };
  }

  private roll(now: number): void {
    while (this.recent.length > 0 && (this.recent[0] as number) <= now - TEN_SECONDS) this.recent.shift();
    while (this.searches.length > 0 && (this.searches[0] as number) <= now - 1000) this.searches.shift();
    // The daily allowance resets at midnight UTC here (HubSpot resets it in the account's time zone).
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.usedToday = 0;
    }
  }
}

/** Unlimited (Infinity) shows as a very large number, as a header must be an integer. */
function text(n: number): string {
  return n === Infinity ? String(Number.MAX_SAFE_INTEGER) : String(n);
}
