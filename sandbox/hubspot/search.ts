import { isObject } from '../kit/control';
import { validation } from './errors';
import type { Properties, PropertyType } from './properties';
import { iso } from './properties';
import type { CrmRecord } from './store';

/**
 * POST /crm/objects/{version}/{object}/search: filterGroups (OR of groups, AND within one),
 * sorts, properties, a full-text `query` on the name, `limit` (≤ 200) and `after` paging.
 * Like HubSpot, one query reaches at most 10,000 results: `total` still counts them all,
 * but asking for a page at or past result 10,000 is a 400, so a client must split the
 * query (by `hs_object_id` or date ranges) to read more.
 * https://developers.hubspot.com/docs/api-reference/search/guide
 */

export const MAX_LIMIT = 200;
export const MAX_RESULTS = 10_000;
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 10;
const MAX_FILTERS = 25;

const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];

interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface SearchObject {
  /** The type of each filterable property; `null` for an unknown one. */
  typeOf(property: string): PropertyType | null;
  defaultProperties: readonly string[];
  /** The property full-text `query` looks in. */
  nameProperty: string;
}

export interface SearchPage {
  total: number;
  results: Record<string, unknown>[];
  paging?: { next: { after: string } };
}

export function search(records: readonly CrmRecord[], object: SearchObject, body: unknown): SearchPage {
  if (!isObject(body)) throw validation('Invalid input JSON: the search request body must be an object');
  const limit = body['limit'] ?? 10;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw validation(`limit must be a whole number from 1 to ${MAX_LIMIT}, got ${JSON.stringify(limit)}`);
  }
  const afterRaw = body['after'] ?? '0';
  const after = typeof afterRaw === 'number' ? afterRaw : typeof afterRaw === 'string' && /^\d+$/.test(afterRaw) ? Number(afterRaw) : NaN;
  if (!Number.isSafeInteger(after) || after < 0) throw validation(`after must be a paging cursor from a previous page, got ${JSON.stringify(afterRaw)}`);
  if (after >= MAX_RESULTS) {
    throw validation(
      `Paging beyond ${MAX_RESULTS} results is not supported by search. Narrow the query (for example by hs_object_id or date ranges) to read the rest.`,
      {
        after: [String(after)],
      },
    );
  }
  const groups = parseGroups(body['filterGroups'], object);
  const sort = parseSort(body['sorts'], object);
  const properties = parseProperties(body['properties'], object);
  const query = body['query'];
  if (query !== undefined && typeof query !== 'string') throw validation('query must be a string');

  const matched = records.filter(
    (r) => (groups.length === 0 || groups.some((g) => g.every((f) => matches(r.properties, f, object)))) && matchesQuery(r, object, query),
  );
  matched.sort((a, b) => compareRecords(a, b, sort, object));
  const page = matched.slice(after, after + limit);
  const next = after + limit;
  return {
    total: matched.length,
    results: page.map((r) => objectBody(r, properties)),
    ...(next < matched.length ? { paging: { next: { after: String(next) } } } : {}),
  };
}

/** An object as the CRM objects API writes it, with the named properties (null when empty). */
export function objectBody(record: CrmRecord, properties: readonly string[]): Record<string, unknown> {
  const picked: Properties = {};
  for (const name of properties) if (name in record.properties) picked[name] = record.properties[name] ?? null;
  return {
    id: record.id,
    properties: picked,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archivedAt !== null,
    ...(record.archivedAt !== null ? { archivedAt: iso(record.archivedAt) } : {}),
  };
}

/** The properties a reply carries: the requested ones plus the three HubSpot always sends. */
export function withAlwaysSent(requested: readonly string[] | null, object: SearchObject): string[] {
  const base = requested === null || requested.length === 0 ? object.defaultProperties : requested;
  const always = ['hs_object_id', 'createdate', object.typeOf('hs_lastmodifieddate') === null ? 'lastmodifieddate' : 'hs_lastmodifieddate'];
  return [...new Set([...base, ...always])];
}

function parseProperties(value: unknown, object: SearchObject): string[] {
  if (value === undefined) return withAlwaysSent(null, object);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw validation('properties must be a list of property names');
  return withAlwaysSent(value as string[], object);
}

function parseGroups(value: unknown, object: SearchObject): Filter[][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw validation('filterGroups must be a list');
  if (value.length > MAX_GROUPS) throw validation(`Too many filter groups: ${value.length} (at most ${MAX_GROUPS})`);
  let total = 0;
  return value.map((group, g) => {
    if (!isObject(group) || !Array.isArray(group['filters'])) throw validation(`filterGroups[${g}] needs a "filters" list`);
    const filters = group['filters'];
    if (filters.length > MAX_FILTERS_PER_GROUP)
      throw validation(`Too many filters in filterGroups[${g}]: ${filters.length} (at most ${MAX_FILTERS_PER_GROUP})`);
    total += filters.length;
    if (total > MAX_FILTERS) throw validation(`Too many filters: more than ${MAX_FILTERS} in all`);
    return filters.map((f, i) => parseFilter(f, object, `filterGroups[${g}].filters[${i}]`));
  });
}

function parseFilter(value: unknown, object: SearchObject, where: string): Filter {
  if (!isObject(value)) throw validation(`${where} must be an object`);
  const { propertyName, operator } = value;
  if (typeof propertyName !== 'string' || object.typeOf(propertyName) === null) {
    throw validation(`${where}: there is no property ${JSON.stringify(propertyName)} to filter on`, { propertyName: [String(propertyName)] });
  }
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
    throw validation(`${where}: operator must be one of ${OPERATORS.join(', ')}, got ${JSON.stringify(operator)}`);
  }
  const filter: Filter = { propertyName, operator: operator as Operator };
  const text = (v: unknown, key: string): string => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw validation(`${where}: ${key} is required for ${operator}`);
  };
  if (operator === 'IN' || operator === 'NOT_IN') {
    if (!Array.isArray(value['values']) || value['values'].length === 0) throw validation(`${where}: values (a list) is required for ${operator}`);
    filter.values = value['values'].map((v) => text(v, 'values'));
  } else if (operator !== 'HAS_PROPERTY' && operator !== 'NOT_HAS_PROPERTY') {
    filter.value = text(value['value'], 'value');
    if (operator === 'BETWEEN') filter.highValue = text(value['highValue'], 'highValue');
    const type = object.typeOf(propertyName);
    for (const v of [filter.value, filter.highValue]) {
      if (v !== undefined && (type === 'number' || type === 'datetime') && comparable(v, type) === null) {
        throw validation(
          `${where}: ${JSON.stringify(v)} is not a valid ${type === 'number' ? 'number' : 'date (epoch milliseconds or ISO 8601)'} for ${propertyName}`,
        );
      }
    }
  }
  return filter;
}

/** A filter value or property value as a number for ordering (datetimes: epoch ms). */
function comparable(value: string, type: PropertyType): number | null {
  if (type === 'number') {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? n : null;
  }
  if (type === 'datetime') {
    if (/^-?\d+$/.test(value)) return Number(value);
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

function matches(properties: Properties, f: Filter, object: SearchObject): boolean {
  const actual = properties[f.propertyName] ?? null;
  if (f.operator === 'HAS_PROPERTY') return actual !== null && actual !== '';
  if (f.operator === 'NOT_HAS_PROPERTY') return actual === null || actual === '';
  const type = object.typeOf(f.propertyName) as PropertyType;
  const same = (expected: string): boolean => {
    if (actual === null) return false;
    if (type === 'number' || type === 'datetime') return comparable(actual, type) === comparable(expected, type);
    return actual.toLowerCase() === expected.toLowerCase();
  };
  switch (f.operator) {
    case 'EQ':
      return same(f.value as string);
    case 'NEQ':
      return !same(f.value as string);
    case 'IN':
      return (f.values as string[]).some(same);
    case 'NOT_IN':
      return !(f.values as string[]).some(same);
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const token = (f.value as string).toLowerCase().replace(/\*/g, '');
      const found =
        actual !== null &&
        actual
          .toLowerCase()
          .split(/\s+/)
          .some((word) => word.includes(token));
      return f.operator === 'CONTAINS_TOKEN' ? found : !found;
    }
    default: {
      if (actual === null) return false;
      const a = type === 'number' || type === 'datetime' ? comparable(actual, type) : null;
      const order = (expected: string): number => {
        const e = type === 'number' || type === 'datetime' ? comparable(expected, type) : null;
        return a !== null && e !== null ? Math.sign(a - e) : actual.localeCompare(expected);
      };
      if (f.operator === 'BETWEEN') return order(f.value as string) >= 0 && order(f.highValue as string) <= 0;
      const c = order(f.value as string);
      return f.operator === 'LT' ? c < 0 : f.operator === 'LTE' ? c <= 0 : f.operator === 'GT' ? c > 0 : c >= 0;
    }
  }
}

function matchesQuery(record: CrmRecord, object: SearchObject, query: unknown): boolean {
  if (typeof query !== 'string' || query.trim() === '') return true;
  const name = (record.properties[object.nameProperty] ?? '').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((word) => name.includes(word));
}

interface Sort {
  property: string;
  descending: boolean;
}

function parseSort(value: unknown, object: SearchObject): Sort | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw validation('sorts must be a list');
  if (value.length > 1) throw validation('Only one sort is supported');
  const first = value[0];
  if (first === undefined) return null;
  // HubSpot takes `{ propertyName, direction }` or a property name ("-" first for descending).
  const spec = typeof first === 'string' ? { propertyName: first.replace(/^-/, ''), direction: first.startsWith('-') ? 'DESCENDING' : 'ASCENDING' } : first;
  if (!isObject(spec) || typeof spec['propertyName'] !== 'string' || object.typeOf(spec['propertyName']) === null) {
    throw validation(`sorts[0]: there is no property ${JSON.stringify(isObject(spec) ? spec['propertyName'] : spec)} to sort on`);
  }
  const direction = spec['direction'] ?? 'ASCENDING';
  if (direction !== 'ASCENDING' && direction !== 'DESCENDING') throw validation('sorts[0].direction must be ASCENDING or DESCENDING');
  return { property: spec['propertyName'], descending: direction === 'DESCENDING' };
}

/** By the sort property (empty values last), then by id; without a sort, by id. */
function compareRecords(a: CrmRecord, b: CrmRecord, sort: Sort | null, object: SearchObject): number {
  if (sort !== null) {
    const type = object.typeOf(sort.property) as PropertyType;
    const va = a.properties[sort.property] ?? null;
    const vb = b.properties[sort.property] ?? null;
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const na = comparable(va, type);
      const nb = comparable(vb, type);
      const c = na !== null && nb !== null ? na - nb : va.localeCompare(vb);
      if (c !== 0) return sort.descending ? -c : c;
    }
  }
  return Number(a.id) - Number(b.id);
}
