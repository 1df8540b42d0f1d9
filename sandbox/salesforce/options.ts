import type { IsoDate } from '../../lib/crm/opportunity';
import { COMMON_DEFAULTS, optionError, resolveCommonOptions, type CommonOptions, type ResolvedCommonOptions } from '../kit/options';
import { parseApiVersion, OLDEST_VERSION } from './versions';

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
  /** Send a Lightning-like Content-Security-Policy with the pages. Default false. */
  contentSecurityPolicy?: boolean;
}

export interface ResolvedOptions extends ResolvedCommonOptions {
  apiVersion: number;
  multiCurrency: boolean;
  territories: boolean;
  today: IsoDate | null;
  apiLimit: number;
  contentSecurityPolicy: boolean;
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
  return {
    ...common,
    apiVersion: apiVersion as number,
    multiCurrency: options.multiCurrency ?? false,
    territories: options.territories ?? true,
    today,
    apiLimit,
    contentSecurityPolicy: options.contentSecurityPolicy ?? false,
  };
}
