import { coord, DEFAULT_BOX, niceMax, plotX, plotY, ticks, type PlotBox } from './plot';

export interface Column {
  key: string;
  /** Height in the chart's units (≥ 0); NaN draws no bar. */
  value: number;
  /** Text under the column. */
  tick: string;
  /** The column's tooltip and accessible description. */
  title: string;
}

export interface ColumnRect {
  column: Column;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each column is drawn on an axis from 0 to `max`. */
export function columnRects(columns: readonly Column[], max: number, box: PlotBox = DEFAULT_BOX): ColumnRect[] {
  const slot = (box.width - box.left - box.right) / Math.max(1, columns.length);
  const gap = Math.min(6, slot * 0.2);
  return columns.map((column, i) => {
    const value = Number.isFinite(column.value) ? Math.max(0, column.value) : 0;
    const top = plotY(box, Math.min(1, value / max));
    return { column, x: coord(box.left + i * slot + gap / 2), y: coord(top), width: coord(slot - gap), height: coord(plotY(box, 0) - top) };
  });
}

export interface ColumnChartProps {
  columns: readonly Column[];
  /** The axis maximum; by default a round number above the tallest column. */
  max?: number;
  /** A dashed horizontal line (the overall win rate), with its legend text. */
  reference?: { value: number; label: string };
  label: string;
  xLabel: string;
  yLabel: string;
  formatTick: (value: number) => string;
  /**
   * Labels of the edges between columns, first edge to last (columns + 1 of them), for
   * columns that are ranges (a histogram's "0%, 10%, … 100%"); the columns' own ticks are then not drawn.
   */
  edgeTicks?: readonly string[];
  /** Colour of the bars. */
  tone?: 'accent' | 'positive';
  box?: PlotBox;
  name?: string;
}

/** Vertical columns with a value axis, an optional reference line, and a title per column. */
export function ColumnChart({
  columns,
  max,
  reference,
  label,
  xLabel,
  yLabel,
  formatTick,
  edgeTicks,
  tone = 'accent',
  box = DEFAULT_BOX,
  name,
}: ColumnChartProps) {
  const top = max ?? niceMax(Math.max(0, ...columns.map((c) => (Number.isFinite(c.value) ? c.value : 0)), reference?.value ?? 0));
  const rects = columnRects(columns, top, box);
  const x0 = plotX(box, 0);
  const x1 = plotX(box, 1);
  const y0 = plotY(box, 0);
  const y1 = plotY(box, 1);
  const fill = tone === 'positive' ? 'fill-emerald-500 dark:fill-emerald-400' : 'fill-indigo-500 dark:fill-indigo-400';
  return (
    <figure class="m-0 min-w-0">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} class="block h-auto w-full max-w-xl" data-chart={name}>
        {ticks(top).map((t) => (
          <g key={t}>
            <line
              x1={x0}
              x2={x1}
              y1={coord(plotY(box, t / top))}
              y2={coord(plotY(box, t / top))}
              class="stroke-slate-200 dark:stroke-slate-700"
              stroke-width="1"
            />
            <text x={x0 - 6} y={coord(plotY(box, t / top)) + 3} text-anchor="end" class="fill-slate-500 text-[10px] dark:fill-slate-400">
              {formatTick(t)}
            </text>
          </g>
        ))}
        {rects.map((r) => (
          <g key={r.column.key}>
            {Number.isFinite(r.column.value) ? (
              <rect x={r.x} y={r.y} width={r.width} height={r.height} rx="2" class={fill} data-value={r.column.value} data-key={r.column.key}>
                <title>{r.column.title}</title>
              </rect>
            ) : null}
            {edgeTicks ? null : (
              <text x={coord(r.x + r.width / 2)} y={y0 + 14} text-anchor="middle" class="fill-slate-500 text-[10px] dark:fill-slate-400">
                {r.column.tick}
              </text>
            )}
          </g>
        ))}
        {edgeTicks?.map((tick, i) => (
          <text
            key={i}
            x={coord(plotX(box, i / Math.max(1, edgeTicks.length - 1)))}
            y={y0 + 14}
            text-anchor="middle"
            class="fill-slate-500 text-[10px] dark:fill-slate-400"
          >
            {tick}
          </text>
        ))}
        {reference && Number.isFinite(reference.value) ? (
          <line
            x1={x0}
            x2={x1}
            y1={coord(plotY(box, Math.min(1, reference.value / top)))}
            y2={coord(plotY(box, Math.min(1, reference.value / top)))}
            stroke-dasharray="4 3"
            stroke-width="1.5"
            class="stroke-amber-600 dark:stroke-amber-400"
            data-series="reference"
            data-value={reference.value}
          >
            <title>{reference.label}</title>
          </line>
        ) : null}
        <line x1={x0} x2={x1} y1={y0} y2={y0} class="stroke-slate-400 dark:stroke-slate-500" stroke-width="1" />
        <text x={(x0 + x1) / 2} y={box.height - 6} text-anchor="middle" class="fill-slate-600 text-[11px] dark:fill-slate-300">
          {xLabel}
        </text>
        <text
          x={12}
          y={(y0 + y1) / 2}
          text-anchor="middle"
          transform={`rotate(-90 12 ${(y0 + y1) / 2})`}
          class="fill-slate-600 text-[11px] dark:fill-slate-300"
        >
          {yLabel}
        </text>
      </svg>
      {reference ? (
        <figcaption class="mt-1 flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
          <span aria-hidden="true" class="inline-block w-4 border-t-[1.5px] border-dashed border-amber-600 dark:border-amber-400" />
          {reference.label}
        </figcaption>
      ) : null}
    </figure>
  );
}
