/**
 * Finds the user's Salesforce session for a tab, the way Salesforce Inspector (Reloaded)
 * does: the `sid` cookie of the tab's host names the org (the id before the `!`), and the
 * session to call the API with is that org's `sid` cookie on its My Domain host. The
 * Lightning host's own session is refused by the REST API, and several orgs can be open at
 * once, so the org id is what ties the two cookies together.
 *
 * Cookies are read through the function the caller passes (the background hands in
 * `browser.cookies.get`), so this stays free of browser APIs.
 */
import { apiHostFor, isLocalHost, type HostOptions } from './hosts';
import { toId18 } from './ids';

/** Reads one cookie's value for a URL, or null when there is none. */
export type GetCookie = (url: string, name: string) => Promise<string | null>;

export type SessionResult =
  | {
      ok: true;
      /** Origin of the org's REST API: `https://acme.my.salesforce.com` (the page's origin on localhost). */
      apiBase: string;
      /** The session: a secret, to be sent only to `apiBase` and never logged or stored in plain sight. */
      sid: string;
      /** The org's 18-character id; on localhost without an org id in the cookie, the page's host. */
      orgId: string;
    }
  | {
      ok: false;
      state: 'not-logged-in' | 'not-salesforce';
      /** For the rep: what to do. */
      message: string;
    };

export const SESSION_COOKIE = 'sid';

export const SESSION_MESSAGES = {
  notSalesforce: 'This page is not a Salesforce org. Open an opportunity in Salesforce.',
  notLoggedIn: 'You are not logged in to Salesforce in this browser. Log in, then open Salesforce to connect.',
} as const;

/** `00D5g000001aBcD!AQ…` → the org id, or null when the value does not start with one. */
export function orgIdOfSid(sid: string): string | null {
  const bang = sid.indexOf('!');
  if (bang < 0) return null;
  const prefix = sid.slice(0, bang);
  return prefix.startsWith('00D') ? toId18(prefix) : null;
}

export async function findSession(tabUrl: string, getCookie: GetCookie, options: HostOptions = {}): Promise<SessionResult> {
  const apiBase = apiHostFor(tabUrl, options);
  if (apiBase === null) return { ok: false, state: 'not-salesforce', message: SESSION_MESSAGES.notSalesforce };
  const notLoggedIn = { ok: false, state: 'not-logged-in', message: SESSION_MESSAGES.notLoggedIn } as const;
  const page = new URL(tabUrl);

  if (isLocalHost(page)) {
    // The e2e contract: the page's own origin serves the API, authorised with its own sid.
    const sid = await readCookie(getCookie, `${page.origin}/`);
    if (sid === null) return notLoggedIn;
    return { ok: true, apiBase, sid, orgId: orgIdOfSid(sid) ?? page.host };
  }

  const tabSid = await readCookie(getCookie, `${page.origin}/`);
  const orgId = tabSid === null ? null : orgIdOfSid(tabSid);
  if (`${page.origin}` === apiBase) {
    // Already on the API host (My Domain, Classic): its session is the one.
    const id = tabSid === null ? null : orgIdOfSid(tabSid);
    return tabSid === null || id === null ? notLoggedIn : { ok: true, apiBase, sid: tabSid, orgId: id };
  }
  const apiSid = await readCookie(getCookie, `${apiBase}/`);
  const apiOrg = apiSid === null ? null : orgIdOfSid(apiSid);
  if (apiSid === null || apiOrg === null) return notLoggedIn;
  // The tab's cookie names the org; a My Domain cookie of another org (a renamed or reused domain) is not this tab's session.
  if (orgId !== null && apiOrg !== orgId) return notLoggedIn;
  return { ok: true, apiBase, sid: apiSid, orgId: apiOrg };
}

async function readCookie(getCookie: GetCookie, url: string): Promise<string | null> {
  const value = await getCookie(url, SESSION_COOKIE);
  return value === null || value.trim() === '' ? null : value.trim();
}
