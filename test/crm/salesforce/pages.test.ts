import { describe, expect, it } from 'vitest';
import { OTHER_PAGE_EXAMPLES, opportunityIdOf, PAGE_CHECKS, parseSalesforceUrl } from '../../../lib/crm/salesforce/pages';

const OPPORTUNITY = '0065g00000AbCdEAAV';

describe('page checks', () => {
  it('each example URL is claimed by exactly its own check', () => {
    for (const check of PAGE_CHECKS) {
      expect(check.examples.length, check.name).toBeGreaterThan(0);
      for (const example of check.examples) {
        const claimants = PAGE_CHECKS.filter((c) => c.match(new URL(example)) !== null).map((c) => c.name);
        expect(claimants, example).toEqual([check.name]);
      }
    }
  });

  it('no check claims the other Salesforce pages', () => {
    for (const example of OTHER_PAGE_EXAMPLES) {
      const claimants = PAGE_CHECKS.filter((c) => c.match(new URL(example)) !== null).map((c) => c.name);
      expect(claimants, example).toEqual([]);
      expect(parseSalesforceUrl(example), example).toEqual({ kind: 'other' });
    }
  });
});

describe('parseSalesforceUrl', () => {
  it('reads Lightning, console, one.app and Classic record pages, normalizing ids to 18 characters', () => {
    const record = { kind: 'record', object: 'Opportunity', id18: OPPORTUNITY };
    expect(parseSalesforceUrl(`https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY}/view`)).toEqual(record);
    expect(parseSalesforceUrl('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view')).toEqual(record);
    expect(
      parseSalesforceUrl(
        `https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY}/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000XyZabAAF%2Fview`,
      ),
    ).toEqual(record);
    expect(parseSalesforceUrl(`https://acme.lightning.force.com/lightning/r/${OPPORTUNITY}/view`)).toEqual(record);
    expect(parseSalesforceUrl('https://acme.lightning.force.com/one/one.app#/sObject/0065g00000AbCdE/view')).toEqual(record);
    expect(parseSalesforceUrl('https://acme.my.salesforce.com/0065g00000AbCdE')).toEqual(record);
    expect(parseSalesforceUrl(`https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY.toUpperCase()}/view`)).toEqual(record);
  });

  it('names other objects, so the overlay can say "not an opportunity"', () => {
    expect(parseSalesforceUrl('https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZab/view')).toEqual({
      kind: 'record',
      object: 'Account',
      id18: '0015g00000XyZabAAF',
    });
    expect(parseSalesforceUrl('https://acme.lightning.force.com/lightning/r/a0D30000001n7PiEAI/view')).toEqual({
      kind: 'record',
      object: 'a0D',
      id18: 'a0D30000001n7PiEAI',
    });
    expect(opportunityIdOf('https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZab/view')).toBeNull();
    expect(opportunityIdOf(`https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY}/view`)).toBe(OPPORTUNITY);
  });

  it('reads list views', () => {
    expect(parseSalesforceUrl('https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent')).toEqual({
      kind: 'list',
      object: 'Opportunity',
    });
    expect(parseSalesforceUrl('https://acme.my.salesforce.com/006?fcf=00B5g00000AbCdE')).toEqual({ kind: 'list', object: 'Opportunity' });
  });

  it('treats localhost as Salesforce only when allowed (the e2e contract)', () => {
    const url = `http://localhost:4100/lightning/r/Opportunity/${OPPORTUNITY}/view`;
    expect(parseSalesforceUrl(url)).toEqual({ kind: 'record', object: 'Opportunity', id18: OPPORTUNITY });
    expect(parseSalesforceUrl(url, { localhost: false })).toEqual({ kind: 'other' });
  });

  it('ignores Salesforce-shaped paths on other hosts and unreadable URLs', () => {
    expect(parseSalesforceUrl(`https://example.com/lightning/r/Opportunity/${OPPORTUNITY}/view`)).toEqual({ kind: 'other' });
    expect(parseSalesforceUrl('::')).toEqual({ kind: 'other' });
  });
});
