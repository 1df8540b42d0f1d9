import type { IsoDate } from '../../lib/crm/opportunity';
import { COMMON_DEFAULTS, optionError, resolveCommonOptions, type CommonOptions, type ResolvedCommonOptions } from '../kit/options';
import type { OAuthAppOption } from './oauth';
import type { SalesforceRecordSet } from './seeded-records';
import type { CustomFieldOption } from './schema';
import { parseApiVersion, OLDEST_VERSION } from './versions';
import { resolvePageDefaults, type LightningPageOptions } from './pages/page-options';

export interface SalesforceServerOptions extends CommonOptions {
  /** The newest API version served, "62.0" by default; /services/data/ lists 31.0 up to it. */
  apiVersion?: string;
  /** A multi-currency org: `CurrencyIsoCode` on opportunities, accounts and history. Default false. */
  multiCurrency?: boolean;
  /** Sales Territories enabled: `Territory2` and `Opportunity.Territory2Id`. Default true. */
  territories?: boolean;
  /** "Today" for SOQL date literals (TODAY, LAST_N_YEARS:n, …); the org's as-of day by default. */
  today?: IsoDate;
  /** The daily API request allowance in `Sforce-Limit-Info` and /limits. Default 15000. */
  apiLimit?: number;
  /**
   * The shape pages are served in when the request does not ask (`?app=console`, a cookie):
   * standard navigation, LWC highlights and list views, light theme by default. See
   * pages/page-options.ts for every option and its values.
   */
  pages?: Partial<LightningPageOptions>;
  /** Send a Lightning-like Content-Security-Policy with the pages. Default false. */
  contentSecurityPolicy?: boolean;
  /** The session id to start with (what `sid` holds); a random one shaped like Salesforce's by default. */
  sessionId?: string;
  /** More custom Opportunity fields, in describe and SOQL (generated records hold null in them). */
  customFields?: readonly CustomFieldOption[];
  /**
   * Records per query batch by object (`{ Opportunity: 2 }`), whatever `Sforce-Query-Options`
   * asks: Salesforce may send fewer records than asked, and small batches make paging
   * short to test. Objects not named follow the header (200–2000, default 2000).
   */
  batchSizes?: Readonly<Record<string, number>>;
  /**
   * Send the records of a query with ORDER BY in the reverse of the order asked (default
   * false): a server that does not keep the order, for the connector's resume logic.
   */
  reverseOrderBy?: boolean;
  /**
   * Serve exactly these records instead of a generated org (connector unit tests that need
   * particular records); see seeded-records.ts. The schema then also has Organization,
   * Product2 and OpportunityLineItem; there are no pages, and `org`, `touch` and
   * `addOpportunities` refuse: change the records with `putRecords` and `deleteRecords`.
   */
  records?: SalesforceRecordSet;
  /**
   * The org's API Access Control (default off): the REST API refuses session ids with 401
   * INVALID_SESSION_ID "This session is not valid for use with the REST API", as orgs with
   * API Access Control or High-Assurance sessions do; OAuth tokens still work.
   */
  apiAccessControl?: boolean;
  /** External Client Apps for the OAuth flow (oauth.ts); more can be added later (`oauth.register`, `/__sandbox/oauth-apps`). */
  oauthApps?: readonly OAuthAppOption[];
  /**
   * The `instance_url` token replies name (default: this server's own origin): a real
   * login.salesforce.com answers with the org's My Domain, which an in-process test can
   * stand for here.
   */
  oauthInstanceUrl?: string;
}

export interface ResolvedOptions extends ResolvedCommonOptions {
  apiVersion: number;
  multiCurrency: boolean;
  territories: boolean;
  today: IsoDate | null;
  apiLimit: number;
  pages: LightningPageOptions;
  contentSecurityPolicy: boolean;
  sessionId: string | null;
  customFields: readonly CustomFieldOption[];
  batchSizes: ReadonlyMap<string, number>;
  reverseOrderBy: boolean;
  records: SalesforceRecordSet | null;
  apiAccessControl: boolean;
  oauthApps: readonly OAuthAppOption[];
  oauthInstanceUrl: string | null;
}

export const SERVER_DEFAULTS = {
  ...COMMON_DEFAULTS,
  apiVersion: '62.0',
  apiLimit: 15_000,
} as const;

/** Options merged with the defaults and checked up front, each error naming the option. */
export function resolveOptions(options: SalesforceServerOptions): ResolvedOptions {
  const caller = 'startSalesforceServer';
  const fail = optionError(caller);
  const common = resolveCommonOptions(caller, options);
  const versionText = options.apiVersion ?? SERVER_DEFAULTS.apiVersion;
  const apiVersion = parseApiVersion(versionText);
  if (apiVersion === null || apiVersion < OLDEST_VERSION) fail(`apiVersion must look like "62.0" and be at least ${OLDEST_VERSION}.0, got "${versionText}"`);
  const today = options.today ?? null;
  if (today !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))) {
    fail(`today must be a date as YYYY-MM-DD, got "${today}"`);
  }
  const apiLimit = options.apiLimit ?? SERVER_DEFAULTS.apiLimit;
  if (!Number.isInteger(apiLimit) || apiLimit < 1) fail(`apiLimit must be a positive whole number, got ${apiLimit}`);
  const sessionId = options.sessionId ?? null;
  if (sessionId !== null && !/^\S{8,512}$/.test(sessionId)) fail('sessionId must be 8 to 512 characters without spaces');
  const customFields = options.customFields ?? [];
  for (const f of customFields) {
    if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(f.name)) fail(`a custom field's name ends in __c, got "${f.name}"`);
  }
  const batchSizes = new Map<string, number>();
  for (const [object, size] of Object.entries(options.batchSizes ?? {})) {
    if (!Number.isInteger(size) || size < 1) fail(`batchSizes.${object} must be a whole number ≥ 1, got ${size}`);
    batchSizes.set(object.toLowerCase(), size);
  }
  return {
    ...common,
    apiVersion: apiVersion as number,
    multiCurrency: options.multiCurrency ?? false,
    territories: options.territories ?? true,
    today,
    apiLimit,
    pages: resolvePageDefaults(options.pages, fail),
    contentSecurityPolicy: options.contentSecurityPolicy ?? false,
    sessionId,
    customFields,
    batchSizes,
    reverseOrderBy: options.reverseOrderBy ?? false,
    records: options.records ?? null,
    apiAccessControl: options.apiAccessControl ?? false,
    oauthApps: options.oauthApps ?? [],
    oauthInstanceUrl: options.oauthInstanceUrl ?? null,
  };
}
