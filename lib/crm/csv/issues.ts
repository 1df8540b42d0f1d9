/**
 * Values of optional fields that could not be read. They cost the field, not the row,
 * and are reported once per column with a few lines and values, not once per row: a
 * column of 3,000 "n/k" employee counts is one finding, not 3,000.
 */

/** Lines (with values) named in one warning before "and N more". */
const SHOWN = 5;

interface ColumnIssues {
  noun: string;
  cells: { line: number; raw: string }[];
}

export class IssueLog {
  private readonly byColumn = new Map<string, ColumnIssues>();

  /** Records that `raw` on `line` of column `label` could not be read as `noun` ("numbers"). */
  add(label: string, noun: string, line: number, raw: string): void {
    const key = `${label}\u0000${noun}`;
    const issues = this.byColumn.get(key) ?? { noun, cells: [] };
    if (issues.cells.length === 0) this.byColumn.set(key, issues);
    issues.cells.push({ line, raw: raw.trim() });
  }

  warnings(): string[] {
    return [...this.byColumn.entries()].map(([key, { noun, cells }]) => {
      const label = key.slice(0, key.indexOf('\u0000'));
      const shown = cells.slice(0, SHOWN).map((c) => `line ${c.line} "${c.raw}"`);
      const more = cells.length > SHOWN ? `, and ${cells.length - SHOWN} more` : '';
      const values = cells.length === 1 ? '1 value' : `${cells.length} values`;
      return `${label}: ${values} could not be read as ${noun} (${shown.join(', ')}${more})`;
    });
  }
}
