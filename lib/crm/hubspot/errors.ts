/**
 * Every way a HubSpot call fails, as one typed error whose `state` tells the UI which
 * screen to show and whose `message` tells the user what fixes it. HubSpot's error body is
 * `{ status: 'error', message, category, errors?: [{ message, context }], policyName? }`:
 * 401 carries INVALID_AUTHENTICATION or EXPIRED_AUTHENTICATION, 403 MISSING_SCOPES with the
 * scopes in `errors[].context`, 429 RATE_LIMITS with the policy (DAILY, SECONDLY, …), 488
 * `correctHublet` when the portal lives in another hublet (hosts.ts).
 * https://developers.hubspot.com/docs/api/error-handling
 *
 * The messages name both credentials HubSpot offers for this: a Service Key (Settings ›
 * Integrations › Service Keys, or Development › Keys › Service Keys), which replaced the
 * creation of private apps (gone from HubSpot's UI on 2026-09-28 for new accounts and
 * 2026-10-26 for existing ones), and an existing private app's token, which keeps working.
 * https://developers.hubspot.com/changelog/service-keys
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/account-service-keys
 */
import type { RateLimitInfo } from './limits';

export type HubSpotErrorState =
  /** No token was given. Fix: paste a Service Key (or a private app's access token) in the options page. */
  | 'token-missing'
  /** 401 INVALID_AUTHENTICATION: not a token HubSpot knows (mistyped, deleted key or app, rotated away). */
  | 'token-invalid'
  /** 401 EXPIRED_AUTHENTICATION: the token expired (a rotated key or private app token past its grace period). */
  | 'token-expired'
  /** 403 MISSING_SCOPES: the key or private app lacks a scope Dealsight reads with. */
  | 'missing-scopes'
  /** 488: the portal lives in another hublet than the host called, and Dealsight may not call that hublet's host (yet). */
  | 'wrong-hublet'
  /** 410: the path is an API version HubSpot retired (the numbered /crm/v3, /crm/v4 paths once unsupported). */
  | 'retired'
  /** Another 403: the portal or the app may not use this API. */
  | 'forbidden'
  /** 429: retried with backoff first; thrown when retries ran out or the daily allowance is spent. */
  | 'rate-limited'
  /** 5xx, an unreadable reply. */
  | 'server'
  /** 400/404: HubSpot rejected what Dealsight asked. */
  | 'bad-request'
  /** No reply: offline, DNS, TLS, a timeout. */
  | 'network'
  /** Paging that would not end: a next-page cursor sent twice, or more pages than the reported total allows. */
  | 'paging'
  /** A redirect: never followed, so the key goes nowhere but the API host. */
  | 'redirect';

export interface HubSpotErrorDetails {
  status: number | null;
  /** HubSpot's `category` (INVALID_AUTHENTICATION, MISSING_SCOPES, RATE_LIMITS, VALIDATION_ERROR, …). */
  category: string | null;
  /** HubSpot's own message. */
  detail: string | null;
  /** What was asked, without the token: method and path. */
  request: string | null;
  retryAfterMs?: number | null;
  /** The scopes a MISSING_SCOPES reply named. */
  missingScopes?: readonly string[];
  /** The rate-limit policy a 429 named (DAILY, SECONDLY, TEN_SECONDLY_ROLLING). */
  policy?: string | null;
  /** The hublet a 488 named (`correctHublet`, else its message). */
  hublet?: string | null;
  /** Where that hublet is served, when Dealsight knows it (hosts.ts `apiBaseForHublet`). */
  hubletApiBase?: string | null;
}

export class HubSpotError extends Error {
  override name = 'HubSpotError';
  readonly status: number | null;
  readonly category: string | null;
  readonly detail: string | null;
  readonly request: string | null;
  readonly retryAfterMs: number | null;
  readonly missingScopes: readonly string[];
  readonly policy: string | null;
  readonly hublet: string | null;
  readonly hubletApiBase: string | null;

  constructor(
    readonly state: HubSpotErrorState,
    /** For the user: what happened and what fixes it. */
    message: string,
    details: Partial<HubSpotErrorDetails> = {},
  ) {
    super(message);
    this.status = details.status ?? null;
    this.category = details.category ?? null;
    this.detail = details.detail ?? null;
    this.request = details.request ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.missingScopes = details.missingScopes ?? [];
    this.policy = details.policy ?? null;
    this.hublet = details.hublet ?? null;
    this.hubletApiBase = details.hubletApiBase ?? null;
  }
}

export function isHubSpotError(error: unknown): error is HubSpotError {
  return error instanceof HubSpotError;
}

/** The messages, in one place so the options page and the overlay say the same thing. */
export const MESSAGES = {
  tokenMissing:
    'Dealsight has no HubSpot key yet. Create a Service Key in HubSpot (Settings › Integrations › Service Keys) and paste it in the options page; an existing private app’s access token works too.',
  tokenInvalid:
    'HubSpot does not recognise the key. Copy the Service Key (Settings › Integrations › Service Keys), or the private app’s current access token, from HubSpot and paste it in the options page.',
  tokenExpired:
    'The HubSpot key has expired (a rotated Service Key or private app token stops working). Copy the current key from HubSpot (Settings › Integrations › Service Keys) and paste it in the options page.',
  missingScopes: (scopes: readonly string[]) =>
    `The HubSpot key lacks ${scopes.length === 0 ? 'a scope Dealsight needs' : `the scope${scopes.length === 1 ? '' : 's'} ${scopes.join(', ')}`}. ` +
    'Add it to the Service Key in HubSpot (Settings › Integrations › Service Keys; a key can only have scopes its creator has), or to the private app’s scopes, and sync again.',
  wrongHublet: (hublet: string | null, host: string | null) =>
    `HubSpot keeps this portal's data in ${hublet === null ? 'another data-hosting region' : `the ${hublet} region`}` +
    (host === null
      ? ', which this version of Dealsight does not know how to reach.'
      : `, served by ${host}. Connect the portal again in Dealsight's options page and allow ${host} when the browser asks.`),
  retired: (request: string) => `HubSpot no longer serves ${request}: this version of Dealsight calls an API version HubSpot has retired. Update Dealsight.`,
  dailyLimit: (limits: RateLimitInfo | null) =>
    `Your HubSpot portal has used its API requests for today${limits?.daily != null && limits.dailyRemaining != null ? ` (${(limits.daily - limits.dailyRemaining).toLocaleString('en-US')} of ${limits.daily.toLocaleString('en-US')})` : ''}. ` +
    'Sync again tomorrow: it resumes where it stopped.',
  throttled: 'HubSpot is limiting how fast Dealsight may call it. Try again in a minute: the sync resumes where it stopped.',
  unavailable: 'HubSpot is unavailable right now. Try again later: the sync resumes where it stopped.',
  repeatedCursor: (request: string, after: string) =>
    `HubSpot sent the next-page cursor "${cut(after, 40)}" twice for ${request}, so Dealsight stopped the sync rather than read the same pages forever. Sync again later: it resumes where it stopped.`,
  pastTotal: (request: string, total: number, pages: number) =>
    `HubSpot kept sending pages for ${request} past the ${total.toLocaleString('en-US')} results it reported (${pages.toLocaleString('en-US')} pages read), so Dealsight stopped the sync. Sync again later: it resumes where it stopped.`,
  waitTooLong: (request: string, waitMs: number, maxMs: number) =>
    `HubSpot asked Dealsight to wait ${Math.ceil(waitMs / 1000).toLocaleString('en-US')} s before calling ${request} again; Dealsight waits at most ${Math.round(maxMs / 1000)} s. Sync again later: it resumes where it stopped.`,
  redirect: (host: string, request: string, target: string | null) =>
    `HubSpot's API at ${host} answered ${request} with a redirect${target === null ? '' : ` to ${target}`}, which Dealsight does not follow with your key. Check that no proxy or captive portal stands between this browser and ${host}, then try again.`,
} as const;

/** `text` cut to `max` characters, with an ellipsis when cut (a cursor or host a server chose can be long). */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ErrorBody {
  category: string | null;
  detail: string | null;
  scopes: string[];
  policy: string | null;
  /** A 488's `correctHublet` (or the hublet its message names). */
  hublet: string | null;
}

/** Reads HubSpot's error body; anything unreadable gives nulls. */
export function readErrorBody(text: string): ErrorBody {
  const none: ErrorBody = { category: null, detail: null, scopes: [], policy: null, hublet: null };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return none;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return none;
  const o = body as Record<string, unknown>;
  const scopes = new Set<string>();
  // Scopes sit in errors[].context under requiredGranularScopes, requiredScopes or missingScopes.
  for (const e of Array.isArray(o.errors) ? o.errors : []) {
    const context = e !== null && typeof e === 'object' ? (e as Record<string, unknown>).context : null;
    if (context === null || typeof context !== 'object') continue;
    for (const [key, value] of Object.entries(context as Record<string, unknown>)) {
      if (!/scopes/i.test(key) || !Array.isArray(value)) continue;
      for (const s of value) if (typeof s === 'string' && s.trim() !== '') scopes.add(s.trim());
    }
  }
  const hublet = text1(o.correctHublet) ?? /\bHublet ([a-z]{2}\d{1,3})\b/.exec(text1(o.message) ?? '')?.[1] ?? null;
  return { category: text1(o.category) ?? text1(o.errorType), detail: text1(o.message), scopes: [...scopes], policy: text1(o.policyName), hublet };
}

function text1(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The daily allowance is spent: no backoff brings it back today. */
export function isDailyLimit(policy: string | null, limits: RateLimitInfo | null): boolean {
  return policy === 'DAILY' || (limits?.dailyRemaining != null && limits.dailyRemaining <= 0);
}

/** Whether a failed reply is worth waiting for and asking again: 429 (not the daily limit) and 5xx. */
export function isRetryable(error: HubSpotError, limits: RateLimitInfo | null): boolean {
  if (error.status === 429) return !isDailyLimit(error.policy, limits);
  return error.status !== null && error.status >= 500;
}

/** The typed error for a reply that is not 2xx. */
export function errorFromReply(status: number, text: string, request: string, limits: RateLimitInfo | null, retryAfterMs: number | null = null): HubSpotError {
  const { category, detail, scopes, policy, hublet } = readErrorBody(text);
  const details: HubSpotErrorDetails = { status, category, detail, request, retryAfterMs, missingScopes: scopes, policy, hublet };
  const said = [category, detail].filter(Boolean).join(': ');
  const http = `HTTP ${status}${said === '' ? '' : `, ${said}`}`;
  if (status === 401) {
    return category === 'EXPIRED_AUTHENTICATION'
      ? new HubSpotError('token-expired', MESSAGES.tokenExpired, details)
      : new HubSpotError('token-invalid', MESSAGES.tokenInvalid, details);
  }
  if (status === 403 && category === 'MISSING_SCOPES') return new HubSpotError('missing-scopes', MESSAGES.missingScopes(scopes), details);
  if (status === 403)
    return new HubSpotError(
      'forbidden',
      `HubSpot refused ${request} (${http}). Check that the key belongs to this portal and that your HubSpot subscription includes this data.`,
      details,
    );
  if (status === 488) return new HubSpotError('wrong-hublet', MESSAGES.wrongHublet(hublet, null), details);
  if (status === 410) return new HubSpotError('retired', MESSAGES.retired(request), details);
  if (status === 429) return new HubSpotError('rate-limited', isDailyLimit(policy, limits) ? MESSAGES.dailyLimit(limits) : MESSAGES.throttled, details);
  if (status === 502 || status === 503 || status === 504) return new HubSpotError('server', MESSAGES.unavailable, details);
  if (status >= 500)
    return new HubSpotError('server', `HubSpot could not answer ${request} (${http}). Try again later: the sync resumes where it stopped.`, details);
  if (status >= 400 && status < 500) return new HubSpotError('bad-request', `HubSpot rejected ${request} (${http}).`, details);
  return new HubSpotError('server', `HubSpot gave an unexpected answer to ${request} (${http}). Try again later.`, details);
}

/** A reply that claims success but cannot be read. */
export function unreadableReply(request: string, what: string, status: number | null = 200): HubSpotError {
  return new HubSpotError('server', `HubSpot sent an unreadable reply to ${request}: ${what}. Try again later.`, { status, request });
}

/** No reply at all. */
export function networkError(host: string, request: string, cause: unknown, timeoutMs: number | null): HubSpotError {
  const message =
    timeoutMs !== null
      ? `HubSpot at ${host} did not answer ${request} within ${Math.round(timeoutMs / 1000)} s. Check your connection and try again: the sync resumes where it stopped.`
      : `Could not reach HubSpot at ${host}. Check your connection, then try again.`;
  const detail = cause instanceof Error ? cause.message : cause === undefined ? null : String(cause);
  return new HubSpotError('network', message, { request, detail });
}
