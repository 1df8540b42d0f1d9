/**
 * A small Salesforce REST client for the background: the session's Bearer token, API
 * version discovery, paged queries, describe and limits, typed errors, and backoff.
 * HTTP goes through the injected `fetch` and waiting through the injected `sleep`, so the
 * tests see every request and every wait; nothing here touches `browser.*`.
 */
import { staticAuth, type ApiAuth } from './auth';
import { readDescribe, type DescribeSObject } from './describe';
import { errorFromReply, isRetryable, networkError, SalesforceError, unreadableReply } from './errors';
import { limitsFromResource, parseLimitInfo, type ApiLimits } from './limits';
import { exchange, NoReply, type Reply } from '../shared/exchange';
import type { FetchLike } from '../shared/fetch';
import { abortReason, backoffDelay, DEFAULT_RETRY, retryAfterMs, sleep as realSleep, throwIfAborted, type RetryPolicy } from '../shared/retry';

export type { FetchLike };

export interface SalesforceClientOptions {
  /** The org's API origin, from `findSession` (`https://acme.my.salesforce.com`). */
  apiBase: string;
  /** The `sid` cookie's value: sent as `Authorization: Bearer`, never logged. Give this or `auth`. */
  sid?: string;
  /**
   * Where the Bearer token comes from when there may be another to try after a 401 (the
   * org's other `sid` cookies, an OAuth refresh): auth.ts. Give this or `sid`.
   */
  auth?: ApiAuth;
  fetch: FetchLike;
  /** `60.0`; discovered from /services/data/ when absent. */
  apiVersion?: string;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch ms, for Retry-After dates. */
  now?: () => number;
  /** 0 ≤ x < 1, for backoff jitter. */
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Per request, reply body included. */
  timeoutMs?: number;
  /** Told before each wait, for progress ("Salesforce asked to wait 5 s"). */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** The attempt that failed, 1-based. */
  attempt: number;
  delayMs: number;
  error: SalesforceError;
}

export interface ApiVersion {
  version: string;
  label: string;
  url: string;
}

export interface QueryPage<T = SalesforceRecord> {
  records: T[];
  /** Records the whole query matches (all pages). */
  totalSize: number;
  done: boolean;
  /** Path of the next page, when not done. */
  nextRecordsUrl: string | null;
}

/** A record as the API sends it: fields by API name, relationships as nested records. */
export type SalesforceRecord = Record<string, unknown>;

export interface QueryOptions {
  /** Records per page, 200–2000 (Salesforce's bounds); Salesforce may send fewer. */
  batchSize?: number;
  /** Use /queryAll/, which also returns deleted and archived records. */
  includeDeleted?: boolean;
  /** Start from this page path (a `nextRecordsUrl`) instead of running the query. */
  startUrl?: string;
  signal?: AbortSignal;
}

/** Versions this code was written against; a newer org is called at this one. */
export const MAX_KNOWN_VERSION = 66;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const MIN_BATCH = 200;
export const MAX_BATCH = 2000;

export class SalesforceClient {
  readonly apiBase: string;
  /** Usage from the last reply's Sforce-Limit-Info header; null until one carried it. */
  lastLimits: ApiLimits | null = null;
  private version: string | null;
  /** `/query/?q=` rather than `/query?q=`: learned from a 404. */
  private querySlash = false;
  private readonly auth: ApiAuth;
  private readonly fetchFn: FetchLike;
  private readonly sleepFn: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly onRetry: ((info: RetryInfo) => void) | undefined;

  constructor(options: SalesforceClientOptions) {
    let base: URL;
    try {
      base = new URL(options.apiBase);
    } catch {
      throw new TypeError(`SalesforceClient: apiBase "${options.apiBase}" is not a URL`);
    }
    if (!options.auth && !options.sid) throw new TypeError('SalesforceClient: no session id');
    if (options.apiVersion !== undefined && !/^\d{2,3}\.0$/.test(options.apiVersion)) {
      throw new TypeError(`SalesforceClient: apiVersion "${options.apiVersion}" is not like "60.0"`);
    }
    this.apiBase = base.origin;
    this.auth = options.auth ?? staticAuth(options.sid as string);
    this.fetchFn = options.fetch;
    this.version = options.apiVersion ?? null;
    this.sleepFn = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.onRetry = options.onRetry;
  }

  /** The API version in use, once known. */
  get apiVersion(): string | null {
    return this.version;
  }

  /**
   * The versions the org serves (GET /services/data/, which costs no API call), oldest
   * first; the latest one up to MAX_KNOWN_VERSION becomes the client's unless one was given.
   */
  async versions(signal?: AbortSignal): Promise<ApiVersion[]> {
    const body = await this.get('/services/data/', {}, signal);
    const request = this.describeRequest('/services/data/');
    if (!Array.isArray(body)) throw unreadableReply(request, 'expected a list of API versions');
    const versions = body
      .flatMap((v): ApiVersion[] => {
        if (v === null || typeof v !== 'object') return [];
        const o = v as Record<string, unknown>;
        const version = typeof o.version === 'string' ? o.version : typeof o.version === 'number' ? o.version.toFixed(1) : null;
        if (version === null || !/^\d{2,3}\.0$/.test(version)) return [];
        return [{ version, label: typeof o.label === 'string' ? o.label : '', url: typeof o.url === 'string' ? o.url : `/services/data/v${version}` }];
      })
      .sort((a, b) => Number(a.version) - Number(b.version));
    const usable = versions.filter((v) => Number(v.version) <= MAX_KNOWN_VERSION);
    const latest = usable.at(-1) ?? versions[0];
    if (latest === undefined) throw unreadableReply(request, 'it lists no API version');
    this.version ??= latest.version;
    return versions;
  }

  /** The version in use, discovering it first when needed. */
  async ensureVersion(signal?: AbortSignal): Promise<string> {
    if (this.version === null) await this.versions(signal);
    return this.version as string;
  }

  /** `/services/data/v60.0` + `path`. */
  async dataPath(path: string, signal?: AbortSignal): Promise<string> {
    return `/services/data/v${await this.ensureVersion(signal)}${path}`;
  }

  /**
   * Runs a SOQL query page by page, following `nextRecordsUrl`. Each page is fetched when
   * the consumer asks for it, so a consumer that stops early (or an abort) costs no more calls.
   */
  async *query<T = SalesforceRecord>(soql: string, options: QueryOptions = {}): AsyncGenerator<QueryPage<T>, void, undefined> {
    const batch = Math.min(MAX_BATCH, Math.max(MIN_BATCH, Math.round(options.batchSize ?? MAX_BATCH)));
    const headers = { 'Sforce-Query-Options': `batchSize=${batch}` };
    let url: string | null = options.startUrl ?? null;
    let body: unknown;
    if (url === null) {
      const resource = options.includeDeleted ? 'queryAll' : 'query';
      url = await this.dataPath(`/${resource}${this.querySlash ? '/' : ''}?q=${encodeURIComponent(soql)}`, options.signal);
      try {
        body = await this.get(url, headers, options.signal);
      } catch (error) {
        // Salesforce serves /query and /query/ alike; a server that knows only the other form answers 404.
        if (!(error instanceof SalesforceError && error.status === 404)) throw error;
        this.querySlash = !this.querySlash;
        url = await this.dataPath(`/${resource}${this.querySlash ? '/' : ''}?q=${encodeURIComponent(soql)}`, options.signal);
        body = await this.get(url, headers, options.signal);
      }
    } else {
      body = await this.get(url, headers, options.signal);
    }
    // The server decides when paging ends; these bounds make sure it does (issue 14, "bounded
    // loops"): a next page already read would start the same pages over, forever, and each
    // page but the last holds at least one record, so a query never needs more pages than
    // its first page's `totalSize` (Salesforce may send fewer records per page than the
    // batch size, so the batch size gives no tighter bound).
    const query = this.describeRequest(url);
    const read = new Set([new URL(url, this.apiBase).href]);
    let pagesRead = 0;
    let maxPages: number | null = null;
    for (;;) {
      const page: QueryPage<T> = readQueryPage<T>(body, this.describeRequest(url));
      pagesRead += 1;
      maxPages ??= Math.max(1, page.totalSize);
      yield page;
      if (page.done || page.nextRecordsUrl === null) return;
      const next = new URL(page.nextRecordsUrl, this.apiBase).href;
      if (read.has(next)) throw pagingLoop(query, `it sent the next page ${new URL(next).pathname} a second time`);
      if (page.records.length === 0) throw pagingLoop(query, `page ${pagesRead} held no record but was not the last`);
      if (pagesRead >= maxPages) throw pagingLoop(query, `it sent more pages (${pagesRead + 1}) than its ${maxPages} records allow`);
      read.add(next);
      url = page.nextRecordsUrl;
      body = await this.get(url, headers, options.signal);
    }
  }

  /** Every record of a query, all pages. */
  async queryRecords<T = SalesforceRecord>(soql: string, options: QueryOptions = {}): Promise<T[]> {
    const records: T[] = [];
    for await (const page of this.query<T>(soql, options)) records.push(...page.records);
    return records;
  }

  /** The describe of an sObject: fields, types, labels, picklists, child relationships. */
  async describe(object: string, signal?: AbortSignal): Promise<DescribeSObject> {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object)) throw new TypeError(`describe: "${object}" is not an sObject name`);
    const path = await this.dataPath(`/sobjects/${object}/describe`, signal);
    const describe = readDescribe(await this.get(path, {}, signal), object);
    if (describe === null) throw unreadableReply(this.describeRequest(path), 'the describe has no fields list');
    return describe;
  }

  /** Daily API usage from /limits (also refreshes `lastLimits`). */
  async limits(signal?: AbortSignal): Promise<ApiLimits> {
    const path = await this.dataPath('/limits', signal);
    const limits = limitsFromResource(await this.get(path, {}, signal));
    if (limits === null) throw unreadableReply(this.describeRequest(path), 'it has no DailyApiRequests');
    this.lastLimits = limits;
    return limits;
  }

  /**
   * GET a path of the org's API (or a full URL on the same origin) and parse its JSON,
   * retrying 429, 503 and REQUEST_LIMIT_EXCEEDED. Throws SalesforceError, or the signal's
   * reason when aborted.
   */
  async get(pathOrUrl: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<unknown> {
    const url = this.resolve(pathOrUrl);
    const request = this.describeRequest(url);
    let token = await this.auth.token();
    // A 401 asks the auth for another token (the org's next `sid` cookie, a refreshed OAuth
    // token) at most this many times for this request; those tries are not retries.
    let renewals = this.auth.renewals;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal);
      let error: SalesforceError;
      try {
        const reply = await this.exchange(url, headers, token, signal);
        this.lastLimits = parseLimitInfo(reply.headers.get('Sforce-Limit-Info')) ?? this.lastLimits;
        if (reply.status >= 200 && reply.status < 300) return parseJson(reply.text, request, reply.status);
        error = errorFromReply(reply.status, reply.text, request, this.lastLimits, retryAfterMs(reply.headers.get('Retry-After'), this.now()));
        if (error.status === 401 && error.state === 'session-expired') {
          const next = renewals > 0 ? await this.auth.renew(token) : null;
          if (next === null) throw this.auth.exhausted(error);
          renewals--;
          token = next;
          attempt--;
          continue;
        }
        if (!isRetryable(error, this.lastLimits)) throw error;
      } catch (thrown) {
        if (signal?.aborted) throw abortReason(signal);
        if (!(thrown instanceof SalesforceError) || thrown.state !== 'network') throw thrown;
        error = thrown;
      }
      if (attempt >= this.policy.maxAttempts) throw error;
      const delayMs = error.retryAfterMs ?? backoffDelay(attempt, this.policy, this.random);
      // A wait longer than the policy allows (a daily limit's hours) is not worth holding the sync for.
      if (delayMs > this.policy.maxDelayMs) throw error;
      this.onRetry?.({ attempt, delayMs, error });
      await this.sleepFn(delayMs, signal);
    }
  }

  /** One HTTP exchange, reply body included, under the timeout. */
  private async exchange(url: string, extra: Record<string, string>, token: string, signal?: AbortSignal): Promise<Reply> {
    const init: RequestInit = {
      method: 'GET',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...extra },
      // The session travels in the Authorization header only; cookies would add nothing but ambiguity.
      credentials: 'omit',
      redirect: 'manual',
    };
    try {
      return await exchange(this.fetchFn, url, init, this.timeoutMs, signal);
    } catch (error) {
      if (!(error instanceof NoReply)) throw error;
      throw networkError(new URL(url).host, this.describeRequest(url), error.cause, error.timeoutMs);
    }
  }

  /** A path or same-origin URL → absolute URL. Refuses another origin: the session must not leave the org. */
  private resolve(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, this.apiBase);
    if (url.origin !== this.apiBase) {
      throw new SalesforceError(
        'server',
        `Salesforce pointed Dealsight to ${url.origin}, which is not the org's API host ${this.apiBase}. Nothing was sent there.`,
        {
          request: url.pathname,
        },
      );
    }
    return url.href;
  }

  /** The path and the start of the query, for messages; never the session. */
  describeRequest(url: string): string {
    const u = new URL(url, this.apiBase);
    const q = u.searchParams.get('q');
    if (q === null) return u.pathname;
    const soql = q.replace(/\s+/g, ' ').trim();
    return `${u.pathname}?q=${soql.length > 120 ? `${soql.slice(0, 117)}...` : soql}`;
  }
}

function parseJson(text: string, request: string, status: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadableReply(request, 'it is not valid JSON', status);
  }
}

/** A query whose pages would never end: stopped, with what Salesforce did, on one line. */
function pagingLoop(request: string, what: string): SalesforceError {
  return new SalesforceError('server', `Salesforce's paging of ${request} went wrong: ${what}. Dealsight stopped reading it; sync again later.`, { request });
}

function readQueryPage<T>(body: unknown, request: string): QueryPage<T> {
  if (body === null || typeof body !== 'object') throw unreadableReply(request, 'expected a query result');
  const o = body as Record<string, unknown>;
  if (!Array.isArray(o.records)) throw unreadableReply(request, 'the query result has no records list');
  const records = o.records as T[];
  const next = typeof o.nextRecordsUrl === 'string' && o.nextRecordsUrl !== '' ? o.nextRecordsUrl : null;
  // A page that is not `done` must say where the next one is; one that does not is read as the last.
  const done = o.done === true || next === null;
  const totalSize = typeof o.totalSize === 'number' && Number.isFinite(o.totalSize) ? o.totalSize : records.length;
  return { records, totalSize, done, nextRecordsUrl: done ? null : next };
}
