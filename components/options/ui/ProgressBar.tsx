/**
 * A determinate progress bar (`total > 0`) or an indeterminate one, exposed as an ARIA
 * progressbar: `aria-valuenow` only when the amount is known.
 */
import { formatPercent } from '../../../lib/format';

export interface ProgressBarProps {
  /** The accessible name ("Import progress"). */
  label: string;
  done: number;
  total: number;
  /** Spoken instead of the bare number ("Reading rows: 1,200 of 8,800"). */
  valueText?: string;
  tone?: 'accent' | 'success' | 'danger' | 'muted';
  size?: 'sm' | 'md';
}

const TONES = {
  accent: 'bg-indigo-600 dark:bg-indigo-400',
  success: 'bg-emerald-500 dark:bg-emerald-400',
  danger: 'bg-rose-500 dark:bg-rose-400',
  muted: 'bg-slate-400 dark:bg-slate-500',
} as const;

export function ProgressBar({ label, done, total, valueText, tone = 'accent', size = 'md' }: ProgressBarProps) {
  const known = total > 0;
  const share = known ? Math.min(1, Math.max(0, done / total)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? Math.min(done, total) : undefined}
      aria-valuetext={valueText ?? (known ? formatPercent(share) : undefined)}
      class={`relative w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700 ${size === 'sm' ? 'h-1.5' : 'h-2'}`}
    >
      {known ? (
        <div
          class={`h-full rounded-full transition-[width] duration-300 ${TONES[tone]}`}
          style={{ width: share > 0 ? `max(${share * 100}%, 0.25rem)` : '0' }}
        />
      ) : (
        <div
          class={`absolute inset-y-0 w-1/3 animate-[ds-indeterminate_1.4s_ease-in-out_infinite] rounded-full motion-reduce:animate-none motion-reduce:w-full motion-reduce:opacity-50 ${TONES[tone]}`}
        />
      )}
    </div>
  );
}
