/**
 * Which hosts serve a HubSpot portal's pages, and where its API is.
 *
 * The app lives on `app.hubspot.com` and on one host per data-hosting region
 * (`app-eu1.hubspot.com`, `app-na2.hubspot.com`, `app-na3.hubspot.com`, `app-ap1.hubspot.com`).
 * The API is `https://api.hubapi.com` for every region: HubSpot routes a private app token
 * to its portal's data centre (EU tokens start `pat-eu1-`). `api-eu1.hubapi.com` exists
 * too, but nothing requires it, and one API host keeps the extension's host permissions short.
 * https://developers.hubspot.com/docs/api/overview
 */
import { isLocalHost, parseUrl, type CrmHosts, type HostOptions } from '../shared/hosts';

export type { HostOptions };

/** Every portal's API host (see above). Here, not in client.ts: content scripts import this file and must not bundle the client. */
export const DEFAULT_API_BASE = 'https://api.hubapi.com';

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
 * HubSpot's host table: the overlay on the app hosts; the API host asked for when the user
 * connects a portal (a browser without HubSpot never grants it). The page URL names the
 * portal, so no cookie is read and the app hosts need no host permission of their own.
 */
export const HUBSPOT_HOSTS: CrmHosts = {
  overlay: APP_MATCHES,
  pages: APP_MATCHES,
  permissions: [],
  optionalPermissions: [`${DEFAULT_API_BASE}/*`],
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
