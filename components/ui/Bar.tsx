import { cx } from './cx';
import { TONE_FILL, type Tone } from './tone';

export interface BarProps {
  /** 0..1 of the track filled. Values outside are clamped. */
  fraction: number;
  tone?: Tone;
  /** 'empty' draws a dashed outline instead of a track: a bar that has nothing (no match) but still takes its place. */
  variant?: 'track' | 'empty' | 'none';
  /** Track height (default 'md' = 8 px). */
  size?: 'sm' | 'md';
  class?: string;
}

/**
 * A horizontal bar (meters, attribute weights, factor sizes). Purely visual: it is hidden
 * from assistive technology, so put its value in text next to it.
 */
export function Bar({ fraction, tone = 'accent', variant = 'track', size = 'md', class: className }: BarProps) {
  const width = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  return (
    <div
      aria-hidden="true"
      class={cx(
        'relative w-full overflow-hidden rounded-full',
        size === 'sm' ? 'h-1.5' : 'h-2',
        variant === 'track' && 'bg-slate-100 dark:bg-slate-800',
        variant === 'empty' && 'outline-1 -outline-offset-1 outline-dashed outline-slate-300 dark:outline-slate-600',
        className,
      )}
    >
      <div class={cx('h-full rounded-full', TONE_FILL[tone])} style={{ width: `${(width * 100).toFixed(2)}%` }} />
    </div>
  );
}
