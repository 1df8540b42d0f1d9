/**
 * What a Salesforce page shows, from its URL alone: an opportunity record, a list view, or
 * something else. Each check is a pure function of the URL with the URLs it is meant to
 * claim (refined-github's page detection style); test/crm/salesforce/pages.test.ts runs
 * every check on every example and requires exactly one claimant per URL.
 *
 * The checks read the path and hash only; `parseSalesforceUrl` adds the host check.
 */
import { isSalesforceHost, type HostOptions } from './hosts';
import { objectOfId, toId18 } from './ids';

export type SalesforcePage =
  /** `object` is the API name in the URL, or the one the id's key prefix names; the key prefix itself when unknown. */
  { kind: 'record'; object: string; id18: string } | { kind: 'list'; object: string } | { kind: 'other' };

type Found = Exclude<SalesforcePage, { kind: 'other' }>;

export interface PageCheck {
  name: string;
  match: (url: URL) => Found | null;
  /** URLs this check, and no other, claims. */
  examples: readonly string[];
}

const OBJECT = String.raw`([A-Za-z][A-Za-z0-9_]*)`;
const ID = String.raw`([a-zA-Z0-9]{18}|[a-zA-Z0-9]{15})`;

const LIGHTNING_RECORD = new RegExp(String.raw`^/lightning/r/${OBJECT}/${ID}/view/?$`);
const LIGHTNING_RECORD_BY_ID = new RegExp(String.raw`^/lightning/r/${ID}/view/?$`);
const LIGHTNING_LIST = new RegExp(String.raw`^/lightning/o/${OBJECT}/list/?$`);
const ONE_APP_RECORD = new RegExp(String.raw`^#/sObject/${ID}(?:/view)?/?(?:\?.*)?$`);
const ONE_APP_LIST = new RegExp(String.raw`^#/sObject/${OBJECT}/list/?(?:\?.*)?$`);
const CLASSIC_RECORD = new RegExp(String.raw`^/${ID}/?$`);
const CLASSIC_LIST = /^\/([a-zA-Z0-9]{3})(?:\/o)?\/?$/;

function record(object: string | null, rawId: string | undefined): Found | null {
  const id18 = rawId === undefined ? null : toId18(rawId);
  if (id18 === null) return null;
  return { kind: 'record', object: object ?? objectOfId(id18) ?? id18.slice(0, 3), id18 };
}

/** A Lightning console app keeps its workspace tab in `ws`; the path is the focused subtab. */
const isConsole = (url: URL) => url.searchParams.has('ws');

export const PAGE_CHECKS: readonly PageCheck[] = [
  {
    name: 'lightning-record',
    match: (url) => {
      const m = isConsole(url) ? null : LIGHTNING_RECORD.exec(url.pathname);
      return m ? record(m[1] ?? null, m[2]) : null;
    },
    examples: [
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view',
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view/',
      'https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZabAAF/view',
      'http://localhost:4100/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
    ],
  },
  {
    name: 'console-record',
    match: (url) => {
      const m = isConsole(url) ? LIGHTNING_RECORD.exec(url.pathname) : null;
      return m ? record(m[1] ?? null, m[2]) : null;
    },
    examples: [
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000XyZabAAF%2Fview',
      'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view?ws=%2Flightning%2Fr%2FOpportunity%2F0065g00000AbCdEAAV%2Fview',
    ],
  },
  {
    name: 'lightning-record-by-id',
    match: (url) => {
      const m = LIGHTNING_RECORD_BY_ID.exec(url.pathname);
      return m ? record(null, m[1]) : null;
    },
    examples: ['https://acme.lightning.force.com/lightning/r/0065g00000AbCdEAAV/view'],
  },
  {
    name: 'one-app-record',
    match: (url) => {
      const m = url.pathname === '/one/one.app' ? ONE_APP_RECORD.exec(url.hash) : null;
      return m ? record(null, m[1]) : null;
    },
    examples: [
      'https://acme.lightning.force.com/one/one.app#/sObject/0065g00000AbCdEAAV/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/0065g00000AbCdE',
    ],
  },
  {
    name: 'lightning-list',
    match: (url) => {
      const m = LIGHTNING_LIST.exec(url.pathname);
      return m?.[1] ? { kind: 'list', object: m[1] } : null;
    },
    examples: [
      'https://acme.lightning.force.com/lightning/o/Opportunity/list',
      'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
      'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=00B5g00000AbCdEEAV',
      'http://127.0.0.1:4100/lightning/o/Opportunity/list',
    ],
  },
  {
    name: 'one-app-list',
    match: (url) => {
      const m = url.pathname === '/one/one.app' ? ONE_APP_LIST.exec(url.hash) : null;
      return m?.[1] ? { kind: 'list', object: m[1] } : null;
    },
    examples: ['https://acme.lightning.force.com/one/one.app#/sObject/Opportunity/list?filterName=Recent'],
  },
  {
    // Classic record pages: /006…; only ids of objects Dealsight knows, so no other 15-character path is taken for one.
    name: 'classic-record',
    match: (url) => {
      const m = CLASSIC_RECORD.exec(url.pathname);
      const id = m?.[1];
      return id !== undefined && objectOfId(id) !== null ? record(null, id) : null;
    },
    examples: [
      'https://acme.my.salesforce.com/0065g00000AbCdE',
      'https://acme.my.salesforce.com/0065g00000AbCdEAAV',
      'https://na1.salesforce.com/0065g00000AbCdE?retURL=%2F006%2Fo',
    ],
  },
  {
    // Classic tab home (/006/o) and list views (/006?fcf=…).
    name: 'classic-list',
    match: (url) => {
      const m = CLASSIC_LIST.exec(url.pathname);
      const prefix = m?.[1];
      const object = prefix === undefined ? null : objectOfId(prefix);
      if (object === null || object === 'Organization' || object === 'User') return null;
      return url.pathname.endsWith('/o') || url.pathname.endsWith('/o/') || url.searchParams.has('fcf') ? { kind: 'list', object } : null;
    },
    examples: ['https://acme.my.salesforce.com/006/o', 'https://acme.my.salesforce.com/006?fcf=00B5g00000AbCdE'],
  },
];

/** URLs of Salesforce hosts that no check claims. */
export const OTHER_PAGE_EXAMPLES: readonly string[] = [
  'https://acme.lightning.force.com/lightning/page/home',
  'https://acme.lightning.force.com/lightning/o/Opportunity/home',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/edit',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/related/OpportunityContactRoles/view',
  'https://acme.lightning.force.com/lightning/r/Opportunity/not-an-id/view',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE5AA/view',
  'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
  'https://acme.lightning.force.com/one/one.app',
  'https://acme.my.salesforce.com/0065g00000AbCdE/e',
  'https://acme.my.salesforce.com/home/home.jsp',
  'https://acme.my.salesforce.com/apex/CustomPage12345',
  'https://acme.my.salesforce.com/a0D30000001n7Pi',
];

/**
 * What the page at `url` shows. Not a Salesforce org page (see `isSalesforceHost`) → other.
 */
export function parseSalesforceUrl(url: string | URL, options: HostOptions = {}): SalesforcePage {
  let u: URL;
  try {
    u = url instanceof URL ? url : new URL(url);
  } catch {
    return { kind: 'other' };
  }
  if (!isSalesforceHost(u, options)) return { kind: 'other' };
  for (const check of PAGE_CHECKS) {
    const found = check.match(u);
    if (found !== null) return found;
  }
  return { kind: 'other' };
}

/** The opportunity a page shows, as an 18-character id, or null. */
export function opportunityIdOf(url: string | URL, options: HostOptions = {}): string | null {
  const page = parseSalesforceUrl(url, options);
  return page.kind === 'record' && page.object === 'Opportunity' ? page.id18 : null;
}
