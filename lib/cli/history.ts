/**
 * `--history FILE` of `dealsight evaluate --split asof`: a Salesforce opportunity history
 * export read (lib/crm/csv/history-export.ts), joined to the opportunity export's deals
 * (history-join.ts) and merged with each deal (lib/engine/asof/history.ts), with what was
 * read, rejected and joined said on stderr and returned for the report and `--json`.
 */
import { basename } from 'node:path';
import { CsvImportError } from '../crm/csv/errors';
import { readHistoryExport, type HistoryShape } from '../crm/csv/history-export';
import { joinHistory } from '../crm/csv/history-join';
import type { ImportResult } from '../crm/csv/import';
import { historyWithChanges, type DealHistory } from '../engine/asof/history';
import { CliError, LISTED_REJECTIONS, readCsvFile } from './load';
import type { Progress } from './progress';

export interface HistorySummary {
  file: string;
  shape: HistoryShape;
  /** Data rows of the file, and those rejected. */
  rows: number;
  rejected: number;
  /** Deals the file has, and how they joined the opportunities. */
  deals: number;
  joinedBy: 'id' | 'name';
  joinColumn: string;
  /** Opportunities that got their history from the file. */
  joined: number;
  unmatched: number;
  ambiguous: number;
}

export interface LoadedHistory {
  histories: Map<string, DealHistory>;
  summary: HistorySummary;
}

const SHAPES: Readonly<Record<HistoryShape, string>> = {
  snapshot: 'an opportunity history (stage, amount, probability and close date per change)',
  fieldHistory: 'an opportunity field history (Field / Event, Old Value, New Value)',
};

export function loadHistory(path: string, imported: ImportResult & { file: string }, progress: Progress): LoadedHistory {
  const name = basename(path);
  const bytes = readCsvFile(path);
  progress.phase(`Reading ${name}`);
  try {
    const history = readHistoryExport(bytes);
    progress.note(
      `${name}: ${history.rows.toLocaleString('en-US')} rows read as ${SHAPES[history.shape]}, ${history.deals.length.toLocaleString('en-US')} deals` +
        (history.rejected.length > 0 ? `, ${history.rejected.length.toLocaleString('en-US')} row${history.rejected.length === 1 ? '' : 's'} rejected` : ''),
    );
    for (const warning of history.warnings) progress.note(`  note: ${warning}`);
    for (const rejection of history.rejected.slice(0, LISTED_REJECTIONS)) progress.note(`  rejected line ${rejection.line}: ${rejection.reason}`);
    if (history.rejected.length > LISTED_REJECTIONS) progress.note(`  … and ${history.rejected.length - LISTED_REJECTIONS} more rejected rows`);
    if (history.deals.length === 0) throw new CliError(`${name}: no usable history rows`);
    const fields = new Set(imported.mapping.flatMap((m) => (m.target.kind === 'field' ? [m.target.field] : [])));
    const join = joinHistory(history, { opportunities: imported.opportunities, hasIds: fields.has('id'), hasNames: fields.has('name') });
    const opportunities = basename(imported.file);
    const by = `by ${join.by === 'id' ? 'id' : 'exact name'} (${join.column})`;
    if (join.joined === 0) {
      throw new CliError(`${name}: none of its ${history.deals.length.toLocaleString('en-US')} deals matches an opportunity of ${opportunities} ${by}`);
    }
    progress.note(
      `  ${join.joined.toLocaleString('en-US')} of its ${history.deals.length.toLocaleString('en-US')} deals joined to ${opportunities} ${by}` +
        (join.unmatched > 0 ? `; ${join.unmatched.toLocaleString('en-US')} not in ${opportunities}` : '') +
        (join.ambiguous > 0 ? `; ${join.ambiguous.toLocaleString('en-US')} named like more than one opportunity, left out` : ''),
    );
    const histories = new Map<string, DealHistory>();
    for (const o of imported.opportunities) {
      const changes = join.changes.get(o.id);
      const merged = changes === undefined ? null : historyWithChanges(o, changes);
      if (merged !== null) histories.set(o.id, merged);
    }
    return {
      histories,
      summary: {
        file: name,
        shape: history.shape,
        rows: history.rows,
        rejected: history.rejected.length,
        deals: history.deals.length,
        joinedBy: join.by,
        joinColumn: join.column,
        joined: histories.size,
        unmatched: join.unmatched,
        ambiguous: join.ambiguous,
      },
    };
  } catch (error) {
    if (error instanceof CsvImportError) throw new CliError(`${name}: ${error.message}`);
    throw error;
  }
}
