import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { deriveAccounts, deriveStageHistory, deriveUsers } from '../../lib/store/derive';
import { StoreError } from '../../lib/store/errors';
import {
  getConnection,
  getFieldMapping,
  getModel,
  getPanel,
  listOpportunities,
  listPersonas,
  putPanel,
  replaceConnectionData,
  saveModels,
  saveScores,
  setExcludedFields,
} from '../../lib/store/repo';
import type { DealsightDb } from '../../lib/store/db';
import type { PanelRecord } from '../../lib/store/schema';
import { connection, freshDb, mapping, model, opp, persona, score } from './helpers';

let db: DealsightDb;
beforeEach(() => {
  ({ db } = freshDb());
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-02-01T10:00:00.000Z'));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  db.close();
});

const ana = { id: 'u-ana', name: 'Ana' };
const bo = { id: 'u-bo', name: 'Bo' };
const max = { id: 'u-max', name: 'Max' };
const mia = { id: 'u-mia', name: 'Mia' };

/** Three deals: Ana's manager changes from Max to Mia; Acme is renamed on the newest deal. */
const deals: Opportunity[] = [
  opp('o1', {
    account: { id: 'a1', name: 'Acme' },
    createdDate: '2025-01-10',
    owner: ana,
    ownerManager: max,
    createdBy: bo,
    stageHistory: [
      { stage: 'Prospecting', enteredAt: '2025-01-10' },
      { stage: 'Qualification', enteredAt: '2025-01-10' },
      { stage: 'Closed Won', enteredAt: '2025-03-01' },
    ],
    isClosed: true,
    isWon: true,
  }),
  opp('o2', {
    account: { id: 'a1', name: 'Acme Corp' },
    createdDate: '2025-06-01',
    owner: ana,
    ownerManager: mia,
    createdBy: null,
    stageHistory: [{ stage: 'Prospecting', enteredAt: '2025-06-01' }],
  }),
  opp('o3', {
    account: { id: 'a2', name: 'Globex' },
    createdDate: '2025-02-01',
    owner: { id: 'u-bo', name: 'Bo B.' },
    ownerManager: null,
    createdBy: ana,
    stageHistory: [],
  }),
];

describe('deriving accounts, users and stage history', () => {
  it('derives one account per id, named by the newest deal', () => {
    expect(deriveAccounts('c', deals)).toEqual([
      { connectionId: 'c', id: 'a1', name: 'Acme Corp', parentId: null },
      { connectionId: 'c', id: 'a2', name: 'Globex', parentId: null },
    ]);
  });

  it('derives owners, managers and creators, a manager from the newest owned deal naming one', () => {
    expect(deriveUsers('c', deals)).toEqual([
      { connectionId: 'c', id: 'u-ana', name: 'Ana', manager: { id: 'u-mia', name: 'Mia' } },
      { connectionId: 'c', id: 'u-max', name: 'Max', manager: null },
      // Bo's name on o3 (created 2025-02-01) is newer than on o1 (2025-01-10).
      { connectionId: 'c', id: 'u-bo', name: 'Bo B.', manager: null },
      { connectionId: 'c', id: 'u-mia', name: 'Mia', manager: null },
    ]);
  });

  it('derives one stage row per deal and day, the day’s last stage', () => {
    expect(deriveStageHistory('c', deals)).toEqual([
      { connectionId: 'c', opportunityId: 'o1', enteredAt: '2025-01-10', stage: 'Qualification' },
      { connectionId: 'c', opportunityId: 'o1', enteredAt: '2025-03-01', stage: 'Closed Won' },
      { connectionId: 'c', opportunityId: 'o2', enteredAt: '2025-06-01', stage: 'Prospecting' },
    ]);
  });
});

async function snapshot(id: string) {
  const range = (t: { where: DealsightDb['accounts']['where'] }) => t.where('connectionId').equals(id).toArray();
  return {
    connection: await getConnection(db, id),
    mapping: await getFieldMapping(db, id),
    opportunities: await listOpportunities(db, id),
    accounts: await range(db.accounts),
    users: await db.users.where('connectionId').equals(id).toArray(),
    stageHistory: await db.stageHistory.where('connectionId').equals(id).toArray(),
    scores: await db.scores.where('connectionId').equals(id).toArray(),
    panels: await db.panels.where('connectionId').equals(id).toArray(),
    model: await getModel(db, id),
    personas: await listPersonas(db, id),
  };
}

describe('replaceConnectionData', () => {
  it('writes the opportunities and what they imply', async () => {
    await replaceConnectionData(db, connection('c'), deals, mapping('c'));
    const stored = await snapshot('c');
    expect(stored.opportunities).toEqual(deals);
    expect(stored.accounts).toEqual(deriveAccounts('c', deals));
    expect(stored.users).toEqual(deriveUsers('c', deals).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(stored.stageHistory).toEqual(deriveStageHistory('c', deals));
    expect(await db.opportunities.get(['c', 'o1'])).toEqual({ connectionId: 'c', id: 'o1', isClosed: 1, opportunity: deals[0] });
  });

  it('replaces rather than appends, bumps dataVersion and keeps createdAt', async () => {
    await replaceConnectionData(db, connection('c'), deals, mapping('c'));
    vi.setSystemTime(new Date('2026-02-02T10:00:00.000Z'));
    const second = await replaceConnectionData(
      db,
      { ...connection('c', 'deals v2.csv'), syncedAt: null },
      [opp('o9', { account: { id: 'a9', name: 'Initech' } })],
      mapping('c'),
    );
    expect(second).toEqual({
      id: 'c',
      kind: 'csv',
      label: 'deals v2.csv',
      lastImport: null,
      syncedAt: '2026-02-02T10:00:00.000Z',
      createdAt: '2026-02-01T10:00:00.000Z',
      dataVersion: 2,
    });
    const stored = await snapshot('c');
    expect(stored.opportunities.map((o) => o.id)).toEqual(['o9']);
    expect(stored.accounts).toEqual([{ connectionId: 'c', id: 'a9', name: 'Initech', parentId: null }]);
    expect(stored.users).toEqual([]);
    expect(stored.stageHistory).toEqual([]);
    expect((await replaceConnectionData(db, connection('c'), [], mapping('c'))).dataVersion).toBe(3);
  });

  it('keeps the user’s excluded fields that still exist', async () => {
    await replaceConnectionData(db, connection('c'), deals, mapping('c', ['industry', 'country', 'product']));
    await setExcludedFields(db, 'c', ['country', 'product']);
    await replaceConnectionData(db, connection('c'), deals, mapping('c', ['industry', 'product', 'region']));
    expect(await getFieldMapping(db, 'c')).toEqual({
      ...mapping('c', ['industry', 'product', 'region']),
      excluded: ['product'],
      kept: [],
      updatedAt: '2026-02-01T10:00:00.000Z',
    });
  });

  it('drops panels and stale scores but keeps models and personas', async () => {
    await replaceConnectionData(db, connection('c'), deals, mapping('c'));
    await saveModels(db, model('c'), [persona('c', 'p1')]);
    await putPanel(db, { connectionId: 'c', id: 'o2', trainedAt: model('c').trainedAt, panel: {} } as unknown as PanelRecord);
    // o1 closed (score kept), o2 open (kept), o3 open but closes in the new data, o4 gone.
    await saveScores(db, 'c', [score('c', 'o1', { isOpen: 0 }), score('c', 'o2'), score('c', 'o3'), score('c', 'o4')]);
    const next = [deals[0], deals[1], { ...deals[2], isClosed: true }] as Opportunity[];
    await replaceConnectionData(db, connection('c'), next, mapping('c'));
    const stored = await snapshot('c');
    expect(stored.scores.map((s) => s.id)).toEqual(['o1', 'o2']);
    expect(stored.panels).toEqual([]);
    expect(await getPanel(db, 'c', 'o2')).toBeUndefined();
    expect(stored.model).toEqual(model('c'));
    expect(stored.personas).toEqual([persona('c', 'p1')]);
  });

  it('refuses duplicate ids before writing anything', async () => {
    await expect(replaceConnectionData(db, connection('c'), [opp('a'), opp('b'), opp('a')], mapping('c'))).rejects.toThrow(
      'Dealsight could not save the data of "c": opportunity id "a" appears twice (records 1 and 3). Nothing already stored was changed.',
    );
    expect(await getConnection(db, 'c')).toBeUndefined();
  });

  it('refuses a field mapping of another connection', async () => {
    await expect(replaceConnectionData(db, connection('c'), deals, mapping('d'))).rejects.toMatchObject({ kind: 'write' });
  });
});

describe('a failed replace changes nothing', () => {
  async function seeded() {
    await replaceConnectionData(db, connection('c', 'first.csv'), deals, mapping('c', ['industry', 'country']));
    await setExcludedFields(db, 'c', ['country']);
    await saveScores(db, 'c', [score('c', 'o2')]);
    await saveModels(db, model('c'), [persona('c', 'p1')]);
    await putPanel(db, { connectionId: 'c', id: 'o2', trainedAt: model('c').trainedAt, panel: {} } as unknown as PanelRecord);
    return snapshot('c');
  }

  const replacement = Array.from({ length: 5_000 }, (_, i) =>
    opp(`n${String(i).padStart(5, '0')}`, { account: { id: `a${i % 50}`, name: 'New' }, stageHistory: [{ stage: 'Prospecting', enteredAt: '2026-01-01' }] }),
  );

  it('when a record cannot be stored, midway through the opportunities', async () => {
    const before = await seeded();
    const broken = replacement.slice();
    // A function cannot be cloned into IndexedDB (DataCloneError), in the third chunk.
    broken[4_321] = opp('bad', { attributes: { callback: (() => 1) as unknown as string } });
    const error = await replaceConnectionData(db, connection('c', 'second.csv'), broken, mapping('c')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('write');
    expect((error as StoreError).message).toMatch(
      /^Dealsight could not save the data of "second\.csv": a value cannot be stored \(.+\)\. Nothing already stored was changed\.$/,
    );
    expect(await snapshot('c')).toEqual(before);
  });

  it('when a later table’s write fails after the opportunities were written', async () => {
    const before = await seeded();
    const opportunitiesPut = vi.spyOn(db.opportunities, 'bulkPut');
    vi.spyOn(db.accounts, 'bulkPut').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    const error = await replaceConnectionData(db, connection('c', 'second.csv'), replacement, mapping('c')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(
      'Dealsight could not save the data of "second.csv": the browser reported "disk I/O error". Nothing already stored was changed.',
    );
    // All 5,000 opportunities had been written (three chunks) when the accounts failed.
    expect(opportunitiesPut).toHaveBeenCalledTimes(3);
    expect(await snapshot('c')).toEqual(before);
  });

  it('when the disk is full', async () => {
    const before = await seeded();
    let calls = 0;
    const bulkPut = db.stageHistory.bulkPut.bind(db.stageHistory);
    vi.spyOn(db.stageHistory, 'bulkPut').mockImplementation((...args) => {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return bulkPut(...args);
    });
    const error = await replaceConnectionData(db, connection('c', 'second.csv'), replacement, mapping('c')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      kind: 'quota',
      message:
        'Your browser\'s storage for Dealsight is full: the data of "second.csv" could not be saved. ' +
        'Free some space (delete a connection you no longer use on the options page, or clear data other sites keep), then try again. ' +
        'Nothing already stored was changed.',
    });
    expect(await snapshot('c')).toEqual(before);
  });
});
