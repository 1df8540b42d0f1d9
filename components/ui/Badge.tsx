import type { ComponentChildren } from 'preact';
import { cx } from './cx';
import { Icon, type IconName } from './icons';
import { TONE_SOFT, type Tone } from './tone';

export interface BadgeProps {
  tone?: Tone;
  /** A leading icon; the badge's text must carry the meaning on its own. */
  icon?: IconName;
  class?: string;
  children: ComponentChildren;
}

/** A short status word in a tinted pill ("High", "Org persona"). */
export function Badge({ tone = 'neutral', icon, class: className, children }: BadgeProps) {
  return (
    <span
      class={cx('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', TONE_SOFT[tone], className)}
    >
      {icon ? <Icon name={icon} class="size-3" /> : null}
      {children}
    </span>
  );
}
