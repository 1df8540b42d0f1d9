/**
 * Every CRM's host table (lib/crm/<crm>/hosts.ts) is the only list of hosts: the manifest,
 * the content scripts' matches and the background's tab queries derive from it. These
 * tests check that every page host a content script runs on can get its session or token,
 * and that no other file keeps a list of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_BASE, HUBLET_API_BASES, HUBLETS } from '../../lib/crm/hubspot/hosts';
import { PAGE_CHECKS as HUBSPOT_PAGES } from '../../lib/crm/hubspot/pages';
import { allTabPatterns, CRM_LIST, CRMS, manifestHosts } from '../../lib/crm/registry';
import { apiHostFor, HOST_RULES, LOGIN_HOSTS, NOT_ORG_HOSTS } from '../../lib/crm/salesforce/hosts';
import { E2E_MATCHES, matchesPattern, minimalPatterns, patternCovers, withE2E } from '../../lib/crm/shared/hosts';

const ROOT = join(import.meta.dirname, '..', '..');
const production = manifestHosts(false);
const covered = (patterns: readonly string[], url: string) => patterns.some((p) => matchesPattern(p, url));

describe('match patterns', () => {
  it('match the hosts they say, whatever the port and path, and nothing else', () => {
    expect(matchesPattern('https://*.my.salesforce.com/*', 'https://acme.my.salesforce.com/x')).toBe(true);
    expect(matchesPattern('https://*.my.salesforce.com/*', 'https://my.salesforce.com/')).toBe(true);
    expect(matchesPattern('https://*.my.salesforce.com/*', 'https://acme.my.salesforce.com.evil.example/')).toBe(false);
    expect(matchesPattern('https://*.my.salesforce.com/*', 'http://acme.my.salesforce.com/')).toBe(false);
    expect(matchesPattern('http://localhost/*', 'http://localhost:4100/lightning/o/Opportunity/list')).toBe(true);
    expect(matchesPattern('https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/')).toBe(false);
    expect(patternCovers('https://*.salesforce.com/*', 'https://*.my.salesforce.com/*')).toBe(true);
    expect(patternCovers('https://*.my.salesforce.com/*', 'https://*.salesforce.com/*')).toBe(false);
    expect(minimalPatterns(['https://*.my.salesforce.com/*', 'https://*.salesforce.com/*', 'https://*.salesforce.com/*'])).toEqual([
      'https://*.salesforce.com/*',
    ]);
  });
});

describe('the Salesforce host table', () => {
  for (const rule of HOST_RULES) {
    it(`${rule.name}: its patterns cover its examples, and the manifest lets the background read both hosts' cookies`, () => {
      for (const [page, api] of rule.examples) {
        expect(covered(rule.pages, `https://${page}/`), page).toBe(true);
        expect(covered(rule.api, `https://${api}/`), api).toBe(true);
        expect(covered(production.host_permissions, `https://${page}/`), page).toBe(true);
        expect(covered(production.host_permissions, `https://${api}/`), api).toBe(true);
        // The overlay runs where the rule says it does, and nowhere it says it does not.
        if (rule.overlay) expect(covered(CRMS.salesforce.hosts.overlay, `https://${page}/`), page).toBe(true);
      }
    });
  }

  it('keeps the overlay on the app hosts: not on Visualforce, setup or Experience Cloud pages', () => {
    for (const host of ['acme--c.vf.force.com', 'acme.my.site.com', 'acme.my.salesforce-setup.com']) {
      expect(covered(CRMS.salesforce.hosts.overlay, `https://${host}/`), host).toBe(false);
    }
  });

  it("maps a Government Cloud host pair and permits both: the overlay on the page, cookies and the API on the org's My Domain", () => {
    const page = 'https://agency.lightning.crmforce.mil/lightning/r/Opportunity/0065g00000AbCdEAAV/view';
    expect(apiHostFor(page)).toBe('https://agency.my.salesforce.mil');
    expect(covered(production.host_permissions, page)).toBe(true);
    expect(covered(production.host_permissions, 'https://agency.my.salesforce.mil/services/data/')).toBe(true);
    expect(covered(CRMS.salesforce.hosts.overlay, page)).toBe(true);
    expect(covered(allTabPatterns(false, 'pages'), page)).toBe(true);
    // And China's pair (Salesforce on Alibaba Cloud).
    expect(apiHostFor('https://acme.lightning.sfcrmapps.cn/lightning/page/home')).toBe('https://acme.my.sfcrmproducts.cn');
    expect(covered(production.host_permissions, 'https://acme.my.sfcrmproducts.cn/')).toBe(true);
    expect(covered(CRMS.salesforce.hosts.overlay, 'https://acme.lightning.sfcrmapps.cn/')).toBe(true);
  });

  it("keeps the overlay off Salesforce's own sites (www, login, help, Trailhead, …) under the instance hosts' wildcard", () => {
    const { overlay, overlayExclude = [] } = CRMS.salesforce.hosts;
    expect(overlayExclude.length).toBe(NOT_ORG_HOSTS.length);
    for (const host of NOT_ORG_HOSTS) {
      expect(covered(overlayExclude, `https://${host}/`), host).toBe(true);
      expect(apiHostFor(`https://${host}/`), host).toBeNull();
    }
    for (const host of ['na1.salesforce.com', 'acme.my.salesforce.com', 'acme.lightning.force.com', 'acme.lightning.force.com.mcas.ms']) {
      expect(covered(overlay, `https://${host}/`), host).toBe(true);
      expect(covered(overlayExclude, `https://${host}/`), host).toBe(false);
    }
    // Every exclusion is under an overlay pattern (or it would exclude nothing).
    for (const excluded of overlayExclude)
      expect(
        overlay.some((p) => patternCovers(p, excluded)),
        excluded,
      ).toBe(true);
  });

  it('permits the OAuth login hosts (token, refresh and revoke calls) and no Experience Cloud site', () => {
    for (const host of LOGIN_HOSTS) expect(covered(production.host_permissions, `https://${host}/services/oauth2/token`), host).toBe(true);
    expect(covered(production.host_permissions, 'https://acme.my.site.com/')).toBe(false);
  });
});

describe('the HubSpot host table', () => {
  it('is what the README says Dealsight asks for: every app host the overlay runs on and every API host it may ask for, and no other HubSpot host', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const hostOf = (pattern: string) => new URL(pattern.replace('/*', '/')).host;
    const listed = [...CRMS.hubspot.hosts.overlay, ...CRMS.hubspot.hosts.optionalPermissions].map(hostOf);
    expect(listed.length).toBeGreaterThan(5);
    for (const host of listed) expect(readme, host).toContain(`\`${host}\``);
    const named = new Set([...readme.matchAll(/`((?:app|api)[a-z0-9-]*\.(?:hubspot|hubapi)\.com)`/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual([...new Set(listed)].sort());
    expect(CRMS.hubspot.hosts.permissions).toEqual([]);
  });

  it("runs the overlay on every app host of the page checks' examples, and asks for the API host at connect", () => {
    const urls = HUBSPOT_PAGES.flatMap((c) => c.examples).filter((u) => u.startsWith('https:'));
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(covered(CRMS.hubspot.hosts.overlay, url), url).toBe(true);
    expect(covered(production.optional_host_permissions, `${DEFAULT_API_BASE}/crm/objects/2026-09/deals`)).toBe(true);
  });

  it("lists every hublet's API host as an optional permission (none granted at install), and no other host", () => {
    for (const host of ['api.hubapi.com', 'api-eu1.hubapi.com', 'api-na2.hubapi.com', 'api-na3.hubapi.com', 'api-ap1.hubapi.com']) {
      expect(covered(production.optional_host_permissions, `https://${host}/crm/objects/2026-09/deals`), host).toBe(true);
      expect(covered(production.host_permissions, `https://${host}/`), host).toBe(false);
    }
    expect(CRMS.hubspot.hosts.optionalPermissions).toEqual(HUBLET_API_BASES.map((base) => `${base}/*`));
    for (const url of ['https://api.hubapi.com.evil.test/', 'https://api-eu1.hubapi.com.evil.test/', 'https://hubapi.com/', 'http://api.hubapi.com/'])
      expect(covered(production.optional_host_permissions, url), url).toBe(false);
    // Each hublet's app host, where its portals' pages are, runs the overlay.
    for (const hublet of HUBLETS) {
      const app = hublet === 'na1' ? 'app.hubspot.com' : `app-${hublet}.hubspot.com`;
      expect(covered(CRMS.hubspot.hosts.overlay, `https://${app}/contacts/1/record/0-3/2`), app).toBe(true);
    }
  });
});

describe('the manifest and the tab queries', () => {
  it('derive from the host tables: every CRM page host where a content script runs can get its session or token', () => {
    for (const crm of CRM_LIST) {
      for (const pattern of crm.hosts.overlay) {
        expect(
          crm.hosts.pages.some((p) => patternCovers(p, pattern)),
          `${crm.kind} ${pattern}`,
        ).toBe(true);
        // A session is read from cookies (host permission); a token's API host is asked for at connect.
        const reachable = [...production.host_permissions, ...production.optional_host_permissions];
        for (const needed of [...crm.hosts.permissions, ...crm.hosts.optionalPermissions]) {
          expect(
            reachable.some((p) => patternCovers(p, needed)),
            `${crm.kind} ${needed}`,
          ).toBe(true);
        }
      }
    }
    expect(manifestHosts(true).host_permissions).toEqual(withE2E(production.host_permissions, true));
    expect(allTabPatterns(true, 'overlay')).toEqual(expect.arrayContaining([...E2E_MATCHES]));
    expect(allTabPatterns(false, 'overlay').some((p) => p.includes('localhost'))).toBe(false);
  });

  it('are kept nowhere else: no other source file writes a match pattern', () => {
    const allowed = new Set(['lib/crm/salesforce/hosts.ts', 'lib/crm/hubspot/hosts.ts', 'lib/crm/shared/hosts.ts']);
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|mjs|js)$/.test(name)) files.push(path);
      }
    };
    for (const dir of ['lib', 'components', 'entrypoints', 'workers']) walk(join(ROOT, dir));
    files.push(join(ROOT, 'wxt.config.ts'));
    const offenders = files
      .map((path) => relative(ROOT, path))
      .filter((path) => !allowed.has(path))
      .filter((path) => /['"`](?:https?|\*):\/\/[^'"`\s]*\/\*['"`]/.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
