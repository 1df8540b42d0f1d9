/**
 * Numbers and amounts as CRM exports write them: `$1,234.50`, `1.234,50 €`,
 * `USD 12,500.00`, `12K`, `1.2M`, `(1,200.00)`, `1 234,56`. Whether `12.500` is twelve
 * thousand five hundred or twelve and a half cannot be told from the value alone, so the
 * decimal separator of such values is decided per column (`decideDecimalSeparator`).
 */
import { CURRENCY_SYMBOLS, ISO_CURRENCY_CODES, SYMBOLS_LONGEST_FIRST } from './currencies';
import { quoteValue } from './excerpt';
import { fail, MAX_TYPED_CHARS, memo, ok, outOfRange, type Reading } from './reading';

export type DecimalSeparator = '.' | ',';

export interface ParsedNumber {
  value: number;
  /** ISO 4217 code from a symbol or code next to the number, else null. */
  currency: string | null;
  /** Written with `%`; the value is as written (75 for "75%"). */
  percent: boolean;
}

/** What one value says about its column's decimal separator. */
export type DecimalEvidence = DecimalSeparator | 'ambiguous' | null;

interface Tokens {
  core: string;
  negative: boolean;
  currency: string | null;
  multiplier: number;
  percent: boolean;
}

type Core =
  | { kind: 'invalid' }
  | { kind: 'plain'; decimal: DecimalSeparator | null; evidence: DecimalSeparator | null }
  | { kind: 'ambiguous'; separator: DecimalSeparator };

const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mm', 1e6],
  ['mn', 1e6],
  ['b', 1e9],
  ['bn', 1e9],
]);
const SIGN = /^[-+\u2212]/;
const CODE_PREFIX = /^([A-Za-z]{3})(?=[\s\d.,$€£¥(+\-\u2212]|$)/;
const CODE_SUFFIX = /(?:^|[\s\d.,)])([A-Za-z]{3})$/;
const MULTIPLIER_SUFFIX = /(?<=[\d.,])\s*(mm|mn|bn|[kmb])$/i;
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const AMBIGUOUS_PLAIN = /^-?[1-9]\d{0,2}\.\d{3}$/;
const SCIENTIFIC = /^\s*[-+]?\d+(?:\.\d+)?e[-+]?\d+\s*$/i;
const SPACES = /[\u00a0\u202f\u2009]/g;
/**
 * Digits, separators and grouping marks only, with at least one digit. Two tests with one
 * quantifier each rather than one pattern with two (`[\d.,' ]*\d[\d.,' ]*` backtracks
 * quadratically on a long run of digits ending in a letter: issue 14).
 */
const NUMERIC_CHARS = /^[\d.,' ]+$/;
const HAS_DIGIT = /\d/;
/** Digits, signs and separators only: a number written out, whatever its length. */
const DIGITS_ONLY = /^[\s\d.,'+\-\u2212]+$/;

/**
 * Reads a number, with its currency, sign, `K`/`M`/`B` multiplier and `%`. `decimal`
 * decides only values like `12.500` whose separator could be either; every other value
 * carries its own answer (`1.234,50` is comma-decimal whatever the column says).
 */
export function parseNumber(raw: string, decimal: DecimalSeparator = '.'): Reading<ParsedNumber> {
  if (raw.length > MAX_TYPED_CHARS) return tooLong(raw);
  // Most CRM amounts are plain ("12500", "12500.5"): skip the tokenizer unless `12.500`-like.
  if (PLAIN.test(raw) && !AMBIGUOUS_PLAIN.test(raw)) return finite(raw, Number(raw) || 0, null, false);
  // Excel writes big numbers of "General" cells as 1.2E+06.
  if (SCIENTIFIC.test(raw)) return finite(raw, Number(raw.trim()), null, false);
  const tokens = tokenize(raw);
  const core = analyzeCore(tokens.core);
  if (core.kind === 'invalid') return fail(`${quoteValue(raw.trim())} is not a number`);
  const separator = core.kind === 'ambiguous' ? (core.separator === decimal ? decimal : null) : core.decimal;
  const magnitude = toNumber(tokens.core, separator) * tokens.multiplier;
  // toPrecision removes float noise such as 1.1 × 1e6 = 1100000.0000000002.
  const value = Number(magnitude.toPrecision(15)) * (tokens.negative ? -1 : 1);
  return finite(raw, value === 0 ? 0 : value, tokens.currency, tokens.percent);
}

/** `1e400` reads as Infinity: a number, but not one any field can hold. */
function finite(raw: string, value: number, currency: string | null, percent: boolean): Reading<ParsedNumber> {
  if (!Number.isFinite(value)) return outOfRange(`${quoteValue(raw.trim())} is too large to be a number`);
  return ok({ value, currency, percent });
}

/** A cell past `MAX_TYPED_CHARS` is not parsed: a long run of digits is out of range, anything else is text. */
function tooLong(raw: string): Reading<ParsedNumber> {
  const text = raw.trim();
  if (text.length <= MAX_TYPED_CHARS) return parseNumber(text);
  if (DIGITS_ONLY.test(text) && HAS_DIGIT.test(text)) return outOfRange(`${quoteValue(text)} is too large to be a number`);
  return fail(`${quoteValue(text)} is not a number`);
}

/** The decimal separator a value implies, 'ambiguous' for `12.500`, null when it has none. */
export function decimalEvidence(raw: string): DecimalEvidence {
  if (raw.length > MAX_TYPED_CHARS) return null;
  if (PLAIN.test(raw)) return AMBIGUOUS_PLAIN.test(raw) ? 'ambiguous' : raw.includes('.') ? '.' : null;
  const core = analyzeCore(tokenize(raw).core);
  if (core.kind === 'invalid') return null;
  return core.kind === 'ambiguous' ? 'ambiguous' : core.evidence;
}

export interface DecimalDecision {
  separator: DecimalSeparator;
  /** 'values' when some value of the column settles it, 'assumed' when none does. */
  basis: 'values' | 'assumed';
  /** The first value that settled it, with its line. */
  evidence: { raw: string; line: number } | null;
  /** Values such as `12.500` that the decision was needed for (every occurrence). */
  ambiguous: { raw: string; line: number }[];
  /** Values that imply the other separator (a column mixing styles), with the first of them. */
  contrary: { count: number; example: { raw: string; line: number } | null };
}

/**
 * Decides a column's decimal separator from all of its values (`lines[i]` is the line of
 * `values[i]`), by majority of the values that imply one; `.` when none does (the US
 * convention, like the MM/DD date default).
 */
export function decideDecimalSeparator(values: readonly string[], lines: readonly number[] = []): DecimalDecision {
  const firstSeen: Partial<Record<DecimalSeparator, { raw: string; line: number }>> = {};
  const counts: Record<DecimalSeparator, number> = { '.': 0, ',': 0 };
  const ambiguous: { raw: string; line: number }[] = [];
  const evidenceOf = memo(decimalEvidence);
  values.forEach((value, i) => {
    const raw = value.trim();
    if (raw === '') return;
    const evidence = evidenceOf(raw);
    if (evidence === null) return;
    const line = lines[i] ?? i + 1;
    if (evidence === 'ambiguous') ambiguous.push({ raw, line });
    else {
      counts[evidence]++;
      firstSeen[evidence] ??= { raw, line };
    }
  });
  if (counts['.'] === 0 && counts[','] === 0) {
    return { separator: '.', basis: 'assumed', evidence: null, ambiguous, contrary: { count: 0, example: null } };
  }
  const separator: DecimalSeparator = counts[','] > counts['.'] ? ',' : '.';
  const other: DecimalSeparator = separator === '.' ? ',' : '.';
  const contrary = { count: counts[other], example: firstSeen[other] ?? null };
  return { separator, basis: 'values', evidence: firstSeen[separator] ?? null, ambiguous, contrary };
}

function tokenize(raw: string): Tokens {
  let s = raw.replace(SPACES, ' ').trim();
  const tokens: Tokens = { core: '', negative: false, currency: null, multiplier: 1, percent: false };
  if (s.startsWith('(') && s.endsWith(')')) {
    tokens.negative = true;
    s = s.slice(1, -1).trim();
  }
  tokens.core = stripSuffixes(stripPrefixes(s, tokens), tokens);
  return tokens;
}

/** Signs, codes and symbols before the digits, in any order (`-$5`, `$-5`, `CAD $5`). */
function stripPrefixes(input: string, tokens: Tokens): string {
  let s = input;
  for (let changed = true; changed;) {
    changed = false;
    if (SIGN.test(s)) {
      if (tokens.negative && s[0] !== '+') return '';
      tokens.negative = s[0] !== '+';
      s = s.slice(1).trimStart();
      changed = true;
    }
    const rest = stripCurrency(s, tokens, 'prefix');
    if (rest !== s) {
      s = rest;
      changed = true;
    }
  }
  return s;
}

function stripSuffixes(input: string, tokens: Tokens): string {
  let s = input;
  for (let changed = true; changed;) {
    changed = false;
    if (s.endsWith('%') && !tokens.percent) {
      tokens.percent = true;
      s = s.slice(0, -1).trimEnd();
      changed = true;
    }
    const multiplier = MULTIPLIER_SUFFIX.exec(s);
    if (multiplier?.[1] !== undefined && tokens.multiplier === 1) {
      tokens.multiplier = MULTIPLIERS.get(multiplier[1].toLowerCase()) ?? 1;
      s = s.slice(0, multiplier.index).trimEnd();
      changed = true;
    }
    const rest = stripCurrency(s, tokens, 'suffix');
    if (rest !== s) {
      s = rest;
      changed = true;
    }
  }
  return s;
}

/** Strips one code or symbol at the given end; an ISO code wins over a symbol (`CAD $`). */
function stripCurrency(s: string, tokens: Tokens, end: 'prefix' | 'suffix'): string {
  const edge = end === 'prefix' ? s.charCodeAt(0) : s.charCodeAt(s.length - 1);
  if (edge >= 48 && edge <= 57) return s;
  const code = (end === 'prefix' ? CODE_PREFIX : CODE_SUFFIX).exec(s)?.[1];
  if (code !== undefined && ISO_CURRENCY_CODES.has(code.toUpperCase())) {
    tokens.currency = code.toUpperCase();
    return end === 'prefix' ? s.slice(3).trimStart() : s.slice(0, -3).trimEnd();
  }
  for (const symbol of SYMBOLS_LONGEST_FIRST) {
    const found = end === 'prefix' ? s.startsWith(symbol) : s.endsWith(symbol);
    if (!found) continue;
    const symbolCode = CURRENCY_SYMBOLS.get(symbol) ?? null;
    // A code already read ("CAD $12") is the more precise of the two.
    tokens.currency ??= symbolCode;
    return end === 'prefix' ? s.slice(symbol.length).trimStart() : s.slice(0, -symbol.length).trimEnd();
  }
  return s;
}

const GROUPING = /[ ']/;

function analyzeCore(core: string): Core {
  if (!NUMERIC_CHARS.test(core) || !HAS_DIGIT.test(core)) return { kind: 'invalid' };
  const dots = count(core, '.');
  const commas = count(core, ',');
  if (dots > 0 && commas > 0) return bothSeparators(core);
  if (dots + commas === 0) return groupedInteger(core, '') ? plain(null, null) : { kind: 'invalid' };
  const separator: DecimalSeparator = dots > 0 ? '.' : ',';
  const other: DecimalSeparator = separator === '.' ? ',' : '.';
  // Repeated, the separator can only be grouping thousands, so the other one is the decimal.
  if (dots + commas > 1) return groupedInteger(core, separator) ? plain(null, other) : { kind: 'invalid' };
  return singleSeparator(core, separator);
}

function bothSeparators(core: string): Core {
  const decimal: DecimalSeparator = core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',';
  const thousands = decimal === '.' ? ',' : '.';
  if (count(core, decimal) !== 1) return { kind: 'invalid' };
  const [whole = '', fraction = ''] = core.split(decimal);
  if (!groupedInteger(whole, thousands) || !/^\d+$/.test(fraction)) return { kind: 'invalid' };
  return plain(decimal, decimal);
}

function singleSeparator(core: string, separator: DecimalSeparator): Core {
  const [whole = '', fraction = ''] = core.split(separator);
  if (!/^\d+$/.test(fraction) || (whole !== '' && !groupedInteger(whole, ''))) return { kind: 'invalid' };
  // With spaces grouping thousands, the one mark left must be the decimal.
  if (!GROUPING.test(whole) && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return { kind: 'ambiguous', separator };
  return plain(separator, separator);
}

/** Digits, optionally grouped in threes by `thousands`, spaces or apostrophes (`1'234`). */
function groupedInteger(text: string, thousands: string): boolean {
  if (/^\d+$/.test(text)) return true;
  const groups = text.split(thousands === '' ? /[ ']/ : thousands === '.' ? /[ '.]/ : /[ ',]/);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
}

function toNumber(core: string, decimal: DecimalSeparator | null): number {
  let digits = core.replace(/[ ']/g, '');
  if (decimal === ',') digits = digits.replaceAll('.', '').replace(',', '.');
  else if (decimal === '.') digits = digits.replaceAll(',', '');
  else digits = digits.replace(/[.,]/g, '');
  return Number(digits);
}

function plain(decimal: DecimalSeparator | null, evidence: DecimalSeparator | null): Core {
  return { kind: 'plain', decimal, evidence };
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}
