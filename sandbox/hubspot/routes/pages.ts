import { htmlReply, jsonReply, type Reply, type Request } from '../../kit/http';
import { FRAGMENT_HEADERS, pageFragment } from '../../kit/spa-script';
import { pageTheme } from '../../kit/theme';
import { renderPage, THEME_COOKIE, type PageContent } from '../pages/layout';
import { companyPage, contactPage, dealPage, notFoundPage } from '../pages/record-page';
import { OBJECT_TYPE_ID } from '../pages/urls';
import { boardPage, homePage, listPage } from '../pages/views';
import type { ServerState } from '../state';

/**
 * The browser side: HubSpot-like pages under `/contacts/{portalId}/…` (deal, company and
 * contact records, the deals board and list) and a home page. No login: the API takes the
 * private app's token, and HubSpot's own session is not the extension's concern. The
 * older deal URL renders the record page itself, so a content script meets both forms.
 * Theme follows `?theme=dark|light`, remembered in a cookie.
 */

export function handlePage(state: ServerState, request: Request): Reply | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const path = request.url.pathname.replace(/\/+$/, '') || '/';
  const { store, portalId } = state;
  // Seeded records are for the API: the pages show a generated account.
  if (store === null) return null;
  if (path === '/favicon.ico') return { status: 204, headers: {}, body: '' };
  if (path === '/') return page(state, request, homePage(store, portalId));
  const app = /^\/contacts\/(\d+)(\/.*)?$/.exec(path);
  if (app === null) return null;
  if (Number(app[1]) !== portalId) return page(state, request, notFoundPage('account'));
  const rest = app[2] ?? '';
  if (rest === '') return page(state, request, homePage(store, portalId));
  const record = /^\/record\/(0-[123])\/(\d+)$/.exec(rest);
  if (record !== null) {
    const id = record[2] as string;
    if (record[1] === OBJECT_TYPE_ID.deals) return page(state, request, dealPage(store, portalId, id));
    if (record[1] === OBJECT_TYPE_ID.companies) return page(state, request, companyPage(store, portalId, id));
    return page(state, request, contactPage(store, portalId, id));
  }
  const legacy = /^\/deal\/(\d+)$/.exec(rest);
  if (legacy !== null) return page(state, request, dealPage(store, portalId, legacy[1] as string));
  if (rest === '/objects/0-3/views/all/board' || rest === '/deals/board' || rest === '/deals') {
    return page(state, request, boardPage(store, portalId, request.url.searchParams.get('pipeline')));
  }
  if (rest === '/objects/0-3/views/all/list' || rest === '/deals/list') {
    return page(state, request, listPage(store, portalId, Number(request.url.searchParams.get('page') ?? 1)));
  }
  return page(state, request, notFoundPage('page'));
}

function page(state: ServerState, request: Request, content: PageContent): Reply {
  const status = content.status ?? 200;
  if (request.header('x-sandbox-fragment') === 'page') return jsonReply(status, pageFragment(content), FRAGMENT_HEADERS);
  const { theme, headers } = pageTheme(request, THEME_COOKIE);
  return htmlReply(status, renderPage(content, { theme, renderDelayMs: state.renderDelayMs, portalId: state.portalId }), { ...FRAGMENT_HEADERS, ...headers });
}
