/**
 * What the shared overlay (components/overlay) needs to know about one CRM's pages: one
 * adapter per CRM behind one interface (the Hypothesis client's pattern), so the mount,
 * router, list chips, theme and collapse logic exist once for Salesforce and HubSpot.
 * Every member reads the page and nothing else; none of them may throw into the page
 * (the shared code guards each call).
 */
export interface CrmAdapter {
  /** The CRM's name in the overlay's copy ("Connect Dealsight to this {crm} {place}"). */
  crm: string;
  /** What one customer's instance is called: Salesforce's "org", HubSpot's "portal" (as the options page says). */
  place: string;
  /**
   * The page's identity for the router: `record:<id>` for an opportunity/deal record page,
   * `list:<view>` for a view that gets chips, null for pages Dealsight leaves alone.
   * Navigations that keep the key keep the features running.
   */
  pageKey(url: string): string | null;
  /**
   * The element the panel goes after, for the record `recordKey`, or null while there is
   * none (the overlay waits, then floats at the right edge).
   */
  findAnchor(doc: Document, recordKey: string): Element | null;
  /** Called once the panel is anchored: lets an SPA that keeps earlier pages in the DOM mark this one as the record's. */
  claimPage?(doc: Document, recordKey: string): void;
  /** The record links of a list or board view on screen, each with its record id as the background knows it. */
  listLinks(doc: Document): Array<{ link: Element; id: string }>;
  /** Whether the CRM's own dark theme is on (its class or attribute); the overlay falls back to the page's colours. */
  isDark(doc: Document): boolean;
  /** Attributes whose change on `<html>`/`<body>` may switch the theme. */
  themeAttributes: readonly string[];
  /** A similar deal's link on the CRM's own pages, or null to show plain text. */
  recordUrl(origin: string, id: string): string | null;
}
