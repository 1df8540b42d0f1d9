/**
 * Dates as CRM exports write them, read to ISO `YYYY-MM-DD`. Whether `03/04/2024` is the
 * 3rd of April or the 4th of March depends on the exporting user's locale, not on the
 * value, so the order of slash dates is decided per file (`decideDateOrder`) from the
 * values whose day is above 12, and reported.
 */
import type { IsoDate } from '../opportunity';
import { quoteValue } from './excerpt';
import { fail, MAX_TYPED_CHARS, ok, type Reading } from './reading';

/** Day/month order of numeric slash dates. */
export type DateOrder = 'MDY' | 'DMY';

type Shape =
  /** Order is written in the value: ISO, dotted European, month names. */
  | { kind: 'fixed'; year: number; month: number; day: number; rest: string }
  /** `a/b/y`: which of a and b is the month is the file's convention. */
  | { kind: 'slash'; a: number; b: number; year: number; rest: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$/;
const SLASH = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])(.*)$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?(?!\d)(.*)$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,9})\.?,?[\s\-/.]+(\d{4}|\d{2})(?!\d)(.*)$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4}|\d{2})(?!\d)(.*)$/;
/**
 * What may follow a date: a time, with seconds, AM/PM and a zone (`2024-03-27T10:00:00Z`, `3/27/2024 10:00 AM`).
 * The spaces before the zone belong to the AM/PM group: two `\s*` around an optional group
 * split a run of spaces every possible way before failing (quadratic: issue 14).
 */
const TIME = /^(?:T|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?\s*)?(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?$/;

/** Month names and abbreviations; a Map, so that no cell reaches an object's prototype. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Two-digit years below this are 20xx, the rest 19xx: CRM data starts in the 1970s at the earliest. */
const PIVOT = 70;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export const ORDER_PATTERN: Readonly<Record<DateOrder, string>> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY' };

/**
 * Reads a date. `order` applies only to numeric slash dates (`03/04/2024`); ISO,
 * `DD.MM.YYYY` and month-name dates say their own order. A time of day is dropped: the
 * calendar day as the CRM user saw it is what close-date analysis needs.
 */
export function parseDate(raw: string, order: DateOrder = 'MDY'): Reading<IsoDate> {
  const text = raw.trim();
  const shape = shapeOf(text);
  if (shape === null || !validTime(shape.rest)) return fail(`${quoteValue(text)} is not a date`);
  if (shape.kind === 'fixed') return calendarDate(text, shape.year, shape.month, shape.day);
  const [month, day] = order === 'MDY' ? [shape.a, shape.b] : [shape.b, shape.a];
  // "27/03/2024" read month first: blame the order only when day first would be a date.
  if (month > 12 && day <= 12) {
    const swapped = calendarDate(text, shape.year, day, month);
    if (!swapped.ok) return swapped;
    return fail(`"${text}" is not a date (${month} is not a month, and dates here are read as ${ORDER_PATTERN[order]})`);
  }
  return calendarDate(text, shape.year, month, day);
}

/**
 * What a value says about the day/month order: the one order it is a date in, or
 * 'ambiguous' when it is a date both ways and they differ (`03/04/2024`); null otherwise
 * (not a slash date, the same either way like `05/05/2024`, or no date in any order).
 */
export function dateOrderEvidence(raw: string): DateOrder | 'ambiguous' | null {
  const shape = shapeOf(raw.trim());
  if (shape === null || shape.kind !== 'slash' || shape.a === shape.b) return null;
  const mdy = isCalendarDate(shape.year, shape.a, shape.b);
  const dmy = isCalendarDate(shape.year, shape.b, shape.a);
  if (mdy && dmy) return 'ambiguous';
  return mdy ? 'MDY' : dmy ? 'DMY' : null;
}

/** Whether a value reads as a date in at least one order: used to type a column. */
export function looksLikeDate(raw: string): boolean {
  return parseDate(raw, 'MDY').ok || parseDate(raw, 'DMY').ok;
}

/** Whether a value is a numeric slash date, whose order the file must decide. */
export function isSlashDate(raw: string): boolean {
  return shapeOf(raw.trim())?.kind === 'slash';
}

function shapeOf(text: string): Shape | null {
  if (text.length > MAX_TYPED_CHARS) return null;
  let m = ISO.exec(text) ?? YMD_SLASH.exec(text);
  if (m) return fixed(Number(m[1]), Number(m[2]), Number(m[3]), m[4]);
  m = SLASH.exec(text);
  if (m) return { kind: 'slash', a: Number(m[1]), b: Number(m[3]), year: fullYear(m[4] ?? ''), rest: m[5] ?? '' };
  m = DOTTED.exec(text);
  if (m) return fixed(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]), m[4]);
  m = DAY_MONTH_NAME.exec(text);
  if (m) return named(m[2], Number(m[1]), m[3], m[4]);
  m = MONTH_NAME_DAY.exec(text);
  if (m) return named(m[1], Number(m[2]), m[3], m[4]);
  return null;
}

function fixed(year: number, month: number, day: number, rest: string | undefined): Shape {
  return { kind: 'fixed', year, month, day, rest: rest ?? '' };
}

function named(monthName: string | undefined, day: number, year: string | undefined, rest: string | undefined): Shape | null {
  const month = MONTHS.get((monthName ?? '').toLowerCase());
  return month === undefined ? null : fixed(fullYear(year ?? ''), month, day, rest);
}

function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < PIVOT ? 2000 + year : 1900 + year;
}

function validTime(rest: string): boolean {
  if (rest === '') return true;
  const m = TIME.exec(rest);
  if (!m) return false;
  const hour = Number(m[1]);
  const maxHour = m[4] === undefined ? 23 : 12;
  return hour <= maxHour && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60;
}

function calendarDate(text: string, year: number, month: number, day: number): Reading<IsoDate> {
  // Outside this range a "date" is a placeholder (Excel's 1899-12-30 zero date) or a typo.
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(`"${text}" is not a date (year ${year} is out of range)`);
  if (month < 1 || month > 12) return fail(`"${text}" is not a date (${month} is not a month)`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return fail(`"${text}" is not a date (${MONTH_NAMES[month - 1]} has no day ${day})`);
  return ok(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
