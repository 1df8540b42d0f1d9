/**
 * Stopgap until the importer recognizes outcome columns itself (issue 15, item 0: an
 * `--outcome COLUMN[:WON_VALUE]` option on another branch). IBM's "Sales Win Loss" file says
 * the outcome in `Opportunity Result` (Won / Loss) and X Education's in `Converted` (1 / 0);
 * today's importer refuses both ("No column says whether a deal is won, lost or open").
 * This rewrites that column into a `Stage` column of "Closed Won" / "Closed Lost", in memory
 * only, so the bench can read the raw files as they are. Drop this file and its one call in
 * real.ts once the importer takes the outcome column as an option.
 */
import { decodeCsv, parseCsv, toCsv } from '../../lib/crm/csv';

export interface OutcomeColumn {
  /** Header of the column that holds the outcome. */
  column: string;
  /** The cell value that means won; every other non-empty value means lost, an empty cell open. */
  won: string;
}

/** The file's text with `outcome.column` replaced by a Stage column of Closed Won / Closed Lost. */
export function outcomeAsStage(bytes: Uint8Array, outcome: OutcomeColumn): string {
  const parsed = parseCsv(decodeCsv(bytes).text);
  const at = parsed.header.indexOf(outcome.column);
  if (at < 0) throw new Error(`outcomeAsStage: no column "${outcome.column}" in ${parsed.header.slice(0, 8).join(', ')}…`);
  if (parsed.header.some((h, i) => i !== at && h.trim().toLowerCase() === 'stage')) throw new Error('outcomeAsStage: the file already has a Stage column');
  const header = parsed.header.map((h, i) => (i === at ? 'Stage' : h));
  const rows = parsed.rows.map(({ fields }) =>
    header.map((_, i) => {
      const cell = fields[i] ?? '';
      if (i !== at) return cell;
      const value = cell.trim();
      return value === '' ? '' : value === outcome.won ? 'Closed Won' : 'Closed Lost';
    }),
  );
  return toCsv(header, rows, parsed.delimiter);
}
