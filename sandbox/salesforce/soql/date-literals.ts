import { addDaysIso } from '../../kit/clock';

/**
 * SOQL's relative date literals as day ranges around the server's "today" (the org's
 * as-of day unless told otherwise: the sandbox's data is seen from that day). Ranges are
 * half-open, [start, end), in whole UTC days; weeks start on Sunday (en_US) and the fiscal
 * year is the calendar year (Salesforce's defaults).
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
 *
 * Note the documented asymmetry that a connector must know about: LAST_N_DAYS:n includes
 * today, but LAST_N_MONTHS, LAST_N_QUARTERS and LAST_N_YEARS cover whole periods before
 * the current one. `CloseDate = LAST_N_YEARS:3` on 2026-09-30 means 2023-01-01 to
 * 2025-12-31; `CloseDate >= LAST_N_YEARS:3` means on or after 2023-01-01.
 */

export interface DayRange {
  /** First day in the range. */
  start: string;
  /** First day after the range. */
  end: string;
}

type Resolver = (today: string, n: number) => DayRange;

function year(date: string): number {
  return Number(date.slice(0, 4));
}
function month(date: string): number {
  return Number(date.slice(5, 7));
}
/** First day of the month `offset` months from the month of `date`. */
function monthStart(date: string, offset: number): string {
  const index = year(date) * 12 + (month(date) - 1) + offset;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}
function quarterStart(date: string, offset: number): string {
  const firstMonthOfQuarter = Math.floor((month(date) - 1) / 3) * 3;
  return monthStart(`${date.slice(0, 4)}-${String(firstMonthOfQuarter + 1).padStart(2, '0')}-01`, offset * 3);
}
function yearStart(date: string, offset: number): string {
  return `${String(year(date) + offset).padStart(4, '0')}-01-01`;
}
function weekStart(date: string, offset: number): string {
  const dayOfWeek = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDaysIso(date, -dayOfWeek + offset * 7);
}

const range = (start: string, end: string): DayRange => ({ start, end });

const FIXED: Readonly<Record<string, Resolver>> = {
  YESTERDAY: (t) => range(addDaysIso(t, -1), t),
  TODAY: (t) => range(t, addDaysIso(t, 1)),
  TOMORROW: (t) => range(addDaysIso(t, 1), addDaysIso(t, 2)),
  LAST_WEEK: (t) => range(weekStart(t, -1), weekStart(t, 0)),
  THIS_WEEK: (t) => range(weekStart(t, 0), weekStart(t, 1)),
  NEXT_WEEK: (t) => range(weekStart(t, 1), weekStart(t, 2)),
  LAST_MONTH: (t) => range(monthStart(t, -1), monthStart(t, 0)),
  THIS_MONTH: (t) => range(monthStart(t, 0), monthStart(t, 1)),
  NEXT_MONTH: (t) => range(monthStart(t, 1), monthStart(t, 2)),
  LAST_90_DAYS: (t) => range(addDaysIso(t, -90), addDaysIso(t, 1)),
  NEXT_90_DAYS: (t) => range(addDaysIso(t, 1), addDaysIso(t, 91)),
  LAST_QUARTER: (t) => range(quarterStart(t, -1), quarterStart(t, 0)),
  THIS_QUARTER: (t) => range(quarterStart(t, 0), quarterStart(t, 1)),
  NEXT_QUARTER: (t) => range(quarterStart(t, 1), quarterStart(t, 2)),
  LAST_YEAR: (t) => range(yearStart(t, -1), yearStart(t, 0)),
  THIS_YEAR: (t) => range(yearStart(t, 0), yearStart(t, 1)),
  NEXT_YEAR: (t) => range(yearStart(t, 1), yearStart(t, 2)),
  LAST_FISCAL_QUARTER: (t) => range(quarterStart(t, -1), quarterStart(t, 0)),
  THIS_FISCAL_QUARTER: (t) => range(quarterStart(t, 0), quarterStart(t, 1)),
  NEXT_FISCAL_QUARTER: (t) => range(quarterStart(t, 1), quarterStart(t, 2)),
  LAST_FISCAL_YEAR: (t) => range(yearStart(t, -1), yearStart(t, 0)),
  THIS_FISCAL_YEAR: (t) => range(yearStart(t, 0), yearStart(t, 1)),
  NEXT_FISCAL_YEAR: (t) => range(yearStart(t, 1), yearStart(t, 2)),
};

const WITH_N: Readonly<Record<string, Resolver>> = {
  LAST_N_DAYS: (t, n) => range(addDaysIso(t, -n), addDaysIso(t, 1)),
  NEXT_N_DAYS: (t, n) => range(addDaysIso(t, 1), addDaysIso(t, n + 1)),
  N_DAYS_AGO: (t, n) => range(addDaysIso(t, -n), addDaysIso(t, -n + 1)),
  LAST_N_WEEKS: (t, n) => range(weekStart(t, -n), weekStart(t, 0)),
  NEXT_N_WEEKS: (t, n) => range(weekStart(t, 1), weekStart(t, n + 1)),
  N_WEEKS_AGO: (t, n) => range(weekStart(t, -n), weekStart(t, -n + 1)),
  LAST_N_MONTHS: (t, n) => range(monthStart(t, -n), monthStart(t, 0)),
  NEXT_N_MONTHS: (t, n) => range(monthStart(t, 1), monthStart(t, n + 1)),
  N_MONTHS_AGO: (t, n) => range(monthStart(t, -n), monthStart(t, -n + 1)),
  LAST_N_QUARTERS: (t, n) => range(quarterStart(t, -n), quarterStart(t, 0)),
  NEXT_N_QUARTERS: (t, n) => range(quarterStart(t, 1), quarterStart(t, n + 1)),
  N_QUARTERS_AGO: (t, n) => range(quarterStart(t, -n), quarterStart(t, -n + 1)),
  LAST_N_YEARS: (t, n) => range(yearStart(t, -n), yearStart(t, 0)),
  NEXT_N_YEARS: (t, n) => range(yearStart(t, 1), yearStart(t, n + 1)),
  N_YEARS_AGO: (t, n) => range(yearStart(t, -n), yearStart(t, -n + 1)),
};

export function isDateLiteralName(name: string): boolean {
  return name in FIXED || name in WITH_N;
}

/** Whether the literal takes `:n`. */
export function takesN(name: string): boolean {
  return name in WITH_N;
}

export function dateLiteralRange(name: string, n: number | null, today: string): DayRange {
  const fixed = FIXED[name];
  if (fixed !== undefined) return fixed(today, 0);
  const withN = WITH_N[name];
  if (withN === undefined || n === null) throw new Error(`Unknown date literal ${name}`);
  return withN(today, n);
}
