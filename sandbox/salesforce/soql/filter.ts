import { toId18 } from '../id-sequence';
import { dayStartMs } from '../../kit/clock';
import type { SandboxDatabase } from '../database';
import type { FieldValue, Row } from '../records';
import type { FieldDef, FieldType, SObjectType } from '../schema';
import type { ComparisonOperator, Condition, Literal } from './ast';
import { dateLiteralRange } from './date-literals';
import { SoqlError } from './errors';
import { readField, resolveField, type ResolvedField } from './fields';

/**
 * WHERE conditions compiled to predicates, with SOQL's typing and semantics:
 * - values must match the field's type (strings quoted, numbers and dates not), else
 *   INVALID_FIELD as Salesforce reports it;
 * - text comparisons ignore case; id comparisons accept 15- or 18-character ids;
 * - `field != value` and `NOT IN` keep records whose field is null, `=`, `<`, `IN`, LIKE
 *   do not (SOQL is not SQL here);
 * - a date literal is a range: `=` means inside it, `<` before its start, `>` after its end.
 */

export type Predicate = (row: Row) => boolean;

const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['string', 'textarea', 'email', 'picklist']);
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(['currency', 'double', 'percent', 'int']);
const ID_TYPES: ReadonlySet<FieldType> = new Set(['id', 'reference']);

export interface FilterContext {
  db: SandboxDatabase;
  root: SObjectType;
  /** "Today" for date literals, YYYY-MM-DD. */
  today: string;
}

export function compileCondition(ctx: FilterContext, condition: Condition): Predicate {
  switch (condition.kind) {
    case 'and': {
      const terms = condition.terms.map((t) => compileCondition(ctx, t));
      return (row) => terms.every((t) => t(row));
    }
    case 'or': {
      const terms = condition.terms.map((t) => compileCondition(ctx, t));
      return (row) => terms.some((t) => t(row));
    }
    case 'not': {
      const term = compileCondition(ctx, condition.term);
      return (row) => !term(row);
    }
    case 'compare': {
      const field = filterable(ctx, condition.field);
      const test = comparison(ctx, field.field, condition.op, condition.value);
      return (row) => test(readField(ctx.db, row, field));
    }
    case 'in': {
      const field = filterable(ctx, condition.field);
      const tests = condition.values.map((v) => comparison(ctx, field.field, '=', v));
      // A connector sends IN lists of 200 ids against tens of thousands of rows: test them as a set.
      const keys = condition.values.every((v) => v.kind !== 'null' && v.kind !== 'dateLiteral')
        ? new Set(condition.values.map((v) => equalityKey(field.field, v)))
        : null;
      const caseless = TEXT_TYPES.has(field.field.type);
      const matches = (value: FieldValue): boolean => {
        if (value === null) return false;
        if (keys !== null) return keys.has(caseless && typeof value === 'string' ? value.toLowerCase() : value);
        return tests.some((t) => t(value));
      };
      return condition.negated ? (row) => !matches(readField(ctx.db, row, field)) : (row) => matches(readField(ctx.db, row, field));
    }
    case 'like': {
      const field = filterable(ctx, condition.field);
      if (!TEXT_TYPES.has(field.field.type) && !ID_TYPES.has(field.field.type)) {
        throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid operator on ${field.field.type} field: ${field.path}`, condition.pos);
      }
      if (condition.pattern.kind !== 'string') throw typeMismatch(field.field, condition.pattern);
      const regex = likeRegex(condition.pattern.value);
      return (row) => {
        const value = readField(ctx.db, row, field);
        return typeof value === 'string' && regex.test(value);
      };
    }
  }
}

function filterable(ctx: FilterContext, path: Parameters<typeof resolveField>[2]): ResolvedField {
  const field = resolveField(ctx.db, ctx.root, path);
  if (field.field.type === 'textarea') {
    throw new SoqlError('INVALID_FIELD', `field '${field.field.name}' can not be filtered in a query call`, path.pos);
  }
  return field;
}

type ValueTest = (value: FieldValue) => boolean;

function comparison(ctx: FilterContext, field: FieldDef, op: ComparisonOperator, literal: Literal): ValueTest {
  if (literal.kind === 'null') {
    if (op === '=') return (v) => v === null;
    if (op === '!=') return (v) => v !== null;
    throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid operator for a null value: ${op}`, literal.pos);
  }
  const type = field.type;
  if (type === 'boolean') {
    if (literal.kind !== 'boolean') throw typeMismatch(field, literal);
    if (op !== '=' && op !== '!=') throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid operator on boolean field: ${op}`, literal.pos);
    const wanted = literal.value;
    return op === '=' ? (v) => v === wanted : (v) => v !== wanted;
  }
  if (literal.kind === 'dateLiteral') {
    if (type !== 'date' && type !== 'datetime') throw typeMismatch(field, literal);
    const range = dateLiteralRange(literal.name, literal.n, ctx.today);
    const start = type === 'date' ? range.start : dayStartMs(range.start);
    const end = type === 'date' ? range.end : dayStartMs(range.end);
    return rangeTest(op, start, end);
  }
  let wanted: string | number;
  let caseless = false;
  if (ID_TYPES.has(type)) {
    if (literal.kind !== 'string') throw typeMismatch(field, literal);
    const id = toId18(literal.value);
    if (id === null) throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${literal.value}`, literal.pos);
    wanted = id;
  } else if (TEXT_TYPES.has(type)) {
    if (literal.kind !== 'string') throw typeMismatch(field, literal);
    wanted = literal.value.toLowerCase();
    caseless = true;
  } else if (NUMBER_TYPES.has(type)) {
    if (literal.kind !== 'number') throw typeMismatch(field, literal);
    wanted = literal.value;
  } else if (type === 'date') {
    if (literal.kind !== 'date') throw typeMismatch(field, literal);
    wanted = literal.value;
  } else if (type === 'datetime') {
    if (literal.kind !== 'datetime') throw typeMismatch(field, literal);
    wanted = literal.value;
  } else {
    throw typeMismatch(field, literal);
  }
  const key = caseless ? (v: FieldValue) => (typeof v === 'string' ? v.toLowerCase() : v) : (v: FieldValue) => v;
  switch (op) {
    case '=':
      return (v) => v !== null && key(v) === wanted;
    case '!=':
      return (v) => v === null || key(v) !== wanted;
    case '<':
      return (v) => v !== null && (key(v) as string | number) < wanted;
    case '<=':
      return (v) => v !== null && (key(v) as string | number) <= wanted;
    case '>':
      return (v) => v !== null && (key(v) as string | number) > wanted;
    case '>=':
      return (v) => v !== null && (key(v) as string | number) >= wanted;
  }
}

/** The value a row's field must equal for `field = literal` (the literal already type-checked by `comparison`). */
function equalityKey(field: FieldDef, literal: Literal): string | number | boolean {
  switch (literal.kind) {
    case 'string':
      return ID_TYPES.has(field.type) ? (toId18(literal.value) ?? literal.value) : literal.value.toLowerCase();
    case 'number':
    case 'boolean':
    case 'date':
    case 'datetime':
      return literal.value;
    default:
      throw new Error(`No equality key for a ${literal.kind} literal`);
  }
}

function rangeTest(op: ComparisonOperator, start: string | number, end: string | number): ValueTest {
  const inRange = (v: string | number): boolean => v >= start && v < end;
  switch (op) {
    case '=':
      return (v) => v !== null && inRange(v as string | number);
    case '!=':
      return (v) => v === null || !inRange(v as string | number);
    case '<':
      return (v) => v !== null && (v as string | number) < start;
    case '<=':
      return (v) => v !== null && (v as string | number) < end;
    case '>':
      return (v) => v !== null && (v as string | number) >= end;
    case '>=':
      return (v) => v !== null && (v as string | number) >= start;
  }
}

/** Salesforce's wording for a value of the wrong type (a quoted number, a dateTime for a date, …). */
function typeMismatch(field: FieldDef, literal: Literal): SoqlError {
  const expected: Record<FieldType, string> = {
    id: 'id',
    reference: 'id',
    string: 'string',
    textarea: 'string',
    email: 'string',
    picklist: 'string',
    currency: 'double',
    double: 'double',
    percent: 'double',
    int: 'int',
    boolean: 'boolean',
    date: 'date',
    datetime: 'dateTime',
  };
  const quoted = literal.kind === 'string' ? ' and should not be enclosed in quotes' : '';
  const wantsQuotes = TEXT_TYPES.has(field.type) || ID_TYPES.has(field.type) ? ' and should be enclosed in quotes' : quoted;
  return new SoqlError(
    'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${expected[field.type]}${wantsQuotes}`,
    literal.pos,
  );
}

/** LIKE: `%` any run, `_` one character, `\%` and `\_` literal; case-insensitive. */
function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && (pattern.charAt(i + 1) === '%' || pattern.charAt(i + 1) === '_')) {
      source += escapeRegex(pattern.charAt(i + 1));
      i++;
    } else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`, 'i');
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
