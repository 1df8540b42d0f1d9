/**
 * What every connector's host handling shares: the e2e build's local hosts, lenient URL
 * parsing, and the shape of a CRM's host table (one per CRM, in its own hosts.ts), from
 * which the manifest, the content scripts' matches and the background's tab queries are
 * all derived (lib/crm/registry.ts): no list of hosts is kept anywhere else.
 */

export interface HostOptions {
  /**
   * Treat `localhost` and `127.0.0.1` as a CRM whose API is the page's own origin (the
   * e2e contract in design.md). Production manifests never match these hosts, so the
   * default (on) only matters to the e2e build and the tests; `false` turns it off.
   */
  localhost?: boolean;
}

/**
 * The match patterns the e2e build adds for every CRM: the local sandbox servers stand in
 * for the real hosts there (design.md, "Contracts others rely on"). Production builds never
 * carry them.
 */
export const E2E_MATCHES: readonly string[] = ['http://localhost/*', 'http://127.0.0.1/*'];

/** `patterns`, plus the local hosts in an e2e build. */
export function withE2E(patterns: readonly string[], e2e: boolean): string[] {
  return minimalPatterns([...patterns, ...(e2e ? E2E_MATCHES : [])]);
}

/** One CRM's hosts, as match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
export interface CrmHosts {
  /** The app pages where the overlay runs: the content script's `matches`, and the tabs told about new data. */
  overlay: readonly string[];
  /**
   * Pages under an `overlay` wildcard where the overlay must not run (the content script's
   * `exclude_matches`): a CRM's own sites that share a domain with its customers' hosts.
   */
  overlayExclude?: readonly string[];
  /** Every page host of a CRM instance (the tabs a session can be read from, the tabs offered to connect). */
  pages: readonly string[];
  /** Hosts the background reads cookies from or calls, granted at install (`host_permissions`). */
  permissions: readonly string[];
  /** Hosts asked for when the user connects (`optional_host_permissions`). */
  optionalPermissions: readonly string[];
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** The URL, or null when it does not parse. */
export function parseUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether the URL is on localhost or 127.0.0.1 (any port, http or https). */
export function isLocalHost(url: string | URL): boolean {
  const u = parseUrl(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname);
}

/** `https://*.example.com/*` → its scheme and host part (`*.example.com`), or null for another shape. */
function patternParts(pattern: string): { scheme: string; host: string } | null {
  const m = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern);
  return m?.[1] && m[2] ? { scheme: m[1], host: m[2] } : null;
}

/**
 * Whether a URL matches a match pattern of the shapes the host tables use
 * (`scheme://host/*`, `scheme://*.domain/*`). A port in the URL does not matter, as in
 * the browsers' own matching.
 */
export function matchesPattern(pattern: string, url: string | URL): boolean {
  const parts = patternParts(pattern);
  const u = parseUrl(url);
  if (!parts || !u) return false;
  const scheme = u.protocol.slice(0, -1);
  if (parts.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : parts.scheme !== scheme) return false;
  const host = u.hostname.toLowerCase();
  if (parts.host.startsWith('*.')) {
    const domain = parts.host.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  }
  return host === parts.host;
}

/** Whether every URL `inner` matches, `outer` matches too (same scheme, and a host equal to or under outer's wildcard). */
export function patternCovers(outer: string, inner: string): boolean {
  const o = patternParts(outer);
  const i = patternParts(inner);
  if (!o || !i || (o.scheme !== i.scheme && o.scheme !== '*')) return false;
  if (o.host === i.host) return true;
  if (!o.host.startsWith('*.')) return false;
  const domain = o.host.slice(2);
  const innerHost = i.host.startsWith('*.') ? i.host.slice(2) : i.host;
  return innerHost === domain || innerHost.endsWith(`.${domain}`);
}

/**
 * The patterns in first-seen order without repeats and without those another one covers
 * (`https://*.my.salesforce.com/*` goes when `https://*.salesforce.com/*` is there).
 */
export function minimalPatterns(patterns: Iterable<string>): string[] {
  const unique = [...new Set(patterns)];
  return unique.filter((p) => !unique.some((q) => q !== p && patternCovers(q, p)));
}
