/**
 * SOQL text for the sync. Every value that enters a query goes through a literal builder
 * here (strings escaped, dates and ids validated), so record data or a user's choice can
 * never change a query's meaning.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 */
import type { IsoDate } from '../opportunity';
import { toId18 } from './ids';

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c] ?? c)}'`;
}

/** A date literal (`2024-03-01`, unquoted), from a valid ISO date only. */
export function soqlDate(date: IsoDate): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  }
  return date;
}

/**
 * A dateTime literal in the documented `YYYY-MM-DDThh:mm:ssZ` form, floored to the
 * second: callers compare with `>=` on it, so nothing in that second is missed.
 */
export function soqlDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not a date and time`);
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A quoted id, from a valid 15- or 18-character id only (as its 18-character form). */
export function soqlId(id: string): string {
  const id18 = toId18(id);
  if (id18 === null) throw new RangeError(`"${id}" is not a Salesforce id`);
  return `'${id18}'`;
}

/** `('a','b')` for an IN list; the list must not be empty. */
export function soqlIdList(ids: readonly string[]): string {
  if (ids.length === 0) throw new RangeError('an IN list needs at least one id');
  return `(${ids.map(soqlId).join(',')})`;
}

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** A field or relationship path (`Account.Industry`), checked so that it cannot carry SOQL. */
export function soqlField(path: string): string {
  if (!FIELD_PATH.test(path)) throw new RangeError(`"${path}" is not a field name`);
  return path;
}

/** Splits ids for IN lists: 200 ids of 18 characters keep a GET URL near 5 KB, far below Salesforce's 16 KB. */
export const IN_CHUNK = 200;

export { closedSinceDate } from '../shared/window';

export interface OpportunityQuery {
  /** Field paths to select (validated). */
  select: readonly string[];
  /** Closed deals with a close date on or after this day; open deals whatever their dates. */
  closedSince: IsoDate;
  /** Only records whose SystemModstamp is at or after this instant (incremental sync, resume). */
  modifiedSince?: string | null;
  /** Only these records (on-demand fetch). */
  ids?: readonly string[];
  /** ORDER BY SystemModstamp, Id: what makes a page boundary a resume point. */
  orderByModstamp: boolean;
}

/** The opportunities to sync: every open one and the closed ones of the window. */
export function opportunitiesSoql(q: OpportunityQuery): string {
  const where = [`(IsClosed = false OR CloseDate >= ${soqlDate(q.closedSince)})`];
  if (q.modifiedSince != null) where.push(`SystemModstamp >= ${soqlDateTime(q.modifiedSince)}`);
  if (q.ids !== undefined) where.push(`Id IN ${soqlIdList(q.ids)}`);
  const order = q.orderByModstamp ? ' ORDER BY SystemModstamp ASC, Id ASC' : '';
  return `SELECT ${q.select.map(soqlField).join(', ')} FROM Opportunity WHERE ${where.join(' AND ')}${order}`;
}

/** The same selection for given ids, whatever their dates (a record page opened before it was synced). */
export function opportunitiesByIdSoql(select: readonly string[], ids: readonly string[]): string {
  return `SELECT ${select.map(soqlField).join(', ')} FROM Opportunity WHERE Id IN ${soqlIdList(ids)}`;
}

/** The org's sales process. ApiName (what StageName holds when a label was renamed) is left out for servers that lack it. */
export function stagesSoql(withApiName = true): string {
  const fields = [
    'Id',
    'MasterLabel',
    ...(withApiName ? ['ApiName'] : []),
    'IsActive',
    'IsClosed',
    'IsWon',
    'DefaultProbability',
    'ForecastCategoryName',
    'SortOrder',
  ];
  return `SELECT ${fields.join(', ')} FROM OpportunityStage ORDER BY SortOrder ASC`;
}

/**
 * Stage, amount, probability and close-date changes of these opportunities: each row saves
 * the then-current StageName, Amount, Probability and CloseDate, CreatedDate being the moment
 * of the change (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_opportunityhistory.htm).
 */
export function historySoql(ids: readonly string[]): string {
  return `SELECT Id, OpportunityId, StageName, Amount, Probability, CloseDate, CreatedDate FROM OpportunityHistory WHERE OpportunityId IN ${soqlIdList(ids)} ORDER BY OpportunityId ASC, CreatedDate ASC, Id ASC`;
}

/** The buyers on these opportunities, with their titles. */
export function contactRolesSoql(ids: readonly string[]): string {
  return `SELECT Id, OpportunityId, Role, IsPrimary, ContactId, Contact.Title, CreatedDate FROM OpportunityContactRole WHERE OpportunityId IN ${soqlIdList(ids)} ORDER BY OpportunityId ASC, CreatedDate ASC, Id ASC`;
}

/** The products on these opportunities (orgs with Products enabled). */
export function lineItemsSoql(ids: readonly string[]): string {
  return `SELECT Id, OpportunityId, Product2.Name, TotalPrice FROM OpportunityLineItem WHERE OpportunityId IN ${soqlIdList(ids)} ORDER BY OpportunityId ASC, Id ASC`;
}

/** Users by id, with their managers: fills owners' managers when a reply lacks them. */
export function usersSoql(ids: readonly string[]): string {
  return `SELECT Id, Name, ManagerId FROM User WHERE Id IN ${soqlIdList(ids)}`;
}

/** Opportunities deleted since a checkpoint (run through /queryAll/, which sees the recycle bin). */
export function deletedOpportunitiesSoql(since: string): string {
  return `SELECT Id FROM Opportunity WHERE IsDeleted = true AND SystemModstamp >= ${soqlDateTime(since)}`;
}
