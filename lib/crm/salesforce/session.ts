/**
 * Finds the user's Salesforce session for a tab, the way Salesforce Inspector (Reloaded)
 * does: the `sid` cookie of the tab's host names the org (the id before the `!`), and the
 * session to call the API with is that org's `sid` cookie on its My Domain host. The
 * Lightning host's own session is refused by the REST API, and several orgs can be open at
 * once, so the org id is what ties the two cookies together.
 *
 * A stale `sid` can sit beside the fresh one (after a browser restore or a domain change:
 * ../shared/crm-evidence.md, "stale sid"), and the browser's `cookies.get` gives only one
 * of them (the longest path, then the oldest). So every other `sid` cookie of the org on
 * the API host comes along (`moreSids`), for the client to try before it says the session
 * expired (SIR's `getSfHost` also searches all `sid` cookies for the one of the org).
 *
 * Cookies are read through the functions the caller passes (the background hands in
 * `browser.cookies.get` and `getAll`), so this stays free of browser APIs.
 */
import { apiHostFor, isLocalHost, isSessionUnreadable, type HostOptions } from './hosts';
import { toId18 } from './ids';

/** Reads one cookie's value for a URL, or null when there is none. */
export type GetCookie = (url: string, name: string) => Promise<string | null>;
/** The values of every cookie called `name` whose domain is `domain` or under it (any path, any partition the browser gives). */
export type GetAllCookies = (name: string, domain: string) => Promise<string[]>;

export type SessionResult =
  | {
      ok: true;
      /** Origin of the org's REST API: `https://acme.my.salesforce.com` (the page's origin on localhost). */
      apiBase: string;
      /** The session: a secret, to be sent only to `apiBase` and never logged or stored in plain sight. */
      sid: string;
      /** Other `sid` cookies of the same org on the API host, to try when `sid` is refused (absent when there are none). */
      moreSids?: string[];
      /** The org's 18-character id; on localhost without an org id in the cookie, the page's host. */
      orgId: string;
    }
  | {
      ok: false;
      /** `unreadable`: a proxy (Microsoft Defender for Cloud Apps) keeps the session; only OAuth works from there. */
      state: 'not-logged-in' | 'not-salesforce' | 'unreadable';
      /** For the rep: what to do. */
      message: string;
    };

export const SESSION_COOKIE = 'sid';

export const SESSION_MESSAGES = {
  notSalesforce: 'This page is not a Salesforce org. Open an opportunity in Salesforce.',
  notLoggedIn: 'You are not logged in to Salesforce in this browser. Log in, then open Salesforce to connect.',
  unreadable: (host: string) =>
    `The Salesforce session cannot be read through Microsoft Defender for Cloud Apps (${host}): connect with OAuth in Dealsight's options (Salesforce › Connect with OAuth).`,
} as const;

/** `00D5g000001aBcD!AQ…` → the org id, or null when the value does not start with one. */
export function orgIdOfSid(sid: string): string | null {
  const bang = sid.indexOf('!');
  if (bang < 0) return null;
  const prefix = sid.slice(0, bang);
  return prefix.startsWith('00D') ? toId18(prefix) : null;
}

export async function findSession(tabUrl: string, getCookie: GetCookie, options: HostOptions = {}, getAll?: GetAllCookies): Promise<SessionResult> {
  const apiBase = apiHostFor(tabUrl, options);
  if (apiBase === null) return { ok: false, state: 'not-salesforce', message: SESSION_MESSAGES.notSalesforce };
  const page = new URL(tabUrl);
  if (isSessionUnreadable(page)) return { ok: false, state: 'unreadable', message: SESSION_MESSAGES.unreadable(page.hostname) };
  const notLoggedIn = { ok: false, state: 'not-logged-in', message: SESSION_MESSAGES.notLoggedIn } as const;

  if (isLocalHost(page)) {
    // The e2e contract: the page's own origin serves the API, authorised with its own sid.
    const sid = await readCookie(getCookie, `${page.origin}/`);
    if (sid === null) return notLoggedIn;
    return withMore({ ok: true, apiBase, sid, orgId: orgIdOfSid(sid) ?? page.host }, await others(getAll, page.hostname, sid));
  }

  const tabSid = await readCookie(getCookie, `${page.origin}/`);
  const orgId = tabSid === null ? null : orgIdOfSid(tabSid);
  if (`${page.origin}` === apiBase) {
    // Already on the API host (My Domain, Classic): its session is the one.
    const id = tabSid === null ? null : orgIdOfSid(tabSid);
    if (tabSid === null || id === null) return notLoggedIn;
    return withMore({ ok: true, apiBase, sid: tabSid, orgId: id }, await others(getAll, page.hostname, tabSid));
  }
  const apiSid = await readCookie(getCookie, `${apiBase}/`);
  const apiOrg = apiSid === null ? null : orgIdOfSid(apiSid);
  if (apiSid === null || apiOrg === null) return notLoggedIn;
  // The tab's cookie names the org; a My Domain cookie of another org (a renamed or reused domain) is not this tab's session.
  if (orgId !== null && apiOrg !== orgId) return notLoggedIn;
  return withMore({ ok: true, apiBase, sid: apiSid, orgId: apiOrg }, await others(getAll, new URL(apiBase).hostname, apiSid));
}

function withMore(found: Extract<SessionResult, { ok: true }>, more: string[]): SessionResult {
  return more.length > 0 ? { ...found, moreSids: more } : found;
}

/** The other `sid` cookies on `host` of the org that `sid` belongs to (same `00D…!` prefix), in the browser's order, without repeats. */
async function others(getAll: GetAllCookies | undefined, host: string, sid: string): Promise<string[]> {
  if (getAll === undefined) return [];
  const bang = sid.indexOf('!');
  const prefix = bang > 0 ? sid.slice(0, bang + 1) : null;
  let values: string[];
  try {
    values = await getAll(SESSION_COOKIE, host);
  } catch {
    // The extra cookies only help; a browser that cannot list them still has the one cookie.
    return [];
  }
  const seen = new Set([sid]);
  const more: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (value === '' || seen.has(value) || (prefix !== null && !value.startsWith(prefix))) continue;
    seen.add(value);
    more.push(value);
  }
  return more;
}

async function readCookie(getCookie: GetCookie, url: string): Promise<string | null> {
  const value = await getCookie(url, SESSION_COOKIE);
  return value === null || value.trim() === '' ? null : value.trim();
}
