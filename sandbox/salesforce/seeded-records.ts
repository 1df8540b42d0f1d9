import type { FieldValue, Row } from './records';
import type { SObjectType } from './schema';
import { toId18 } from './id-sequence';

/**
 * Seeded records: an org of exactly the records a test gives (the `records` option,
 * `putRecords`), served through the same SOQL, paging and faults as a generated org, for
 * connector unit tests that need particular records. They are written as the REST API
 * writes them:
 * - by object: `{ Opportunity: [...], Account: [...], User: [...] }`;
 * - fields by API name; a field the object does not have is an error (a typo would
 *   otherwise pass unnoticed), and a field left out is null (IsDeleted: false);
 * - references as ids (15 or 18 characters, kept as 18): a parent is its own record,
 *   not nested (`AccountId` and an Account entry, not `Account: {…}`), and SOQL follows
 *   the reference as it does in a generated org;
 * - dateTimes as ISO 8601 (`2025-01-01T10:00:00.000+0000` or `…Z`), dates as `YYYY-MM-DD`.
 * Picklist values and required fields are not checked: a test may serve a stage the org
 * does not list, or a deal whose IsClosed is null, as real orgs sometimes do.
 */

export type SeedValue = string | number | boolean | null;
export type SeedRecord = Readonly<Record<string, SeedValue>>;
export type SalesforceRecordSet = Readonly<Record<string, readonly SeedRecord[]>>;

/** A seeded record as a database row; throws naming the record and field on a bad value. */
export function seedRow(type: SObjectType, record: SeedRecord): Row {
  const rawId = record['Id'];
  const id = typeof rawId === 'string' ? toId18(rawId) : null;
  const where = `${type.name} ${typeof rawId === 'string' ? rawId : JSON.stringify(rawId)}`;
  if (id === null) throw new Error(`putRecords: ${where} needs an Id of 15 or 18 letters and digits`);
  if (!id.startsWith(type.keyPrefix)) throw new Error(`putRecords: ${where}: ${type.name} ids start with ${type.keyPrefix}`);
  for (const name of Object.keys(record)) {
    if (type.field(name) === undefined) {
      const nested = typeof record[name] === 'object' && record[name] !== null;
      throw new Error(
        `putRecords: ${where}: ${type.name} has no field "${name}"${nested ? ' (give a related record its own entry and refer to it by id)' : ''}`,
      );
    }
  }
  const row: Row = {};
  for (const field of type.fields) {
    const value = Object.hasOwn(record, field.name) ? (record[field.name] as SeedValue) : field.name === 'IsDeleted' ? false : null;
    row[field.name] = fieldValue(value, field.type, `${where}, ${field.name}`);
  }
  row['Id'] = id;
  return row;
}

function fieldValue(value: SeedValue, type: string, where: string): FieldValue {
  if (value === null) return null;
  const fail = (expected: string): never => {
    throw new Error(`putRecords: ${where} must be ${expected}, got ${JSON.stringify(value)}`);
  };
  switch (type) {
    case 'id':
    case 'reference':
      return (typeof value === 'string' ? toId18(value) : null) ?? fail('an id of 15 or 18 letters and digits');
    case 'datetime': {
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      // Salesforce writes the offset without a colon (+0000), which Date.parse may not read.
      const ms = typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
      return Number.isNaN(ms) ? fail('an ISO 8601 date and time') : ms;
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fail('a date as YYYY-MM-DD');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'currency':
    case 'double':
    case 'percent':
    case 'int':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('a number');
    default:
      return typeof value === 'string' ? value : fail('text');
  }
}
