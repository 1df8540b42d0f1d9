/**
 * Every way a Salesforce call fails, as one typed error whose `state` tells the UI which
 * screen to show and whose `message` tells the rep what fixes it. Codes and statuses:
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import type { ApiLimits } from './limits';

export type SalesforceErrorState =
  /** 401: the session expired or was logged out. Fix: open Salesforce to reconnect. */
  | 'session-expired'
  /** The session may not use the API: profile without API Enabled, API Access Control, edition without API. */
  | 'no-api-access'
  /** 429, REQUEST_LIMIT_EXCEEDED: retried with backoff first; thrown when retries ran out. */
  | 'rate-limited'
  /** 5xx, an unreadable reply. */
  | 'server'
  /** 400/404: Salesforce rejected what Dealsight asked (a field that no longer exists, a malformed query). */
  | 'bad-request'
  /** No reply: offline, DNS, TLS, a timeout. */
  | 'network';

export interface SalesforceErrorDetails {
  /** HTTP status, or null when there was no reply. */
  status: number | null;
  /** Salesforce's `errorCode` (INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED, …), when it sent one. */
  code: string | null;
  /** Salesforce's own message, when it sent one. */
  detail: string | null;
  /** What was asked, without the session: a path and the start of the query. */
  request: string | null;
  /** How long Salesforce asked to wait (Retry-After), in ms. */
  retryAfterMs?: number | null;
  /**
   * The org refuses the browser session for the API (API Access Control, a High-Assurance
   * session policy, a blocked app): an OAuth connection through an app the admin allows
   * is the way in.
   */
  needsOAuth?: boolean;
}

export class SalesforceError extends Error {
  override name = 'SalesforceError';
  readonly status: number | null;
  readonly code: string | null;
  readonly detail: string | null;
  readonly request: string | null;
  readonly retryAfterMs: number | null;
  readonly needsOAuth: boolean;

  constructor(
    readonly state: SalesforceErrorState,
    /** For the rep: what happened and what fixes it. */
    message: string,
    details: Partial<SalesforceErrorDetails> = {},
  ) {
    super(message);
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.detail = details.detail ?? null;
    this.request = details.request ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.needsOAuth = details.needsOAuth ?? false;
  }
}

export function isSalesforceError(error: unknown): error is SalesforceError {
  return error instanceof SalesforceError;
}

/** The messages, in one place so the options page and the overlay say the same thing. */
export const MESSAGES = {
  sessionExpired: 'Your Salesforce session has expired or you were logged out. Open Salesforce to reconnect.',
  moved: "Salesforce redirected Dealsight's request: the org's address may have changed. Open Salesforce to reconnect.",
  profileNoApi: 'Your Salesforce profile has no API access: ask your admin for the API Enabled permission.',
  orgNoApi:
    'Salesforce says the API is not enabled for your org or your profile: ask your admin for the API Enabled permission ' +
    '(some editions, such as Professional Edition without the API add-on, have no API access).',
  accessControl:
    "Your org's API Access Control (or a High-Assurance session policy) refuses API calls made with your browser session. " +
    "Connect with OAuth instead (Dealsight's options › Salesforce › Connect with OAuth), through an External Client App your Salesforce admin allows; " +
    'or ask your admin for the "Use Any API Client" permission.',
  /** Every `sid` cookie of the org was refused: what fixes it, naming the host whose cookie to delete. */
  staleSession: (host: string, tried: number) =>
    `Salesforce refused ${tried > 1 ? `all ${tried} sessions` : 'the session'} this browser holds for ${host}. ` +
    `Log out of Salesforce and log in again; if that does not help, delete the "sid" cookie for ${host} ` +
    "(the browser's site settings › cookies), then try again.",
  /** An OAuth access token refused right after a refresh. */
  oauthRefused: "Salesforce refused Dealsight's OAuth token for this org even after renewing it. Sign in with Salesforce again in Dealsight's options.",
  /** The OAuth token itself may not use the API (the app is blocked, or the user is not permitted). */
  oauthBlocked:
    "Salesforce refuses Dealsight's OAuth token for the API: your admin must allow the External Client App for you (its Policies › Permitted Users, and API Access Control's allowed apps).",
  dailyLimit: (limits: ApiLimits | null) =>
    `Your org has used its Salesforce API requests for today${limits ? ` (${limits.used.toLocaleString('en-US')} of ${limits.max.toLocaleString('en-US')})` : ''}. ` +
    'Sync again later: it resumes where it stopped.',
  throttled: 'Salesforce is limiting how fast Dealsight may call it. Try again in a few minutes: the sync resumes where it stopped.',
  unavailable: 'Salesforce is unavailable right now (it may be down for maintenance). Try again later: the sync resumes where it stopped.',
} as const;

/** Error body shapes: REST `[{ errorCode, message }]`, a single object, or OAuth's `{ error, error_description }`. */
export function readErrorBody(text: string): { code: string | null; detail: string | null } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { code: null, detail: null };
  }
  const first = Array.isArray(body) ? body[0] : body;
  if (first === null || typeof first !== 'object') return { code: null, detail: null };
  const o = first as Record<string, unknown>;
  const code = stringOrNull(o.errorCode) ?? stringOrNull(o.error);
  const detail = stringOrNull(o.message) ?? stringOrNull(o.error_description);
  return { code, detail };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Salesforce answers a browser (Lightning) session, or one that API Access Control blocks, with this. */
const NOT_FOR_REST = /not valid for use with the REST API/i;
const NO_API_CODES = new Set(['API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED', 'OAUTH_APP_BLOCKED', 'OAUTH_APP_ACCESS_DENIED']);

/** Whether a failed reply is worth waiting for and asking again (429, 503, REQUEST_LIMIT_EXCEEDED). */
export function isRetryable(error: SalesforceError, limits: ApiLimits | null): boolean {
  if (error.status === 429 || error.status === 503) return true;
  // The daily allowance does not come back within a backoff; the concurrency limit does.
  if (error.code === 'REQUEST_LIMIT_EXCEEDED') return !isDailyLimit(error.detail, limits);
  return false;
}

/** "TotalRequests Limit exceeded." or usage at the maximum: the org's 24-hour allowance is spent. */
function isDailyLimit(detail: string | null, limits: ApiLimits | null): boolean {
  return /TotalRequests/i.test(detail ?? '') || (limits !== null && limits.used >= limits.max);
}

/** The typed error for a reply that is not 2xx. */
export function errorFromReply(status: number, text: string, request: string, limits: ApiLimits | null, retryAfterMs: number | null = null): SalesforceError {
  const { code, detail } = readErrorBody(text);
  const details = { status, code, detail, request, retryAfterMs };
  const words = [code, detail].filter(Boolean).join(': ');
  const said = words === '' ? '' : ` (${words})`;
  const http = `HTTP ${status}${words === '' ? '' : `, ${words}`}`;
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    return new SalesforceError('rate-limited', isDailyLimit(detail, limits) ? MESSAGES.dailyLimit(limits) : MESSAGES.throttled, details);
  }
  if (code === 'API_CURRENTLY_DISABLED') return new SalesforceError('no-api-access', MESSAGES.profileNoApi, details);
  if (code === 'API_DISABLED_FOR_ORG') return new SalesforceError('no-api-access', MESSAGES.orgNoApi, details);
  if ((code !== null && NO_API_CODES.has(code)) || NOT_FOR_REST.test(detail ?? '')) {
    return new SalesforceError('no-api-access', MESSAGES.accessControl, { ...details, needsOAuth: true });
  }
  if (status === 401) return new SalesforceError('session-expired', MESSAGES.sessionExpired, details);
  // The API host answers with a redirect when the org's My Domain changed: the session belongs to the old address.
  if (status === 0 || (status >= 300 && status < 400)) return new SalesforceError('session-expired', MESSAGES.moved, details);
  if (status === 403) {
    return new SalesforceError(
      'no-api-access',
      `Salesforce refused ${request}${said}. Ask your Salesforce admin for read access to opportunities and their accounts, contacts and history.`,
      details,
    );
  }
  if (status === 429) return new SalesforceError('rate-limited', MESSAGES.throttled, details);
  if (status === 503) return new SalesforceError('server', MESSAGES.unavailable, details);
  if (status >= 500) {
    return new SalesforceError('server', `Salesforce could not answer ${request} (${http}). Try again later: the sync resumes where it stopped.`, details);
  }
  if (status === 400 || status === 404 || status === 405 || status === 414 || status === 431) {
    return new SalesforceError('bad-request', `Salesforce rejected ${request} (${http}).`, details);
  }
  return new SalesforceError('server', `Salesforce gave an unexpected answer to ${request} (${http}). Try again later.`, details);
}

/** A reply that claims success but cannot be read. */
export function unreadableReply(request: string, what: string, status: number | null = 200): SalesforceError {
  return new SalesforceError('server', `Salesforce sent an unreadable reply to ${request}: ${what}. Try again later.`, { status, request });
}

/** No reply at all. */
export function networkError(host: string, request: string, cause: unknown, timeoutMs: number | null): SalesforceError {
  const message =
    timeoutMs !== null
      ? `Salesforce at ${host} did not answer ${request} within ${seconds(timeoutMs)} s. Check your connection and try again: the sync resumes where it stopped.`
      : `Could not reach Salesforce at ${host}. Check your connection and that Salesforce opens in this browser, then try again.`;
  const detail = cause instanceof Error ? cause.message : cause === undefined ? null : String(cause);
  return new SalesforceError('network', message, { request, detail });
}

function seconds(ms: number): string {
  return ms >= 1000 ? String(Math.round(ms / 1000)) : String(Number((ms / 1000).toPrecision(2)));
}
