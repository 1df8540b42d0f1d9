/**
 * Reads a CSV export from disk and imports it, reporting what the importer noticed on
 * stderr: the format it recognized, the date order it chose, and every rejected row.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importCsv, type ImportResult } from '../crm/csv/import';
import type { Progress } from './progress';

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** How many rejected rows are listed one per line before the rest are summarized. */
const LISTED_REJECTIONS = 20;

export function loadCsv(path: string | undefined, progress: Progress): ImportResult & { file: string } {
  if (!path) throw new CliError('missing the CSV file to read');
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path} is a folder, not a CSV file`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`no such file: ${path}`);
    if (code === 'EACCES') throw new CliError(`cannot read ${path}: permission denied`);
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  progress.phase(`Reading ${basename(path)}`);
  let result: ImportResult;
  try {
    result = importCsv(text, { source: 'csv' });
  } catch (error) {
    throw new CliError(`${basename(path)}: ${(error as Error).message}`);
  }
  progress.note(
    `${basename(path)}: ${result.opportunities.length.toLocaleString('en-US')} opportunities read as a ${formatName(result.format)} export` +
      (result.rejected.length > 0 ? `, ${result.rejected.length.toLocaleString('en-US')} rows rejected` : ''),
  );
  for (const warning of result.warnings) progress.note(`  note: ${warning}`);
  for (const rejection of result.rejected.slice(0, LISTED_REJECTIONS)) progress.note(`  rejected line ${rejection.line}: ${rejection.reason}`);
  if (result.rejected.length > LISTED_REJECTIONS) {
    progress.note(`  … and ${result.rejected.length - LISTED_REJECTIONS} more rejected rows`);
  }
  if (result.opportunities.length === 0) throw new CliError(`${basename(path)}: no usable opportunities (every row was rejected)`);
  return { ...result, file: path };
}

/** What each CSV format the importer knows is called in the CLI's output. */
const FORMAT_NAMES: Readonly<Record<ImportResult['format'], string>> = { salesforce: 'Salesforce report', hubspot: 'HubSpot deals', generic: 'generic CSV' };

function formatName(format: ImportResult['format']): string {
  return FORMAT_NAMES[format] ?? FORMAT_NAMES.generic;
}
