/**
 * The choices each filter offers: the distinct non-empty values of the connection's
 * open deals, in the locale's order. A filter with nothing to choose from (no deal has a
 * territory) is hidden by the UI.
 */
import type { PipelineRow } from '../panel-data';
import type { PipelineFilters } from './filter';
import { pipelineCollator } from './collator';

export interface FilterOptions {
  owners: string[];
  types: string[];
  territories: string[];
  /** Some deal has a health / a days-in-stage count (rows scored before they existed have neither). */
  health: boolean;
  days: boolean;
}

export function filterOptions(rows: readonly PipelineRow[], collator: Intl.Collator = pipelineCollator()): FilterOptions {
  const owners = new Set<string>();
  const types = new Set<string>();
  const territories = new Set<string>();
  let health = false;
  let days = false;
  for (const row of rows) {
    if (row.health) health = true;
    if (typeof row.daysInStage === 'number') days = true;
    if (row.owner) owners.add(row.owner);
    if (row.type) types.add(row.type);
    if (row.territory?.trim()) territories.add(row.territory);
  }
  const sorted = (values: Set<string>): string[] => [...values].sort(collator.compare);
  return { owners: sorted(owners), types: sorted(types), territories: sorted(territories), health, days };
}

/**
 * Filters whose values the data no longer has (another connection, a re-import) reset
 * to "any", so a stale saved filter never shows an empty pipeline for no visible reason.
 */
export function reconcileFilters(filters: PipelineFilters, options: FilterOptions): PipelineFilters {
  const keep = (value: string | null, values: string[]): string | null => (value !== null && values.includes(value) ? value : null);
  const owner = keep(filters.owner, options.owners);
  const type = keep(filters.type, options.types);
  const territory = keep(filters.territory, options.territories);
  if (owner === filters.owner && type === filters.type && territory === filters.territory) return filters;
  return { ...filters, owner, type, territory };
}
