import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { HeadingLevel } from './Card';
import { cx } from './cx';
import { Icon, type IconName } from './icons';

export interface EmptyStateProps {
  title: ComponentChildren;
  /** What it means and what to do, in a sentence or two. */
  children?: ComponentChildren;
  icon?: IconName;
  /** Buttons or links under the text. */
  actions?: ComponentChildren;
  level?: HeadingLevel;
  class?: string;
  name?: string;
}

/** "Nothing to show yet, and here is why": a titled, centred message with optional actions. */
export function EmptyState({ title, children, icon = 'database', actions, level = 2, class: className, name }: EmptyStateProps) {
  const id = useId();
  const Heading = `h${level}` as 'h2';
  return (
    <section
      aria-labelledby={id}
      data-state={name}
      class={cx(
        'flex flex-col items-center gap-2 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center dark:border-slate-600 dark:bg-slate-900',
        className,
      )}
    >
      <span class="flex size-9 items-center justify-center rounded-full bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
        <Icon name={icon} class="size-5" />
      </span>
      <Heading id={id} class="text-sm font-semibold text-slate-900 dark:text-slate-100">
        {title}
      </Heading>
      {children ? <div class="max-w-prose text-sm text-slate-600 dark:text-slate-300">{children}</div> : null}
      {actions ? <div class="mt-1 flex flex-wrap justify-center gap-2">{actions}</div> : null}
    </section>
  );
}
