import { initialHistory, recordEdit, type PropertyHistory } from './property-history';
import type { Opportunity } from '../../lib/crm/opportunity';
import { emailSlug } from '../../lib/sandbox/names';
import { stageDefinition } from '../../lib/sandbox/stages';
import type { SandboxAccount, SandboxContact, SandboxOrg, SandboxUser } from '../../lib/sandbox/types';
import { addDaysIso, dayStartMs, isoDateOf, ModstampClock } from '../kit/clock';
import { addNewDeals, checkNewDealCount } from '../kit/new-deals';
import { opportunityTimeline, stableHash, workingTime } from '../kit/timeline';
import type { ApiData, Association, CrmRecord, ObjectName, OwnerBody } from './api-data';
import type { HubSpotIds, NumericIds } from './hubspot-org';
import { buildPipelines, pipelineBody, pipelineOf, stageByLabel, type Pipeline, type PipelineStage } from './pipelines';
import { dealTypeOption, FORECAST_OPTIONS, industryOption, iso, numberText, type Properties } from './properties';

export type { CrmRecord };

/**
 * The account's CRM records as HubSpot serves them, built from the generator's org with
 * HubSpot ids, and the edits a test makes while the server runs (touch, add, archive).
 * Every record keeps its properties ready to serve and to filter on; an edit recomputes
 * them and moves `hs_lastmodifieddate` past every earlier one.
 */

export interface DealRecord extends CrmRecord {
  opportunity: Opportunity;
  pipeline: Pipeline;
  /** When each `stageHistory` entry was entered. */
  stageTimes: number[];
  companyId: string | null;
  contactIds: string[];
  /** Versions of the close date, amount and stage probability (property-history.ts). */
  history: PropertyHistory;
}

export interface CompanyRecord extends CrmRecord {
  account: SandboxAccount;
}

export interface ContactRecord extends CrmRecord {
  contact: SandboxContact;
}

export interface Owner {
  id: string;
  userId: number;
  user: SandboxUser;
  createdAt: number;
  teams: { id: string; name: string; primary: boolean }[];
}

/** Deal properties an edit (`touch`) can change. */
export interface DealChanges {
  dealname?: string;
  amount?: number | string | null;
  /** YYYY-MM-DD or an ISO datetime. */
  closedate?: string;
  /** A stage id of the deal's pipeline. */
  dealstage?: string;
  hubspot_owner_id?: string;
}

const CHANGEABLE = new Set(['dealname', 'amount', 'closedate', 'dealstage', 'hubspot_owner_id']);

export class CrmStore implements ApiData {
  readonly pipelines: Pipeline[];
  readonly clock: ModstampClock;
  /** When the account was set up: the pipelines' and owners' createdAt. */
  readonly setupTime: number;
  /** Deals by id, in id (and creation) order, archived ones included. */
  readonly deals = new Map<string, DealRecord>();
  readonly companies = new Map<string, CompanyRecord>();
  readonly contacts = new Map<string, ContactRecord>();
  readonly accountOwners: Owner[];
  private batches = 0;

  constructor(
    readonly org: SandboxOrg,
    ids: HubSpotIds,
    private readonly dealIds: NumericIds,
  ) {
    this.pipelines = buildPipelines(org.seed);
    const earliest = org.opportunities.reduce((min, o) => (o.createdDate !== null && o.createdDate < min ? o.createdDate : min), org.asOf);
    this.setupTime = workingTime(addDaysIso(earliest, -90), 'setup');
    this.accountOwners = org.users.map((user) => ({
      id: user.id,
      userId: ids.userIdOfOwner.get(user.id) ?? 0,
      user,
      createdAt: this.setupTime,
      teams: user.territory === null ? [] : [{ id: ids.teamIdOfTerritory.get(user.territory) ?? '0', name: user.territory, primary: true }],
    }));
    for (const a of org.accounts) {
      const created = workingTime(a.createdDate, a.id);
      this.companies.set(a.id, {
        id: a.id,
        account: a,
        createdAt: created,
        updatedAt: created + (stableHash(`${a.id}:modified`) % (30 * 86_400)) * 1000,
        archivedAt: null,
        properties: {},
      });
    }
    for (const c of org.contacts) {
      const created = (this.companies.get(c.accountId)?.createdAt ?? this.setupTime) + (stableHash(c.id) % 86_400) * 1000;
      this.contacts.set(c.id, {
        id: c.id,
        contact: c,
        createdAt: created,
        updatedAt: created + (stableHash(`${c.id}:modified`) % (7 * 86_400)) * 1000,
        archivedAt: null,
        properties: {},
      });
    }
    for (const company of this.companies.values()) company.properties = companyProperties(company);
    for (const contact of this.contacts.values()) contact.properties = contactProperties(contact, this.companies);
    const contactsOfDeal = new Map<string, string[]>();
    for (const r of org.contactRoles) contactsOfDeal.set(r.opportunityId, [...(contactsOfDeal.get(r.opportunityId) ?? []), r.contactId]);
    for (const o of org.opportunities) {
      const timeline = opportunityTimeline(o);
      this.addDeal(o, timeline.created, timeline.stages, timeline.modified, contactsOfDeal.get(o.id) ?? []);
    }
    let latest = 0;
    for (const map of [this.deals, this.companies, this.contacts]) for (const r of map.values()) latest = Math.max(latest, r.updatedAt);
    this.clock = new ModstampClock(latest);
  }

  private addDeal(o: Opportunity, created: number, stageTimes: number[], modified: number, contactIds: string[]): DealRecord {
    const deal: DealRecord = {
      id: o.id,
      opportunity: o,
      pipeline: pipelineOf(this.pipelines, o),
      stageTimes,
      createdAt: created,
      updatedAt: modified,
      archivedAt: null,
      companyId: o.account?.id ?? null,
      contactIds,
      properties: {},
      history: { closedate: [], amount: [], hs_deal_stage_probability: [] },
    };
    deal.properties = dealProperties(deal);
    const p = deal.properties;
    deal.history = initialHistory(o, created, o.isClosed ? (stageTimes.at(-1) ?? null) : null, {
      closedate: p['closedate'] ?? null,
      amount: p['amount'] ?? null,
      hs_deal_stage_probability: p['hs_deal_stage_probability'] ?? null,
    });
    this.deals.set(o.id, deal);
    return deal;
  }

  /** Live (unarchived) deals in id order. */
  liveDeals(): DealRecord[] {
    return [...this.deals.values()].filter((d) => d.archivedAt === null);
  }

  /** A live deal, or with `archived` an archived one. */
  deal(id: string, archived = false): DealRecord | undefined {
    const d = this.deals.get(id);
    return d !== undefined && (d.archivedAt !== null) === archived ? d : undefined;
  }

  owner(id: string): Owner | undefined {
    return this.accountOwners.find((o) => o.id === id);
  }

  stage(deal: DealRecord): PipelineStage | undefined {
    return deal.opportunity.stage === null ? undefined : stageByLabel(deal.pipeline, deal.opportunity.stage);
  }

  get currency(): string {
    return this.org.currency;
  }

  pipelineBodies(): Record<string, unknown>[] {
    const at = iso(this.setupTime);
    return this.pipelines.map((p) => pipelineBody(p, at));
  }

  stageIds(): ReadonlySet<string> {
    return new Set(this.pipelines.flatMap((p) => p.stages.map((s) => s.id)));
  }

  records(object: ObjectName, archived: boolean): CrmRecord[] {
    if (object === 'deals') return [...this.deals.values()].filter((d) => (d.archivedAt !== null) === archived);
    return archived ? [] : [...(object === 'companies' ? this.companies : this.contacts).values()];
  }

  find(object: ObjectName, id: string, archived: boolean): CrmRecord | undefined {
    if (object === 'deals') return this.deal(id, archived);
    return archived ? undefined : (object === 'companies' ? this.companies : this.contacts).get(id);
  }

  /** A generated deal has one company, its primary, and its buyers as contacts. */
  associations(dealId: string, to: 'companies' | 'contacts'): Association[] | undefined {
    const deal = this.deal(dealId);
    if (deal === undefined) return undefined;
    if (to === 'companies') return deal.companyId === null ? [] : [{ id: deal.companyId, primary: true }];
    return deal.contactIds.map((id) => ({ id, primary: false }));
  }

  /** Every generated owner is active. */
  owners(archived: boolean): OwnerBody[] {
    if (archived) return [];
    return this.accountOwners.map((o) => ({
      id: o.id,
      email: o.user.email,
      type: 'PERSON',
      firstName: o.user.firstName,
      lastName: o.user.lastName,
      userId: o.userId,
      userIdIncludingInactive: o.userId,
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.createdAt),
      archived: false,
      teams: o.teams,
    }));
  }

  /**
   * Edits deals as a user would in HubSpot and moves their `hs_lastmodifieddate` (with no
   * changes, only that moves). A stage change is recorded in the stage history (and its
   * `hs_v2_date_entered_*` / `_exited_*` properties); closing a deal sets its close date
   * to today unless `closedate` is given. Validates everything before changing anything.
   * Returns the new `hs_lastmodifieddate` in epoch ms.
   */
  touch(ids: readonly string[], changes: DealChanges = {}): number {
    const targets = ids.map((id) => {
      const deal = this.deal(id);
      if (deal === undefined) throw new Error(`touch: no live deal with id "${id}"`);
      return deal;
    });
    for (const key of Object.keys(changes)) {
      if (!CHANGEABLE.has(key)) throw new Error(`touch: property "${key}" cannot be changed (changeable: ${[...CHANGEABLE].join(', ')})`);
    }
    // An emptied amount field is null, as HubSpot clears it.
    const amount = changes.amount === undefined ? undefined : changes.amount === null || changes.amount === '' ? null : Number(changes.amount);
    if (typeof amount === 'number' && !Number.isFinite(amount)) throw new Error(`touch: amount must be a number, got "${String(changes.amount)}"`);
    const closeMs =
      changes.closedate === undefined
        ? undefined
        : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(changes.closedate) ? `${changes.closedate}T00:00:00Z` : changes.closedate);
    if (closeMs !== undefined && Number.isNaN(closeMs)) throw new Error(`touch: closedate must be YYYY-MM-DD or an ISO datetime, got "${changes.closedate}"`);
    if (changes.hubspot_owner_id !== undefined && this.owner(changes.hubspot_owner_id) === undefined) {
      throw new Error(`touch: hubspot_owner_id "${changes.hubspot_owner_id}" is not an owner of the account`);
    }
    if (changes.dealname !== undefined && (typeof changes.dealname !== 'string' || changes.dealname.trim() === ''))
      throw new Error('touch: dealname cannot be empty');
    if (changes.dealstage !== undefined) {
      for (const deal of targets) {
        if (!deal.pipeline.stages.some((s) => s.id === changes.dealstage)) {
          throw new Error(`touch: "${changes.dealstage}" is not a stage of deal ${deal.id}'s pipeline "${deal.pipeline.label}"`);
        }
      }
    }
    const now = this.clock.tick();
    for (const deal of targets) {
      const o = deal.opportunity;
      if (changes.dealname !== undefined) o.name = changes.dealname;
      if (amount !== undefined) o.amount = amount;
      if (changes.hubspot_owner_id !== undefined) {
        const owner = this.owner(changes.hubspot_owner_id) as Owner;
        o.owner = { id: owner.id, name: owner.user.name };
        o.ownerManager = owner.user.manager;
      }
      if (changes.dealstage !== undefined && this.stage(deal)?.id !== changes.dealstage) {
        const stage = deal.pipeline.stages.find((s) => s.id === changes.dealstage) as PipelineStage;
        const today = isoDateOf(now);
        o.stage = stage.label;
        o.isClosed = stage.definition.isClosed;
        o.isWon = stage.definition.isWon;
        o.probability = stage.definition.probability / 100;
        o.forecastCategory = stage.definition.forecastCategory;
        o.stageEnteredDate = today;
        o.stageHistory.push({ stage: stage.label, enteredAt: today });
        deal.stageTimes.push(now);
        if (o.isClosed && closeMs === undefined) o.closeDate = today;
      }
      if (closeMs !== undefined) o.closeDate = isoDateOf(closeMs);
      deal.updatedAt = now;
      deal.properties = dealProperties(deal);
      recordEdit(deal.history, deal.properties, now);
    }
    return now;
  }

  /** Adds `count` open deals on existing companies, created now (same seed and call order, same deals). */
  addDeals(count: number): DealRecord[] {
    checkNewDealCount(count, 'addDeals');
    const now = this.clock.tick();
    const drafts = addNewDeals(this.org, this.batches, count, isoDateOf(now), () => {
      const id = this.dealIds.next(`new:${this.batches}:${this.deals.size}`);
      return { opportunity: id, contactRole: `role-${id}` };
    });
    this.batches += 1;
    return drafts.map((d) => this.addDeal(d.opportunity, now, [now], now, d.contactRole === null ? [] : [d.contactRole.contactId]));
  }

  /** Archives (deletes) deals: they leave search, reads and `org`. Returns the archive time. */
  archive(ids: readonly string[]): number {
    const targets = ids.map((id) => {
      const deal = this.deal(id);
      if (deal === undefined) throw new Error(`archive: no live deal with id "${id}"`);
      return deal;
    });
    const now = this.clock.tick();
    const gone = new Set(ids);
    for (const deal of targets) deal.archivedAt = now;
    this.org.opportunities = this.org.opportunities.filter((o) => !gone.has(o.id));
    return now;
  }
}

/** A deal's properties, from its opportunity and times. */
export function dealProperties(deal: DealRecord): Properties {
  const o = deal.opportunity;
  const stage = o.stage === null ? undefined : stageByLabel(deal.pipeline, o.stage);
  const properties: Properties = {
    dealname: o.name,
    amount: numberText(o.amount),
    closedate: closeDateOf(deal),
    createdate: iso(deal.createdAt),
    dealstage: stage?.id ?? null,
    pipeline: deal.pipeline.id,
    dealtype: dealTypeOption(o.type),
    hs_is_closed_won: String(o.isClosed && o.isWon),
    hs_is_closed: String(o.isClosed),
    hs_forecast_category: o.forecastCategory === null ? null : (FORECAST_OPTIONS[o.forecastCategory] ?? o.forecastCategory.toUpperCase()),
    hs_deal_stage_probability: o.probability === null ? null : String(o.probability),
    hubspot_owner_id: o.owner?.id ?? null,
    hs_lastmodifieddate: iso(deal.updatedAt),
    hs_object_id: deal.id,
    hs_primary_associated_company: deal.companyId,
    leadsource: o.leadSource,
  };
  for (const s of deal.pipeline.stages) {
    properties[`hs_v2_date_entered_${s.id}`] = null;
    properties[`hs_v2_date_exited_${s.id}`] = null;
  }
  o.stageHistory.forEach((change, i) => {
    const s = stageByLabel(deal.pipeline, change.stage);
    const entered = deal.stageTimes[i];
    if (s === undefined || entered === undefined) return;
    const exited = deal.stageTimes[i + 1];
    properties[`hs_v2_date_entered_${s.id}`] = iso(entered);
    properties[`hs_v2_date_exited_${s.id}`] = exited === undefined ? null : iso(exited);
  });
  return properties;
}

/** A closed deal's close date is when it closed; an open deal's, midnight UTC of the expected day. */
function closeDateOf(deal: DealRecord): string | null {
  const o = deal.opportunity;
  if (o.closeDate === null) return null;
  const closedAt = deal.stageTimes.at(-1);
  const closedStage = o.stageHistory.at(-1);
  if (o.isClosed && closedAt !== undefined && closedStage !== undefined && stageDefinition(closedStage.stage).isClosed && isoDateOf(closedAt) === o.closeDate) {
    return iso(closedAt);
  }
  return iso(dayStartMs(o.closeDate));
}

function companyProperties(company: CompanyRecord): Properties {
  const a = company.account;
  return {
    name: a.name,
    domain: `${emailSlug(a.name) || 'company'}.com`,
    industry: industryOption(a.industry),
    numberofemployees: numberText(a.employees),
    annualrevenue: numberText(a.annualRevenue),
    country: a.country,
    state: a.state,
    hubspot_owner_id: a.ownerId,
    hs_parent_company_id: a.parentId,
    createdate: iso(company.createdAt),
    hs_lastmodifieddate: iso(company.updatedAt),
    hs_object_id: company.id,
  };
}

function contactProperties(record: ContactRecord, companies: Map<string, CompanyRecord>): Properties {
  const c = record.contact;
  return {
    firstname: c.firstName,
    lastname: c.lastName,
    email: c.email,
    jobtitle: c.title,
    company: companies.get(c.accountId)?.account.name ?? null,
    associatedcompanyid: c.accountId,
    createdate: iso(record.createdAt),
    lastmodifieddate: iso(record.updatedAt),
    hs_object_id: record.id,
  };
}
