import { describe, expect, it } from 'vitest';
import { buildIndex, dateKey, nextSort, sortOrder, DEFAULT_SORT, type SortSpec } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import { row, syntheticRows } from './fixtures';

const ids = (rows: readonly PipelineRow[], sort: SortSpec): string[] => {
  const index = buildIndex(rows, { locale: 'en' });
  return [...sortOrder(index, sort)].map((i) => (rows[i] as PipelineRow).id);
};

// Input order a..f; two ties (b = e on win, c = d on amount) and empty values.
const rows = [
  row({ id: 'a', name: 'Zeta renewal', winPotential: 0.42, amount: 5000, closeDate: '2026-03-01', stage: 'Proposal' }),
  row({ id: 'b', name: 'alpha upsell', winPotential: 0.9, amount: null, closeDate: null, stage: 'negotiation' }),
  row({ id: 'c', name: 'Émile new deal', winPotential: null, amount: 1200, closeDate: '2025-12-31', stage: null }),
  row({ id: 'd', name: 'beta', winPotential: 0.1, amount: 1200, closeDate: '2026-03-01', stage: 'Proposal' }),
  row({ id: 'e', name: 'Deal 10', winPotential: 0.9, amount: 80000, closeDate: '2026-01-15', stage: 'Negotiation' }),
  row({ id: 'f', name: 'Deal 9', winPotential: null, amount: 0, closeDate: '2026-02-01', stage: '' }),
];

describe('nextSort', () => {
  it('sorts a new column ascending, then flips the direction on each click', () => {
    expect(DEFAULT_SORT).toEqual({ column: 'winPotential', direction: 'desc' });
    const first = nextSort(DEFAULT_SORT, 'amount');
    expect(first).toEqual({ column: 'amount', direction: 'asc' });
    const second = nextSort(first, 'amount');
    expect(second).toEqual({ column: 'amount', direction: 'desc' });
    expect(nextSort(second, 'amount')).toEqual({ column: 'amount', direction: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'winPotential')).toEqual({ column: 'winPotential', direction: 'asc' });
  });
});

describe('sortOrder', () => {
  it('ranks by Win Potential, best first, empty last, ties in input order', () => {
    expect(ids(rows, { column: 'winPotential', direction: 'desc' })).toEqual(['b', 'e', 'a', 'd', 'c', 'f']);
    expect(ids(rows, { column: 'winPotential', direction: 'asc' })).toEqual(['d', 'a', 'b', 'e', 'c', 'f']);
  });

  it('keeps empty amounts last in both directions; zero is a value', () => {
    expect(ids(rows, { column: 'amount', direction: 'asc' })).toEqual(['f', 'c', 'd', 'a', 'e', 'b']);
    expect(ids(rows, { column: 'amount', direction: 'desc' })).toEqual(['e', 'a', 'c', 'd', 'f', 'b']);
  });

  it('sorts dates by day, empty last', () => {
    expect(ids(rows, { column: 'closeDate', direction: 'asc' })).toEqual(['c', 'e', 'f', 'a', 'd', 'b']);
    expect(ids(rows, { column: 'closeDate', direction: 'desc' })).toEqual(['a', 'd', 'f', 'e', 'c', 'b']);
  });

  it('sorts text by the locale, ignoring case and accents, numbers by value', () => {
    // "Deal 9" before "Deal 10"; "Émile" between "Deal" and "Zeta"; "alpha" first despite lower case.
    expect(ids(rows, { column: 'name', direction: 'asc' })).toEqual(['b', 'd', 'f', 'e', 'c', 'a']);
    expect(ids(rows, { column: 'name', direction: 'desc' })).toEqual(['a', 'c', 'e', 'f', 'd', 'b']);
  });

  it('treats values equal but for case as ties, and empty strings as empty', () => {
    // "negotiation" (b) and "Negotiation" (e) tie: input order in both directions.
    expect(ids(rows, { column: 'stage', direction: 'asc' })).toEqual(['b', 'e', 'a', 'd', 'c', 'f']);
    expect(ids(rows, { column: 'stage', direction: 'desc' })).toEqual(['a', 'd', 'b', 'e', 'c', 'f']);
  });

  it('caches sort keys on the index', () => {
    const index = buildIndex(rows);
    sortOrder(index, { column: 'amount', direction: 'asc' });
    const keys = index.sortKeys.get('amount');
    sortOrder(index, { column: 'amount', direction: 'desc' });
    expect(index.sortKeys.get('amount')).toBe(keys);
  });

  it('sorts 10,000 rows into a valid, stable order', () => {
    const many = syntheticRows(10_000, 3);
    const index = buildIndex(many);
    const order = sortOrder(index, DEFAULT_SORT);
    expect(order.length).toBe(10_000);
    expect(new Set(order).size).toBe(10_000);
    const misplaced: number[] = [];
    for (let k = 1; k < order.length; k++) {
      const a = (many[order[k - 1] as number] as PipelineRow).winPotential;
      const b = (many[order[k] as number] as PipelineRow).winPotential;
      const tieOutOfOrder = a === b && (order[k - 1] as number) > (order[k] as number);
      if ((a === null && b !== null) || (a !== null && b !== null && a < b) || tieOutOfOrder) misplaced.push(k);
    }
    expect(misplaced).toEqual([]);
  });
});

describe('dateKey', () => {
  it('turns ISO dates into order-preserving numbers', () => {
    expect(dateKey('2026-03-01')).toBe(20260301);
    expect(dateKey('2026-03-01T10:00:00Z')).toBe(20260301);
    expect(dateKey('soon')).toBeNaN();
    expect(dateKey('')).toBeNaN();
  });
});
