/**
 * The popup's benchmark hook: times the first render of the ranked pipeline with N open
 * deals (10,000 by default) in a happy-dom document, plus a re-sort on every column and
 * the filters on the same rows. For `npm run bench`:
 *
 *   import { benchPopupRender } from '../pipeline/bench-render';
 *   const result = await benchPopupRender({ rows: 10_000 });
 *
 * happy-dom has no layout or paint, so this times Dealsight's own work (indexing, sorting,
 * filtering, building the DOM of the visible rows), not the browser's. The real-browser
 * number is the `dealsight:popup:render` performance measure the popup records (App.tsx),
 * readable from the e2e build's `popup.html?demo=pipeline&rows=10000`.
 */
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { Pipeline } from '../../components/pipeline/Pipeline';
import { buildIndex, COLUMNS, DEFAULT_SORT, EMPTY_FILTERS, filterOrder, resolveMe, sortOrder, type ColumnKey } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import { syntheticRows } from './fixtures';

export interface PopupRenderBench {
  rows: number;
  /** Pipeline mounted with its first rows in the DOM (median of `runs`). */
  firstRenderMs: number;
  /** Rows in the DOM after the first render: the virtual list's window, not N. */
  rowsInDom: number;
  /** Sorting a fresh index by each column, then the same column again (keys cached). */
  sortMs: Record<ColumnKey, { first: number; again: number }>;
  /** The first search (builds the normalized text of every row), then a second one. */
  searchMs: { first: number; again: number };
  /** Reporting level "my team" plus a type filter on the sorted order. */
  filterMs: number;
}

const GLOBALS = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'Event',
  'KeyboardEvent',
  'MouseEvent',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;

function withDom<T>(fn: () => T): T {
  const window = new Window({ width: 780, height: 600 });
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const name of GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const value = (window as unknown as Record<string, unknown>)[name];
    Object.defineProperty(globalThis, name, {
      value: typeof value === 'function' && name.endsWith('AnimationFrame') ? value.bind(window) : value,
      configurable: true,
      writable: true,
    });
  }
  try {
    return fn();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
    void window.happyDOM.close();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function firstRender(rows: readonly PipelineRow[]): { ms: number; rowsInDom: number } {
  return withDom(() => {
    const container = document.createElement('div');
    document.body.append(container);
    const noop = (): void => undefined;
    const ms = time(() =>
      act(() => {
        render(
          h(Pipeline, {
            rows,
            filters: EMPTY_FILTERS,
            sort: DEFAULT_SORT,
            onFiltersChange: noop,
            onSortChange: noop,
            me: null,
            onMeChange: noop,
            segments: [],
            onSaveSegment: async () => undefined,
            onDeleteSegment: async () => undefined,
            onOpen: noop,
            estimatedWidth: 764,
            estimatedHeight: 420,
          }),
          container,
        );
      }),
    );
    const rowsInDom = container.querySelectorAll('[role="row"][data-row]').length;
    act(() => render(null, container));
    return { ms, rowsInDom };
  });
}

export async function benchPopupRender(options: { rows?: number | readonly PipelineRow[]; runs?: number } = {}): Promise<PopupRenderBench> {
  const rows = Array.isArray(options.rows) ? (options.rows as readonly PipelineRow[]) : syntheticRows((options.rows as number | undefined) ?? 10_000, 7);
  const runs = options.runs ?? 5;
  // Warm the JIT once, as a popup opened the second time would be.
  firstRender(rows);
  const renders = Array.from({ length: runs }, () => firstRender(rows));

  // Each step on a fresh index (nothing cached), median of `runs`.
  const fresh = <T>(fn: (index: ReturnType<typeof buildIndex>) => T): number =>
    median(
      Array.from({ length: runs }, () => {
        const index = buildIndex(rows);
        return time(() => fn(index));
      }),
    );
  const sortMs = {} as PopupRenderBench['sortMs'];
  for (const column of COLUMNS) {
    const first = fresh((index) => sortOrder(index, { column: column.key, direction: 'asc' }));
    const warm = buildIndex(rows);
    sortOrder(warm, { column: column.key, direction: 'asc' });
    const again = median(Array.from({ length: runs }, () => time(() => sortOrder(warm, { column: column.key, direction: 'desc' }))));
    sortMs[column.key] = { first, again };
  }
  const index = buildIndex(rows);
  const order = sortOrder(index, DEFAULT_SORT);
  const searchFirst = fresh((i) => filterOrder(i, order, { ...EMPTY_FILTERS, search: 'acme' }, null));
  filterOrder(index, order, { ...EMPTY_FILTERS, search: 'acme' }, null);
  const searchAgain = median(Array.from({ length: runs }, () => time(() => filterOrder(index, order, { ...EMPTY_FILTERS, search: 'acme 1' }, null))));
  const someone = rows.find((r) => r.owner !== null)?.owner ?? null;
  const me = resolveMe(rows, someone);
  const filterMs = median(
    Array.from({ length: runs }, () => time(() => filterOrder(index, order, { ...EMPTY_FILTERS, level: 'team', type: rows[0]?.type ?? null }, me))),
  );

  return {
    rows: rows.length,
    firstRenderMs: median(renders.map((r) => r.ms)),
    rowsInDom: renders[0]?.rowsInDom ?? 0,
    sortMs,
    searchMs: { first: searchFirst, again: searchAgain },
    filterMs,
  };
}
