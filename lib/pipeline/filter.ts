/**
 * The popup's filters: reporting level (me, my team, the org), owner, type, territory,
 * health, a range of days in stage and free-text search. There is no login, so "me" is the owner name the user picked once;
 * "my team" is everyone who reports to the same manager as me, plus anyone who reports
 * to me (a manager's team is their reports).
 */
import type { HealthLevel } from '../engine/health/health';
import type { PipelineRow } from '../panel-data';
import type { PipelineIndex } from './index-rows';
import { matchesTerms, searchTerms } from './search';

export type ReportingLevel = 'me' | 'team' | 'org';
export const REPORTING_LEVELS: readonly ReportingLevel[] = ['me', 'team', 'org'];
/** The health filter's choices, best first (the engine's HEALTH_LEVELS, restated so the popup pulls no engine code). */
export const HEALTH_FILTER_LEVELS: readonly HealthLevel[] = ['on-track', 'needs-attention', 'at-risk'];

export interface PipelineFilters {
  search: string;
  level: ReportingLevel;
  /** Exact values as the rows carry them; null means any. */
  owner: string | null;
  type: string | null;
  territory: string | null;
  /** One health level; null means any. */
  health: HealthLevel | null;
  /** Days in the current stage, inclusive bounds; null means unbounded. A bound leaves out deals whose days are unknown. */
  daysMin: number | null;
  daysMax: number | null;
}

export const EMPTY_FILTERS: Readonly<PipelineFilters> = {
  search: '',
  level: 'org',
  owner: null,
  type: null,
  territory: null,
  health: null,
  daysMin: null,
  daysMax: null,
};

/** The filters that narrow by a row's attributes (type, territory, reporting level, owner): what the insights tab takes too. */
export function rowMatches(row: PipelineRow, filters: PipelineFilters, me: Me | null): boolean {
  const { level, owner, type, territory, health, daysMin, daysMax } = filters;
  if (owner !== null && row.owner !== owner) return false;
  if (type !== null && row.type !== type) return false;
  if (territory !== null && row.territory !== territory) return false;
  if (health !== null && row.health !== health) return false;
  if (daysMin !== null || daysMax !== null) {
    const days = row.daysInStage;
    if (days === null || days === undefined) return false;
    if (daysMin !== null && days < daysMin) return false;
    if (daysMax !== null && days > daysMax) return false;
  }
  return level === 'org' || inLevel(row, level, me);
}

/** The user, as far as the pipeline knows them. */
export interface Me {
  name: string;
  /** Their manager as the rows name them; null when none of their deals says. */
  manager: string | null;
}

/**
 * The user named `name` and their manager: the manager most of their deals name (ties
 * go to the first seen). Null for an empty name.
 */
export function resolveMe(rows: readonly PipelineRow[], name: string | null): Me | null {
  if (name === null || name === '') return null;
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.owner === name && row.ownerManager !== null && row.ownerManager !== '') {
      counts.set(row.ownerManager, (counts.get(row.ownerManager) ?? 0) + 1);
    }
  }
  let manager: string | null = null;
  let best = 0;
  for (const [candidate, count] of counts) {
    if (count > best) {
      manager = candidate;
      best = count;
    }
  }
  return { name, manager };
}

/** Whether a row is in the user's reporting level. Without a user, "me" and "my team" match nothing. */
export function inLevel(row: PipelineRow, level: ReportingLevel, me: Me | null): boolean {
  if (level === 'org') return true;
  if (me === null) return false;
  if (level === 'me') return row.owner === me.name;
  return row.owner === me.name || row.ownerManager === me.name || (me.manager !== null && row.ownerManager === me.manager);
}

/** True when no filter narrows the pipeline. */
export function isUnfiltered(filters: PipelineFilters): boolean {
  return filters.search.trim() === '' && !narrows(filters);
}

/** True when a filter other than the search narrows the pipeline. */
function narrows(filters: PipelineFilters): boolean {
  return (
    filters.level !== 'org' ||
    filters.owner !== null ||
    filters.type !== null ||
    filters.territory !== null ||
    filters.health !== null ||
    filters.daysMin !== null ||
    filters.daysMax !== null
  );
}

/**
 * The positions (into `index.rows`) of `order` that pass the filters, in `order`'s
 * order: sort once, then filter the sorted order on every keystroke.
 */
export function filterOrder(index: PipelineIndex, order: Uint32Array, filters: PipelineFilters, me: Me | null): Uint32Array {
  const terms = searchTerms(filters.search);
  const narrowing = narrows(filters);
  if (terms.length === 0 && !narrowing) return order;
  const rows = index.rows;
  // Only a search needs the normalized text (made on first use: index-rows.ts).
  const haystacks = terms.length > 0 ? index.haystacks : [];
  const kept = new Uint32Array(order.length);
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const row = rows[i] as PipelineRow;
    if (narrowing && !rowMatches(row, filters, me)) continue;
    if (terms.length > 0 && !matchesTerms(haystacks[i] as string, terms)) continue;
    kept[count++] = i;
  }
  return kept.slice(0, count);
}
