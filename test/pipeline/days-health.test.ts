import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  columnValue,
  EMPTY_FILTERS,
  filterOptions,
  filterOrder,
  isUnfiltered,
  matchingSegment,
  parseFilters,
  parseView,
  serializeFilters,
  serializeView,
  sortOrder,
  type PipelineFilters,
} from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import type { SegmentRecord } from '../../lib/store/schema';
import { row } from './fixtures';

const rows: PipelineRow[] = [
  row({ id: 'a', daysInStage: 34, stalled: true, health: 'at-risk' }),
  row({ id: 'b', daysInStage: 3, stalled: false, health: 'on-track' }),
  row({ id: 'c', daysInStage: null, stalled: null, health: null }),
  row({ id: 'd', daysInStage: 12, stalled: false, health: 'needs-attention' }),
  // Scored before days in stage and health existed: neither field.
  row({ id: 'e' }),
  row({ id: 'f', daysInStage: 20, stalled: false, health: 'on-track' }),
];
const index = buildIndex(rows);
const ids = (order: Uint32Array): string[] => [...order].map((i) => (rows[i] as PipelineRow).id);

describe('days in stage and health as columns', () => {
  it('sort days in stage numerically, unknown days last either way', () => {
    expect(ids(sortOrder(index, { column: 'daysInStage', direction: 'asc' }))).toEqual(['b', 'd', 'f', 'a', 'c', 'e']);
    expect(ids(sortOrder(index, { column: 'daysInStage', direction: 'desc' }))).toEqual(['a', 'f', 'd', 'b', 'c', 'e']);
  });

  it('sort health worst first when ascending, ties in input order, no health last', () => {
    expect(columnValue(rows[0] as PipelineRow, 'health')).toBe(0);
    expect(ids(sortOrder(index, { column: 'health', direction: 'asc' }))).toEqual(['a', 'd', 'b', 'f', 'c', 'e']);
    expect(ids(sortOrder(index, { column: 'health', direction: 'desc' }))).toEqual(['b', 'f', 'd', 'a', 'c', 'e']);
  });
});

describe('days in stage and health as filters', () => {
  const order = sortOrder(index, { column: 'daysInStage', direction: 'asc' });
  const filtered = (filters: Partial<PipelineFilters>): string[] => ids(filterOrder(index, order, { ...EMPTY_FILTERS, ...filters }, null));

  it('keep one health level', () => {
    expect(filtered({ health: 'on-track' })).toEqual(['b', 'f']);
    expect(filtered({ health: 'at-risk' })).toEqual(['a']);
    expect(isUnfiltered({ ...EMPTY_FILTERS, health: 'at-risk' })).toBe(false);
  });

  it('keep a range of days, bounds inclusive, deals with unknown days out once bounded', () => {
    expect(filtered({ daysMin: 12 })).toEqual(['d', 'f', 'a']);
    expect(filtered({ daysMax: 12 })).toEqual(['b', 'd']);
    expect(filtered({ daysMin: 12, daysMax: 20 })).toEqual(['d', 'f']);
    expect(filtered({ daysMin: 40 })).toEqual([]);
    expect(isUnfiltered({ ...EMPTY_FILTERS, daysMax: 5 })).toBe(false);
  });

  it('combine with each other and the other filters', () => {
    expect(filtered({ health: 'on-track', daysMin: 10 })).toEqual(['f']);
  });

  it('are offered only when some row has health / days', () => {
    expect(filterOptions(rows)).toMatchObject({ health: true, days: true });
    expect(filterOptions([row({ id: 'old' })])).toMatchObject({ health: false, days: false });
  });
});

describe('saved segments with health and days in stage', () => {
  const stuck: PipelineFilters = { ...EMPTY_FILTERS, type: 'renewal', health: 'needs-attention', daysMin: 14, daysMax: 60 };

  it('round-trip through plain JSON', () => {
    const json = JSON.parse(JSON.stringify(serializeFilters(stuck))) as Record<string, unknown>;
    expect(json).toMatchObject({ version: 2, health: 'needs-attention', daysMin: 14, daysMax: 60 });
    expect(parseFilters(json)).toEqual(stuck);
    const view = { connectionId: 'c1', filters: stuck, sort: { column: 'daysInStage' as const, direction: 'desc' as const } };
    expect(parseView(JSON.parse(JSON.stringify(serializeView(view))))).toEqual(view);
    const view2 = { ...view, sort: { column: 'health' as const, direction: 'asc' as const } };
    expect(parseView(JSON.parse(JSON.stringify(serializeView(view2))))).toEqual(view2);
  });

  it('read a version 1 segment (no health, no days) as "any" for both', () => {
    const old = { version: 1, search: '', level: 'org', owner: 'Ann', type: null, territory: 'EMEA' };
    expect(parseFilters(old)).toEqual({ ...EMPTY_FILTERS, owner: 'Ann', territory: 'EMEA', health: null, daysMin: null, daysMax: null });
  });

  it('refuse bad values without throwing', () => {
    expect(parseFilters({ health: 'dead', daysMin: -3, daysMax: 2.5 })).toEqual(EMPTY_FILTERS);
    expect(parseFilters({ health: 'at-risk', daysMin: '7', daysMax: 0 })).toEqual({ ...EMPTY_FILTERS, health: 'at-risk', daysMax: 0 });
  });

  it('match only when health and days match too', () => {
    const segments: SegmentRecord[] = [{ id: 1, name: 'Stuck renewals', filters: serializeFilters(stuck), createdAt: '2026-01-01T00:00:00.000Z' }];
    expect(matchingSegment(segments, { ...stuck })?.id).toBe(1);
    expect(matchingSegment(segments, { ...stuck, daysMax: null })).toBeNull();
    expect(matchingSegment(segments, { ...stuck, health: 'at-risk' })).toBeNull();
  });
});
