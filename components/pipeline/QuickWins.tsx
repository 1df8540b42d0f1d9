/**
 * The quick wins view (issue 16): the open deals most worth a rep's time this week, by the
 * rule in lib/pipeline/quick-wins.ts, which the help line states with this org's numbers.
 * Each row opens the record as the pipeline's rows do. The rule picks among the deals the
 * popup's filters keep (lib/pipeline/narrow.ts), and says so while any filter narrows, with
 * a way to clear them. At most QUICK_WIN_LIMIT rows, so a plain list (no virtual scrolling).
 */
import { useMemo } from 'preact/hooks';
import type { IsoDate } from '../../lib/crm/opportunity';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import type { PipelineRow } from '../../lib/panel-data';
import type { PipelineFilters } from '../../lib/pipeline/filter';
import { narrowRows } from '../../lib/pipeline/narrow';
import { QUICK_WIN_DAYS, QUICK_WIN_LIFT, QUICK_WIN_MIN_WIN, quickWinBar, quickWins } from '../../lib/pipeline/quick-wins';
import { DaysInStageCell, EmptyValue, HealthCell, WinCell } from './cells';
import { LINK_BUTTON } from './controls';
import { tp } from './i18n';

export interface QuickWinsProps {
  rows: readonly PipelineRow[];
  /** The scores' day (the model's `asOf`); without it nothing is "soon". */
  asOf: IsoDate | null;
  /** The org's win rate among closed deals (won / closed). */
  baseRate: number | null;
  /** The popup's filters and the user's name: the quick wins are picked among the deals they keep. */
  filters: PipelineFilters;
  me: string | null;
  onClearFilters: () => void;
  onOpen: (row: PipelineRow) => void;
}

/** The rule in one sentence, with the bar this org's win rate sets. */
export function quickWinRule(baseRate: number | null): string {
  return tp('popup_quickWinsRule', {
    bar: formatPercent(quickWinBar(baseRate)),
    min: formatPercent(QUICK_WIN_MIN_WIN),
    lift: String(QUICK_WIN_LIFT),
    base: baseRate === null ? tp('popup_empty') : formatPercent(baseRate),
    days: QUICK_WIN_DAYS,
  });
}

export function QuickWins({ rows, asOf, baseRate, filters, me, onClearFilters, onOpen }: QuickWinsProps) {
  const narrowed = useMemo(() => narrowRows(rows, filters, me), [rows, filters, me]);
  const wins = useMemo(() => (asOf ? quickWins(narrowed.rows, asOf, baseRate) : []), [narrowed, asOf, baseRate]);
  const rule = quickWinRule(baseRate);
  return (
    <div class="flex min-h-0 flex-1 flex-col" data-testid="quick-wins">
      <p class="flex items-start gap-1.5 px-3 pb-2 text-[11px] leading-snug text-slate-600 dark:text-slate-400" data-testid="quick-wins-rule" title={rule}>
        <InfoIcon />
        <span>{rule}</span>
      </p>
      {narrowed.filtered && (
        <p class="flex flex-wrap items-baseline gap-x-2 px-3 pb-2 text-[11px] text-slate-600 dark:text-slate-400" data-testid="quick-wins-filtered">
          <span>{tp('popup_quickWinsFiltered', { shown: narrowed.rows.length, count: rows.length })}</span>
          <button type="button" class={LINK_BUTTON} onClick={onClearFilters}>
            {tp('popup_clearFilters')}
          </button>
        </p>
      )}
      {wins.length === 0 ? (
        <p class="flex flex-1 items-center justify-center border-t border-slate-200 px-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {tp('popup_quickWinsEmpty', { days: QUICK_WIN_DAYS })}
        </p>
      ) : (
        <ol class="min-h-0 flex-1 overflow-y-auto border-t border-slate-200 [scrollbar-width:thin] dark:border-slate-700" aria-label={tp('popup_tabQuickWins')}>
          {wins.map((row) => (
            <li key={`${row.connectionId}:${row.id}`} class="border-b border-slate-100 dark:border-slate-800">
              <button
                type="button"
                onClick={() => onOpen(row)}
                data-quick-win={row.id}
                class="grid w-full cursor-pointer grid-cols-[minmax(0,1fr)_80px_92px_96px_56px_76px] items-center gap-1 px-3 py-1.5 text-left text-xs text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:text-slate-300 dark:hover:bg-slate-800/60 dark:focus-visible:outline-sky-400"
              >
                <span class="min-w-0 leading-tight">
                  <span class="block truncate text-[13px] font-medium text-slate-900 dark:text-slate-100" title={row.name}>
                    {row.name}
                  </span>
                  {row.accountName && (
                    <span class="mt-0.5 block truncate text-[11px] text-slate-500 dark:text-slate-400" title={row.accountName}>
                      {row.accountName}
                    </span>
                  )}
                </span>
                <span class="truncate text-right tabular-nums">{row.amount === null ? <EmptyValue /> : formatMoney(row.amount, row.currency)}</span>
                <WinCell row={row} />
                <span class="truncate tabular-nums" title={tp('popup_quickWinsCloses')}>
                  {(row.predictedClose ?? row.closeDate) === null ? <EmptyValue /> : formatDate(row.predictedClose ?? row.closeDate)}
                </span>
                <DaysInStageCell row={row} />
                <HealthCell row={row} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function InfoIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" class="mt-px shrink-0 text-sky-600 dark:text-sky-400">
      <path
        fill="currentColor"
        d="M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm0 5.25a.75.75 0 0 0-.75.75v3.75a.75.75 0 0 0 1.5 0V7.5A.75.75 0 0 0 8 6.75ZM8 4a.9.9 0 1 0 0 1.8A.9.9 0 0 0 8 4Z"
      />
    </svg>
  );
}
