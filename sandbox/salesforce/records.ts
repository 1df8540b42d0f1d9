import { recordedBy, STANDARD_OPPORTUNITY_TYPES, type Opportunity, type StandardOpportunityType } from '../../lib/crm/opportunity';
import { SALESFORCE_STAGES, SALESFORCE_TYPE_LABELS, stageDefinition } from '../../lib/sandbox/stages';
import type { SandboxAccount, SandboxContact, SandboxContactRole, SandboxOrg, SandboxUser } from '../../lib/sandbox/types';
import { stableHash, workingTime, type OpportunityTimeline } from '../kit/timeline';
import { FORECAST_CATEGORY_API, REGION_OF_TERRITORY, type SchemaOptions } from './schema';

/**
 * The generator's org as Salesforce records: one row per record, keyed by API field name.
 * Dates are `YYYY-MM-DD` strings, dateTimes epoch milliseconds (written out by the API
 * layer), everything else as JSON has it. The generator knows days, not times, so each
 * record gets a working-hours time of day derived from its id: stable across runs.
 */

export type FieldValue = string | number | boolean | null;
export type Row = Record<string, FieldValue>;

/** Salesforce's label of a normalized type: the standard five map back to the picklist. */
export function typeLabel(type: string | null): string | null {
  if (type === null) return null;
  return (STANDARD_OPPORTUNITY_TYPES as readonly string[]).includes(type) ? SALESFORCE_TYPE_LABELS[type as StandardOpportunityType] : type;
}

/** Ids of the records the server adds to the generator's org. */
export interface OrgExtras {
  stageIds: ReadonlyMap<string, string>;
  territoryIds: ReadonlyMap<string, string>;
  /** The history row ids of each opportunity, one per row of `historyRows`, in order. */
  historyIds: (opportunityId: string, count: number) => string[];
  /** When the org's users and setup records were created. */
  setupTime: number;
}

function fiscal(date: string): { year: number; quarter: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

export function opportunityRow(o: Opportunity, timeline: OpportunityTimeline, extras: OrgExtras, options: SchemaOptions): Row {
  const stage = o.stage === null ? null : stageDefinition(o.stage);
  const probability = o.probability === null ? null : Math.round(o.probability * 100);
  const closeDate = o.closeDate ?? o.createdDate ?? '2000-01-01';
  const { year, quarter } = fiscal(closeDate);
  const ownerId = o.owner?.id ?? null;
  const forecastName = o.forecastCategory ?? stage?.forecastCategory ?? null;
  const row: Row = {
    Id: o.id,
    AccountId: o.account?.id ?? null,
    Name: o.name,
    Description: null,
    StageName: o.stage,
    Amount: o.amount,
    Probability: probability,
    ExpectedRevenue: o.amount === null || probability === null ? null : roundMoney((o.amount * probability) / 100),
    CloseDate: closeDate,
    Type: typeLabel(o.type),
    NextStep: null,
    LeadSource: o.leadSource,
    IsClosed: o.isClosed,
    IsWon: o.isWon,
    ForecastCategory: forecastName === null ? null : (FORECAST_CATEGORY_API[forecastName] ?? forecastName),
    ForecastCategoryName: forecastName,
    HasOpportunityLineItem: false,
    OwnerId: ownerId,
    IsDeleted: false,
    CreatedDate: timeline.created,
    CreatedById: o.createdBy?.id ?? ownerId,
    LastModifiedDate: timeline.modified,
    LastModifiedById: ownerId,
    SystemModstamp: timeline.modified,
    LastActivityDate: null,
    LastStageChangeDate: timeline.stages.at(-1) ?? timeline.created,
    FiscalQuarter: quarter,
    FiscalYear: year,
    Fiscal: `${year} ${quarter}`,
    Region__c: o.territory === null ? null : (REGION_OF_TERRITORY[o.territory] ?? null),
    Primary_Product__c: typeof o.attributes['product'] === 'string' ? o.attributes['product'] : null,
  };
  if (options.multiCurrency) row['CurrencyIsoCode'] = o.currency;
  if (options.territories) row['Territory2Id'] = o.territory === null ? null : (extras.territoryIds.get(o.territory) ?? null);
  return row;
}

/**
 * OpportunityHistory rows of a deal: one for each day its record changed (a stage entered, the
 * close date moved, the amount revised), each carrying the then-current values of stage,
 * amount, probability and close date, as the object saves them with every change
 * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_opportunityhistory.htm).
 * The values come from the generator's record of the deal (`Opportunity.recordedChanges`,
 * lib/sandbox/opportunities.ts): a row written while the deal was open carries the close date
 * planned then, never the day it closed. A deal without that record (one added while the
 * server runs) gets a row per stage entry with its current values.
 */
export function historyRows(o: Opportunity, timeline: OpportunityTimeline, extras: OrgExtras, options: SchemaOptions): Row[] {
  const events = historyEvents(o);
  const ids = extras.historyIds(o.id, events.length);
  return events.map((event, i) => {
    const at = event.stageIndex !== null ? (timeline.stages[event.stageIndex] ?? timeline.created) : changeTime(o, event.day, timeline);
    return historyRow(ids[i] as string, o, event.stage, at, options, event.closeDate, event.amount);
  });
}

/** One day the deal's record changed, with the values it held at the end of that day. */
export interface HistoryEvent {
  day: string;
  /** The index in `stageHistory` of the stage entered that day, or null when only another field changed. */
  stageIndex: number | null;
  stage: string;
  amount: number | null;
  closeDate: string | null;
}

/** The days a deal's record changed, oldest first (what `historyRows` writes, one row each). */
export function historyEvents(o: Opportunity): HistoryEvent[] {
  const recorded = o.recordedChanges;
  const days = new Set(o.stageHistory.map((s) => s.enteredAt));
  if (recorded !== undefined) for (const list of [recorded.closeDates, recorded.amounts]) for (const r of list) days.add(r.at);
  const events: HistoryEvent[] = [];
  for (const day of [...days].sort()) {
    let stageIndex: number | null = null;
    o.stageHistory.forEach((s, i) => {
      if (s.enteredAt <= day) stageIndex = i;
    });
    if (stageIndex === null) continue;
    const entered = (o.stageHistory[stageIndex] as { enteredAt: string }).enteredAt === day;
    events.push({
      day,
      stageIndex: entered ? stageIndex : null,
      stage: (o.stageHistory[stageIndex] as { stage: string }).stage,
      amount: recorded === undefined ? o.amount : (recordedBy(recorded.amounts, day)?.value ?? o.amount),
      closeDate: recorded === undefined ? o.closeDate : (recordedBy(recorded.closeDates, day)?.value ?? o.closeDate),
    });
  }
  return events;
}

/** When a change on `day` that entered no stage was saved: a working-hours time of that day, after the day's stage change if any. */
function changeTime(o: Opportunity, day: string, timeline: OpportunityTimeline): number {
  const at = workingTime(day, `${o.id}:change:${day}`);
  return Math.max(at, timeline.created + 60_000);
}

export function historyRow(
  id: string,
  o: Opportunity,
  stageName: string,
  at: number,
  options: SchemaOptions,
  closeDate: string | null = o.closeDate,
  amount: number | null = o.amount,
): Row {
  const stage = stageDefinition(stageName);
  const row: Row = {
    Id: id,
    OpportunityId: o.id,
    StageName: stageName,
    Amount: amount,
    ExpectedRevenue: amount === null ? null : roundMoney((amount * stage.probability) / 100),
    CloseDate: closeDate,
    Probability: stage.probability,
    ForecastCategory: FORECAST_CATEGORY_API[stage.forecastCategory] ?? stage.forecastCategory,
    IsDeleted: false,
    CreatedDate: at,
    CreatedById: o.owner?.id ?? null,
    SystemModstamp: at,
  };
  if (options.multiCurrency) row['CurrencyIsoCode'] = o.currency;
  return row;
}

export function accountRow(a: SandboxAccount, org: SandboxOrg, options: SchemaOptions): Row {
  const created = workingTime(a.createdDate, a.id);
  const modified = created + (stableHash(`${a.id}:modified`) % (30 * 24 * 3600)) * 1000;
  const row: Row = {
    Id: a.id,
    Name: a.name,
    ParentId: a.parentId,
    BillingState: a.state,
    BillingCountry: a.country,
    Industry: a.industry,
    AnnualRevenue: a.annualRevenue,
    NumberOfEmployees: a.employees,
    OwnerId: a.ownerId,
    IsDeleted: false,
    CreatedDate: created,
    CreatedById: a.ownerId,
    LastModifiedDate: modified,
    LastModifiedById: a.ownerId,
    SystemModstamp: modified,
  };
  if (options.multiCurrency) row['CurrencyIsoCode'] = org.currency;
  return row;
}

export function userRow(u: SandboxUser, setupTime: number, adminId: string): Row {
  return {
    Id: u.id,
    Username: u.email,
    LastName: u.lastName,
    FirstName: u.firstName,
    Name: u.name,
    Title: u.title,
    Email: u.email,
    IsActive: true,
    ManagerId: u.manager?.id ?? null,
    IsDeleted: false,
    CreatedDate: setupTime,
    CreatedById: adminId,
    LastModifiedDate: setupTime,
    LastModifiedById: adminId,
    SystemModstamp: setupTime,
  };
}

export function contactRow(c: SandboxContact, created: number, ownerId: string): Row {
  return {
    Id: c.id,
    AccountId: c.accountId,
    LastName: c.lastName,
    FirstName: c.firstName,
    Name: c.name,
    Title: c.title,
    Email: c.email,
    OwnerId: ownerId,
    IsDeleted: false,
    CreatedDate: created,
    CreatedById: ownerId,
    LastModifiedDate: created,
    LastModifiedById: ownerId,
    SystemModstamp: created,
  };
}

export function contactRoleRow(r: SandboxContactRole, created: number, createdById: string | null): Row {
  return {
    Id: r.id,
    OpportunityId: r.opportunityId,
    ContactId: r.contactId,
    Role: r.role,
    IsPrimary: r.isPrimary,
    IsDeleted: false,
    CreatedDate: created,
    CreatedById: createdById,
    LastModifiedDate: created,
    LastModifiedById: createdById,
    SystemModstamp: created,
  };
}

export function stageRows(extras: OrgExtras, adminId: string): Row[] {
  return SALESFORCE_STAGES.map((s, i) => ({
    Id: extras.stageIds.get(s.label) ?? null,
    MasterLabel: s.label,
    ApiName: s.label,
    IsActive: true,
    SortOrder: i + 1,
    IsClosed: s.isClosed,
    IsWon: s.isWon,
    ForecastCategory: FORECAST_CATEGORY_API[s.forecastCategory] ?? s.forecastCategory,
    ForecastCategoryName: s.forecastCategory,
    DefaultProbability: s.probability,
    Description: null,
    IsDeleted: false,
    CreatedDate: extras.setupTime,
    CreatedById: adminId,
    LastModifiedDate: extras.setupTime,
    LastModifiedById: adminId,
    SystemModstamp: extras.setupTime,
  }));
}

export function territoryRows(extras: OrgExtras, adminId: string): Row[] {
  return [...extras.territoryIds].map(([name, id]) => ({
    Id: id,
    Name: name,
    DeveloperName: name.replace(/[^A-Za-z0-9]+/g, '_'),
    Description: null,
    IsDeleted: false,
    CreatedDate: extras.setupTime,
    CreatedById: adminId,
    LastModifiedDate: extras.setupTime,
    LastModifiedById: adminId,
    SystemModstamp: extras.setupTime,
  }));
}
