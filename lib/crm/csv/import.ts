/**
 * CSV export → opportunities. Pure: the CLI reads the file and the extension reads the
 * dropped `File`, and both hand the bytes in (or text, already decoded). The whole file is refused only when it
 * cannot be imported at all (`CsvImportError`); otherwise every row that cannot be used
 * is returned in `rejected` with its physical line and a reason naming field and value.
 */
import { knownOnlyAtClose, type LeakyAttribute } from '../leakage';
import { normalizeLabel, type AttributeField, type Opportunity, type SourceKind } from '../opportunity';
import type { DateOrderBasis } from './date-order';
import type { DateOrder } from './dates';
import { decodeCsv, withoutNuls, type CsvEncoding, type DecodedCsv } from './encoding';
import { CsvImportError } from './errors';
import { listNames, quoteValue } from './excerpt';
import { detectFormat, GENERIC, type CsvFormat, type FormatName, type StandardField } from './formats';
import { normalizeHeader } from './headers';
import { readStage, type StageBasis, type StageChoice, type StageOutcome } from './outcome';
import { decideOutcome, outcomeCandidates, type OutcomeCandidate, type OutcomeChoice, type OutcomeColumn } from './outcome-column';
import { mapColumns, type ColumnMapping } from './mapping';
import { parseCsv, type Delimiter, type ParsedCsv } from './parse';
import { planColumns, type ColumnPlan } from './plan';
import { createRowContext, LINE_ID_PREFIX, readRow, type RowContext } from './rows';
import { Table } from './table';
import { fieldFit, fitsField } from './typing';

export interface ImportOptions {
  /** Defaults to 'csv'; the sandbox passes 'sandbox' for its generated exports. */
  source?: SourceKind;
  /** ISO code for amounts that carry no currency and have no currency column. */
  defaultCurrency?: string;
  /** Day/month order of slash dates, when the rep knows better than the values tell. */
  dateOrder?: DateOrder;
  /** What the user says stages are (the options page's stage map, the CLI's `--stages`), over what their names suggest. */
  stages?: ReadonlyArray<readonly [stage: string, outcome: StageChoice]>;
  /** The column the outcome is read from and its won value (the options page's picker, the CLI's `--outcome`), over what the importer recognizes. */
  outcome?: OutcomeChoice;
}

/** One distinct stage of the file and how it is read. */
export interface StageMapEntry {
  /** As written (trimmed). */
  stage: string;
  outcome: StageOutcome;
  basis: StageBasis;
  /** The word a proposal rests on ("dead"). */
  word?: string;
  /** Rows with this stage. */
  rows: number;
}

/** Stages listed in the map: proposals first, then by rows; a file of 50,000 distinct "stages" is not a pipeline. */
export const MAX_STAGE_MAP = 200;

export interface RejectedRow {
  /** 1-based physical line where the row starts. */
  line: number;
  /** Names the field and value: `Close Date "31/02/2024" is not a date (February has no day 31)`. */
  reason: string;
}

export interface ImportResult {
  format: FormatName;
  delimiter: Delimiter;
  opportunities: Opportunity[];
  /** The attribute map: one entry per attribute column with a value, with its coverage. */
  fields: AttributeField[];
  /** Every header and where it went. */
  mapping: ColumnMapping[];
  rejected: RejectedRow[];
  warnings: string[];
  /** Day/month order of the file's slash dates; null when it has none. */
  dateOrder: DateOrder | null;
  dateOrderBasis: DateOrderBasis | null;
  /** Distinct stages of open deals, in order of first appearance. */
  openStages: string[];
  /** Every distinct stage with its outcome, proposals first (at most `MAX_STAGE_MAP`); empty without a stage column. */
  stageMap: StageMapEntry[];
  /** Distinct stages left out of `stageMap`. */
  stageMapOmitted: number;
  /** The bytes' encoding; null when the caller handed in text. */
  encoding: CsvEncoding | null;
  /** Attributes that are known only at the close: kept, but never win-model features. */
  leakyAttributes: LeakyAttribute[];
  /**
   * The won/lost column the outcome was read from, its won value and whether it was
   * recognized or chosen; null when the Won, Closed and Stage columns give it (issue 15).
   */
  outcome: OutcomeColumn | null;
  /** Columns that could hold the outcome (two to a few distinct values), for the import preview's picker. */
  outcomeCandidates: OutcomeCandidate[];
}

/** `line 14: Close Date "31/02/2024" is not a date …`, for logs and the CLI. */
export function formatRejection(row: RejectedRow): string {
  return `line ${row.line}: ${row.reason}`;
}

export function importCsv(input: string | Uint8Array | ArrayBuffer, options: ImportOptions = {}): ImportResult {
  const decoded = decode(input);
  const parsed = parseCsv(decoded.text);
  const table = new Table(parsed.header, parsed.rows);
  const { format } = detectFormat(parsed.header);
  const mapping = mapColumns(parsed.header, format, (c, field) => fitsField(field, () => table.distinct(c)));
  const repeats = ignoreRepeatedFields(table, mapping);
  const decision = decideOutcome(table, mapping, options.outcome);
  // After the outcome is decided: a "Result" of A/B chosen as the outcome is no attribute to warn about.
  const repeated = [...repeats, ...unfitHeaderWarnings(table, mapping, format)];
  const plan = planColumns(table, mapping, options.dateOrder, decision.outcome);
  assertImportable(table, plan);
  const choices = stageChoices(options.stages);
  const ctx = createRowContext(table, plan, options.source ?? 'csv', options.defaultCurrency?.trim().toUpperCase() || null, choices);
  const { opportunities, rejected } = readRows(parsed, ctx);
  const emptyColumns = new Set(plan.emptyColumns.map((c) => c.column));
  const fields = attributeFields(plan, opportunities);
  const stages = stageMap(table, plan, choices);
  const warnings = [
    ...decoded.warnings,
    ...fileWarnings(parsed.footer, plan, parsed.rows.length + parsed.problems.length),
    ...repeated,
    ...plan.warnings,
    ...ctx.issues.warnings(),
    ...negativeAmountWarnings(table, plan, ctx),
    ...stageWarnings(table, plan, stages.entries, options.stages),
    ...resultWarnings(table, plan, opportunities, ctx.duplicates),
  ];
  return {
    format: format.name,
    delimiter: parsed.delimiter,
    opportunities,
    fields,
    mapping: mapping.map((m) => (emptyColumns.has(m.column) ? { ...m, target: { kind: 'ignored', reason: 'no values' } } : m)),
    rejected,
    warnings,
    dateOrder: plan.dateOrder.order,
    dateOrderBasis: plan.dateOrder.basis,
    openStages: openStages(opportunities),
    stageMap: stages.entries.slice(0, MAX_STAGE_MAP),
    stageMapOmitted: Math.max(0, stages.entries.length - MAX_STAGE_MAP),
    encoding: typeof input === 'string' ? null : decoded.encoding,
    leakyAttributes: [...knownOnlyAtClose(fields), ...alsoOutcomes(plan, decision.alsoOutcomes)],
    outcome: plan.outcome,
    outcomeCandidates: outcomeCandidates(table, mapping),
  };
}

function decode(input: string | Uint8Array | ArrayBuffer): DecodedCsv {
  if (typeof input !== 'string') return decodeCsv(input instanceof Uint8Array ? input : new Uint8Array(input));
  return withoutNuls({ text: input, encoding: 'UTF-8', warnings: [] });
}

function stageChoices(stages: ImportOptions['stages']): Map<string, StageChoice> | undefined {
  if (stages === undefined || stages.length === 0) return undefined;
  return new Map(stages.map(([stage, outcome]) => [normalizeLabel(stage), outcome]));
}

/** The file's distinct stages and how each is read: proposals first (they want a look), then by rows. */
function stageMap(table: Table, plan: ColumnPlan, choices: ReadonlyMap<string, StageChoice> | undefined): { entries: StageMapEntry[] } {
  const column = plan.fields.stage;
  // With an outcome column, stages decide nothing: a map of them would only mislead.
  if (column === undefined || plan.outcome !== null) return { entries: [] };
  const entries = table.distinct(column).map((v): StageMapEntry => ({ stage: v.raw, rows: v.count, ...readStage(v.raw, choices) }));
  const rank = (e: StageMapEntry): number => (e.basis === 'proposed' ? 0 : 1);
  entries.sort((a, b) => rank(a) - rank(b) || b.rows - a.rows);
  return { entries };
}

/** Stages shown in a warning. */
const STAGES_SHOWN = 5;

function stageWarnings(table: Table, plan: ColumnPlan, entries: readonly StageMapEntry[], chosen: ImportOptions['stages']): string[] {
  const column = plan.fields.stage;
  if (column === undefined || plan.outcome !== null) return [];
  const warnings: string[] = [];
  const proposed = entries.filter((e) => e.basis === 'proposed');
  if (proposed.length > 0) {
    const shown = proposed.slice(0, STAGES_SHOWN).map((e) => `${quoteValue(e.stage)} (${rowsText(e.rows)})`);
    const more = proposed.length > STAGES_SHOWN ? ` and ${proposed.length - STAGES_SHOWN} more` : '';
    warnings.push(
      `${table.label(column)}: ${proposed.length === 1 ? '1 stage is' : `${proposed.length} stages are`} read as lost because ${proposed.length === 1 ? 'its name says' : 'their names say'} so: ` +
        `${shown.join(', ')}${more}. If one is an open stage, change it in the stage map.`,
    );
  }
  if (chosen !== undefined && chosen.length > 0) {
    const present = new Set(entries.map((e) => normalizeLabel(e.stage)));
    const unknown = chosen.filter(([stage]) => !present.has(normalizeLabel(stage))).map(([stage]) => `"${stage}"`);
    if (unknown.length > 0) warnings.push(`The stage map names ${listNames(unknown)}, which no row of ${table.label(column)} has.`);
  }
  return warnings;
}

const rowsText = (n: number): string => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/**
 * A second "Amount" or "Stage" column is ignored, and said so: kept as an attribute it
 * would quietly feed the models a copy of a standard field, or of the outcome (issue 14).
 */
function ignoreRepeatedFields(table: Table, mapping: ColumnMapping[]): string[] {
  const byHeader = new Map<string, number>();
  for (const m of mapping) if (m.target.kind === 'field') byHeader.set(normalizeHeader(m.header), m.column);
  const repeats = new Map<number, number[]>();
  for (const m of mapping) {
    const normalized = normalizeHeader(m.header);
    if (m.target.kind === 'field' || normalized === '') continue;
    const first = byHeader.get(normalized);
    if (first === undefined) continue;
    (repeats.get(first) ?? repeats.set(first, []).get(first))?.push(m.column);
    m.target = { kind: 'ignored', reason: `repeats column ${first + 1} (${table.label(first)})` };
  }
  return [...repeats].map(([first, others]) => {
    const columns = others.map((c) => c + 1);
    return (
      `${table.label(first)} appears in ${others.length + 1} columns (${listNames([first + 1, ...columns].map(String))}): column ${first + 1} is read, ` +
      `and column${columns.length > 1 ? 's' : ''} ${listNames(columns.map(String))} ${columns.length > 1 ? 'are' : 'is'} ignored.`
    );
  });
}

/** What a field is called in a warning, and what its values must be, for the fields whose header can mislead. */
const FIT_WORDS: Partial<Record<StandardField, [field: string, values: string]>> = {
  isWon: ['the won flag', 'won/lost or yes/no'],
  isClosed: ['the closed flag', 'yes/no'],
  createdDate: ['the created date', 'dates'],
  closeDate: ['the close date', 'dates'],
  stageEnteredDate: ['the stage entered date', 'dates'],
};

/**
 * A column named like a standard field whose values do not suit it (a "Close Date" of
 * "soon") is kept as an attribute, and said so: the field is then missing (issue 14).
 */
function unfitHeaderWarnings(table: Table, mapping: readonly ColumnMapping[], format: CsvFormat): string[] {
  const assigned = new Set(mapping.flatMap((m) => (m.target.kind === 'field' ? [m.target.field] : [])));
  const warnings: string[] = [];
  for (const [field, words] of Object.entries(FIT_WORDS) as [StandardField, [string, string]][]) {
    if (assigned.has(field)) continue;
    const names = new Set([...(format.fields[field] ?? []), ...(GENERIC.fields[field] ?? [])].map(normalizeHeader));
    for (const m of mapping) {
      if (m.target.kind !== 'attribute' || !names.has(normalizeHeader(m.header))) continue;
      const fit = fieldFit(field, () => table.distinct(m.column));
      if (fit === null || fit.total === 0 || fit.example === null) continue;
      const example = `such as ${quoteValue(fit.example.raw)}, line ${fit.example.line}`;
      warnings.push(
        `${table.label(m.column)} is not read as ${words[0]}: only ${fit.pass.toLocaleString('en-US')} of its ${fit.total.toLocaleString('en-US')} values are ${words[1]} (${example}); it is kept as an attribute.`,
      );
    }
  }
  return warnings;
}

function negativeAmountWarnings(table: Table, plan: ColumnPlan, ctx: RowContext): string[] {
  const { count, first } = ctx.negativeAmounts;
  const column = plan.fields.amount;
  if (count === 0 || column === undefined) return [];
  const shown = first.map((c) => `line ${c.line} ${quoteValue(c.raw)}`).join(', ');
  const more = count > first.length ? `, and ${(count - first.length).toLocaleString('en-US')} more` : '';
  return [
    `${table.label(column)}: ${count === 1 ? '1 amount is' : `${count.toLocaleString('en-US')} amounts are`} negative (${shown}${more}); ` +
      'they are kept as written, but a credit note or refund is rarely a deal.',
  ];
}

function readRows(parsed: ParsedCsv, ctx: RowContext): { opportunities: Opportunity[]; rejected: RejectedRow[] } {
  const rejected: RejectedRow[] = parsed.problems.map((p) => ({ line: p.line, reason: p.reason }));
  const opportunities: Opportunity[] = [];
  for (const row of parsed.rows) {
    const reading = readRow(row, ctx);
    if (reading.ok) opportunities.push(reading.value);
    else rejected.push({ line: row.line, reason: reading.reason });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { opportunities, rejected };
}

/** Refuses, with one error naming what is missing and the headers seen, a file nothing can be learned from. */
function assertImportable(table: Table, plan: ColumnPlan): void {
  const headers = table.header.map((_, i) => table.label(i));
  const seen = `Headers found: ${listNames(headers)}.`;
  if (plan.outcome !== null) return assertIds(table, plan, seen, headers);
  const outcomeColumns = (['isWon', 'isClosed', 'stage'] as const).flatMap((f) => (plan.fields[f] === undefined ? [] : [plan.fields[f]]));
  if (outcomeColumns.length === 0) {
    throw new CsvImportError(
      'No column says whether a deal is won, lost or open: expected a Won or Closed yes/no column, or a Stage or Status column ' +
        `with values such as "Closed Won", "Closed Lost" or an open stage. ${seen}`,
      headers,
    );
  }
  if (table.rows.length > 0 && outcomeColumns.every((c) => table.isEmpty(c))) {
    const labels = outcomeColumns.map((c) => table.label(c)).join(', ');
    throw new CsvImportError(
      `The outcome column${outcomeColumns.length > 1 ? 's' : ''} (${labels}) ${outcomeColumns.length > 1 ? 'are' : 'is'} empty on every row. ${seen}`,
      headers,
    );
  }
  assertIds(table, plan, seen, headers);
}

function assertIds(table: Table, plan: ColumnPlan, seen: string, headers: string[]): void {
  const id = plan.fields.id;
  if (id !== undefined && table.rows.length > 0 && table.isEmpty(id)) {
    throw new CsvImportError(`The id column "${table.label(id)}" is empty on every row, so deals cannot be told apart. ${seen}`, headers);
  }
}

/** Other won/lost columns under an outcome's name, beside the one the outcome is read from: they give it away. */
function alsoOutcomes(plan: ColumnPlan, columns: readonly number[]): LeakyAttribute[] {
  const outcome = plan.outcome;
  if (outcome === null) return [];
  return plan.attributes
    .filter((a) => columns.includes(a.column))
    .map((a) => ({ key: a.key, label: a.label, reason: `is a second won/lost column beside the outcome (${outcome.label})` }));
}

function fileWarnings(footer: readonly string[], plan: ColumnPlan, dataRows: number): string[] {
  const warnings: string[] = [];
  if (dataRows === 0) warnings.push('The file has a header but no data rows.');
  if (footer.length > 0) {
    warnings.push(`Ignored ${footer.length} footer line${footer.length > 1 ? 's' : ''} after the data, starting ${quoteValue(footer[0] ?? '')}.`);
  }
  if (plan.fields.id === undefined) {
    warnings.push(
      `No id column (such as "Opportunity ID", "Record ID" or "id"): each deal's id is its line number, such as "${LINE_ID_PREFIX}2", ` +
        'so a later import of a re-sorted file will not match the same deals.',
    );
  }
  return warnings;
}

function resultWarnings(table: Table, plan: ColumnPlan, opportunities: readonly Opportunity[], duplicates: number): string[] {
  const warnings: string[] = [];
  if (plan.emptyColumns.length > 0) warnings.push(`Columns with no values: ${listNames(plan.emptyColumns.map((c) => c.label))}.`);
  if (duplicates > 0) {
    warnings.push(
      `${duplicates} row${duplicates > 1 ? 's repeat ids' : ' repeats an id'} of earlier rows and ${duplicates > 1 ? 'were' : 'was'} rejected; the first row of each id is kept.`,
    );
  }
  const { isWon, isClosed, stage, amount } = plan.fields;
  if (isWon !== undefined && isClosed === undefined && stage === undefined) {
    warnings.push(`${table.label(isWon)} has no Closed or Stage column beside it: deals that are not won are read as open, not lost.`);
  }
  if (opportunities.length > 0 && !opportunities.some((o) => o.isClosed)) {
    warnings.push('No deal is closed (won or lost), so Win Potential has nothing to learn from yet.');
  }
  if (amount !== undefined) {
    const leak = amountSetAtClose(table.label(amount), opportunities);
    if (leak !== null) warnings.push(leak);
  }
  return warnings;
}

/** The minimum of lost deals before an all-zero amount on them says more than chance. */
const MIN_LOST_FOR_LEAK = 10;

/**
 * An amount that is 0 or empty on every lost deal but set on won ones was written at the
 * close (Maven's close_value): it gives the outcome away and must not be a feature.
 */
function amountSetAtClose(label: string, opportunities: readonly Opportunity[]): string | null {
  let lost = 0;
  for (const o of opportunities) {
    if (!o.isClosed || o.isWon) continue;
    if (o.amount !== null && o.amount !== 0) return null;
    lost++;
  }
  if (lost < MIN_LOST_FOR_LEAK || !opportunities.some((o) => o.isWon && o.amount)) return null;
  return `${label} is 0 or empty on all ${lost} lost deals but set on won deals: it is recorded at the close, so it must not be used to predict wins.`;
}

function attributeFields(plan: ColumnPlan, opportunities: readonly Opportunity[]): AttributeField[] {
  return plan.attributes.map((a) => {
    let filled = 0;
    for (const o of opportunities) if (o.attributes[a.key] != null) filled++;
    return { key: a.key, label: a.label, kind: a.kind, coverage: opportunities.length === 0 ? 0 : filled / opportunities.length };
  });
}

function openStages(opportunities: readonly Opportunity[]): string[] {
  const stages = new Set<string>();
  for (const o of opportunities) if (!o.isClosed && o.stage !== null) stages.add(o.stage);
  return [...stages];
}
