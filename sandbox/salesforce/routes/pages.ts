import { randomBytes } from 'node:crypto';
import { htmlReply, jsonReply, redirectReply, type Reply, type Request } from '../../kit/http';
import { isSalesforceId } from '../id-sequence';
import { classicOpportunityPage } from '../pages/classic-page';
import { homePage } from '../pages/home-page';
import { html } from '../../kit/html';
import { renderPage, type PageContent } from '../pages/layout';
import { listRows, listViewPage } from '../pages/list-view';
import { accountPage, plainRecordPage } from '../pages/other-records';
import { opportunityPage } from '../pages/record-page';
import type { ServerState } from '../state';
import { FRAGMENT_HEADERS, pageFragment } from '../../kit/spa-script';
import { pageTheme } from '../../kit/theme';

/**
 * The browser side: a fake login that sets the `sid` cookie, the Lightning-like pages and
 * Classic's opportunity page. Pages render without a session (the extension decides what
 * "not logged in" looks like from the cookie), and theme follows `?theme=dark|light`,
 * remembered in the `sandbox_theme` cookie.
 */

const LIST_PATH = '/lightning/o/Opportunity/list';
const THEME_COOKIE = 'sandbox_theme';

export function handlePage(state: ServerState, request: Request): Reply | null {
  const path = request.url.pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (path === '/' || path === '/login') return login(state, request);
  if (path === '/logout' || path === '/secur/logout.jsp') return logout();
  if (path === '/favicon.ico') return { status: 204, headers: {}, body: '' };

  const classic = /^\/([0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?)\/?$/.exec(path);
  if (classic !== null && isSalesforceId(classic[1] as string) && (classic[1] as string).startsWith('006')) {
    const page = classicOpportunityPage(state.db, classic[1] as string);
    return page === null ? null : htmlReply(200, page);
  }
  if (!path.startsWith('/lightning/')) return null;

  const list = /^\/lightning\/o\/(Opportunity|Account)\/(?:list|home)\/?$/.exec(path);
  if (list !== null) {
    const object = list[1] as 'Opportunity' | 'Account';
    const filterName = request.url.searchParams.get('filterName');
    if (request.header('x-sandbox-fragment') === 'rows') {
      const rows = listRows(state.db, object, filterName, Number(request.url.searchParams.get('offset') ?? 0) || 0);
      return jsonReply(200, { rows: rows.rows.value, nextOffset: rows.nextOffset }, FRAGMENT_HEADERS);
    }
    return page(state, request, listViewPage(state.db, object, filterName));
  }
  if (/^\/lightning\/page\/home\/?$/.test(path)) return page(state, request, homePage(state.db));

  const record = /^\/lightning\/r\/(?:([A-Za-z0-9_]+)\/)?([^/]+)\/view\/?$/.exec(path);
  if (record !== null) {
    const id = safeDecode(record[2] as string);
    const object = record[1] ?? state.db.schema.objectOfId(id)?.name ?? 'Opportunity';
    if (object === 'Opportunity') return page(state, request, opportunityPage(state.db, id, state.db.org.currency));
    if (object === 'Account') return page(state, request, accountPage(state.db, id, state.db.org.currency));
    return page(state, request, plainRecordPage(state.db, object, id));
  }
  return page(state, request, {
    title: 'Page Not Found | Salesforce',
    kind: 'home',
    body: html`<div class="slds-card" data-page-type="not-found"><h2 class="slds-card__header-title">Page doesn't exist</h2><p>Enter a valid URL and try again.</p></div>`,
  });
}

function page(state: ServerState, request: Request, content: PageContent): Reply {
  if (request.header('x-sandbox-fragment') === 'page') return jsonReply(200, pageFragment(content), FRAGMENT_HEADERS);
  const { theme, headers: themeHeaders } = pageTheme(request, THEME_COOKIE);
  const headers: Record<string, string | string[]> = { ...FRAGMENT_HEADERS, ...themeHeaders };
  const nonce = state.contentSecurityPolicy ? randomBytes(16).toString('base64') : null;
  if (nonce !== null) {
    headers['Content-Security-Policy'] =
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
      `connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'`;
  }
  const user = state.db.org.users[0]?.name ?? 'Sandbox User';
  return htmlReply(200, renderPage(content, { theme, renderDelayMs: state.renderDelayMs, userName: user, nonce }), headers);
}

/** Logs in at once: sets the session cookie and goes to `startURL` (a local path) or the opportunity list. */
function login(state: ServerState, request: Request): Reply {
  const start = request.url.searchParams.get('startURL');
  const target = start !== null && start.startsWith('/') && !start.startsWith('//') && !start.startsWith('/\\') ? start : LIST_PATH;
  return redirectReply(target, { 'Set-Cookie': `sid=${state.session.id}; Path=/`, 'Cache-Control': 'no-store' });
}

function logout(): Reply {
  return htmlReply(
    200,
    html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Logged out | Salesforce</title></head>
<body><div class="sandbox-login"><h1>You are logged out</h1><p><a href="/login">Log in again</a></p></div></body></html>`.value,
    { 'Set-Cookie': 'sid=; Path=/; Max-Age=0', 'Cache-Control': 'no-store' },
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
