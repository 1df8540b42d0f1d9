/**
 * A small HubSpot API client for the background's job runner: the Service Key (or private
 * app token) as a Bearer token, typed errors, backoff on 429 and 5xx guided by HubSpot's
 * rate-limit headers and Retry-After, a pacer that keeps search under its own limit, and the
 * portal's own hublet: a 488 names it, and the client moves there and asks again, once
 * (hosts.ts). HTTP goes through the injected `fetch`, waiting through the injected `sleep`
 * and time through `now`, so tests see every request and every wait; nothing here touches
 * `browser.*`.
 *
 * Bounded where the server decides (issue 14): no wait is longer than the retry policy's
 * `maxDelayMs` (60 s; a longer Retry-After or rate-limit window fails the call, saying so);
 * a list stops at a next-page cursor it was already sent; redirects are never followed
 * (`redirect: 'manual'`), so the key goes to the API host only, and one fails the call
 * naming the host.
 */
import { chunk } from '../shared/chunk';
import { exchange, NoReply, type Reply } from '../shared/exchange';
import type { FetchLike } from '../shared/fetch';
import { backoffDelay, DEFAULT_RETRY, retryAfterMs, sleep as realSleep, throwIfAborted, type RetryPolicy } from '../shared/retry';
import type { ApiRecord } from '../shared/values';
import { API_PATHS } from './api-paths';
import { errorFromReply, HubSpotError, isRetryable, MESSAGES, networkError, unreadableReply } from './errors';
import { CursorGuard } from './paging';
import { apiBaseForHublet, DEFAULT_API_BASE } from './hosts';
import { parseRateLimit, windowWaitMs, type RateLimitInfo } from './limits';
import { Pacer } from './pacer';

export { DEFAULT_API_BASE };
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Search: 5 requests a second per portal; 4 leaves room for another tab. */
export const SEARCH_PER_SECOND = 4;
/** Objects per batch read (HubSpot's limit for /batch/read). */
export const BATCH_READ_SIZE = 100;
/** Ids per associations batch read (HubSpot's limit for the associations batch read is 1,000). */
export const ASSOCIATION_BATCH_SIZE = 1000;

export interface HubSpotClientOptions {
  /** The Service Key or private app access token: sent as `Authorization: Bearer`, never logged. */
  token: string;
  fetch: FetchLike;
  /**
   * The portal's hublet host (`https://api.hubapi.com`, `https://api-eu1.hubapi.com`), or
   * the page's own origin in e2e mode, with the sandbox's hublet prefix for another hublet
   * (hosts.ts `apiBaseForHublet`).
   */
  apiBase?: string;
  /**
   * Asked before a 488 moves the client to the portal's hublet host: false (the browser has
   * not granted that host) keeps it here and throws the 488 as 'wrong-hublet', naming the
   * host. By default the client moves.
   */
  mayMoveTo?: (apiBase: string) => boolean | Promise<boolean>;
  /** Told when the client moved to another hublet's host (the connection remembers it). */
  onMove?: (apiBase: string) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch ms: Retry-After dates and the search pacer. */
  now?: () => number;
  /** 0 ≤ x < 1, for backoff jitter. */
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Search requests per second (default 4). */
  searchPerSecond?: number;
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  error: HubSpotError;
}

/** A CRM object as HubSpot sends it: `{ id, properties: { name: string | null }, createdAt, updatedAt, archived }`. */
/** A version of a property, from a read with `propertiesWithHistory` (history.ts reads them). */
export interface PropertyVersion {
  value: string | null;
  /** ISO timestamp as HubSpot sends it. */
  timestamp: string;
}

export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  /** The versions of the properties asked for with `propertiesWithHistory`, in the reply's order. */
  history?: Record<string, PropertyVersion[]>;
  archived?: boolean;
  archivedAt?: string | null;
  updatedAt?: string | null;
}

export interface SearchPage {
  /** HubSpot's `total`: results the query matches (the page's own count when the reply had none). */
  total: number;
  /** Whether the reply said its `total` (what bounds the query's pages: paging.ts). */
  totalReported: boolean;
  results: HubSpotObject[];
  /** The next page's `after`, or null on the last page. */
  after: string | null;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Paced as a search request. */
  search?: boolean;
}

export class HubSpotClient {
  private base: string;
  /** The last reply's rate-limit headers; null until one carried them. */
  lastRateLimit: RateLimitInfo | null = null;
  private lastRateLimitAt = 0;
  private readonly token: string;
  private readonly fetchFn: FetchLike;
  private readonly sleepFn: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly onRetry: ((info: RetryInfo) => void) | undefined;
  private readonly searchPacer: Pacer;
  private readonly mayMoveTo: (apiBase: string) => boolean | Promise<boolean>;
  private readonly onMove: ((apiBase: string) => void) | undefined;

  constructor(options: HubSpotClientOptions) {
    this.base = HubSpotClient.normalBase(options.apiBase ?? DEFAULT_API_BASE);
    this.mayMoveTo = options.mayMoveTo ?? (() => true);
    this.onMove = options.onMove;
    this.token = (options.token ?? '').trim();
    this.fetchFn = options.fetch;
    this.sleepFn = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.onRetry = options.onRetry;
    this.searchPacer = new Pacer({ limit: options.searchPerSecond ?? SEARCH_PER_SECOND, intervalMs: 1000, now: this.now, sleep: this.sleepFn });
  }

  /** An API base without a trailing slash: an origin, or an origin and the sandbox's hublet prefix. */
  private static normalBase(apiBase: string): string {
    let base: URL;
    try {
      base = new URL(apiBase);
    } catch {
      throw new TypeError(`HubSpotClient: apiBase "${apiBase}" is not a URL`);
    }
    return `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  }

  /** Where the calls go now: the portal's hublet host once a 488 or its account details said so. */
  get apiBase(): string {
    return this.base;
  }

  /** Calls another hublet's host from now on (its account details named the hublet). */
  moveTo(apiBase: string): void {
    const next = HubSpotClient.normalBase(apiBase);
    if (next === this.base) return;
    this.base = next;
    this.onMove?.(next);
  }

  get(path: string, options: RequestOptions = {}): Promise<unknown> {
    return this.request('GET', path, undefined, options);
  }

  post(path: string, body: unknown, options: RequestOptions = {}): Promise<unknown> {
    return this.request('POST', path, body, options);
  }

  /**
   * One API call, parsed JSON back, retrying 429 (but the daily limit) and 5xx. Throws
   * HubSpotError, or the signal's reason when aborted.
   */
  async request(method: 'GET' | 'POST', path: string, body: unknown, options: RequestOptions = {}): Promise<unknown> {
    const { signal } = options;
    const requestOf = () => `${method} ${new URL(this.base + path).pathname}`;
    if (this.token === '') throw new HubSpotError('token-missing', MESSAGES.tokenMissing, { request: requestOf() });
    // The 488 that moved this request to the portal's hublet host, if one did.
    let moved: HubSpotError | null = null;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal);
      await this.respectWindow(requestOf(), signal);
      if (options.search) await this.searchPacer.take(signal);
      const url = this.base + path;
      const request = requestOf();
      let error: HubSpotError;
      try {
        const reply = await this.exchange(method, url, body, request, signal);
        // Not followed (`redirect: 'manual'`): a browser shows an opaque reply (status 0), Node and the sandbox the 3xx.
        if (reply.status === 0 || (reply.status >= 300 && reply.status < 400)) throw redirected(url, request, reply);
        const limits = parseRateLimit(reply.headers);
        if (limits !== null) {
          this.lastRateLimit = limits;
          this.lastRateLimitAt = this.now();
        }
        if (reply.status >= 200 && reply.status < 300) return parseJson(reply.text, request, reply.status);
        error = errorFromReply(reply.status, reply.text, request, this.lastRateLimit, retryAfterMs(reply.headers.get('Retry-After'), this.now()));
        if (error.state === 'wrong-hublet') {
          // The portal lives in another hublet: ask there, once (not an attempt of its own).
          const target = error.hublet === null ? null : apiBaseForHublet(this.base, error.hublet);
          if (moved !== null || target === null || target === this.base || !(await this.mayMoveTo(target))) throw this.wrongHublet(error, target);
          moved = error;
          this.moveTo(target);
          attempt--;
          continue;
        }
        if (!isRetryable(error, this.lastRateLimit)) throw error;
      } catch (thrown) {
        if (signal?.aborted) throw signal.reason;
        if (!(thrown instanceof HubSpotError) || thrown.state !== 'network') throw thrown;
        // No answer from the hublet host just moved to: the browser has not granted it (or it is down).
        if (moved !== null && attempt === 1) throw this.wrongHublet(moved, this.base);
        error = thrown;
      }
      if (attempt >= this.policy.maxAttempts) throw error;
      // Retry-After when said; a spent window waits the window; else exponential backoff.
      const windowMs = error.status === 429 ? windowWaitMs(this.lastRateLimit) : null;
      const delayMs = error.retryAfterMs ?? windowMs ?? backoffDelay(attempt, this.policy, this.random);
      if (delayMs > this.policy.maxDelayMs) throw this.waitTooLong(error, delayMs);
      this.onRetry?.({ attempt, delayMs, error });
      await this.sleepFn(delayMs, signal);
    }
  }

  /** A 488 that could not be followed, naming the hublet and, when known, the host that serves it. */
  private wrongHublet(cause: HubSpotError, target: string | null): HubSpotError {
    return new HubSpotError('wrong-hublet', MESSAGES.wrongHublet(cause.hublet, target === null ? null : new URL(target).host), {
      status: cause.status ?? 488,
      category: cause.category,
      detail: cause.detail,
      request: cause.request,
      hublet: cause.hublet,
      hubletApiBase: target,
    });
  }

  /** A wait the server asked for that is longer than the client waits: the call fails, saying how long and the cap. */
  private waitTooLong(cause: HubSpotError, waitMs: number): HubSpotError {
    const request = cause.request ?? 'the next call';
    return new HubSpotError(cause.state, MESSAGES.waitTooLong(request, waitMs, this.policy.maxDelayMs), {
      status: cause.status,
      category: cause.category,
      detail: cause.detail,
      request: cause.request,
      retryAfterMs: cause.retryAfterMs,
      policy: cause.policy,
    });
  }

  /** A reply that said its window is spent: wait the window out before the next request (at most `maxDelayMs`). */
  private async respectWindow(request: string, signal: AbortSignal | undefined): Promise<void> {
    const windowMs = windowWaitMs(this.lastRateLimit);
    if (windowMs === null) return;
    const waitMs = this.lastRateLimitAt + windowMs - this.now();
    this.lastRateLimit = null;
    if (waitMs > this.policy.maxDelayMs)
      throw new HubSpotError('rate-limited', MESSAGES.waitTooLong(request, waitMs, this.policy.maxDelayMs), { status: null, request });
    if (waitMs > 0) await this.sleepFn(waitMs, signal);
  }

  private async exchange(method: string, url: string, body: unknown, request: string, signal?: AbortSignal): Promise<Reply> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // `redirect: 'manual'`: a redirect is never followed with the key (it fails the call in request()).
    const init: RequestInit = { method, headers, credentials: 'omit', redirect: 'manual', ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    try {
      return await exchange(this.fetchFn, url, init, this.timeoutMs, signal);
    } catch (error) {
      if (!(error instanceof NoReply)) throw error;
      throw networkError(new URL(url).host, request, error.cause, error.timeoutMs);
    }
  }

  /** `POST /crm/objects/{version}/{type}/search`, paced. */
  async search(objectType: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<SearchPage> {
    const path = API_PATHS.search(objectType);
    const reply = await this.post(path, body, { signal, search: true });
    const o = asObject(reply);
    if (o === null || !Array.isArray(o.results)) throw unreadableReply(`POST ${path}`, 'the search result has no results list');
    const results = o.results.flatMap((r) => readObject(r) ?? []);
    const totalReported = typeof o.total === 'number' && Number.isFinite(o.total);
    return { total: totalReported ? (o.total as number) : results.length, totalReported, results, after: nextAfter(o) };
  }

  /** Every page of a GET list (`results` + `paging.next.after`), e.g. owners or archived deals; a cursor sent twice stops it. */
  async listAll(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<ApiRecord[]> {
    const all: ApiRecord[] = [];
    const cursors = new CursorGuard(`GET ${path}`);
    let after: string | null = null;
    do {
      const query = new URLSearchParams({ ...params, ...(after === null ? {} : { after }) });
      const reply = asObject(await this.get(`${path}?${query}`, { signal }));
      if (reply === null || !Array.isArray(reply.results)) throw unreadableReply(`GET ${path}`, 'the list has no results');
      for (const r of reply.results) if (asObject(r) !== null) all.push(r as ApiRecord);
      after = nextAfter(reply);
      if (after !== null) cursors.next(after);
    } while (after !== null);
    return all;
  }

  /**
   * `POST /crm/objects/{version}/{type}/batch/read` in batches of 100 ids; ids HubSpot does not
   * find are left out. `propertiesWithHistory` asks for those properties' versions too (the
   * body's field of that name: BatchReadInputSimplePublicObjectId in the CRM objects API's
   * generated reference, github.com/clarkmcc/go-hubspot generated/v3/objects/docs).
   */
  async batchRead(
    objectType: string,
    ids: readonly string[],
    properties: readonly string[],
    signal?: AbortSignal,
    propertiesWithHistory?: readonly string[],
  ): Promise<HubSpotObject[]> {
    const path = API_PATHS.batchRead(objectType);
    const found: HubSpotObject[] = [];
    for (const part of chunk([...new Set(ids)], BATCH_READ_SIZE)) {
      const body = { properties, inputs: part.map((id) => ({ id })), ...(propertiesWithHistory ? { propertiesWithHistory } : {}) };
      const reply = asObject(await this.post(path, body, { signal }));
      if (reply === null || !Array.isArray(reply.results)) throw unreadableReply(`POST ${path}`, 'the batch has no results');
      for (const r of reply.results) {
        const object = readObject(r);
        if (object !== null) found.push(object);
      }
    }
    return found;
  }

  /**
   * The associated ids of each `from` id, through `POST /crm/associations/{version}/{from}/{to}/batch/read`,
   * following a record's own `paging.next.after` when it has more. Ids in association order
   * (`toObjectId` is a string in the date-based versions, a number in v4: both are read);
   * `primary` holds those whose association carries HubSpot's "Primary" label.
   */
  async associations(from: string, to: string, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, AssociatedIds>> {
    const path = API_PATHS.associationsBatchRead(from, to);
    const out = new Map<string, AssociatedIds>();
    // Each record pages its own associations: a cursor it was already sent stops the read.
    const cursors = new Map<string, CursorGuard>();
    let inputs: { id: string; after?: string }[] = [...new Set(ids)].map((id) => ({ id }));
    while (inputs.length > 0) {
      const more: { id: string; after: string }[] = [];
      for (const part of chunk(inputs, ASSOCIATION_BATCH_SIZE)) {
        const reply = asObject(await this.post(path, { inputs: part }, { signal }));
        if (reply === null || !Array.isArray(reply.results)) throw unreadableReply(`POST ${path}`, 'the batch has no results');
        for (const r of reply.results) {
          const o = asObject(r);
          const fromId = idText(asObject(o?.from)?.id);
          if (o === null || fromId === null) continue;
          const entry = out.get(fromId) ?? { ids: [], primary: [] };
          out.set(fromId, entry);
          for (const t of Array.isArray(o.to) ? o.to : []) {
            const target = asObject(t);
            const toId = idText(target?.toObjectId);
            if (toId === null || entry.ids.includes(toId)) continue;
            entry.ids.push(toId);
            const types = Array.isArray(target?.associationTypes) ? target.associationTypes : [];
            if (types.some((a) => /^primary$/i.test(String(asObject(a)?.label ?? '')))) entry.primary.push(toId);
          }
          const after = nextAfter(o);
          if (after === null) continue;
          const guard = cursors.get(fromId) ?? new CursorGuard(`POST ${path}`);
          cursors.set(fromId, guard);
          guard.next(after);
          more.push({ id: fromId, after });
        }
      }
      inputs = more;
    }
    return out;
  }
}

export interface AssociatedIds {
  ids: string[];
  primary: string[];
}

/** The error of a redirect the client did not follow, naming the API host (and where it pointed, when the reply shows it). */
function redirected(url: string, request: string, reply: Reply): HubSpotError {
  const host = new URL(url).host;
  let target: string | null = null;
  try {
    const location = reply.headers.get('Location');
    target = location === null ? null : new URL(location, url).host;
  } catch {
    target = null;
  }
  return new HubSpotError('redirect', MESSAGES.redirect(host, request, target), { status: reply.status === 0 ? null : reply.status, request });
}

function parseJson(text: string, request: string, status: number): unknown {
  if (status === 204 || text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadableReply(request, 'it is not valid JSON', status);
  }
}

export function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** HubSpot ids are numeric strings; some replies send numbers. */
export function idText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
  return null;
}

function nextAfter(o: Record<string, unknown>): string | null {
  const after = asObject(asObject(o.paging)?.next)?.after;
  return typeof after === 'string' && after !== '' ? after : typeof after === 'number' ? String(after) : null;
}

/** An object of a reply, its properties as text; null when it has no id. */
export function readObject(value: unknown): HubSpotObject | null {
  const o = asObject(value);
  const id = idText(o?.id);
  if (o === null || id === null) return null;
  const properties: Record<string, string | null> = {};
  for (const [key, v] of Object.entries(asObject(o.properties) ?? {})) {
    properties[key] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  }
  const withHistory = asObject(o.propertiesWithHistory);
  let history: Record<string, PropertyVersion[]> | undefined;
  if (withHistory !== null) {
    history = {};
    for (const [key, versions] of Object.entries(withHistory)) {
      if (!Array.isArray(versions)) continue;
      history[key] = versions.flatMap((v) => {
        const version = asObject(v);
        const timestamp = version?.timestamp;
        const value = version?.value;
        if (version === null || (typeof timestamp !== 'string' && typeof timestamp !== 'number')) return [];
        const at = typeof timestamp === 'number' ? new Date(timestamp).toISOString() : timestamp;
        return [{ value: typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null, timestamp: at }];
      });
    }
  }
  return {
    id,
    properties,
    ...(history === undefined ? {} : { history }),
    archived: o.archived === true,
    archivedAt: typeof o.archivedAt === 'string' ? o.archivedAt : null,
    updatedAt: typeof o.updatedAt === 'string' ? o.updatedAt : null,
  };
}
