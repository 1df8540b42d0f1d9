/**
 * The parts of an sObject describe that Dealsight reads: which fields the user can see
 * (field-level security hides the rest, and querying a hidden field fails the whole
 * query), their types and labels, picklist values, and child relationships.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
 */
import type { AttributeKind } from '../opportunity';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
}

export interface DescribeField {
  name: string;
  label: string;
  /** Salesforce's field type: string, picklist, currency, double, date, datetime, boolean, reference, … */
  type: string;
  custom: boolean;
  /** Characters, for text types; 0 when Salesforce does not say. */
  length: number;
  /** The relationship name of a lookup (`Account` for `AccountId`), else null. */
  relationshipName: string | null;
  referenceTo: string[];
  picklistValues: PicklistValue[];
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
}

export interface DescribeSObject {
  name: string;
  label: string;
  fields: DescribeField[];
  childRelationships: ChildRelationship[];
}

/** Reads a describe reply, tolerating absent optional parts; null when it has no fields list at all. */
export function readDescribe(body: unknown, object: string): DescribeSObject | null {
  if (body === null || typeof body !== 'object') return null;
  const o = body as Record<string, unknown>;
  if (!Array.isArray(o.fields)) return null;
  const fields: DescribeField[] = [];
  for (const raw of o.fields) {
    const f = readField(raw);
    if (f !== null) fields.push(f);
  }
  const children = Array.isArray(o.childRelationships) ? o.childRelationships : [];
  return {
    name: str(o.name) ?? object,
    label: str(o.label) ?? object,
    fields,
    childRelationships: children.flatMap((raw): ChildRelationship[] => {
      if (raw === null || typeof raw !== 'object') return [];
      const c = raw as Record<string, unknown>;
      const childSObject = str(c.childSObject);
      return childSObject === null ? [] : [{ childSObject, field: str(c.field) ?? '', relationshipName: str(c.relationshipName) }];
    }),
  };
}

function readField(raw: unknown): DescribeField | null {
  if (raw === null || typeof raw !== 'object') return null;
  const f = raw as Record<string, unknown>;
  const name = str(f.name);
  if (name === null) return null;
  return {
    name,
    label: str(f.label) ?? name,
    type: (str(f.type) ?? 'string').toLowerCase(),
    custom: f.custom === true || name.endsWith('__c'),
    length: typeof f.length === 'number' ? f.length : 0,
    relationshipName: str(f.relationshipName),
    referenceTo: Array.isArray(f.referenceTo) ? f.referenceTo.filter((r): r is string => typeof r === 'string') : [],
    picklistValues: Array.isArray(f.picklistValues) ? f.picklistValues.flatMap(readPicklistValue) : [],
  };
}

function readPicklistValue(raw: unknown): PicklistValue[] {
  if (raw === null || typeof raw !== 'object') return [];
  const p = raw as Record<string, unknown>;
  const value = str(p.value);
  return value === null ? [] : [{ value, label: str(p.label) ?? value, active: p.active !== false }];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The field by API name, compared case-insensitively as Salesforce does. */
export function findField(describe: DescribeSObject | null, name: string): DescribeField | null {
  if (describe === null) return null;
  const wanted = name.toLowerCase();
  return describe.fields.find((f) => f.name.toLowerCase() === wanted) ?? null;
}

/** Whether the object lists a child relationship (OpportunityLineItems, OpportunityHistories, …). */
export function hasChild(describe: DescribeSObject, childSObject: string): boolean {
  return describe.childRelationships.some((c) => c.childSObject === childSObject);
}

const NUMBER_TYPES = new Set(['double', 'currency', 'percent', 'int', 'long']);
const DATE_TYPES = new Set(['date', 'datetime']);
/** Types that cannot be an attribute: binary, compound or encrypted values. */
const UNUSABLE_TYPES = new Set(['base64', 'address', 'location', 'encryptedstring', 'complexvalue', 'anytype', 'json']);
/** Longer text is free prose (Description, long text areas): no use as a category. */
export const MAX_CATEGORY_LENGTH = 255;

/** How a field's values read as an attribute, or why they cannot be one. */
export function attributeKindOf(field: DescribeField): { kind: AttributeKind } | { reason: string } {
  if (UNUSABLE_TYPES.has(field.type)) return { reason: `its type (${field.type}) holds no comparable value` };
  if (NUMBER_TYPES.has(field.type)) return { kind: 'number' };
  if (DATE_TYPES.has(field.type)) return { kind: 'date' };
  if (field.type === 'boolean') return { kind: 'boolean' };
  if (field.type === 'textarea' && field.length > MAX_CATEGORY_LENGTH) return { reason: 'it is long text, not a category' };
  return { kind: 'category' };
}
