/**
 * A HubSpot deal (with its companies, contacts and owner read alongside) → the normalized
 * Opportunity (source 'hubspot'). A deal is rejected, with a reason naming it, only when
 * its outcome cannot be known: no stage, or a stage no pipeline has and no readable
 * hs_is_closed / hs_is_closed_won. Any other unreadable value becomes null with a warning
 * naming the deal and the property.
 */
import { blankOpportunity, normalizeOpportunityType, type AttributeValue, type Opportunity, type PersonRef, type StageChange } from '../opportunity';
import { readBoolean, readDate, readDateTime, readName, readNumber, readText } from '../shared/values';
import type { AssociatedIds, HubSpotObject } from './client';
import type { OwnerIndex } from './owners';
import { ATTRIBUTE_COLUMNS, stageDateProperty } from './properties';
import type { StageIndex } from './stages';

export interface MapContext {
  stages: StageIndex;
  owners: OwnerIndex;
  /** The portal's company currency, for deals without `deal_currency_code`. */
  currency: string | null;
  dealCompanies: ReadonlyMap<string, AssociatedIds>;
  companies: ReadonlyMap<string, HubSpotObject>;
  dealContacts: ReadonlyMap<string, AssociatedIds>;
  contacts: ReadonlyMap<string, HubSpotObject>;
}

export type MapResult =
  | {
      ok: true;
      opportunity: Opportunity;
      /** hs_lastmodifieddate, normalized, or null when unreadable. */
      modified: string | null;
      /** Values that could not be read, each naming the deal and the property. */
      warnings: string[];
      /** The stage id when no pipeline has it (the deal's own flags were used). */
      unknownStage: string | null;
    }
  | { ok: false; id: string; reason: string };

/** Maps one deal. */
export function mapDeal(deal: HubSpotObject, ctx: MapContext): MapResult {
  const p = deal.properties;
  const id = deal.id;
  const name = readName(p.dealname);
  const what = `Deal ${id}${name ? ` ("${name.trim()}")` : ''}`;
  const warnings: string[] = [];
  const warn = (property: string, value: unknown, why: string) => warnings.push(`${what}: ${property} "${String(value)}" ${why}, so it was left empty.`);

  const stageId = readText(p.dealstage);
  if (stageId === null) return { ok: false, id, reason: `${what} has no dealstage, so whether it is open, won or lost is unknown.` };
  const stage = ctx.stages.get(stageId);
  let isClosed: boolean;
  let isWon: boolean;
  let unknownStage: string | null = null;
  if (stage !== null) {
    isClosed = stage.isClosed;
    isWon = stage.isWon;
  } else {
    const closed = readBoolean(p.hs_is_closed);
    const won = readBoolean(p.hs_is_closed_won);
    if (closed === null || won === null) {
      return { ok: false, id, reason: `${what} has the dealstage "${stageId}", which no deal pipeline has, so whether it is open, won or lost is unknown.` };
    }
    isClosed = closed || won;
    isWon = won;
    unknownStage = stageId;
  }
  if (name === null) warnings.push(`${what} has no dealname, so it is shown as "Deal ${id}".`);

  const o = blankOpportunity(id, 'hubspot');
  o.name = name ?? `Deal ${id}`;
  o.stage = stage?.displayLabel ?? stageId;
  o.isClosed = isClosed;
  o.isWon = isClosed && isWon;
  o.amount = readNumber(p.amount);
  if (o.amount === null && readText(p.amount) !== null) warn('amount', p.amount, 'is not a number');
  o.currency = currency(p.deal_currency_code) ?? ctx.currency;
  o.type = normalizeOpportunityType(readText(p.dealtype));
  o.forecastCategory = readText(p.hs_forecast_category);
  o.probability = stage?.probability ?? probability(p.hs_deal_stage_probability);
  o.createdDate = date(p, 'createdate', warn);
  o.closeDate = date(p, 'closedate', warn);
  o.leadSource = readText(p.hs_analytics_source);

  const ownerId = readText(p.hubspot_owner_id);
  const owner = ownerId === null ? null : ctx.owners.get(ownerId);
  o.owner = ownerId === null ? null : { id: ownerId, name: owner?.name ?? ownerId };
  // The team is the level above the owner: HubSpot's counterpart of the owner's manager.
  o.ownerManager = owner?.team ? { id: `team:${owner.team.id}`, name: owner.team.name } : null;
  const creatorId = readText(p.hs_created_by_user_id);
  const creator = creatorId === null ? null : ctx.owners.byUserId(creatorId);
  o.createdBy = creatorId === null ? null : ({ id: creator?.id ?? `user:${creatorId}`, name: creator?.name ?? creatorId } satisfies PersonRef);

  const history = stageHistory(p, ctx.stages, what, warnings);
  o.stageHistory = history;
  o.stageEnteredDate = stage === null ? null : (history.findLast((h) => h.stage === stage.displayLabel)?.enteredAt ?? null);

  const company = primaryOf(ctx.dealCompanies.get(id), ctx.companies);
  o.account = company === null ? null : { id: company.id, name: readName(company.properties.name)?.trim() ?? company.id };
  o.attributes = attributes(company, buyerTitle(ctx.dealContacts.get(id), ctx.contacts));

  const modified = readDateTime(p.hs_lastmodifieddate) ?? readDateTime(deal.updatedAt);
  return { ok: true, opportunity: o, modified, warnings, unknownStage };
}

function date(p: Record<string, string | null>, property: string, warn: (property: string, value: unknown, why: string) => void): string | null {
  const value = readDate(p[property]);
  if (value === null && readText(p[property]) !== null) warn(property, p[property], 'is not a date');
  return value;
}

function currency(value: unknown): string | null {
  const code = readText(value)?.toUpperCase() ?? null;
  return code !== null && /^[A-Z]{3}$/.test(code) ? code : null;
}

/** hs_deal_stage_probability is 0..1. */
function probability(value: unknown): number | null {
  const n = readNumber(value);
  return n === null || n < 0 || n > 1 ? null : n;
}

/** The stages the deal entered, oldest first, from its hs_v2_date_entered_<stageId> properties. */
function stageHistory(p: Record<string, string | null>, stages: StageIndex, what: string, warnings: string[]): StageChange[] {
  const entries: { at: string; order: number; stage: string }[] = [];
  for (const s of stages.stages) {
    const property = stageDateProperty(s.id);
    const raw = p[property];
    if (raw == null || raw.trim() === '') continue;
    const at = readDateTime(raw);
    if (at === null) {
      warnings.push(`${what}: ${property} "${raw}" is not a date and time, so the stage "${s.displayLabel}" is missing from its history.`);
      continue;
    }
    entries.push({ at, order: s.displayOrder, stage: s.displayLabel });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  return entries.map((e) => ({ stage: e.stage, enteredAt: e.at.slice(0, 10) }));
}

/** The association labelled Primary, else the first associated record that was read. */
function primaryOf(associated: AssociatedIds | undefined, records: ReadonlyMap<string, HubSpotObject>): HubSpotObject | null {
  if (associated === undefined) return null;
  for (const id of [...associated.primary, ...associated.ids]) {
    const record = records.get(id);
    if (record !== undefined) return record;
  }
  return null;
}

/** The first associated contact with a job title. */
function buyerTitle(associated: AssociatedIds | undefined, contacts: ReadonlyMap<string, HubSpotObject>): string | null {
  for (const id of associated?.ids ?? []) {
    const title = readText(contacts.get(id)?.properties.jobtitle);
    if (title !== null) return title;
  }
  return null;
}

/**
 * HubSpot's industry is an enumeration whose API value is an internal name
 * (`COMPUTER_SOFTWARE`, `BANKING`); its labels need the properties API and a schema scope
 * Dealsight does not ask for, so the name is written as words ("Computer Software").
 */
export function enumLabel(value: string | null): string | null {
  if (value === null || !/^[A-Z0-9]+(?:_[A-Z0-9]+)*$/.test(value)) return value;
  return value
    .split('_')
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}

function attributes(company: HubSpotObject | null, title: string | null): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const column of ATTRIBUTE_COLUMNS) {
    if (column.company === undefined) continue;
    const raw = company?.properties[column.company];
    values[column.key] = column.kind === 'number' ? readNumber(raw) : column.company === 'industry' ? enumLabel(readText(raw)) : readText(raw);
  }
  values.buyerTitle = title;
  return values;
}
