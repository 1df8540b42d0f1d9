/**
 * The locale components format for, from one provider: `<LocaleProvider locale="de-DE">`
 * around a tree makes every number, amount, percentage, date and message in it German-
 * formatted. Without a provider it is the browser's locale. Tests pass a fixed one.
 *
 *   const { t, money, date } = useLocale();
 *   money(12500, 'EUR') → "12.500 €" (de-DE)
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { IsoDate } from '../../lib/crm/opportunity';
import { formatDate, formatMoney, formatNumber, formatPercent, formatRelative } from '../../lib/format';
import { translator, type Translator } from '../../lib/i18n';

export interface LocaleTools {
  /** The BCP 47 locale, or undefined for the browser's. */
  locale: string | undefined;
  t: Translator;
  number(value: number | null, digits?: number): string;
  money(amount: number | null, currency: string | null, compact?: boolean): string;
  /** A share 0..1 as a percentage. */
  percent(share: number | null, digits?: number): string;
  date(date: IsoDate | null, style?: 'short' | 'medium'): string;
  /** "3 days ago", relative to `now` (ms). */
  relative(iso: string | null, now?: number): string;
}

export function localeTools(locale: string | undefined): LocaleTools {
  return {
    locale,
    t: translator(locale),
    number: (value, digits) => formatNumber(value, { locale, digits }),
    money: (amount, currency, compact) => formatMoney(amount, currency, { locale, compact }),
    percent: (share, digits) => formatPercent(share, { locale, digits }),
    date: (date, style) => formatDate(date, { locale, style }),
    relative: (iso, now) => formatRelative(iso, now, { locale }),
  };
}

const LocaleContext = createContext<LocaleTools>(localeTools(undefined));

export function LocaleProvider({ locale, children }: { locale?: string; children: ComponentChildren }) {
  const tools = useMemo(() => localeTools(locale), [locale]);
  return <LocaleContext.Provider value={tools}>{children}</LocaleContext.Provider>;
}

/** The formatters and messages of the nearest `LocaleProvider` (the browser's locale without one). */
export function useLocale(): LocaleTools {
  return useContext(LocaleContext);
}
