/**
 * Numbers, money, percentages and dates as the user's locale writes them (Intl), for every
 * page and panel. Formatters are cached per locale and option set: creating an
 * Intl.NumberFormat costs far more than using one, and the popup formats thousands of cells.
 */
import type { IsoDate } from './crm/opportunity';
import { uiLocale } from './i18n/language';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/**
 * The locale to format for: the browser's UI language (the one Dealsight's messages follow,
 * lib/i18n/language.ts), unless a test or the CLI says otherwise.
 */
export function userLocale(): string | undefined {
  return uiLocale();
}

/** "$12,500", "12.500 €"; compact ("$1.2M") when asked. A currency Intl does not know falls back to "12,500 XYZ". */
export function formatMoney(amount: number | null, currency: string | null, options: { compact?: boolean; locale?: string } = {}): string {
  if (amount === null || !Number.isFinite(amount)) return '–';
  const locale = options.locale ?? userLocale();
  const code = currency ?? 'USD';
  try {
    return cached(
      `money|${locale}|${code}|${options.compact ? 1 : 0}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: code,
          notation: options.compact ? 'compact' : 'standard',
          // Currencies default to 2 minimum fraction digits, which would print "$182.0K".
          minimumFractionDigits: 0,
          maximumFractionDigits: options.compact ? 1 : 0,
        }),
    ).format(amount);
  } catch {
    return `${formatNumber(amount, { locale })} ${code}`;
  }
}

export function formatNumber(value: number | null, options: { locale?: string; digits?: number } = {}): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const locale = options.locale ?? userLocale();
  return cached(`number|${locale}|${options.digits ?? 0}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: options.digits ?? 0 })).format(value);
}

/** 0.734 → "73%". */
export function formatPercent(share: number | null, options: { locale?: string; digits?: number } = {}): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const locale = options.locale ?? userLocale();
  return cached(
    `percent|${locale}|${options.digits ?? 0}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: options.digits ?? 0 }),
  ).format(share);
}

/**
 * Win Potential as people see it: never certain either way. 99.6% reads 99% and 0.3% reads
 * 1%: a model's odds are not a promise, and the as-of model (issue 18) does reach such
 * numbers on late, fast-moving deals. Stored scores, sorting and sums keep the number as computed.
 */
export function shownWin(share: number): number {
  return Math.min(0.99, Math.max(0.01, share));
}

/** An ISO calendar date in the locale's short form ("Mar 27, 2026"); read as UTC so it never shifts a day. */
export function formatDate(date: IsoDate | null, options: { locale?: string; style?: 'short' | 'medium' } = {}): string {
  if (!date) return '–';
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return date;
  const locale = options.locale ?? userLocale();
  return cached(
    `date|${locale}|${options.style ?? 'medium'}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: options.style ?? 'medium', timeZone: 'UTC' }),
  ).format(ms);
}

/** "3 days ago", "in 2 weeks", from a timestamp to now. */
export function formatRelative(iso: string | null, now: number = Date.now(), options: { locale?: string } = {}): string {
  if (!iso) return '–';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const seconds = Math.round((ms - now) / 1000);
  const locale = options.locale ?? userLocale();
  const rtf = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}
