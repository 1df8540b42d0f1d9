/**
 * One CSV row → one opportunity, by the column plan. The row is rejected only when what
 * it says about the deal itself is unreadable (its id, its outcome, the close date of a
 * closed deal); an unreadable optional value becomes null and is reported per column.
 */
import {
  blankOpportunity,
  normalizeLabel,
  normalizeOpportunityType,
  type AccountRef,
  type AttributeValue,
  type IsoDate,
  type Opportunity,
  type PersonRef,
  type SourceKind,
  type StageChange,
} from '../opportunity';
import { parseBoolean } from './booleans';
import { currencyCode } from './currencies';
import { quoteValue } from './excerpt';
import type { StandardField } from './formats';
import { IssueLog } from './issues';
import type { ParsedNumber } from './numbers';
import { outcomeOfCell } from './outcome-column';
import { resolveOutcome, type Outcome, type OutcomeCell, type OutcomeCells, type StageChoices } from './outcome';
import type { AttributeColumn, ColumnPlan } from './plan';
import { fail, isEmptyCell, memo, ok, type Reading } from './reading';
import type { CsvRow } from './parse';
import type { Table } from './table';

export interface RowContext {
  table: Table;
  plan: ColumnPlan;
  issues: IssueLog;
  source: SourceKind;
  defaultCurrency: string | null;
  /** Ids of the rows imported so far, with their lines: a later row with the same id is rejected. */
  seenIds: Map<string, number>;
  /** Rows rejected for repeating an id, for the summary warning. */
  duplicates: number;
  /** Outcome per distinct (won, closed, stage) cells: a file has a handful of combinations. */
  outcomeOf: Map<string, Reading<Outcome>>;
  /** Outcome of a cell of the plan's outcome column (won value, other value, empty). */
  outcomeColumn: (raw: string) => Reading<Outcome>;
  /** The account id a name stands for when the file has no account id column. */
  accountIdOf: (name: string) => string;
  /** Stage outcomes the user chose, by normalized stage. */
  stageChoices: StageChoices | undefined;
  /** Negative amounts, kept but reported: a credit or refund is rarely a deal. */
  negativeAmounts: { count: number; first: { line: number; raw: string }[] };
  /** Every attribute key, each null, in the plan's order: each row's attributes start as a copy (see `attributes`). */
  attributeTemplate: Record<string, AttributeValue>;
}

export function createRowContext(table: Table, plan: ColumnPlan, source: SourceKind, defaultCurrency: string | null, stageChoices?: StageChoices): RowContext {
  return {
    table,
    plan,
    issues: new IssueLog(),
    source,
    defaultCurrency,
    seenIds: new Map(),
    duplicates: 0,
    outcomeOf: new Map(),
    outcomeColumn: memo(outcomeOfColumn(plan)),
    accountIdOf: memo((name) => normalizeLabel(name) || name),
    stageChoices,
    negativeAmounts: { count: 0, first: [] },
    attributeTemplate: Object.fromEntries(plan.attributes.map((a) => [a.key, null])),
  };
}

function outcomeOfColumn(plan: ColumnPlan): (raw: string) => Reading<Outcome> {
  const column = plan.outcome;
  return (raw) => ok(column === null ? { isClosed: false, isWon: false } : outcomeOfCell(column, raw));
}

/** Prefix of ids made from line numbers when the file has no id column. */
export const LINE_ID_PREFIX = 'line-';

export function readRow(row: CsvRow, ctx: RowContext): Reading<Opportunity> {
  const id = readId(row, ctx);
  if (!id.ok) return id;
  const outcome = readOutcome(row, ctx);
  if (!outcome.ok) return outcome;
  const closeDate = readDateField(row, ctx, 'closeDate', outcome.value.isClosed);
  if (!closeDate.ok) return closeDate;
  const amount = readAmountValue(row, ctx);
  if (!amount.ok) return amount;
  const o = blankOpportunity(id.value, ctx.source);
  o.isClosed = outcome.value.isClosed;
  o.isWon = outcome.value.isWon;
  o.closeDate = closeDate.value;
  // Lists show names: the id stands in when the file has no name column (Maven, Salvirt).
  o.name = text(row, ctx, 'name') ?? id.value;
  o.account = account(row, ctx);
  o.stage = text(row, ctx, 'stage');
  o.type = normalizeOpportunityType(text(row, ctx, 'type'));
  o.forecastCategory = text(row, ctx, 'forecastCategory');
  o.territory = text(row, ctx, 'territory');
  o.leadSource = text(row, ctx, 'leadSource');
  o.owner = person(text(row, ctx, 'owner'), text(row, ctx, 'ownerId'));
  o.ownerManager = person(text(row, ctx, 'ownerManager'), null);
  o.createdBy = person(text(row, ctx, 'createdBy'), null);
  o.probability = probability(row, ctx);
  o.createdDate = optionalDate(row, ctx, 'createdDate');
  readCurrency(row, ctx, o, amount.value);
  readStages(row, ctx, o);
  o.attributes = attributes(row, ctx);
  ctx.seenIds.set(o.id, row.line);
  return ok(o);
}

function column(ctx: RowContext, field: StandardField): number | undefined {
  return ctx.plan.fields[field];
}

function text(row: CsvRow, ctx: RowContext, field: StandardField): string | null {
  const c = column(ctx, field);
  if (c === undefined) return null;
  const value = ctx.table.cell(row, c).trim();
  return value === '' ? null : value;
}

function readId(row: CsvRow, ctx: RowContext): Reading<string> {
  const c = column(ctx, 'id');
  if (c === undefined) return ok(`${LINE_ID_PREFIX}${row.line}`);
  const id = ctx.table.cell(row, c).trim();
  if (id === '') return fail(`${ctx.table.label(c)} is empty`);
  const first = ctx.seenIds.get(id);
  if (first === undefined) return ok(id);
  ctx.duplicates++;
  return fail(`${ctx.table.label(c)} ${quoteValue(id)} repeats line ${first}`);
}

function readOutcome(row: CsvRow, ctx: RowContext): Reading<Outcome> {
  const outcomeColumn = ctx.plan.outcome;
  if (outcomeColumn !== null) return ctx.outcomeColumn(ctx.table.cell(row, outcomeColumn.column));
  const raw = (field: StandardField): string | undefined => {
    const c = column(ctx, field);
    return c === undefined ? undefined : ctx.table.cell(row, c);
  };
  const key = `${raw('isWon')}\u0000${raw('isClosed')}\u0000${raw('stage')}`;
  let outcome = ctx.outcomeOf.get(key);
  if (outcome === undefined) {
    const cell = (field: StandardField): OutcomeCell | undefined => {
      const c = column(ctx, field);
      return c === undefined ? undefined : { label: ctx.table.label(c), raw: ctx.table.cell(row, c) };
    };
    const cells: OutcomeCells = { won: cell('isWon'), closed: cell('isClosed'), stage: cell('stage') };
    outcome = resolveOutcome(cells, ctx.stageChoices);
    ctx.outcomeOf.set(key, outcome);
  }
  return outcome;
}

/** A close date that does not read rejects a closed deal (its time on the books is unknown); an open deal just loses it. */
function readDateField(row: CsvRow, ctx: RowContext, field: StandardField, required: boolean): Reading<IsoDate | null> {
  const c = column(ctx, field);
  if (c === undefined) return ok(null);
  const raw = ctx.table.cell(row, c);
  if (isEmptyCell(raw)) return ok(null);
  const reading = ctx.plan.dateReaders.get(c)?.(raw.trim()) ?? fail<IsoDate>(`${quoteValue(raw.trim())} is not a date`);
  if (reading.ok) return reading;
  const label = ctx.table.label(c);
  if (required) return fail(`${label} ${reading.reason}`);
  ctx.issues.add(label, 'dates', row.line, raw);
  return ok(null);
}

function optionalDate(row: CsvRow, ctx: RowContext, field: StandardField): IsoDate | null {
  const reading = readDateField(row, ctx, field, false);
  return reading.ok ? reading.value : null;
}

function account(row: CsvRow, ctx: RowContext): AccountRef | null {
  const id = text(row, ctx, 'accountId')?.split(/[;,]/)[0]?.trim() || null;
  const name = text(row, ctx, 'accountName');
  if (id === null && name === null) return null;
  return { id: id ?? ctx.accountIdOf(name ?? ''), name: name ?? id ?? '' };
}

function person(name: string | null, id: string | null): PersonRef | null {
  if (name === null && id === null) return null;
  return { id: id ?? name ?? '', name: name ?? id ?? '' };
}

function readNumberField(row: CsvRow, ctx: RowContext, field: StandardField, noun: string): ParsedNumber | null {
  const c = column(ctx, field);
  if (c === undefined) return null;
  const raw = ctx.table.cell(row, c);
  if (isEmptyCell(raw)) return null;
  const reading = ctx.plan.numberReaders.get(c)?.(raw.trim());
  if (reading?.ok) return reading.value;
  ctx.issues.add(ctx.table.label(c), noun, row.line, raw);
  return null;
}

/** "75%", "75" (in a 0-100 column) and "0.75" are all 0.75. */
function probability(row: CsvRow, ctx: RowContext): number | null {
  const n = readNumberField(row, ctx, 'probability', 'probabilities');
  if (n === null) return null;
  const value = n.percent || ctx.plan.probabilityInPercent ? n.value / 100 : n.value;
  if (value >= 0 && value <= 1) return Number(value.toPrecision(12));
  const c = column(ctx, 'probability');
  if (c !== undefined) ctx.issues.add(ctx.table.label(c), 'probabilities between 0 and 100%', row.line, ctx.table.cell(row, c));
  return null;
}

/**
 * Amounts larger than this lose whole units in a double, and no deal is worth them: a cell
 * such as `1e400` or 400 digits is a broken export, and the row is rejected rather than
 * kept with an amount of Infinity or none (issue 14).
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/** Negative amounts named in their warning. */
const NEGATIVES_SHOWN = 3;

/** The amount, null when empty or unreadable (reported); a number out of range rejects the row. */
function readAmountValue(row: CsvRow, ctx: RowContext): Reading<ParsedNumber | null> {
  const c = column(ctx, 'amount');
  if (c === undefined) return ok(null);
  const raw = ctx.table.cell(row, c);
  if (isEmptyCell(raw)) return ok(null);
  const reading = ctx.plan.numberReaders.get(c)?.(raw.trim());
  if (reading === undefined) return ok(null);
  const label = ctx.table.label(c);
  if (!reading.ok) {
    if (reading.outOfRange) return fail(`${label} ${reading.reason}`);
    ctx.issues.add(label, 'amounts', row.line, raw);
    return ok(null);
  }
  if (Math.abs(reading.value.value) > MAX_AMOUNT) return fail(`${label} ${quoteValue(raw.trim())} is too large to be an amount`);
  if (reading.value.value < 0) {
    const negatives = ctx.negativeAmounts;
    negatives.count++;
    if (negatives.first.length < NEGATIVES_SHOWN) negatives.first.push({ line: row.line, raw: raw.trim() });
  }
  return reading;
}

/** The currency column wins over a symbol in the amount, which wins over the caller's default. */
function readCurrency(row: CsvRow, ctx: RowContext, o: Opportunity, amount: ParsedNumber | null): void {
  o.amount = amount?.value ?? null;
  const c = column(ctx, 'currency');
  const raw = c === undefined ? '' : ctx.table.cell(row, c);
  const fromColumn = isEmptyCell(raw) ? null : currencyCode(raw);
  if (c !== undefined && !isEmptyCell(raw) && fromColumn === null) ctx.issues.add(ctx.table.label(c), 'currency codes', row.line, raw);
  o.currency = fromColumn ?? amount?.currency ?? ctx.defaultCurrency;
}

/**
 * Stage history: HubSpot "Date entered …" columns give the whole path; a Salesforce
 * report gives only the current stage and its "Last Stage Change Date".
 */
function readStages(row: CsvRow, ctx: RowContext, o: Opportunity): void {
  const entered = optionalDate(row, ctx, 'stageEnteredDate');
  const history: StageChange[] = [];
  for (const h of ctx.plan.history) {
    const raw = ctx.table.cell(row, h.column);
    if (isEmptyCell(raw)) continue;
    const date = ctx.plan.dateReaders.get(h.column)?.(raw.trim());
    if (date?.ok) history.push({ stage: h.stage, enteredAt: date.value });
    else ctx.issues.add(h.label, 'dates', row.line, raw);
  }
  // Stable sort: stages entered the same day keep the pipeline's column order.
  history.sort((a, b) => (a.enteredAt < b.enteredAt ? -1 : a.enteredAt > b.enteredAt ? 1 : 0));
  if (history.length === 0 && o.stage !== null && entered !== null) history.push({ stage: o.stage, enteredAt: entered });
  o.stageHistory = history;
  o.stageEnteredDate = entered ?? currentStageEntered(history, o.stage);
}

function currentStageEntered(history: readonly StageChange[], stage: string | null): IsoDate | null {
  if (stage === null) return null;
  const wanted = normalizeLabel(stage);
  return history.findLast((h) => normalizeLabel(h.stage) === wanted)?.enteredAt ?? null;
}

function attributes(row: CsvRow, ctx: RowContext): Record<string, AttributeValue> {
  // A copy of the template, then each key set in place: every deal of the file shares one
  // object layout. Keys added one by one to {} turned the objects into hash tables after a
  // dozen or so, which take several times the memory (IBM's 78,000 deals) and are slower to
  // read for the model. Plain assignment is safe: keys come from camelCaseKey (letters and
  // digits only, never `__proto__`) or the well-known names, and the template already holds
  // every key as an own property (`constructor` and `toString` included).
  const values = { ...ctx.attributeTemplate };
  for (const a of ctx.plan.attributes) values[a.key] = attributeValue(row, ctx, a);
  return values;
}

const KIND_NOUNS = { number: 'numbers', date: 'dates', boolean: 'yes/no' } as const;

function attributeValue(row: CsvRow, ctx: RowContext, a: AttributeColumn): AttributeValue {
  const raw = ctx.table.cell(row, a.column).trim();
  if (a.kind === 'category') return raw === '' ? null : raw;
  if (isEmptyCell(raw)) return a.checkbox ? false : null;
  const value = readTyped(raw, ctx, a);
  if (value !== undefined) return value;
  ctx.issues.add(a.label, KIND_NOUNS[a.kind], row.line, raw);
  return null;
}

/** The typed value, or undefined when the cell does not read as the column's kind. */
function readTyped(raw: string, ctx: RowContext, a: AttributeColumn): AttributeValue | undefined {
  const reading =
    a.kind === 'boolean' ? parseBoolean(raw) : a.kind === 'date' ? ctx.plan.dateReaders.get(a.column)?.(raw) : ctx.plan.numberReaders.get(a.column)?.(raw);
  if (!reading?.ok) return undefined;
  const value = reading.value;
  return typeof value === 'object' ? value.value : value;
}
