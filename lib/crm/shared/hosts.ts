/** What every connector's URL detection shares: the e2e build's local hosts and lenient URL parsing. */

export interface HostOptions {
  /**
   * Treat `localhost` and `127.0.0.1` as a CRM whose API is the page's own origin (the
   * e2e contract in design.md). Production manifests never match these hosts, so the
   * default (on) only matters to the e2e build and the tests; `false` turns it off.
   */
  localhost?: boolean;
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
