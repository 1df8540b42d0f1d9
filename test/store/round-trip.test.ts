import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countOpportunities,
  createJob,
  deleteSegment,
  getConnection,
  getFieldMapping,
  getJob,
  getModel,
  getOpportunity,
  getPanel,
  getScore,
  connectionSettings,
  getSetting,
  getSyncState,
  listConnections,
  listOpportunities,
  listPersonas,
  listPipeline,
  listSegments,
  putPanel,
  putSyncState,
  putUpload,
  replaceConnectionData,
  saveModels,
  saveScores,
  saveSegment,
  setExcludedFields,
  setSetting,
  storageEstimate,
  takeUpload,
  topPipeline,
} from '../../lib/store/repo';
import { closeDb, openDb, type DealsightDb } from '../../lib/store/db';
import { StoreError } from '../../lib/store/errors';
import type { PanelRecord } from '../../lib/store/schema';
import { connection, freshDb, job, mapping, model, opp, persona, score } from './helpers';

let db: DealsightDb;
beforeEach(() => {
  ({ db } = freshDb());
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-02-01T10:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

const rich = opp('006A', {
  source: 'salesforce',
  name: 'Acme — "Renewal", 2026',
  account: { id: '001A', name: 'Acme' },
  amount: 12_500.5,
  currency: 'EUR',
  stage: 'Negotiation',
  type: 'renewal',
  probability: 0.7,
  createdDate: '2025-10-01',
  closeDate: '2026-03-31',
  stageEnteredDate: '2026-01-15',
  stageHistory: [
    { stage: 'Prospecting', enteredAt: '2025-10-01' },
    { stage: 'Negotiation', enteredAt: '2026-01-15' },
  ],
  owner: { id: '005A', name: 'Ana Rep' },
  ownerManager: { id: '005M', name: 'Max Manager' },
  createdBy: { id: '005S', name: 'Sam SDR' },
  territory: 'EMEA',
  leadSource: 'Web',
  attributes: { industry: 'Healthcare', employees: 1200, public: true, note: null },
});

describe('round trips', () => {
  it('stores and returns an opportunity exactly, open and closed apart', async () => {
    const won = opp('006B', { isClosed: true, isWon: true, closeDate: '2025-12-01' });
    await replaceConnectionData(db, connection('csv'), [rich, won], mapping('csv'));
    expect(await getOpportunity(db, 'csv', '006A')).toEqual(rich);
    expect(await listOpportunities(db, 'csv')).toEqual([rich, won]);
    expect(await listOpportunities(db, 'csv', { isClosed: false })).toEqual([rich]);
    expect(await listOpportunities(db, 'csv', { isClosed: true })).toEqual([won]);
    expect(await countOpportunities(db, 'csv', { isClosed: true })).toBe(1);
    expect(await getOpportunity(db, 'csv', 'nope')).toBeUndefined();
  });

  it('stores the connection with its store-kept fields', async () => {
    const summary = { fileName: 'deals.csv', format: 'salesforce', rows: 2, rejected: [{ line: 3, reason: 'no id' }], warnings: ['w'] };
    const saved = await replaceConnectionData(db, { ...connection('csv', 'deals.csv'), syncedAt: null, lastImport: summary }, [rich], mapping('csv'));
    const expected = {
      id: 'csv',
      kind: 'csv',
      label: 'deals.csv',
      syncedAt: '2026-02-01T10:00:00.000Z',
      lastImport: summary,
      createdAt: '2026-02-01T10:00:00.000Z',
      dataVersion: 1,
    };
    expect(saved).toEqual(expected);
    expect(await getConnection(db, 'csv')).toEqual(expected);
    expect(await listConnections(db)).toEqual([expected]);
  });

  it('stores models and personas, and lists personas per connection', async () => {
    const m = model('csv');
    await saveModels(db, m, [persona('csv', 'p1'), persona('csv', 'p2')]);
    await saveModels(db, model('other'), [persona('other', 'p1')]);
    expect(await getModel(db, 'csv')).toEqual(m);
    expect(await listPersonas(db, 'csv')).toEqual([persona('csv', 'p1'), persona('csv', 'p2')]);
    expect(await listPersonas(db, 'other')).toEqual([persona('other', 'p1')]);
  });

  it('replaces models and personas whole, and drops cached panels', async () => {
    await saveModels(db, model('csv'), [persona('csv', 'p1'), persona('csv', 'p2')]);
    const panel = { connectionId: 'csv', id: '006A', trainedAt: '2026-01-03T00:00:00.000Z', panel: { connectionId: 'csv' } } as unknown as PanelRecord;
    expect(await putPanel(db, panel)).toBe(true);
    expect(await getPanel(db, 'csv', '006A')).toEqual(panel);
    await saveModels(db, model('csv', { trainedAt: '2026-01-04T00:00:00.000Z' }), [persona('csv', 'p3')]);
    expect((await listPersonas(db, 'csv')).map((p) => p.id)).toEqual(['p3']);
    expect(await getPanel(db, 'csv', '006A')).toBeUndefined();
    // A panel computed by the models just replaced is not cached.
    expect(await putPanel(db, panel)).toBe(false);
    expect(await getPanel(db, 'csv', '006A')).toBeUndefined();
  });

  it('refuses personas of another connection', async () => {
    await expect(saveModels(db, model('csv'), [persona('other', 'p1')])).rejects.toThrow(
      'Dealsight could not save the trained models of "csv": persona "p1" belongs to "other". Nothing already stored was changed.',
    );
  });

  it('replaces all scores of a connection, and lists the open ones as the pipeline', async () => {
    await saveScores(db, 'a', [score('a', '1'), score('a', '2', { isOpen: 0 }), score('a', '3')]);
    await saveScores(db, 'b', [score('b', '1', { winPotential: 0.5 })]);
    expect((await listPipeline(db, 'a')).map((s) => s.id)).toEqual(['1', '3']);
    await saveScores(db, 'a', [score('a', '4', { winPotential: 0.25, winBand: 'low' })]);
    expect(await listPipeline(db, 'a')).toEqual([score('a', '4', { winPotential: 0.25, winBand: 'low' })]);
    expect(await getScore(db, 'a', '1')).toBeUndefined();
    expect(await listPipeline(db, 'b')).toEqual([score('b', '1', { winPotential: 0.5 })]);
  });

  it('lists every connection’s pipeline when no connection is given', async () => {
    await replaceConnectionData(db, connection('a'), [opp('1')], mapping('a'));
    await replaceConnectionData(db, connection('b'), [opp('1')], mapping('b'));
    await saveScores(db, 'a', [score('a', '1')]);
    await saveScores(db, 'b', [score('b', '1'), score('b', '2', { isOpen: 0 })]);
    expect((await listPipeline(db)).map((s) => `${s.connectionId}/${s.id}`)).toEqual(['a/1', 'b/1']);
  });

  it('ranks the pipeline by Win Potential with the v2 index, unranked deals last', async () => {
    await saveScores(db, 'a', [
      score('a', '1', { winPotential: 0.2 }),
      score('a', '2', { winPotential: 0.9 }),
      score('a', '3', { winPotential: null }),
      score('a', '4', { winPotential: 0.5 }),
      score('a', '5', { winPotential: 0.99, isOpen: 0 }),
    ]);
    await saveScores(db, 'b', [score('b', '9', { winPotential: 0.95 })]);
    expect((await topPipeline(db, 'a', 2)).map((s) => s.id)).toEqual(['2', '4']);
    expect((await topPipeline(db, 'a', 10)).map((s) => s.id)).toEqual(['2', '4', '1', '3']);
  });

  it('keeps settings, with their defaults until set', async () => {
    expect(await connectionSettings(db, 'a').get('salesforce.origins')).toEqual([]);
    await connectionSettings(db, 'a').set('salesforce.origins', ['https://acme.lightning.force.com', 'http://localhost:4100']);
    await setSetting(db, 'popup.view', null);
    expect(await connectionSettings(db, 'a').get('salesforce.origins')).toEqual(['https://acme.lightning.force.com', 'http://localhost:4100']);
    expect(await connectionSettings(db, 'b').get('salesforce.origins')).toEqual([]);
    expect(await getSetting(db, 'popup.view')).toBeNull();
  });

  it('keeps the user’s excluded fields in field order, dropping unknown keys', async () => {
    await replaceConnectionData(db, connection('csv'), [rich], mapping('csv', ['industry', 'employees', 'country']));
    const updated = await setExcludedFields(db, 'csv', ['country', 'gone', 'industry']);
    expect(updated.excluded).toEqual(['industry', 'country']);
    expect(await getFieldMapping(db, 'csv')).toEqual({
      ...mapping('csv', ['industry', 'employees', 'country']),
      excluded: ['industry', 'country'],
      kept: [],
      updatedAt: '2026-02-01T10:00:00.000Z',
    });
    await expect(setExcludedFields(db, 'nope', [])).rejects.toMatchObject({ kind: 'missing' });
  });

  it('keeps the set-aside fields the user put back, in mapping order; excluding wins, unknown keys go', async () => {
    const withLeaky = {
      ...mapping('csv', ['industry', 'daysInLastStage', 'country']),
      leaky: [
        { key: 'daysInLastStage', label: 'Days in last stage', reason: 'counts days up to the close' },
        { key: 'tags', label: 'Tags', reason: 'a status written at the close' },
      ],
    };
    await replaceConnectionData(db, connection('csv'), [rich], withLeaky);
    // A record as stored before `kept` existed reads as none put back.
    expect((await getFieldMapping(db, 'csv'))?.kept ?? []).toEqual([]);

    // 'tags' is leaky but not a field: it can still be put back; 'country' was set aside by the model's checks.
    const updated = await setExcludedFields(db, 'csv', ['industry'], ['tags', 'gone', 'country', 'daysInLastStage', 'industry']);
    expect(updated).toMatchObject({ excluded: ['industry'], kept: ['daysInLastStage', 'country', 'tags'] });
    expect(await getFieldMapping(db, 'csv')).toEqual({
      ...withLeaky,
      excluded: ['industry'],
      kept: ['daysInLastStage', 'country', 'tags'],
      updatedAt: updated.updatedAt,
    });

    // Only `excluded` given: what was put back stays, less what is now unticked.
    expect(await setExcludedFields(db, 'csv', ['country'])).toMatchObject({ excluded: ['country'], kept: ['daysInLastStage', 'tags'] });

    // A re-import keeps what was put back while the new data still has it.
    await replaceConnectionData(db, connection('csv'), [rich], { ...withLeaky, leaky: withLeaky.leaky.slice(0, 1) });
    expect(await getFieldMapping(db, 'csv')).toMatchObject({ excluded: ['country'], kept: ['daysInLastStage'] });
  });

  it('reads a field mapping stored without `kept` as none put back, and writes `kept` beside it', async () => {
    await replaceConnectionData(db, connection('csv'), [rich], mapping('csv', ['industry', 'country']));
    // As a record written by an older version: no `kept` key at all.
    const stored = await db.fieldMappings.get('csv');
    if (!stored) throw new Error('no mapping');
    const { kept: _kept, ...old } = stored;
    await db.fieldMappings.put({ ...old, excluded: ['country'] });
    expect(await setExcludedFields(db, 'csv', ['country'])).toMatchObject({ excluded: ['country'], kept: [] });
    expect(await setExcludedFields(db, 'csv', [], ['country'])).toMatchObject({ excluded: [], kept: ['country'] });
  });

  it('saves segments by name, replacing one of the same name', async () => {
    const renewals = await saveSegment(db, ' Renewals ', { type: ['renewal'] });
    const big = await saveSegment(db, 'Big deals', { minAmount: 50_000 });
    expect(await saveSegment(db, 'Renewals', { type: ['renewal'], owner: 'me' })).toBe(renewals);
    expect(await listSegments(db)).toEqual([
      { id: big, name: 'Big deals', filters: { minAmount: 50_000 }, createdAt: '2026-02-01T10:00:00.000Z' },
      { id: renewals, name: 'Renewals', filters: { type: ['renewal'], owner: 'me' }, createdAt: '2026-02-01T10:00:00.000Z' },
    ]);
    await deleteSegment(db, big);
    expect((await listSegments(db)).map((s) => s.name)).toEqual(['Renewals']);
    await expect(saveSegment(db, '  ', {})).rejects.toThrow('A saved segment needs a name.');
  });

  it('keeps a sync checkpoint per connection', async () => {
    expect(await getSyncState(db, 'salesforce:00D1')).toBeUndefined();
    const state = await putSyncState(db, { connectionId: 'salesforce:00D1', checkpoint: '2026-01-31T00:00:00Z', cursor: '/next/2' });
    expect(state.updatedAt).toBe('2026-02-01T10:00:00.000Z');
    expect(await getSyncState(db, 'salesforce:00D1')).toEqual(state);
  });

  it('hands an upload to the import once', async () => {
    const id = await putUpload(db, 'deals.csv', 'Id,Name\r\n1,A\r\n');
    expect(await takeUpload(db, id)).toEqual({ id, fileName: 'deals.csv', text: 'Id,Name\r\n1,A\r\n', createdAt: '2026-02-01T10:00:00.000Z' });
    const error = await takeUpload(db, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'missing', message: `The uploaded file (#${id}) is no longer waiting to be imported. Choose the file again.` });
  });

  it('returns a job as created', async () => {
    const id = await createJob(db, job({ params: { uploadId: 3, fileName: 'deals.csv' } }));
    expect(await getJob(db, id)).toEqual({ ...job({ params: { uploadId: 3, fileName: 'deals.csv' } }), id });
  });
});

describe('connections never mix', () => {
  it('keeps the same opportunity id apart in two connections', async () => {
    await replaceConnectionData(db, connection('salesforce:00D1'), [opp('X', { name: 'From Salesforce' })], mapping('salesforce:00D1'));
    await replaceConnectionData(db, connection('csv'), [opp('X', { name: 'From CSV' }), opp('Y')], mapping('csv'));
    expect((await getOpportunity(db, 'salesforce:00D1', 'X'))?.name).toBe('From Salesforce');
    expect((await getOpportunity(db, 'csv', 'X'))?.name).toBe('From CSV');
    expect((await listOpportunities(db, 'salesforce:00D1')).map((o) => o.id)).toEqual(['X']);
    // Replacing one connection leaves the other exactly as it was.
    await replaceConnectionData(db, connection('csv'), [opp('Z')], mapping('csv'));
    expect((await listOpportunities(db, 'salesforce:00D1')).map((o) => o.name)).toEqual(['From Salesforce']);
  });

  it('keeps ids that share a prefix with another connection’s id apart', async () => {
    await replaceConnectionData(db, connection('hubspot:1'), [opp('1')], mapping('hubspot:1'));
    await replaceConnectionData(db, connection('hubspot:12'), [opp('2')], mapping('hubspot:12'));
    await replaceConnectionData(db, connection('hubspot:1'), [opp('3')], mapping('hubspot:1'));
    expect((await listOpportunities(db, 'hubspot:1')).map((o) => o.id)).toEqual(['3']);
    expect((await listOpportunities(db, 'hubspot:12')).map((o) => o.id)).toEqual(['2']);
  });
});

describe('openDb', () => {
  it('returns one instance per name', () => {
    const a = openDb('dealsight-singleton-test');
    expect(openDb('dealsight-singleton-test')).toBe(a);
    expect(openDb('dealsight-singleton-other')).not.toBe(a);
    closeDb('dealsight-singleton-test');
    closeDb('dealsight-singleton-other');
    expect(openDb('dealsight-singleton-test')).not.toBe(a);
    closeDb('dealsight-singleton-test');
  });
});

describe('storageEstimate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads navigator.storage.estimate()', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1024, quota: 1_000_000 }) } });
    expect(await storageEstimate()).toEqual({ usage: 1024, quota: 1_000_000 });
  });

  it('is null where the context has no estimate', async () => {
    vi.stubGlobal('navigator', {});
    expect(await storageEstimate()).toBeNull();
  });
});
