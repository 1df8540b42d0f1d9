import type { IsoDate } from '../../crm/opportunity';
import type { SandboxOrg } from '../types';
import { parseApiVersion, OLDEST_VERSION } from './versions';

export interface SalesforceServerOptions {
  /** Generator seed (default 7); ignored when `org` is given. */
  seed?: number;
  /** Generated opportunities (default 2000); ignored when `org` is given. */
  opportunities?: number;
  /** Serve this org instead of generating one. The server works on a copy. */
  org?: SandboxOrg;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The newest API version served, "62.0" by default; /services/data/ lists 31.0 up to it. */
  apiVersion?: string;
  /** Plant hostile names and odd values (see hostile.ts). Default true. */
  hostile?: boolean;
  /** A multi-currency org: `CurrencyIsoCode` on opportunities, accounts and history. Default false. */
  multiCurrency?: boolean;
  /** Sales Territories enabled: `Territory2` and `Opportunity.Territory2Id`. Default true. */
  territories?: boolean;
  /** "Today" for SOQL date literals (TODAY, LAST_N_YEARS:n, …); the org's as-of day by default. */
  today?: IsoDate;
  /** The daily API request allowance in `Sforce-Limit-Info` and /limits. Default 15000. */
  apiLimit?: number;
  /** How long Lightning-like pages take to show their content, in ms. Default 100. */
  renderDelayMs?: number;
  /** Send a Lightning-like Content-Security-Policy with the pages. Default false. */
  contentSecurityPolicy?: boolean;
}

export interface ResolvedOptions {
  seed: number;
  opportunities: number;
  org: SandboxOrg | null;
  port: number;
  host: string;
  apiVersion: number;
  hostile: boolean;
  multiCurrency: boolean;
  territories: boolean;
  today: IsoDate | null;
  apiLimit: number;
  renderDelayMs: number;
  contentSecurityPolicy: boolean;
}

export const SERVER_DEFAULTS = {
  seed: 7,
  opportunities: 2000,
  port: 0,
  host: '127.0.0.1',
  apiVersion: '62.0',
  apiLimit: 15_000,
  renderDelayMs: 100,
} as const;

/** Options merged with the defaults and checked up front, each error naming the option. */
export function resolveOptions(options: SalesforceServerOptions): ResolvedOptions {
  const fail = (message: string): never => {
    throw new Error(`startSalesforceServer: ${message}`);
  };
  const seed = options.seed ?? SERVER_DEFAULTS.seed;
  if (!Number.isFinite(seed)) fail(`seed must be a finite number, got ${seed}`);
  const opportunities = options.opportunities ?? SERVER_DEFAULTS.opportunities;
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > 200_000) {
    fail(`opportunities must be a whole number from 1 to 200000, got ${opportunities}`);
  }
  const port = options.port ?? SERVER_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`port must be 0 to 65535, got ${port}`);
  const versionText = options.apiVersion ?? SERVER_DEFAULTS.apiVersion;
  const apiVersion = parseApiVersion(versionText);
  if (apiVersion === null || apiVersion < OLDEST_VERSION) fail(`apiVersion must look like "62.0" and be at least ${OLDEST_VERSION}.0, got "${versionText}"`);
  const today = options.today ?? null;
  if (today !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))) {
    fail(`today must be a date as YYYY-MM-DD, got "${today}"`);
  }
  const apiLimit = options.apiLimit ?? SERVER_DEFAULTS.apiLimit;
  if (!Number.isInteger(apiLimit) || apiLimit < 1) fail(`apiLimit must be a positive whole number, got ${apiLimit}`);
  const renderDelayMs = options.renderDelayMs ?? SERVER_DEFAULTS.renderDelayMs;
  if (!Number.isFinite(renderDelayMs) || renderDelayMs < 0 || renderDelayMs > 60_000) fail(`renderDelayMs must be 0 to 60000, got ${renderDelayMs}`);
  return {
    seed,
    opportunities,
    org: options.org ?? null,
    port,
    host: options.host ?? SERVER_DEFAULTS.host,
    apiVersion: apiVersion as number,
    hostile: options.hostile ?? true,
    multiCurrency: options.multiCurrency ?? false,
    territories: options.territories ?? true,
    today,
    apiLimit,
    renderDelayMs,
    contentSecurityPolicy: options.contentSecurityPolicy ?? false,
  };
}
