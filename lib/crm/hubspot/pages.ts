/**
 * What a HubSpot page shows, from its URL alone: a deal record, the deals board or list,
 * or something else. Each check is a pure function of the path with the URLs it is meant
 * to claim (refined-github's page detection style); test/crm/hubspot/pages.test.ts runs
 * every check on every example and requires exactly one claimant per URL.
 *
 * Deals are object type 0-3, companies 0-2 (their record pages get the account panel). Record pages: `/contacts/{portalId}/record/0-3/{dealId}` (the
 * current app) and `/contacts/{portalId}/deal/{dealId}` (older links, still redirected).
 * Index pages: `/contacts/{portalId}/objects/0-3/views/{viewId}/list|board` and the older
 * `/contacts/{portalId}/deals/list|board/view/{viewId}`. The Sales Workspace (formerly the
 * Prospecting Workspace) lives under `/prospecting/{portalId}/…` and shows deal tables
 * (`../shared/crm-evidence.md`, "deals list"); which of its tabs sit at which path is not
 * public, so every page under it is claimed and its deal rows get chips.
 */
import type { HostOptions } from '../shared/hosts';
import { isHubSpotHost } from './hosts';

export type HubSpotPage =
  | { kind: 'deal'; portalId: string; dealId: string }
  /** A company record (object type 0-2): the account page that gets the account panel. */
  | { kind: 'company'; portalId: string; companyId: string }
  /** The deals index: `view` is HubSpot's view id (`all`, `my`, a number) or null when the URL has none. */
  | { kind: 'deals-index'; portalId: string; layout: 'list' | 'board'; view: string | null }
  /** A page of the Sales Workspace: `tab` is the path after the portal (`deals`, `summary`, …), null at its root. */
  | { kind: 'sales-workspace'; portalId: string; tab: string | null }
  | { kind: 'other' };

type Found = Exclude<HubSpotPage, { kind: 'other' }>;

export interface PageCheck {
  name: string;
  match: (url: URL) => Found | null;
  /** URLs this check, and no other, claims. */
  examples: readonly string[];
}

const PORTAL = String.raw`/contacts/(\d{1,12})`;
const ID = String.raw`(\d{1,20})`;
const VIEW = String.raw`([A-Za-z0-9_-]+)`;

const RECORD = new RegExp(String.raw`^${PORTAL}/record/0-3/${ID}/?$`);
const OLD_RECORD = new RegExp(String.raw`^${PORTAL}/deal/${ID}/?$`);
/**
 * Companies are object type 0-2: `/contacts/{portalId}/record/0-2/{companyId}` (code ids
 * 53551124617, 54779302191, 60265196212: apps linking HubSpot company records, the last
 * noting "0-2 is HubSpot's own object type id for companies"), and the older
 * `/contacts/{portalId}/company/{companyId}` (code ids 56698909999, 66611423073, 60285251152).
 */
const COMPANY = new RegExp(String.raw`^${PORTAL}/record/0-2/${ID}/?$`);
const OLD_COMPANY = new RegExp(String.raw`^${PORTAL}/company/${ID}/?$`);
const VIEWS = new RegExp(String.raw`^${PORTAL}/objects/0-3/views/${VIEW}/(list|board)/?$`);
const OBJECTS = new RegExp(String.raw`^${PORTAL}/objects/0-3/?$`);
const OLD_INDEX = new RegExp(String.raw`^${PORTAL}/deals/(list|board)(?:/view/${VIEW})?/?$`);
const WORKSPACE = /^\/prospecting\/(\d{1,12})(?:\/([A-Za-z0-9_/-]{1,200}?))?\/?$/;

export const PAGE_CHECKS: readonly PageCheck[] = [
  {
    name: 'deal-record',
    match: (url) => {
      const m = RECORD.exec(url.pathname);
      return m?.[1] && m[2] ? { kind: 'deal', portalId: m[1], dealId: m[2] } : null;
    },
    examples: [
      'https://app.hubspot.com/contacts/4215837/record/0-3/18837465210',
      'https://app.hubspot.com/contacts/4215837/record/0-3/18837465210/',
      'https://app-eu1.hubspot.com/contacts/26345621/record/0-3/9012?eschref=%2Fcontacts%2F26345621%2Fobjects%2F0-3%2Fviews%2Fall%2Flist',
      'https://app-na2.hubspot.com/contacts/243001234/record/0-3/1',
      'http://localhost:4200/contacts/123456/record/0-3/1001',
      'http://127.0.0.1:4200/contacts/123456/record/0-3/1001',
    ],
  },
  {
    name: 'deal-record-legacy',
    match: (url) => {
      const m = OLD_RECORD.exec(url.pathname);
      return m?.[1] && m[2] ? { kind: 'deal', portalId: m[1], dealId: m[2] } : null;
    },
    examples: [
      'https://app.hubspot.com/contacts/4215837/deal/18837465210',
      'https://app.hubspot.com/contacts/4215837/deal/18837465210/',
      'https://app-eu1.hubspot.com/contacts/26345621/deal/9012',
      'http://localhost:4200/contacts/123456/deal/1001',
    ],
  },
  {
    name: 'company-record',
    match: (url) => {
      const m = COMPANY.exec(url.pathname);
      return m?.[1] && m[2] ? { kind: 'company', portalId: m[1], companyId: m[2] } : null;
    },
    examples: [
      'https://app.hubspot.com/contacts/4215837/record/0-2/77',
      'https://app.hubspot.com/contacts/4215837/record/0-2/2640917901/',
      'https://app-eu1.hubspot.com/contacts/47964451/record/0-2/9012',
      'http://localhost:4200/contacts/123456/record/0-2/501',
    ],
  },
  {
    name: 'company-record-legacy',
    match: (url) => {
      const m = OLD_COMPANY.exec(url.pathname);
      return m?.[1] && m[2] ? { kind: 'company', portalId: m[1], companyId: m[2] } : null;
    },
    examples: ['https://app.hubspot.com/contacts/4215837/company/77', 'https://app.hubspot.com/contacts/246259639/company/2640917901/'],
  },
  {
    name: 'deals-view',
    match: (url) => {
      const m = VIEWS.exec(url.pathname);
      return m?.[1] && m[2] && m[3] ? { kind: 'deals-index', portalId: m[1], layout: m[3] as 'list' | 'board', view: m[2] } : null;
    },
    examples: [
      'https://app.hubspot.com/contacts/4215837/objects/0-3/views/all/list',
      'https://app.hubspot.com/contacts/4215837/objects/0-3/views/all/board',
      'https://app.hubspot.com/contacts/4215837/objects/0-3/views/my/board/',
      'https://app-eu1.hubspot.com/contacts/26345621/objects/0-3/views/11432876/list?query=acme',
      'http://localhost:4200/contacts/123456/objects/0-3/views/all/board',
    ],
  },
  {
    name: 'deals-objects',
    match: (url) => {
      const m = OBJECTS.exec(url.pathname);
      return m?.[1] ? { kind: 'deals-index', portalId: m[1], layout: 'list', view: null } : null;
    },
    examples: ['https://app.hubspot.com/contacts/4215837/objects/0-3', 'https://app-na2.hubspot.com/contacts/243001234/objects/0-3/'],
  },
  {
    name: 'deals-index-legacy',
    match: (url) => {
      const m = OLD_INDEX.exec(url.pathname);
      return m?.[1] && m[2] ? { kind: 'deals-index', portalId: m[1], layout: m[2] as 'list' | 'board', view: m[3] ?? null } : null;
    },
    examples: [
      'https://app.hubspot.com/contacts/4215837/deals/list/view/all/',
      'https://app.hubspot.com/contacts/4215837/deals/board/view/all/',
      'https://app.hubspot.com/contacts/4215837/deals/board/view/my',
      'https://app.hubspot.com/contacts/4215837/deals/list',
    ],
  },
  {
    name: 'sales-workspace',
    match: (url) => {
      const m = WORKSPACE.exec(url.pathname);
      return m?.[1] ? { kind: 'sales-workspace', portalId: m[1], tab: m[2] ?? null } : null;
    },
    examples: [
      'https://app.hubspot.com/prospecting/4215837/deals',
      'https://app.hubspot.com/prospecting/4215837/deals/',
      'https://app.hubspot.com/prospecting/4215837',
      'https://app-eu1.hubspot.com/prospecting/26345621/summary',
      'https://app.hubspot.com/prospecting/4215837/leads/view/all',
      'http://localhost:4200/prospecting/123456/deals',
    ],
  },
];

/** URLs of HubSpot (or local) hosts that no check claims. */
export const OTHER_PAGE_EXAMPLES: readonly string[] = [
  'https://app.hubspot.com/contacts/4215837/record/0-1/51',
  'https://app.hubspot.com/contacts/4215837/record/0-2/not-an-id',
  'https://app.hubspot.com/contacts/4215837/objects/0-1/views/all/list',
  'https://app.hubspot.com/contacts/4215837/companies/list/view/all/',
  'https://app.hubspot.com/contacts/4215837/record/0-3/not-an-id',
  'https://app.hubspot.com/contacts/4215837/record/0-3/',
  'https://app.hubspot.com/contacts/portal/deal/12',
  'https://app.hubspot.com/reports-dashboard/4215837/view/123',
  'https://app.hubspot.com/settings/4215837/integrations/private-apps',
  'https://app.hubspot.com/contacts/4215837/objects/0-3/views/all/calendar',
  'https://app.hubspot.com/prospecting/portal/deals',
  'https://app.hubspot.com/prospecting/',
  'https://app.hubspot.com/prospecting-tools/4215837/deals',
  'http://localhost:4200/',
  'http://localhost:4200/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
];

/** What the page at `url` shows; a page off HubSpot's hosts (see `isHubSpotHost`) is other. */
export function parseHubSpotUrl(url: string | URL, options: HostOptions = {}): HubSpotPage {
  let u: URL;
  try {
    u = url instanceof URL ? url : new URL(url);
  } catch {
    return { kind: 'other' };
  }
  if (!isHubSpotHost(u, options)) return { kind: 'other' };
  for (const check of PAGE_CHECKS) {
    const found = check.match(u);
    if (found !== null) return found;
  }
  return { kind: 'other' };
}

/**
 * Any page of the HubSpot app names its portal as the path's second segment:
 * `/<tool>/<portalId>/…`. The deal and index pages above follow it, and so do the other
 * tools' pages public sources link to: `/reports-dashboard/<portal>/view/…`,
 * `/settings/<portal>/…`, `/search/<portal>/search?query=…`, `/global-search/<portal>`,
 * `/submissions/<portal>/form/…` (OTHER_PAGE_EXAMPLES; the code index's
 * `Majdoddin/felgen-ff-addon` hubspot-mailto-handler/redirect.js and
 * `jon-collette/hubspot-form-shortcut` readme.md). A first segment of letters and dashes,
 * then digits only: `/contacts/portal/…` names none.
 */
const APP_PORTAL = /^\/[a-z][a-z-]{0,60}\/(\d{1,12})(?:\/|$)/;

/**
 * The portal a HubSpot page's URL names, on any of the app's pages (not only those Dealsight
 * reads), or null: what a tab's portal is pinned to (issue 13: a tab is answered for the
 * portal it was opened on only).
 */
export function portalOfUrl(url: string | URL, options: HostOptions = {}): string | null {
  let u: URL;
  try {
    u = url instanceof URL ? url : new URL(url);
  } catch {
    return null;
  }
  if (!isHubSpotHost(u, options)) return null;
  const page = parseHubSpotUrl(u, options);
  if (page.kind !== 'other') return page.portalId;
  return APP_PORTAL.exec(u.pathname)?.[1] ?? null;
}

/** The company a page shows, or null. */
export function companyIdOf(url: string | URL, options: HostOptions = {}): { portalId: string; companyId: string } | null {
  const page = parseHubSpotUrl(url, options);
  return page.kind === 'company' ? { portalId: page.portalId, companyId: page.companyId } : null;
}

/** The deal a page shows, or null. */
export function dealIdOf(url: string | URL, options: HostOptions = {}): { portalId: string; dealId: string } | null {
  const page = parseHubSpotUrl(url, options);
  return page.kind === 'deal' ? { portalId: page.portalId, dealId: page.dealId } : null;
}
