import type { CalibrationBin } from '../../lib/engine/metrics';
import { coord, DEFAULT_BOX, plotX, plotY, ticks, type PlotBox } from './plot';

export interface CalibrationPoint {
  bin: CalibrationBin;
  cx: number;
  cy: number;
  /** Radius: grows with the square root of the bin's deals, so area reads as count. */
  r: number;
}

/** Where each non-empty bin is drawn: x its mean predicted probability, y the share won. */
export function calibrationPoints(bins: readonly CalibrationBin[], box: PlotBox = DEFAULT_BOX): CalibrationPoint[] {
  const largest = Math.max(1, ...bins.map((b) => b.count));
  return bins
    .filter((bin) => bin.count > 0 && Number.isFinite(bin.meanPredicted) && Number.isFinite(bin.observedRate))
    .map((bin) => ({
      bin,
      cx: coord(plotX(box, bin.meanPredicted)),
      cy: coord(plotY(box, bin.observedRate)),
      r: coord(2.5 + 5.5 * Math.sqrt(bin.count / largest)),
    }));
}

export interface CalibrationChartProps {
  bins: readonly CalibrationBin[];
  /** The chart's accessible name: what it shows, in a sentence. */
  label: string;
  xLabel: string;
  yLabel: string;
  perfectLabel: string;
  /** A tick's text (a percentage, in the page's locale). */
  formatTick: (fraction: number) => string;
  /** Each point's tooltip and accessible description. */
  describePoint: (bin: CalibrationBin) => string;
  box?: PlotBox;
}

/**
 * A reliability curve: predicted win probability against the share actually won, one
 * point per probability band (sized by its deals), and the diagonal of perfect calibration.
 */
export function CalibrationChart({ bins, label, xLabel, yLabel, perfectLabel, formatTick, describePoint, box = DEFAULT_BOX }: CalibrationChartProps) {
  const points = calibrationPoints(bins, box);
  const x0 = plotX(box, 0);
  const x1 = plotX(box, 1);
  const y0 = plotY(box, 0);
  const y1 = plotY(box, 1);
  return (
    <figure class="m-0 min-w-0">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} class="block h-auto w-full max-w-xl" data-chart="calibration">
        {ticks(1).map((t) => (
          <g key={t}>
            <line x1={coord(plotX(box, t))} x2={coord(plotX(box, t))} y1={y0} y2={y1} class="stroke-slate-200 dark:stroke-slate-700" stroke-width="1" />
            <line x1={x0} x2={x1} y1={coord(plotY(box, t))} y2={coord(plotY(box, t))} class="stroke-slate-200 dark:stroke-slate-700" stroke-width="1" />
            <text x={coord(plotX(box, t))} y={y0 + 14} text-anchor="middle" class="fill-slate-500 text-[10px] dark:fill-slate-400">
              {formatTick(t)}
            </text>
            <text x={x0 - 6} y={coord(plotY(box, t)) + 3} text-anchor="end" class="fill-slate-500 text-[10px] dark:fill-slate-400">
              {formatTick(t)}
            </text>
          </g>
        ))}
        <line x1={x0} y1={y0} x2={x1} y2={y1} stroke-dasharray="4 3" stroke-width="1.5" class="stroke-slate-400 dark:stroke-slate-500" data-series="perfect">
          <title>{perfectLabel}</title>
        </line>
        {points.length > 1 ? (
          <polyline
            points={points.map((p) => `${p.cx},${p.cy}`).join(' ')}
            fill="none"
            stroke-width="2"
            stroke-linejoin="round"
            class="stroke-indigo-500 dark:stroke-indigo-400"
            data-series="observed"
          />
        ) : null}
        {points.map((p) => (
          <circle
            key={p.bin.from}
            cx={p.cx}
            cy={p.cy}
            r={p.r}
            stroke-width="1.5"
            class="fill-indigo-500/80 stroke-white dark:fill-indigo-400/80 dark:stroke-slate-900"
            data-predicted={p.bin.meanPredicted}
            data-observed={p.bin.observedRate}
            data-count={p.bin.count}
          >
            <title>{describePoint(p.bin)}</title>
          </circle>
        ))}
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
    </figure>
  );
}
