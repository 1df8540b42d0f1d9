/**
 * Salesforce's pages for the shared overlay (components/overlay/adapter.ts): Lightning and
 * Classic record and list pages told apart by URL (lib/crm/salesforce/pages.ts, imported
 * alone so no connector code comes into the bundle); the page on screen (standard
 * navigation's active page, or the active console tab's) and its anchor chain (anchor.ts);
 * record links read from their `href` (links.ts); SLDS 2's scheme class on `<body>`.
 * Every selector is data in selectors.ts, with its evidence.
 */
import type { CrmAdapter } from '../../components/overlay/adapter';
import { parseSalesforceUrl } from '../../lib/crm/salesforce/pages';
import { claimPage, findAnchor, visiblePage } from './anchor';
import { accountUrl, listLinks, recordUrl } from './links';
import { COLOR_SCHEME, SELECTORS } from './selectors';

/**
 * The page's identity: `record:<18-character id>` for an opportunity record,
 * `account:<18-character id>` for an Account record (the account panel: Lightning's
 * `/lightning/r/Account/<id>/view`, standard or console, and Classic's `/001…`, as
 * lib/crm/salesforce/pages.ts parses them), `list:Opportunity` for an opportunity list view
 * (its table, Kanban and Classic forms alike), null elsewhere (a note on every Contact page
 * would be noise).
 */
export function pageKey(url: string, localhost: boolean): string | null {
  const page = parseSalesforceUrl(url, { localhost });
  if (page.kind === 'record') return page.object === 'Opportunity' ? `record:${page.id18}` : page.object === 'Account' ? `account:${page.id18}` : null;
  if (page.kind === 'list') return page.object === 'Opportunity' ? `list:${page.object}` : null;
  return null;
}

/**
 * Whether the tab's URL may still show `recordKey`'s page: not when it names another record
 * or a list. Lightning changes the URL before it swaps the next page in, and the router
 * notices a URL change only on its next poll (components/overlay/run.ts), so for a moment
 * the panel of the record the user left is still running while the next record's page is
 * already on screen: it must not move there (nor claim that page). URLs that name no page
 * (a test's blank page) cannot tell, and do not refuse.
 */
export function urlStillShows(doc: Document, recordKey: string, localhost: boolean): boolean {
  const href = doc.location?.href;
  if (!href) return true;
  if (parseSalesforceUrl(href, { localhost }).kind === 'other') return true;
  return pageKey(href, localhost) === recordKey;
}

/** SLDS 2's scheme class on `<body>` (both forms); null without one. */
export function isDark(doc: Document): boolean | null {
  const classes = doc.body?.classList;
  if (!classes) return null;
  if (COLOR_SCHEME.dark.some((c) => classes.contains(c))) return true;
  if (COLOR_SCHEME.light.some((c) => classes.contains(c))) return false;
  return null;
}

export { listLinks };

export function salesforceAdapter(options: { localhost: boolean }): CrmAdapter {
  return {
    crm: 'Salesforce',
    place: 'org',
    pageKey: (url) => pageKey(url, options.localhost),
    visiblePage: (doc) => visiblePage(doc)?.element ?? null,
    findAnchor: (doc, recordKey) => (urlStillShows(doc, recordKey, options.localhost) ? findAnchor(doc, recordKey) : null),
    claimPage: (doc, recordKey) => {
      if (urlStillShows(doc, recordKey, options.localhost)) claimPage(doc, recordKey);
    },
    listLinks,
    isDark,
    themeAttributes: ['class'],
    recordUrl,
    accountUrl,
    structureProbes: [
      SELECTORS.consoleTabShown.selector,
      SELECTORS.consolePages.selector,
      SELECTORS.standardPage.selector,
      SELECTORS.standardPageLoose.selector,
      SELECTORS.classicPage.selector,
      'one-record-home-flexipage2',
      SELECTORS.lwcHighlights.selector,
      SELECTORS.highlights.selector,
      SELECTORS.auraHighlights.selector,
      SELECTORS.recordHomeHeader.selector,
      SELECTORS.classicTitle.selector,
    ],
  };
}
