import { COMMON_DEFAULTS, optionError, resolveCommonOptions, type CommonOptions, type ResolvedCommonOptions } from '../kit/options';
import { ALL_SCOPES, type Scope } from './scopes';
import { PAGING_MISBEHAVIOURS, type PagingMisbehaviour } from './misbehave';
import type { HubSpotRecordSet } from './seeded-records';

export interface HubSpotServerOptions extends CommonOptions {
  /**
   * The legacy private app's access token; a random `pat-na1-…` token by default (its
   * prefix is its routing on api.hubapi.com: na1 for a token minted before the portal
   * moved, hubspot-api-python #261).
   */
  token?: string;
  /** The Service Key (random and opaque by default: HubSpot documents no shape for one). */
  serviceKey?: string;
  /**
   * Scopes the Service Key was given at creation (HubSpot lets a key have only scopes its
   * creator has: a creator who cannot see contacts makes a key without
   * crm.objects.contacts.read); the private app's `scopes` by default.
   */
  serviceKeyScopes?: readonly Scope[];
  /**
   * The hublet the portal lives in (na1 by default). Another hublet's host answers 488
   * naming it, and so does api.hubapi.com for a private app token whose routing names
   * another hublet; the hublet's own host is `api-<hublet>.hubapi.com` in-process and the
   * `/_hublet/<hublet>` prefix on the local server (lib/crm/hubspot/hosts.ts).
   */
  hublet?: string;
  /** The account's Hub ID (portal id) in page URLs and /account-info; derived from the seed by default. */
  portalId?: number;
  /** Scopes the private app was granted; every scope the server knows by default. */
  scopes?: readonly Scope[];
  /** Search requests allowed per second per token (HubSpot: 5). */
  searchPerSecond?: number;
  /** Requests allowed per rolling ten seconds per token (HubSpot Professional private app: 190). */
  perTenSeconds?: number;
  /** Requests allowed per day (HubSpot Professional: 625,000). */
  daily?: number;
  /**
   * Send `X-HubSpot-RateLimit-Daily` and `-Daily-Remaining` (default true, as to a private
   * app; false as to an OAuth app, which HubSpot sends no daily headers).
   */
  dailyLimitHeaders?: boolean;
  /**
   * The clock of the rate limits and of the recorded requests' times (Date.now by
   * default): a test's ManualClock makes every window exact without waiting.
   */
  now?: () => number;
  /**
   * Paging that never ends the usual way (misbehave.ts): 'repeat-cursor' answers a page
   * asked for with a cursor with that same cursor as the next; 'endless' keeps a search
   * paging past its `total`. None by default; `setPaging` changes it while the server runs.
   */
  paging?: PagingMisbehaviour | null;
  /** Only API paths matching this misbehave in their paging (all by default). */
  pagingPath?: RegExp | null;
  /** Answer every API request with a 302 to this URL (misbehave.ts); none by default, `setRedirect` changes it. */
  redirectTo?: string | null;
  /**
   * Serve exactly these records instead of a generated account (connector unit tests that
   * need particular records); see seeded-records.ts. There are no pages then, and `org`,
   * `touch`, `addDeals`, `archive` and `dealProperties` refuse: change the records with
   * `putRecords`.
   */
  records?: HubSpotRecordSet;
}

export interface ResolvedOptions extends ResolvedCommonOptions {
  token: string | null;
  serviceKey: string | null;
  serviceKeyScopes: Scope[];
  hublet: string;
  portalId: number | null;
  scopes: Scope[];
  searchPerSecond: number;
  perTenSeconds: number;
  daily: number;
  dailyLimitHeaders: boolean;
  now: () => number;
  paging: PagingMisbehaviour | null;
  pagingPath: RegExp | null;
  redirectTo: string | null;
  records: HubSpotRecordSet | null;
}

export const HUBSPOT_SERVER_DEFAULTS = {
  ...COMMON_DEFAULTS,
  searchPerSecond: 5,
  perTenSeconds: 190,
  daily: 625_000,
} as const;

/** Options merged with the defaults and checked up front, each error naming the option. */
export function resolveOptions(options: HubSpotServerOptions): ResolvedOptions {
  const caller = 'startHubSpotServer';
  const fail = optionError(caller);
  const common = resolveCommonOptions(caller, options);
  const d = HUBSPOT_SERVER_DEFAULTS;
  const token = options.token ?? null;
  if (token !== null && !/^[A-Za-z0-9._~+/-]{8,512}$/.test(token)) fail('token must be 8 to 512 characters that a Bearer header can carry');
  const portalId = options.portalId ?? null;
  if (portalId !== null && (!Number.isSafeInteger(portalId) || portalId < 1)) fail(`portalId must be a positive whole number, got ${portalId}`);
  const serviceKey = options.serviceKey ?? null;
  if (serviceKey !== null && !/^[A-Za-z0-9._~+/-]{8,512}$/.test(serviceKey)) fail('serviceKey must be 8 to 512 characters that a Bearer header can carry');
  if (serviceKey !== null && serviceKey === token) fail('serviceKey and token must differ');
  const scopes = [...(options.scopes ?? ALL_SCOPES)];
  const serviceKeyScopes = [...(options.serviceKeyScopes ?? scopes)];
  for (const scope of [...scopes, ...serviceKeyScopes])
    if (!(ALL_SCOPES as readonly string[]).includes(scope)) fail(`unknown scope "${scope}"; known: ${ALL_SCOPES.join(', ')}`);
  const hublet = options.hublet ?? 'na1';
  if (!/^[a-z]{2}\d{1,3}$/.test(hublet)) fail(`hublet must be a hublet's name such as na1 or eu1, got "${hublet}"`);
  const positive = (name: string, value: number): number => {
    if (!(value === Infinity || (Number.isInteger(value) && value >= 1))) fail(`${name} must be a whole number ≥ 1 or Infinity, got ${value}`);
    return value;
  };
  const paging = checkedPaging(options.paging ?? null, fail);
  const redirectTo = checkedRedirect(options.redirectTo ?? null, fail);
  return {
    ...common,
    paging,
    pagingPath: options.pagingPath ?? null,
    redirectTo,
    token,
    serviceKey,
    serviceKeyScopes,
    hublet,
    portalId,
    scopes,
    searchPerSecond: positive('searchPerSecond', options.searchPerSecond ?? d.searchPerSecond),
    perTenSeconds: positive('perTenSeconds', options.perTenSeconds ?? d.perTenSeconds),
    daily: positive('daily', options.daily ?? d.daily),
    dailyLimitHeaders: options.dailyLimitHeaders ?? true,
    now: options.now ?? Date.now,
    records: options.records ?? null,
  };
}

/** A paging misbehaviour the sandbox knows, or null; anything else fails naming the option. */
export function checkedPaging(value: unknown, fail: (message: string) => never): PagingMisbehaviour | null {
  if (value === null) return null;
  if (!(PAGING_MISBEHAVIOURS as readonly unknown[]).includes(value))
    fail(`paging must be one of ${PAGING_MISBEHAVIOURS.join(', ')} or null, got ${JSON.stringify(value)}`);
  return value as PagingMisbehaviour;
}

/** An http(s) URL to redirect the API to, or null; anything else fails naming the option. */
export function checkedRedirect(value: unknown, fail: (message: string) => never): string | null {
  if (value === null) return null;
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail(`redirectTo must be an http(s) URL or null, got ${JSON.stringify(value)}`);
  return String(value);
}
