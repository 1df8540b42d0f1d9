/**
 * Every HubSpot DOM selector the overlay reads, as data: when HubSpot's markup changes,
 * this file is the one to update. HubSpot marks its UI with `data-test-id` and
 * `data-selenium-test` attributes, steadier than its generated class names; the sandbox
 * HubSpot server (sandbox/hubspot/pages) uses the same ones.
 */
export const SELECTORS = {
  /** The deal record page (scoped by its record id, so a page kept for another deal is not used). */
  recordPage: '[data-test-id="record-page"]',
  recordIdAttribute: 'data-record-id',
  /** Where the panels go, after the first match, in order of preference (inside the record page). */
  recordAnchors: [
    '[data-test-id="left-sidebar"] [data-selenium-test="highlightedPropertySidebar"]',
    '[data-test-id="left-sidebar"] [data-card-type="OBJECT_HIGHLIGHT"]',
    '[data-test-id="left-sidebar"] > :first-child',
  ],
  /** Board cards and list rows, each with its deal's record link. */
  boardCard: '[data-test-id="deal-card"]',
  boardCardLink: '[data-test-id="deal-card-title"], a[href*="/record/0-3/"]',
  listRow: '[data-test-id="crm-object-table"] tr[data-row-key], table tr[data-row-key]',
  listRowLink: '[data-test-id="record-link"], a[href*="/record/0-3/"]',
  /** The fallback on views without those test ids: any deal record link, outside the navigation. */
  anyDealLink: 'a[href*="/record/0-3/"], a[href*="/deal/"]',
  navigation: 'nav, [role="navigation"], header',
  /** HubSpot's dark mode marks the document. */
  darkAttribute: 'data-theme',
  darkValue: 'dark',
} as const;
