import type { ComponentChildren } from 'preact';
import { cx } from '../ui/cx';
import { clampPosition, rangeDomain, type ScaleKind } from './scale';

export type MarkerShape = 'diamond' | 'line';

/** A value shown against the range: the CRM's value (a diamond), today (a dashed line). */
export interface RangeMarker {
  value: number;
  shape: MarkerShape;
  /** 'alert' draws the marker in the warning colour (a CRM date that will likely slip). */
  emphasis?: 'normal' | 'alert';
  /** The legend's text for it, already formatted ("CRM close date Jul 2, 2026"). */
  label: ComponentChildren;
}

export interface RangeChartProps {
  /** P10, P50, P90 (numbers: day numbers for dates, amounts for money). */
  low: number;
  mid: number;
  high: number;
  markers?: RangeMarker[];
  /** 'log' for amounts, whose ranges are skewed. */
  scale?: ScaleKind;
  /** Legend text for the P10–P90 band and for the P50 tick. */
  rangeLabel: ComponentChildren;
  midLabel: ComponentChildren;
  class?: string;
}

const pct = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;

/**
 * A one-line range chart: the P10–P90 band, the P50 tick and markers on one axis, with a
 * legend. The drawing is hidden from assistive tech; the legend (a list) is its text.
 * Markers far outside the range are drawn at the edge as an arrow (see `rangeDomain`).
 */
export function RangeChart({ low, mid, high, markers = [], scale = 'linear', rangeLabel, midLabel, class: className }: RangeChartProps) {
  const domain = rangeDomain(low, high, [mid, ...markers.map((m) => m.value)], scale);
  const lowAt = clampPosition(domain, low).at;
  const highAt = clampPosition(domain, high).at;
  const midAt = clampPosition(domain, mid).at;
  return (
    <div class={cx('min-w-0', className)}>
      <div class="px-2">
        <svg width="100%" height="40" overflow="visible" aria-hidden="true" focusable="false" class="block" data-chart="range">
          <line x1="0" x2="100%" y1="20" y2="20" stroke-width="1" class="stroke-slate-300 dark:stroke-slate-600" />
          <rect
            x={pct(lowAt)}
            width={pct(Math.max(highAt - lowAt, 0.005))}
            y="12"
            height="16"
            rx="4"
            stroke-width="1"
            class="fill-indigo-100 stroke-indigo-300 dark:fill-indigo-900/70 dark:stroke-indigo-700"
          />
          <line x1={pct(midAt)} x2={pct(midAt)} y1="8" y2="32" stroke-width="3" stroke-linecap="round" class="stroke-indigo-600 dark:stroke-indigo-300" />
          {markers.map((marker, i) => {
            const { at, clipped } = clampPosition(domain, marker.value);
            const alert = marker.emphasis === 'alert';
            if (marker.shape === 'line') {
              return (
                <line
                  key={i}
                  x1={pct(at)}
                  x2={pct(at)}
                  y1="2"
                  y2="38"
                  stroke-width="1.5"
                  stroke-dasharray="3 2.5"
                  class={alert ? 'stroke-amber-600 dark:stroke-amber-400' : 'stroke-slate-500 dark:stroke-slate-400'}
                />
              );
            }
            const points = clipped === 'start' ? '2,-6 -6,0 2,6' : clipped === 'end' ? '-2,-6 6,0 -2,6' : '0,-6.5 6.5,0 0,6.5 -6.5,0';
            return (
              <svg key={i} x={pct(at)} y="20" overflow="visible">
                <polygon
                  points={points}
                  stroke-width="1.5"
                  stroke-linejoin="round"
                  class={cx('stroke-white dark:stroke-slate-900', alert ? 'fill-amber-500 dark:fill-amber-400' : 'fill-slate-700 dark:fill-slate-200')}
                />
              </svg>
            );
          })}
        </svg>
      </div>
      <ul class="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
        <li class="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            class="inline-block h-2.5 w-4 rounded-sm border border-indigo-300 bg-indigo-100 dark:border-indigo-700 dark:bg-indigo-900/70"
          />
          <span>{rangeLabel}</span>
        </li>
        <li class="flex items-center gap-1.5">
          <span aria-hidden="true" class="inline-block h-3 w-[3px] rounded-full bg-indigo-600 dark:bg-indigo-300" />
          <span>{midLabel}</span>
        </li>
        {markers.map((marker, i) => (
          <li key={i} class="flex items-center gap-1.5">
            {marker.shape === 'line' ? (
              <span
                aria-hidden="true"
                class={cx(
                  'inline-block h-3 w-0 border-l-[1.5px] border-dashed',
                  marker.emphasis === 'alert' ? 'border-amber-600 dark:border-amber-400' : 'border-slate-500 dark:border-slate-400',
                )}
              />
            ) : (
              <span
                aria-hidden="true"
                class={cx('inline-block size-2 rotate-45', marker.emphasis === 'alert' ? 'bg-amber-500 dark:bg-amber-400' : 'bg-slate-700 dark:bg-slate-200')}
              />
            )}
            <span>{marker.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
