/**
 * Which hosts serve a Salesforce org's pages, and which host answers its REST API.
 *
 * The API must be called on the org's My Domain host (`x.my.salesforce.com`): a
 * Lightning or Visualforce host either redirects, which drops the Authorization header,
 * or holds a session cookie that the REST API refuses ("This session is not valid for
 * use with the REST API"). Salesforce Inspector (Reloaded) maps hosts the same way.
 * Formats: https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm
 *
 * Each rule is data with its own examples; test/crm/salesforce/hosts.test.ts checks
 * every example, and that no example is claimed by two rules.
 */

import { isLocalHost, minimalPatterns, parseUrl as parse, type CrmHosts, type HostOptions } from '../shared/hosts';

export { isLocalHost, type HostOptions };

export interface HostRule {
  name: string;
  /** Matched against the lower-case hostname, after a Microsoft Defender `.mcas.ms` suffix is removed. */
  pattern: RegExp;
  /** The API hostname, from the match. */
  apiHost: (match: RegExpExecArray) => string;
  /** [page hostname, API hostname] pairs. */
  examples: ReadonlyArray<readonly [string, string]>;
  /** Match patterns covering the page hosts this rule claims (the examples' first halves). */
  pages: readonly string[];
  /** Match patterns covering the API hosts it maps them to (the examples' second halves). */
  api: readonly string[];
  /** Whether the overlay runs on these pages (the app's record and list pages live there). */
  overlay: boolean;
}

const MY_DOMAIN = 'https://*.my.salesforce.com/*';

/** Partitioned-domain labels (Developer Edition, sandbox, scratch, …) that sit between the name and the domain. */
const PARTITION = String.raw`(?:\.(?:sandbox|develop|scratch|demo|patch|free|trailblaze))?`;
/** A Classic instance: na1, eu12, cs42, um5, usa3s, gs0. */
const INSTANCE = String.raw`[a-z]{2,4}\d{1,3}[a-z]?`;

export const HOST_RULES: readonly HostRule[] = [
  {
    name: 'my-domain',
    pages: [MY_DOMAIN, 'https://*.my.salesforce.mil/*'],
    api: [MY_DOMAIN, 'https://*.my.salesforce.mil/*'],
    // Classic pages of an org with My Domain.
    overlay: true,
    pattern: /^(.+)\.my\.salesforce\.(com|mil)$/,
    apiHost: (m) => m[0],
    examples: [
      ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com'],
      ['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed.develop.my.salesforce.com'],
      ['acme--uat.my.salesforce.com', 'acme--uat.my.salesforce.com'],
      ['agency.my.salesforce.mil', 'agency.my.salesforce.mil'],
    ],
  },
  {
    name: 'lightning',
    pages: ['https://*.lightning.force.com/*'],
    api: [MY_DOMAIN],
    overlay: true,
    pattern: /^(.+)\.lightning\.force\.com$/,
    apiHost: (m) => `${m[1]}.my.salesforce.com`,
    examples: [
      ['acme.lightning.force.com', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.lightning.force.com', 'acme--uat.sandbox.my.salesforce.com'],
      ['acme--uat.lightning.force.com', 'acme--uat.my.salesforce.com'],
      ['acme-dev-ed.develop.lightning.force.com', 'acme-dev-ed.develop.my.salesforce.com'],
      ['site-page-1234.scratch.lightning.force.com', 'site-page-1234.scratch.my.salesforce.com'],
      ['curious-fox-a1b2c3.trailblaze.lightning.force.com', 'curious-fox-a1b2c3.trailblaze.my.salesforce.com'],
    ],
  },
  {
    name: 'lightning-government',
    pages: ['https://*.lightning.force.mil/*', 'https://*.lightning.crmforce.mil/*'],
    api: ['https://*.my.salesforce.mil/*'],
    overlay: true,
    pattern: /^(.+)\.lightning\.(?:force|crmforce)\.mil$/,
    apiHost: (m) => `${m[1]}.my.salesforce.mil`,
    examples: [
      ['agency.lightning.force.mil', 'agency.my.salesforce.mil'],
      ['agency.lightning.crmforce.mil', 'agency.my.salesforce.mil'],
    ],
  },
  {
    name: 'setup',
    pages: ['https://*.my.salesforce-setup.com/*'],
    api: [MY_DOMAIN],
    overlay: false,
    pattern: /^(.+)\.my\.salesforce-setup\.com$/,
    apiHost: (m) => `${m[1]}.my.salesforce.com`,
    examples: [
      ['acme.my.salesforce-setup.com', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.my.salesforce-setup.com', 'acme--uat.sandbox.my.salesforce.com'],
    ],
  },
  {
    // Enhanced domains: name--package[.partition].vf.force.com.
    name: 'visualforce',
    pages: ['https://*.vf.force.com/*'],
    api: [MY_DOMAIN],
    overlay: false,
    pattern: new RegExp(String.raw`^(.+)--[a-z0-9_]+(${PARTITION})\.vf\.force\.com$`),
    apiHost: (m) => `${m[1]}${m[2] ?? ''}.my.salesforce.com`,
    examples: [
      ['acme--c.vf.force.com', 'acme.my.salesforce.com'],
      ['acme--uat--c.sandbox.vf.force.com', 'acme--uat.sandbox.my.salesforce.com'],
      ['acme-dev-ed--c.develop.vf.force.com', 'acme-dev-ed.develop.my.salesforce.com'],
      ['acme--sbqq.vf.force.com', 'acme.my.salesforce.com'],
    ],
  },
  {
    // Before enhanced domains: name--package.visualforce.com, or with the instance.
    name: 'visualforce-legacy',
    pages: ['https://*.visualforce.com/*', 'https://*.visual.force.com/*'],
    api: [MY_DOMAIN],
    overlay: false,
    pattern: new RegExp(String.raw`^(.+)--[a-z0-9_]+(?:\.visualforce\.com|\.${INSTANCE}\.visual\.force\.com)$`),
    apiHost: (m) => `${m[1]}.my.salesforce.com`,
    examples: [
      ['acme--c.visualforce.com', 'acme.my.salesforce.com'],
      ['acme--uat--c.visualforce.com', 'acme--uat.my.salesforce.com'],
      ['acme--c.na42.visual.force.com', 'acme.my.salesforce.com'],
    ],
  },
  {
    // No My Domain at all (orgs from before it was required): c.na1.visual.force.com → na1.salesforce.com.
    name: 'visualforce-instance',
    pages: ['https://*.visual.force.com/*'],
    api: ['https://*.salesforce.com/*'],
    overlay: false,
    pattern: new RegExp(String.raw`^c\.(${INSTANCE})\.visual\.force\.com$`),
    apiHost: (m) => `${m[1]}.salesforce.com`,
    examples: [['c.na1.visual.force.com', 'na1.salesforce.com']],
  },
  {
    name: 'experience-site',
    pages: ['https://*.my.site.com/*'],
    api: [MY_DOMAIN],
    overlay: false,
    pattern: new RegExp(String.raw`^(.+?)(${PARTITION})\.my\.site\.com$`),
    apiHost: (m) => `${m[1]}${m[2] ?? ''}.my.salesforce.com`,
    examples: [
      ['acme.my.site.com', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.my.site.com', 'acme--uat.sandbox.my.salesforce.com'],
    ],
  },
  {
    name: 'classic-instance',
    pages: ['https://*.salesforce.com/*'],
    api: ['https://*.salesforce.com/*'],
    overlay: true,
    pattern: new RegExp(String.raw`^${INSTANCE}\.salesforce\.com$`),
    apiHost: (m) => m[0],
    examples: [
      ['na1.salesforce.com', 'na1.salesforce.com'],
      ['cs42.salesforce.com', 'cs42.salesforce.com'],
      ['eu12.salesforce.com', 'eu12.salesforce.com'],
    ],
  },
];

/** Microsoft Defender for Cloud Apps proxies Salesforce as `<host>.mcas.ms`. */
const MCAS_SUFFIX = /\.mcas\.ms$/;

/** The rule that claims a hostname, with its match. */
export function matchHostRule(hostname: string): { rule: HostRule; match: RegExpExecArray } | null {
  const host = hostname.toLowerCase().replace(MCAS_SUFFIX, '');
  for (const rule of HOST_RULES) {
    const match = rule.pattern.exec(host);
    if (match) return { rule, match };
  }
  return null;
}

/**
 * The origin of the org's REST API for a page of that org (`https://acme.my.salesforce.com`
 * for `https://acme.lightning.force.com/lightning/r/…`), the page's own origin on
 * localhost, or null when the URL is not a Salesforce org page.
 */
export function apiHostFor(pageUrl: string | URL, options: HostOptions = {}): string | null {
  const u = parse(pageUrl);
  if (u === null) return null;
  if (isLocalHost(u)) return options.localhost === false ? null : u.origin;
  if (u.protocol !== 'https:') return null;
  const found = matchHostRule(u.hostname);
  return found === null ? null : `https://${found.rule.apiHost(found.match)}`;
}

/**
 * Whether the URL is a page of a Salesforce org (Lightning, Classic, Visualforce, setup,
 * Experience Cloud), i.e. one whose API host Dealsight can derive. Login pages
 * (`login.salesforce.com`) and marketing sites are not.
 */
export function isSalesforceHost(url: string | URL, options: HostOptions = {}): boolean {
  return apiHostFor(url, options) !== null;
}

/**
 * Salesforce's host table, derived from the rules above: the overlay on the app's pages,
 * cookies and API calls on every page and API host the rules map. Every other list of
 * Salesforce hosts (manifest, content script, tab queries) is derived from this one.
 */
export const SALESFORCE_HOSTS: CrmHosts = {
  overlay: minimalPatterns(HOST_RULES.filter((r) => r.overlay).flatMap((r) => r.pages)),
  pages: minimalPatterns(HOST_RULES.flatMap((r) => r.pages)),
  permissions: minimalPatterns(HOST_RULES.flatMap((r) => [...r.pages, ...r.api])),
  optionalPermissions: [],
};
