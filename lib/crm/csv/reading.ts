/**
 * The result of reading one cell: a value, or a reason that names the value. Readers
 * never throw, because one bad cell must cost at most its row, never the import.
 */
export type Reading<T> =
  | { ok: true; value: T }
  /** `outOfRange`: the value is a number, but one no field can hold (`1e400`, 400 digits). */
  | { ok: false; reason: string; outOfRange?: boolean };

export function ok<T>(value: T): Reading<T> {
  return { ok: true, value };
}

export function fail<T>(reason: string): Reading<T> {
  return { ok: false, reason };
}

export function outOfRange<T>(reason: string): Reading<T> {
  return { ok: false, reason, outOfRange: true };
}

/**
 * Cells longer than this are never read as numbers or dates: the longest real ones
 * ("Wednesday, 27 March 2024 10:00:00.000 PM", "USD -1,234,567,890.00") are half as long,
 * and a reader's cost must not grow with a hostile cell (issue 14).
 */
export const MAX_TYPED_CHARS = 64;

/** Cells that mean "no value" in typed (number, date, yes/no) columns. */
const EMPTY_TOKENS: ReadonlySet<string> = new Set(['', '-', '--', '—', 'n/a', '#n/a', 'na', 'null', 'none', 'nil']);

/** Longer cells cannot be one of EMPTY_TOKENS even with padding: skips the trim on the hot path. */
const LONGEST_EMPTY = 8;

/** Whether a cell of a typed column is empty. Category columns keep such text as written. */
export function isEmptyCell(raw: string): boolean {
  return raw.length <= LONGEST_EMPTY && EMPTY_TOKENS.has(raw.trim().toLowerCase());
}

/** Inputs looked at before a cache that rarely hits is dropped. */
const MEMO_PROBE = 2_000;

/**
 * Caches a pure reader per distinct input: exports repeat the same dates, stages and
 * owners thousands of times. A column of mostly unique values (amounts, ids) would only
 * pay for the cache, so it is dropped when fewer than half of the first inputs hit.
 */
export function memo<T>(read: (raw: string) => T): (raw: string) => T {
  let cache: Map<string, T> | null = new Map<string, T>();
  let calls = 0;
  let hits = 0;
  return (raw) => {
    if (cache === null) return read(raw);
    let value = cache.get(raw);
    if (value !== undefined) {
      hits++;
      return value;
    }
    value = read(raw);
    cache.set(raw, value);
    if (++calls === MEMO_PROBE && hits < calls / 2) cache = null;
    return value;
  };
}
