/**
 * Values of optional fields that could not be read. They cost the field, not the row,
 * and are reported once per column with a few lines and values, not once per row: a
 * column of 3,000 "n/k" employee counts is one finding, not 3,000.
 */

import { quoteValue } from './excerpt';

/** Lines (with values) named in one warning before "and N more". */
const SHOWN = 5;

interface ColumnIssues {
  noun: string;
  /** The first `SHOWN` cells, quoted within bounds: a column of 50,000 bad cells keeps five. */
  cells: { line: number; quoted: string }[];
  count: number;
}

export class IssueLog {
  private readonly byColumn = new Map<string, ColumnIssues>();

  /** Records that `raw` on `line` of column `label` could not be read as `noun` ("numbers"). */
  add(label: string, noun: string, line: number, raw: string): void {
    const key = `${label}\u0000${noun}`;
    let issues = this.byColumn.get(key);
    if (issues === undefined) {
      issues = { noun, cells: [], count: 0 };
      this.byColumn.set(key, issues);
    }
    issues.count++;
    if (issues.cells.length < SHOWN) issues.cells.push({ line, quoted: quoteValue(raw.trim()) });
  }

  warnings(): string[] {
    return [...this.byColumn.entries()].map(([key, { noun, cells, count }]) => {
      const label = key.slice(0, key.indexOf('\u0000'));
      const shown = cells.map((c) => `line ${c.line} ${c.quoted}`);
      const more = count > SHOWN ? `, and ${(count - SHOWN).toLocaleString('en-US')} more` : '';
      const values = count === 1 ? '1 value' : `${count.toLocaleString('en-US')} values`;
      return `${label}: ${values} could not be read as ${noun} (${shown.join(', ')}${more})`;
    });
  }
}
