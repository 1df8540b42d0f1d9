/**
 * What the shared overlay (components/overlay) needs to know about one CRM's pages: one
 * adapter per CRM behind one interface (the Hypothesis client's pattern), so the mount,
 * router, list chips, theme and collapse logic exist once for every CRM. Every member
 * reads the page and nothing else; none of them may throw into the page (the shared code
 * guards each call). Selectors live in each CRM's `selectors.ts` as data, each naming the
 * row of `../shared/crm-evidence.md` it rests on.
 */

/** Where the panel goes relative to its anchor element. */
export type AnchorPlace = 'after' | 'before' | 'first-child' | 'last-child';

/**
 * One link of a page kind's anchor chain: the first rule whose selector matches inside the
 * visible page wins. `evidence` names the row of crm-evidence.md (or the public source) the
 * selector rests on; where the evidence is silent, it says so.
 */
export interface AnchorRule {
  selector: string;
  place: AnchorPlace;
  evidence: string;
}

/** An anchor found on the page: the element, where the panel goes, and the rule that found it. */
export interface Anchor {
  element: Element;
  place: AnchorPlace;
  rule: AnchorRule;
}

export interface CrmAdapter {
  /** The CRM's name in the overlay's copy ("Connect Dealsight to this {crm} {place}"). */
  crm: string;
  /** What one customer's instance is called: Salesforce's "org", HubSpot's "portal" (as the options page says). */
  place: string;
  /**
   * The page's identity for the router: `record:<id>` for an opportunity/deal record page,
   * `account:<id>` for an account/company record page (the account panel), `list:<view>`
   * for a view that gets chips, null for pages Dealsight leaves alone.
   * Navigations that keep the key keep the features running.
   */
  pageKey(url: string): string | null;
  /**
   * The customer instance a page URL names (a HubSpot portal in the path), or null when it
   * names none. Absent for a CRM whose URLs name no instance (Salesforce's org is its
   * host): the tab is then pinned to its document's address (url-pin.ts).
   */
  instanceOf?(url: string): string | null;
  /**
   * The part of the document the user sees now: the active page of an app that keeps
   * earlier pages hidden in the DOM (Lightning's cached pages, a console's background tabs),
   * or null while the app shows none. Anchors and list links are looked for only inside it.
   */
  visiblePage(doc: Document): Element | null;
  /**
   * Where the panel goes for the record `recordKey`: the first rule of the page's anchor
   * chain that matches inside the visible page, or null while none does (the overlay waits,
   * then floats at the right edge). A visible page that still shows another record (the URL
   * changes before the app swaps the page in) gives null.
   */
  findAnchor(doc: Document, recordKey: string): Anchor | null;
  /** Called once the panel is anchored: lets an app that keeps earlier pages in the DOM mark this one as the record's. */
  claimPage?(doc: Document, recordKey: string): void;
  /** The record links of a list, board or kanban view in the visible page, each with its record id as the background knows it (read from the link's `href`). */
  listLinks(doc: Document): Array<{ link: Element; id: string }>;
  /** The CRM's own dark theme: true or false where its marker says so, null where it has none (the overlay then reads the page's colours). */
  isDark(doc: Document): boolean | null;
  /** Attributes whose change on `<html>`/`<body>` may switch the theme. */
  themeAttributes: readonly string[];
  /** A similar deal's link on the CRM's own pages, or null to show plain text. */
  recordUrl(origin: string, id: string): string | null;
  /** An account's page in the CRM (a Salesforce Account, a HubSpot company) by the id opportunities name it with, or null (no link). */
  accountUrl(origin: string, accountId: string): string | null;
  /**
   * Selectors of the containers "Copy page structure" describes when no anchor is found:
   * the visible page's candidates and landmarks. Only tag names, classes and test ids of
   * what they match and its ancestors are copied, never text, ids or names.
   */
  structureProbes: readonly string[];
}
