import { objectOfId, toId18 } from '../../lib/crm/salesforce/ids';
import { PAGE_CHECKS } from '../../lib/crm/salesforce/pages';
import { visiblePage } from './anchor';
import { SELECTORS } from './selectors';

/**
 * Record links on Salesforce's pages, and links to them. Ids come from a link's `href`
 * (crm-evidence.md › "How to use this": the current LWC list view has no id anywhere else),
 * in any of the record URL forms lib/crm/salesforce/pages.ts knows: Lightning's
 * `/lightning/r/[Object/]<id>/view`, one.app's, Classic's `/<id>`; 15 or 18 characters.
 * `data-recordid` (the older Aura markup) is read only when the `href` names no record.
 */

/** A similar deal's link on a CRM page: its own Lightning record page on the same origin, or null (plain text) for an id that is not Salesforce's. */
export function recordUrl(origin: string, id: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) return null;
  return `${origin}/lightning/r/Opportunity/${id}/view`;
}

/**
 * An account's Lightning record page on the same origin (`/lightning/r/Account/<id>/view`, as
 * lib/crm/salesforce/record-links.ts `salesforceAccountUrl` links it from the evidence it cites), or null for an id that is not Salesforce's.
 */
export function accountUrl(origin: string, id: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) return null;
  return `${origin}/lightning/r/Account/${id}/view`;
}

/** The record an `href` opens on the page's own origin, as an 18-character id, or null. */
export function recordIdFromHref(href: string | null, base: string): string | null {
  if (href === null || href === '') return null;
  let url: URL;
  let page: URL;
  try {
    page = new URL(base);
    url = new URL(href, page);
  } catch {
    return null;
  }
  if (url.origin !== page.origin) return null;
  for (const check of PAGE_CHECKS) {
    const found = check.match(url);
    if (found?.kind === 'record') return found.id18;
  }
  return null;
}

/** A link's record: its `href`, else its `data-recordid`. */
export function recordIdOfLink(link: Element, base: string): string | null {
  const fromHref = recordIdFromHref(link.getAttribute('href'), base);
  if (fromHref !== null) return fromHref;
  const attribute = link.getAttribute('data-recordid');
  return attribute === null ? null : toId18(attribute);
}

/** Where list views name their records, most specific first: the known name cells, then any opportunity link. */
const LINK_SELECTORS = [SELECTORS.lwcNameLink, SELECTORS.auraNameLink, SELECTORS.classicNameLink, SELECTORS.opportunityLinks] as const;

/**
 * The opportunity links of the list, Kanban board or other view on screen (the visible page
 * only), one per record: the name cell's link where the view has one. Each with its
 * 18-character id, as the background keys records.
 */
export function listLinks(doc: Document): Array<{ link: Element; id: string }> {
  const page = visiblePage(doc);
  if (page === null) return [];
  const base = doc.baseURI;
  const seen = new Set<string>();
  const out: Array<{ link: Element; id: string }> = [];
  for (const spec of LINK_SELECTORS) {
    for (const link of Array.from(page.element.querySelectorAll(spec.selector))) {
      const id = recordIdOfLink(link, base);
      if (id === null || seen.has(id) || objectOfId(id) !== 'Opportunity') continue;
      seen.add(id);
      out.push({ link, id });
    }
  }
  return out;
}
