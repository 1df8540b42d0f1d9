import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  EMPTY_FILTERS,
  filterOptions,
  filterOrder,
  inLevel,
  isUnfiltered,
  reconcileFilters,
  resolveMe,
  sortOrder,
  type PipelineFilters,
} from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import { row } from './fixtures';

// Dana manages Ann and Bob; Carl (manager Eve) manages Zoé. Input order a..g.
const rows = [
  row({ id: 'a', name: 'Acme renewal', accountName: 'Acme', owner: 'Ann', ownerManager: 'Dana', type: 'renewal', territory: 'EMEA', winPotential: 0.5 }),
  row({ id: 'b', name: 'Globex upsell', accountName: 'Globex', owner: 'Bob', ownerManager: 'Dana', type: 'upsell', territory: 'NA', winPotential: 0.7 }),
  row({ id: 'c', name: 'Café Zoë', accountName: 'Zoë Café', owner: 'Carl', ownerManager: 'Eve', type: 'renewal', territory: null, winPotential: 0.2 }),
  row({ id: 'd', name: 'Initech', accountName: 'Initech', owner: 'Zoé', ownerManager: 'Carl', type: 'new customer', territory: 'EMEA', winPotential: null }),
  row({ id: 'e', name: 'Ann second deal', accountName: 'Hooli', owner: 'Ann', ownerManager: 'Dana', type: 'upsell', territory: 'NA', winPotential: 0.9 }),
  row({ id: 'f', name: 'Orphan', accountName: null, owner: null, ownerManager: null, type: null, territory: '', winPotential: 0.3 }),
  row({ id: 'g', name: 'Dana own deal', accountName: 'Stark', owner: 'Dana', ownerManager: 'Vera', type: 'renewal', territory: 'NA', winPotential: 0.6 }),
];

const filtered = (filters: Partial<PipelineFilters>, me: string | null = null): string[] => {
  const index = buildIndex(rows);
  const order = sortOrder(index, { column: 'winPotential', direction: 'desc' });
  return [...filterOrder(index, order, { ...EMPTY_FILTERS, ...filters }, resolveMe(rows, me))].map((i) => (rows[i] as PipelineRow).id);
};

describe('filterOrder', () => {
  it('keeps the sorted order and returns it untouched without filters', () => {
    const index = buildIndex(rows);
    const order = sortOrder(index, { column: 'winPotential', direction: 'desc' });
    expect(filterOrder(index, order, EMPTY_FILTERS, null)).toBe(order);
    expect(filtered({})).toEqual(['e', 'b', 'g', 'a', 'f', 'c', 'd']);
  });

  it('filters by owner, type and territory, exactly', () => {
    expect(filtered({ owner: 'Ann' })).toEqual(['e', 'a']);
    expect(filtered({ type: 'renewal' })).toEqual(['g', 'a', 'c']);
    expect(filtered({ territory: 'EMEA' })).toEqual(['a', 'd']);
    expect(filtered({ type: 'renewal', territory: 'NA' })).toEqual(['g']);
  });

  it('searches name, account and owner without accents or case', () => {
    expect(filtered({ search: 'zoe' })).toEqual(['c', 'd']);
    expect(filtered({ search: 'ZOE cafe' })).toEqual(['c']);
    expect(filtered({ search: 'ann' })).toEqual(['e', 'a']);
    expect(filtered({ search: 'nobody' })).toEqual([]);
  });

  it('shows my deals, my team (same manager, and my reports), or the org', () => {
    expect(filtered({ level: 'me' }, 'Ann')).toEqual(['e', 'a']);
    expect(filtered({ level: 'team' }, 'Ann')).toEqual(['e', 'b', 'a']);
    // Carl's team: his peers under Eve (none besides him) and his report Zoé.
    expect(filtered({ level: 'team' }, 'Carl')).toEqual(['c', 'd']);
    // Dana, a manager: her own deal, her reports' deals; her manager Vera has no one else.
    expect(filtered({ level: 'team' }, 'Dana')).toEqual(['e', 'b', 'g', 'a']);
    expect(filtered({ level: 'org' }, 'Ann')).toHaveLength(7);
  });

  it('shows nothing for "me" or "my team" until the user says who they are', () => {
    expect(filtered({ level: 'me' }, null)).toEqual([]);
    expect(filtered({ level: 'team' }, null)).toEqual([]);
    expect(inLevel(rows[0] as PipelineRow, 'org', null)).toBe(true);
  });

  it('combines the level with the other filters', () => {
    expect(filtered({ level: 'team', type: 'upsell' }, 'Ann')).toEqual(['e', 'b']);
    expect(filtered({ level: 'team', search: 'globex' }, 'Ann')).toEqual(['b']);
  });
});

describe('resolveMe', () => {
  it('takes the manager most of my deals name', () => {
    const mixed = [
      row({ id: '1', owner: 'Ann', ownerManager: 'Dana' }),
      row({ id: '2', owner: 'Ann', ownerManager: 'Vera' }),
      row({ id: '3', owner: 'Ann', ownerManager: 'Vera' }),
    ];
    expect(resolveMe(mixed, 'Ann')).toEqual({ name: 'Ann', manager: 'Vera' });
    expect(resolveMe(mixed, 'Nobody')).toEqual({ name: 'Nobody', manager: null });
    expect(resolveMe(mixed, '')).toBeNull();
    expect(resolveMe(mixed, null)).toBeNull();
  });
});

describe('filterOptions', () => {
  it('lists distinct non-empty values in the locale order', () => {
    expect(filterOptions(rows)).toEqual({
      owners: ['Ann', 'Bob', 'Carl', 'Dana', 'Zoé'],
      types: ['new customer', 'renewal', 'upsell'],
      territories: ['EMEA', 'NA'],
      health: false,
      days: false,
    });
  });

  it('has no territories when every territory is empty, so the filter hides', () => {
    const none = [row({ id: '1', territory: null }), row({ id: '2', territory: '' }), row({ id: '3', territory: '  ' })];
    expect(filterOptions(none).territories).toEqual([]);
  });

  it('resets filters the data no longer has', () => {
    const options = filterOptions(rows);
    const stale = { ...EMPTY_FILTERS, owner: 'Gone', type: 'renewal', territory: 'Mars' };
    expect(reconcileFilters(stale, options)).toEqual({ ...EMPTY_FILTERS, type: 'renewal' });
    const fine = { ...EMPTY_FILTERS, owner: 'Ann' };
    expect(reconcileFilters(fine, options)).toBe(fine);
  });
});

describe('isUnfiltered', () => {
  it('ignores a blank search', () => {
    expect(isUnfiltered({ ...EMPTY_FILTERS, search: '  ' })).toBe(true);
    expect(isUnfiltered({ ...EMPTY_FILTERS, level: 'me' })).toBe(false);
  });
});

describe('the search index', () => {
  it('is made by the first search, not by sorting or other filters', () => {
    const index = buildIndex(rows);
    let made = 0;
    const haystacks = Object.getOwnPropertyDescriptor(index, 'haystacks')?.get;
    Object.defineProperty(index, 'haystacks', { get: () => (made++, haystacks?.call(index)) });
    const order = sortOrder(index, { column: 'name', direction: 'asc' });
    filterOrder(index, order, EMPTY_FILTERS, null);
    filterOrder(index, order, { ...EMPTY_FILTERS, type: 'renewal' }, null);
    expect(made).toBe(0);
    expect(filterOrder(index, order, { ...EMPTY_FILTERS, search: 'acme' }, null)).toHaveLength(1);
    expect(made).toBe(1);
  });
});
