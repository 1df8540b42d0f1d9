import { html, trusted, type SafeHtml } from '../../kit/html';
import { spaScript, type SpaConfig } from '../../kit/spa-script';
import type { Theme } from '../../kit/theme';
import { PAGE_CSS } from './styles';

/**
 * The HubSpot-like shell every page shares: the top navigation (with a dark-mode toggle
 * and the Hub ID) and the stage the content renders into. The content travels in a
 * `<template>` and is mounted by the page script after the render delay, as HubSpot's
 * React app mounts a record after load. HubSpot keeps no earlier pages in the DOM.
 *
 *   html[data-theme="light|dark"][data-sandbox-state]
 *     div#hs-nav-v4 > a.nav-item[data-nav]
 *     main#hs-app-main > div#sandbox-stage[aria-busy]
 *       div.sandbox-page.active[data-sandbox-url]   ← the page on screen
 */

/** Which navigation item a page belongs to. */
export type PageKind = 'home' | 'deals-board' | 'deals-list' | 'record';

export interface PageContent {
  title: string;
  kind: PageKind;
  body: SafeHtml;
  /** 200 unless the page says the record or account was not found. */
  status?: number;
}

export interface ShellOptions {
  theme: Theme;
  renderDelayMs: number;
  portalId: number;
}

const HUBSPOT_SPA: SpaConfig = {
  stageId: 'sandbox-stage',
  hostClass: 'sandbox-page',
  keepHidden: 0,
  appPaths: ['/contacts/'],
  nav: { selector: '#hs-nav-v4 .nav-item', kindAttribute: 'data-nav', activeClass: 'active' },
  theme: { darkClasses: [], cookie: 'sandbox_hs_theme' },
  spinner: { containerClass: 'private-loading-spinner', spinnerClass: 'private-loading-spinner__spin' },
  globalName: 'sandboxHubSpot',
};
export const THEME_COOKIE = HUBSPOT_SPA.theme.cookie;
const SCRIPT = spaScript(HUBSPOT_SPA);

export function renderPage(page: PageContent, options: ShellOptions): string {
  const base = `/contacts/${options.portalId}/objects/0-3/views/all`;
  const navItem = (kind: PageKind, href: string, label: string): SafeHtml =>
    html`<a class="nav-item${page.kind === kind ? ' active' : ''}" data-nav="${kind}" href="${href}">${label}</a>`;
  return html`<!DOCTYPE html>
<html lang="en" data-theme="${options.theme}" data-render-delay="${options.renderDelayMs}" data-sandbox-state="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style>${trusted(PAGE_CSS)}</style>
</head>
<body>
<div id="hs-nav-v4" role="navigation" data-test-id="main-nav">
  <a class="nav-logo" href="/">Dealsight Sandbox · HubSpot</a>
  ${navItem('deals-board', `${base}/board`, 'Deals (board)')}
  ${navItem('deals-list', `${base}/list`, 'Deals (list)')}
  <div class="nav-right">
    <button type="button" data-sandbox-action="toggle-theme" title="Toggle dark mode">Theme</button>
    <span class="navAccount-portalId" title="Hub ID">${options.portalId}</span>
  </div>
</div>
<main id="hs-app-main"><div id="sandbox-stage" aria-busy="true"></div></main>
<template id="sandbox-page" data-title="${page.title}" data-kind="${page.kind}">${page.body}</template>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`.value;
}
