/**
 * The reading plan of a file, decided once from whole columns before any row is read:
 * which column fills which field, each attribute's kind, each date column's day/month
 * order and each number column's decimal separator. Deciding per column (not per value)
 * is what makes `03/04/2024` and `12.500` read the same way on every row.
 */
import { WELL_KNOWN_ATTRIBUTES, type AttributeKind, type IsoDate } from '../opportunity';
import { decideDateOrder, type DateOrderDecision } from './date-order';
import { parseDate, type DateOrder } from './dates';
import type { StandardField, WellKnownAttribute } from './formats';
import type { ColumnMapping } from './mapping';
import type { OutcomeColumn } from './outcome-column';
import { decideDecimalSeparator, parseNumber, type DecimalDecision, type ParsedNumber } from './numbers';
import { memo, type Reading } from './reading';
import type { Table } from './table';
import { inferAttributeKind } from './typing';

export interface AttributeColumn {
  column: number;
  key: string;
  label: string;
  kind: AttributeKind;
  checkbox: boolean;
}

export interface HistoryColumn {
  column: number;
  stage: string;
  label: string;
}

export type DateReader = (raw: string) => Reading<IsoDate>;
export type NumberReader = (raw: string) => Reading<ParsedNumber>;

export interface ColumnPlan {
  fields: Partial<Record<StandardField, number>>;
  attributes: AttributeColumn[];
  history: HistoryColumn[];
  /** The won/lost column the outcome is read from; null when the Won, Closed and Stage fields give it. */
  outcome: OutcomeColumn | null;
  /** Labels of attribute columns without a single value: left out of the attributes. */
  emptyColumns: { column: number; label: string }[];
  dateOrder: DateOrderDecision;
  /** Per date column (fields, history, date attributes). */
  dateReaders: Map<number, DateReader>;
  /** Per number column (amount, probability, number attributes). */
  numberReaders: Map<number, NumberReader>;
  /** Probability written as 0-100 (any value above 1) rather than 0-1. */
  probabilityInPercent: boolean;
  warnings: string[];
}

const DATE_FIELDS: readonly StandardField[] = ['createdDate', 'closeDate', 'stageEnteredDate'];
const NUMBER_FIELDS: readonly StandardField[] = ['amount', 'probability'];
const DECLARED_KINDS: Readonly<Record<WellKnownAttribute, AttributeKind>> = {
  [WELL_KNOWN_ATTRIBUTES.industry]: 'category',
  [WELL_KNOWN_ATTRIBUTES.employees]: 'number',
  [WELL_KNOWN_ATTRIBUTES.revenue]: 'number',
  [WELL_KNOWN_ATTRIBUTES.country]: 'category',
  [WELL_KNOWN_ATTRIBUTES.state]: 'category',
  [WELL_KNOWN_ATTRIBUTES.product]: 'category',
  [WELL_KNOWN_ATTRIBUTES.buyerTitle]: 'category',
  [WELL_KNOWN_ATTRIBUTES.buyerRole]: 'category',
};

export function planColumns(table: Table, mapping: readonly ColumnMapping[], forcedOrder?: DateOrder, outcome: OutcomeColumn | null = null): ColumnPlan {
  const columns = assignColumns(table, mapping);
  const dates = planDates(table, columns, forcedOrder);
  const numbers = planNumbers(table, columns);
  const { probability } = columns.fields;
  const probabilityInPercent = probability !== undefined && inPercent(table, probability, numbers.readers);
  return {
    ...columns,
    outcome,
    dateOrder: dates.decision,
    dateReaders: dates.readers,
    numberReaders: numbers.readers,
    probabilityInPercent,
    warnings: [...dates.decision.warnings, ...numbers.warnings],
  };
}

type AssignedColumns = Pick<ColumnPlan, 'fields' | 'attributes' | 'history' | 'emptyColumns'>;

function assignColumns(table: Table, mapping: readonly ColumnMapping[]): AssignedColumns {
  const assigned: AssignedColumns = { fields: {}, attributes: [], history: [], emptyColumns: [] };
  for (const { column, target } of mapping) {
    const label = table.label(column);
    if (target.kind === 'field') assigned.fields[target.field] = column;
    else if (target.kind === 'stageHistory') assigned.history.push({ column, stage: target.stage, label });
    else if (target.kind === 'attribute' && table.isEmpty(column)) assigned.emptyColumns.push({ column, label });
    else if (target.kind === 'attribute') {
      const typing = inferAttributeKind(table.values(column), declaredKind(target.key));
      assigned.attributes.push({ column, key: target.key, label, ...typing });
    }
  }
  return assigned;
}

/** One day/month order decision over every date column: fields, stage history and date attributes. */
function planDates(table: Table, columns: AssignedColumns, forcedOrder?: DateOrder) {
  const dateColumns = [
    ...fieldColumns(columns, DATE_FIELDS),
    ...columns.history.map((h) => h.column),
    ...columns.attributes.filter((a) => a.kind === 'date').map((a) => a.column),
  ];
  const decision = decideDateOrder(
    dateColumns.map((c) => ({ label: table.label(c), values: table.distinct(c) })),
    forcedOrder,
  );
  const readers = new Map<number, DateReader>();
  dateColumns.forEach((c, i) => {
    const order = decision.columnOrders[i] ?? 'MDY';
    readers.set(
      c,
      memo((raw) => parseDate(raw, order)),
    );
  });
  return { decision, readers };
}

/** A decimal separator per number column: the amount, the probability and number attributes. */
function planNumbers(table: Table, columns: AssignedColumns) {
  const numberColumns = [...fieldColumns(columns, NUMBER_FIELDS), ...columns.attributes.filter((a) => a.kind === 'number').map((a) => a.column)];
  const readers = new Map<number, NumberReader>();
  const warnings: string[] = [];
  for (const c of numberColumns) {
    const decision = decideDecimalSeparator(table.values(c), table.lines());
    warnings.push(...decimalWarnings(table.label(c), decision));
    readers.set(
      c,
      memo((raw) => parseNumber(raw, decision.separator)),
    );
  }
  return { readers, warnings };
}

function fieldColumns(columns: AssignedColumns, fields: readonly StandardField[]): number[] {
  return fields.flatMap((f) => {
    const c = columns.fields[f];
    return c === undefined ? [] : [c];
  });
}

function declaredKind(key: string): AttributeKind | undefined {
  // A column keyed `constructor` or `toString` is no well-known attribute (issue 14).
  return Object.hasOwn(DECLARED_KINDS, key) ? DECLARED_KINDS[key as WellKnownAttribute] : undefined;
}

/** Whether any probability is written above 1 without `%`: then "1" means 1%, not 100%. */
function inPercent(table: Table, column: number, readers: Map<number, NumberReader>): boolean {
  const read = readers.get(column);
  if (read === undefined) return false;
  return table.distinct(column).some((v) => {
    const r = read(v.raw);
    return r.ok && !r.value.percent && Math.abs(r.value.value) > 1;
  });
}

function decimalWarnings(label: string, d: DecimalDecision): string[] {
  return [mixedDecimalsWarning(label, d), ambiguousDecimalsWarning(label, d)].filter((w): w is string => w !== null);
}

function mixedDecimalsWarning(label: string, d: DecimalDecision): string | null {
  const { count, example } = d.contrary;
  if (example === null) return null;
  const other = d.separator === '.' ? ',' : '.';
  const values = count === 1 ? `1 value "${example.raw}" (line ${example.line}) uses` : `${count} values such as "${example.raw}" (line ${example.line}) use`;
  return `${label} writes decimals both ways: ${values} "${other}" while the column's decimal separator is "${d.separator}"; each value is read by its own separators.`;
}

function ambiguousDecimalsWarning(label: string, d: DecimalDecision): string | null {
  const example = d.ambiguous[0];
  if (example === undefined) return null;
  const read = parseNumber(example.raw, d.separator);
  const value = read.ok ? String(read.value.value) : example.raw;
  const values =
    d.ambiguous.length === 1 ? `"${example.raw}" (line ${example.line})` : `${d.ambiguous.length} values such as "${example.raw}" (line ${example.line})`;
  const why =
    d.basis === 'values' && d.evidence
      ? `the column writes "${d.separator}" as its decimal separator (as in "${d.evidence.raw}", line ${d.evidence.line})`
      : `no value in the column shows its decimal separator, so "${d.separator}" is taken as the decimal separator`;
  return `${label}: ${values} could be read two ways; read as ${value} because ${why}.`;
}
