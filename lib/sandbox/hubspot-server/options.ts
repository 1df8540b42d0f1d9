import type { SandboxOrg } from '../types';
import { ALL_SCOPES, type Scope } from './scopes';

export interface HubSpotServerOptions {
  /** Generator seed (default 7); ignored when `org` is given. */
  seed?: number;
  /** Generated deals (default 2000); ignored when `org` is given. */
  opportunities?: number;
  /** Serve this org (with the generator's Salesforce-shaped ids) instead of generating one. The server works on a copy. */
  org?: SandboxOrg;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The private app's access token; a random `pat-na1-…` token by default. */
  token?: string;
  /** The account's Hub ID (portal id) in page URLs and /account-info; derived from the seed by default. */
  portalId?: number;
  /** Scopes the private app was granted; every scope the server knows by default. */
  scopes?: readonly Scope[];
  /** Plant hostile names and odd values (see ../server-kit/hostile.ts). Default true. */
  hostile?: boolean;
  /** Search requests allowed per second per token (HubSpot: 5). */
  searchPerSecond?: number;
  /** Requests allowed per rolling ten seconds per token (HubSpot Professional private app: 190). */
  perTenSeconds?: number;
  /** Requests allowed per day (HubSpot Professional: 625,000). */
  daily?: number;
  /** How long the pages take to show their content, in ms. Default 100. */
  renderDelayMs?: number;
}

export interface ResolvedOptions {
  seed: number;
  opportunities: number;
  org: SandboxOrg | null;
  port: number;
  host: string;
  token: string | null;
  portalId: number | null;
  scopes: Scope[];
  hostile: boolean;
  searchPerSecond: number;
  perTenSeconds: number;
  daily: number;
  renderDelayMs: number;
}

export const HUBSPOT_SERVER_DEFAULTS = {
  seed: 7,
  opportunities: 2000,
  port: 0,
  host: '127.0.0.1',
  searchPerSecond: 5,
  perTenSeconds: 190,
  daily: 625_000,
  renderDelayMs: 100,
} as const;

/** Options merged with the defaults and checked up front, each error naming the option. */
export function resolveOptions(options: HubSpotServerOptions): ResolvedOptions {
  const fail = (message: string): never => {
    throw new Error(`startHubSpotServer: ${message}`);
  };
  const d = HUBSPOT_SERVER_DEFAULTS;
  const seed = options.seed ?? d.seed;
  if (!Number.isFinite(seed)) fail(`seed must be a finite number, got ${seed}`);
  const opportunities = options.opportunities ?? d.opportunities;
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > 200_000) {
    fail(`opportunities must be a whole number from 1 to 200000, got ${opportunities}`);
  }
  const port = options.port ?? d.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`port must be 0 to 65535, got ${port}`);
  const token = options.token ?? null;
  if (token !== null && !/^[A-Za-z0-9._~+/-]{8,512}$/.test(token)) fail('token must be 8 to 512 characters that a Bearer header can carry');
  const portalId = options.portalId ?? null;
  if (portalId !== null && (!Number.isSafeInteger(portalId) || portalId < 1)) fail(`portalId must be a positive whole number, got ${portalId}`);
  const scopes = [...(options.scopes ?? ALL_SCOPES)];
  for (const scope of scopes) if (!(ALL_SCOPES as readonly string[]).includes(scope)) fail(`unknown scope "${scope}"; known: ${ALL_SCOPES.join(', ')}`);
  const positive = (name: string, value: number): number => {
    if (!(value === Infinity || (Number.isInteger(value) && value >= 1))) fail(`${name} must be a whole number ≥ 1 or Infinity, got ${value}`);
    return value;
  };
  const renderDelayMs = options.renderDelayMs ?? d.renderDelayMs;
  if (!Number.isFinite(renderDelayMs) || renderDelayMs < 0 || renderDelayMs > 60_000) fail(`renderDelayMs must be 0 to 60000, got ${renderDelayMs}`);
  return {
    seed,
    opportunities,
    org: options.org ?? null,
    port,
    host: options.host ?? d.host,
    token,
    portalId,
    scopes,
    hostile: options.hostile ?? true,
    searchPerSecond: positive('searchPerSecond', options.searchPerSecond ?? d.searchPerSecond),
    perTenSeconds: positive('perTenSeconds', options.perTenSeconds ?? d.perTenSeconds),
    daily: positive('daily', options.daily ?? d.daily),
    renderDelayMs,
  };
}
