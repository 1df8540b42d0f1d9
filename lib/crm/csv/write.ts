/**
 * RFC 4180 CSV writing, shared by the scored-pipeline export and the tests' exporters so
 * that what Dealsight writes, Dealsight (and Excel) reads back unchanged.
 */

export type CsvCell = string | number | null;

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /**
   * For a file a person opens in a spreadsheet: every text cell is quoted and made inert
   * (`neutralizeFormulas`). Off, a cell is quoted only where it must be, for files that
   * only programs read.
   */
  spreadsheet?: boolean;
}

/**
 * Writes a header and rows as CSV text with CRLF line ends (RFC 4180 §2.1, and what
 * Excel expects). Without `spreadsheet` a cell is quoted only when it holds the delimiter,
 * a quote, a line break or edge spaces (which some readers trim); `null` is an empty cell.
 */
export function toCsv(header: string[], rows: CsvCell[][], options: CsvDelimiter | CsvWriteOptions = {}): string {
  const { delimiter = ',', spreadsheet = false } = typeof options === 'string' ? { delimiter: options } : options;
  const write = (cells: readonly CsvCell[]): string => cells.map((cell) => writeCell(cell, delimiter, spreadsheet)).join(delimiter);
  const lines = new Array<string>(rows.length + 1);
  lines[0] = write(header);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: row ${i + 1} has ${row.length} cells but the header has ${header.length}`);
    }
    lines[i + 1] = write(row);
  }
  return lines.join('\r\n') + '\r\n';
}

function writeCell(cell: CsvCell, delimiter: string, spreadsheet: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell);
  const text = spreadsheet ? neutralizeFormulas(cell) : cell;
  const needsQuotes = spreadsheet || text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Non-finite numbers have no CSV spelling a reader would take back as a number. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * The same after any list separator or line break inside a cell: Excel in most of
 * continental Europe splits on `;`, a reader told "no text qualifier" splits inside
 * quotes, and `Acme;=cmd|' /C calc'!A0` then starts a cell with `=` (issue 14). A lookahead,
 * so that a tab or carriage return, both a formula start and a separator, is looked after too.
 */
const FORMULA_AFTER_SEPARATOR = /([;,\t\r\n] *)(?=[=+\-@\t\r])/g;

/**
 * Makes text inert in a spreadsheet, as OWASP advises
 * (https://owasp.org/www-community/attacks/CSV_Injection): an apostrophe before any
 * character that would start a formula, at the start of the cell and after each `;`,
 * `,`, tab or line break in it. Idempotent: an apostrophe starts no formula.
 */
export function neutralizeFormulas(text: string): string {
  const inner = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}
