/**
 * The few icons the UI uses, as inline SVG on a 20 × 20 grid drawn with `currentColor`.
 * Decorative by default (`aria-hidden`): the text next to an icon says what it means.
 */
import type { JSX } from 'preact';

export type IconName =
  | 'check'
  | 'half'
  | 'cross'
  | 'warning'
  | 'info'
  | 'error'
  | 'up'
  | 'down'
  | 'back'
  | 'external'
  | 'refresh'
  | 'not-equal'
  | 'clock'
  | 'database'
  | 'chevron-down';

const PATHS: Record<IconName, JSX.Element> = {
  check: <path d="M4.5 10.5l3.5 3.5 7.5-8" />,
  half: <path d="M5 10h10" />,
  cross: <path d="M6 6l8 8M14 6l-8 8" />,
  warning: (
    <>
      <path d="M10 3.2L17.5 16.5H2.5L10 3.2z" />
      <path d="M10 8.5v3.5M10 14.4v.1" />
    </>
  ),
  info: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 9v5M10 6.4v.1" />
    </>
  ),
  error: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 6v4.5M10 13.4v.1" />
    </>
  ),
  up: <path d="M10 16V4M5 9l5-5 5 5" />,
  down: <path d="M10 4v12M5 11l5 5 5-5" />,
  'chevron-down': <path d="M6 8l4 4 4-4" />,
  back: <path d="M12.5 4.5L7 10l5.5 5.5" />,
  external: (
    <>
      <path d="M11 4h5v5M16 4l-7 7" />
      <path d="M14 12v3.5a.5.5 0 01-.5.5h-9a.5.5 0 01-.5-.5v-9a.5.5 0 01.5-.5H8" />
    </>
  ),
  refresh: (
    <>
      <path d="M15.5 8A6 6 0 104.8 12.9" />
      <path d="M16 3.5V8h-4.5" />
    </>
  ),
  'not-equal': <path d="M5 8h10M5 12h10M12.5 4.5l-5 11" />,
  clock: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 6v4l2.5 2" />
    </>
  ),
  database: (
    <>
      <ellipse cx="10" cy="5" rx="6" ry="2.25" />
      <path d="M4 5v10c0 1.25 2.7 2.25 6 2.25s6-1 6-2.25V5M4 10c0 1.25 2.7 2.25 6 2.25s6-1 6-2.25" />
    </>
  ),
};

export interface IconProps {
  name: IconName;
  class?: string;
  /** Set for an icon that stands alone and means something; otherwise it is hidden from assistive tech. */
  label?: string;
}

export function Icon({ name, class: className = 'size-4', label }: IconProps) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      class={`shrink-0 ${className}`}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true' })}
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
