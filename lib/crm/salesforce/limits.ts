/**
 * API usage, from the `Sforce-Limit-Info` header every REST reply carries
 * (`api-usage=18/5000; per-app-api-usage=…`), or from the /limits resource.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
 */

export interface ApiLimits {
  /** Calls used in the last 24 hours. */
  used: number;
  /** The org's allowance for 24 hours. */
  max: number;
}

const API_USAGE = /(?:^|[;,\s])api-usage\s*=\s*(\d+)\s*\/\s*(\d+)/i;

/** `{ used, max }` from a `Sforce-Limit-Info` header, or null when it has no api-usage. */
export function parseLimitInfo(header: string | null | undefined): ApiLimits | null {
  if (!header) return null;
  const m = API_USAGE.exec(header);
  if (!m?.[1] || !m[2]) return null;
  const used = Number(m[1]);
  const max = Number(m[2]);
  return Number.isSafeInteger(used) && Number.isSafeInteger(max) ? { used, max } : null;
}

/** `{ used, max }` from the /limits resource's `DailyApiRequests: { Max, Remaining }`, or null. */
export function limitsFromResource(body: unknown): ApiLimits | null {
  if (body === null || typeof body !== 'object') return null;
  const daily = (body as Record<string, unknown>).DailyApiRequests;
  if (daily === null || typeof daily !== 'object') return null;
  const { Max: max, Remaining: remaining } = daily as Record<string, unknown>;
  if (typeof max !== 'number' || typeof remaining !== 'number' || !Number.isFinite(max) || !Number.isFinite(remaining)) return null;
  return { used: Math.max(0, max - remaining), max };
}
