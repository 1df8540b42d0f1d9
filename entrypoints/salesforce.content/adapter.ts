/**
 * Salesforce's pages for the shared overlay (components/overlay/adapter.ts): Lightning
 * record and list pages told apart by URL (lib/crm/salesforce/pages.ts, imported alone so
 * no connector code comes into the bundle), the active page's highlights as the anchor,
 * list rows' record links, SLDS's dark class.
 */
import type { CrmAdapter } from '../../components/overlay/adapter';
import { objectOfId, toId18 } from '../../lib/crm/salesforce/ids';
import { parseSalesforceUrl } from '../../lib/crm/salesforce/pages';
import { activePage, claimPage, findRecordAnchor } from './anchor';
import { recordUrl } from './links';
import { SELECTORS } from './selectors';

/**
 * The page's identity: `record:<18-character id>` for an opportunity record, `list:Opportunity`
 * for an opportunity list view, null elsewhere (a note on every Account or Contact page would be noise).
 */
export function pageKey(url: string, localhost: boolean): string | null {
  const page = parseSalesforceUrl(url, { localhost });
  if (page.kind === 'record') return page.object === 'Opportunity' ? `record:${page.id18}` : null;
  if (page.kind === 'list') return page.object === 'Opportunity' ? `list:${page.object}` : null;
  return null;
}

/** The opportunity links of the list rows on screen (active page only), with their 18-character ids. */
export function listLinks(doc: Document): Array<{ link: Element; id: string }> {
  const scope = activePage(doc) ?? doc;
  const out: Array<{ link: Element; id: string }> = [];
  for (const row of Array.from(scope.querySelectorAll(SELECTORS.listRow))) {
    const link = row.querySelector(SELECTORS.listRecordLink);
    const raw = link?.getAttribute(SELECTORS.listRecordIdAttribute);
    const id = raw ? toId18(raw) : null;
    if (link && id && objectOfId(id) === 'Opportunity') out.push({ link, id });
  }
  return out;
}

export function salesforceAdapter(options: { localhost: boolean }): CrmAdapter {
  return {
    crm: 'Salesforce',
    place: 'org',
    pageKey: (url) => pageKey(url, options.localhost),
    visiblePage: (doc) => activePage(doc) as Element | null,
    findAnchor: (doc, recordKey) => {
      const element = findRecordAnchor(doc, recordKey);
      return element
        ? { element, place: 'after', rule: { selector: element.tagName.toLowerCase(), place: 'after', evidence: 'crm-evidence.md, record header' } }
        : null;
    },
    claimPage,
    listLinks,
    isDark: (doc) => (doc.documentElement.classList.contains(SELECTORS.darkClass) ? true : null),
    themeAttributes: ['class'],
    recordUrl,
    structureProbes: [...SELECTORS.activePage, ...SELECTORS.recordAnchors],
  };
}
