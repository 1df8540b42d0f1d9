import { cx } from './cx';

export interface SkeletonProps {
  /** Size it with classes (`h-4 w-24`). */
  class?: string;
  /** 'circle' for avatars and gauges. */
  shape?: 'block' | 'circle';
  /** Width as a share of the parent, 0..1 (instead of a width class). */
  width?: number;
}

/** A grey placeholder while content loads. Hidden from assistive tech: announce loading once, elsewhere. */
export function Skeleton({ class: className, shape = 'block', width }: SkeletonProps) {
  return (
    <div
      aria-hidden="true"
      style={width !== undefined ? { width: `${Math.round(width * 100)}%` } : undefined}
      class={cx('animate-pulse bg-slate-200 motion-reduce:animate-none dark:bg-slate-700/70', shape === 'circle' ? 'rounded-full' : 'rounded-md', className)}
    />
  );
}
