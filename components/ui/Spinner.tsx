import { cx } from './cx';
import { useLocale } from './locale';

export interface SpinnerProps {
  /** What is loading, for assistive tech (default "Loading…"). */
  label?: string;
  class?: string;
}

/** An indeterminate progress ring in a `role="status"` region. */
export function Spinner({ label, class: className }: SpinnerProps) {
  const { t } = useLocale();
  return (
    <span role="status" class={cx('inline-flex items-center gap-2 text-slate-500 dark:text-slate-400', className)}>
      <svg viewBox="0 0 24 24" class="size-4 animate-spin motion-reduce:animate-none" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-opacity="0.25" stroke-width="3" />
        <path d="M21 12a9 9 0 00-9-9" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
      </svg>
      <span class="sr-only">{label ?? t('common_loading')}</span>
    </span>
  );
}
