import { htmlReply, jsonReply, type Reply, type Request } from '../../kit/http';
import { FRAGMENT_HEADERS, pageFragment } from '../../kit/spa-script';
import { pageTheme } from '../../kit/theme';
import { renderPage, THEME_COOKIE, type PageContent } from '../pages/layout';
import { companyPage, contactPage, dealPage, notFoundPage } from '../pages/record-page';
import { pageShapes } from '../pages/shapes';
import { OBJECT_TYPE_ID } from '../pages/urls';
import { boardPage, homePage, listPage, workspacePage } from '../pages/views';
import type { ServerState } from '../state';

/**
 * The browser side: HubSpot-like pages under `/contacts/{portalId}/…` (deal, company and
 * contact records, the deals board and list), the Sales Workspace's deals under
 * `/prospecting/{portalId}/…`, and a home page. No login: the API takes the private app's
 * token, and HubSpot's own session is not the extension's concern. The older deal URL
 * and company URLs render the record page itself, so a content script meets both forms; a trailing `/`
 * is the same page. Theme follows `?theme=dark|light` and the page shapes their own
 * parameters (pages/shapes.ts), each remembered in a cookie. `?delay=ms` (0 to 10,000)
 * sets one document's render delay, the server's `renderDelayMs` otherwise: a test that
 * needs the previous page on screen for long after an in-app navigation asks for it.
 */

export function handlePage(state: ServerState, request: Request): Reply | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const path = request.url.pathname.replace(/\/+$/, '') || '/';
  const { store, portalId } = state;
  // Seeded records are for the API: the pages show a generated account.
  if (store === null) return null;
  if (path === '/favicon.ico') return { status: 204, headers: {}, body: '' };
  const { shapes, cookies } = pageShapes(request);
  const show = (content: PageContent): Reply => page(state, request, content, cookies);
  if (path === '/') return show(homePage(store, portalId));
  const workspace = /^\/prospecting\/(\d+)(\/.*)?$/.exec(path);
  if (workspace !== null) {
    if (Number(workspace[1]) !== portalId) return show(notFoundPage('account'));
    return show(workspacePage(store, portalId, shapes));
  }
  const app = /^\/contacts\/(\d+)(\/.*)?$/.exec(path);
  if (app === null) return null;
  if (Number(app[1]) !== portalId) return show(notFoundPage('account'));
  const rest = app[2] ?? '';
  if (rest === '') return show(homePage(store, portalId));
  const record = /^\/record\/(0-[123])\/(\d+)$/.exec(rest);
  if (record !== null) {
    const id = record[2] as string;
    if (record[1] === OBJECT_TYPE_ID.deals) return show(dealPage(store, portalId, id, shapes));
    if (record[1] === OBJECT_TYPE_ID.companies) return show(companyPage(store, portalId, id, shapes));
    return show(contactPage(store, portalId, id, shapes));
  }
  const legacy = /^\/deal\/(\d+)$/.exec(rest);
  if (legacy !== null) return show(dealPage(store, portalId, legacy[1] as string, shapes));
  // The older company URL (`/contacts/{portalId}/company/{id}`, lib/crm/hubspot/pages.ts cites the code that links it).
  const legacyCompany = /^\/company\/(\d+)$/.exec(rest);
  if (legacyCompany !== null) return show(companyPage(store, portalId, legacyCompany[1] as string, shapes));
  if (rest === '/objects/0-3/views/all/board' || rest === '/deals/board' || rest === '/deals') {
    return show(boardPage(store, portalId, request.url.searchParams.get('pipeline'), shapes));
  }
  if (rest === '/objects/0-3/views/all/list' || rest === '/deals/list') {
    return show(listPage(store, portalId, Number(request.url.searchParams.get('page') ?? 1), shapes));
  }
  return show(notFoundPage('page'));
}

function page(state: ServerState, request: Request, content: PageContent, shapeCookies: string[]): Reply {
  const status = content.status ?? 200;
  const cookies = (extra: Record<string, string>): Record<string, string | string[]> => {
    const all = [...shapeCookies, ...(extra['Set-Cookie'] === undefined ? [] : [extra['Set-Cookie']])];
    return all.length === 0 ? {} : { 'Set-Cookie': all };
  };
  if (request.header('x-sandbox-fragment') === 'page') {
    // `records`: the deals a view shows, for tests that count what the page holds (the page script ignores it).
    const fragment = content.records === undefined ? pageFragment(content) : { ...pageFragment(content), records: content.records };
    return jsonReply(status, fragment, { ...FRAGMENT_HEADERS, ...cookies({}) });
  }
  const { theme, headers } = pageTheme(request, THEME_COOKIE);
  const delay = Number(request.url.searchParams.get('delay') ?? NaN);
  const renderDelayMs = Number.isInteger(delay) && delay >= 0 && delay <= 10_000 ? delay : state.renderDelayMs;
  return htmlReply(status, renderPage(content, { theme, renderDelayMs, portalId: state.portalId }), {
    ...FRAGMENT_HEADERS,
    ...headers,
    ...cookies(headers),
  });
}
