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
 */

export const FAULT_KINDS = ['session-expired', 'rate-limit', 'request-limit', 'server-error', 'slow', 'malformed-json', 'disconnect'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What every fault accepts. */
export interface FaultOptions {
  /** How many matching requests it hits: 1 by default, `Infinity` until cleared. */
  times?: number;
  /** Only requests whose path and query string match; by default every API request of the server. */
  path?: RegExp | string;
}

export interface FaultSpec extends FaultOptions {
  kind: FaultKind;
  /** server-error: 500 (default), 502, 503 or 504. */
  status?: number;
  /** rate-limit, and server-error 503: seconds in `Retry-After` (the server's default when not given). */
  retryAfter?: number;
  /** slow: milliseconds before the reply (default 2000). */
  delayMs?: number;
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
      ...(r.kind === 'server-error' ? { status: r.status } : {}),
      ...((r.kind === 'rate-limit' || (r.kind === 'server-error' && r.status === 503)) && r.retryAfter !== null ? { retryAfter: r.retryAfter } : {}),
      ...(r.kind === 'slow' ? { delayMs: r.delayMs } : {}),
    }));
  }

  /** The fault for a request to `path` (path and query string), using up one of its hits; undefined when none applies. */
  take(path: string): ActiveFault | undefined {
    const index = this.rules.findIndex((r) => r.path.test(path));
    if (index < 0) return undefined;
    const rule = this.rules[index] as Rule;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return { kind: rule.kind, status: rule.status, retryAfter: rule.retryAfter, delayMs: rule.delayMs };
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
  const status = spec.kind === 'server-error' ? (spec.status ?? 500) : 0;
  if (spec.kind === 'server-error' && !SERVER_ERROR_STATUSES.has(status)) {
    throw new Error(`A server-error fault's status is 500, 502, 503 or 504, got ${status}`);
  }
  const retryAfter = spec.retryAfter ?? settings.defaultRetryAfter;
  if (retryAfter !== null && (!Number.isInteger(retryAfter) || retryAfter < 0)) throw new Error(`Fault "retryAfter" must be whole seconds ≥ 0, got ${retryAfter}`);
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
  return { kind: spec.kind, remaining: times, path, pathText, status, retryAfter, delayMs };
}
