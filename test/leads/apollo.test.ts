import { describe, expect, it } from 'vitest';
import { apolloEmployeeRanges, apolloSearchUrl } from '../../lib/leads/apollo';
import { apolloIndustryTagId, APOLLO_INDUSTRY_TAG_IDS, normalizeIndustry } from '../../lib/leads/apollo-industries';
import { leadFilters, type LeadFilter } from '../../lib/leads/filters';
import { category, OPERATIONS_PERSONA } from './fixtures';

/** The hash route's query string, parsed back: every key with its values in order. */
function parseApollo(url: string): { route: string; params: Record<string, string[]> } {
  const parsed = new URL(url);
  expect(parsed.origin).toBe('https://app.apollo.io');
  expect(parsed.search).toBe('');
  const [route = '', query = ''] = parsed.hash.split('?');
  const search = new URLSearchParams(query);
  const params: Record<string, string[]> = {};
  for (const key of new Set(search.keys())) params[key] = search.getAll(key);
  return { route, params };
}

function disable(filters: LeadFilter[], ...ids: string[]): LeadFilter[] {
  return filters.map((f) => (ids.includes(f.id) ? { ...f, enabled: false } : f));
}

describe('apolloEmployeeRanges', () => {
  it('picks every bucket overlapping 201–1,000', () => {
    expect(apolloEmployeeRanges({ min: 200, max: 1000 })).toEqual(['201,500', '501,1000']);
  });

  it('picks the two top buckets for 5,001+', () => {
    expect(apolloEmployeeRanges({ min: 5000, max: null })).toEqual(['5001,10000', '10001,']);
  });

  it('picks the three first buckets for up to 50', () => {
    expect(apolloEmployeeRanges({ min: null, max: 50 })).toEqual(['1,10', '11,20', '21,50']);
  });

  it('covers a range that cuts through buckets', () => {
    expect(apolloEmployeeRanges({ min: 50, max: 200 })).toEqual(['51,100', '101,200']);
    expect(apolloEmployeeRanges({ min: 150, max: 250 })).toEqual(['101,200', '201,500']);
    expect(apolloEmployeeRanges({ min: 1000, max: 5000 })).toEqual(['1001,2000', '2001,5000']);
  });
});

describe('apolloIndustryTagId', () => {
  it('finds verified ids by Apollo name, spelling variant or unambiguous alias', () => {
    expect(apolloIndustryTagId('Hospital & Health Care')).toBe('5567cdde73696439812c0000');
    expect(apolloIndustryTagId('Healthcare')).toBe('5567cdde73696439812c0000');
    expect(apolloIndustryTagId('Food and Beverage')).toBe('5567ce1e7369643b806a0000');
    expect(apolloIndustryTagId('Information Technology and Services')).toBe('5567cd4773696439b10b0000');
    expect(apolloIndustryTagId('  BANKING ')).toBe('5567ce237369644ee5490000');
  });

  it('has no id for broad or unverified names', () => {
    for (const name of ['Technology', 'Manufacturing', 'Consulting', 'Energy', 'Education', 'Media', 'R&D Services'])
      expect(apolloIndustryTagId(name)).toBeNull();
  });

  it('holds distinct 24-hex-digit ids under normalized names', () => {
    const ids = Object.values(APOLLO_INDUSTRY_TAG_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
    for (const name of Object.keys(APOLLO_INDUSTRY_TAG_IDS)) expect(normalizeIndustry(name)).toBe(name);
  });
});

describe('apolloSearchUrl', () => {
  it('maps a persona to the people search', () => {
    const url = apolloSearchUrl(leadFilters(OPERATIONS_PERSONA));
    expect(url.startsWith('https://app.apollo.io/#/people?page=1&')).toBe(true);
    expect(parseApollo(url)).toEqual({
      route: '#/people',
      params: {
        page: ['1'],
        'personTitles[]': ['VP Operations', 'Director of Operations'],
        'personSeniorities[]': ['vp', 'director'],
        'organizationIndustryTagIds[]': ['5567cdde73696439812c0000'],
        'qOrganizationKeywordTags[]': ['Research Services'],
        'organizationNumEmployeesRanges[]': ['201,500', '501,1000'],
        'revenueRange[min]': ['10000000'],
        'revenueRange[max]': ['50000000'],
        'organizationLocations[]': ['California, United States', 'Texas, United States'],
      },
    });
  });

  it('writes the exact URL Apollo itself writes: bracketed keys, %20 for spaces, %2C in ranges', () => {
    const filters = leadFilters({
      attributes: [
        category('buyerTitle', ['Head of R&D']),
        category('industry', ['Banking']),
        category('country', ['France']),
        category('state', ['Île-de-France']),
      ],
    });
    expect(apolloSearchUrl(filters)).toBe(
      'https://app.apollo.io/#/people?page=1' +
        '&personTitles[]=Head%20of%20R%26D' +
        '&personSeniorities[]=head' +
        '&organizationIndustryTagIds[]=5567ce237369644ee5490000' +
        '&organizationLocations[]=%C3%8Ele-de-France%2C%20France',
    );
    const employees = leadFilters({ attributes: [{ ...OPERATIONS_PERSONA.attributes[2]! }] });
    expect(apolloSearchUrl(employees)).toBe(
      'https://app.apollo.io/#/people?page=1&organizationNumEmployeesRanges[]=201%2C500&organizationNumEmployeesRanges[]=501%2C1000',
    );
  });

  it('round-trips special characters', () => {
    const filters = leadFilters({
      attributes: [
        category('buyerTitle', ['Director, R&D + QA #1', 'VP Sales/Marketing?']),
        category('industry', ['Arts & Crafts']),
        category('state', ['Île-de-France']),
      ],
    });
    const { params } = parseApollo(apolloSearchUrl(filters));
    expect(params['personTitles[]']).toEqual(['Director, R&D + QA #1', 'VP Sales/Marketing?']);
    expect(params['qOrganizationKeywordTags[]']).toEqual(['Arts & Crafts']);
    expect(params['organizationLocations[]']).toEqual(['Île-de-France']);
  });

  it('leaves disabled filters out', () => {
    const filters = disable(leadFilters(OPERATIONS_PERSONA), 'seniority:buyerTitle', 'revenue:revenue', 'location:state', 'industry:industry');
    expect(parseApollo(apolloSearchUrl(filters)).params).toEqual({
      page: ['1'],
      'personTitles[]': ['VP Operations', 'Director of Operations'],
      'organizationNumEmployeesRanges[]': ['201,500', '501,1000'],
      'organizationLocations[]': ['United States'],
    });
    expect(apolloSearchUrl(leadFilters(OPERATIONS_PERSONA).map((f) => ({ ...f, enabled: false })))).toBe('https://app.apollo.io/#/people?page=1');
  });

  it('lists states as they are when the persona spans several countries', () => {
    const filters = leadFilters({ attributes: [category('country', ['United States', 'Canada']), category('state', ['California', 'Ontario'])] });
    expect(parseApollo(apolloSearchUrl(filters)).params['organizationLocations[]']).toEqual(['California', 'Ontario']);
  });

  it('sends only one bound of an open revenue range', () => {
    const filters: LeadFilter[] = [
      {
        id: 'revenue:revenue',
        kind: 'revenue',
        label: 'Annual revenue: 100M+',
        values: ['100M+'],
        range: { min: 100_000_000, max: null },
        sourceAttribute: 'revenue',
        enabled: true,
      },
    ];
    expect(parseApollo(apolloSearchUrl(filters)).params).toEqual({ page: ['1'], 'revenueRange[min]': ['100000000'] });
  });

  it('sends keyword filters as keyword tags, once each, and re-checks values edited after the filters were built', () => {
    const filters: LeadFilter[] = [
      {
        id: 'keyword:manual',
        kind: 'keyword',
        label: 'Keywords: SaaS',
        values: ['SaaS', 'ceo@acme.com'],
        range: null,
        sourceAttribute: 'manual',
        enabled: true,
      },
      { id: 'industry:industry', kind: 'industry', label: 'Industry: SaaS', values: ['SaaS'], range: null, sourceAttribute: 'industry', enabled: true },
      {
        id: 'title:buyerTitle',
        kind: 'title',
        label: 'Titles: CFO',
        values: ['CFO', '+1 415 555 0100'],
        range: null,
        sourceAttribute: 'buyerTitle',
        enabled: true,
      },
      {
        id: 'seniority:buyerTitle',
        kind: 'seniority',
        label: 'Seniority',
        values: ['c_suite', 'boss'],
        range: null,
        sourceAttribute: 'buyerTitle',
        enabled: true,
      },
    ];
    expect(parseApollo(apolloSearchUrl(filters)).params).toEqual({
      page: ['1'],
      'personTitles[]': ['CFO'],
      'personSeniorities[]': ['c_suite'],
      'qOrganizationKeywordTags[]': ['SaaS'],
    });
  });
});
