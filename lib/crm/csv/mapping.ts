/**
 * Which column fills which opportunity field. Each standard field takes the first
 * unclaimed column among its header names (the format's, then the generic synonyms);
 * HubSpot "Date entered …" columns become the stage history; well-known attributes get
 * their shared keys; every other column is a candidate attribute under its camelCase key.
 */
import { camelCaseKey, normalizeHeader, UniqueKeys } from './headers';
import { GENERIC, STANDARD_FIELDS, type CsvFormat, type StandardField, type WellKnownAttribute } from './formats';

export type ColumnTarget =
  | { kind: 'field'; field: StandardField }
  | { kind: 'attribute'; key: string }
  | { kind: 'stageHistory'; stage: string }
  | { kind: 'ignored'; reason: string }
  /** The won/lost column the outcome is read from (outcome-column.ts): never a feature. */
  | { kind: 'outcome' };

export interface ColumnMapping {
  /** 0-based position in the header. */
  column: number;
  header: string;
  target: ColumnTarget;
}

/** Whether a column's values can be the field (a "Closed" column of dates is not the yes/no flag). */
export type FieldFit = (column: number, field: StandardField) => boolean;

/** HubSpot: `Date entered "Appointment scheduled (Sales Pipeline)"`, compared in lower case. */
const DATE_ENTERED = 'date entered';
const SPACE = /\s/;

export function mapColumns(header: readonly string[], format: CsvFormat, fits: FieldFit): ColumnMapping[] {
  const normalized = header.map(normalizeHeader);
  const targets: (ColumnTarget | null)[] = header.map(() => null);
  for (const field of STANDARD_FIELDS) {
    const names = [...(format.fields[field] ?? []), ...(GENERIC.fields[field] ?? [])];
    const column = firstUnclaimed(names, normalized, targets, (c) => fits(c, field));
    if (column !== null) targets[column] = { kind: 'field', field };
  }
  header.forEach((h, i) => {
    const stage = targets[i] === null ? stageEnteredLabel(h) : null;
    if (stage !== null) targets[i] = { kind: 'stageHistory', stage };
  });
  const keys = new UniqueKeys();
  for (const [key, names] of wellKnownNames(format)) {
    const column = firstUnclaimed(names, normalized, targets, () => true);
    if (column !== null) targets[column] = { kind: 'attribute', key: keys.take(key) };
  }
  return header.map((h, column) => ({
    column,
    header: h,
    target: targets[column] ?? { kind: 'attribute', key: keys.take(camelCaseKey(h) || `column${column + 1}`) },
  }));
}

function firstUnclaimed(
  names: readonly string[],
  normalized: readonly string[],
  targets: readonly (ColumnTarget | null)[],
  fits: (column: number) => boolean,
): number | null {
  for (const name of names) {
    const wanted = normalizeHeader(name);
    for (let c = 0; c < normalized.length; c++) {
      if (normalized[c] === wanted && targets[c] === null && fits(c)) return c;
    }
  }
  return null;
}

function wellKnownNames(format: CsvFormat): [WellKnownAttribute, string[]][] {
  const keys = new Set<WellKnownAttribute>([
    ...(Object.keys(format.attributes) as WellKnownAttribute[]),
    ...(Object.keys(GENERIC.attributes) as WellKnownAttribute[]),
  ]);
  return [...keys].map((key) => [key, [...(format.attributes[key] ?? []), ...(GENERIC.attributes[key] ?? [])]]);
}

/**
 * The stage a "Date entered …" header names, without quotes and the pipeline in parentheses.
 * Written with string operations: the patterns it replaced (`\s+(.+)$`, `\s*\([^()]*\)$`)
 * backtracked quadratically on a header of many spaces (issue 14).
 */
export function stageEnteredLabel(header: string): string | null {
  const text = header.trim();
  if (text.slice(0, DATE_ENTERED.length).toLowerCase() !== DATE_ENTERED || !SPACE.test(text.charAt(DATE_ENTERED.length))) return null;
  const label = withoutPipeline(unquoted(text.slice(DATE_ENTERED.length).trim())).trim();
  return label === '' ? null : label;
}

const OPENING_QUOTES = '"\'“‘';
const CLOSING_QUOTES = '"\'”’';

function unquoted(text: string): string {
  const start = OPENING_QUOTES.includes(text.charAt(0)) && text !== '' ? 1 : 0;
  const end = text.length > start && CLOSING_QUOTES.includes(text.charAt(text.length - 1)) ? text.length - 1 : text.length;
  return text.slice(start, end);
}

/** "Appointment scheduled (Sales Pipeline)" → "Appointment scheduled": a last parenthesis with no other inside it. */
function withoutPipeline(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return text;
  const open = trimmed.lastIndexOf('(');
  if (open < 0 || trimmed.slice(open + 1, -1).includes(')')) return text;
  return trimmed.slice(0, open);
}
