import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import type { Persona } from '../../lib/engine/personas';
import { leadFilters } from '../../lib/leads/filters';
import { category, OPERATIONS_PERSONA, range } from './fixtures';

describe('leadFilters', () => {
  it('turns a persona into titled, ticked filters in a fixed order', () => {
    expect(leadFilters(OPERATIONS_PERSONA)).toEqual([
      {
        id: 'title:buyerTitle',
        kind: 'title',
        label: 'Titles: VP Operations, Director of Operations',
        values: ['VP Operations', 'Director of Operations'],
        range: null,
        sourceAttribute: 'buyerTitle',
        enabled: true,
      },
      {
        id: 'seniority:buyerTitle',
        kind: 'seniority',
        label: 'Seniority: VP, Director',
        values: ['vp', 'director'],
        range: null,
        sourceAttribute: 'buyerTitle',
        enabled: true,
      },
      {
        id: 'industry:industry',
        kind: 'industry',
        label: 'Industry: Healthcare, Research Services',
        values: ['Healthcare', 'Research Services'],
        range: null,
        sourceAttribute: 'industry',
        enabled: true,
      },
      {
        id: 'employees:employees',
        kind: 'employees',
        label: 'Company size: 201–1,000 employees',
        values: ['201–1,000'],
        range: { min: 200, max: 1000 },
        sourceAttribute: 'employees',
        enabled: true,
      },
      {
        id: 'revenue:revenue',
        kind: 'revenue',
        label: 'Annual revenue: 10M–50M',
        values: ['10M–50M'],
        range: { min: 10_000_000, max: 50_000_000 },
        sourceAttribute: 'revenue',
        enabled: true,
      },
      {
        id: 'location:country',
        kind: 'location',
        label: 'Country: United States',
        values: ['United States'],
        range: null,
        sourceAttribute: 'country',
        enabled: true,
      },
      {
        id: 'location:state',
        kind: 'location',
        label: 'State/Province: California, Texas',
        values: ['California', 'Texas'],
        range: null,
        sourceAttribute: 'state',
        enabled: true,
      },
    ]);
  });

  it('reads open-ended ranges', () => {
    const filters = leadFilters({
      attributes: [range('employees', { min: 5000, max: null }), range('revenue', { min: null, max: 5_000_000 })],
    });
    expect(filters.map((f) => f.label)).toEqual(['Company size: 5,001+ employees', 'Annual revenue: up to 5M']);
    expect(
      leadFilters({ attributes: [range('employees', { min: null, max: 50 }), range('revenue', { min: 250_000, max: null })] }).map((f) => f.label),
    ).toEqual(['Company size: 1–50 employees', 'Annual revenue: 250K+']);
  });

  it('gives titles without a seniority when no keyword names one', () => {
    expect(leadFilters({ attributes: [category('buyerTitle', ['Buyer'])] }).map((f) => f.kind)).toEqual(['title']);
  });

  it('ignores attributes with no lead-search counterpart, custom fields and kinds that do not fit', () => {
    const filters = leadFilters({
      attributes: [
        category('product', ['Platform']),
        category('buyerRole', ['Economic Buyer']),
        category('primaryContact', ['Jane Doe']),
        category('championName', ['John Smith']),
        category('employees', ['201-500']),
        range('industry', { min: 1, max: 2 }),
        range('revenue', { min: null, max: null }),
        range('employees', { min: 1000, max: 200 }),
      ],
    });
    expect(filters).toEqual([]);
  });

  it('takes persona attributes only: records, recent wins and members cannot be passed', () => {
    const opportunity = { id: 'o1', name: 'Acme renewal', attributes: { buyerTitle: 'CFO', contactEmail: 'cfo@acme.com' } } as unknown as Opportunity;
    // @ts-expect-error an opportunity's attribute map is not a persona's attribute list
    expect(() => leadFilters(opportunity)).toThrow('leadFilters takes a persona (its attributes list), not a CRM record');
    const recentWins: Persona['recentWins'] = [{ id: 'o1', name: 'Acme renewal', accountName: 'Acme', closeDate: null, amount: null, currency: null }];
    // @ts-expect-error recent wins carry names, not attributes
    expect(() => leadFilters({ recentWins })).toThrow(TypeError);
    // A whole persona type-checks, but only its attributes are read: names and ids never reach a filter.
    const persona = { ...OPERATIONS_PERSONA, name: 'Dana Whitfield', company: 'Northbrook Health', recentWins, memberIds: ['o1'] } as unknown as Persona;
    expect(JSON.stringify(leadFilters(persona))).not.toMatch(/Dana|Northbrook|Acme|o1/);
  });
});
