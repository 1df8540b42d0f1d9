import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { cx } from './cx';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface CardProps {
  /** The heading; the card is a `<section>` labelled by it. */
  title: ComponentChildren;
  /** Heading level in the page's outline (default 2). */
  level?: HeadingLevel;
  /** Small text or a badge at the heading's end ("Org persona"). */
  aside?: ComponentChildren;
  class?: string;
  /** `data-testid`-style hook for tests and e2e. */
  name?: string;
  children: ComponentChildren;
}

/** A titled panel: a bordered section with a heading, readable from 320 px up. */
export function Card({ title, level = 2, aside, class: className, name, children }: CardProps) {
  const id = useId();
  const Heading = `h${level}` as 'h2';
  return (
    <section
      aria-labelledby={id}
      data-panel={name}
      class={cx(
        'min-w-0 rounded-xl border border-slate-200 bg-white p-3 shadow-xs @sm:p-4 dark:border-slate-700/80 dark:bg-slate-900 dark:shadow-none',
        className,
      )}
    >
      <header class="mb-3 flex min-w-0 items-center justify-between gap-2">
        <Heading id={id} class="min-w-0 text-[0.8125rem] font-semibold tracking-tight text-slate-800 dark:text-slate-100">
          {title}
        </Heading>
        {aside ? <div class="shrink-0 text-xs text-slate-500 dark:text-slate-400">{aside}</div> : null}
      </header>
      {children}
    </section>
  );
}
