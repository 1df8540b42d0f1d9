/**
 * The normalized opportunity: the one shape every source (Salesforce, HubSpot, a CSV
 * export, the sandbox generator) maps into, and the only one the engine, the store and
 * the UI read. It is plain JSON data so it crosses IndexedDB, Comlink and
 * `runtime.sendMessage` unchanged: dates are ISO `YYYY-MM-DD` strings, never `Date`s.
 */

/** The five types of the customer-success opportunity object. */
export const STANDARD_OPPORTUNITY_TYPES = ['new customer', 'upsell', 'cross-sell', 'renewal', 'downgrade'] as const;
export type StandardOpportunityType = (typeof STANDARD_OPPORTUNITY_TYPES)[number];
/** A standard type, or the org's own picklist value kept as written. */
export type OpportunityType = StandardOpportunityType | (string & {});

/** Where a record came from; records of different connections never mix. */
export type SourceKind = 'csv' | 'sandbox' | 'salesforce' | 'hubspot';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface PersonRef {
  /** CRM user id where the source has one, else the name itself. */
  id: string;
  name: string;
}

export interface AccountRef {
  /** CRM account/company id where the source has one, else the normalized name. */
  id: string;
  name: string;
}

/** One step of the stage lifecycle. */
export interface StageChange {
  stage: string;
  /** The day the opportunity entered this stage. */
  enteredAt: IsoDate;
}

/** One value a CRM recorded and the day it recorded it (a history's entry). */
export interface Recorded<T> {
  value: T;
  at: IsoDate;
}

/**
 * Adds a value recorded on `at` to a history kept oldest first, when it differs from the one
 * before: a CRM's history rows repeat a field's value with every change of another field, and
 * a repeat records nothing. An empty value (null) records nothing either.
 */
export function recordChange<T>(list: Array<Recorded<T>>, value: T | null, at: IsoDate): void {
  if (value !== null && list.at(-1)?.value !== value) list.push({ value, at });
}

/** The last record on or before `day` of a history kept oldest first, or null. */
export function recordedBy<T>(records: ReadonlyArray<Recorded<T>>, day: IsoDate): Recorded<T> | null {
  let found: Recorded<T> | null = null;
  for (const record of records) {
    if (record.at > day) break;
    found = record;
  }
  return found;
}

/**
 * What a CRM's history recorded about one deal (a Salesforce history export: lib/crm/csv/history-export.ts),
 * each list oldest first; the as-of engine turns it into the deal's history (lib/engine/asof/history.ts).
 */
export interface RecordedChanges {
  /** Stage entries: a change of another field while the stage stayed enters nothing. */
  stages: Array<Recorded<string>>;
  closeDates: Array<Recorded<IsoDate>>;
  amounts: Array<Recorded<number>>;
  /** 0..1. */
  probabilities: Array<Recorded<number>>;
  /** Values a field held before its first recorded change (a field history's first Old Value): held from the deal's creation. */
  before: { stage?: string; closeDate?: IsoDate; amount?: number; probability?: number };
  /** The day the history says the deal was created, when it says so. */
  createdAt?: IsoDate;
}

/** Values of the open attribute map. `null` means known to be empty. */
export type AttributeValue = string | number | boolean | null;

/** How an attribute column is typed, inferred from its values or declared by a connector. */
export type AttributeKind = 'category' | 'number' | 'date' | 'boolean';

/** Describes one attribute of a data set: what the field-mapping UI and the encoder read. */
export interface AttributeField {
  /** Key in `Opportunity.attributes`, stable across imports (e.g. `industry`). */
  key: string;
  /** Header or API label as the CRM shows it. */
  label: string;
  kind: AttributeKind;
  /** Share of records with a non-empty value, 0..1. */
  coverage: number;
}

/**
 * Attribute keys the connectors use for the well-known account and buyer facts, so the
 * personas, the lead-search builders and the panels find them whatever the source.
 */
export const WELL_KNOWN_ATTRIBUTES = {
  industry: 'industry',
  employees: 'employees',
  revenue: 'revenue',
  country: 'country',
  state: 'state',
  product: 'product',
  buyerTitle: 'buyerTitle',
  buyerRole: 'buyerRole',
} as const;

/**
 * A lookup table keyed by data (attribute keys, picklist values) with no prototype: a key
 * such as `constructor` or `toString` finds nothing instead of an object's method (issue 14).
 */
export function dataKeyed<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** How the well-known attributes read in the UI when a source gives no label of its own. */
export const WELL_KNOWN_LABELS: Readonly<Record<string, string>> = dataKeyed({
  industry: 'Industry',
  employees: 'Employees',
  revenue: 'Annual revenue',
  country: 'Country',
  state: 'State/Province',
  product: 'Product',
  buyerTitle: 'Buyer title',
  buyerRole: 'Buyer role',
});

export interface Opportunity {
  /** Unique within its connection (Salesforce 18-character id, HubSpot deal id, CSV id). */
  id: string;
  source: SourceKind;
  name: string;
  account: AccountRef | null;
  /** The deal value in `currency`; null when unknown. */
  amount: number | null;
  /** ISO 4217 code, or null when the source does not say. */
  currency: string | null;
  /** The CRM's stage label as written (Salesforce StageName, HubSpot stage label). */
  stage: string | null;
  isClosed: boolean;
  /** Only meaningful when `isClosed`; false for open deals. */
  isWon: boolean;
  type: OpportunityType | null;
  forecastCategory: string | null;
  /** The CRM's own win probability, 0..1 (never a model feature: it follows the stage). */
  probability: number | null;
  createdDate: IsoDate | null;
  /** Actual close date for closed deals; the CRM's expected close date for open ones. */
  closeDate: IsoDate | null;
  /** The day the current stage was entered (days in stage = as-of date − this). */
  stageEnteredDate: IsoDate | null;
  /** Oldest first; may be empty when the source has no history. */
  stageHistory: StageChange[];
  /**
   * The close dates, amounts and probabilities the CRM's history recorded while the deal
   * moved, each with its day (Salesforce's OpportunityHistory); absent when the source keeps
   * none. Like the stage history, it follows the outcome: only the as-of engine reads it,
   * each value as of its day (lib/engine/asof/snapshot.ts), never the win model's features.
   */
  recordedChanges?: RecordedChanges;
  owner: PersonRef | null;
  ownerManager: PersonRef | null;
  createdBy: PersonRef | null;
  territory: string | null;
  leadSource: string | null;
  /** Industry, employees, revenue, country, product, buyer title and any custom field. */
  attributes: Record<string, AttributeValue>;
}

/**
 * An attribute's value, or null when the opportunity has none: an own property only, so a
 * key such as `constructor` never reads Object's constructor off the prototype (issue 14).
 */
export function attributeOf(opportunity: Pick<Opportunity, 'attributes'>, key: string): AttributeValue {
  return Object.hasOwn(opportunity.attributes, key) ? (opportunity.attributes[key] ?? null) : null;
}

/** Standard fields that carry the outcome or follow it: never win-model features. */
export const OUTCOME_FIELDS = ['stage', 'isClosed', 'isWon', 'probability', 'forecastCategory', 'closeDate', 'stageEnteredDate', 'stageHistory'] as const;

/** Normalizes a stage or type label for comparisons: lower case, single spaces, no punctuation. */
export function normalizeLabel(value: string): string {
  return value
    .toLowerCase()
    .replace(/[_\-/]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const TYPE_SYNONYMS: Readonly<Record<string, StandardOpportunityType>> = dataKeyed({
  'new customer': 'new customer',
  'new business': 'new customer',
  'new logo': 'new customer',
  new: 'new customer',
  newbusiness: 'new customer',
  upsell: 'upsell',
  'up sell': 'upsell',
  upgrade: 'upsell',
  expansion: 'upsell',
  'existing business': 'upsell',
  existingbusiness: 'upsell',
  'existing customer upgrade': 'upsell',
  'existing customer upsell': 'upsell',
  'cross sell': 'cross-sell',
  crosssell: 'cross-sell',
  'existing customer cross sell': 'cross-sell',
  renewal: 'renewal',
  'existing customer renewal': 'renewal',
  'existing customer replacement': 'renewal',
  downgrade: 'downgrade',
  'existing customer downgrade': 'downgrade',
  contraction: 'downgrade',
});

/**
 * Maps a CRM type picklist value to a standard type where the meaning is clear
 * (Salesforce's "New Customer", "Existing Customer - Upgrade", HubSpot's "newbusiness",
 * "existingbusiness"); any other value is the org's own type and is kept as written.
 */
export function normalizeOpportunityType(raw: string | null | undefined): OpportunityType | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  return TYPE_SYNONYMS[normalizeLabel(trimmed)] ?? trimmed;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Adds whole days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days the opportunity has been in its current stage as of `asOf`, or null when unknown. */
export function daysInStage(opportunity: Opportunity, asOf: IsoDate): number | null {
  const entered = opportunity.stageEnteredDate ?? opportunity.stageHistory.at(-1)?.enteredAt ?? null;
  return entered == null ? null : Math.max(0, daysBetween(entered, asOf));
}

/**
 * Days open: created → close for a closed deal, created → `asOf` for an open one.
 * Null when the created date is unknown.
 */
export function daysOpen(opportunity: Opportunity, asOf: IsoDate): number | null {
  if (opportunity.createdDate == null) return null;
  const end = opportunity.isClosed ? opportunity.closeDate : asOf;
  return end == null ? null : Math.max(0, daysBetween(opportunity.createdDate, end));
}

/** An empty opportunity to spread over; connectors fill what they know. */
export function blankOpportunity(id: string, source: SourceKind): Opportunity {
  return {
    id,
    source,
    name: '',
    account: null,
    amount: null,
    currency: null,
    stage: null,
    isClosed: false,
    isWon: false,
    type: null,
    forecastCategory: null,
    probability: null,
    createdDate: null,
    closeDate: null,
    stageEnteredDate: null,
    stageHistory: [],
    owner: null,
    ownerManager: null,
    createdBy: null,
    territory: null,
    leadSource: null,
    attributes: {},
  };
}
