import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../lib/pipeline/filter';
import { narrowRows } from '../../lib/pipeline/narrow';
import { row } from './fixtures';

const ROWS = [
  row({ id: 'a', name: 'Renewal', accountName: 'Acme', owner: 'Ana Ruiz', type: 'Renewal', health: 'at-risk', daysInStage: 40 }),
  row({ id: 'b', name: 'Upsell', accountName: 'Globex', owner: 'Bo Ek', type: 'New Business', health: 'on-track', daysInStage: 5 }),
  row({ id: 'c', name: 'Expansion', accountName: 'Acme', owner: 'Bo Ek', type: 'Renewal', health: 'on-track', daysInStage: null }),
];
const ids = (filters: typeof EMPTY_FILTERS, me: string | null = null) => narrowRows(ROWS, filters, me).rows.map((r) => r.id);

describe('narrowRows: the deals the popup’s filters keep', () => {
  it('keeps every row, unfiltered, without filters', () => {
    expect(narrowRows(ROWS, EMPTY_FILTERS, null)).toEqual({ rows: ROWS, filtered: false });
  });

  it('applies each filter and the search, in the rows’ order', () => {
    expect(ids({ ...EMPTY_FILTERS, owner: 'Bo Ek' })).toEqual(['b', 'c']);
    expect(ids({ ...EMPTY_FILTERS, type: 'Renewal', health: 'on-track' })).toEqual(['c']);
    expect(ids({ ...EMPTY_FILTERS, daysMin: 10 })).toEqual(['a']);
    expect(ids({ ...EMPTY_FILTERS, search: 'acme' })).toEqual(['a', 'c']);
    expect(ids({ ...EMPTY_FILTERS, level: 'me' }, 'Ana Ruiz')).toEqual(['a']);
  });

  it('reads a filter no row can meet any more as any, as the pipeline does', () => {
    expect(narrowRows(ROWS, { ...EMPTY_FILTERS, owner: 'Someone who left' }, null)).toEqual({ rows: ROWS, filtered: false });
  });
});
