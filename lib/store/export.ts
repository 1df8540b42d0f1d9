/**
 * The options page's "Export scored opportunities": every opportunity, open and closed,
 * with its latest scores, as RFC 4180 CSV (lib/crm/csv/write.ts).
 *
 * CRM text is untrusted, and a spreadsheet runs a cell that starts with = + - @ (or a tab
 * or carriage return) as a formula. The file is written for spreadsheets: every text cell
 * is quoted, and gets an apostrophe before such a character at its start and after any
 * `;`, `,`, tab or line break inside it, where a spreadsheet that splits on another list
 * separator would start a cell (OWASP: https://owasp.org/www-community/attacks/CSV_Injection;
 * issue 14). Numbers stay numbers.
 */
import type { Opportunity } from '../crm/opportunity';
import { neutralizeFormulas, toCsv, type CsvCell, type CsvDelimiter } from '../crm/csv/write';
import { healthLabel, healthReasonText } from '../health-text';
import type { DealsightDb } from './db';
import { connectionRange, readingTogether } from './guard';
import type { ConnectionRecord, ScoreRecord } from './schema';

export const EXPORT_HEADER = [
  'Connection',
  'Id',
  'Name',
  'Account',
  'Amount',
  'Currency',
  'Stage',
  'Status',
  'Close Date',
  'Type',
  'Owner',
  'Territory',
  'Win Potential (%)',
  'Repeat Buyer Potential',
  'Persona',
  'Predicted Close',
  'Predicted Amount',
  'Slip',
  'Days in stage',
  'Stalled',
  'Health',
  'Health reasons',
];

/** The CSV of one connection's opportunities, or of every connection's when `connectionId` is undefined. */
export async function exportScoredCsv(db: DealsightDb, connectionId?: string, delimiter: CsvDelimiter = ','): Promise<string> {
  const rows = await readingTogether(db, 'the scored opportunities', [db.connections, db.opportunities, db.scores], async () => {
    const connections = connectionId === undefined ? await db.connections.toArray() : [await db.connections.get(connectionId)].filter((c) => c !== undefined);
    const out: CsvCell[][] = [];
    for (const connection of connections) {
      const [opportunities, scores] = await Promise.all([
        connectionRange(db.opportunities, connection.id).toArray(),
        connectionRange(db.scores, connection.id).toArray(),
      ]);
      const byId = new Map(scores.map((s) => [s.id, s]));
      for (const record of opportunities) out.push(exportRow(connection, record.opportunity, byId.get(record.id)));
    }
    return out;
  });
  return toCsv(EXPORT_HEADER, rows, { delimiter, spreadsheet: true });
}

function exportRow(connection: ConnectionRecord, o: Opportunity, score: ScoreRecord | undefined): CsvCell[] {
  return [
    text(connection.label || connection.id),
    text(o.id),
    text(o.name),
    text(o.account?.name),
    o.amount,
    text(o.currency),
    text(o.stage),
    o.isClosed ? (o.isWon ? 'Won' : 'Lost') : 'Open',
    text(o.closeDate),
    text(o.type),
    text(o.owner?.name),
    text(o.territory),
    round(score?.winPotential == null ? null : score.winPotential * 100, 1),
    round(score?.repeatBuyerPotential ?? null, 1),
    text(score?.personaName),
    text(score?.predictedClose),
    round(score?.predictedAmount ?? null, 2),
    score?.predictedClose ? (score.slip ? 'Yes' : 'No') : null,
    score?.daysInStage ?? null,
    score?.stalled == null ? null : score.stalled ? 'Yes' : 'No',
    score?.health ? healthLabel(score.health) : null,
    // The reasons name the stage (CRM text): neutralized like any other text cell.
    text(score?.healthReasons?.map((r) => healthReasonText(r, o.currency)).join('; ')),
  ];
}

/** Prefixes an apostrophe to text a spreadsheet would read as a formula, at its start and after any list separator in it. */
export const neutralizeFormula = neutralizeFormulas;

function text(value: string | null | undefined): string | null {
  return value == null || value === '' ? null : neutralizeFormula(value);
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
