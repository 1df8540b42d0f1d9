/**
 * RFC 4180 CSV writing, shared by the sandbox exporter and the scored-pipeline export so
 * that what Dealsight writes, Dealsight (and Excel) reads back unchanged.
 */

export type CsvCell = string | number | null;

/**
 * Writes a header and rows as CSV text with CRLF line ends (RFC 4180 §2.1, and what
 * Excel expects). A cell is quoted only when it holds the delimiter, a quote, a line
 * break or edge spaces (which some readers trim); `null` is an empty cell.
 */
export function toCsv(header: string[], rows: CsvCell[][], delimiter: ',' | ';' | '\t' = ','): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = writeLine(header, delimiter);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: row ${i + 1} has ${row.length} cells but the header has ${header.length}`);
    }
    lines[i + 1] = writeLine(row, delimiter);
  }
  return lines.join('\r\n') + '\r\n';
}

function writeLine(cells: readonly CsvCell[], delimiter: string): string {
  return cells.map((cell) => quoteCell(cell, delimiter)).join(delimiter);
}

function quoteCell(cell: CsvCell, delimiter: string): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? numberText(cell) : cell;
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Non-finite numbers have no CSV spelling a reader would take back as a number. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}
