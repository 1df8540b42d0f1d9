/**
 * The open deals the popup's filters keep (issue 16: the quick wins follow the popup's
 * filters, as the pipeline and the insights tab do): every filter of the filter bar and the
 * search, after reconciling them with the rows as the pipeline does (a saved owner or type
 * that no row carries any more means any), in the rows' order.
 */
import type { PipelineRow } from '../panel-data';
import { isUnfiltered, resolveMe, rowMatches, type PipelineFilters } from './filter';
import { buildIndex } from './index-rows';
import { filterOptions, reconcileFilters } from './options';
import { matchesTerms, searchTerms } from './search';

export interface NarrowedRows {
  rows: PipelineRow[];
  /** Whether any filter narrows (after reconciling): false when `rows` are all the rows. */
  filtered: boolean;
}

/** `rows` as the pipeline's `filters` narrow them; `me` is the user's name as the popup keeps it. */
export function narrowRows(rows: readonly PipelineRow[], filters: PipelineFilters, me: string | null): NarrowedRows {
  const index = buildIndex(rows);
  const options = filterOptions(rows, index.collator);
  const active = reconcileFilters(filters, options);
  if (isUnfiltered(active)) return { rows: [...rows], filtered: false };
  const meResolved = resolveMe(rows, me !== null && options.owners.includes(me) ? me : null);
  const terms = searchTerms(active.search);
  return {
    rows: rows.filter((row, i) => rowMatches(row, active, meResolved) && (terms.length === 0 || matchesTerms(index.haystacks[i] as string, terms))),
    filtered: true,
  };
}
