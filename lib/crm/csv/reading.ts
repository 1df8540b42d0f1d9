/**
 * The result of reading one cell: a value, or a reason that names the value. Readers
 * never throw, because one bad cell must cost at most its row, never the import.
 */
export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): Reading<T> {
  return { ok: true, value };
}

export function fail<T>(reason: string): Reading<T> {
  return { ok: false, reason };
}

/** Cells that mean "no value" in typed (number, date, yes/no) columns. */
const EMPTY_TOKENS: ReadonlySet<string> = new Set(['', '-', '--', '—', 'n/a', '#n/a', 'na', 'null', 'none', 'nil']);

/** Whether a cell of a typed column is empty. Category columns keep such text as written. */
export function isEmptyCell(raw: string): boolean {
  return EMPTY_TOKENS.has(raw.trim().toLowerCase());
}
