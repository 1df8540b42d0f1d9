import type { ComponentChildren, JSX } from 'preact';
import { cx } from './cx';

export type Theme = 'light' | 'dark' | 'auto';

export interface ThemeRootProps extends Omit<JSX.HTMLAttributes<HTMLDivElement>, 'class'> {
  /** 'auto' follows `prefers-color-scheme`; 'light' and 'dark' force it (CRM dark themes that do not set the media query). */
  theme?: Theme;
  class?: string;
  children: ComponentChildren;
}

/**
 * The root of any Dealsight UI: sets the theme (components/ui/theme.css reads
 * `data-ds-theme`) and the base font, size and colours itself, so nothing depends on the
 * host page's body styles or CSS reset (the overlays render it inside a shadow root).
 */
export function ThemeRoot({ theme = 'auto', class: className, children, style, ...rest }: ThemeRootProps) {
  return (
    <div
      {...rest}
      data-ds-theme={theme}
      style={{ ...(typeof style === 'object' && style !== null ? style : {}), colorScheme: theme === 'auto' ? 'light dark' : theme }}
      class={cx('font-sans text-sm leading-normal text-slate-900 antialiased dark:text-slate-100', className)}
    >
      {children}
    </div>
  );
}
