/**
 * The outcome read from one column of a won/lost pair, as real files carry it (issue 15):
 * IBM's "Opportunity Result" (Won / Loss), X Education's "Converted" (1 / 0), a "Result"
 * of Yes / No. One value of the column means won, every other non-empty value lost, and an
 * empty cell open. The column is recognized by its name and values when no Stage or Closed
 * column gives the outcome (those keep priority, as before), or chosen by the user (the
 * CLI's `--outcome COLUMN[:WON_VALUE]`, the options page's import preview). What cannot be
 * told is refused with the candidate columns named, never guessed: a wrong outcome teaches
 * the win model the wrong lesson.
 */
import { normalizeLabel } from '../opportunity';
import { CsvImportError } from './errors';
import { listNames, quoteValue } from './excerpt';
import { classifyStage } from './outcome';
import type { ColumnMapping } from './mapping';
import { isEmptyCell } from './reading';
import type { Table } from './table';

/** How the outcome column was decided: by its name and values, or by the user. */
export type OutcomeColumnBasis = 'recognized' | 'chosen';

/** The user's word on the outcome: a column by its header (any case), and the value that means won (default: recognized from the values). */
export interface OutcomeChoice {
  column: string;
  won?: string;
}

/** One distinct value of a column (spellings that differ only in case or punctuation counted together). */
export interface OutcomeValue {
  /** As first written in the file. */
  value: string;
  rows: number;
}

/** The column the outcome is read from. */
export interface OutcomeColumn {
  /** 0-based position in the header. */
  column: number;
  /** The header as written: what a choice names. */
  header: string;
  /** The header as messages show it. */
  label: string;
  /** The value meaning won, as written; every other non-empty value is lost. */
  won: string;
  /** Distinct non-empty values with their rows, the won value first. */
  values: OutcomeValue[];
  /** Rows with an empty cell: open deals. */
  emptyRows: number;
  basis: OutcomeColumnBasis;
}

/** A column that could hold the outcome: two to `MAX_OUTCOME_VALUES` distinct values. */
export interface OutcomeCandidate {
  column: number;
  header: string;
  label: string;
  /** By rows, most first. */
  values: OutcomeValue[];
  /** The value that reads as won (Won, Yes, 1, True, Converted …), null when none does. */
  suggestedWon: string | null;
  /** Whether its header says outcome (Result, Outcome, Converted, Won, Status …). */
  named: boolean;
  /** Whether its values are exactly a won/lost pair. */
  pair: boolean;
  /** Rows with an empty cell: open deals if it is the outcome. */
  emptyRows: number;
}

/**
 * The refusal of a file whose outcome column cannot be told (none recognized, or two
 * could be): it carries the columns that could hold it, so the options page can ask the
 * user to pick one instead of refusing the file (issue 15).
 */
export class OutcomeUnknownError extends CsvImportError {
  override name = 'OutcomeUnknownError';

  constructor(
    message: string,
    headers: readonly string[],
    /** Columns of two to a few distinct values, the likeliest first. */
    readonly candidates: readonly OutcomeCandidate[],
  ) {
    super(message, headers);
  }
}

/** Distinct values a column may have to be offered as the outcome: "two to a few". */
export const MAX_OUTCOME_VALUES = 12;
/** Columns offered, the likeliest first: a file of 10,000 yes/no columns is no list to choose from, nor to send to the page. */
export const MAX_OUTCOME_CANDIDATES = 100;

/**
 * Won/lost pairs, as `normalizeLabel` writes them. A column is a pair when its non-empty
 * values are exactly one won and one lost word of the same line: "Won"/"No" is not.
 */
const PAIRS: ReadonlyArray<readonly [won: readonly string[], lost: readonly string[]]> = [
  [
    ['won', 'win', 'closed won', 'closedwon', 'closed win', 'success', 'successful'],
    ['lost', 'loss', 'lose', 'closed lost', 'closedlost', 'closed loss', 'failure', 'failed', 'unsuccessful'],
  ],
  [
    ['yes', 'y'],
    ['no', 'n'],
  ],
  [
    ['true', 't'],
    ['false', 'f'],
  ],
  [['1'], ['0']],
  [['converted'], ['not converted', 'unconverted', 'non converted', 'nonconverted']],
];

/** Headers that are the outcome by themselves, as `normalizeLabel` writes them (camelCase split). */
const OUTCOME_NAMES: ReadonlySet<string> = new Set([
  'won lost',
  'win loss',
  'win lose',
  'won loss',
  'win lost',
  'is won',
  'is closed won',
  'closed won',
  'is converted',
  'has converted',
  'converted flag',
  'won flag',
]);
/** A header's last word that says outcome: "Opportunity Result", "Deal Outcome", "Lead Status", "Converted". */
const OUTCOME_WORDS: ReadonlySet<string> = new Set(['result', 'outcome', 'converted', 'won', 'win', 'status', 'conversion']);
/** Words that may come before it: whose result it is. "Payment Status" is not the deal's. */
const OUTCOME_OWNERS: ReadonlySet<string> = new Set([
  'opportunity',
  'opp',
  'deal',
  'lead',
  'sale',
  'sales',
  'final',
  'overall',
  'is',
  'has',
  'was',
  'bid',
  'tender',
  'prospect',
  'customer',
  'client',
  'closed',
  'close',
  'closing',
  'win',
  'won',
  'the',
]);

/** Whether a header names the deal's outcome. */
export function isOutcomeName(header: string): boolean {
  const words = normalizeLabel(header.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
  if (OUTCOME_NAMES.has(words)) return true;
  const parts = words.split(' ');
  const last = parts.pop() ?? '';
  return OUTCOME_WORDS.has(last) && parts.every((w) => OUTCOME_OWNERS.has(w));
}

/** How values are compared: "Won", "won " and "WON" are one value. */
function valueKey(raw: string): string {
  return normalizeLabel(raw) || raw.trim().toLowerCase();
}

interface ColumnValues {
  values: OutcomeValue[];
  keys: string[];
  emptyRows: number;
}

/** A column's distinct values by rows (most first), or null past `max` of them: an id column stops after a few rows. */
function fewValues(table: Table, column: number, max: number): ColumnValues | null {
  const byKey = new Map<string, OutcomeValue>();
  const keyOf = new Map<string, string>();
  let emptyRows = 0;
  for (const row of table.rows) {
    const raw = table.cell(row, column);
    if (isEmptyCell(raw) || raw.trim() === '') {
      emptyRows++;
      continue;
    }
    let key = keyOf.get(raw);
    if (key === undefined) {
      key = valueKey(raw);
      keyOf.set(raw, key);
    }
    const seen = byKey.get(key);
    if (seen) seen.rows++;
    else {
      if (byKey.size === max) return null;
      byKey.set(key, { value: raw.trim(), rows: 1 });
    }
  }
  const entries = [...byKey].sort((a, b) => b[1].rows - a[1].rows);
  return { values: entries.map(([, v]) => v), keys: entries.map(([k]) => k), emptyRows };
}

/** A cell of the outcome column: its won value is won, an empty cell open, anything else lost. */
export function outcomeOfCell(column: OutcomeColumn, raw: string): { isClosed: boolean; isWon: boolean } {
  if (raw.trim() === '' || isEmptyCell(raw)) return { isClosed: false, isWon: false };
  return { isClosed: true, isWon: valueKey(raw) === valueKey(column.won) };
}

/** The line of `PAIRS` the two keys make, with which of them is won; null when they are no pair. */
function pairOf(keys: readonly string[]): { line: number; won: number } | null {
  if (keys.length !== 2) return null;
  const [a = '', b = ''] = keys;
  for (let line = 0; line < PAIRS.length; line++) {
    const [won, lost] = PAIRS[line] ?? [[], []];
    if (won.includes(a) && lost.includes(b)) return { line, won: 0 };
    if (won.includes(b) && lost.includes(a)) return { line, won: 1 };
  }
  return null;
}

const WON_KEYS: ReadonlySet<string> = new Set(PAIRS.flatMap(([won]) => won));

/** The value that reads as won: the pair's won side, or the one won word among the values. */
function suggestedWon(values: ColumnValues): string | null {
  const pair = pairOf(values.keys);
  if (pair !== null) return values.values[pair.won]?.value ?? null;
  const won = values.keys.flatMap((k, i) => (WON_KEYS.has(k) ? [i] : []));
  return won.length === 1 ? (values.values[won[0] ?? 0]?.value ?? null) : null;
}

/**
 * Columns that could hold the outcome, for a refusal's list and the options page's picker:
 * named ones first, then pairs, then the others in file order. Ignored columns (repeats,
 * no values) are left out.
 */
export function outcomeCandidates(table: Table, mapping: readonly ColumnMapping[]): OutcomeCandidate[] {
  const candidates: OutcomeCandidate[] = [];
  for (const m of mapping) {
    if (m.target.kind === 'ignored' || m.target.kind === 'stageHistory' || NOT_OUTCOMES.has(m.target.kind === 'field' ? m.target.field : '')) continue;
    const values = fewValues(table, m.column, MAX_OUTCOME_VALUES);
    if (values === null || values.values.length < 2) continue;
    candidates.push({
      column: m.column,
      header: m.header,
      label: table.label(m.column),
      values: values.values,
      suggestedWon: suggestedWon(values),
      named: isOutcomeName(m.header),
      pair: pairOf(values.keys) !== null,
      emptyRows: values.emptyRows,
    });
  }
  const rank = (c: OutcomeCandidate): number => (c.named && c.pair ? 0 : c.named ? 1 : c.pair ? 2 : 3);
  return candidates.sort((a, b) => rank(a) - rank(b) || a.column - b.column).slice(0, MAX_OUTCOME_CANDIDATES);
}

/** Fields whose few distinct values in a small file say nothing about outcomes. */
const NOT_OUTCOMES: ReadonlySet<string> = new Set(['id', 'name', 'amount', 'createdDate', 'closeDate', 'stageEnteredDate', 'probability']);

/** The outcome's column and the columns left out of the attributes because they carry it. */
export interface OutcomeDecision {
  outcome: OutcomeColumn | null;
  /** Other columns that look like an outcome (a second pair under an outcome name): kept, never features. */
  alsoOutcomes: number[];
}

/**
 * Decides where the outcome comes from, and retargets `mapping` to match: the chosen or
 * recognized column becomes the outcome (no field, no attribute), and with a choice the
 * Won and Closed flags of other columns are ignored (the user said where the outcome is).
 * Returns a null outcome when the Won, Closed and Stage fields give it as before; throws
 * `CsvImportError` when the choice names nothing in the file, and `OutcomeUnknownError`
 * when nothing gives the outcome or two columns could.
 */
export function decideOutcome(table: Table, mapping: ColumnMapping[], choice?: OutcomeChoice): OutcomeDecision {
  if (choice !== undefined) return chosenOutcome(table, mapping, choice);
  const field = (name: 'isWon' | 'isClosed' | 'stage'): ColumnMapping | undefined => mapping.find((m) => m.target.kind === 'field' && m.target.field === name);
  const isWon = field('isWon');
  const isClosed = field('isClosed');
  const stage = field('stage');
  if (isClosed !== undefined) return { outcome: null, alsoOutcomes: [] };
  if (stage !== undefined) {
    // A Stage or Status column of Yes/No, 1/0 or Success/Failure is an outcome: read as stage
    // names, every such deal would be open. Won/Lost it reads as it always has.
    const values = isWon === undefined ? fewValues(table, stage.column, 2) : null;
    const pair = values === null ? null : pairOf(values.keys);
    if (values === null || pair === null || readsAsStages(values, pair.won)) return { outcome: null, alsoOutcomes: [] };
    return { outcome: take(table, stage, values, pair.won, 'recognized'), alsoOutcomes: [] };
  }
  // A lone Won flag of a pair is the outcome (its other value is lost, not "not won yet"),
  // as is a won/lost pair under an outcome's name; two such columns are one too many.
  const recognized = mapping.flatMap((m) => {
    if (m !== isWon && (m.target.kind !== 'attribute' || !isOutcomeName(m.header))) return [];
    const values = fewValues(table, m.column, 2);
    const pair = values === null ? null : pairOf(values.keys);
    return values === null || pair === null ? [] : [{ m, values, won: pair.won }];
  });
  const [only] = recognized;
  if (only !== undefined && recognized.length === 1) return { outcome: take(table, only.m, only.values, only.won, 'recognized'), alsoOutcomes: [] };
  // A Won flag that is no pair reads as it always has: won, or not won (open).
  if (recognized.length === 0 && isWon !== undefined) return { outcome: null, alsoOutcomes: [] };
  const candidates = outcomeCandidates(table, mapping);
  throw new OutcomeUnknownError(
    recognized.length > 1 ? ambiguousMessage(table, recognized) : noOutcomeMessage(table, candidates),
    headersOf(table),
    candidates,
  );
}

/** Whether the stage reader already reads the pair's won value as won and the other as lost. */
function readsAsStages(values: ColumnValues, wonIndex: number): boolean {
  return values.values.every((v, i) => classifyStage(v.value) === (i === wonIndex ? 'won' : 'lost'));
}

function take(table: Table, m: ColumnMapping, values: ColumnValues, wonIndex: number, basis: OutcomeColumnBasis): OutcomeColumn {
  const won = values.values[wonIndex] as OutcomeValue;
  m.target = { kind: 'outcome' };
  return {
    column: m.column,
    header: m.header,
    label: table.label(m.column),
    won: won.value,
    values: [won, ...values.values.filter((_, i) => i !== wonIndex)],
    emptyRows: values.emptyRows,
    basis,
  };
}

function chosenOutcome(table: Table, mapping: ColumnMapping[], choice: OutcomeChoice): OutcomeDecision {
  const found = findColumn(mapping, choice);
  if (found === null) {
    throw new CsvImportError(
      `No column is called ${quoteValue(choice.column.trim())}, so it cannot give the outcome. Headers found: ${listNames(headersOf(table))}.`,
      headersOf(table),
    );
  }
  const { m, won: wanted } = found;
  const label = table.label(m.column);
  const values = fewValues(table, m.column, Number.POSITIVE_INFINITY) as ColumnValues;
  if (values.values.length === 0) throw new CsvImportError(`The outcome column ${quoteValue(label)} is empty on every row.`, headersOf(table));
  const shown = (): string => listNames(values.values.map((v) => `${quoteValue(v.value)} (${v.rows.toLocaleString('en-US')})`));
  let wonIndex: number;
  if (wanted !== undefined && wanted.trim() !== '') {
    wonIndex = values.keys.indexOf(valueKey(wanted));
    if (wonIndex < 0) throw new CsvImportError(`${quoteValue(wanted.trim())} is not a value of ${label}: its values are ${shown()}.`, headersOf(table));
  } else {
    const suggested = suggestedWon(values);
    if (suggested === null) {
      const example = `${label}:${values.values[0]?.value ?? ''}`;
      throw new CsvImportError(
        `Cannot tell which value of ${label} means won: its values are ${shown()}; name it, as in --outcome ${quoteValue(example)}.`,
        headersOf(table),
      );
    }
    wonIndex = values.values.findIndex((v) => v.value === suggested);
  }
  for (const other of mapping) {
    if (other === m || other.target.kind !== 'field') continue;
    if (other.target.field === 'isWon' || other.target.field === 'isClosed') other.target = { kind: 'ignored', reason: `the outcome is read from ${label}` };
  }
  const outcome = take(table, m, values, wonIndex, 'chosen');
  const alsoOutcomes = mapping.flatMap((o) => {
    if (o.target.kind !== 'attribute' || !isOutcomeName(o.header)) return [];
    const v = fewValues(table, o.column, 2);
    return v !== null && pairOf(v.keys) !== null ? [o.column] : [];
  });
  return { outcome, alsoOutcomes };
}

/** The column a choice names (its header in any case and spacing); a header with ":" in it is found whole too. */
function findColumn(mapping: readonly ColumnMapping[], choice: OutcomeChoice): { m: ColumnMapping; won: string | undefined } | null {
  const byName = (name: string): ColumnMapping | undefined => {
    const wanted = name.trim().toLowerCase();
    return (
      mapping.find((m) => m.header.trim().toLowerCase() === wanted) ??
      mapping.find((m) => normalizeLabel(m.header) === normalizeLabel(name) && normalizeLabel(name) !== '')
    );
  };
  const m = byName(choice.column);
  if (m !== undefined) return { m, won: choice.won };
  if (choice.won !== undefined) {
    const whole = byName(`${choice.column}:${choice.won}`);
    if (whole !== undefined) return { m: whole, won: undefined };
  }
  return null;
}

function headersOf(table: Table): string[] {
  return table.header.map((_, i) => table.label(i));
}

function valuesText(values: readonly OutcomeValue[]): string {
  return values.map((v) => v.value).join('/');
}

function ambiguousMessage(table: Table, recognized: ReadonlyArray<{ m: ColumnMapping; values: ColumnValues }>): string {
  const columns = recognized.map(({ m, values }) => `${table.label(m.column)} (${valuesText(values.values)})`);
  const example = `${table.label(recognized[0]?.m.column ?? 0)}`;
  return (
    `${recognized.length} columns could say whether a deal is won: ${listNames(columns, 5)}. ` +
    `Name the one to use with --outcome COLUMN[:WON_VALUE], as in --outcome ${quoteValue(example)}.`
  );
}

/** Candidates named in a refusal. */
const CANDIDATES_SHOWN = 5;

function noOutcomeMessage(table: Table, candidates: readonly OutcomeCandidate[]): string {
  const base =
    'No column says whether a deal is won, lost or open: expected a Won or Closed yes/no column, or a Stage or Status column ' +
    'with values such as "Closed Won", "Closed Lost" or an open stage.';
  const seen = `Headers found: ${listNames(headersOf(table))}.`;
  if (candidates.length === 0) return `${base} ${seen}`;
  const shown = candidates.slice(0, CANDIDATES_SHOWN).map((c) => `${c.label} (${valuesText(c.values.slice(0, 4))}${c.values.length > 4 ? '/…' : ''})`);
  const more = candidates.length > CANDIDATES_SHOWN ? ` and ${candidates.length - CANDIDATES_SHOWN} more` : '';
  return `${base} Columns that could hold it: ${shown.join(', ')}${more}; name one with --outcome COLUMN[:WON_VALUE]. ${seen}`;
}
