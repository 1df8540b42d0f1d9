import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  EMPTY_FILTERS,
  FILTERS_FORMAT_VERSION,
  matchingSegment,
  parseFilters,
  parseView,
  sameFilters,
  segmentNameProblem,
  serializeFilters,
  serializeView,
  type PipelineFilters,
} from '../../lib/pipeline';
import type { SegmentRecord } from '../../lib/store/schema';

const renewals: PipelineFilters = { ...EMPTY_FILTERS, search: 'acme', level: 'team', owner: null, type: 'renewal', territory: 'EMEA' };

const segment = (id: number, name: string, filters: PipelineFilters): SegmentRecord => ({
  id,
  name,
  filters: serializeFilters(filters),
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('segment filters', () => {
  it('serialize to versioned plain JSON and back', () => {
    const json = serializeFilters(renewals);
    expect(json).toEqual({
      version: FILTERS_FORMAT_VERSION,
      search: 'acme',
      level: 'team',
      owner: null,
      type: 'renewal',
      territory: 'EMEA',
      health: null,
      daysMin: null,
      daysMax: null,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(parseFilters(JSON.parse(JSON.stringify(json)))).toEqual(renewals);
  });

  it('read forgivingly: wrong or missing fields mean "any"', () => {
    expect(parseFilters(null)).toEqual(EMPTY_FILTERS);
    expect(parseFilters('team')).toEqual(EMPTY_FILTERS);
    expect(parseFilters({ level: 'galaxy', owner: 7, type: '', territory: 'NA', search: 3 })).toEqual({ ...EMPTY_FILTERS, territory: 'NA' });
  });

  it('match the segment whose filters are the current ones, ignoring search padding', () => {
    const segments = [segment(1, 'Big deals', { ...EMPTY_FILTERS, owner: 'Ann' }), segment(2, 'EMEA renewals', renewals)];
    expect(matchingSegment(segments, { ...renewals, search: ' acme ' })?.id).toBe(2);
    expect(matchingSegment(segments, { ...renewals, owner: 'Bob' })).toBeNull();
    expect(sameFilters(EMPTY_FILTERS, { ...EMPTY_FILTERS })).toBe(true);
  });

  it('name problems: empty, too long, or taken (without case)', () => {
    const segments = [segment(1, 'EMEA renewals', renewals)];
    expect(segmentNameProblem('  ', segments)).toBe('empty');
    expect(segmentNameProblem('x'.repeat(61), segments)).toBe('too-long');
    expect(segmentNameProblem(' emea RENEWALS ', segments)).toBe('duplicate');
    expect(segmentNameProblem('My team', segments)).toBeNull();
  });
});

describe('the remembered view', () => {
  it('round-trips filters, sort and connection', () => {
    const view = { connectionId: 'sandbox', filters: renewals, sort: { column: 'amount' as const, direction: 'asc' as const } };
    expect(parseView(JSON.parse(JSON.stringify(serializeView(view))))).toEqual(view);
  });

  it('falls back to Win Potential, best first, on anything it cannot read', () => {
    expect(parseView(undefined)).toEqual({ connectionId: null, filters: EMPTY_FILTERS, sort: DEFAULT_SORT });
    expect(parseView({ sort: { column: 'color', direction: 'asc' } }).sort).toEqual(DEFAULT_SORT);
    expect(parseView({ sort: { column: 'amount', direction: 'sideways' } }).sort).toEqual(DEFAULT_SORT);
  });
});
