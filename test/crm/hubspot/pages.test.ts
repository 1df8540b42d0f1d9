import { describe, expect, it } from 'vitest';
import { hubspotConnector } from '../../../lib/crm/hubspot/connector';
import { apiBaseFor, isHubSpotHost } from '../../../lib/crm/hubspot/hosts';
import { dealIdOf, OTHER_PAGE_EXAMPLES, PAGE_CHECKS, parseHubSpotUrl } from '../../../lib/crm/hubspot/pages';

describe('HubSpot page checks', () => {
  for (const check of PAGE_CHECKS) {
    it(`${check.name} claims its examples`, () => {
      expect(check.examples.length).toBeGreaterThan(0);
      for (const url of check.examples) expect(check.match(new URL(url)), url).not.toBeNull();
    });
  }

  it('every example is claimed by exactly one check, and the other pages by none', () => {
    for (const url of PAGE_CHECKS.flatMap((c) => c.examples)) {
      expect(
        PAGE_CHECKS.filter((c) => c.match(new URL(url)) !== null).map((c) => c.name),
        url,
      ).toHaveLength(1);
    }
    for (const url of OTHER_PAGE_EXAMPLES) {
      expect(
        PAGE_CHECKS.filter((c) => c.match(new URL(url)) !== null).map((c) => c.name),
        url,
      ).toEqual([]);
      expect(parseHubSpotUrl(url), url).toEqual({ kind: 'other' });
    }
  });

  it('reads the portal and deal ids, the view and the layout', () => {
    expect(parseHubSpotUrl('https://app-eu1.hubspot.com/contacts/26345621/record/0-3/9012?eschref=x')).toEqual({
      kind: 'deal',
      portalId: '26345621',
      dealId: '9012',
    });
    expect(parseHubSpotUrl('https://app.hubspot.com/contacts/4215837/deal/18837465210/')).toEqual({ kind: 'deal', portalId: '4215837', dealId: '18837465210' });
    expect(parseHubSpotUrl('https://app.hubspot.com/contacts/4215837/objects/0-3/views/11432876/board')).toEqual({
      kind: 'deals-index',
      portalId: '4215837',
      layout: 'board',
      view: '11432876',
    });
    expect(parseHubSpotUrl('https://app.hubspot.com/contacts/4215837/deals/list')).toEqual({
      kind: 'deals-index',
      portalId: '4215837',
      layout: 'list',
      view: null,
    });
    expect(dealIdOf('http://localhost:4200/contacts/123456/record/0-3/1001')).toEqual({ portalId: '123456', dealId: '1001' });
    expect(parseHubSpotUrl('https://app.hubspot.com/prospecting/4215837/deals/')).toEqual({ kind: 'sales-workspace', portalId: '4215837', tab: 'deals' });
    expect(parseHubSpotUrl('https://app.hubspot.com/prospecting/4215837')).toEqual({ kind: 'sales-workspace', portalId: '4215837', tab: null });
  });

  it('gives the Sales Workspace chips as a list of the portal, like the deals index', () => {
    expect(hubspotConnector.page('https://app.hubspot.com/prospecting/4215837/deals', {})).toEqual({ kind: 'list', instance: '4215837' });
    expect(hubspotConnector.page('https://app.hubspot.com/contacts/4215837/objects/0-3/views/all/board', {})).toEqual({ kind: 'list', instance: '4215837' });
    expect(hubspotConnector.page('https://app.hubspot.com/contacts/4215837/record/0-3/77/', {})).toMatchObject({ kind: 'record', id: '77' });
  });

  it('claims only HubSpot app hosts, and localhost unless turned off', () => {
    const path = '/contacts/4215837/record/0-3/1';
    expect(parseHubSpotUrl(`https://app.hubspot.com.evil.test${path}`)).toEqual({ kind: 'other' });
    expect(parseHubSpotUrl(`http://app.hubspot.com${path}`)).toEqual({ kind: 'other' });
    expect(parseHubSpotUrl(`https://knowledge.hubspot.com${path}`)).toEqual({ kind: 'other' });
    expect(parseHubSpotUrl(`http://localhost:4200${path}`, { localhost: false })).toEqual({ kind: 'other' });
    expect(parseHubSpotUrl(`http://127.0.0.1:4200${path}`, { localhost: true }).kind).toBe('deal');
    expect(parseHubSpotUrl('not a url')).toEqual({ kind: 'other' });
    expect(isHubSpotHost('https://app-ap1.hubspot.com/')).toBe(true);
  });

  it('answers the API base for a page: api.hubapi.com for every region, the page origin on localhost', () => {
    expect(apiBaseFor('https://app.hubspot.com/contacts/1/deal/2')).toBe('https://api.hubapi.com');
    expect(apiBaseFor('https://app-eu1.hubspot.com/contacts/1/deal/2')).toBe('https://api.hubapi.com');
    expect(apiBaseFor('https://app-na2.hubspot.com/contacts/1/deal/2')).toBe('https://api.hubapi.com');
    expect(apiBaseFor('http://localhost:4200/contacts/1/deal/2')).toBe('http://localhost:4200');
    expect(apiBaseFor('http://127.0.0.1:4200/contacts/1/deal/2', { localhost: false })).toBeNull();
    expect(apiBaseFor('https://www.hubspot.com/')).toBeNull();
  });
});
