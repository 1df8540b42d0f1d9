import { describe, expect, it } from 'vitest';
import { apiHostFor, HOST_RULES, isLocalHost, isSalesforceHost } from '../../../lib/crm/salesforce/hosts';

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
      ['https://acme.my.site.com/s/', 'https://acme.my.salesforce.com'],
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
