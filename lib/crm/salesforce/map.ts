/**
 * Salesforce records → the normalized Opportunity (source 'salesforce'). A record is
 * rejected, with a reason naming it, only when what it says about the deal itself cannot
 * be read: its id, or an outcome (a stage the org does not define and no IsClosed/IsWon).
 * Any other unreadable value becomes null.
 */
import {
  blankOpportunity,
  normalizeLabel,
  normalizeOpportunityType,
  recordChange,
  type AttributeValue,
  type RecordedChanges,
  type IsoDate,
  type Opportunity,
  type PersonRef,
  type StageChange,
} from '../opportunity';
import type { SalesforceRecord } from './client';
import type { AttributeSpec, FieldPlan } from './fields';
import { toId18 } from './ids';
import type { StageIndex } from './stages';
import { readBoolean, readDate, readDateTime, readName, readNumber, readText, valueAt } from '../shared/values';

export interface HistoryRow {
  id: string;
  opportunityId: string;
  stage: string;
  /** When the row was written (ISO dateTime, UTC). */
  at: string;
  /** The then-current close date, amount and probability (0..1) the row saved; null where the reply had none. */
  closeDate: IsoDate | null;
  amount: number | null;
  probability: number | null;
}

export interface ContactRoleRow {
  id: string;
  opportunityId: string;
  role: string | null;
  title: string | null;
  isPrimary: boolean;
  createdAt: string | null;
}

export interface LineItemRow {
  id: string;
  opportunityId: string;
  product: string;
  totalPrice: number | null;
}

export interface UserRow {
  id: string;
  name: string | null;
  managerId: string | null;
}

export interface MapContext {
  stages: StageIndex;
  plan: Pick<FieldPlan, 'attributes' | 'territoryPath'>;
  history: ReadonlyMap<string, readonly HistoryRow[]>;
  contactRoles: ReadonlyMap<string, readonly ContactRoleRow[]>;
  lineItems: ReadonlyMap<string, readonly LineItemRow[]>;
  /** Users read separately, for replies that lack the owner's manager. */
  users: ReadonlyMap<string, UserRow>;
  /** The org's currency, for single-currency orgs (no CurrencyIsoCode field). */
  defaultCurrency: string | null;
}

export type MapResult =
  | {
      ok: true;
      opportunity: Opportunity;
      /** SystemModstamp, normalized, or null when the record has none. */
      modstamp: string | null;
      /** The stage when the org's OpportunityStage list lacks it (the record's own flags were used). */
      unknownStage: string | null;
    }
  | { ok: false; id: string | null; reason: string };

/** Maps one Opportunity record. */
export function mapOpportunity(record: SalesforceRecord, ctx: MapContext): MapResult {
  const rawId = readText(record.Id);
  const id = rawId === null ? null : toId18(rawId);
  if (id === null)
    return { ok: false, id: rawId, reason: rawId === null ? 'A record has no Id.' : `A record has an Id "${rawId}" that is not a Salesforce id.` };
  const name = readName(record.Name);
  const what = `Opportunity ${id}${name ? ` ("${name.trim()}")` : ''}`;

  const stageName = readText(record.StageName);
  if (stageName === null) return { ok: false, id, reason: `${what} has no stage, so whether it is open, won or lost is unknown.` };
  const stage = ctx.stages.find(stageName);
  let isClosed: boolean;
  let isWon: boolean;
  let unknownStage: string | null = null;
  if (stage !== null) {
    isClosed = stage.isClosed;
    isWon = stage.isWon;
  } else {
    const closed = readBoolean(record.IsClosed);
    const won = readBoolean(record.IsWon);
    if (closed === null || won === null) {
      return {
        ok: false,
        id,
        reason: `${what} has the stage "${stageName}", which is not among the org's stages (${ctx.stages.describe() || 'none were read'}), so whether it is open, won or lost is unknown.`,
      };
    }
    isClosed = closed;
    isWon = closed && won;
    unknownStage = stageName;
  }

  const o = blankOpportunity(id, 'salesforce');
  o.name = name ?? id;
  o.stage = stage?.label ?? stageName;
  o.isClosed = isClosed;
  o.isWon = isWon;
  o.account = account(record);
  o.amount = readNumber(record.Amount);
  o.currency = currency(record.CurrencyIsoCode) ?? ctx.defaultCurrency;
  o.type = normalizeOpportunityType(readText(record.Type));
  o.forecastCategory = readText(record.ForecastCategoryName) ?? stage?.forecastCategory ?? null;
  o.probability = probability(record.Probability);
  o.createdDate = readDate(record.CreatedDate);
  o.closeDate = readDate(record.CloseDate);
  o.owner = person(record.OwnerId, valueAt(record, 'Owner.Name'));
  o.ownerManager = ownerManager(record, ctx.users);
  o.createdBy = person(record.CreatedById, valueAt(record, 'CreatedBy.Name'));
  o.territory = ctx.plan.territoryPath === null ? null : readText(valueAt(record, ctx.plan.territoryPath));
  o.leadSource = readText(record.LeadSource);

  const stages = stageHistory(ctx.history.get(id) ?? [], o.stage, stageName, readDate(record.LastStageChangeDate));
  o.stageHistory = stages.history;
  o.stageEnteredDate = stages.entered;
  const changes = recordedChanges(ctx.history.get(id) ?? []);
  if (changes !== null) o.recordedChanges = changes;
  o.attributes = attributes(record, id, ctx);
  return { ok: true, opportunity: o, modstamp: readDateTime(record.SystemModstamp), unknownStage };
}

function account(record: SalesforceRecord): Opportunity['account'] {
  const rawId = readText(record.AccountId);
  if (rawId === null) return null;
  const id = toId18(rawId) ?? rawId;
  return { id, name: readName(valueAt(record, 'Account.Name')) ?? id };
}

function person(rawId: unknown, rawName: unknown): PersonRef | null {
  const text = readText(rawId);
  const id = text === null ? null : (toId18(text) ?? text);
  const name = readName(rawName);
  if (id === null) return name === null ? null : { id: name.trim(), name };
  return { id, name: name ?? id };
}

/** The owner's manager from the reply, or from the users read separately when the reply lacks it. */
function ownerManager(record: SalesforceRecord, users: ReadonlyMap<string, UserRow>): PersonRef | null {
  const ownerId = readText(record.OwnerId);
  const owner = ownerId === null ? undefined : users.get(toId18(ownerId) ?? ownerId);
  const managerId = readText(valueAt(record, 'Owner.ManagerId')) ?? owner?.managerId ?? null;
  if (managerId === null) return null;
  const id = toId18(managerId) ?? managerId;
  return { id, name: readName(valueAt(record, 'Owner.Manager.Name')) ?? users.get(id)?.name ?? id };
}

function currency(value: unknown): string | null {
  const code = readText(value)?.toUpperCase() ?? null;
  return code !== null && /^[A-Z]{3}$/.test(code) ? code : null;
}

/** Salesforce's Probability is a percentage. */
function probability(value: unknown): number | null {
  const p = readNumber(value);
  return p === null || p < 0 || p > 100 ? null : Number((p / 100).toPrecision(12));
}

/** History rows in the order they were written: by time, then id (rows of one save share a time). */
function inTimeOrder(rows: readonly HistoryRow[]): HistoryRow[] {
  return [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The stage path from OpportunityHistory. Rows are written for amount, probability and
 * close-date changes too, so consecutive rows of one stage are one visit. The current
 * stage was entered at its last visit; without history, LastStageChangeDate says when.
 */
export function stageHistory(
  rows: readonly HistoryRow[],
  currentStage: string,
  currentStageName: string,
  lastStageChange: IsoDate | null,
): { history: StageChange[]; entered: IsoDate | null } {
  const sorted = inTimeOrder(rows);
  const history: StageChange[] = [];
  for (const row of sorted) {
    if (history.at(-1)?.stage === row.stage) continue;
    history.push({ stage: row.stage, enteredAt: row.at.slice(0, 10) });
  }
  const current = new Set([normalizeLabel(currentStage), normalizeLabel(currentStageName)]);
  const last = history.at(-1);
  if (last !== undefined && current.has(normalizeLabel(last.stage))) return { history, entered: last.enteredAt };
  // History missing or behind the record: the record's own stage is the latest step.
  if (lastStageChange !== null && (last === undefined || last.enteredAt <= lastStageChange)) {
    history.push({ stage: currentStage, enteredAt: lastStageChange });
    return { history, entered: lastStageChange };
  }
  return { history, entered: lastStageChange };
}

/**
 * The close date, amount and probability as OpportunityHistory recorded them: every row
 * saves the then-current values of all three (the object's reference, cited in soql.ts), so
 * a value is recorded on the day of the first row that carries it after another. Null when
 * no row carries any (an org whose history predates these fields, or a reply without them).
 */
export function recordedChanges(rows: readonly HistoryRow[]): RecordedChanges | null {
  const sorted = inTimeOrder(rows);
  const changes: RecordedChanges = { stages: [], closeDates: [], amounts: [], probabilities: [], before: {} };
  for (const row of sorted) {
    const day = row.at.slice(0, 10);
    recordChange(changes.closeDates, row.closeDate, day);
    recordChange(changes.amounts, row.amount, day);
    recordChange(changes.probabilities, row.probability, day);
  }
  return changes.closeDates.length + changes.amounts.length + changes.probabilities.length === 0 ? null : changes;
}

function attributes(record: SalesforceRecord, id: string, ctx: MapContext): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  const buyer = buyerOf(ctx.contactRoles.get(id) ?? []);
  for (const spec of ctx.plan.attributes) {
    const source = spec.source;
    if (source.from === 'contactRole') values[spec.key] = buyer === null ? null : buyer[source.field];
    else if (source.from === 'lineItem') values[spec.key] = productOf(ctx.lineItems.get(id) ?? []);
    else values[spec.key] = typed(valueAt(record, source.path), spec);
  }
  return values;
}

function typed(value: unknown, spec: AttributeSpec): AttributeValue {
  switch (spec.kind) {
    case 'number':
      return readNumber(value);
    case 'boolean':
      return readBoolean(value);
    case 'date':
      return readDate(value);
    default:
      return readText(value);
  }
}

/** The primary contact role, else the first one written. */
export function buyerOf(roles: readonly ContactRoleRow[]): { title: string | null; role: string | null } | null {
  if (roles.length === 0) return null;
  const order = [...roles].sort(
    (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id),
  );
  const chosen = order[0];
  return chosen === undefined ? null : { title: chosen.title, role: chosen.role };
}

/** The product of the line with the largest total, ties to the first line. */
export function productOf(items: readonly LineItemRow[]): string | null {
  let best: LineItemRow | null = null;
  for (const item of items) if (best === null || (item.totalPrice ?? -Infinity) > (best.totalPrice ?? -Infinity)) best = item;
  return best?.product ?? null;
}

/** Groups rows by their 18-character opportunity id, skipping rows it cannot read. */
function groupBy<T extends { opportunityId: string }>(rows: readonly (T | null)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    if (row === null) continue;
    const list = map.get(row.opportunityId);
    if (list) list.push(row);
    else map.set(row.opportunityId, [row]);
  }
  return map;
}

function opportunityIdOf(record: SalesforceRecord): string | null {
  const raw = readText(record.OpportunityId);
  return raw === null ? null : toId18(raw);
}

export function readHistoryRows(records: readonly SalesforceRecord[]): Map<string, HistoryRow[]> {
  return groupBy(
    records.map((r, i): HistoryRow | null => {
      const opportunityId = opportunityIdOf(r);
      const stage = readText(r.StageName);
      const at = readDateTime(r.CreatedDate);
      if (opportunityId === null || stage === null || at === null) return null;
      return {
        id: readText(r.Id) ?? String(i).padStart(18, '0'),
        opportunityId,
        stage,
        at,
        closeDate: readDate(r.CloseDate),
        amount: readNumber(r.Amount),
        probability: probability(r.Probability),
      };
    }),
  );
}

export function readContactRoleRows(records: readonly SalesforceRecord[]): Map<string, ContactRoleRow[]> {
  return groupBy(
    records.map((r, i): ContactRoleRow | null => {
      const opportunityId = opportunityIdOf(r);
      if (opportunityId === null) return null;
      return {
        id: readText(r.Id) ?? String(i).padStart(18, '0'),
        opportunityId,
        role: readText(r.Role),
        title: readText(valueAt(r, 'Contact.Title')),
        isPrimary: readBoolean(r.IsPrimary) ?? false,
        createdAt: readDateTime(r.CreatedDate),
      };
    }),
  );
}

export function readLineItemRows(records: readonly SalesforceRecord[]): Map<string, LineItemRow[]> {
  return groupBy(
    records.map((r, i): LineItemRow | null => {
      const opportunityId = opportunityIdOf(r);
      const product = readText(valueAt(r, 'Product2.Name'));
      return opportunityId === null || product === null
        ? null
        : { id: readText(r.Id) ?? String(i).padStart(18, '0'), opportunityId, product, totalPrice: readNumber(r.TotalPrice) };
    }),
  );
}

export function readUserRows(records: readonly SalesforceRecord[]): Map<string, UserRow> {
  const users = new Map<string, UserRow>();
  for (const r of records) {
    const raw = readText(r.Id);
    const id = raw === null ? null : toId18(raw);
    if (id === null) continue;
    const manager = readText(r.ManagerId);
    users.set(id, { id, name: readName(r.Name), managerId: manager === null ? null : (toId18(manager) ?? manager) });
  }
  return users;
}
