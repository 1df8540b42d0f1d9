import { html, trusted, type SafeHtml } from '../../kit/html';
import { lightningScript } from './lightning-script';
import { darkClassName, PAGE_OPTIONS, type LightningPageOptions } from './page-options';
import { PAGE_CSS } from './styles';

/**
 * The Lightning app every page renders in, standard navigation or a Sales Console app,
 * as `../shared/crm-evidence.md` ("Salesforce Lightning: pages") shows them:
 *
 *   body[.slds-color-scheme_dark | .slds-color-scheme--dark]         row "dark mode"
 *     div.desktop.container.forceStyle.oneOne.lafAppLayoutHost.forceAccess     code id 1247534372
 *       header#oneHeader > … > div.bBottom > one-appnav > div > one-app-nav-bar > nav > div
 *         > one-app-nav-bar-item-root > a                                     code id 1247534372
 *   standard navigation (row "active page, standard navigation"):
 *       div#brandBand_1 > div > div.center.oneCenterStage.lafSinglePaneWindowManager
 *         > div.windowViewMode-normal.oneContent.active.lafPageHost          the page on screen
 *         > div.windowViewMode-normal.oneContent.lafPageHost                 earlier pages, kept hidden
 *                                                     code ids 1595524787, 1247534372, 31342117636
 *   a console app (row "active page, console apps"), no .oneContent:
 *       ul.tabBarItems.slds-grid > li.oneConsoleTabItem.tabItem.slds-context-bar__item[.slds-is-active]
 *         > a.tabHeader[role=tab] > span.title                                code ids 2449133027, 49824248730, 20954860276
 *       div.split-right > section.tabContent.oneConsoleTab[.active][aria-expanded]   one workspace tab
 *         > div > div > (its subtab bar) + section.tabContent.oneConsoleTab[.active][aria-expanded]   a subtab
 *           > div.windowViewMode-maximized.active.lafPageHost               code ids 14737085834, 23046993424, 10082308254
 *     A hidden tab keeps its own page host `.active` (the evidence does not say otherwise),
 *     so only the sections' `.active` tell which page is on screen.
 *
 * The content arrives in a `<template>` inside its page host and is mounted by the page
 * script (lightning-script.ts) after the render delay, as Lightning renders after load;
 * `prerender` writes the document as the script leaves it. Attributes named
 * `data-sandbox-*` are the sandbox's own bookkeeping, not Salesforce markup.
 */

/** Which navigation item a page belongs to. */
export type PageKind = 'home' | 'Opportunity' | 'Account';

export interface PageContent {
  title: string;
  kind: PageKind;
  body: SafeHtml;
}

/** A page in the app: the URL it shows (canonical: no page options) and its content. */
export interface MountedPage {
  url: string;
  content: PageContent;
}

/** A console workspace tab: its primary page and its subtabs (URLs carrying `ws`), and which is focused (0 = primary). */
export interface ConsoleWorkspace {
  primary: MountedPage;
  subtabs: MountedPage[];
  focus: number;
}

export type LightningView = { app: 'standard'; page: MountedPage; cached: MountedPage[] } | { app: 'console'; workspaces: ConsoleWorkspace[]; focus: number };

export interface ShellOptions {
  shape: LightningPageOptions;
  renderDelayMs: number;
  userName: string;
  /** A CSP nonce for the page's own script, when pages carry a policy. */
  nonce: string | null;
  /** Write the content in place, as the page script leaves it. */
  prerender: boolean;
}

/** Query parameters that choose a page's shape: a page's identity never includes them. */
export const OPTION_PARAMS: readonly string[] = [...Object.keys(PAGE_OPTIONS), 'cached'];

/**
 * A URL as the app keys its pages: path and query without the sandbox's option parameters;
 * `ws` (the console's workspace, lib/crm/salesforce/pages.ts) apart, and put back last.
 * The page script computes the same (lightning-script.ts, `canonical`).
 */
export function canonicalUrl(url: URL): { path: string; ws: string | null; url: string } {
  const u = new URL(url.href);
  for (const p of OPTION_PARAMS) u.searchParams.delete(p);
  const ws = u.searchParams.get('ws');
  u.searchParams.delete('ws');
  const path = u.pathname + u.search;
  return { path, ws, url: ws === null ? path : `${path}${u.search ? '&' : '?'}ws=${encodeURIComponent(ws)}` };
}

const STANDARD_HOST = 'windowViewMode-normal oneContent lafPageHost';
const CONSOLE_HOST = 'windowViewMode-maximized lafPageHost';

/** The tab label Lightning shows: the page title's first part. */
function tabLabel(page: MountedPage | null): string {
  return page === null ? 'Loading…' : (page.content.title.split(' | ')[0] ?? page.content.title);
}

/** A page host with its content (mounted, or waiting in a template for the script), or empty for the script's skeleton. */
function pageHost(hostClass: string, page: MountedPage | null, active: boolean, prerender: boolean): SafeHtml {
  if (page === null) return html`<div class="${hostClass}"></div>`;
  const attributes = html` data-sandbox-url="${page.url}" data-sandbox-title="${page.content.title}" data-sandbox-kind="${page.content.kind}"`;
  if (prerender) return html`<div class="${hostClass}${active ? ' active' : ''}"${attributes}>${page.content.body}</div>`;
  return html`<div class="${hostClass}"${attributes} data-sandbox-pending="${active ? 'active' : 'hidden'}"><template data-sandbox-content="">${page.content.body}</template></div>`;
}

/** A console tab item (code ids 2449133027, 45279547532, 29006450429; the close button, 20954860276). */
function tabItem(target: string, page: MountedPage | null, active: boolean): SafeHtml {
  const label = tabLabel(page);
  return html`<li role="presentation" class="oneConsoleTabItem tabItem slds-context-bar__item borderRight navexConsoleTabItem${active ? ' slds-is-active' : ''}" data-aura-class="navexConsoleTabItem" data-sandbox-target="${target}"><a role="tab" tabindex="${active ? '0' : '-1'}" aria-selected="${active ? 'true' : 'false'}" class="tabHeader slds-context-bar__label-action" href="${target}" title="${label}"><span class="title slds-truncate">${label}</span></a><div class="close"><button type="button" class="slds-button slds-button_icon slds-button_icon-x-small" title="Close ${label}">×</button></div></li>`;
}

function section(active: boolean, marker: SafeHtml, content: SafeHtml): SafeHtml {
  return html`<section class="tabContent oneConsoleTab${active ? ' active' : ''}" role="tabpanel" aria-expanded="${active ? 'true' : 'false'}"${marker}>${content}</section>`;
}

function subtabSection(page: MountedPage | null, active: boolean, prerender: boolean): SafeHtml {
  return section(active, html` data-sandbox-subtab="" data-sandbox-url="${page?.url ?? ''}"`, pageHost(CONSOLE_HOST, page, true, prerender));
}

function workspaceSection(w: ConsoleWorkspace | null, active: boolean, prerender: boolean): SafeHtml {
  const pages = w === null ? [] : [w.primary, ...w.subtabs];
  return section(
    active,
    html` data-sandbox-workspace="${w?.primary.url ?? ''}"`,
    html`<div><div><div class="slds-context-bar slds-context-bar_tabs"><ul class="tabBarItems slds-grid" role="presentation" data-sandbox-bar="subtab">${pages.map(
      (p, i) => tabItem(p.url, p, i === w?.focus),
    )}</ul></div><div data-sandbox-subtabs="">${pages.map((p, i) => subtabSection(p, i === w?.focus, prerender))}</div></div></div>`,
  );
}

/** What the page script clones for pages and tabs opened in the app: the same markup as the server writes. */
function skeletons(app: LightningPageOptions['app']): SafeHtml {
  const mark = (name: string, markup: SafeHtml): SafeHtml => trusted(markup.value.replace(/^<(\w+)/, `<$1 data-sandbox-skeleton="${name}"`));
  if (app === 'standard') return mark('page-host', pageHost(STANDARD_HOST, null, false, false));
  return html`${mark('workspace', workspaceSection(null, false, false))}${mark('subtab', subtabSection(null, false, false))}${mark('tab', tabItem('', null, false))}`;
}

function navigation(kind: PageKind): SafeHtml {
  const item = (k: PageKind, href: string, label: string): SafeHtml =>
    html`<one-app-nav-bar-item-root class="navItem slds-context-bar__item${k === kind ? ' slds-is-active' : ''}" data-sandbox-nav="${k}"><a class="slds-context-bar__label-action" href="${href}" title="${label}"><span class="slds-truncate">${label}</span></a></one-app-nav-bar-item-root>`;
  return html`<div class="bBottom"><one-appnav><div class="slds-context-bar"><one-app-nav-bar><nav class="slds-context-bar__secondary" aria-label="Global"><div class="slds-grid"><span class="slds-context-bar__app-name">Sales</span>${item('home', '/lightning/page/home', 'Home')}${item('Opportunity', '/lightning/o/Opportunity/list', 'Opportunities')}${item('Account', '/lightning/o/Account/list', 'Accounts')}</div></nav></one-app-nav-bar></div></one-appnav></div>`;
}

function focusedPage(view: LightningView): MountedPage {
  if (view.app === 'standard') return view.page;
  const w = view.workspaces[view.focus] as ConsoleWorkspace;
  return [w.primary, ...w.subtabs][w.focus] as MountedPage;
}

export function renderLightning(view: LightningView, options: ShellOptions): string {
  const { shape, prerender } = options;
  const dark = shape.theme === 'dark';
  const focused = focusedPage(view);
  const nonce = options.nonce === null ? '' : options.nonce;
  const main =
    view.app === 'standard'
      ? html`<div id="brandBand_1" class="slds-brand-band slds-brand-band_cover"><div class="slds-template__container"><div class="center oneCenterStage lafSinglePaneWindowManager">${view.cached.map(
          (p) => pageHost(STANDARD_HOST, p, false, prerender),
        )}${pageHost(STANDARD_HOST, view.page, true, prerender)}<div class="slds-spinner_container" role="status"${prerender ? html` hidden` : ''}><div class="slds-spinner"></div></div></div></div></div>`
      : html`<div class="oneConsoleTabset navexConsoleTabset"><div class="slds-context-bar slds-context-bar_tabs"><ul class="tabBarItems slds-grid" role="presentation" data-sandbox-bar="workspace">${view.workspaces.map(
          (w, i) => tabItem(w.primary.url, w.primary, i === view.focus),
        )}</ul></div><div class="split-right">${view.workspaces.map((w, i) => workspaceSection(w, i === view.focus, prerender))}</div></div>`;
  return html`<!DOCTYPE html>
<html lang="en" data-render-delay="${options.renderDelayMs}" data-sandbox-state="${prerender ? 'ready' : 'loading'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${focused.content.title}</title>
<style>${trusted(PAGE_CSS)}</style>
</head>
<body class="desktop${dark ? html` ${darkClassName(shape)}` : ''}" data-sandbox-app="${view.app}" data-sandbox-dark-class="${darkClassName(shape)}">
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess">
<header id="oneHeader" class="slds-global-header_container">
  <div class="slds-global-header slds-grid">
    <div class="slds-global-header__logo">Dealsight Sandbox</div>
    <div class="slds-global-header__search"><input type="search" placeholder="Search..." aria-label="Search"></div>
    <div class="slds-global-actions">
      <button type="button" class="slds-button sandbox-theme-toggle" data-sandbox-action="toggle-theme" title="Toggle dark mode">Theme</button>
      <span class="slds-avatar" title="${options.userName}">${options.userName}</span>
    </div>
  </div>
  ${navigation(focused.content.kind)}
</header>
<div class="viewport">${main}</div>
</div>
<template id="sandbox-skeletons">${skeletons(view.app)}</template>
<script${nonce === '' ? '' : html` nonce="${nonce}"`}>${trusted(lightningScript({ keepHidden: 3, optionParams: OPTION_PARAMS, themeCookie: PAGE_OPTIONS.theme.cookie, globalName: 'sandboxLightning' }))}</script>
</body>
</html>
`.value;
}
