import type { ComponentChildren } from 'preact';
import { cx } from './cx';
import { Icon, type IconName } from './icons';
import { TONE_SOFT, type Tone } from './tone';

export interface ChipProps {
  tone?: Tone;
  icon?: IconName;
  /** Read before the text by assistive tech only ("Shares", "Differs"): what the icon shows. */
  srPrefix?: string;
  children: ComponentChildren;
}

/** A small fact in a tinted rounded box that may wrap ("Industry: Healthcare"). Render chips in a `<ul>` of `<li>`s. */
export function Chip({ tone = 'neutral', icon, srPrefix, children }: ChipProps) {
  return (
    <span class={cx('inline-flex max-w-full items-start gap-1 rounded-md px-1.5 py-0.5 text-xs leading-snug ring-1 ring-inset', TONE_SOFT[tone])}>
      {icon ? <Icon name={icon} class="mt-px size-3.5" /> : null}
      <span class="min-w-0 break-words">
        {srPrefix ? <span class="sr-only">{srPrefix} </span> : null}
        {children}
      </span>
    </span>
  );
}
