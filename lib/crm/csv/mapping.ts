/**
 * Which column fills which opportunity field. Each standard field takes the first
 * unclaimed column among its header names (the format's, then the generic synonyms);
 * HubSpot "Date entered …" columns become the stage history; well-known attributes get
 * their shared keys; every other column is a candidate attribute under its camelCase key.
 */
import { camelCaseKey, normalizeHeader, uniqueKey } from './headers';
import { GENERIC, STANDARD_FIELDS, type CsvFormat, type StandardField, type WellKnownAttribute } from './formats';

export type ColumnTarget =
  { kind: 'field'; field: StandardField } | { kind: 'attribute'; key: string } | { kind: 'stageHistory'; stage: string } | { kind: 'ignored'; reason: string };

export interface ColumnMapping {
  /** 0-based position in the header. */
  column: number;
  header: string;
  target: ColumnTarget;
}

/** Whether a column's values can be the field (a "Closed" column of dates is not the yes/no flag). */
export type FieldFit = (column: number, field: StandardField) => boolean;

/** HubSpot: `Date entered "Appointment scheduled (Sales Pipeline)"`. */
const DATE_ENTERED = /^date entered\s+(.+)$/i;

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
  const used = new Set<string>();
  for (const [key, names] of wellKnownNames(format)) {
    const column = firstUnclaimed(names, normalized, targets, () => true);
    if (column !== null) targets[column] = { kind: 'attribute', key: uniqueKey(key, used) };
  }
  return header.map((h, column) => ({
    column,
    header: h,
    target: targets[column] ?? { kind: 'attribute', key: uniqueKey(camelCaseKey(h) || `column${column + 1}`, used) },
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

/** The stage a "Date entered …" header names, without quotes and the pipeline in parentheses. */
export function stageEnteredLabel(header: string): string | null {
  const m = DATE_ENTERED.exec(header.trim());
  if (!m?.[1]) return null;
  const label = m[1]
    .trim()
    .replace(/^["'“‘]|["'”’]$/g, '')
    .replace(/\s*\([^()]*\)$/, '')
    .trim();
  return label === '' ? null : label;
}
