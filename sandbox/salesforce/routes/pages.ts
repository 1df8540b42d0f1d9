import { randomBytes } from 'node:crypto';
import { htmlReply, jsonReply, redirectReply, type Reply, type Request } from '../../kit/http';
import { isSalesforceId, toId18 } from '../id-sequence';
import { classicAccountPage, classicOpportunityList, classicOpportunityPage } from '../pages/classic-page';
import { homePage } from '../pages/home-page';
import { html } from '../../kit/html';
import { canonicalUrl, renderLightning, type ConsoleWorkspace, type LightningView, type MountedPage, type PageContent } from '../pages/layout';
import { kanbanPage, listRows, listViewPage } from '../pages/list-view';
import { accountPage, plainRecordPage } from '../pages/other-records';
import { requestShape, type LightningPageOptions, type RequestShape } from '../pages/page-options';
import { opportunityPage } from '../pages/record-page';
import type { ServerState } from '../state';
import { FRAGMENT_HEADERS, pageFragment } from '../../kit/spa-script';

/**
 * The browser side: a fake login that sets the `sid` cookie, the Lightning pages (standard
 * navigation or a console app, in the shapes pages/page-options.ts lists), and Classic's
 * opportunity page and list view. Pages render without a session (the extension decides
 * what "not logged in" looks like from the cookie).
 */

const LIST_PATH = '/lightning/o/Opportunity/list';
/** Background workspace tabs a console app has open besides the focused one. */
const CONSOLE_BACKGROUND_TABS = 2;

export function handlePage(state: ServerState, request: Request): Reply | null {
  const path = request.url.pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (path === '/' || path === '/login') return login(state, request);
  if (path === '/logout' || path === '/secur/logout.jsp') return logout();
  if (path === '/favicon.ico') return { status: 204, headers: {}, body: '' };

  // Classic: /{id} for an opportunity (006…) or an account (001…), /006?fcf=… and /006/o for the opportunity list view.
  const classic = /^\/([0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?)\/?$/.exec(path);
  const classicId = classic?.[1];
  if (classicId !== undefined && isSalesforceId(classicId) && (classicId.startsWith('006') || classicId.startsWith('001'))) {
    const page = classicId.startsWith('006') ? classicOpportunityPage(state.db, classicId) : classicAccountPage(state.db, classicId);
    return page === null ? null : htmlReply(200, page, { 'Cache-Control': 'no-store' });
  }
  if (path === '/006/o' || path === '/006/o/' || (/^\/006\/?$/.test(path) && request.url.searchParams.has('fcf'))) {
    return htmlReply(200, classicOpportunityList(state.db), { 'Cache-Control': 'no-store' });
  }
  if (!path.startsWith('/lightning/')) return null;

  const shape = requestShape(request, state.pageDefaults);
  const cookies: Record<string, string[]> = shape.setCookies.length > 0 ? { 'Set-Cookie': shape.setCookies } : {};
  const list = /^\/lightning\/o\/(Opportunity|Account)\/(?:list|home)\/?$/.exec(path);
  if (list !== null && request.header('x-sandbox-fragment') === 'rows') {
    const object = list[1] as 'Opportunity' | 'Account';
    const rows = listRows(
      state.db,
      object,
      request.url.searchParams.get('filterName'),
      Number(request.url.searchParams.get('offset') ?? 0) || 0,
      shape.options.listMarkup,
    );
    return jsonReply(200, { rows: rows.rows.value, nextOffset: rows.nextOffset }, { ...FRAGMENT_HEADERS, ...cookies });
  }
  const content = lightningContent(state, request.url, shape.options);
  if (request.header('x-sandbox-fragment') === 'page') return jsonReply(200, pageFragment(content), { ...FRAGMENT_HEADERS, ...cookies });

  const headers: Record<string, string | string[]> = { ...FRAGMENT_HEADERS, ...cookies };
  const nonce = state.contentSecurityPolicy ? randomBytes(16).toString('base64') : null;
  if (nonce !== null) {
    headers['Content-Security-Policy'] =
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
      `connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'`;
  }
  const view = lightningView(state, request.url, content, shape);
  const user = state.db.org.users[0]?.name ?? 'Sandbox User';
  return htmlReply(
    200,
    renderLightning(view, { shape: shape.options, renderDelayMs: state.renderDelayMs, userName: user, nonce, prerender: shape.prerender }),
    headers,
  );
}

/** What a Lightning URL shows, as the page script mounts it in a page host. */
export function lightningContent(state: ServerState, url: URL, options: LightningPageOptions): PageContent {
  const path = url.pathname;
  const list = /^\/lightning\/o\/(Opportunity|Account)\/(?:list|home)\/?$/.exec(path);
  if (list !== null) {
    const object = list[1] as 'Opportunity' | 'Account';
    const filterName = url.searchParams.get('filterName');
    if (object === 'Opportunity' && url.searchParams.get('viewMode') === 'kanban') return kanbanPage(state.db, filterName);
    return listViewPage(state.db, object, filterName, options);
  }
  if (/^\/lightning\/page\/home\/?$/.test(path)) return homePage(state.db);
  const record = /^\/lightning\/r\/(?:([A-Za-z0-9_]+)\/)?([^/]+)\/view\/?$/.exec(path);
  if (record !== null) {
    const id = safeDecode(record[2] as string);
    const object = record[1] ?? state.db.schema.objectOfId(id)?.name ?? 'Opportunity';
    if (object === 'Opportunity') return opportunityPage(state.db, id, state.db.org.currency, options);
    if (object === 'Account') return accountPage(state.db, id, state.db.org.currency, options);
    return plainRecordPage(state.db, object, id, options);
  }
  return {
    title: 'Page Not Found | Salesforce',
    kind: 'home',
    body: html`<div class="slds-card"><h2 class="slds-card__header-title">Page doesn't exist</h2><p>Enter a valid URL and try again.</p></div>`,
  };
}

/** The record id of a record page's path, as 18 characters, or null. */
function recordIdOf(path: string): string | null {
  const m = /^\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([^/?]+)\/view/.exec(path);
  return m === null ? null : toId18(safeDecode(m[1] as string));
}

/** The newest open opportunities' record pages, for the pages an app has open besides the focused one. */
function otherOpenOpportunities(state: ServerState, exclude: ReadonlySet<string | null>, count: number, options: LightningPageOptions): MountedPage[] {
  const open = (state.db.table('Opportunity')?.rows ?? []).filter((r) => r['IsClosed'] === false && !exclude.has(String(r['Id'])));
  const newest = open.sort((a, b) => Number(b['CreatedDate']) - Number(a['CreatedDate']) || String(b['Id']).localeCompare(String(a['Id']))).slice(0, count);
  return newest.map((r) => ({
    url: `/lightning/r/Opportunity/${String(r['Id'])}/view`,
    content: opportunityPage(state.db, String(r['Id']), state.db.org.currency, options),
  }));
}

/**
 * The app around the page: standard navigation (with `cached` earlier record pages hidden
 * in the stage), or a console whose focused workspace shows the URL (a subtab of `ws`
 * when the URL names one) beside two background workspace tabs.
 */
function lightningView(state: ServerState, url: URL, content: PageContent, shape: RequestShape): LightningView {
  const canon = canonicalUrl(url);
  const options = shape.options;
  if (options.app === 'standard') {
    const cached = shape.cached === 0 ? [] : otherOpenOpportunities(state, new Set([recordIdOf(canon.path)]), shape.cached, options);
    return { app: 'standard', page: { url: canon.path, content }, cached };
  }
  const ws = canon.ws !== null && canon.ws.startsWith('/') && !canon.ws.startsWith('//') ? canonicalUrl(new URL(canon.ws, url)).path : null;
  const background = otherOpenOpportunities(state, new Set([recordIdOf(canon.path), ws === null ? null : recordIdOf(ws)]), CONSOLE_BACKGROUND_TABS, options);
  const focused: ConsoleWorkspace =
    ws === null
      ? { primary: { url: canon.path, content }, subtabs: [], focus: 0 }
      : { primary: { url: ws, content: lightningContent(state, new URL(ws, url), options) }, subtabs: [{ url: canon.url, content }], focus: 1 };
  const workspaces: ConsoleWorkspace[] = [...background.map((primary) => ({ primary, subtabs: [], focus: 0 })), focused];
  return { app: 'console', workspaces, focus: workspaces.length - 1 };
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
