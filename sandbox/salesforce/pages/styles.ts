import { generatedTagNames } from './record-home';

/**
 * The pages' stylesheet: enough of SLDS's look that a screenshot reads as Lightning, with
 * colours from SLDS 2 global styling hooks (`--slds-g-color-*`), which dark mode redefines
 * where SLDS 2 keys it: `html:has(body.slds-color-scheme--dark)` (and the `_dark` form),
 * crm-evidence.md, row "dark mode". An overlay that follows the page's theme can read the
 * class on `<body>`, those custom properties or the computed background of `body`.
 */

/** Lightning's custom elements that lay out as blocks (custom elements are inline by default). */
const BLOCK_ELEMENTS = [
  'one-record-home-flexipage2',
  ...generatedTagNames(['Opportunity', 'Account', 'Contact', 'User']),
  'record_flexipage-record-page-decorator',
  'record_flexipage-desktop-record-page-decorator',
  'records-record-layout-event-broker',
  'flexipage-record-home-template-desktop2',
  'flexipage-record-home-with-subheader-template-desktop2',
  'flexipage-component2',
  'flexipage-aura-wrapper',
  'records-lwc-highlights-panel',
  'records-lwc-record-layout',
  'records-highlights2',
  'force-highlights2',
  'records-record-layout-section',
  'records-record-layout-item',
  'lst-common-list-internal',
  'lst-primary-display-manager',
  'lst-primary-display',
  'lst-primary-display-grid',
  'lightning-datatable',
  'one-appnav',
  'one-app-nav-bar',
].join(',\n');

export const PAGE_CSS = `
:root {
  color-scheme: light;
  --slds-g-color-surface-1: #ffffff;
  --slds-g-color-surface-2: #f3f3f3;
  --slds-g-color-surface-container-1: #ffffff;
  --slds-g-color-on-surface-1: #181818;
  --slds-g-color-on-surface-2: #444444;
  --slds-g-color-on-surface-3: #747474;
  --slds-g-color-border-1: #e5e5e5;
  --slds-g-color-border-2: #c9c9c9;
  --slds-g-color-accent-1: #0176d3;
  --slds-g-color-accent-container-1: #eef4ff;
  --slds-g-color-success-1: #2e844a;
  --slds-g-color-error-1: #ba0517;
  --sandbox-header: #ffffff;
  --sandbox-brand: #0176d3;
}
html:has(body.slds-color-scheme_dark), html:has(body.slds-color-scheme--dark) {
  color-scheme: dark;
  --slds-g-color-surface-1: #242424;
  --slds-g-color-surface-2: #161616;
  --slds-g-color-surface-container-1: #2b2b2b;
  --slds-g-color-on-surface-1: #f3f3f3;
  --slds-g-color-on-surface-2: #c9c9c9;
  --slds-g-color-on-surface-3: #aeaeae;
  --slds-g-color-border-1: #3e3e3e;
  --slds-g-color-border-2: #5c5c5c;
  --slds-g-color-accent-1: #78b0fd;
  --slds-g-color-accent-container-1: #0b2c52;
  --slds-g-color-success-1: #45c65a;
  --slds-g-color-error-1: #fe5c4c;
  --sandbox-header: #1b1b1b;
  --sandbox-brand: #1b96ff;
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
html { background: var(--slds-g-color-surface-2); }
body {
  font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 13px;
  line-height: 1.5;
  background: var(--slds-g-color-surface-2);
  color: var(--slds-g-color-on-surface-1);
}
${BLOCK_ELEMENTS} { display: block; }
a { color: var(--slds-g-color-accent-1); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { margin: 0; }
.slds-global-header_container { position: sticky; top: 0; z-index: 10; }
.slds-global-header { display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 12px; background: var(--sandbox-header); border-bottom: 1px solid var(--slds-g-color-border-1); }
.slds-global-header__logo { font-weight: 700; color: var(--sandbox-brand); font-size: 15px; white-space: nowrap; }
.slds-global-header__search { flex: 1; max-width: 560px; }
.slds-global-header__search input { width: 100%; height: 32px; border-radius: 4px; border: 1px solid var(--slds-g-color-border-2); background: var(--slds-g-color-surface-1); color: inherit; padding: 0 10px; }
.slds-global-actions { margin-left: auto; display: flex; gap: 8px; align-items: center; }
.bBottom .slds-context-bar { background: var(--slds-g-color-surface-1); border-bottom: 3px solid var(--sandbox-brand); padding: 0 12px; }
.slds-context-bar__secondary > .slds-grid { display: flex; align-items: stretch; height: 40px; }
.slds-context-bar__app-name { font-size: 16px; padding: 0 24px 0 4px; display: flex; align-items: center; }
one-app-nav-bar-item-root { display: flex; align-items: center; padding: 0 12px; }
one-app-nav-bar-item-root a { color: var(--slds-g-color-on-surface-1); }
one-app-nav-bar-item-root.slds-is-active { border-bottom: 3px solid var(--sandbox-brand); margin-bottom: -3px; font-weight: 600; }
.oneCenterStage { padding: 12px; min-height: calc(100vh - 91px); position: relative; }
.oneContent:not(.active) { display: none; }
.slds-spinner_container { display: flex; justify-content: center; padding: 64px; color: var(--slds-g-color-on-surface-3); }
.slds-spinner_container[hidden] { display: none; }
.slds-spinner { width: 32px; height: 32px; border-radius: 50%; border: 3px solid var(--slds-g-color-border-1); border-top-color: var(--slds-g-color-accent-1); animation: sandbox-spin 0.8s linear infinite; }
@keyframes sandbox-spin { to { transform: rotate(360deg); } }
.oneConsoleTabset > .slds-context-bar_tabs, .slds-context-bar_tabs { background: var(--slds-g-color-surface-1); border-bottom: 1px solid var(--slds-g-color-border-1); }
.tabBarItems { display: flex; list-style: none; margin: 0; padding: 0 8px; gap: 2px; }
.oneConsoleTabItem { display: flex; align-items: center; gap: 4px; max-width: 240px; padding: 6px 10px; border-right: 1px solid var(--slds-g-color-border-1); }
.oneConsoleTabItem.slds-is-active { box-shadow: inset 0 -3px 0 var(--sandbox-brand); font-weight: 600; }
.oneConsoleTabItem a { color: var(--slds-g-color-on-surface-1); overflow: hidden; }
.oneConsoleTabItem .title { display: block; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.oneConsoleTabItem .close button { border: 0; background: none; color: var(--slds-g-color-on-surface-3); cursor: pointer; }
.split-right { padding: 12px; min-height: calc(100vh - 130px); }
section.oneConsoleTab:not(.active) { display: none; }
.lafPageHost:not(.active) > * { display: none; }
section.oneConsoleTab .slds-context-bar_tabs { margin: -12px -12px 12px; }
.slds-card, .slds-page-header, .highlights, .forceHighlightsPanel { background: var(--slds-g-color-surface-container-1); border: 1px solid var(--slds-g-color-border-1); border-radius: 4px; box-shadow: 0 2px 2px rgba(0,0,0,0.1); }
.slds-page-header, .highlights, .forceHighlightsPanel { padding: 12px 16px; margin-bottom: 12px; }
.primaryFieldRow { display: flex; align-items: flex-start; gap: 12px; }
.slds-has-flexi-truncate { display: flex; gap: 12px; align-items: center; flex: 1; min-width: 0; }
.slds-icon_container { display: inline-flex; width: 32px; height: 32px; border-radius: 4px; align-items: center; justify-content: center; color: #fff; font-weight: 700; }
.slds-icon-standard-opportunity { background: #ff5d2d; }
.slds-icon-standard-account { background: #5867e8; }
.slds-icon-standard-home { background: #ff538a; }
.entityNameTitle { font-size: 12px; font-weight: 400; color: var(--slds-g-color-on-surface-2); }
.slds-page-header__title { display: block; font-size: 18px; font-weight: 700; margin: 0; word-break: break-word; }
.secondaryFields { display: flex; flex-wrap: wrap; gap: 32px; margin: 12px 0 0; padding: 12px 0 0; border-top: 1px solid var(--slds-g-color-border-1); list-style: none; }
.secondaryFields slot { display: contents; }
.slds-text-title { font-size: 12px; color: var(--slds-g-color-on-surface-2); margin: 0; }
.fieldComponent { margin: 0; }
.slds-button-group-list { display: flex; list-style: none; margin: 0; padding: 0; }
.slds-button { height: 32px; padding: 0 14px; border: 1px solid var(--slds-g-color-border-2); background: var(--slds-g-color-surface-1); color: var(--slds-g-color-accent-1); border-radius: 4px; cursor: pointer; font: inherit; }
.slds-button-group-list li + li .slds-button { margin-left: -1px; }
.slds-path { margin-bottom: 12px; }
.slds-path__nav { display: flex; list-style: none; margin: 0; padding: 0; gap: 2px; }
.slds-path__item { flex: 1; text-align: center; padding: 6px 8px; background: var(--slds-g-color-surface-1); border: 1px solid var(--slds-g-color-border-1); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.slds-path__link { color: inherit; }
.slds-path__item.slds-is-complete { background: #3ba755; color: #fff; }
.slds-path__item.slds-is-current { background: #014486; color: #fff; font-weight: 600; }
.slds-path__item.slds-is-won { background: #2e844a; color: #fff; }
.slds-path__item.slds-is-lost { background: #ba0517; color: #fff; }
.row-main { display: flex; flex-wrap: wrap; gap: 12px; }
.region-main { flex: 2 1 480px; min-width: 0; display: flex; flex-direction: column; gap: 12px; }
.region-sidebar-right { flex: 1 1 280px; min-width: 0; display: flex; flex-direction: column; gap: 12px; }
.region-main > slot, .region-main > slot > slot, .region-sidebar-right > slot, .region-sidebar-right > slot > slot { display: contents; }
.slds-card { padding: 12px 16px; }
.slds-card__header-title { font-size: 14px; font-weight: 700; margin: 0 0 8px; }
.slds-tabs_default__nav { display: flex; gap: 24px; list-style: none; padding: 0; margin: 0 0 12px; border-bottom: 1px solid var(--slds-g-color-border-1); }
.slds-tabs_default__item { padding: 6px 0; }
.slds-tabs_default__item.slds-is-active { border-bottom: 2px solid var(--slds-g-color-accent-1); font-weight: 600; }
.slds-section__title { font-size: 14px; background: var(--slds-g-color-surface-2); padding: 4px 8px; margin: 8px 0; border-radius: 4px; }
.slds-form { display: grid; grid-template-columns: 1fr 1fr; column-gap: 24px; }
records-record-layout-item { padding: 4px 0; border-bottom: 1px solid var(--slds-g-color-border-1); min-width: 0; }
.test-id__field-label { display: block; font-size: 12px; color: var(--slds-g-color-on-surface-2); }
.test-id__field-value { display: block; min-height: 20px; word-break: break-word; }
.slds-table { width: 100%; border-collapse: collapse; background: var(--slds-g-color-surface-container-1); table-layout: fixed; }
.slds-table th, .slds-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--slds-g-color-border-1); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 400; }
.slds-table thead th { font-size: 12px; color: var(--slds-g-color-on-surface-2); background: var(--slds-g-color-surface-2); font-weight: 600; }
.slds-table .errorColumn { width: 40px; }
.slds-table thead th.slds-cell-edit { width: 40px; }
.slds-truncate, records-hoverable-link > div { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; }
records-hoverable-link > div { display: flex; align-items: center; }
records-hoverable-link a { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.slds-table th[title="Opportunity Name"], .slds-table th[title="Account Name"] { width: 24%; }
.countSortedByFilteredBy { font-size: 12px; color: var(--slds-g-color-on-surface-2); margin: 4px 0 0; }
.sandbox-load-more { display: block; margin: 12px auto; }
.sandbox-empty { color: var(--slds-g-color-on-surface-3); padding: 12px 0; }
.sandbox-kanban { display: flex; gap: 12px; overflow-x: auto; align-items: flex-start; }
.sandbox-kanban__column { flex: 0 0 230px; min-width: 0; background: var(--slds-g-color-surface-1); border: 1px solid var(--slds-g-color-border-1); border-radius: 4px; padding: 8px; display: flex; flex-direction: column; gap: 8px; }
.sandbox-kanban__title { font-size: 13px; font-weight: 700; }
.sandbox-kanban__card { background: var(--slds-g-color-surface-container-1); border: 1px solid var(--slds-g-color-border-1); border-radius: 4px; padding: 8px; }
.sandbox-kanban__card h3 { font-size: 13px; font-weight: 600; overflow-wrap: anywhere; }
.sandbox-kanban__card p { margin: 4px 0 0; }
.sandbox-login { max-width: 380px; margin: 80px auto; padding: 24px; }
`;
