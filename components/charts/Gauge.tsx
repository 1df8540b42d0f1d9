import { cx } from '../ui/cx';
import { TONE_STROKE, type Tone } from '../ui/tone';

export interface GaugeProps {
  /** The value, 0..max. */
  value: number;
  max?: number;
  /** Shown in the centre (already formatted for the locale). */
  display: string;
  /** Small text under the value ("/100"). */
  unit?: string;
  /** What the gauge says, in a sentence: the accessible name. */
  label: string;
  tone?: Tone;
  /** Diameter in px (default 72). */
  size?: number;
}

/** A ring gauge with the value in its centre, `role="img"` with `label` as its name. */
export function Gauge({ value, max = 100, display, unit, label, tone = 'accent', size = 72 }: GaugeProps) {
  const fraction = Math.max(0, Math.min(1, max > 0 ? value / max : 0));
  const r = 15.5;
  const circumference = 2 * Math.PI * r;
  return (
    <div role="img" aria-label={label} class="relative shrink-0" style={{ width: `${size}px`, height: `${size}px` }}>
      <svg viewBox="0 0 36 36" class="size-full -rotate-90" aria-hidden="true" focusable="false">
        <circle cx="18" cy="18" r={r} fill="none" stroke-width="3.5" class="stroke-slate-100 dark:stroke-slate-800" />
        {fraction > 0 ? (
          <circle
            cx="18"
            cy="18"
            r={r}
            fill="none"
            stroke-width="3.5"
            stroke-linecap="round"
            class={cx(TONE_STROKE[tone])}
            stroke-dasharray={`${(fraction * circumference).toFixed(3)} ${circumference.toFixed(3)}`}
          />
        ) : null}
      </svg>
      <div aria-hidden="true" class="absolute inset-0 flex flex-col items-center justify-center leading-none">
        <span class="text-xl font-semibold tracking-tight text-slate-900 tabular-nums dark:text-white">{display}</span>
        {unit ? <span class="mt-0.5 text-[0.625rem] text-slate-500 dark:text-slate-400">{unit}</span> : null}
      </div>
    </div>
  );
}
