import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealsightDb } from '../../lib/store/db';
import { StoreError } from '../../lib/store/errors';
import {
  getConnection,
  getFieldMapping,
  getPanel,
  getScore,
  getScores,
  getSyncState,
  listOpportunities,
  putPanel,
  replaceConnectionData,
  saveScores,
  setExcludedFields,
  upsertConnectionData,
} from '../../lib/store/repo';
import type { PanelData } from '../../lib/panel-data';
import { connection, freshDb, mapping, opp, score } from './helpers';

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

const ORG = 'salesforce:00D000000000001AAA';
const sf = (label = 'Acme') => ({ ...connection(ORG, label), kind: 'salesforce' as const });
const acme = { id: 'a1', name: 'Acme' };
const ana = { id: 'u-ana', name: 'Ana' };

describe('upsertConnectionData', () => {
  it('creates the connection on the first page and merges later pages, bumping dataVersion each time', async () => {
    const first = await upsertConnectionData(db, sf(), [opp('o1', { account: acme }), opp('o2')], [], mapping(ORG), {
      connectionId: ORG,
      checkpoint: null,
      cursor: 'c1',
    });
    expect(first.dataVersion).toBe(1);
    expect(first.createdAt).toBe('2026-02-01T10:00:00.000Z');
    expect(await getSyncState(db, ORG)).toEqual({ connectionId: ORG, checkpoint: null, cursor: 'c1', updatedAt: '2026-02-01T10:00:00.000Z' });

    vi.setSystemTime(new Date('2026-02-01T11:00:00.000Z'));
    const second = await upsertConnectionData(db, sf(), [opp('o3', { owner: ana })], [], null, {
      connectionId: ORG,
      checkpoint: '2026-02-01T10:59:00.000Z',
      cursor: null,
    });
    expect(second.dataVersion).toBe(2);
    expect(second.createdAt).toBe('2026-02-01T10:00:00.000Z');
    expect((await listOpportunities(db, ORG)).map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(await db.accounts.toArray()).toEqual([{ connectionId: ORG, id: 'a1', name: 'Acme', parentId: null }]);
    expect(await db.users.toArray()).toEqual([{ connectionId: ORG, id: 'u-ana', name: 'Ana', manager: null }]);
    expect((await getSyncState(db, ORG))?.checkpoint).toBe('2026-02-01T10:59:00.000Z');
    // A null mapping keeps the stored one.
    expect((await getFieldMapping(db, ORG))?.fields.map((f) => f.key)).toEqual(['industry']);
  });

  it('replaces changed deals with their stage history, deletes deleted ones, and drops their panels and scores only', async () => {
    await upsertConnectionData(
      db,
      sf(),
      [
        opp('o1', {
          stageHistory: [
            { stage: 'Prospecting', enteredAt: '2026-01-01' },
            { stage: 'Proposal', enteredAt: '2026-01-10' },
          ],
        }),
        opp('o2'),
        opp('o3'),
      ],
      [],
      mapping(ORG),
      null,
    );
    await saveScores(db, ORG, [score(ORG, 'o1'), score(ORG, 'o2'), score(ORG, 'o3')]);
    const panel = (id: string) => ({ connectionId: ORG, id, trainedAt: 't', panel: { opportunity: { id } } as unknown as PanelData });
    await putPanel(db, panel('o1'));
    await putPanel(db, panel('o3'));

    await upsertConnectionData(
      db,
      sf(),
      [opp('o1', { stage: 'Closed Won', isClosed: true, isWon: true, stageHistory: [{ stage: 'Closed Won', enteredAt: '2026-01-20' }] })],
      ['o2', 'missing'],
      null,
      null,
    );

    const stored = await listOpportunities(db, ORG);
    expect(stored.map((o) => [o.id, o.stage])).toEqual([
      ['o1', 'Closed Won'],
      ['o3', null],
    ]);
    expect(await db.stageHistory.where('[connectionId+opportunityId]').equals([ORG, 'o1']).toArray()).toEqual([
      { connectionId: ORG, opportunityId: 'o1', enteredAt: '2026-01-20', stage: 'Closed Won' },
    ]);
    expect(await getPanel(db, ORG, 'o1')).toBeUndefined();
    expect(await getPanel(db, ORG, 'o3')).toBeDefined();
    expect(await getScore(db, ORG, 'o1')).toBeUndefined();
    expect(await getScore(db, ORG, 'o2')).toBeUndefined();
    expect((await getScores(db, ORG, ['o3', 'o2', 'o1'])).map((s) => s.id)).toEqual(['o3']);
  });

  it("keeps the user's excluded fields that still exist when a mapping is given", async () => {
    await upsertConnectionData(db, sf(), [opp('o1')], [], mapping(ORG, ['industry', 'country']), null);
    await setExcludedFields(db, ORG, ['industry', 'country']);
    await upsertConnectionData(db, sf(), [opp('o2')], [], mapping(ORG, ['industry', 'size']), null);
    expect((await getFieldMapping(db, ORG))?.excluded).toEqual(['industry']);
  });

  it('keeps the set-aside fields the user put back while a new mapping still has them', async () => {
    await upsertConnectionData(db, sf(), [opp('o1')], [], mapping(ORG, ['industry', 'country']), null);
    await setExcludedFields(db, ORG, [], ['industry', 'country']);
    await upsertConnectionData(db, sf(), [opp('o2')], [], mapping(ORG, ['country', 'size']), null);
    expect((await getFieldMapping(db, ORG))?.kept).toEqual(['country']);
  });

  it('leaves dataVersion alone when asked (an on-demand record), except for a new connection', async () => {
    const created = await upsertConnectionData(db, sf(), [opp('o1')], [], null, null, { bumpVersion: false });
    expect(created.dataVersion).toBe(1);
    const again = await upsertConnectionData(db, sf(), [opp('o2')], [], null, null, { bumpVersion: false });
    expect(again.dataVersion).toBe(1);
  });

  it("never touches another org's data", async () => {
    const other = 'salesforce:00D000000000002AAA';
    await replaceConnectionData(db, connection('csv'), [opp('o1')], mapping('csv'));
    await upsertConnectionData(db, { ...connection(other), kind: 'salesforce' }, [opp('o1', { name: 'Other' })], [], mapping(other), null);
    await upsertConnectionData(db, sf(), [opp('o1', { name: 'Mine' })], [], mapping(ORG), null);
    await upsertConnectionData(db, sf(), [], ['o1'], null, null);
    expect((await listOpportunities(db, other)).map((o) => o.name)).toEqual(['Other']);
    expect((await listOpportunities(db, 'csv')).map((o) => o.name)).toEqual(['Deal o1']);
    expect(await listOpportunities(db, ORG)).toEqual([]);
  });

  it('writes nothing when the page is invalid, and says which record', async () => {
    await upsertConnectionData(db, sf(), [opp('o1')], [], mapping(ORG), { connectionId: ORG, checkpoint: 'a', cursor: null });
    const attempt = upsertConnectionData(db, sf('Renamed'), [opp('o2'), opp('o2')], [], null, { connectionId: ORG, checkpoint: 'b', cursor: 'x' });
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(attempt).rejects.toThrow(/opportunity id "o2" appears twice \(records 1 and 2\)/);
    await expect(upsertConnectionData(db, sf(), [], [], null, { connectionId: 'other', checkpoint: null, cursor: null })).rejects.toThrow(
      /sync checkpoint belongs to "other"/,
    );
    expect((await getConnection(db, ORG))?.label).toBe('Acme');
    expect((await getSyncState(db, ORG))?.checkpoint).toBe('a');
    expect((await listOpportunities(db, ORG)).map((o) => o.id)).toEqual(['o1']);
  });
});
