/**
 * Column access over parsed rows. Typing a column and deciding its date order or decimal
 * separator look at each distinct value once, with the line it first appears on: a
 * 50,000-row export repeats the same stages, owners and dates thousands of times.
 */
import type { CellRef } from './date-order';
import { columnLabel } from './headers';
import type { CsvRow } from './parse';

export interface DistinctValue extends CellRef {
  /** Rows holding this value. */
  count: number;
}

export class Table {
  private readonly distinctCache = new Map<number, DistinctValue[]>();
  private lineCache: number[] | null = null;

  constructor(
    readonly header: readonly string[],
    readonly rows: readonly CsvRow[],
  ) {}

  label(column: number): string {
    return columnLabel(this.header[column] ?? '', column);
  }

  cell(row: CsvRow, column: number): string {
    return row.fields[column] ?? '';
  }

  /** Non-blank values of a column, trimmed, in order of first appearance. */
  distinct(column: number): DistinctValue[] {
    const cached = this.distinctCache.get(column);
    if (cached) return cached;
    const byValue = new Map<string, DistinctValue>();
    for (const row of this.rows) {
      const raw = (row.fields[column] ?? '').trim();
      if (raw === '') continue;
      const seen = byValue.get(raw);
      if (seen) seen.count++;
      else byValue.set(raw, { raw, line: row.line, count: 1 });
    }
    const values = [...byValue.values()];
    this.distinctCache.set(column, values);
    return values;
  }

  /** The column's cells as written, one per row. */
  values(column: number): string[] {
    return this.rows.map((row) => row.fields[column] ?? '');
  }

  /** The physical line of each row, parallel to `values`. */
  lines(): number[] {
    this.lineCache ??= this.rows.map((row) => row.line);
    return this.lineCache;
  }

  /** Whether a column has no value on any row. */
  isEmpty(column: number): boolean {
    return !this.rows.some((row) => (row.fields[column] ?? '').trim() !== '');
  }
}
