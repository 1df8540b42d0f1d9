import { describe, expect, it } from 'vitest';
import { apiHostFor, HOST_RULES, isApiOrigin, isLocalHost, isSalesforceHost, isSessionUnreadable, oauthBaseFor } from '../../../lib/crm/salesforce/hosts';

describe('host rules', () => {
  for (const rule of HOST_RULES) {
    it(`${rule.name}: maps its examples to the API host`, () => {
      for (const [page, api] of rule.examples) {
        expect(apiHostFor(`https://${page}/lightning/page/home`), page).toBe(`https://${api}`);
      }
    });
  }

  it('has examples that exactly one rule claims', () => {
    for (const rule of HOST_RULES) {
      for (const [page] of rule.examples) {
        const claimants = HOST_RULES.filter((r) => r.pattern.test(page)).map((r) => r.name);
        expect(claimants, page).toEqual([rule.name]);
      }
    }
  });
});

describe('apiHostFor', () => {
  it('maps the common page hosts (table)', () => {
    const table: Array<[string, string | null]> = [
      ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', 'https://acme.my.salesforce.com'],
      ['https://acme--uat.sandbox.lightning.force.com/lightning/o/Opportunity/list', 'https://acme--uat.sandbox.my.salesforce.com'],
      ['https://acme.my.salesforce.com/0065g00000AbCdE', 'https://acme.my.salesforce.com'],
      ['https://acme--c.vf.force.com/apex/Page', 'https://acme.my.salesforce.com'],
      ['https://acme--uat--c.sandbox.vf.force.com/apex/Page', 'https://acme--uat.sandbox.my.salesforce.com'],
      ['https://ACME.Lightning.Force.com/lightning/page/home', 'https://acme.my.salesforce.com'],
      ['https://acme.lightning.force.com.mcas.ms/lightning/page/home', 'https://acme.my.salesforce.com'],
      ['https://agency.lightning.crmforce.mil/lightning/r/Opportunity/0065g00000AbCdEAAV/view', 'https://agency.my.salesforce.mil'],
      ['https://agency--uat.sandbox.lightning.crmforce.mil/lightning/page/home', 'https://agency--uat.sandbox.my.salesforce.mil'],
      ['https://agency.lightning.force.mil/lightning/page/home', 'https://agency.my.salesforce.mil'],
      ['https://acme.lightning.sfcrmapps.cn/lightning/o/Opportunity/list', 'https://acme.my.sfcrmproducts.cn'],
      ['https://acme.my.sfcrmproducts.cn/0065g00000AbCdE', 'https://acme.my.sfcrmproducts.cn'],
      ['https://na1.salesforce.com/006/o', 'https://na1.salesforce.com'],
    ];
    for (const [page, api] of table) expect(apiHostFor(page), page).toBe(api);
  });

  it('refuses hosts that are not an org', () => {
    for (const url of [
      'https://login.salesforce.com/',
      'https://test.salesforce.com/',
      'https://www.salesforce.com/products/',
      'https://help.salesforce.com/s/articleView',
      'https://lightning.force.com/',
      'https://acme.lightning.force.com.evil.example/lightning/page/home',
      'https://acme-lightning-force.com/',
      'http://acme.lightning.force.com/lightning/page/home',
      'https://app.hubspot.com/contacts/1/deal/2',
      // Experience Cloud sites are not where Dealsight reads or shows anything (issue 13: no *.my.site.com).
      'https://acme.my.site.com/s/',
      'https://www.salesforce.com.mcas.ms/',
      'not a url',
    ]) {
      expect(apiHostFor(url), url).toBeNull();
      expect(isSalesforceHost(url), url).toBe(false);
    }
  });

  it('serves the API from the page origin on localhost (e2e), unless told not to', () => {
    expect(apiHostFor('http://localhost:4100/lightning/r/Opportunity/0065g00000AbCdEAAV/view')).toBe('http://localhost:4100');
    expect(apiHostFor('http://127.0.0.1:9/lightning/o/Opportunity/list')).toBe('http://127.0.0.1:9');
    expect(apiHostFor('http://localhost:4100/x', { localhost: false })).toBeNull();
    expect(isLocalHost('http://localhost:4100/')).toBe(true);
    expect(isLocalHost('file://localhost/etc/passwd')).toBe(false);
    expect(isLocalHost('http://localhost.evil.example/')).toBe(false);
  });
});

describe('every rule', () => {
  it('names its evidence', () => {
    for (const rule of HOST_RULES) expect(rule.evidence.length, rule.name).toBeGreaterThan(20);
  });
});

describe('Microsoft Defender for Cloud Apps', () => {
  it('recognizes a proxied org page, maps it to the org, and says its session cannot be read', () => {
    expect(isSessionUnreadable('https://acme.lightning.force.com.mcas.ms/lightning/r/Opportunity/0065g00000AbCdEAAV/view')).toBe(true);
    expect(isSessionUnreadable('https://acme.my.salesforce.com.mcas.ms/0065g00000AbCdE')).toBe(true);
    expect(apiHostFor('https://acme--uat.sandbox.lightning.force.com.mcas.ms/lightning/page/home')).toBe('https://acme--uat.sandbox.my.salesforce.com');
    expect(isSessionUnreadable('https://acme.lightning.force.com/lightning/page/home')).toBe(false);
    expect(isSessionUnreadable('http://localhost:4100/lightning/page/home')).toBe(false);
  });
});

describe('oauthBaseFor', () => {
  it('signs in at the login hosts or an org’s My Domain, whatever form the user typed', () => {
    const table: Array<[string, string | null]> = [
      ['login.salesforce.com', 'https://login.salesforce.com'],
      ['https://test.salesforce.com/', 'https://test.salesforce.com'],
      [' acme.my.salesforce.com ', 'https://acme.my.salesforce.com'],
      ['https://acme.lightning.force.com/lightning/page/home', 'https://acme.my.salesforce.com'],
      ['acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com'],
      ['agency.lightning.crmforce.mil', 'https://agency.my.salesforce.mil'],
      ['acme.my.sfcrmproducts.cn', 'https://acme.my.sfcrmproducts.cn'],
      ['http://localhost:4100/', 'http://localhost:4100'],
    ];
    for (const [input, base] of table) expect(oauthBaseFor(input), input).toBe(base);
  });

  it('refuses anything else: the consumer key and the code go only to Salesforce', () => {
    for (const input of [
      '',
      'evil.example',
      'https://login.salesforce.com.evil.example/',
      'http://login.salesforce.com/',
      'https://login.salesforce.com:8443/',
      'https://user:pw@login.salesforce.com/',
      'www.salesforce.com',
      'acme.lightning.force.com.mcas.ms',
      'login salesforce com',
    ]) {
      expect(oauthBaseFor(input), input).toBeNull();
    }
    expect(oauthBaseFor('http://localhost:4100/', { localhost: false })).toBeNull();
  });
});

describe('isApiOrigin', () => {
  it('is true for an org’s API origin only (an OAuth token’s instance_url must be one)', () => {
    expect(isApiOrigin('https://acme.my.salesforce.com')).toBe(true);
    expect(isApiOrigin('https://agency.my.salesforce.mil')).toBe(true);
    expect(isApiOrigin('https://acme.my.sfcrmproducts.cn')).toBe(true);
    expect(isApiOrigin('https://na1.salesforce.com')).toBe(true);
    expect(isApiOrigin('https://acme.lightning.force.com')).toBe(false);
    expect(isApiOrigin('https://acme.my.salesforce.com/services')).toBe(false);
    expect(isApiOrigin('https://evil.example')).toBe(false);
    expect(isApiOrigin('http://127.0.0.1:9')).toBe(true);
    expect(isApiOrigin('http://127.0.0.1:9', { localhost: false })).toBe(false);
  });
});
