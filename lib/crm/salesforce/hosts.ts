/**
 * Which hosts serve a Salesforce org's pages, and which host answers its REST API.
 *
 * The API must be called on the org's My Domain host (`x.my.salesforce.com`): a
 * Lightning or Visualforce host either redirects, which drops the Authorization header,
 * or holds a session cookie that the REST API refuses ("This session is not valid for
 * use with the REST API"). Salesforce Inspector (Reloaded) maps hosts the same way.
 * Formats: https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm
 *
 * Every cloud has its own domains (../shared/crm-evidence.md, "Salesforce: hosts and the
 * session"): commercial (`lightning.force.com` → `my.salesforce.com`, with the sandbox,
 * Developer Edition, scratch and other partitions), Government Cloud Plus
 * (`lightning.crmforce.mil` / `lightning.force.mil` → `my.salesforce.mil`) and China on
 * Alibaba Cloud (`lightning.sfcrmapps.cn` → `my.sfcrmproducts.cn`); Microsoft Defender for
 * Cloud Apps proxies pages as `<host>.mcas.ms`, where the session cannot be read.
 *
 * Each rule is data with its own examples and evidence; test/crm/salesforce/hosts.test.ts
 * checks every example, and that no example is claimed by two rules; test/crm/hosts.test.ts
 * that the manifest lets the background read both hosts of every example.
 */

import { isLocalHost, minimalPatterns, parseUrl as parse, patternCovers, type CrmHosts, type HostOptions } from '../shared/hosts';

export { isLocalHost, type HostOptions };

export interface HostRule {
  name: string;
  /** Matched against the lower-case hostname. */
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
  /**
   * The browser session of these pages cannot be read (a proxy keeps the `sid` cookie to
   * itself): only an OAuth connection reaches the org from them.
   */
  sessionUnreadable?: true;
  /** Where the host shapes and the page → API mapping come from. */
  evidence: string;
}

const MY_DOMAIN = 'https://*.my.salesforce.com/*';
const MY_DOMAIN_GOV = 'https://*.my.salesforce.mil/*';
const MY_DOMAIN_CHINA = 'https://*.my.sfcrmproducts.cn/*';

/** Partitioned-domain labels (Developer Edition, sandbox, scratch, …) that sit between the name and the domain. */
const PARTITION = String.raw`(?:\.(?:sandbox|develop|scratch|demo|patch|free|trailblaze))?`;
/** A Classic instance: na1, eu12, cs42, um5, usa3s, gs0. */
const INSTANCE = String.raw`[a-z]{2,4}\d{1,3}[a-z]?`;

/** Salesforce Inspector Reloaded's manifest, background and page code: the hosts it runs on and reads `sid` cookies from. */
const SIR = 'tprouvot/Salesforce-Inspector-reloaded addon/manifest.json, addon/background.js (getSfHost), addon/inspector.js (getMyDomain), addon/popup.js';
/** Salesforce's own CLI library maps My Domain hosts to Lightning hosts for every cloud, with tests from its domains team. */
const SFDX = 'forcedotcom/sfdx-core test/unit/util/sfdcUrlTest.ts (toLightningDomain: "mil" and "cnEdition" cases)';

export const HOST_RULES: readonly HostRule[] = [
  {
    // Classic pages and the REST API of an org, in every cloud: commercial, Government Cloud, China (Alibaba).
    name: 'my-domain',
    pages: [MY_DOMAIN, MY_DOMAIN_GOV, MY_DOMAIN_CHINA],
    api: [MY_DOMAIN, MY_DOMAIN_GOV, MY_DOMAIN_CHINA],
    overlay: true,
    pattern: /^(.+)\.my\.(?:salesforce\.com|salesforce\.mil|sfcrmproducts\.cn)$/,
    apiHost: (m) => m[0],
    examples: [
      ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com'],
      ['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed.develop.my.salesforce.com'],
      ['acme--uat.my.salesforce.com', 'acme--uat.my.salesforce.com'],
      ['agency.my.salesforce.mil', 'agency.my.salesforce.mil'],
      ['agency--uat.sandbox.my.salesforce.mil', 'agency--uat.sandbox.my.salesforce.mil'],
      ['acme.my.sfcrmproducts.cn', 'acme.my.sfcrmproducts.cn'],
      ['acme--uat.sandbox.my.sfcrmproducts.cn', 'acme--uat.sandbox.my.sfcrmproducts.cn'],
    ],
    evidence: `https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm; ${SIR} (sid domains salesforce.com, salesforce.mil, sfcrmproducts.cn); ${SFDX}`,
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
    evidence: `${SIR} (getMyDomain: ".lightning.force." → ".my.salesforce."); uris-tools/force-navigator-HttpOnly-fix src/serviceWorker.js; ${SFDX}`,
  },
  {
    // Government Cloud Plus: Lightning on lightning.crmforce.mil (and lightning.force.mil), the API on my.salesforce.mil.
    name: 'lightning-government',
    pages: ['https://*.lightning.force.mil/*', 'https://*.lightning.crmforce.mil/*'],
    api: [MY_DOMAIN_GOV],
    overlay: true,
    pattern: /^(.+)\.lightning\.(?:force|crmforce)\.mil$/,
    apiHost: (m) => `${m[1]}.my.salesforce.mil`,
    examples: [
      ['agency.lightning.force.mil', 'agency.my.salesforce.mil'],
      ['agency.lightning.crmforce.mil', 'agency.my.salesforce.mil'],
      ['agency--uat.sandbox.lightning.crmforce.mil', 'agency--uat.sandbox.my.salesforce.mil'],
    ],
    evidence: `${SIR} (manifest: *.lightning.force.mil, *.crmforce.mil; popup.js: ".lightning.crmforce.mil"); ${SFDX} (my.salesforce.mil ↔ lightning.crmforce.mil, sandboxes too)`,
  },
  {
    // Salesforce on Alibaba Cloud (Hyperforce China): Lightning on lightning.sfcrmapps.cn, the API on my.sfcrmproducts.cn.
    name: 'lightning-china',
    pages: ['https://*.lightning.sfcrmapps.cn/*'],
    api: [MY_DOMAIN_CHINA],
    overlay: true,
    pattern: /^(.+)\.lightning\.sfcrmapps\.cn$/,
    apiHost: (m) => `${m[1]}.my.sfcrmproducts.cn`,
    examples: [
      ['acme.lightning.sfcrmapps.cn', 'acme.my.sfcrmproducts.cn'],
      ['acme--uat.sandbox.lightning.sfcrmapps.cn', 'acme--uat.sandbox.my.sfcrmproducts.cn'],
    ],
    evidence: `${SIR} (manifest: *.sfcrmapps.cn, *.sfcrmproducts.cn; the sid is looked for on sfcrmproducts.cn); ${SFDX} (cnEdition: my.sfcrmproducts.cn ↔ lightning.sfcrmapps.cn)`,
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
    evidence: `https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm; ${SIR} (manifest: *.salesforce-setup.com)`,
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
    evidence: 'https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm (Visualforce hostnames)',
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
    evidence: 'https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm (non-enhanced Visualforce hostnames)',
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
    evidence: `${SIR} (background.js: a *.visual.force.com session reads the matching *.salesforce.com one)`,
  },
  {
    // An org's instance URL still serves Classic when its My Domain allows instance logins
    // (MyDomainSettings.canOnlyLoginWithMyDomainUrl false). A match pattern cannot say
    // "na1.salesforce.com but not www.salesforce.com": the overlay's `*.salesforce.com`
    // comes with `overlayExclude` (NOT_ORG_HOSTS below).
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
    evidence: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_mydomainsettings.htm (instance URLs, canOnlyLoginWithMyDomainUrl)',
  },
  {
    // Microsoft Defender for Cloud Apps proxies an org's pages as `<host>.mcas.ms`: the
    // `sid` cookie exists there but cannot be read, so only an OAuth connection works; its
    // API host is the unproxied one.
    name: 'defender',
    pages: ['https://*.lightning.force.com.mcas.ms/*', 'https://*.my.salesforce.com.mcas.ms/*'],
    api: [MY_DOMAIN],
    overlay: true,
    sessionUnreadable: true,
    pattern: /^(.+)\.(?:lightning\.force|my\.salesforce)\.com\.mcas\.ms$/,
    apiHost: (m) => `${m[1]}.my.salesforce.com`,
    examples: [
      ['acme.lightning.force.com.mcas.ms', 'acme.my.salesforce.com'],
      ['acme--uat.sandbox.lightning.force.com.mcas.ms', 'acme--uat.sandbox.my.salesforce.com'],
      ['acme.my.salesforce.com.mcas.ms', 'acme.my.salesforce.com'],
    ],
    evidence: `${SIR} (manifest: *.lightning.force.com.mcas.ms; background.js: "Domain used by Microsoft Defender for Cloud Apps, where sid exists but cannot be read"; getMyDomain drops ".mcas.ms")`,
  },
];

/**
 * Hosts under `salesforce.com` that are Salesforce's own sites, not an org: the classic
 * instance rule's `*.salesforce.com` would put the overlay on them, so the content script
 * excludes them (`exclude_matches`). The login pages are here too: login.salesforce.com and
 * test.salesforce.com are where users (and the OAuth flow) sign in.
 */
export const NOT_ORG_HOSTS: readonly string[] = [
  'www.salesforce.com',
  'login.salesforce.com',
  'test.salesforce.com',
  'help.salesforce.com',
  'trailhead.salesforce.com',
  'developer.salesforce.com',
  'appexchange.salesforce.com',
  'admin.salesforce.com',
  'architect.salesforce.com',
  'status.salesforce.com',
  'trust.salesforce.com',
  'security.salesforce.com',
  'partners.salesforce.com',
  'success.salesforce.com',
  'events.salesforce.com',
  'investor.salesforce.com',
  'engineering.salesforce.com',
];

/**
 * Where users sign in when they do not use their My Domain: production and Developer
 * Edition orgs at login.salesforce.com, sandboxes at test.salesforce.com. The OAuth flow
 * may start there (or at a My Domain, the only choice in Government Cloud and China).
 * https://developer.salesforce.com/docs/platform/pkg1-dev/guide/packaging-instanceless-url.md
 */
export const LOGIN_HOSTS: readonly string[] = ['login.salesforce.com', 'test.salesforce.com'];

/** The rule that claims a hostname, with its match. */
export function matchHostRule(hostname: string): { rule: HostRule; match: RegExpExecArray } | null {
  const host = hostname.toLowerCase();
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
 * Whether the URL is a page of a Salesforce org (Lightning, Classic, Visualforce, setup),
 * i.e. one whose API host Dealsight can derive. Login pages (`login.salesforce.com`) and
 * Salesforce's own sites are not.
 */
export function isSalesforceHost(url: string | URL, options: HostOptions = {}): boolean {
  return apiHostFor(url, options) !== null;
}

/** Whether the page is an org's, seen through a proxy that keeps its session cookie (Microsoft Defender for Cloud Apps). */
export function isSessionUnreadable(url: string | URL): boolean {
  const u = parse(url);
  if (u === null || u.protocol !== 'https:') return false;
  return matchHostRule(u.hostname)?.rule.sessionUnreadable === true;
}

/**
 * The origin to sign in at for an OAuth connection, from what the user typed: the generic
 * login hosts, an org's My Domain (a Lightning or setup address is taken to its My Domain),
 * and, in e2e builds, the local sandbox. Null for anything else: the consumer key, the code
 * and the tokens go nowhere but to Salesforce.
 */
export function oauthBaseFor(input: string, options: HostOptions = {}): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const u = parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (u === null || u.username !== '' || u.password !== '') return null;
  if (isLocalHost(u)) return options.localhost === false ? null : u.origin;
  if (u.protocol !== 'https:' || u.port !== '') return null;
  const host = u.hostname.toLowerCase();
  if (LOGIN_HOSTS.includes(host)) return `https://${host}`;
  const found = matchHostRule(host);
  return found === null || found.rule.sessionUnreadable ? null : `https://${found.rule.apiHost(found.match)}`;
}

/**
 * Whether `origin` is an org's REST API host (a My Domain or an instance; the local
 * sandbox in e2e builds): where an OAuth token's `instance_url` must point before Dealsight
 * sends the token there.
 */
export function isApiOrigin(origin: string, options: HostOptions = {}): boolean {
  const u = parse(origin);
  if (u === null || u.origin !== origin.replace(/\/+$/, '')) return false;
  if (isLocalHost(u)) return options.localhost !== false;
  return apiHostFor(u, options) === u.origin;
}

/**
 * Salesforce's host table, derived from the rules above: the overlay on the app's pages
 * (less Salesforce's own sites under a wildcard it needs), cookies and API calls on every
 * page and API host the rules map. Every other list of Salesforce hosts (manifest, content
 * script, tab queries) is derived from this one.
 */
const OVERLAY = minimalPatterns(HOST_RULES.filter((r) => r.overlay).flatMap((r) => r.pages));

export const SALESFORCE_HOSTS: CrmHosts = {
  overlay: OVERLAY,
  overlayExclude: NOT_ORG_HOSTS.map((host) => `https://${host}/*`).filter((excluded) => OVERLAY.some((p) => patternCovers(p, excluded))),
  pages: minimalPatterns(HOST_RULES.flatMap((r) => r.pages)),
  permissions: minimalPatterns(HOST_RULES.flatMap((r) => [...r.pages, ...r.api])),
  optionalPermissions: [],
};
