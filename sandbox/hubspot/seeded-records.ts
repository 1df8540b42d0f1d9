import type { ApiData, Association, CrmRecord, ObjectName, OwnerBody } from './api-data';
import { COMPANY_PROPERTY_TYPES, CONTACT_PROPERTY_TYPES, DEAL_PROPERTY_TYPES, iso, type Properties } from './properties';

/**
 * Seeded records: an account of exactly the records a test gives (the `records` option,
 * `putRecords`), served through the same search, reads, associations, limits and faults
 * as a generated account, for connector unit tests that need particular records. They
 * are written as the API writes them:
 * - deals, companies and contacts as `{ id, properties }`, every value text or null, as
 *   HubSpot sends them; a property the object knows and the record leaves out is null,
 *   and `hs_object_id` is the id. A deal may be archived (`archivedAt`) and names its
 *   companies (one of them `primary`) and contacts;
 * - pipelines as GET /crm/pipelines/{version}/deals lists them (stage `metadata.isClosed` and
 *   `metadata.probability` as text); owners as GET /crm/owners/{version} lists them, with
 *   `archived: true` for deactivated ones.
 * Values are not checked against stages or options: a test may serve a deal in a stage
 * no pipeline has, or an amount that is not a number, as real accounts sometimes do.
 */

export interface SeedObject {
  /** A numeric id, as HubSpot's are. */
  id: string;
  properties: Readonly<Record<string, string | null>>;
  /** ISO 8601; by default the `createdate` property (else 0). */
  createdAt?: string;
  /** ISO 8601; by default `hs_lastmodifieddate` or `lastmodifieddate` (else `createdAt`). */
  updatedAt?: string;
}

export interface SeedDeal extends SeedObject {
  /** When it was archived (deleted): it then leaves search and reads, and lists under `archived=true`. */
  archivedAt?: string;
  companies?: ReadonlyArray<{ id: string; primary?: boolean }>;
  contacts?: readonly string[];
}

export interface SeedPipeline extends Record<string, unknown> {
  id: string;
  label: string;
  stages: ReadonlyArray<{ id: string; label: string; metadata: { isClosed: string; probability?: string } } & Record<string, unknown>>;
}

export interface SeedOwner extends Record<string, unknown> {
  id: string;
  email: string;
  archived?: boolean;
}

export interface HubSpotRecordSet {
  /** The account's currency (/account-info/{version}/details); USD by default. */
  currency?: string;
  pipelines?: readonly SeedPipeline[];
  owners?: readonly SeedOwner[];
  deals?: readonly SeedDeal[];
  companies?: readonly SeedObject[];
  contacts?: readonly SeedObject[];
}

interface SeededDeal extends CrmRecord {
  companies: Association[];
  contactIds: string[];
}

const KNOWN: Record<ObjectName, readonly string[]> = {
  deals: Object.keys(DEAL_PROPERTY_TYPES),
  companies: Object.keys(COMPANY_PROPERTY_TYPES),
  contacts: Object.keys(CONTACT_PROPERTY_TYPES),
};

export class SeededRecords implements ApiData {
  currency = 'USD';
  private pipelines: SeedPipeline[] = [];
  private ownerList: OwnerBody[] = [];
  private readonly maps: Record<ObjectName, Map<string, CrmRecord>> = { deals: new Map(), companies: new Map(), contacts: new Map() };
  /** Records in id order, by object; rebuilt after a put. */
  private sorted: Partial<Record<ObjectName, CrmRecord[]>> = {};

  constructor(
    records: HubSpotRecordSet,
    /** The pipelines when the records name none (the generated account's). */
    private readonly defaultPipelines: () => Record<string, unknown>[],
  ) {
    this.pipelines = this.defaultPipelines() as SeedPipeline[];
    this.put(records);
  }

  /** Adds records, or replaces those with the same id; pipelines and the currency, when given, replace the old ones. Checks everything first. */
  put(records: HubSpotRecordSet): void {
    const pipelines = records.pipelines?.map(checkPipeline);
    const owners = records.owners?.map(checkOwner);
    const converted = {
      deals: (records.deals ?? []).map((d) => toDeal(d)),
      companies: (records.companies ?? []).map((c) => toRecord(c, 'companies')),
      contacts: (records.contacts ?? []).map((c) => toRecord(c, 'contacts')),
    };
    if (records.currency !== undefined) this.currency = records.currency;
    if (pipelines !== undefined) this.pipelines = pipelines;
    for (const owner of owners ?? []) {
      const at = this.ownerList.findIndex((o) => o.id === owner.id);
      if (at < 0) this.ownerList.push(owner);
      else this.ownerList[at] = owner;
    }
    for (const object of ['deals', 'companies', 'contacts'] as const) {
      for (const record of converted[object]) this.maps[object].set(record.id, record);
      if (converted[object].length > 0) delete this.sorted[object];
    }
  }

  pipelineBodies(): Record<string, unknown>[] {
    return this.pipelines.map((p) => structuredClone(p));
  }

  stageIds(): ReadonlySet<string> {
    return new Set(this.pipelines.flatMap((p) => p.stages.map((s) => s.id)));
  }

  records(object: ObjectName, archived: boolean): CrmRecord[] {
    const all = (this.sorted[object] ??= [...this.maps[object].values()].sort((a, b) => Number(a.id) - Number(b.id)));
    return all.filter((r) => (r.archivedAt !== null) === archived);
  }

  find(object: ObjectName, id: string, archived: boolean): CrmRecord | undefined {
    const record = this.maps[object].get(id);
    return record !== undefined && (record.archivedAt !== null) === archived ? record : undefined;
  }

  associations(dealId: string, to: 'companies' | 'contacts'): Association[] | undefined {
    const deal = this.find('deals', dealId, false) as SeededDeal | undefined;
    if (deal === undefined) return undefined;
    return to === 'companies' ? deal.companies : deal.contactIds.map((id) => ({ id, primary: false }));
  }

  owners(archived: boolean): OwnerBody[] {
    return this.ownerList.filter((o) => (o['archived'] === true) === archived).map((o) => structuredClone(o));
  }
}

function parseTime(text: string | null | undefined, where: string): number | null {
  if (text === undefined || text === null) return null;
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`putRecords: ${where} must be an ISO 8601 date and time, got "${text}"`);
  return ms;
}

/** A time property read leniently: an unreadable one is data a test serves, not a mistake. */
function timeOf(text: string | null | undefined): number | null {
  if (text === undefined || text === null) return null;
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function toRecord(seed: SeedObject, object: ObjectName): CrmRecord {
  const where = `${object} ${seed.id}`;
  if (typeof seed.id !== 'string' || !/^\d+$/.test(seed.id)) throw new Error(`putRecords: ${object} need numeric ids as text, got ${JSON.stringify(seed.id)}`);
  const properties: Properties = {};
  for (const name of KNOWN[object]) properties[name] = null;
  for (const [name, value] of Object.entries(seed.properties)) {
    if (value !== null && typeof value !== 'string') throw new Error(`putRecords: ${where}: property "${name}" must be text or null, as HubSpot sends it`);
    properties[name] = value;
  }
  properties['hs_object_id'] = seed.id;
  const createdAt = parseTime(seed.createdAt, `${where} createdAt`) ?? timeOf(properties['createdate']) ?? 0;
  const updatedAt = parseTime(seed.updatedAt, `${where} updatedAt`) ?? timeOf(properties['hs_lastmodifieddate'] ?? properties['lastmodifieddate']) ?? createdAt;
  return { id: seed.id, createdAt, updatedAt, archivedAt: null, properties };
}

function toDeal(seed: SeedDeal): SeededDeal {
  const record = toRecord(seed, 'deals');
  const companies = (seed.companies ?? []).map((c) => ({ id: c.id, primary: c.primary === true }));
  if (companies.filter((c) => c.primary).length > 1) throw new Error(`putRecords: deal ${seed.id} has more than one primary company`);
  return { ...record, archivedAt: parseTime(seed.archivedAt, `deal ${seed.id} archivedAt`), companies, contactIds: [...(seed.contacts ?? [])] };
}

function checkPipeline(p: SeedPipeline): SeedPipeline {
  if (typeof p.id !== 'string' || !Array.isArray(p.stages) || !p.stages.every((s) => typeof s.id === 'string' && typeof s.metadata?.isClosed === 'string')) {
    throw new Error(`putRecords: a pipeline needs an id and stages with ids and metadata.isClosed, got ${JSON.stringify(p).slice(0, 200)}`);
  }
  return structuredClone(p);
}

function checkOwner(o: SeedOwner): OwnerBody {
  if (typeof o.id !== 'string' || typeof o.email !== 'string')
    throw new Error(`putRecords: an owner needs an id and an email, got ${JSON.stringify(o).slice(0, 200)}`);
  const at = iso(0);
  return { type: 'PERSON', createdAt: at, updatedAt: at, archived: false, teams: [], ...structuredClone(o) } as OwnerBody;
}
