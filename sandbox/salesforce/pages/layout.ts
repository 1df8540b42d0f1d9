import { html, trusted, type SafeHtml } from '../../kit/html';
import { spaScript, type SpaConfig } from '../../kit/spa-script';
import { PAGE_CSS } from './styles';

/**
 * The Lightning-like shell every page shares: global header (with a dark-mode toggle),
 * the app's navigation bar, and the center stage the content renders into. The content
 * itself travels in a `<template>` and is mounted by the page script after the render
 * delay, as Lightning mounts its components after load.
 *
 *   html[.slds-color-scheme_dark][data-theme]
 *     header#oneHeader.slds-global-header_container
 *       one-appnav > nav.slds-context-bar > a.slds-context-bar__item[data-nav]
 *     div.viewport > section#oneCenterStage.oneCenterStage[aria-busy]
 *       div.oneContent.active[data-sandbox-url]   ← the page on screen
 *       div.oneContent[hidden]                     ← earlier pages Lightning keeps
 */

/** Which navigation item a page belongs to. */
export type PageKind = 'home' | 'Opportunity' | 'Account';

export interface PageContent {
  title: string;
  kind: PageKind;
  body: SafeHtml;
}

export interface ShellOptions {
  theme: 'light' | 'dark';
  renderDelayMs: number;
  userName: string;
  /** A CSP nonce for the page's own script, when pages carry a policy. */
  nonce: string | null;
}

/** Lightning's single-page behaviour (see ../../kit/spa-script.ts). */
const LIGHTNING_SPA: SpaConfig = {
  stageId: 'oneCenterStage',
  hostClass: 'oneContent windowViewMode-normal',
  keepHidden: 3,
  appPaths: ['/lightning/'],
  nav: { selector: '.slds-context-bar__item', kindAttribute: 'data-nav', activeClass: 'slds-is-active' },
  theme: { darkClasses: ['slds-color-scheme_dark'], cookie: 'sandbox_theme' },
  spinner: { containerClass: 'slds-spinner_container', spinnerClass: 'slds-spinner' },
  globalName: 'sandboxLightning',
};
const LIGHTNING_SCRIPT = spaScript(LIGHTNING_SPA);

export function renderPage(page: PageContent, options: ShellOptions): string {
  const dark = options.theme === 'dark';
  const nonce = options.nonce === null ? '' : options.nonce;
  const navItem = (kind: PageKind, href: string, label: string): SafeHtml =>
    html`<a class="slds-context-bar__item${page.kind === kind ? ' slds-is-active' : ''}" data-nav="${kind}" href="${href}">${label}</a>`;
  return html`<!DOCTYPE html>
<html lang="en" class="${dark ? 'slds-color-scheme_dark' : ''}" data-theme="${options.theme}" data-render-delay="${options.renderDelayMs}" data-sandbox-state="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style>${trusted(PAGE_CSS)}</style>
</head>
<body class="desktop">
<header id="oneHeader" class="slds-global-header_container">
  <div class="slds-global-header">
    <div class="slds-global-header__logo">Dealsight Sandbox</div>
    <div class="slds-global-header__search"><input type="search" placeholder="Search..." aria-label="Search"></div>
    <div class="slds-global-actions">
      <button type="button" class="slds-button sandbox-theme-toggle" data-sandbox-action="toggle-theme" title="Toggle dark mode">Theme</button>
      <span class="slds-avatar" title="${options.userName}">${options.userName}</span>
    </div>
  </div>
  <one-appnav>
    <nav class="slds-context-bar" aria-label="Global">
      <span class="slds-context-bar__app-name">Sales</span>
      ${navItem('home', '/lightning/page/home', 'Home')}
      ${navItem('Opportunity', '/lightning/o/Opportunity/list', 'Opportunities')}
      ${navItem('Account', '/lightning/o/Account/list', 'Accounts')}
    </nav>
  </one-appnav>
</header>
<div class="viewport">
  <section id="oneCenterStage" class="mainContentMark oneCenterStage" aria-busy="true"></section>
</div>
<template id="sandbox-page" data-title="${page.title}" data-kind="${page.kind}">${page.body}</template>
<script${nonce === '' ? '' : html` nonce="${nonce}"`}>${trusted(LIGHTNING_SCRIPT)}</script>
</body>
</html>
`.value;
}
