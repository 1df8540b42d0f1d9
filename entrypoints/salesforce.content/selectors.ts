/**
 * Every Salesforce DOM selector the overlay reads, as data (refined-github style): when
 * Lightning's markup changes, this file is the one to update. test/content/salesforce-selectors.test.ts
 * checks each against a fixture shaped like the sandbox server's pages (sandbox/salesforce/pages).
 */
export const SELECTORS = {
  /**
   * The page on screen. Lightning keeps up to a few earlier pages in the DOM, hidden, so
   * every other selector is scoped to this one (or the anchor of a hidden page would win).
   */
  activePage: ['#oneCenterStage > .oneContent.active', '.oneContent.active'],
  /** Where the panel goes, after the first match, in order of preference (inside the active page). */
  recordAnchors: ['.forceHighlightsPanel > records-highlights2', '.forceHighlightsPanel', 'records-lwc-highlights-panel', 'records-highlights2'],
  /** Salesforce Classic's record title block (no single-page app, no `.oneContent`). */
  classicAnchor: '.bPageTitle',
  /** A list view's data rows, and the record link in a row's name cell. */
  listRow: 'tr[data-row-key-value]',
  listRecordLink: 'th[scope=row] a[data-recordid]',
  /** The attribute of that link holding the record id. */
  listRecordIdAttribute: 'data-recordid',
  /** SLDS's dark colour scheme sets this class on `<html>`. */
  darkClass: 'slds-color-scheme_dark',
} as const;

export { HOSTS } from '../../components/overlay/hosts';
