/**
 * HubSpot's pages for the shared overlay (components/overlay/adapter.ts): deal records and
 * the deals board and list told apart by URL (lib/crm/hubspot/pages.ts, imported alone so
 * no connector code comes into the bundle); the panels go in the record's left sidebar,
 * after the highlight card; board cards and list rows get chips.
 */
import type { Anchor, CrmAdapter } from '../../components/overlay/adapter';
import { parseHubSpotUrl } from '../../lib/crm/hubspot/pages';
import { SELECTORS } from './selectors';

/** `record:<portal>:<deal>` on a deal page, `list:<portal>:<layout>:<view>` on the deals index, null elsewhere. */
export function pageKey(url: string, localhost: boolean): string | null {
  const page = parseHubSpotUrl(url, { localhost });
  if (page.kind === 'deal') return `record:${page.portalId}:${page.dealId}`;
  if (page.kind === 'deals-index') return `list:${page.portalId}:${page.layout}:${page.view ?? ''}`;
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

/** The record page of `recordKey`'s deal, or null while HubSpot still shows another one (or none). */
function recordPage(doc: Document, recordKey: string): Element | null {
  const dealId = recordKey.split(':').at(-1) ?? '';
  for (const page of Array.from(doc.querySelectorAll(SELECTORS.recordPage))) {
    const id = page.getAttribute(SELECTORS.recordIdAttribute);
    if (id === null || id === dealId) return page;
  }
  return null;
}

export function findAnchor(doc: Document, recordKey: string): Anchor | null {
  const page = recordPage(doc, recordKey);
  if (!page) return null;
  for (const selector of SELECTORS.recordAnchors) {
    const element = page.querySelector(selector);
    if (element) return { element, place: 'after', rule: { selector, place: 'after', evidence: 'crm-evidence.md, HubSpot record page markup' } };
  }
  return null;
}

export function listLinks(doc: Document, localhost: boolean): Array<{ link: Element; id: string }> {
  const out: Array<{ link: Element; id: string }> = [];
  const seen = new Set<Element>();
  const add = (container: Element, linkSelector: string) => {
    const link = container.querySelector(linkSelector);
    if (!link || seen.has(link)) return;
    const id = dealOfLink(link, localhost);
    if (id !== null) {
      seen.add(link);
      out.push({ link, id });
    }
  };
  for (const card of Array.from(doc.querySelectorAll(SELECTORS.boardCard))) add(card, SELECTORS.boardCardLink);
  for (const row of Array.from(doc.querySelectorAll(SELECTORS.listRow))) add(row, SELECTORS.listRowLink);
  if (out.length > 0) return out;
  // Markup without HubSpot's test ids: every link to a deal record outside the navigation.
  for (const link of Array.from(doc.querySelectorAll(SELECTORS.anyDealLink))) {
    if (link.closest(SELECTORS.navigation)) continue;
    const id = dealOfLink(link, localhost);
    if (id !== null) out.push({ link, id });
  }
  return out;
}

export function hubspotAdapter(options: { localhost: boolean }): CrmAdapter {
  return {
    crm: 'HubSpot',
    place: 'portal',
    pageKey: (url) => pageKey(url, options.localhost),
    visiblePage: (doc) => doc.body,
    findAnchor,
    listLinks: (doc) => listLinks(doc, options.localhost),
    isDark: (doc) =>
      doc.documentElement.getAttribute(SELECTORS.darkAttribute) === SELECTORS.darkValue ||
      doc.body?.getAttribute(SELECTORS.darkAttribute) === SELECTORS.darkValue
        ? true
        : null,
    themeAttributes: [SELECTORS.darkAttribute],
    // A similar deal opens its HubSpot record on the same portal (the extension's pages are not web-accessible here).
    recordUrl: (origin, id) => {
      if (!/^\d{1,20}$/.test(id)) return null;
      const page = parseHubSpotUrl(location.href, { localhost: options.localhost });
      return page.kind === 'other' ? null : `${origin}/contacts/${page.portalId}/record/0-3/${id}`;
    },
    structureProbes: [SELECTORS.recordPage, ...SELECTORS.recordAnchors],
  };
}
