import { formatDateTime } from '../clock';
import type { SandboxDatabase } from '../database';
import type { FieldValue, Row } from '../records';
import type { FieldType, SObjectType } from '../schema';
import type { SoqlQuery } from './ast';
import { SoqlError } from './errors';
import { readField, resolveField, type ResolvedField } from './fields';
import { compileCondition } from './filter';
import { parseSoql } from './parser';

/**
 * Runs a query against the database and shapes the records as the REST API does: each
 * with `attributes` ({type, url}), the selected fields under their API names, and parent
 * fields nested under the relationship name (`Owner: {attributes, Name, Manager: {…}}`),
 * or the relationship set to null when the reference is empty.
 */

export type JsonValue = string | number | boolean | null | JsonObject | JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface QueryOutcome {
  /** The object queried, as the schema spells it. */
  object: string;
  /** Records in result order, already shaped; empty for COUNT(). */
  records: JsonObject[];
  totalSize: number;
}

export interface QueryContext {
  db: SandboxDatabase;
  /** "Today" for date literals. */
  today: string;
  /** The API version of the request, for the records' `attributes.url`. */
  version: string;
  /** /queryAll: deleted records (IsDeleted) too; /query leaves them out. */
  includeDeleted?: boolean;
  /** Send an ordered result in the reverse of the order asked (the server's `reverseOrderBy` option). */
  reverseOrderBy?: boolean;
}

export function executeSoql(ctx: QueryContext, text: string): QueryOutcome {
  return executeParsed(ctx, parseSoql(text));
}

export function executeParsed(ctx: QueryContext, query: SoqlQuery): QueryOutcome {
  const root = ctx.db.schema.object(query.from.name);
  const table = root === undefined ? undefined : ctx.db.table(root.name);
  if (root === undefined || table === undefined) {
    throw new SoqlError(
      'INVALID_TYPE',
      `sObject type '${query.from.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      query.from.pos,
    );
  }
  const fields = query.select.kind === 'fields' ? selectFields(ctx, root, query) : [];
  const predicate = query.where === null ? null : compileCondition({ db: ctx.db, root, today: ctx.today }, query.where);
  const order = query.orderBy.map((item) => {
    const field = resolveField(ctx.db, root, item.field);
    if (field.field.type === 'textarea') {
      throw new SoqlError('INVALID_FIELD', `field '${field.field.name}' can not be sorted in a query call`, item.field.pos);
    }
    return { field, descending: item.descending, nullsFirst: item.nullsFirst };
  });

  const live = ctx.includeDeleted === true ? table.rows : table.rows.filter((row) => row['IsDeleted'] !== true);
  let rows = predicate === null ? [...live] : live.filter(predicate);
  if (order.length > 0) {
    const keyed = rows.map((row) => ({ row, keys: order.map((o) => readField(ctx.db, row, o.field)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < order.length; i++) {
        const o = order[i] as (typeof order)[number];
        const x = a.keys[i] ?? null;
        const y = b.keys[i] ?? null;
        // Null placement holds whichever the direction: NULLS FIRST is first in DESC too.
        if (x === null || y === null) {
          if (x === y) continue;
          return (x === null) === o.nullsFirst ? -1 : 1;
        }
        const diff = compareValues(x, y, o.field.field.type);
        if (diff !== 0) return o.descending ? -diff : diff;
      }
      return 0;
    });
    rows = keyed.map((k) => k.row);
    if (ctx.reverseOrderBy === true) rows.reverse();
  }
  const offset = query.offset ?? 0;
  rows = rows.slice(offset, query.limit === null ? undefined : offset + query.limit);
  if (query.select.kind === 'count') return { object: root.name, records: [], totalSize: rows.length };
  return { object: root.name, records: rows.map((row) => shapeRecord(ctx, root, row, fields)), totalSize: rows.length };
}

function selectFields(ctx: QueryContext, root: SObjectType, query: SoqlQuery): ResolvedField[] {
  if (query.select.kind !== 'fields') return [];
  const seen = new Set<string>();
  return query.select.fields.map((path) => {
    const field = resolveField(ctx.db, root, path);
    const key = field.path.toLowerCase();
    if (seen.has(key)) throw new SoqlError('MALFORMED_QUERY', `duplicate field selected: ${field.path}`, path.pos);
    seen.add(key);
    return field;
  });
}

/** Ascending order of two non-null values; text ignores case (ids do not). */
function compareValues(a: string | number | boolean, b: string | number | boolean, type: FieldType): number {
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const caseless = type !== 'id' && type !== 'reference';
  const x = caseless ? String(a).toLowerCase() : String(a);
  const y = caseless ? String(b).toLowerCase() : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/v${version}/sobjects/${type}/${id}`;
}

export function outputValue(value: FieldValue, type: FieldType): JsonValue {
  if (value === null) return null;
  if (type === 'datetime' && typeof value === 'number') return formatDateTime(value);
  return value;
}

function shapeRecord(ctx: QueryContext, root: SObjectType, row: Row, fields: readonly ResolvedField[]): JsonObject {
  const record: JsonObject = { attributes: { type: root.name, url: recordUrl(ctx.version, root.name, String(row['Id'])) } };
  for (const f of fields) {
    let target: JsonObject = record;
    let current: Row | null = row;
    for (const hop of f.hops) {
      const name = hop.relationshipName as string;
      const parent: Row | null = ctx.db.follow(current, hop);
      if (parent === null) {
        if (!(name in target)) target[name] = null;
        current = null;
        break;
      }
      let nested = target[name];
      if (nested === null || nested === undefined || typeof nested !== 'object' || Array.isArray(nested)) {
        nested = { attributes: { type: hop.referenceTo as string, url: recordUrl(ctx.version, hop.referenceTo as string, String(parent['Id'])) } };
        target[name] = nested;
      }
      target = nested;
      current = parent;
    }
    if (current !== null) target[f.field.name] = outputValue(current[f.field.name] ?? null, f.field.type);
  }
  return record;
}
