/**
 * Types columns from their values: the kind of a candidate attribute (category, number,
 * date, boolean), and whether a column's values can fill a standard field at all.
 */
import type { AttributeKind } from '../opportunity';
import { parseBoolean } from './booleans';
import { looksLikeDate } from './dates';
import type { StandardField } from './formats';
import { parseNumber } from './numbers';
import { isEmptyCell } from './reading';
import type { DistinctValue } from './table';

export interface AttributeTyping {
  kind: AttributeKind;
  /** Values are `x` or empty: an empty cell is `false`, not unknown. */
  checkbox: boolean;
}

/**
 * Share of values that must read as numbers or dates for the column to be typed so. Not
 * all: one "TBD" must not turn a numeric column into thousands of category levels; the
 * few that do not read are reported and become null.
 */
const TYPED_SHARE = 0.95;
/** A declared numeric attribute (employees, revenue) stays a category below this share: "51-200" ranges. */
const DECLARED_SHARE = 0.5;
/** A column must mostly read as the field's kind to be taken for it. */
const FIT_SHARE = 0.5;

const BOOLEAN = 1;
const CHECKBOX = 2;
const NUMBER = 4;
const DATE = 8;

/**
 * Infers an attribute's kind from its cells; `declared` is the kind a well-known
 * attribute should have. Stops as soon as too many cells fail every typed kind, so a
 * free-text column of 50,000 rows costs a few thousand checks, not 50,000.
 */
export function inferAttributeKind(cells: readonly string[], declared?: AttributeKind): AttributeTyping {
  if (declared !== undefined && declared !== 'number') return { kind: declared, checkbox: false };
  const share = declared === 'number' ? DECLARED_SHARE : TYPED_SHARE;
  const maxFailures = (1 - share) * cells.length;
  const bitsOf = new Map<string, number>();
  let filled = 0;
  let allBoolean = declared === undefined;
  let allCheckbox = allBoolean;
  let numberFailures = 0;
  let dateFailures = declared === undefined ? 0 : Infinity;
  for (const raw of cells) {
    if (isEmptyCell(raw)) continue;
    filled++;
    let bits = bitsOf.get(raw);
    if (bits === undefined) {
      bits = classify(raw.trim(), allBoolean, dateFailures <= maxFailures);
      bitsOf.set(raw, bits);
    }
    allBoolean &&= (bits & BOOLEAN) !== 0;
    allCheckbox &&= (bits & CHECKBOX) !== 0;
    if ((bits & NUMBER) === 0) numberFailures++;
    if ((bits & DATE) === 0) dateFailures++;
    if (!allBoolean && numberFailures > maxFailures && dateFailures > maxFailures) break;
  }
  if (filled === 0) return { kind: declared ?? 'category', checkbox: false };
  if (allCheckbox) return { kind: 'boolean', checkbox: true };
  if (allBoolean) return { kind: 'boolean', checkbox: false };
  if (numberFailures <= (1 - share) * filled) return { kind: 'number', checkbox: false };
  if (dateFailures <= (1 - share) * filled) return { kind: 'date', checkbox: false };
  return { kind: 'category', checkbox: false };
}

function classify(value: string, testBoolean: boolean, testDate: boolean): number {
  let bits = 0;
  if (testBoolean && parseBoolean(value).ok) bits |= BOOLEAN;
  if (/^[x✓✔]$/i.test(value)) bits |= CHECKBOX;
  if (isNumberLike(value)) bits |= NUMBER;
  else if (testDate && looksLikeDate(value)) bits |= DATE;
  return bits;
}

/**
 * Whether a column's values suit a field, for the fields a header alone can mislead on
 * (a "Closed" column of dates is not the yes/no flag). `values` is called only for them.
 */
export function fitsField(field: StandardField, values: () => readonly DistinctValue[]): boolean {
  const fit = fieldFit(field, values);
  return fit === null || fit.total === 0 || fit.pass / fit.total >= FIT_SHARE;
}

export interface FieldFit {
  /** Rows whose value suits the field, of `total` rows with a value. */
  pass: number;
  total: number;
  /** The first value that does not, with its line. */
  example: DistinctValue | null;
}

/** How well a column's values suit a field; null for fields any values suit. */
export function fieldFit(field: StandardField, values: () => readonly DistinctValue[]): FieldFit | null {
  const test = FIT_TESTS[field];
  if (test === undefined) return null;
  const fit: FieldFit = { pass: 0, total: 0, example: null };
  for (const v of values()) {
    if (isEmptyCell(v.raw)) continue;
    fit.total += v.count;
    if (test(v.raw)) fit.pass += v.count;
    else fit.example ??= v;
  }
  return fit;
}

const FIT_TESTS: Partial<Record<StandardField, (raw: string) => boolean>> = {
  isWon: (raw) => parseBoolean(raw, { outcome: true }).ok,
  isClosed: (raw) => parseBoolean(raw).ok,
  createdDate: looksLikeDate,
  closeDate: looksLikeDate,
  stageEnteredDate: looksLikeDate,
};

/** Codes with leading zeros ("00412") are identifiers, not quantities. */
function isNumberLike(raw: string): boolean {
  return !/^0\d/.test(raw) && parseNumber(raw).ok;
}
