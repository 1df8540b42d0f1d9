import { formatDate, formatRelative } from '../../lib/format';

/**
 * "5 minutes ago" for a past timestamp. A time a moment ahead of the page's clock (the
 * background stamped it after the page last ticked) reads "now", never "in 1 second".
 */
export function ago(iso: string, now: number): string {
  const at = Date.parse(iso);
  return formatRelative(iso, Number.isNaN(at) ? now : Math.max(now, at));
}

/** The calendar day of a timestamp in the user's time zone ("Mar 27, 2026"), for tooltips. */
export function dayOf(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return formatDate(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
}
