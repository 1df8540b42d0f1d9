/**
 * Reads a CSV export from disk and imports it, reporting what the importer noticed on
 * stderr: the format it recognized, the encoding and date order it chose, the stage map,
 * and every rejected row.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { clipText, listNames } from '../crm/csv/excerpt';
import { importCsv, type ImportResult, type StageMapEntry } from '../crm/csv/import';
import { MAX_CSV_BYTES } from '../crm/csv/limits';
import type { OutcomeChoice, OutcomeColumn } from '../crm/csv/outcome-column';
import type { Progress } from './progress';
import type { StageChoices } from './stages';

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** How many rejected rows are listed one per line before the rest are summarized. */
export const LISTED_REJECTIONS = 20;
/** Stages shown in the stage map note; `dealsight check` shows them all. */
const LISTED_STAGES = 20;
/** Past this share of rejected rows the file is more likely broken than a few rows: said so (the options page asks first). */
const MOSTLY_REJECTED = 0.5;

export interface LoadOptions {
  /** `--stages`: the user's outcomes of stages. */
  stages?: StageChoices;
  /** List every stage of the map, not the first `LISTED_STAGES`. */
  allStages?: boolean;
  /** `--outcome`: the column the outcome is read from, and its won value. */
  outcome?: OutcomeChoice;
}

/** A CSV file's bytes, refused with one line when it is missing, a folder, unreadable or past the size limit. */
export function readCsvFile(path: string): Uint8Array {
  const name = basename(path);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`${path} is a folder, not a CSV file`);
    if (stat.size > MAX_CSV_BYTES) {
      throw new CliError(
        `${name} is ${megabytes(stat.size)}. Dealsight imports files up to ${megabytes(MAX_CSV_BYTES)}: export fewer columns or a shorter date range.`,
      );
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`no such file: ${path}`);
    if (code === 'EACCES') throw new CliError(`cannot read ${path}: permission denied`);
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

export function loadCsv(path: string | undefined, progress: Progress, options: LoadOptions = {}): ImportResult & { file: string } {
  if (!path) throw new CliError('missing the CSV file to read');
  const name = basename(path);
  const bytes = readCsvFile(path);
  progress.phase(`Reading ${name}`);
  let result: ImportResult;
  try {
    result = importCsv(bytes, { source: 'csv', stages: options.stages, outcome: options.outcome });
  } catch (error) {
    throw new CliError(`${name}: ${(error as Error).message}`);
  }
  const read = result.opportunities.length;
  const rows = read + result.rejected.length;
  progress.note(
    `${name}: ${read.toLocaleString('en-US')} opportunities read as a ${formatName(result.format)} export` +
      (result.encoding !== null && result.encoding !== 'UTF-8' ? ` in ${result.encoding}` : '') +
      (result.rejected.length > 0 ? `, ${result.rejected.length.toLocaleString('en-US')} row${result.rejected.length === 1 ? '' : 's'} rejected` : ''),
  );
  if (rows > 0 && result.rejected.length / rows > MOSTLY_REJECTED) {
    progress.note(
      `  note: ${result.rejected.length.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows (${Math.round((result.rejected.length / rows) * 100)}%) were rejected: ` +
        'the file may be broken or not the export you meant; the results below rest on the rest.',
    );
  }
  if (result.outcome !== null) progress.note(`  note: ${outcomeText(result.outcome)}`);
  for (const warning of result.warnings) progress.note(`  note: ${warning}`);
  for (const line of stageMapLines(result, options)) progress.note(line);
  for (const rejection of result.rejected.slice(0, LISTED_REJECTIONS)) progress.note(`  rejected line ${rejection.line}: ${rejection.reason}`);
  if (result.rejected.length > LISTED_REJECTIONS) {
    progress.note(`  … and ${result.rejected.length - LISTED_REJECTIONS} more rejected rows`);
  }
  if (read === 0 && rows === 0) throw new CliError(`${name}: the file has a header but no data rows`);
  if (read === 0) throw new CliError(`${name}: no usable opportunities (every row was rejected)`);
  return { ...result, file: path };
}

/** Other values named in the outcome note. */
const LISTED_LOST = 5;

/** `outcome: Opportunity Result, "Won" is won, "Loss" is lost (recognized …)`: which column and value, and how it was decided. */
export function outcomeText(outcome: OutcomeColumn): string {
  const [won, ...others] = outcome.values;
  const rows = (n: number): string => n.toLocaleString('en-US');
  const lost = listNames(
    others.map((v) => `"${clipText(v.value)}" (${rows(v.rows)})`),
    LISTED_LOST,
  );
  const empty = outcome.emptyRows > 0 ? `, empty is open (${rows(outcome.emptyRows)})` : '';
  const how =
    outcome.basis === 'chosen' ? 'as --outcome says' : 'recognized by its name and values; --outcome COLUMN[:WON_VALUE] chooses another column or value';
  return `outcome: ${outcome.label}, "${clipText(outcome.won)}" is won (${rows(won?.rows ?? 0)}), ${lost} ${others.length === 1 ? 'is' : 'are'} lost${empty} (${how})`;
}

const OUTCOME_WORDS: Readonly<Record<StageMapEntry['outcome'], string>> = { won: 'won', lost: 'lost', open: 'open', closed: 'closed, won or lost unknown' };

/** The stage map: how each stage is read, proposals marked, and how to change it. */
function stageMapLines(result: ImportResult, options: LoadOptions): string[] {
  const entries = result.stageMap;
  if (entries.length === 0) return [];
  const shown = options.allStages ? entries : entries.slice(0, LISTED_STAGES);
  const lines = ['  stage map (stage → outcome, rows):'];
  for (const e of shown) {
    const how = e.basis === 'proposed' ? `, proposed: the name says "${e.word}"` : e.basis === 'chosen' ? ', as --stages says' : '';
    lines.push(`    ${clipText(e.stage)} → ${OUTCOME_WORDS[e.outcome]}${how} (${e.rows.toLocaleString('en-US')})`);
  }
  const more = entries.length - shown.length + result.stageMapOmitted;
  if (more > 0) lines.push(`    … and ${more.toLocaleString('en-US')} more stages${options.allStages ? '' : ' (dealsight check lists them all)'}`);
  const proposed = entries.filter((e) => e.basis === 'proposed');
  if (proposed.length > 0) {
    const example = proposed[0]?.stage ?? '';
    lines.push(
      `  To read ${listNames(
        proposed.map((e) => `"${e.stage}"`),
        3,
      )} otherwise, run again with --stages '${clipText(example, 40)} = open' (or = won; several separated by ";", or a file of such lines).`,
    );
  }
  return lines;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000).toLocaleString('en-US')} MB`;
}

/** What each CSV format the importer knows is called in the CLI's output. */
const FORMAT_NAMES: Readonly<Record<ImportResult['format'], string>> = { salesforce: 'Salesforce report', hubspot: 'HubSpot deals', generic: 'generic CSV' };

function formatName(format: ImportResult['format']): string {
  return FORMAT_NAMES[format] ?? FORMAT_NAMES.generic;
}
