/**
 * The ranked open pipeline: filters, saved segments, a one-line summary and the grid.
 * Controlled by its parent (which loads the rows and remembers the view); everything
 * derived is memoized in dependency order so each interaction redoes only its own step:
 *   rows → index, filter options (once per data load)
 *   index + sort → sorted order (a header click)
 *   sorted order + filters + me → visible order (a keystroke: no re-sort)
 */
import { useMemo } from 'preact/hooks';
import { formatMoney } from '../../lib/format';
import type { PipelineRow } from '../../lib/panel-data';
import type { ColumnKey } from '../../lib/pipeline/columns';
import { EMPTY_FILTERS, filterOrder, isUnfiltered, resolveMe, type PipelineFilters } from '../../lib/pipeline/filter';
import { buildIndex } from '../../lib/pipeline/index-rows';
import { filterOptions, reconcileFilters } from '../../lib/pipeline/options';
import { nextSort, sortOrder, type SortSpec } from '../../lib/pipeline/sort';
import type { SegmentRecord } from '../../lib/store/schema';
import { FIELD, LINK_BUTTON } from './controls';
import { FilterBar } from './FilterBar';
import { tp } from './i18n';
import { PipelineGrid } from './PipelineGrid';
import { SegmentControls } from './SegmentControls';

export interface PipelineProps {
  rows: readonly PipelineRow[];
  filters: PipelineFilters;
  sort: SortSpec;
  onFiltersChange: (filters: PipelineFilters) => void;
  onSortChange: (sort: SortSpec) => void;
  /** The owner name the user picked as theirs; null until they pick one. */
  me: string | null;
  onMeChange: (name: string | null) => void;
  segments: readonly SegmentRecord[];
  onSaveSegment: (name: string, filters: PipelineFilters) => Promise<void>;
  onDeleteSegment: (segment: SegmentRecord) => Promise<void>;
  onOpen: (row: PipelineRow) => void;
  /** Layout before measuring (tests, benchmarks). */
  estimatedWidth?: number;
  estimatedHeight?: number;
}

export function Pipeline(props: PipelineProps) {
  const { rows, sort, me, segments, onOpen } = props;
  const index = useMemo(() => buildIndex(rows), [rows]);
  const options = useMemo(() => filterOptions(rows, index.collator), [rows, index]);
  const filters = useMemo(() => reconcileFilters(props.filters, options), [props.filters, options]);
  const meResolved = useMemo(() => resolveMe(rows, me !== null && options.owners.includes(me) ? me : null), [rows, me, options]);
  const sorted = useMemo(() => sortOrder(index, sort), [index, sort.column, sort.direction]);
  const visible = useMemo(() => filterOrder(index, sorted, filters, meResolved), [index, sorted, filters, meResolved]);
  const resetKey = `${sort.column}:${sort.direction}:${filters.search}:${filters.level}:${filters.owner}:${filters.type}:${filters.territory}:${filters.health}:${filters.daysMin}:${filters.daysMax}`;
  const needsMe = filters.level !== 'org' && meResolved === null;

  return (
    <div class="flex min-h-0 flex-1 flex-col">
      <div class="px-3 pb-2">
        <FilterBar
          filters={filters}
          options={options}
          me={meResolved?.name ?? null}
          onChange={props.onFiltersChange}
          onMeChange={props.onMeChange}
          segments={
            <SegmentControls
              segments={segments}
              filters={filters}
              onApply={props.onFiltersChange}
              onSave={(name) => props.onSaveSegment(name, filters)}
              onDelete={props.onDeleteSegment}
            />
          }
        />
      </div>
      {needsMe ? (
        <MePrompt owners={options.owners} onPick={props.onMeChange} />
      ) : (
        <>
          <Summary rows={rows} visible={visible} />
          {visible.length === 0 ? (
            <div class="flex flex-1 flex-col items-center justify-center gap-2 border-t border-slate-200 px-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <p>{tp('popup_noMatches')}</p>
              {!isUnfiltered(filters) && (
                <button type="button" class={LINK_BUTTON} onClick={() => props.onFiltersChange({ ...EMPTY_FILTERS })}>
                  {tp('popup_clearFilters')}
                </button>
              )}
            </div>
          ) : (
            <PipelineGrid
              class="flex-1 border-t border-slate-200 dark:border-slate-700"
              rows={rows}
              order={visible}
              sort={sort}
              onSort={(column: ColumnKey) => props.onSortChange(nextSort(sort, column))}
              onOpen={onOpen}
              resetKey={resetKey}
              estimatedWidth={props.estimatedWidth}
              estimatedHeight={props.estimatedHeight}
            />
          )}
        </>
      )}
    </div>
  );
}

/** "1,204 of 9,870 open deals · $12,400,000 total" (the total only when one currency). */
function Summary({ rows, visible }: { rows: readonly PipelineRow[]; visible: Uint32Array }) {
  const total = useMemo(() => {
    let sum = 0;
    let currency: string | null | undefined;
    for (const i of visible) {
      const row = rows[i] as PipelineRow;
      if (row.amount === null) continue;
      if (currency === undefined) currency = row.currency;
      else if (currency !== row.currency) return null;
      sum += row.amount;
    }
    return currency === undefined ? null : formatMoney(sum, currency, { compact: true });
  }, [rows, visible]);
  const count =
    visible.length === rows.length ? tp('popup_countAll', { count: rows.length }) : tp('popup_countFiltered', { shown: visible.length, count: rows.length });
  return (
    <p class="flex items-center gap-1.5 px-3 pb-1.5 text-[11px] text-slate-500 dark:text-slate-400" aria-live="polite" data-testid="summary">
      <span class="font-medium text-slate-700 dark:text-slate-300">{count}</span>
      {total && (
        <>
          <span aria-hidden="true">·</span>
          <span class="tabular-nums">{tp('popup_totalAmount', { amount: total })}</span>
        </>
      )}
    </p>
  );
}

function MePrompt({ owners, onPick }: { owners: string[]; onPick: (name: string | null) => void }) {
  return (
    <div
      class="flex flex-1 flex-col items-center justify-center gap-3 border-t border-slate-200 px-10 text-center dark:border-slate-700"
      data-testid="me-prompt"
    >
      <h2 class="text-sm font-semibold text-slate-900 dark:text-slate-100">{tp('popup_mePrompt')}</h2>
      <p class="max-w-sm text-xs text-slate-500 dark:text-slate-400">{tp('popup_mePromptHelp')}</p>
      <label>
        <span class="sr-only">{tp('popup_meChoose')}</span>
        <select class={`${FIELD} w-56`} value="" onChange={(e) => onPick(e.currentTarget.value || null)}>
          <option value="">{tp('popup_meChoose')}</option>
          {owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
