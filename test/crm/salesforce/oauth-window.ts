/**
 * The browser's auth window (`identity.launchWebAuthFlow`) played against the sandbox
 * Salesforce in-process, for the unit tests: it opens the authorize URL with the user's
 * session cookie, and clicks Allow (or Deny) on the "Allow Access?" page, then returns the
 * URL Salesforce sent the browser back to, as the browser would. The real window is driven
 * in Chromium by test/e2e/salesforce-oauth.e2e.ts.
 */
import type { SandboxFetch } from '../../../sandbox/salesforce';

export interface AuthWindow {
  (url: string): Promise<string>;
  /** The authorize URLs it was opened with. */
  opened: string[];
}

export function sandboxAuthWindow(fetch: SandboxFetch, sid: string, decision: 'Allow' | 'Deny' = 'Allow'): AuthWindow {
  const opened: string[] = [];
  const open = async (url: string): Promise<string> => {
    opened.push(url);
    const page = await fetch(url, { headers: { cookie: `sid=${sid}` }, redirect: 'manual' });
    // An error Salesforce can send back at once (a blocked app, no PKCE challenge).
    if (page.status === 302) return page.headers.get('location') ?? '';
    const html = await page.text();
    // An error page (unknown consumer key, callback URL): the user can only close the window.
    if (!html.includes('id="oaapprove"')) throw new Error('The user did not approve access.');
    const form = new URL(url).searchParams;
    form.set('decision', decision);
    const reply = await fetch(new URL('/services/oauth2/authorize', url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `sid=${sid}` },
      body: form.toString(),
      redirect: 'manual',
    });
    return reply.headers.get('location') ?? '';
  };
  return Object.assign(open, { opened });
}
