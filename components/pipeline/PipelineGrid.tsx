/**
 * The ranked pipeline as an ARIA grid (https://www.w3.org/WAI/ARIA/apg/patterns/grid/):
 * sortable column headers are buttons, the body is a virtual list of rows.
 *
 * Focus stays on the grid element and `aria-activedescendant` names the active row,
 * rather than moving DOM focus from row to row: with virtualization the focused row may
 * scroll out and be unmounted, which would drop focus to the page. ↑/↓, Page Up/Down and
 * Home/End move the active row (scrolling it into view), Enter opens it.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PipelineRow } from '../../lib/panel-data';
import { columnsForWidth, gridTemplate, type ColumnDef, type ColumnKey } from '../../lib/pipeline/columns';
import type { SortSpec } from '../../lib/pipeline/sort';
import { rowsPerPage, scrollToReveal } from '../../lib/pipeline/virtual';
import { AmountCell, DateCell, DaysInStageCell, HealthCell, NameCell, PredictedCloseCell, RepeatBuyerCell, TextCell, WinCell } from './cells';
import { tp, type PopupPlainKey } from './i18n';
import { VirtualList, type VirtualListController } from './VirtualList';

/** Two lines (name, account) at a comfortable target size. */
export const ROW_HEIGHT = 44;
const DEFAULT_WIDTH = 764;
const DEFAULT_HEIGHT = 400;

const LABELS: Record<ColumnKey, { short: PopupPlainKey; full: PopupPlainKey }> = {
  name: { short: 'popup_colName', full: 'popup_colNameFull' },
  amount: { short: 'popup_colAmount', full: 'popup_colAmountFull' },
  stage: { short: 'popup_colStage', full: 'popup_colStageFull' },
  daysInStage: { short: 'popup_colDaysInStage', full: 'popup_colDaysInStageFull' },
  health: { short: 'popup_colHealth', full: 'popup_colHealthFull' },
  closeDate: { short: 'popup_colCloseDate', full: 'popup_colCloseDateFull' },
  repeatBuyerPotential: { short: 'popup_colRepeatBuyerPotential', full: 'popup_colRepeatBuyerPotentialFull' },
  winPotential: { short: 'popup_colWinPotential', full: 'popup_colWinPotentialFull' },
  forecastCategory: { short: 'popup_colForecastCategory', full: 'popup_colForecastCategoryFull' },
  predictedClose: { short: 'popup_colPredictedClose', full: 'popup_colPredictedCloseFull' },
};

export interface PipelineGridProps {
  rows: readonly PipelineRow[];
  /** Positions into `rows`, in display order (sorted and filtered). */
  order: Uint32Array;
  sort: SortSpec;
  onSort: (column: ColumnKey) => void;
  onOpen: (row: PipelineRow) => void;
  /** Changes when the user re-sorts or re-filters: the list then returns to the top. */
  resetKey?: string;
  /** Layout before measuring (first paint, DOMs without layout). */
  estimatedWidth?: number;
  estimatedHeight?: number;
  class?: string;
}

export function PipelineGrid({
  rows,
  order,
  sort,
  onSort,
  onOpen,
  resetKey = '',
  estimatedWidth = DEFAULT_WIDTH,
  estimatedHeight = DEFAULT_HEIGHT,
  class: className = '',
}: PipelineGridProps) {
  const id = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<VirtualListController | null>(null);
  const [width, setWidth] = useState(estimatedWidth);
  const [active, setActive] = useState(-1);
  const count = order.length;

  useLayoutEffect(() => {
    const element = wrapperRef.current;
    if (!element) return;
    const read = (): void => {
      const scroller = scrollerRef.current;
      // The rows' width: the grid less the scrollbar gutter.
      const inner = scroller && scroller.clientWidth > 0 ? scroller.clientWidth : element.clientWidth;
      if (inner > 0) setWidth(inner);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const columns = useMemo(() => columnsForWidth(width), [width]);
  const template = useMemo(() => gridTemplate(columns), [columns]);

  // A new sort or filter starts from the top; a data reload keeps the place.
  const firstReset = useRef(true);
  useEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    listRef.current?.scrollTo(0);
    setActive((a) => (a === -1 ? -1 : 0));
  }, [resetKey]);
  useEffect(() => {
    setActive((a) => (a >= count ? count - 1 : a));
  }, [count]);

  const reveal = (index: number): void => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const height = scroller.clientHeight || estimatedHeight;
    const top = scrollToReveal(index, scroller.scrollTop, height, ROW_HEIGHT);
    if (top !== scroller.scrollTop) listRef.current?.scrollTo(top);
  };

  const move = (index: number): void => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    reveal(next);
  };

  const rowAt = (position: number): PipelineRow | undefined => {
    const index = order[position];
    return index === undefined ? undefined : rows[index];
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    const page = rowsPerPage(scrollerRef.current?.clientHeight || estimatedHeight, ROW_HEIGHT);
    const current = active === -1 ? 0 : active;
    switch (event.key) {
      case 'ArrowDown':
        move(active === -1 ? 0 : current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'PageDown':
        move(current + page);
        break;
      case 'PageUp':
        move(current - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'Enter': {
        const row = active === -1 ? undefined : rowAt(active);
        if (row) onOpen(row);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  // Focus from the keyboard shows the active row (the first, initially); focus from a
  // click must not scroll, or the row under the pointer would move before the click lands.
  const pointerDown = useRef(false);
  const onFocus = (event: JSX.TargetedFocusEvent<HTMLDivElement>): void => {
    if (pointerDown.current) {
      pointerDown.current = false;
      return;
    }
    if (event.target !== event.currentTarget || count === 0) return;
    if (active === -1) move(0);
    else reveal(active);
  };

  const rowId = (position: number): string => `${id}-row-${position}`;

  const renderRow = (position: number) => {
    const row = rowAt(position);
    if (!row) return null;
    const isActive = position === active;
    return (
      <div
        key={`${row.connectionId}:${row.id}`}
        id={rowId(position)}
        role="row"
        aria-rowindex={position + 2}
        data-row={position}
        class={`grid cursor-pointer items-center border-b border-slate-100 text-xs text-slate-700 dark:border-slate-800 dark:text-slate-300 ${
          isActive
            ? 'bg-sky-50 group-focus-visible:outline-2 group-focus-visible:-outline-offset-2 group-focus-visible:outline-sky-600 dark:bg-sky-400/10 dark:group-focus-visible:outline-sky-400'
            : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
        }`}
        style={{ gridTemplateColumns: template, height: `${ROW_HEIGHT}px` }}
        onClick={() => {
          setActive(position);
          onOpen(row);
        }}
      >
        {columns.map((column) => (
          <div key={column.key} role="gridcell" class={`min-w-0 px-1 ${column.key === 'name' ? 'pl-3' : ''} ${column.align === 'end' ? 'text-right' : ''}`}>
            <Cell column={column.key} row={row} />
          </div>
        ))}
      </div>
    );
  };

  // The header row comes first in the DOM, so Tab reaches the sort buttons before the rows;
  // `aria-owns` puts it inside the grid for assistive tech, ahead of the body.
  return (
    <div ref={wrapperRef} class={`flex min-h-0 flex-col ${className}`}>
      <div
        id={`${id}-head`}
        role="rowgroup"
        class="overflow-hidden border-b border-slate-200 bg-slate-50/80 [scrollbar-gutter:stable] dark:border-slate-700 dark:bg-slate-800/50"
      >
        <div role="row" aria-rowindex={1} class="grid" style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
          ))}
        </div>
      </div>
      <div
        ref={gridRef}
        role="grid"
        aria-label={tp('popup_gridLabel')}
        aria-owns={`${id}-head ${id}-body`}
        aria-rowcount={count + 1}
        aria-colcount={columns.length}
        aria-activedescendant={active >= 0 && active < count ? rowId(active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onPointerDown={() => {
          pointerDown.current = true;
        }}
        onPointerUp={() => {
          pointerDown.current = false;
        }}
        class="group flex min-h-0 flex-1 flex-col outline-none"
      >
        <VirtualList
          id={`${id}-body`}
          role="rowgroup"
          // Chrome makes scrollable elements tab stops of their own; the grid is the one stop,
          // and a click in the rows (which focuses the scroller) hands focus back to it.
          tabIndex={-1}
          onFocus={() => gridRef.current?.focus({ preventScroll: true })}
          class="min-h-0 flex-1 outline-none [scrollbar-gutter:stable] [scrollbar-width:thin]"
          count={count}
          rowHeight={ROW_HEIGHT}
          overscan={6}
          estimatedHeight={estimatedHeight}
          scrollerRef={scrollerRef}
          controllerRef={listRef}
          renderRow={renderRow}
        />
      </div>
    </div>
  );
}

function HeaderCell({ column, sort, onSort }: { column: ColumnDef; sort: SortSpec; onSort: (column: ColumnKey) => void }) {
  const sorted = sort.column === column.key ? sort.direction : null;
  const labels = LABELS[column.key];
  const full = tp(labels.full);
  return (
    <div role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} class="min-w-0">
      <button
        type="button"
        onClick={() => onSort(column.key)}
        aria-label={full}
        title={sorted ? `${full}, ${tp(sorted === 'asc' ? 'popup_sortAscending' : 'popup_sortDescending')}` : full}
        class={`flex h-9 w-full items-center gap-1 px-1 ${column.key === 'name' ? 'pl-3' : ''} text-[11px] leading-tight font-semibold tracking-wide text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:text-slate-400 dark:hover:bg-slate-700/60 dark:hover:text-slate-100 dark:focus-visible:outline-sky-400 ${
          column.align === 'end' ? 'flex-row-reverse text-right' : 'text-left'
        } ${sorted ? 'text-slate-900 dark:text-slate-100' : ''}`}
      >
        <span class="min-w-0">{tp(labels.short)}</span>
        <SortArrow direction={sorted} />
      </button>
    </div>
  );
}

function SortArrow({ direction }: { direction: 'asc' | 'desc' | null }) {
  return (
    <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" class={`shrink-0 ${direction ? 'text-sky-600 dark:text-sky-400' : 'invisible'}`}>
      <path fill="currentColor" d={direction === 'asc' ? 'M6 2.5 10 8H2z' : 'M6 9.5 2 4h8z'} />
    </svg>
  );
}

function Cell({ column, row }: { column: ColumnKey; row: PipelineRow }) {
  switch (column) {
    case 'name':
      return <NameCell row={row} />;
    case 'amount':
      return <AmountCell row={row} />;
    case 'stage':
      return <TextCell value={row.stage} />;
    case 'daysInStage':
      return <DaysInStageCell row={row} />;
    case 'health':
      return <HealthCell row={row} />;
    case 'closeDate':
      return <DateCell date={row.closeDate} />;
    case 'repeatBuyerPotential':
      return <RepeatBuyerCell row={row} />;
    case 'winPotential':
      return <WinCell row={row} />;
    case 'forecastCategory':
      return <TextCell value={row.forecastCategory} />;
    case 'predictedClose':
      return <PredictedCloseCell row={row} />;
  }
}
