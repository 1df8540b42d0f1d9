/**
 * Saved segments and the remembered view: the filters (and, for the view, the sort and
 * the connection) as plain JSON for `SegmentRecord.filters` and the settings table, and
 * back. Reading is forgiving: a field missing or of the wrong type (an older version, a
 * hand-edited record) falls back to "any", never throws.
 */
import type { HealthLevel } from '../engine/health/health';
import type { SegmentRecord } from '../store/schema';
import { isColumnKey } from './columns';
import { EMPTY_FILTERS, HEALTH_FILTER_LEVELS, REPORTING_LEVELS, type PipelineFilters, type ReportingLevel } from './filter';
import { DEFAULT_SORT, type SortSpec } from './sort';

/**
 * Bumped when the serialized shape changes; `parseFilters` reads every older one (version 1
 * had no health or days-in-stage range: they read as "any").
 */
export const FILTERS_FORMAT_VERSION = 2;
export const SEGMENT_NAME_MAX = 60;

export function serializeFilters(filters: PipelineFilters): Record<string, unknown> {
  return {
    version: FILTERS_FORMAT_VERSION,
    search: filters.search,
    level: filters.level,
    owner: filters.owner,
    type: filters.type,
    territory: filters.territory,
    health: filters.health,
    daysMin: filters.daysMin,
    daysMax: filters.daysMax,
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
/** A day count: a whole number of days from 0 up, else unbounded. */
const days = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

export function parseFilters(raw: unknown): PipelineFilters {
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_FILTERS };
  const record = raw as Record<string, unknown>;
  const level = REPORTING_LEVELS.includes(record.level as ReportingLevel) ? (record.level as ReportingLevel) : EMPTY_FILTERS.level;
  return {
    search: typeof record.search === 'string' ? record.search : '',
    level,
    owner: text(record.owner),
    type: text(record.type),
    territory: text(record.territory),
    health: HEALTH_FILTER_LEVELS.includes(record.health as HealthLevel) ? (record.health as HealthLevel) : null,
    daysMin: days(record.daysMin),
    daysMax: days(record.daysMax),
  };
}

export function sameFilters(a: PipelineFilters, b: PipelineFilters): boolean {
  return (
    a.search.trim() === b.search.trim() &&
    a.level === b.level &&
    a.owner === b.owner &&
    a.type === b.type &&
    a.territory === b.territory &&
    a.health === b.health &&
    a.daysMin === b.daysMin &&
    a.daysMax === b.daysMax
  );
}

/** The saved segment whose filters are exactly the current ones (the one applied), if any. */
export function matchingSegment(segments: readonly SegmentRecord[], filters: PipelineFilters): SegmentRecord | null {
  return segments.find((s) => sameFilters(parseFilters(s.filters), filters)) ?? null;
}

export type SegmentNameProblem = 'empty' | 'too-long' | 'duplicate';

/** Why a segment name cannot be saved, or null when it can. Names compare without case. */
export function segmentNameProblem(name: string, segments: readonly SegmentRecord[]): SegmentNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > SEGMENT_NAME_MAX) return 'too-long';
  const lower = trimmed.toLocaleLowerCase();
  if (segments.some((s) => s.name.trim().toLocaleLowerCase() === lower)) return 'duplicate';
  return null;
}

/** What the popup remembers between openings. */
export interface PipelineView {
  connectionId: string | null;
  filters: PipelineFilters;
  sort: SortSpec;
}

export const DEFAULT_VIEW: Readonly<PipelineView> = { connectionId: null, filters: EMPTY_FILTERS, sort: DEFAULT_SORT };

export function serializeView(view: PipelineView): Record<string, unknown> {
  return { connectionId: view.connectionId, filters: serializeFilters(view.filters), sort: { column: view.sort.column, direction: view.sort.direction } };
}

export function parseView(raw: unknown): PipelineView {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS } };
  const record = raw as Record<string, unknown>;
  const sort = (record.sort ?? {}) as Record<string, unknown>;
  const direction = sort.direction === 'asc' || sort.direction === 'desc' ? sort.direction : null;
  return {
    connectionId: text(record.connectionId),
    filters: parseFilters(record.filters),
    sort: isColumnKey(sort.column) && direction ? { column: sort.column, direction } : { ...DEFAULT_SORT },
  };
}
