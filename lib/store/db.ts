/**
 * The Dexie database: typed tables over the store definitions of lib/store/schema.ts and
 * the upgrade of each version. Only lib/store imports Dexie (eslint.config.js).
 *
 * Runs unchanged in extension pages, the offscreen document, Firefox's background page and
 * Chrome's MV3 service worker: it touches `indexedDB` only, never the DOM.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import {
  DB_NAME,
  SCHEMA_VERSIONS,
  type AccountRecord,
  type ConnectionRecord,
  type FieldMappingRecord,
  type JobRecord,
  type ModelRecord,
  type OpportunityRecord,
  type PanelRecord,
  type PersonaRecord,
  type ScoreRecord,
  type SegmentRecord,
  type SettingRecord,
  type StageHistoryRecord,
  type SyncStateRecord,
  type UploadRecord,
  type UserRecord,
  settingKey,
} from './schema';

/** Where IndexedDB comes from: the global one, or (in tests) a fresh fake-indexeddb factory. */
export interface DealsightDbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class DealsightDb extends Dexie {
  // `declare`, not class fields: a field would shadow the table Dexie assigns in `stores()`.
  declare connections: Table<ConnectionRecord, string>;
  declare opportunities: Table<OpportunityRecord, [string, string]>;
  declare accounts: Table<AccountRecord, [string, string]>;
  declare users: Table<UserRecord, [string, string]>;
  declare stageHistory: Table<StageHistoryRecord, [string, string, string]>;
  declare models: Table<ModelRecord, string>;
  declare personas: Table<PersonaRecord, [string, string]>;
  declare scores: Table<ScoreRecord, [string, string]>;
  declare panels: Table<PanelRecord, [string, string]>;
  declare syncState: Table<SyncStateRecord, string>;
  declare settings: Table<SettingRecord, string>;
  declare fieldMappings: Table<FieldMappingRecord, string>;
  declare jobs: EntityTable<JobRecord, 'id'>;
  declare uploads: EntityTable<UploadRecord, 'id'>;
  declare segments: EntityTable<SegmentRecord, 'id'>;

  constructor(name: string = DB_NAME, options: DealsightDbOptions = {}) {
    super(name, options);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    this.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_VERSIONS[3]).upgrade(upgradeToV3);
  }
}

/**
 * v1 → v2. Segments is a new, empty table. Jobs gain `params` (what the job works on,
 * read by the runner): v1 jobs without it get an empty one. The scores gain the compound index
 * `[connectionId+isOpen+winPotential]` (the popup's first page, best Win Potential first),
 * and IndexedDB silently leaves out of an index every record whose key there is not a
 * valid key. So this makes each score's indexed fields valid where v1 data allows:
 * `isOpen` exactly 0 or 1, and `winPotential` a finite number, or null when the deal has
 * no Win Potential (no win model yet: it must not show a made-up number, and the whole
 * connection is then unranked, so `topPipeline` falls back to the `[connectionId+isOpen]`
 * index). Well-formed v1 records are left exactly as they were; nothing is deleted.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<JobRecord>('jobs')
    .filter((job) => job.params === undefined || job.params === null)
    .modify((job) => {
      job.params = {};
    });
  await tx
    .table<ScoreRecord>('scores')
    .toCollection()
    .modify((score) => {
      const isOpen = normalizeFlag(score.isOpen);
      if (score.isOpen !== isOpen) score.isOpen = isOpen;
      const win = normalizeProbability(score.winPotential);
      if (score.winPotential !== win) score.winPotential = win;
    });
}

/** v2 setting keys (`<area>:<name>:<connection id>` and two global ones) → v3 names. */
const V2_SETTINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^alerts:notifyAtRisk$/, 'alerts.notifyAtRisk'],
  [/^popup\.view$/, 'popup.view'],
  [/^popup\.me:(.+)$/, 'popup.me'],
  [/^alerts:atRisk:(.+)$/, 'alerts.atRisk'],
  [/^salesforce:status:(.+)$/, 'salesforce.status'],
  [/^salesforce:customFields:(.+)$/, 'salesforce.customFields'],
  [/^salesforce:years:(.+)$/, 'salesforce.years'],
  [/^hubspot:credentials:(.+)$/, 'hubspot.credentials'],
  [/^hubspot:status:(.+)$/, 'hubspot.status'],
  [/^hubspot:stages:(.+)$/, 'hubspot.stages'],
];
const V2_ORIGINS_KEY = 'salesforce:origins';

/**
 * v2 → v3: settings become typed records (lib/store/schema.ts `SETTINGS`). Each v2 key is
 * renamed to its setting and, for a connection's, its connection (`hubspot:credentials:
 * hubspot:42` → `hubspot.credentials` of `hubspot:42`). The one v2 map of every Salesforce
 * page origin to its org becomes each org's own list of origins. Values are kept as they
 * were (version 1); a key v3 does not know is kept under its own name.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const table = tx.table<SettingRecord & { name?: string }, string>('settings');
  const old = await table.toArray();
  const records: SettingRecord[] = [];
  const origins = new Map<string, string[]>();
  for (const record of old) {
    if (record.key === V2_ORIGINS_KEY) {
      if (typeof record.value !== 'object' || record.value === null) continue;
      for (const [origin, connectionId] of Object.entries(record.value as Record<string, unknown>)) {
        if (typeof connectionId === 'string') origins.set(connectionId, [...(origins.get(connectionId) ?? []), origin]);
      }
      continue;
    }
    const known = V2_SETTINGS.map(([pattern, name]) => [pattern.exec(record.key), name] as const).find(([match]) => match !== null);
    if (known) {
      const [match, name] = known;
      const connectionId = match?.[1] ?? null;
      records.push({ key: settingKey(name, connectionId), name, connectionId, version: 1, value: record.value });
    } else {
      records.push({ key: record.key, name: record.key, connectionId: null, version: 1, value: record.value });
    }
  }
  for (const [connectionId, list] of origins) {
    records.push({ key: settingKey('salesforce.origins', connectionId), name: 'salesforce.origins', connectionId, version: 1, value: list });
  }
  await table.clear();
  await table.bulkPut(records);
}

function normalizeFlag(value: unknown): 0 | 1 {
  return value === 1 || value === true || value === '1' ? 1 : 0;
}

function normalizeProbability(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

const instances = new Map<string, DealsightDb>();

/**
 * The database of this JavaScript context, one instance per name (every extension page,
 * the offscreen document and the service worker each hold their own connection; Dexie
 * opens it on first use and reopens it after another context upgraded the schema).
 * Tests pass a unique name, and may pass a fresh fake-indexeddb factory.
 */
export function openDb(name: string = DB_NAME, options?: DealsightDbOptions): DealsightDb {
  let db = instances.get(name);
  if (!db) {
    db = new DealsightDb(name, options);
    instances.set(name, db);
  }
  return db;
}

/** Closes and forgets the instance of `name` (tests; an extension context never needs it). */
export function closeDb(name: string = DB_NAME): void {
  instances.get(name)?.close();
  instances.delete(name);
}
