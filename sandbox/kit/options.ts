import type { SandboxOrg } from '../../lib/sandbox/types';

/** The options every sandbox server takes, and how it reports a bad one. */
export interface CommonOptions {
  /** Generator seed (default 7); ignored when `org` is given. */
  seed?: number;
  /** Generated opportunities (default 2000); ignored when `org` is given. */
  opportunities?: number;
  /** Serve this org (as the generator makes it) instead of generating one. The server works on a copy. */
  org?: SandboxOrg;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Plant hostile names and odd values (see hostile.ts). Default true. */
  hostile?: boolean;
  /** How long the CRM-like pages take to show their content, in ms. Default 100. */
  renderDelayMs?: number;
}

export interface ResolvedCommonOptions {
  seed: number;
  opportunities: number;
  org: SandboxOrg | null;
  port: number;
  host: string;
  hostile: boolean;
  renderDelayMs: number;
}

export const COMMON_DEFAULTS = { seed: 7, opportunities: 2000, port: 0, host: '127.0.0.1', renderDelayMs: 100 } as const;

/** Throws `${caller}: message`: every option error names the function and the option. */
export function optionError(caller: string): (message: string) => never {
  return (message) => {
    throw new Error(`${caller}: ${message}`);
  };
}

/** The common options merged with the defaults and checked up front. */
export function resolveCommonOptions(caller: string, options: CommonOptions): ResolvedCommonOptions {
  const fail = optionError(caller);
  const seed = options.seed ?? COMMON_DEFAULTS.seed;
  if (!Number.isFinite(seed)) fail(`seed must be a finite number, got ${seed}`);
  const opportunities = options.opportunities ?? COMMON_DEFAULTS.opportunities;
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > 200_000) {
    fail(`opportunities must be a whole number from 1 to 200000, got ${opportunities}`);
  }
  const port = options.port ?? COMMON_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`port must be 0 to 65535, got ${port}`);
  const renderDelayMs = options.renderDelayMs ?? COMMON_DEFAULTS.renderDelayMs;
  if (!Number.isFinite(renderDelayMs) || renderDelayMs < 0 || renderDelayMs > 60_000) fail(`renderDelayMs must be 0 to 60000, got ${renderDelayMs}`);
  return {
    seed,
    opportunities,
    org: options.org ?? null,
    port,
    host: options.host ?? COMMON_DEFAULTS.host,
    hostile: options.hostile ?? true,
    renderDelayMs,
  };
}
