/**
 * Which hosts serve a HubSpot portal's pages, and where its API is.
 *
 * The app lives on `app.hubspot.com` and on one host per data-hosting region, which
 * HubSpot calls a hublet (`app-eu1.hubspot.com`, `app-na2.hubspot.com`,
 * `app-na3.hubspot.com`, `app-ap1.hubspot.com`; crm-evidence.md, "app hosts").
 *
 * The API: `api.hubapi.com` routes a request by the routing baked into the token, and a
 * token minted before that routing existed resolves to na1, so a portal that lives (or has
 * moved) elsewhere gets HTTP 488 "Hub N is unknown to this Hublet, but it appears to exist
 * in Hublet eu1" (`correctHublet: "eu1"`) on every call until the request goes to its own
 * hublet's host, `api-<hublet>.hubapi.com` (na1 keeps `api.hubapi.com`). The account's
 * details name the hublet (`dataHostingLocation`, `uiDomain`), so Dealsight calls each
 * portal on its own hublet's host and a 488 moves it there.
 * - https://github.com/HubSpot/hubspot-api-python/issues/261 (the 488 and its body)
 * - https://github.com/amp-labs/connectors/pull/3509 and its providers/hubspot/hublet.go
 *   (`api-` + hublet + `.hubapi.com`, na1 unsuffixed; https://product.hubspot.com/blog/routing-api-traffic)
 * - https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
 */
import { isLocalHost, parseUrl, type CrmHosts, type HostOptions } from '../shared/hosts';

export type { HostOptions };

/** The API host of na1, and of every token whose routing HubSpot knows. Here, not in client.ts: content scripts import this file and must not bundle the client. */
export const DEFAULT_API_BASE = 'https://api.hubapi.com';

/**
 * The hublets whose app hosts public sources show (crm-evidence.md): each one's API host is
 * an optional host permission, asked for when a portal there is connected. A hublet not
 * listed cannot be asked for (the manifest must name it), so a portal there is told so.
 */
export const HUBLETS = ['na1', 'na2', 'na3', 'eu1', 'ap1'] as const;
export type Hublet = (typeof HUBLETS)[number];
export const DEFAULT_HUBLET: Hublet = 'na1';

/** A hublet's shape: a region and a number (na1, eu1). */
const HUBLET_NAME = /^[a-z]{2}\d{1,3}$/;

/** `eu1` → `eu1`; anything not a hublet HUBLETS lists → null. */
export function knownHublet(value: unknown): Hublet | null {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (HUBLETS as readonly string[]).includes(name) ? (name as Hublet) : null;
}

/** A hublet's API host: `https://api.hubapi.com` for na1, `https://api-eu1.hubapi.com` for eu1. */
export function hubletApiBase(hublet: Hublet): string {
  return hublet === DEFAULT_HUBLET ? DEFAULT_API_BASE : `https://api-${hublet}.hubapi.com`;
}

/** Every hublet's API host. */
export const HUBLET_API_BASES: readonly string[] = HUBLETS.map(hubletApiBase);

/**
 * In an e2e build the API is a local sandbox's origin (design.md), which cannot take a
 * hublet's host name: the sandbox serves a hublet under this path prefix instead
 * (`http://127.0.0.1:4100/_hublet/eu1/crm/…` stands for `https://api-eu1.hubapi.com/crm/…`).
 */
export const LOCAL_HUBLET_PREFIX = '/_hublet';

/** The hublet an API base serves: na1 for `api.hubapi.com` and a local root, eu1 for `api-eu1.hubapi.com` or a local `/_hublet/eu1`; null for any other base. */
export function hubletOfApiBase(apiBase: string): string | null {
  const u = parseUrl(apiBase);
  if (u === null) return null;
  if (isLocalHost(u)) {
    const path = u.pathname.replace(/\/+$/, '');
    if (path === '') return DEFAULT_HUBLET;
    const m = new RegExp(`^${LOCAL_HUBLET_PREFIX}/([a-z]{2}\\d{1,3})$`).exec(path);
    return m ? (m[1] as string) : null;
  }
  if (u.protocol !== 'https:' || u.pathname.replace(/\/+$/, '') !== '') return null;
  const host = u.hostname.toLowerCase();
  if (host === 'api.hubapi.com') return DEFAULT_HUBLET;
  const m = /^api-([a-z]{2}\d{1,3})\.hubapi\.com$/.exec(host);
  return m ? (m[1] as string) : null;
}

/**
 * Where `hublet` is served, seen from the API base in use: HubSpot's hublet host for a
 * HubSpot API base, the sandbox's hublet prefix for a local one (e2e); null when the
 * hublet is not one HUBLETS lists, or the base is neither.
 */
export function apiBaseForHublet(currentBase: string, hublet: unknown): string | null {
  const known = knownHublet(hublet);
  const u = parseUrl(currentBase);
  if (known === null || u === null || hubletOfApiBase(currentBase) === null) return null;
  if (isLocalHost(u)) return known === DEFAULT_HUBLET ? u.origin : `${u.origin}${LOCAL_HUBLET_PREFIX}/${known}`;
  return hubletApiBase(known);
}

/** The hublet a private app token names: `pat-eu1-…` → eu1 (Service Keys have no documented prefix: null). */
export function hubletOfToken(token: string): Hublet | null {
  const m = /^pat-([a-z]{2}\d{1,3})-/.exec(token.trim());
  return m ? knownHublet(m[1]) : null;
}

/** The hublet of an account's details: `dataHostingLocation`, else the hublet its `uiDomain` names (`app-eu1.hubspot.com`). */
export function hubletOfAccount(details: { dataHostingLocation: string | null; uiDomain: string | null }): string | null {
  const location = details.dataHostingLocation?.trim().toLowerCase() ?? '';
  if (HUBLET_NAME.test(location)) return location;
  const domain = details.uiDomain?.trim().toLowerCase() ?? '';
  if (domain === 'app.hubspot.com') return DEFAULT_HUBLET;
  const m = /^app-([a-z]{2}\d{1,3})\.hubspot\.com$/.exec(domain);
  return m ? (m[1] as string) : null;
}

/** The match pattern of an API base's origin, as a host permission names it. */
export function apiOriginPattern(apiBase: string): string {
  const u = parseUrl(apiBase);
  return u === null ? apiBase : `${u.origin}/*`;
}

/**
 * Match patterns of the app hosts, listed (a pattern cannot say `app-*`, and `*.hubspot.com`
 * would also cover HubSpot's website).
 */
const APP_MATCHES = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
  'https://app-na3.hubspot.com/*',
  'https://app-ap1.hubspot.com/*',
];

/**
 * HubSpot's host table: the overlay on the app hosts; each hublet's API host asked for when
 * the user connects a portal there (only that one: a browser without HubSpot never grants
 * any). The page URL names the portal, so no cookie is read and the app hosts need no host
 * permission of their own.
 */
export const HUBSPOT_HOSTS: CrmHosts = {
  overlay: APP_MATCHES,
  pages: APP_MATCHES,
  permissions: [],
  optionalPermissions: HUBLET_API_BASES.map(apiOriginPattern),
};

/** `app.hubspot.com` and the regional `app-<region><n>.hubspot.com`. */
const APP_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;

/** Whether the URL is a page of the HubSpot app (or, in e2e mode, of the local sandbox). */
export function isHubSpotHost(url: string | URL, options: HostOptions = {}): boolean {
  return apiBaseFor(url, options) !== null;
}

/**
 * The API origin for a page of a portal: `https://api.hubapi.com` on HubSpot's app hosts,
 * the page's own origin on localhost (e2e), null for any other page.
 */
export function apiBaseFor(pageUrl: string | URL, options: HostOptions = {}): string | null {
  const u = parseUrl(pageUrl);
  if (u === null) return null;
  if (isLocalHost(u)) return options.localhost === false ? null : u.origin;
  return u.protocol === 'https:' && APP_HOST.test(u.hostname.toLowerCase()) ? DEFAULT_API_BASE : null;
}
