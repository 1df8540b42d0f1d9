import { coord, DEFAULT_BOX, plotX, plotY, type PlotBox } from './plot';

/** One line: a value per x (null where it has none), drawn in its own colour, dash and marker. */
export interface LineSeries {
  name: string;
  label: string;
  values: ReadonlyArray<number | null>;
  /** Tailwind stroke and fill classes for light and dark. */
  stroke: string;
  fill: string;
  /** SVG dash pattern: colour is never the only difference between lines. */
  dash?: string;
  marker: 'circle' | 'square' | 'diamond';
}

export interface LinePoint {
  series: string;
  index: number;
  value: number;
  x: number;
  y: number;
}

/** Where each value is drawn: x spread evenly over the categories, y between `min` and `max`. */
export function linePoints(series: readonly LineSeries[], categories: number, min: number, max: number, box: PlotBox = DEFAULT_BOX): LinePoint[] {
  const span = max - min || 1;
  const xOf = (i: number): number => plotX(box, categories <= 1 ? 0.5 : i / (categories - 1));
  return series.flatMap((s) =>
    s.values.flatMap((value, index) =>
      value === null || !Number.isFinite(value)
        ? []
        : [{ series: s.name, index, value, x: coord(xOf(index)), y: coord(plotY(box, Math.max(0, Math.min(1, (value - min) / span)))) }],
    ),
  );
}

export interface LineChartProps {
  series: readonly LineSeries[];
  /** The x categories' labels (dates, in the page's locale), one per value. */
  categories: readonly string[];
  min: number;
  max: number;
  /** y tick values, between min and max. */
  yTicks: readonly number[];
  label: string;
  yLabel: string;
  formatTick: (value: number) => string;
  /** Each point's tooltip and accessible description. */
  describePoint: (series: LineSeries, index: number, value: number) => string;
  box?: PlotBox;
}

function Marker({ shape, x, y, class: className }: { shape: LineSeries['marker']; x: number; y: number; class: string }) {
  if (shape === 'square') return <rect x={coord(x - 3)} y={coord(y - 3)} width="6" height="6" class={className} />;
  if (shape === 'diamond')
    return <path d={`M${coord(x)} ${coord(y - 4)}L${coord(x + 4)} ${coord(y)}L${coord(x)} ${coord(y + 4)}L${coord(x - 4)} ${coord(y)}Z`} class={className} />;
  return <circle cx={x} cy={y} r="3.2" class={className} />;
}

/**
 * Lines over a few dated points (the replay backtest's AUC per day): each series its own
 * colour, dash and marker, with a legend, gridlines at the y ticks and every other date
 * written under the axis (at most six, the last always).
 */
export function LineChart({ series, categories, min, max, yTicks, label, yLabel, formatTick, describePoint, box = DEFAULT_BOX }: LineChartProps) {
  const points = linePoints(series, categories.length, min, max, box);
  const x0 = plotX(box, 0);
  const x1 = plotX(box, 1);
  const y0 = plotY(box, 0);
  const span = max - min || 1;
  // At most six dates under the axis: more would overlap at this width.
  const every = Math.max(1, Math.ceil(categories.length / 6));
  return (
    <figure class="m-0 min-w-0">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} class="block h-auto w-full max-w-xl" data-chart="line">
        {yTicks.map((t) => {
          const y = coord(plotY(box, (t - min) / span));
          return (
            <g key={t}>
              <line x1={x0} x2={x1} y1={y} y2={y} class="stroke-slate-200 dark:stroke-slate-700" stroke-width="1" />
              <text x={x0 - 6} y={y + 3} text-anchor="end" class="fill-slate-500 text-[10px] dark:fill-slate-400">
                {formatTick(t)}
              </text>
            </g>
          );
        })}
        {categories.map((c, i) =>
          i % every === (categories.length - 1) % every ? (
            <text
              key={c}
              x={coord(plotX(box, categories.length <= 1 ? 0.5 : i / (categories.length - 1)))}
              y={y0 + 14}
              text-anchor="middle"
              class="fill-slate-500 text-[10px] dark:fill-slate-400"
            >
              {c}
            </text>
          ) : null,
        )}
        <text
          x={12}
          y={coord((box.top + y0) / 2)}
          text-anchor="middle"
          transform={`rotate(-90 12 ${coord((box.top + y0) / 2)})`}
          class="fill-slate-600 text-[10px] dark:fill-slate-300"
        >
          {yLabel}
        </text>
        {series.map((s) => {
          const own = points.filter((p) => p.series === s.name);
          return (
            <g key={s.name} data-series={s.name}>
              <polyline points={own.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke-width="2" stroke-dasharray={s.dash} class={s.stroke} />
              {own.map((p) => (
                <g key={p.index} data-point={`${s.name}-${p.index}`}>
                  <title>{describePoint(s, p.index, p.value)}</title>
                  <Marker shape={s.marker} x={p.x} y={p.y} class={s.fill} />
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption class="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
        {series.map((s) => (
          <span key={s.name} class="flex items-center gap-1.5" data-legend={s.name}>
            <svg viewBox="0 0 24 10" class="h-2.5 w-6" aria-hidden="true">
              <line x1="1" x2="23" y1="5" y2="5" stroke-width="2" stroke-dasharray={s.dash} class={s.stroke} />
              <Marker shape={s.marker} x={12} y={5} class={s.fill} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
