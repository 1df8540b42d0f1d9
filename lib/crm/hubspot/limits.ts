/**
 * HubSpot's rate-limit headers: `X-HubSpot-RateLimit-Max` requests per
 * `X-HubSpot-RateLimit-Interval-Milliseconds` (a rolling window, 10 s for private apps)
 * with `-Remaining` left in it, and `-Daily` / `-Daily-Remaining` for the day. Search
 * replies carry none of them: search has its own limit (5 requests a second per portal),
 * which the client keeps with its pacer instead.
 * https://developers.hubspot.com/docs/api/usage-details
 */

export interface RateLimitInfo {
  /** Requests allowed per interval, and left in the current one. */
  max: number | null;
  remaining: number | null;
  intervalMs: number | null;
  /** Requests allowed per day, and left today. */
  daily: number | null;
  dailyRemaining: number | null;
}

interface HeaderSource {
  get(name: string): string | null;
}

function count(headers: HeaderSource, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/** The rate-limit headers of a reply, or null when it carries none. */
export function parseRateLimit(headers: HeaderSource): RateLimitInfo | null {
  const info: RateLimitInfo = {
    max: count(headers, 'X-HubSpot-RateLimit-Max'),
    remaining: count(headers, 'X-HubSpot-RateLimit-Remaining'),
    intervalMs: count(headers, 'X-HubSpot-RateLimit-Interval-Milliseconds'),
    daily: count(headers, 'X-HubSpot-RateLimit-Daily'),
    dailyRemaining: count(headers, 'X-HubSpot-RateLimit-Daily-Remaining'),
  };
  return Object.values(info).every((v) => v === null) ? null : info;
}

/**
 * How long to wait before the next request when the window is spent (Remaining 0): the
 * window's length, since HubSpot does not say when the oldest request in it leaves; null
 * when requests are left or the headers do not say.
 */
export function windowWaitMs(info: RateLimitInfo | null): number | null {
  if (info === null || info.remaining === null || info.remaining > 0) return null;
  return info.intervalMs;
}
