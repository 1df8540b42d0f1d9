/**
 * Faults on demand, for tests of a connector's error handling: the next N API requests
 * (optionally only those whose path matches a pattern) fail the way the CRM and the
 * networks in front of it fail. Faults apply in the order they were added; each request
 * takes at most one. Also reachable over HTTP (POST /__sandbox/faults) for browser tests.
 * Each server says what its replies look like (its fault-replies.ts); the kinds:
 *
 * | kind             | reply                                                            |
 * |------------------|------------------------------------------------------------------|
 * | session-expired  | 401: the credentials expired (they stay valid for the next call) |
 * | rate-limit       | 429, with `Retry-After` (seconds) where the CRM sends one        |
 * | request-limit    | the daily allowance is spent                                     |
 * | server-error     | 500, or 502/503/504 (503 with Retry-After)                       |
 * | slow             | the normal reply, after `delayMs`                                |
 * | malformed-json   | 200, JSON content type, a body cut off halfway                   |
 * | disconnect       | the connection is dropped without a reply                        |
 * | reply            | the reply given: `status`, `body`, `headers` (what an odd server, |
 * |                  | a proxy or another API version sends; same on both servers)      |
 * | rewrite          | the real reply, its JSON body passed through `rewrite` (in-process |
 * |                  | only: a function cannot travel over HTTP)                        |
 *
 * Any fault can add `headers` to its reply (rate-limit headers on a 429, say).
 */

export const FAULT_KINDS = [
  'session-expired',
  'rate-limit',
  'request-limit',
  'server-error',
  'slow',
  'malformed-json',
  'disconnect',
  'reply',
  'rewrite',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What every fault accepts. */
export interface FaultOptions {
  /** How many matching requests it hits: 1 by default, `Infinity` until cleared. */
  times?: number;
  /**
   * Only requests whose path and query string match, as sent or URL-decoded
   * (`/FROM OpportunityHistory/` matches `q=SELECT…FROM%20OpportunityHistory…`); by default
   * every API request of the server.
   */
  path?: RegExp | string;
  /** Headers added to the fault's reply (or replacing those of the same name). */
  headers?: Readonly<Record<string, string>>;
}

export interface FaultSpec extends FaultOptions {
  kind: FaultKind;
  /** server-error: 500 (default), 502, 503 or 504. reply: any status from 200 to 599 (default 200). */
  status?: number;
  /** rate-limit, and server-error 503: seconds in `Retry-After` (the server's default when not given). */
  retryAfter?: number;
  /** slow: milliseconds before the reply (default 2000). */
  delayMs?: number;
  /** reply: the body; text as it is, anything else as JSON (default none). */
  body?: unknown;
  /** rewrite: the real reply's body, parsed, in; the body to send out. */
  rewrite?: (body: unknown) => unknown;
}

/** A fault waiting for requests, as `pending` lists it. */
export interface PendingFault {
  kind: FaultKind;
  /** Requests it will still hit; null means until cleared. */
  remaining: number | null;
  path: string;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
}

export interface ActiveFault {
  kind: FaultKind;
  status: number;
  /** Seconds for `Retry-After`; null: send none. */
  retryAfter: number | null;
  delayMs: number;
  /** Added to the reply. */
  headers: Readonly<Record<string, string>>;
  body: unknown;
  rewrite: ((body: unknown) => unknown) | null;
}

/** How a server's faults behave where the servers differ. */
export interface FaultSettings {
  /** Which requests a fault without a `path` hits: the server's API. */
  defaultPath: RegExp;
  /** `Retry-After` seconds when a fault names none; null sends no header. */
  defaultRetryAfter: number | null;
  /** Ends the credentials the client holds (a session, a token); returns the new ones. */
  expire: () => string;
}

interface Rule extends ActiveFault {
  remaining: number;
  path: RegExp;
  /** The pattern as given (a string stays as written), for `pending`. */
  pathText: string;
}

const SERVER_ERROR_STATUSES = new Set([500, 502, 503, 504]);

export class FaultController {
  private rules: Rule[] = [];

  constructor(private readonly settings: FaultSettings) {}

  /** Adds faults, in order; on a bad spec it throws a clear error and adds none of them. */
  inject(...specs: FaultSpec[]): void {
    const rules = specs.map((spec) => toRule(spec, this.settings));
    this.rules.push(...rules);
  }

  sessionExpired(options: FaultOptions = {}): void {
    this.inject({ ...options, kind: 'session-expired' });
  }

  rateLimit(options: FaultOptions & { retryAfter?: number } = {}): void {
    this.inject({ ...options, kind: 'rate-limit' });
  }

  requestLimit(options: FaultOptions = {}): void {
    this.inject({ ...options, kind: 'request-limit' });
  }

  serverError(options: FaultOptions & { status?: 500 | 502 | 503 | 504; retryAfter?: number } = {}): void {
    this.inject({ ...options, kind: 'server-error' });
  }

  slow(options: FaultOptions & { delayMs?: number } = {}): void {
    this.inject({ ...options, kind: 'slow' });
  }

  malformedJson(options: FaultOptions = {}): void {
    this.inject({ ...options, kind: 'malformed-json' });
  }

  disconnect(options: FaultOptions = {}): void {
    this.inject({ ...options, kind: 'disconnect' });
  }

  /** Sends this reply instead of the real one: `body` as text, or as JSON when it is not a string. */
  reply(options: FaultOptions & { status?: number; body?: unknown }): void {
    this.inject({ ...options, kind: 'reply' });
  }

  /** Sends the real reply with its JSON body passed through `rewrite` (in-process tests only). */
  rewrite(rewrite: (body: unknown) => unknown, options: FaultOptions = {}): void {
    this.inject({ ...options, kind: 'rewrite', rewrite });
  }

  /**
   * Ends the session (Salesforce's `sid`, HubSpot's token): every request with the old one
   * gets 401 until the client picks up the new one, which this returns.
   */
  expireSession(): string {
    return this.settings.expire();
  }

  /** Removes every pending fault. */
  clear(): void {
    this.rules = [];
  }

  get pending(): PendingFault[] {
    return this.rules.map((r) => ({
      kind: r.kind,
      remaining: r.remaining === Infinity ? null : r.remaining,
      path: r.pathText,
      ...(r.kind === 'server-error' || r.kind === 'reply' ? { status: r.status } : {}),
      ...((r.kind === 'rate-limit' || (r.kind === 'server-error' && r.status === 503)) && r.retryAfter !== null ? { retryAfter: r.retryAfter } : {}),
      ...(r.kind === 'slow' ? { delayMs: r.delayMs } : {}),
    }));
  }

  /** The fault for a request to `path` (path and query string), using up one of its hits; undefined when none applies. */
  take(path: string): ActiveFault | undefined {
    const decoded = safeDecode(path);
    const index = this.rules.findIndex((r) => r.path.test(path) || (decoded !== path && r.path.test(decoded)));
    if (index < 0) return undefined;
    const rule = this.rules[index] as Rule;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    const { kind, status, retryAfter, delayMs, headers, body, rewrite } = rule;
    return { kind, status, retryAfter, delayMs, headers, body, rewrite };
  }
}

function toRule(spec: FaultSpec, settings: FaultSettings): Rule {
  if (!(FAULT_KINDS as readonly string[]).includes(spec.kind)) {
    throw new Error(`Unknown fault kind "${String(spec.kind)}"; expected one of ${FAULT_KINDS.join(', ')}`);
  }
  const times = spec.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new Error(`Fault "times" must be a whole number ≥ 1 or Infinity, got ${times}`);
  }
  const status = spec.kind === 'server-error' ? (spec.status ?? 500) : spec.kind === 'reply' ? (spec.status ?? 200) : 0;
  if (spec.kind === 'server-error' && !SERVER_ERROR_STATUSES.has(status)) {
    throw new Error(`A server-error fault's status is 500, 502, 503 or 504, got ${status}`);
  }
  if (spec.kind === 'reply' && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
    throw new Error(`A reply fault's status is a whole number from 200 to 599, got ${status}`);
  }
  if (spec.kind === 'rewrite' && typeof spec.rewrite !== 'function') throw new Error('A rewrite fault needs a "rewrite" function');
  const headers = { ...(spec.headers ?? {}) };
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof value !== 'string')
      throw new Error(`Fault "headers" must map header names to text, got ${JSON.stringify(name)}`);
  }
  const retryAfter = spec.retryAfter ?? settings.defaultRetryAfter;
  if (retryAfter !== null && (!Number.isInteger(retryAfter) || retryAfter < 0))
    throw new Error(`Fault "retryAfter" must be whole seconds ≥ 0, got ${retryAfter}`);
  const delayMs = spec.delayMs ?? 2000;
  if (!Number.isFinite(delayMs) || delayMs < 0 || delayMs > 600_000) throw new Error(`Fault "delayMs" must be 0 to 600000 ms, got ${delayMs}`);
  let path = settings.defaultPath;
  if (spec.path instanceof RegExp) path = spec.path;
  else if (typeof spec.path === 'string') {
    try {
      path = new RegExp(spec.path);
    } catch (error) {
      throw new Error(`Fault "path" is not a regular expression: ${(error as Error).message}`);
    }
  }
  const pathText = typeof spec.path === 'string' ? spec.path : path.source;
  return { kind: spec.kind, remaining: times, path, pathText, status, retryAfter, delayMs, headers, body: spec.body, rewrite: spec.rewrite ?? null };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
