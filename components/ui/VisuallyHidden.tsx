import type { ComponentChildren } from 'preact';

/** Text for assistive technology only (the text equivalent of a chart or an icon). */
export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="sr-only">{children}</span>;
}
