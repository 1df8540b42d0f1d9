import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { Button } from './Button';
import type { HeadingLevel } from './Card';
import { cx } from './cx';
import { Icon } from './icons';
import { useLocale } from './locale';

export interface ErrorStateProps {
  title: ComponentChildren;
  /** The error as the user should read it (shown as text, never as markup). */
  message: string;
  /** Shows a retry button when given. */
  onRetry?: () => void;
  retryLabel?: string;
  /** More actions beside the retry button. */
  actions?: ComponentChildren;
  level?: HeadingLevel;
  class?: string;
  name?: string;
}

/** Something failed: what, the error's own words, and a way to try again. Announced as an alert. */
export function ErrorState({ title, message, onRetry, retryLabel, actions, level = 2, class: className, name }: ErrorStateProps) {
  const { t } = useLocale();
  const id = useId();
  const Heading = `h${level}` as 'h2';
  return (
    <section
      role="alert"
      aria-labelledby={id}
      data-state={name}
      class={cx('flex flex-col gap-2 rounded-xl border border-rose-200 bg-rose-50 p-4 dark:border-rose-900 dark:bg-rose-950/60', className)}
    >
      <div class="flex items-start gap-2">
        <Icon name="error" class="mt-0.5 size-5 text-rose-600 dark:text-rose-400" />
        <div class="min-w-0">
          <Heading id={id} class="text-sm font-semibold text-rose-900 dark:text-rose-100">
            {title}
          </Heading>
          <p class="mt-0.5 text-sm break-words text-rose-800 dark:text-rose-200">{message}</p>
        </div>
      </div>
      {onRetry || actions ? (
        <div class="flex flex-wrap gap-2 pl-7">
          {onRetry ? (
            <Button size="sm" icon="refresh" onClick={onRetry}>
              {retryLabel ?? t('common_retry')}
            </Button>
          ) : null}
          {actions}
        </div>
      ) : null}
    </section>
  );
}
