/**
 * CSV export → opportunities. Pure: the CLI reads the file and the extension reads the
 * dropped `File`, and both hand the text in. The whole file is refused only when it
 * cannot be imported at all (`CsvImportError`); otherwise every row that cannot be used
 * is returned in `rejected` with its physical line and a reason naming field and value.
 */
import { knownOnlyAtClose, type LeakyAttribute } from '../leakage';
import type { AttributeField, Opportunity, SourceKind } from '../opportunity';
import type { DateOrderBasis } from './date-order';
import type { DateOrder } from './dates';
import { CsvImportError } from './errors';
import { listNames, quoteValue } from './excerpt';
import { detectFormat, type FormatName } from './formats';
import { mapColumns, type ColumnMapping } from './mapping';
import { parseCsv, type Delimiter, type ParsedCsv } from './parse';
import { planColumns, type ColumnPlan } from './plan';
import { createRowContext, LINE_ID_PREFIX, readRow, type RowContext } from './rows';
import { Table } from './table';
import { fitsField } from './typing';

export interface ImportOptions {
  /** Defaults to 'csv'; the sandbox passes 'sandbox' for its generated exports. */
  source?: SourceKind;
  /** ISO code for amounts that carry no currency and have no currency column. */
  defaultCurrency?: string;
  /** Day/month order of slash dates, when the rep knows better than the values tell. */
  dateOrder?: DateOrder;
}

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
  /** Attributes that are known only at the close: kept, but never win-model features. */
  leakyAttributes: LeakyAttribute[];
}

/** `line 14: Close Date "31/02/2024" is not a date …`, for logs and the CLI. */
export function formatRejection(row: RejectedRow): string {
  return `line ${row.line}: ${row.reason}`;
}

export function importCsv(text: string, options: ImportOptions = {}): ImportResult {
  const parsed = parseCsv(text);
  const table = new Table(parsed.header, parsed.rows);
  const { format } = detectFormat(parsed.header);
  const mapping = mapColumns(parsed.header, format, (c, field) => fitsField(field, () => table.distinct(c)));
  const plan = planColumns(table, mapping, options.dateOrder);
  assertImportable(table, plan);
  const ctx = createRowContext(table, plan, options.source ?? 'csv', options.defaultCurrency?.trim().toUpperCase() || null);
  const { opportunities, rejected } = readRows(parsed, ctx);
  const emptyColumns = new Set(plan.emptyColumns.map((c) => c.column));
  const fields = attributeFields(plan, opportunities);
  const warnings = [
    ...fileWarnings(parsed.footer, plan, parsed.rows.length + parsed.problems.length),
    ...plan.warnings,
    ...ctx.issues.warnings(),
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
    leakyAttributes: knownOnlyAtClose(fields),
  };
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
  const id = plan.fields.id;
  if (id !== undefined && table.rows.length > 0 && table.isEmpty(id)) {
    throw new CsvImportError(`The id column "${table.label(id)}" is empty on every row, so deals cannot be told apart. ${seen}`, headers);
  }
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
