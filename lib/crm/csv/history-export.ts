/**
 * A Salesforce opportunity history export → each deal's recorded changes, each with the day
 * it was recorded (issue 18: `dealsight evaluate --split asof --history FILE`). Two shapes:
 *
 * - **Snapshot rows** (the "Opportunity History" report type, or the OpportunityHistory
 *   object exported as is): one row per save that changed the stage, amount, probability or
 *   close date, carrying the then-current values of all of them. The object "represents the
 *   history of a change to the Amount, Probability, Stage, or Close Date fields … the
 *   then-current values of all of these major fields are saved in the newly-generated
 *   object"; its fields are OpportunityId (label "Opportunity ID"), StageName ("Stage Name"),
 *   Amount, Probability (a percent, 0 decimals), CloseDate ("Close Date"), ExpectedRevenue,
 *   ForecastCategory ("To Forecast Category") and CreatedDate, the moment of the change
 *   (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_opportunityhistory.htm;
 *   https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-opportunityhistory.html;
 *   CreatedDate as the time of the change: http://digicomet.blogspot.com/2011/08/understanding-opportunityhistory-object.html).
 *   Its "Id" is the history record's ("Opportunity History ID"), never the deal's, so a plain
 *   "Id" column is not read as the opportunity. In the report, "Last Modified" is the day
 *   the change happened (https://www.simplysfdc.com/2013/07/salesforce-opportunity-history-stage.html).
 * - **Field history rows** (the "Opportunity Field History" report, or OpportunityFieldHistory):
 *   one row per changed field, with the field's name, its old and its new value: fields
 *   Field ("the name of the field that was changed"), OldValue, NewValue and OpportunityId
 *   (http://www.salesforce.com/us/developer/docs/api/Content/sforce_api_objects_opportunityfieldhistory.htm).
 *
 * The evidence gives the objects' field names and labels, but is silent on the exact column
 * headers a report export writes ("Field / Event", "Edit Date", "From Stage", "To Stage" …),
 * so every plausible spelling below is accepted, compared after `normalizeHeader` (case,
 * spaces and punctuation ignored). Dates and numbers go through the importer's own readers,
 * with the day/month order and decimal separator decided once per file as the importer does.
 * A row that cannot be read is rejected with its line and a reason naming field and value;
 * the file is refused (`CsvImportError`) only when it is no history at all.
 */
import type { IsoDate, Recorded, RecordedChanges } from '../opportunity';
import { decideDateOrder, type CellRef } from './date-order';
import { parseDate } from './dates';
import { decodeCsv, withoutNuls, type DecodedCsv } from './encoding';
import { CsvImportError } from './errors';
import { clipText, listNames, quoteValue } from './excerpt';
import { columnLabel, normalizeHeader } from './headers';
import type { RejectedRow } from './import';
import { decideDecimalSeparator, parseNumber, type DecimalSeparator } from './numbers';
import { parseCsv, type CsvRow } from './parse';
import { isEmptyCell, type Reading } from './reading';

export type { RecordedChanges };

export type HistoryShape = 'snapshot' | 'fieldHistory';

export interface HistoryDeal {
  /** As written in the file's opportunity id column; null without one. */
  id: string | null;
  /** As written in its opportunity name column (the first row's); null without one. */
  name: string | null;
  changes: RecordedChanges;
}

export interface HistoryExport {
  shape: HistoryShape;
  /** The labels of the columns the deals can be joined by; null when the file has none. */
  idColumn: string | null;
  nameColumn: string | null;
  /** One per deal: grouped by id when the file has ids, else by name. */
  deals: HistoryDeal[];
  /** Data rows read, rejected ones included. */
  rows: number;
  rejected: RejectedRow[];
  warnings: string[];
}

/** Header spellings per column, most preferred first (see the file comment for which the evidence names). */
const HEADERS = {
  id: ['Opportunity ID', 'OpportunityId', 'Opportunity ID (18)', 'Opportunity 18 Digit ID', 'Opportunity: Opportunity ID', 'Opportunity: ID', 'Parent ID'],
  name: ['Opportunity Name', 'Opportunity: Opportunity Name', 'Opportunity: Name', 'Name'],
  /**
   * The day of the change. "Created Date" comes after "Last Modified": in a report it may be
   * the deal's own creation, while in an object export (CreatedDate) it is the change's.
   */
  date: ['Edit Date', 'Last Modified', 'Last Modified Date', 'Change Date', 'Changed Date', 'Date Changed', 'Created Date', 'CreatedDate', 'Date'],
  stage: ['To Stage', 'Stage', 'Stage Name', 'StageName'],
  amount: ['Amount', 'To Amount', 'Amount (converted)'],
  probability: ['Probability (%)', 'To Probability', 'Probability'],
  closeDate: ['Close Date', 'CloseDate', 'To Close Date'],
  // The values before the change, on a snapshot row: the report's "From Stage", the object's PrevAmount and PrevCloseDate.
  fromStage: ['From Stage', 'Previous Stage', 'Prev Stage'],
  fromAmount: ['Previous Amount', 'PrevAmount', 'From Amount'],
  fromCloseDate: ['Previous Close Date', 'PrevCloseDate', 'From Close Date'],
  field: ['Field / Event', 'Field/Event', 'Field', 'Field Name', 'Event'],
  oldValue: ['Old Value', 'OldValue', 'Original Value'],
  newValue: ['New Value', 'NewValue'],
} as const;

type Column = keyof typeof HEADERS;

/**
 * "Opportunity" is OpportunityId's label in the object's field reference
 * (https://developer.salesforce.com/docs/atlas.en-us.196.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_OpportunityHistory.htm),
 * but a report may show the deal's name under it: it is read as the id when its values are
 * Salesforce opportunity ids (15 or 18 characters starting 006, as in the
 * '006R0000XXXXXXXXXX' of sforce_api_objects_fieldchangesnapshot.htm), else as the name.
 */
const OPPORTUNITY_HEADER = 'opportunity';
const OPPORTUNITY_ID = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/** What a field history's Field / Event value names, after `normalizeHeader` (labels and API names). */
const FIELD_NAMES: ReadonlyMap<string, TrackedField | 'created'> = new Map([
  ['stage', 'stage'],
  ['stagename', 'stage'],
  ['closedate', 'closeDate'],
  ['amount', 'amount'],
  ['probability', 'probability'],
  // The record's creation: evidence is silent on how a report writes it ("Created.").
  ['created', 'created'],
  ['opportunitycreated', 'created'],
]);

type TrackedField = 'stage' | 'closeDate' | 'amount' | 'probability';

/** Reads a history export: bytes (decoded as the importer decodes) or text. */
export function readHistoryExport(input: string | Uint8Array): HistoryExport {
  const decoded: DecodedCsv = typeof input === 'string' ? withoutNuls({ text: input, encoding: 'UTF-8', warnings: [] }) : decodeCsv(input);
  const parsed = parseCsv(decoded.text);
  const columns = findColumns(parsed.header, parsed.rows);
  const labels = parsed.header.map((h, i) => columnLabel(h, i));
  const seen = `Headers found: ${listNames(labels)}.`;
  const label = (c: number | undefined): string => (c === undefined ? '' : (labels[c] ?? ''));
  if (columns.id === undefined && columns.name === undefined) {
    throw new CsvImportError(`The history has no "Opportunity ID" or "Opportunity Name" column to join its rows to the opportunities. ${seen}`, labels);
  }
  if (columns.date === undefined) {
    throw new CsvImportError(
      `The history has no date column ("Edit Date", "Last Modified" or "Created Date"): nothing says when each change was made. ${seen}`,
      labels,
    );
  }
  const fieldHistory = columns.field !== undefined && columns.newValue !== undefined;
  const tracked = (['stage', 'amount', 'probability', 'closeDate'] as const).filter((c) => columns[c] !== undefined);
  if (!fieldHistory && tracked.length === 0) {
    throw new CsvImportError(
      'The history has neither "Field / Event" and "New Value" columns (a field history) nor a "Stage", "Amount", "Probability (%)" or "Close Date" column ' +
        `(an opportunity history). ${seen}`,
      labels,
    );
  }
  const shape: HistoryShape = fieldHistory ? 'fieldHistory' : 'snapshot';
  const cellOf = (row: CsvRow, c: number | undefined): string => (c === undefined ? '' : (row.fields[c] ?? '').trim());
  const fieldOf = (row: CsvRow): TrackedField | 'created' | null => FIELD_NAMES.get(normalizeHeader(cellOf(row, columns.field))) ?? null;

  // Decided once per file, as the importer decides per column: day/month order over every date, decimal separators per kind.
  const previous: Partial<Record<TrackedField, number | undefined>> = { amount: columns.fromAmount, closeDate: columns.fromCloseDate };
  const valueCells = (kind: TrackedField): CellRef[] =>
    fieldHistory
      ? parsed.rows.flatMap((r) => (fieldOf(r) === kind ? [columns.oldValue, columns.newValue].map((c) => ({ raw: cellOf(r, c), line: r.line })) : []))
      : parsed.rows.flatMap((r) => [columns[kind], previous[kind]].map((c) => ({ raw: cellOf(r, c), line: r.line })));
  const filled = (cells: CellRef[]): CellRef[] => cells.filter((c) => !isEmptyCell(c.raw));
  const order = decideDateOrder([
    { label: label(columns.date), values: filled(parsed.rows.map((r) => ({ raw: cellOf(r, columns.date), line: r.line }))) },
    { label: 'Close Date', values: filled(valueCells('closeDate')) },
  ]);
  const dateOrders = order.columnOrders;
  const amountCells = filled(valueCells('amount'));
  const probabilityCells = filled(valueCells('probability'));
  const separators: Record<'amount' | 'probability', DecimalSeparator> = {
    amount: decideDecimalSeparator(
      amountCells.map((c) => c.raw),
      amountCells.map((c) => c.line),
    ).separator,
    probability: decideDecimalSeparator(
      probabilityCells.map((c) => c.raw),
      probabilityCells.map((c) => c.line),
    ).separator,
  };
  // Salesforce's Probability is a percent field (0 to 100); a file of 0..1 fractions is read as such, as the importer does.
  const inPercent = probabilityCells.some((c) => {
    const n = parseNumber(c.raw, separators.probability);
    return n.ok && !n.value.percent && Math.abs(n.value.value) > 1;
  });
  const readers: ValueReaders = {
    changeDate: (raw) => parseDate(raw, dateOrders[0] ?? 'MDY'),
    closeDate: (raw) => parseDate(raw, dateOrders[1] ?? 'MDY'),
    amount: (raw) => {
      const n = parseNumber(raw, separators.amount);
      return n.ok ? { ok: true, value: n.value.value } : n;
    },
    probability: (raw) => {
      const n = parseNumber(raw, separators.probability);
      if (!n.ok) return n;
      const value = n.value.percent || inPercent ? n.value.value / 100 : n.value.value;
      if (value < 0 || value > 1) return { ok: false, reason: `${quoteValue(raw)} is not between 0 and 100%` };
      return { ok: true, value: Number(value.toPrecision(12)) };
    },
  };

  const rejected: RejectedRow[] = parsed.problems.map((p) => ({ line: p.line, reason: p.reason }));
  const groups = new Map<string, { id: string | null; name: string | null; rows: ReadRow[] }>();
  let ignoredFields = 0;
  const keyColumn = columns.id ?? columns.name;
  for (const row of parsed.rows) {
    const key = cellOf(row, keyColumn);
    if (key === '') {
      rejected.push({ line: row.line, reason: `${label(keyColumn)} is empty` });
      continue;
    }
    const rawDate = cellOf(row, columns.date);
    const at = isEmptyCell(rawDate) ? null : readers.changeDate(rawDate);
    if (at === null || !at.ok) {
      rejected.push({ line: row.line, reason: at === null ? `${label(columns.date)} is empty` : `${label(columns.date)} ${at.reason}` });
      continue;
    }
    const read = fieldHistory ? readFieldRow(row, fieldOf(row), readers, columns, cellOf, label) : readSnapshotRow(row, readers, columns, cellOf, label);
    if (read === 'ignored') {
      ignoredFields++;
      continue;
    }
    if (!read.ok) {
      rejected.push({ line: row.line, reason: read.reason });
      continue;
    }
    const group = groups.get(key) ?? { id: columns.id === undefined ? null : key, name: null, rows: [] };
    group.name ??= columns.name === undefined ? null : cellOf(row, columns.name) || null;
    group.rows.push({ line: row.line, at: at.value, ...read.value });
    groups.set(key, group);
  }
  rejected.sort((a, b) => a.line - b.line);
  const newestFirst = isNewestFirst([...groups.values()].map((g) => g.rows));
  const deals = [...groups.values()].map((g) => ({ id: g.id, name: g.name, changes: changesOf(newestFirst ? [...g.rows].reverse() : g.rows) }));
  const warnings = [...decoded.warnings, ...order.warnings];
  if (ignoredFields > 0) {
    warnings.push(
      `${ignoredFields.toLocaleString('en-US')} row${ignoredFields === 1 ? '' : 's'} of ${label(columns.field)} name${ignoredFields === 1 ? 's' : ''} a field other than Stage, Close Date, Amount or Probability: not read.`,
    );
  }
  if (newestFirst) warnings.push('The history lists each deal newest first: changes of the same day are read in the reverse of the file order.');
  return {
    shape,
    idColumn: columns.id === undefined ? null : label(columns.id),
    nameColumn: columns.name === undefined ? null : label(columns.name),
    deals,
    rows: parsed.rows.length + parsed.problems.length,
    rejected,
    warnings,
  };
}

interface ValueReaders {
  changeDate: (raw: string) => Reading<IsoDate>;
  closeDate: (raw: string) => Reading<IsoDate>;
  amount: (raw: string) => Reading<number>;
  probability: (raw: string) => Reading<number>;
}

/** What one row says: new values (a snapshot row may set several) and, from a field history, the value before. */
interface RowValues {
  set: Partial<Record<TrackedField, string | number>>;
  before: Partial<Record<TrackedField, string | number>>;
  /** A field history's row for the record's creation. */
  created?: true;
}

interface ReadRow extends RowValues {
  line: number;
  at: IsoDate;
}

type Columns = Partial<Record<Column, number>>;
type CellOf = (row: CsvRow, column: number | undefined) => string;

function readSnapshotRow(row: CsvRow, readers: ValueReaders, columns: Columns, cellOf: CellOf, label: (c: number | undefined) => string): Reading<RowValues> {
  const set: RowValues['set'] = {};
  const stage = cellOf(row, columns.stage);
  if (stage !== '') set.stage = stage;
  for (const field of ['closeDate', 'amount', 'probability'] as const) {
    const raw = cellOf(row, columns[field]);
    if (isEmptyCell(raw)) continue;
    const value = readValue(field, raw, readers);
    if (!value.ok) return { ok: false, reason: `${label(columns[field])} ${value.reason}` };
    set[field] = value.value;
  }
  // Read only when it is a deal's first row (changesOf): then it held from the deal's creation.
  const before: RowValues['before'] = {};
  const fromStage = cellOf(row, columns.fromStage);
  if (fromStage !== '') before.stage = fromStage;
  for (const [field, column] of [
    ['amount', columns.fromAmount],
    ['closeDate', columns.fromCloseDate],
  ] as const) {
    const raw = cellOf(row, column);
    if (isEmptyCell(raw)) continue;
    const value = readValue(field, raw, readers);
    if (!value.ok) return { ok: false, reason: `${label(column)} ${value.reason}` };
    before[field] = value.value;
  }
  return { ok: true, value: { set, before } };
}

function readFieldRow(
  row: CsvRow,
  field: TrackedField | 'created' | null,
  readers: ValueReaders,
  columns: Columns,
  cellOf: CellOf,
  label: (c: number | undefined) => string,
): Reading<RowValues> | 'ignored' {
  if (field === null) return 'ignored';
  if (field === 'created') return { ok: true, value: { set: {}, before: {}, created: true } };
  const values: RowValues = { set: {}, before: {} };
  const named = clipText(cellOf(row, columns.field));
  for (const [column, target] of [
    [columns.oldValue, values.before],
    [columns.newValue, values.set],
  ] as const) {
    const raw = cellOf(row, column);
    if (isEmptyCell(raw)) continue;
    const value = field === 'stage' ? ({ ok: true, value: raw } as const) : readValue(field, raw, readers);
    if (!value.ok) return { ok: false, reason: `${label(column)} of ${named} ${value.reason}` };
    target[field] = value.value;
  }
  return { ok: true, value: values };
}

function readValue(field: Exclude<TrackedField, 'stage'>, raw: string, readers: ValueReaders): Reading<string | number> {
  return field === 'closeDate' ? readers.closeDate(raw) : readers[field](raw);
}

/**
 * Whether the file lists each deal's changes newest first (a report sorted by date
 * descending): then the rows of one day are read in reverse, so the last change of a day
 * is the one that stands. Decided by the majority of consecutive rows of a deal.
 */
function isNewestFirst(groups: ReadonlyArray<readonly ReadRow[]>): boolean {
  let up = 0;
  let down = 0;
  for (const rows of groups) {
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [(rows[i - 1] as ReadRow).at, (rows[i] as ReadRow).at];
      if (b > a) up++;
      else if (b < a) down++;
    }
  }
  return down > up;
}

/** A deal's rows, in file order (oldest first), as lists of changes: a value equal to the one before is no change. */
function changesOf(rows: readonly ReadRow[]): RecordedChanges {
  // Stable: rows of the same day keep their order.
  const sorted = [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const changes: RecordedChanges = { stages: [], closeDates: [], amounts: [], probabilities: [], before: {} };
  const lists = { stage: changes.stages, closeDate: changes.closeDates, amount: changes.amounts, probability: changes.probabilities } as const;
  for (const row of sorted) {
    if (row.created) changes.createdAt ??= row.at;
    for (const field of ['stage', 'closeDate', 'amount', 'probability'] as const) {
      const list: Array<Recorded<string | number>> = lists[field];
      const before = row.before[field];
      if (before !== undefined && list.length === 0 && changes.before[field] === undefined) {
        (changes.before as Record<TrackedField, string | number>)[field] = before;
      }
      const value = row.set[field];
      if (value === undefined) continue;
      const last = list[list.length - 1];
      if (last === undefined ? value !== changes.before[field] : last.value !== value) list.push({ value, at: row.at });
    }
  }
  return changes;
}

/** Each column's position: the first header of its spellings, each header taken once. */
function findColumns(header: readonly string[], rows: readonly CsvRow[]): Columns {
  const normalized = header.map(normalizeHeader);
  const taken = new Set<number>();
  const columns: Columns = {};
  for (const column of Object.keys(HEADERS) as Column[]) {
    for (const name of HEADERS[column]) {
      const c = normalized.findIndex((h, i) => h === normalizeHeader(name) && !taken.has(i));
      if (c < 0) continue;
      columns[column] = c;
      taken.add(c);
      break;
    }
  }
  const opportunity = normalized.findIndex((h, i) => h === OPPORTUNITY_HEADER && !taken.has(i));
  if (opportunity >= 0) {
    const values = rows.map((r) => (r.fields[opportunity] ?? '').trim()).filter((v) => v !== '');
    const ids = values.length > 0 && values.every((v) => OPPORTUNITY_ID.test(v));
    if (ids) columns.id ??= opportunity;
    else columns.name ??= opportunity;
  }
  return columns;
}
