/**
 * Reading field values off API records without trusting them: a server of our own, a
 * proxy or an odd org or portal can send a number as text, a date with an offset, or an object
 * where a string belongs. Each reader returns null for what it cannot read.
 */
import type { IsoDate } from '../opportunity';

/** A record as an API sends it: fields by name, related records nested. */
export type ApiRecord = Record<string, unknown>;

/** The value at a field path (`Account.Industry`); undefined when the record lacks the path, null when it is empty. */
export function valueAt(record: ApiRecord, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null) return null;
    if (typeof current !== 'object' || Array.isArray(current)) return undefined;
    const o = current as Record<string, unknown>;
    if (!Object.hasOwn(o, part)) return undefined;
    current = o[part];
  }
  return current;
}

/** Whether the record carries the path at all (null counts as carried). */
export function hasPath(record: ApiRecord, path: string): boolean {
  return valueAt(record, path) !== undefined;
}

/** Trimmed text; numbers and booleans as written; null for empty, objects and arrays. */
export function readText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * A name as written (Salesforce keeps the spaces a user typed, and the UI shows them as
 * text); null when empty or blank.
 */
export function readName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return readText(value);
}

/**
 * A decimal number as text. `\d+(?:\.\d*)?`, not `\d+\.?\d*`: without the dot the two digit
 * runs split a long number every possible way before failing (quadratic: issue 14).
 */
const NUMBER_TEXT = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*$/i;
/** Longer text is not a number any API field sends. */
const MAX_NUMBER_TEXT = 400;

/** A finite number, from a number or numeric text. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** true/false, from a boolean or "true"/"false". */
export function readBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return null;
}

/** Salesforce writes offsets as `+0000`; ISO 8601 parsers want `+00:00`. */
function normalizeOffset(text: string): string {
  return text.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/**
 * A dateTime as `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC), from Salesforce's
 * `2024-03-01T17:04:05.000+0000` or any ISO form; null when unreadable.
 */
export function readDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) return null;
  const ms = Date.parse(normalizeOffset(value));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * A calendar date: a date field as written (`2024-03-01`), a dateTime as its UTC day
 * (SOQL returns dateTimes in UTC); null when unreadable or not a real day.
 */
export function readDate(value: unknown): IsoDate | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text ? text : null;
  }
  return readDateTime(text)?.slice(0, 10) ?? null;
}
