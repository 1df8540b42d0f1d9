import { html, trusted, type SafeHtml } from '../../kit/html';
import { spaScript, type SpaConfig } from '../../kit/spa-script';
import type { Theme } from '../../kit/theme';
import { DARK_STYLE, PAGE_CSS } from './styles';
import { boardPath, listPath, workspacePath } from './urls';

/**
 * The HubSpot-like shell every page shares: the top navigation (with a dark-mode toggle
 * and the Hub ID) and the stage the content renders into. The content travels in a
 * `<template>` and is mounted by the page script after the render delay, as HubSpot's
 * React app mounts a record after load. HubSpot keeps no earlier pages in the DOM: on
 * in-app navigation the page on screen stays, unchanged, under the new URL until the
 * next one replaces it (`keepPreviousVisible`), the moment an overlay must not mistake the
 * old record's sidebar for the new one's.
 *
 * No public source shows a HubSpot dark-theme marker (`../shared/crm-evidence.md`, "dark
 * mode"), so dark mode here changes the colours only: an inline style on <html> redefines
 * the palette, with no attribute or class saying "dark".
 *
 *   html[data-sandbox-state][style?]                   ← dark: the palette only
 *     div#hs-nav-v4[role=navigation] > a.nav-item[data-nav]
 *     main#hs-app-main > div#sandbox-stage[aria-busy]
 *       div.sandbox-page.active[data-sandbox-url]       ← the page on screen (the sandbox's own host)
 *
 * `#hs-nav-v4`, `.sandbox-page` and the `data-sandbox-*` attributes are the sandbox's own
 * (styling, the page script, tests); the overlay never reads them.
 */

/** Which navigation item a page belongs to. */
export type PageKind = 'home' | 'deals-board' | 'deals-list' | 'workspace' | 'record';

export interface PageContent {
  title: string;
  kind: PageKind;
  body: SafeHtml;
  /** 200 unless the page says the record or account was not found. */
  status?: number;
  /** The deals a board, list or workspace page shows (with its fragment, for tests that count what the page holds). */
  records?: string[];
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
  keepPreviousVisible: true,
  appPaths: ['/contacts/', '/prospecting/'],
  nav: { selector: '#hs-nav-v4 .nav-item', kindAttribute: 'data-nav', activeClass: 'active' },
  theme: { darkClasses: [], cookie: 'sandbox_hs_theme', marker: false, darkStyle: DARK_STYLE },
  spinner: { containerClass: 'private-loading-spinner', spinnerClass: 'private-loading-spinner__spin' },
  globalName: 'sandboxHubSpot',
};
export const THEME_COOKIE = HUBSPOT_SPA.theme.cookie;
const SCRIPT = spaScript(HUBSPOT_SPA);

export function renderPage(page: PageContent, options: ShellOptions): string {
  const navItem = (kind: PageKind, href: string, label: string): SafeHtml =>
    html`<a class="nav-item${page.kind === kind ? ' active' : ''}" data-nav="${kind}" href="${href}">${label}</a>`;
  const style = options.theme === 'dark' ? html` style="${DARK_STYLE}"` : '';
  return html`<!DOCTYPE html>
<html lang="en"${style} data-render-delay="${options.renderDelayMs}" data-sandbox-state="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style>${trusted(PAGE_CSS)}</style>
</head>
<body>
<div id="hs-nav-v4" role="navigation">
  <a class="nav-logo" href="/">Dealsight Sandbox · HubSpot</a>
  ${navItem('deals-board', boardPath(options.portalId), 'Deals (board)')}
  ${navItem('deals-list', listPath(options.portalId), 'Deals (list)')}
  ${navItem('workspace', workspacePath(options.portalId), 'Sales workspace')}
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
