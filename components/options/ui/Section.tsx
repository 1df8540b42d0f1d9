import type { ComponentChildren } from 'preact';

/** One settings section: a landmark named by its heading, with an anchor for the nav. */
export function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} class="scroll-mt-6 space-y-4">
      <header class="space-y-1">
        <h2 id={`${id}-title`} class="text-lg font-semibold tracking-tight text-slate-900 dark:text-white">
          {title}
        </h2>
        <p class="text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </header>
      {children}
    </section>
  );
}
