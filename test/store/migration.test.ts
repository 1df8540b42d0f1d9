import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DealsightDb, upgradeToV2 } from '../../lib/store/db';
import {
  connectionSettings,
  deleteConnection,
  getConnection,
  getJob,
  getSetting,
  listOpportunities,
  listPipeline,
  listSegments,
  readValue,
  saveSegment,
  topPipeline,
} from '../../lib/store/repo';
import {
  CURRENT_VERSION,
  SCHEMA_VERSIONS,
  type AccountRecord,
  type ConnectionRecord,
  type JobRecord,
  type OpportunityRecord,
  type ScoreRecord,
  type SettingDef,
} from '../../lib/store/schema';
import { freshDb, job, model, opp, persona, score } from './helpers';

const open: DealsightDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

const connections: ConnectionRecord[] = [
  { id: 'csv', kind: 'csv', label: 'deals.csv', createdAt: '2025-12-01T00:00:00.000Z', syncedAt: '2025-12-01T00:00:00.000Z', dataVersion: 3, lastImport: null },
  { id: 'sandbox', kind: 'sandbox', label: 'Sandbox (seed 7)', createdAt: '2025-12-02T00:00:00.000Z', syncedAt: null, dataVersion: 1, lastImport: null },
];
const opportunities: OpportunityRecord[] = [
  { connectionId: 'csv', id: 'o1', isClosed: 0, opportunity: opp('o1', { amount: 100, attributes: { industry: 'Retail' } }) },
  { connectionId: 'csv', id: 'o2', isClosed: 1, opportunity: opp('o2', { isClosed: true, isWon: true }) },
  { connectionId: 'sandbox', id: 'o1', isClosed: 0, opportunity: opp('o1', { source: 'sandbox' }) },
];
const accounts: AccountRecord[] = [{ connectionId: 'csv', id: 'a1', name: 'Acme', parentId: null }];
const wellFormedScores: ScoreRecord[] = [
  score('csv', 'o1', { winPotential: 0.42, winBand: 'medium', repeatBuyerPotential: 71 }),
  score('csv', 'o2', { winPotential: 0.9, isOpen: 0 }),
  score('sandbox', 'o1', { winPotential: null }),
];
/** Written by v1 code before the fields were settled: no `winPotential` key, a boolean `isOpen`, a NaN. */
const { winPotential: _dropped, ...noWin } = score('csv', 'o3');
const looseScores = [noWin, { ...score('csv', 'o4', { winPotential: 0.7 }), isOpen: true }, score('csv', 'o5', { winPotential: Number.NaN })];
const jobs: JobRecord[] = [
  { ...job({ kind: 'import', status: 'done', summary: '2 opportunities', params: { uploadId: 1 } }), id: 1 },
  { ...job({ kind: 'train', status: 'failed', error: 'boom' }), id: 2 },
];
const { params: _noParams, ...v1Job } = { ...job({ kind: 'score', status: 'done' }), id: 3 };

/** Creates a real version-1 database, as the first release left it, and closes it. */
async function createV1(name: string, options: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): Promise<void> {
  const v1 = new Dexie(name, options);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.open();
  expect(v1.tables.map((t) => t.name)).not.toContain('segments');
  await v1.table('connections').bulkAdd(connections);
  await v1.table('opportunities').bulkAdd(opportunities);
  await v1.table('accounts').bulkAdd(accounts);
  await v1.table('scores').bulkAdd([...wellFormedScores, ...looseScores]);
  await v1.table('jobs').bulkAdd([...jobs, v1Job]);
  await v1.table('models').add(model('csv'));
  await v1.table('personas').add(persona('csv', 'p1'));
  await v1.table('settings').add({ key: 'popup.sort', value: { column: 'winPotential', direction: 'desc' } });
  await v1.table('syncState').add({ connectionId: 'csv', checkpoint: 'c1', cursor: null, updatedAt: '2025-12-01T00:00:00.000Z' });
  v1.close();
}

/** The database as the v2 release opened it: its versions 1 and 2 only. */
function openAtV2(name: string, options: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): DealsightDb {
  const db = new Dexie(name, options);
  db.version(1).stores(SCHEMA_VERSIONS[1]);
  db.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(upgradeToV2);
  return db as DealsightDb;
}

describe('schema v1 → v2', () => {
  it('keeps every v1 record and upgrades the ones v2 indexes', async () => {
    const { name, options } = freshDb();
    await createV1(name, options);

    const db = openAtV2(name, options);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(2);

    // Unchanged: every well-formed record of every table.
    expect(await db.connections.toArray()).toEqual(connections);
    expect(await db.opportunities.toArray()).toEqual(opportunities);
    expect(await db.accounts.toArray()).toEqual(accounts);
    expect(await db.models.toArray()).toEqual([model('csv')]);
    expect(await db.personas.toArray()).toEqual([persona('csv', 'p1')]);
    expect(await db.settings.toArray()).toEqual([{ key: 'popup.sort', value: { column: 'winPotential', direction: 'desc' } }]);
    expect(await db.syncState.toArray()).toEqual([{ connectionId: 'csv', checkpoint: 'c1', cursor: null, updatedAt: '2025-12-01T00:00:00.000Z' }]);
    expect(await db.jobs.bulkGet([1, 2])).toEqual(jobs);
    for (const s of wellFormedScores) expect(await db.scores.get([s.connectionId, s.id])).toEqual(s);

    // Upgraded: indexed fields made valid keys (or an explicit null), nothing else touched.
    expect(await db.scores.get(['csv', 'o3'])).toEqual(score('csv', 'o3', { winPotential: null }));
    expect(await db.scores.get(['csv', 'o4'])).toEqual(score('csv', 'o4', { winPotential: 0.7, isOpen: 1 }));
    expect(await db.scores.get(['csv', 'o5'])).toEqual(score('csv', 'o5', { winPotential: null }));
    expect(await getJob(db, 3)).toEqual({ ...v1Job, params: {} });

    // The store reads v1 data through its usual functions.
    expect(await getConnection(db, 'csv')).toEqual(connections[0]);
    expect((await listOpportunities(db, 'csv')).map((o) => o.id)).toEqual(['o1', 'o2']);
    expect((await listPipeline(db, 'csv')).map((s) => s.id)).toEqual(['o1', 'o3', 'o4', 'o5']);

    // v2: the Win Potential index ranks the migrated scores, and segments work.
    expect((await topPipeline(db, 'csv', 2)).map((s) => s.id)).toEqual(['o4', 'o1']);
    expect((await topPipeline(db, 'csv', 10)).map((s) => s.id)).toEqual(['o4', 'o1', 'o3', 'o5']);
    const id = await saveSegment(db, 'Retail', { industry: 'Retail' });
    expect((await listSegments(db)).map((s) => [s.id, s.name])).toEqual([[id, 'Retail']]);
  });

  it('runs the upgrade once: reopening a v2 database changes nothing', async () => {
    const { name, options } = freshDb();
    await createV1(name, options);
    const first = openAtV2(name, options);
    await first.open();
    await first.scores.put(score('csv', 'o9', { winPotential: null }));
    const before = await first.scores.toArray();
    first.close();
    const again = openAtV2(name, options);
    open.push(again);
    expect(await again.scores.toArray()).toEqual(before);
  });

  it('creates a new database directly at the current version', async () => {
    const { db } = freshDb();
    open.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_VERSIONS[CURRENT_VERSION]).sort());
  });
});

describe('schema v2 → v3: typed settings', () => {
  const SF = 'salesforce:00D5g000001aBcDEAU';
  const SF2 = 'salesforce:00D5g000009zYxWEAU';
  const HS = 'hubspot:4215837';
  /** Every setting a v2 release wrote, as it wrote them. */
  const v2Settings = [
    { key: 'alerts:notifyAtRisk', value: true },
    { key: 'popup.view', value: { connectionId: HS, sort: { column: 'amount', direction: 'asc' } } },
    { key: `popup.me:${SF}`, value: 'Dana Reyes' },
    { key: `alerts:atRisk:${HS}`, value: { jobId: 4, at: '2026-11-22T10:00:00.000Z', deals: [] } },
    { key: 'salesforce:origins', value: { 'https://acme.lightning.force.com': SF, 'http://localhost:4100': SF, 'https://beta.lightning.force.com': SF2 } },
    { key: `salesforce:status:${SF}`, value: { apiBase: 'https://acme.my.salesforce.com', orgId: '00D5g000001aBcDEAU', state: 'ok' } },
    { key: `salesforce:customFields:${SF}`, value: ['Region__c'] },
    { key: `salesforce:years:${SF}`, value: 5 },
    { key: `hubspot:credentials:${HS}`, value: { token: 'pat-na1-secret', apiBase: 'https://api.hubapi.com', portalId: '4215837' } },
    { key: `hubspot:status:${HS}`, value: { apiBase: 'https://api.hubapi.com', portalId: '4215837', state: 'ok' } },
    { key: `hubspot:stages:${HS}`, value: { closedwon: 'lost' } },
    { key: 'popup.sort', value: 'kept as it was' },
  ];

  async function createV2(name: string, options: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): Promise<void> {
    const v2 = openAtV2(name, options);
    await v2.open();
    await v2.table('connections').bulkAdd([
      { ...connections[0], id: SF, kind: 'salesforce' },
      { ...connections[0], id: HS, kind: 'hubspot' },
    ]);
    await v2.table('settings').bulkAdd(v2Settings);
    v2.close();
  }

  it('names each setting and its connection, keeps every value, and splits the origins map per org', async () => {
    const { name, options } = freshDb();
    await createV2(name, options);
    const db = new DealsightDb(name, options);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(3);

    expect(await getSetting(db, 'alerts.notifyAtRisk')).toBe(true);
    expect(await getSetting(db, 'popup.view')).toEqual(v2Settings[1]?.value);
    const sf = connectionSettings(db, SF);
    const hs = connectionSettings(db, HS);
    expect(await sf.get('popup.me')).toBe('Dana Reyes');
    expect(await hs.get('alerts.atRisk')).toEqual({ jobId: 4, at: '2026-11-22T10:00:00.000Z', deals: [] });
    expect(await sf.get('salesforce.origins')).toEqual(['https://acme.lightning.force.com', 'http://localhost:4100']);
    expect(await connectionSettings(db, SF2).get('salesforce.origins')).toEqual(['https://beta.lightning.force.com']);
    expect(await sf.get('salesforce.status')).toMatchObject({ apiBase: 'https://acme.my.salesforce.com', state: 'ok' });
    expect(await sf.get('salesforce.customFields')).toEqual(['Region__c']);
    expect(await sf.get('salesforce.years')).toBe(5);
    expect(await hs.get('hubspot.credentials')).toEqual({ token: 'pat-na1-secret', apiBase: 'https://api.hubapi.com', portalId: '4215837' });
    expect(await hs.get('hubspot.status')).toMatchObject({ portalId: '4215837' });
    expect(await hs.get('hubspot.stages')).toEqual({ closedwon: 'lost' });
    // A key v3 does not know is kept under its own name.
    expect(await db.settings.get('popup.sort')).toEqual({ key: 'popup.sort', name: 'popup.sort', connectionId: null, version: 1, value: 'kept as it was' });
    // One record per setting, the origins map split in two (one per org).
    expect(await db.settings.count()).toBe(v2Settings.length + 1);

    // A connection's settings now go with it, by their index: the token of the portal among them.
    await deleteConnection(db, HS);
    expect(await hs.get('hubspot.credentials')).toBeNull();
    expect(await sf.get('salesforce.years')).toBe(5);
    expect(await getSetting(db, 'alerts.notifyAtRisk')).toBe(true);
  });
});

describe("a setting's own versions", () => {
  /** A setting at version 2 whose version 1 stored the number of days, not of weeks. */
  const weeks: SettingDef<number> = {
    scope: 'connection',
    version: 2,
    default: 4,
    parse: (v) => (typeof v === 'number' && v > 0 ? v : undefined),
    migrate: (v, from) => (from === 1 && typeof v === 'number' ? Math.round(v / 7) : undefined),
  };

  it('migrates a value an older version stored, and reads anything it refuses as the default', () => {
    expect(readValue(weeks, { version: 1, value: 28 })).toBe(4);
    expect(readValue(weeks, { version: 1, value: 70 })).toBe(10);
    expect(readValue(weeks, { version: 2, value: 3 })).toBe(3);
    expect(readValue(weeks, { version: 2, value: 'three' })).toBe(4);
    expect(readValue(weeks, { version: 1, value: 'old junk' })).toBe(4);
    expect(readValue(weeks, undefined)).toBe(4);
    // No migration for an older version: the value is not trusted.
    expect(readValue({ ...weeks, migrate: undefined }, { version: 1, value: 70 })).toBe(4);
  });
});
