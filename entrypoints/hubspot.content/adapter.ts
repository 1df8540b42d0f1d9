/**
 * HubSpot's pages for the shared overlay (components/overlay/adapter.ts): deal records,
 * the deals board and list and the Sales Workspace told apart by URL
 * (lib/crm/hubspot/pages.ts, imported alone so no connector code comes into the bundle).
 * On a record the panels follow the anchor chain of selectors.ts (after the highlight
 * card in the left sidebar, …); board cards, index rows and workspace rows get chips,
 * their deal read from their link's href (the attributes only where there is no link).
 */
import type { Anchor, CrmAdapter } from '../../components/overlay/adapter';
import { parseHubSpotUrl, portalOfUrl } from '../../lib/crm/hubspot/pages';
import { RECORD_ANCHOR_CHAIN, SELECTORS } from './selectors';

/**
 * `record:<portal>:<deal>` on a deal page, `account:<portal>:<company>` on a company page
 * (the account panel, lib/crm/hubspot/pages.ts: object type 0-2), `list:<portal>:…` on the
 * deals index and the Sales Workspace, null elsewhere.
 */
export function pageKey(url: string, localhost: boolean): string | null {
  const page = parseHubSpotUrl(url, { localhost });
  if (page.kind === 'deal') return `record:${page.portalId}:${page.dealId}`;
  if (page.kind === 'company') return `account:${page.portalId}:${page.companyId}`;
  if (page.kind === 'deals-index') return `list:${page.portalId}:${page.layout}:${page.view ?? ''}`;
  if (page.kind === 'sales-workspace') return `list:${page.portalId}:workspace:${page.tab ?? ''}`;
  return null;
}

/** The deal id a record link points to, or null. */
function dealOfLink(link: Element, localhost: boolean): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    const page = parseHubSpotUrl(new URL(href, link.ownerDocument.location?.href ?? 'https://app.hubspot.com/'), { localhost });
    return page.kind === 'deal' ? page.dealId : null;
  } catch {
    return null;
  }
}

const DEAL_ID = /^\d{1,20}$/;
/** A deal id from an attribute (the bonus where there is no link), or null. */
const idFrom = (value: string | null | undefined): string | null => (value && DEAL_ID.test(value) ? value : null);

/** Not on screen: inside an element the app hid. */
const hidden = (el: Element): boolean => el.closest('[hidden]') !== null;

/**
 * Which record each part of the record layout (selectors.ts `recordLandmarks`) was seen
 * for, and what it showed then: the record's title, or its text where it has none. After
 * an in-app navigation the previous deal's page stays on screen under the new URL until
 * HubSpot replaces it; while any part on screen is known as another deal's and still
 * shows the same, the page is that deal's and gives no anchor. HubSpot builds the next
 * record's page anew (new elements, never seen), and one it re-renders in place shows
 * another title.
 */
interface Owner {
  key: string;
  shows: string;
}

/** One adapter's record anchors: `findAnchor` and `claimPage` remember the layout parts they have seen. */
export function createRecordAnchors(): Pick<CrmAdapter, 'findAnchor'> & Required<Pick<CrmAdapter, 'claimPage'>> {
  const owners = new WeakMap<Element, Owner>();

  const visibleLandmarks = (doc: Document): Element[] => Array.from(doc.querySelectorAll(SELECTORS.recordLandmarks.selector)).filter((el) => !hidden(el));

  /** What the page shows: its record's title, else the part's own text. */
  const shows = (doc: Document): ((landmark: Element) => string) => {
    const title = Array.from(doc.querySelectorAll(SELECTORS.recordTitle.selector)).find((el) => !hidden(el));
    return title ? () => `title:${title.textContent ?? ''}` : (landmark) => `text:${(landmark.textContent ?? '').slice(0, 2000)}`;
  };

  /** Whether the page on screen is `key`'s (or nobody's yet); if so, its parts are remembered as `key`'s. */
  const claim = (doc: Document, key: string): boolean => {
    const landmarks = visibleLandmarks(doc);
    const showing = shows(doc);
    const now = landmarks.map(showing);
    const stale = landmarks.some((landmark, i) => {
      const owner = owners.get(landmark);
      return owner !== undefined && owner.key !== key && owner.shows === now[i];
    });
    if (stale) return false;
    landmarks.forEach((landmark, i) => owners.set(landmark, { key, shows: now[i] as string }));
    return true;
  };

  const findAnchor = (doc: Document, key: string): Anchor | null => {
    const root = doc.body;
    if (!root || !claim(doc, key)) return null;
    for (const rule of RECORD_ANCHOR_CHAIN) {
      const element = Array.from(root.querySelectorAll(rule.selector)).find((el) => !hidden(el));
      if (element) return { element, place: rule.place, rule };
    }
    return null;
  };

  /** Once anchored: the parts on screen now (one rendered late included) are this record's. */
  const claimPage = (doc: Document, key: string): void => void claim(doc, key);

  return { findAnchor, claimPage };
}

/** The element a chip follows where a row or card names its deal without a link: inside `cell`, never the cell itself. */
function nameElement(cell: Element | null | undefined): Element | null {
  if (!cell) return null;
  // The innermost first element holding all the text (a span in a MediaBody, say): a chip after a table cell would break the row.
  let el = cell.firstElementChild;
  while (el?.firstElementChild && el.firstElementChild.textContent === el.textContent) el = el.firstElementChild;
  return el && (el.textContent ?? '').trim() !== '' ? el : null;
}

/** A row's name: in its name cell, else in its first cell with text (a checkbox column may come first). */
function rowName(row: Element, nameCell?: string): Element | null {
  const named = nameCell ? nameElement(row.querySelector(nameCell)) : null;
  return (
    named ??
    Array.from(row.querySelectorAll('td'))
      .map(nameElement)
      .find((el) => el !== null) ??
    null
  );
}

export function listLinks(doc: Document, localhost: boolean): Array<{ link: Element; id: string }> {
  const out: Array<{ link: Element; id: string }> = [];
  const seen = new Set<Element>();
  const add = (link: Element | null, id: string | null): void => {
    if (!link || id === null || seen.has(link)) return;
    seen.add(link);
    out.push({ link, id });
  };
  const linkIn = (container: Element, preferred?: string): { link: Element; id: string } | null => {
    const candidates = [...(preferred ? Array.from(container.querySelectorAll(preferred)) : []), ...Array.from(container.querySelectorAll('a[href]'))];
    for (const link of candidates) {
      const id = dealOfLink(link, localhost);
      if (id !== null) return { link, id };
    }
    return null;
  };
  const root = doc.body;
  if (!root) return out;

  for (const card of Array.from(root.querySelectorAll(SELECTORS.boardCard.selector))) {
    if (hidden(card)) continue;
    const found = linkIn(card, SELECTORS.boardCardLink.selector);
    if (found) add(found.link, found.id);
    // No deal link: the card's id attribute, after its title.
    else add(nameElement(card.querySelector(SELECTORS.boardCardTitle.selector)), idFrom(card.getAttribute('data-selenium-id')));
  }
  for (const row of Array.from(root.querySelectorAll(SELECTORS.indexRow.selector))) {
    if (hidden(row)) continue;
    const found = linkIn(row);
    if (found) add(found.link, found.id);
    else add(rowName(row, SELECTORS.indexNameCell.selector), idFrom(/^row-(\d+)$/.exec(row.getAttribute('data-test-id') ?? '')?.[1]));
  }
  for (const row of Array.from(root.querySelectorAll(SELECTORS.workspaceRow.selector))) {
    if (hidden(row)) continue;
    const found = linkIn(row);
    if (found) add(found.link, found.id);
    else add(rowName(row), idFrom(row.getAttribute('data-test-object-id')));
  }
  if (out.length > 0) return out;

  // Markup without HubSpot's test ids: every link to a deal record outside the navigation,
  // one per deal in a row, card or drag wrapper (a card may link its deal twice).
  const inContainer = new Map<Element, Set<string>>();
  for (const link of Array.from(root.querySelectorAll(SELECTORS.anyDealLink.selector))) {
    if (hidden(link) || link.closest(SELECTORS.navigation.selector)) continue;
    const id = dealOfLink(link, localhost);
    if (id === null) continue;
    const container = link.closest('tr, li, [data-rbd-draggable-id]');
    if (container) {
      const ids = inContainer.get(container) ?? new Set<string>();
      if (ids.has(id)) continue;
      inContainer.set(container, ids.add(id));
    }
    add(link, id);
  }
  return out;
}

export function hubspotAdapter(options: { localhost: boolean }): CrmAdapter {
  const anchors = createRecordAnchors();
  return {
    crm: 'HubSpot',
    place: 'portal',
    pageKey: (url) => pageKey(url, options.localhost),
    // The portal any app page names (`/<tool>/<portal>/…`): what the tab is pinned to.
    instanceOf: (url) => portalOfUrl(url, { localhost: options.localhost }),
    // HubSpot keeps no earlier pages in the DOM: the document is the page (hidden parts are skipped where it matters).
    visiblePage: (doc) => doc.body,
    findAnchor: anchors.findAnchor,
    claimPage: anchors.claimPage,
    listLinks: (doc) => listLinks(doc, options.localhost),
    // No public evidence of a HubSpot dark-theme marker (crm-evidence.md "dark mode"): the overlay reads the page's colours.
    isDark: () => null,
    themeAttributes: [],
    // A similar deal opens its HubSpot record on the same portal (the extension's pages are not web-accessible here).
    recordUrl: (origin, id) => {
      if (!DEAL_ID.test(id)) return null;
      const page = parseHubSpotUrl(location.href, { localhost: options.localhost });
      return page.kind === 'other' ? null : `${origin}/contacts/${page.portalId}/record/0-3/${id}`;
    },
    // An opportunity's account is its company (object type 0-2, lib/crm/hubspot/pages.ts cites the URL form) on the same portal.
    accountUrl: (origin, id) => {
      if (!DEAL_ID.test(id)) return null;
      const page = parseHubSpotUrl(location.href, { localhost: options.localhost });
      return page.kind === 'other' ? null : `${origin}/contacts/${page.portalId}/record/0-2/${id}`;
    },
    structureProbes: [
      SELECTORS.recordLandmarks.selector,
      ...RECORD_ANCHOR_CHAIN.map((rule) => rule.selector),
      SELECTORS.boardCard.selector,
      SELECTORS.indexRow.selector,
      SELECTORS.workspaceRow.selector,
    ],
  };
}
