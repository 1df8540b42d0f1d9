import type { ComponentChildren } from 'preact';
import { cx } from './cx';
import { Icon, type IconName } from './icons';
import { TONE_SOFT, type Tone } from './tone';

export interface BannerProps {
  tone?: Extract<Tone, 'accent' | 'warning' | 'negative' | 'neutral'>;
  icon?: IconName;
  title?: ComponentChildren;
  children?: ComponentChildren;
  /** A button or link at the end (wraps under the text on narrow widths). */
  action?: ComponentChildren;
  /** 'status' is announced politely; use 'alert' only for what needs attention now. */
  role?: 'status' | 'alert' | 'note';
  class?: string;
  name?: string;
}

const ICONS: Record<NonNullable<BannerProps['tone']>, IconName> = { accent: 'info', neutral: 'info', warning: 'warning', negative: 'error' };

/** A one-line-or-so notice above or inside a panel ("Out of date", "Likely to slip"). */
export function Banner({ tone = 'accent', icon, title, children, action, role = 'note', class: className, name }: BannerProps) {
  return (
    <div
      role={role}
      data-banner={name}
      class={cx('flex flex-wrap items-start gap-x-3 gap-y-2 rounded-lg px-3 py-2 text-[0.8125rem] leading-snug ring-1 ring-inset', TONE_SOFT[tone], className)}
    >
      <div class="flex min-w-0 flex-1 basis-52 items-start gap-2">
        <Icon name={icon ?? ICONS[tone]} class="mt-0.5 size-4" />
        <div class="min-w-0 break-words">
          {title ? <p class="font-semibold">{title}</p> : null}
          {children ? <div>{children}</div> : null}
        </div>
      </div>
      {action ? <div class="shrink-0">{action}</div> : null}
    </div>
  );
}
