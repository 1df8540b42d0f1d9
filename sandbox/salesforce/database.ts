import { normalizeOpportunityType, type Opportunity } from '../../lib/crm/opportunity';
import { KEY_PREFIX } from '../../lib/sandbox/ids';
import { SALESFORCE_STAGES, stageDefinition } from '../../lib/sandbox/stages';
import type { SandboxOrg } from '../../lib/sandbox/types';
import { addDaysIso, isoDateOf, ModstampClock } from '../kit/clock';
import { IdSequence, podOf, toId18 } from './id-sequence';
import { addNewDeals, checkNewDealCount } from '../kit/new-deals';
import {
  accountRow,
  contactRoleRow,
  contactRow,
  historyRow,
  historyRows,
  opportunityRow,
  stageRows,
  territoryRows,
  userRow,
  type FieldValue,
  type OrgExtras,
  type Row,
} from './records';
import { opportunityTimeline, stableHash, workingTime } from '../kit/timeline';
import { seedRow, type SalesforceRecordSet, type SeedRecord } from './seeded-records';
import {
  buildSchema,
  FORECAST_CATEGORY_API,
  REGION_OF_TERRITORY,
  SERVER_KEY_PREFIX,
  type FieldDef,
  type Schema,
  type SchemaOptions,
  type SObjectType,
} from './schema';

/**
 * The served org's records, by object, and the edits a test makes while the server runs.
 * The rows and the `SandboxOrg` they come from change together, so that a test comparing
 * the extension's numbers with the engine's on `server.org` sees what the API served.
 * Seeded (`seed`), the tables hold exactly the records a test gave instead (see
 * seeded-records.ts), and only `put` and `remove` change them.
 */

export interface Table {
  type: SObjectType;
  /** In id order, which is creation order. */
  rows: Row[];
  byId: Map<string, Row>;
}

/** Fields `touch` can change, by API name. Salesforce derives the rest (IsClosed, IsWon, …). */
export interface OpportunityChanges {
  Name?: string;
  Amount?: number | null;
  StageName?: string;
  CloseDate?: string;
  Type?: string | null;
  LeadSource?: string | null;
  OwnerId?: string;
  Probability?: number | null;
  NextStep?: string | null;
  Description?: string | null;
  Region__c?: string | null;
  Primary_Product__c?: string | null;
}

const CHANGEABLE = new Set<string>([
  'Name',
  'Amount',
  'StageName',
  'CloseDate',
  'Type',
  'LeadSource',
  'OwnerId',
  'Probability',
  'NextStep',
  'Description',
  'Region__c',
  'Primary_Product__c',
]);
/** Changes to these add an OpportunityHistory row, as Salesforce's history tracking does. */
const HISTORY_TRACKED = ['StageName', 'Amount', 'CloseDate', 'Probability'];
const BASE = 62 ** 4;

export class SandboxDatabase {
  readonly schema: Schema;
  readonly orgId: string;
  readonly clock: ModstampClock;
  private readonly tables = new Map<string, Table>();
  private readonly opportunities = new Map<string, Opportunity>();
  private readonly pod: string;
  private readonly historyIds: IdSequence;
  private readonly opportunityIds: IdSequence;
  private readonly contactRoleIds: IdSequence;
  private added = 0;
  private seededRows = false;

  constructor(
    readonly org: SandboxOrg,
    readonly options: SchemaOptions,
  ) {
    const first = org.opportunities[0]?.id ?? org.users[0]?.id;
    if (first === undefined) throw new Error('SandboxDatabase: the org has no records');
    this.pod = podOf(first);
    const seedKey = (name: string): number => BASE * 10 + (stableHash(`${org.seed}:${name}`) % BASE);
    this.orgId = new IdSequence(SERVER_KEY_PREFIX.organization, this.pod, seedKey('org')).next();
    this.schema = buildSchema(org, options);

    const stageSeq = new IdSequence(SERVER_KEY_PREFIX.opportunityStage, this.pod, seedKey('stages'));
    const territorySeq = new IdSequence(SERVER_KEY_PREFIX.territory, this.pod, seedKey('territories'));
    const territoryNames = [...new Set(org.users.map((u) => u.territory).filter((t): t is NonNullable<typeof t> => t !== null))];
    const historyStart = seedKey('history') + BASE * 20;
    const historySeq = new IdSequence(KEY_PREFIX.opportunityHistory, this.pod, historyStart);
    const earliest = org.opportunities.reduce((min, o) => (o.createdDate !== null && o.createdDate < min ? o.createdDate : min), org.asOf);
    const extras: OrgExtras = {
      stageIds: new Map(SALESFORCE_STAGES.map((s) => [s.label, stageSeq.next()])),
      territoryIds: new Map(options.territories ? territoryNames.map((t) => [t, territorySeq.next()]) : []),
      historyIds: (_id, count) => Array.from({ length: count }, () => historySeq.next()),
      setupTime: workingTime(addDaysIso(earliest, -90), 'setup'),
    };
    const admin = org.users.find((u) => u.manager === null) ?? org.users[0];
    const adminId = admin?.id ?? first;

    const opportunityRows: Row[] = [];
    const history: Row[] = [];
    const created = new Map<string, number>();
    for (const o of org.opportunities) {
      this.opportunities.set(o.id, o);
      const timeline = opportunityTimeline(o);
      created.set(o.id, timeline.created);
      opportunityRows.push(opportunityRow(o, timeline, extras, options));
      history.push(...historyRows(o, timeline, extras, options));
    }
    this.historyIds = IdSequence.after(
      KEY_PREFIX.opportunityHistory,
      this.pod,
      history.map((r) => String(r['Id'])),
      historyStart,
    );
    this.opportunityIds = IdSequence.after(KEY_PREFIX.opportunity, this.pod, this.opportunities.keys(), seedKey('opportunities'));
    this.contactRoleIds = IdSequence.after(
      KEY_PREFIX.contactRole,
      this.pod,
      org.contactRoles.map((r) => r.id),
      seedKey('roles'),
    );

    const accountOwner = new Map(org.accounts.map((a) => [a.id, a.ownerId]));
    const contactCreated = new Map<string, number>();
    const roles: Row[] = org.contactRoles.map((r) => {
      const at = (created.get(r.opportunityId) ?? extras.setupTime) + 5 * 60_000;
      const before = contactCreated.get(r.contactId);
      if (before === undefined || at < before) contactCreated.set(r.contactId, at);
      const o = this.opportunities.get(r.opportunityId);
      return contactRoleRow(r, at, o?.createdBy?.id ?? o?.owner?.id ?? adminId);
    });

    this.addTable('Opportunity', opportunityRows);
    this.addTable('OpportunityHistory', history);
    this.addTable('OpportunityContactRole', roles);
    this.addTable(
      'Account',
      org.accounts.map((a) => accountRow(a, org, options)),
    );
    this.addTable(
      'User',
      org.users.map((u) => userRow(u, extras.setupTime, adminId)),
    );
    this.addTable(
      'Contact',
      org.contacts.map((c) => contactRow(c, (contactCreated.get(c.id) ?? extras.setupTime) - 60_000, accountOwner.get(c.accountId) ?? adminId)),
    );
    this.addTable('OpportunityStage', stageRows(extras, adminId));
    if (options.territories) this.addTable('Territory2', territoryRows(extras, adminId));

    let latest = 0;
    for (const table of this.tables.values()) for (const row of table.rows) latest = Math.max(latest, Number(row['SystemModstamp'] ?? 0));
    this.clock = new ModstampClock(latest);
  }

  private addTable(name: string, rows: Row[]): void {
    const type = this.schema.object(name);
    if (type === undefined) throw new Error(`SandboxDatabase: no schema for ${name}`);
    this.tables.set(type.name.toLowerCase(), { type, rows, byId: new Map(rows.map((r) => [String(r['Id']), r])) });
  }

  table(name: string): Table | undefined {
    return this.tables.get(name.toLowerCase());
  }

  /** A record by 15- or 18-character id, of any object. */
  find(id: string): { type: SObjectType; row: Row } | undefined {
    const id18 = toId18(id);
    if (id18 === null) return undefined;
    for (const table of this.tables.values()) {
      if (table.type.keyPrefix !== id18.slice(0, 3)) continue;
      const row = table.byId.get(id18);
      if (row !== undefined) return { type: table.type, row };
    }
    return undefined;
  }

  /** The record a reference field of `row` points at, or null. */
  follow(row: Row, field: FieldDef): Row | null {
    const id = row[field.name];
    if (typeof id !== 'string' || field.referenceTo === undefined) return null;
    return this.table(field.referenceTo)?.byId.get(id) ?? null;
  }

  opportunity(id: string): Opportunity | undefined {
    const id18 = toId18(id);
    return id18 === null ? undefined : this.opportunities.get(id18);
  }

  /** Whether the tables hold seeded records rather than the generated org's. */
  get seeded(): boolean {
    return this.seededRows;
  }

  /** Empties every table, then puts `records`: from now on the org is exactly what a test gives. */
  seed(records: SalesforceRecordSet): void {
    this.seededRows = true;
    this.opportunities.clear();
    for (const type of this.schema.objects) this.tables.set(type.name.toLowerCase(), { type, rows: [], byId: new Map() });
    for (const [object, list] of Object.entries(records)) this.put(object, list);
  }

  /**
   * Adds seeded records to `object`'s table, or replaces those with the same Id in place;
   * checks them all before changing anything.
   */
  put(object: string, records: readonly SeedRecord[]): void {
    this.requireSeeded('putRecords');
    const table = this.table(object);
    if (table === undefined) throw new Error(`putRecords: this org has no object "${object}" (it has ${this.schema.objects.map((o) => o.name).join(', ')})`);
    const rows = records.map((record) => seedRow(table.type, record));
    for (const row of rows) {
      const id = String(row['Id']);
      const existing = table.byId.get(id);
      if (existing === undefined) table.rows.push(row);
      else table.rows[table.rows.indexOf(existing)] = row;
      table.byId.set(id, row);
    }
  }

  /**
   * Deletes seeded records as Salesforce does: they go to the recycle bin (IsDeleted true),
   * which /queryAll still sees and /query does not, their SystemModstamp moved to `at`
   * (epoch ms; now by default). Returns it.
   */
  remove(object: string, ids: readonly string[], at?: number): number {
    this.requireSeeded('deleteRecords');
    const table = this.table(object);
    const rows = ids.map((id) => {
      const id18 = toId18(id);
      const row = id18 === null ? undefined : table?.byId.get(id18);
      if (row === undefined) throw new Error(`deleteRecords: no ${object} with id "${id}"`);
      return row;
    });
    const when = at ?? this.clock.tick();
    for (const row of rows) {
      row['IsDeleted'] = true;
      row['SystemModstamp'] = when;
    }
    return when;
  }

  private requireSeeded(caller: string): void {
    if (!this.seededRows)
      throw new Error(
        `${caller}: only an org of seeded records (the "records" option) takes raw records; a generated org changes through touch and addOpportunities`,
      );
  }

  private requireGenerated(caller: string): void {
    if (this.seededRows) throw new Error(`${caller}: this org serves seeded records; change them with putRecords and deleteRecords`);
  }

  /**
   * Edits opportunities as a user would in Salesforce and bumps their SystemModstamp (with
   * no changes, only the modstamp moves). Validates everything before changing anything.
   * Returns the new SystemModstamp, as the API writes it.
   */
  touch(ids: readonly string[], changes: OpportunityChanges = {}): number {
    this.requireGenerated('touch');
    const targets = ids.map((id) => {
      const o = this.opportunity(id);
      const row = o === undefined ? undefined : this.table('Opportunity')?.byId.get(o.id);
      if (o === undefined || row === undefined) throw new Error(`touch: no opportunity with id "${id}"`);
      return { o, row };
    });
    this.validateChanges(changes);
    const now = this.clock.tick();
    for (const { o, row } of targets) this.applyChanges(o, row, changes, now);
    return now;
  }

  private validateChanges(changes: OpportunityChanges): void {
    for (const [key, value] of Object.entries(changes)) {
      if (!CHANGEABLE.has(key)) throw new Error(`touch: field "${key}" cannot be changed (changeable: ${[...CHANGEABLE].join(', ')})`);
      if (value === undefined) continue;
      const field = this.schema.object('Opportunity')?.field(key);
      if (value === null && field?.nillable === false) throw new Error(`touch: ${key} cannot be empty`);
    }
    if (changes.StageName !== undefined) stageDefinition(changes.StageName);
    if (changes.CloseDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(changes.CloseDate)) {
      throw new Error(`touch: CloseDate must be YYYY-MM-DD, got "${changes.CloseDate}"`);
    }
    if (changes.OwnerId !== undefined && this.table('User')?.byId.get(changes.OwnerId) === undefined) {
      throw new Error(`touch: OwnerId "${changes.OwnerId}" is not a user of the org`);
    }
    for (const key of ['Amount', 'Probability'] as const) {
      const value = changes[key];
      if (value !== undefined && value !== null && !Number.isFinite(value)) throw new Error(`touch: ${key} must be a finite number, got ${value}`);
    }
  }

  private applyChanges(o: Opportunity, row: Row, changes: OpportunityChanges, now: number): void {
    const today = isoDateOf(now);
    const set = (field: string, value: FieldValue): void => {
      row[field] = value;
    };
    if (changes.Name !== undefined) {
      o.name = changes.Name;
      set('Name', changes.Name);
    }
    if (changes.Amount !== undefined) {
      o.amount = changes.Amount;
      set('Amount', changes.Amount);
    }
    if (changes.StageName !== undefined && changes.StageName !== o.stage) {
      const stage = stageDefinition(changes.StageName);
      Object.assign(o, {
        stage: stage.label,
        isClosed: stage.isClosed,
        isWon: stage.isWon,
        probability: stage.probability / 100,
        forecastCategory: stage.forecastCategory,
        stageEnteredDate: today,
      });
      o.stageHistory = [...o.stageHistory, { stage: stage.label, enteredAt: today }];
      set('StageName', stage.label);
      set('IsClosed', stage.isClosed);
      set('IsWon', stage.isWon);
      set('Probability', stage.probability);
      set('ForecastCategoryName', stage.forecastCategory);
      set('ForecastCategory', FORECAST_CATEGORY_API[stage.forecastCategory] ?? stage.forecastCategory);
      set('LastStageChangeDate', now);
    }
    if (changes.Probability !== undefined) {
      o.probability = changes.Probability === null ? null : changes.Probability / 100;
      set('Probability', changes.Probability);
    }
    if (changes.CloseDate !== undefined) {
      o.closeDate = changes.CloseDate;
      set('CloseDate', changes.CloseDate);
      const year = Number(changes.CloseDate.slice(0, 4));
      const quarter = Math.floor((Number(changes.CloseDate.slice(5, 7)) - 1) / 3) + 1;
      set('FiscalYear', year);
      set('FiscalQuarter', quarter);
      set('Fiscal', `${year} ${quarter}`);
    }
    if (changes.Type !== undefined) {
      o.type = normalizeOpportunityType(changes.Type);
      set('Type', changes.Type);
    }
    if (changes.LeadSource !== undefined) {
      o.leadSource = changes.LeadSource;
      set('LeadSource', changes.LeadSource);
    }
    if (changes.OwnerId !== undefined) {
      const user = this.org.users.find((u) => u.id === changes.OwnerId);
      if (user !== undefined) {
        o.owner = { id: user.id, name: user.name };
        o.ownerManager = user.manager;
        o.territory = user.territory;
        set('OwnerId', user.id);
        set('Region__c', user.territory === null ? null : (REGION_OF_TERRITORY[user.territory] ?? null));
        if (this.options.territories) set('Territory2Id', this.territoryId(user.territory));
      }
    }
    if (changes.NextStep !== undefined) set('NextStep', changes.NextStep);
    if (changes.Description !== undefined) set('Description', changes.Description);
    if (changes.Region__c !== undefined) set('Region__c', changes.Region__c);
    if (changes.Primary_Product__c !== undefined) {
      o.attributes['product'] = changes.Primary_Product__c;
      set('Primary_Product__c', changes.Primary_Product__c);
    }
    const amount = row['Amount'];
    const probability = row['Probability'];
    set('ExpectedRevenue', typeof amount === 'number' && typeof probability === 'number' ? Math.round(amount * probability) / 100 : null);
    set('LastModifiedDate', now);
    set('SystemModstamp', now);
    if (HISTORY_TRACKED.some((key) => key in changes) && o.stage !== null) {
      this.insert('OpportunityHistory', historyRow(this.historyIds.next(), o, o.stage, now, this.options));
    }
  }

  private territoryId(territory: string | null): string | null {
    if (territory === null) return null;
    const row = this.table('Territory2')?.rows.find((r) => r['Name'] === territory);
    return row === undefined ? null : String(row['Id']);
  }

  private insert(object: string, row: Row): void {
    const table = this.table(object);
    if (table === undefined) throw new Error(`SandboxDatabase: no table ${object}`);
    table.rows.push(row);
    table.byId.set(String(row['Id']), row);
  }

  /**
   * Adds `count` new open opportunities on existing accounts, created now (the same
   * seed and call order give the same deals). Returns them as the org now holds them.
   */
  addOpportunities(count: number): Opportunity[] {
    this.requireGenerated('addOpportunities');
    checkNewDealCount(count, 'addOpportunities');
    const now = this.clock.tick();
    const deals = addNewDeals(this.org, this.added, count, isoDateOf(now), () => ({
      opportunity: this.opportunityIds.next(),
      contactRole: this.contactRoleIds.next(),
    }));
    this.added += 1;
    const added: Opportunity[] = [];
    for (const deal of deals) {
      const o = deal.opportunity;
      this.opportunities.set(o.id, o);
      const timeline = { created: now, stages: [now], modified: now };
      const extras: OrgExtras = {
        stageIds: new Map(),
        territoryIds: new Map(o.territory === null ? [] : [[o.territory, this.territoryId(o.territory) ?? '']]),
        historyIds: (_id, n) => Array.from({ length: n }, () => this.historyIds.next()),
        setupTime: now,
      };
      const row = opportunityRow(o, timeline, extras, this.options);
      if (this.options.territories && row['Territory2Id'] === '') row['Territory2Id'] = null;
      this.insert('Opportunity', row);
      for (const history of historyRows(o, timeline, extras, this.options)) this.insert('OpportunityHistory', history);
      if (deal.contactRole !== null) {
        this.insert('OpportunityContactRole', contactRoleRow(deal.contactRole, now, o.owner?.id ?? null));
      }
      added.push(o);
    }
    return added;
  }
}
