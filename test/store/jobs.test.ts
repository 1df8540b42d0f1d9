import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealsightDb } from '../../lib/store/db';
import {
  createJob,
  deleteAll,
  deleteConnection,
  connectionSettings,
  getSetting,
  getJob,
  INTERRUPTED_MESSAGE,
  lastJob,
  listJobs,
  markInterruptedJobs,
  nextQueuedJob,
  putPanel,
  putSyncState,
  putUpload,
  replaceConnectionData,
  saveModels,
  saveScores,
  saveSegment,
  setSetting,
  updateJob,
} from '../../lib/store/repo';
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

describe('the job log', () => {
  it('creates, updates and lists jobs newest first', async () => {
    const ids = [];
    for (let i = 0; i < 25; i++) ids.push(await createJob(db, job({ connectionId: i % 2 ? 'a' : 'b' })));
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await listJobs(db)).map((j) => j.id)).toEqual(ids.slice(5).reverse());
    expect((await listJobs(db, 3)).map((j) => j.id)).toEqual([25, 24, 23]);
    expect((await lastJob(db, 'a'))?.id).toBe(24);
    expect((await nextQueuedJob(db))?.id).toBe(1);

    const updated = await updateJob(db, 7, { status: 'running', step: 'Training Win Potential', done: 3, total: 10, startedAt: '2026-02-01T10:00:01.000Z' });
    expect(updated).toEqual({
      ...job({ connectionId: 'b' }),
      id: 7,
      status: 'running',
      step: 'Training Win Potential',
      done: 3,
      total: 10,
      startedAt: '2026-02-01T10:00:01.000Z',
    });
    expect(await getJob(db, 7)).toEqual(updated);
    // The patch cannot move a job to another id.
    expect((await updateJob(db, 7, { id: 99, done: 4 })).id).toBe(7);
    expect(await getJob(db, 99)).toBeUndefined();
    await updateJob(db, 1, { status: 'done' });
    expect((await nextQueuedJob(db))?.id).toBe(2);
  });

  it('reports a missing job', async () => {
    await expect(updateJob(db, 404, { done: 1 })).rejects.toMatchObject({
      kind: 'missing',
      message: 'Job #404 is no longer in the job log (its data was deleted). Start it again if it is still needed.',
    });
  });

  it('fails the jobs a dead background left running, keeps the queue and the active jobs', async () => {
    const done = await createJob(db, job({ status: 'done', finishedAt: '2026-01-01T00:00:00.000Z' }));
    const running = await createJob(db, job({ kind: 'train', status: 'running', step: 'Training', done: 2, total: 5, startedAt: '2026-02-01T09:59:00.000Z' }));
    const queued = await createJob(db, job({ kind: 'score' }));
    const active = await createJob(db, job({ kind: 'sync', status: 'running' }));
    const failed = await markInterruptedJobs(db, { activeJobIds: [active] });
    const expected = {
      ...job({ kind: 'train', status: 'running', step: 'Training', done: 2, total: 5, startedAt: '2026-02-01T09:59:00.000Z' }),
      id: running,
      status: 'failed',
      error: INTERRUPTED_MESSAGE,
      finishedAt: '2026-02-01T10:00:00.000Z',
    };
    expect(failed).toEqual([expected]);
    expect(await getJob(db, running)).toEqual(expected);
    expect((await getJob(db, queued))?.status).toBe('queued');
    expect((await getJob(db, active))?.status).toBe('running');
    expect((await getJob(db, done))?.status).toBe('done');
    expect(await markInterruptedJobs(db, { activeJobIds: [active] })).toEqual([]);
    expect(INTERRUPTED_MESSAGE).toBe(
      'Stopped before it finished: the browser or Dealsight was closed or restarted while this job ran. Its unfinished work was not saved and your earlier data is intact; run it again.',
    );
  });
});

async function fill(id: string): Promise<void> {
  await replaceConnectionData(
    db,
    connection(id),
    [opp('o1', { account: { id: 'a', name: 'A' }, owner: { id: 'u', name: 'U' }, stageHistory: [{ stage: 'S', enteredAt: '2026-01-01' }] })],
    mapping(id),
  );
  await saveModels(db, model(id), [persona(id, 'p1')]);
  await saveScores(db, id, [score(id, 'o1')]);
  await putPanel(db, { connectionId: id, id: 'o1', trainedAt: model(id).trainedAt, panel: {} } as unknown as PanelRecord);
  await putSyncState(db, { connectionId: id, checkpoint: 'x', cursor: null });
  await createJob(db, job({ connectionId: id, status: 'done' }));
  await createJob(db, job({ connectionId: id, status: 'running' }));
  await connectionSettings(db, id).set('hubspot.credentials', { token: 'pat-secret', apiBase: 'https://api.hubapi.com', portalId: id });
}

async function counts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

describe('deleting', () => {
  it('deletes one connection and everything stored for it, but not its running job', async () => {
    await fill('a');
    await fill('b');
    await setSetting(db, 'alerts.notifyAtRisk', true);
    await deleteConnection(db, 'a');
    expect(await connectionSettings(db, 'a').get('hubspot.credentials')).toBeNull();
    expect(await connectionSettings(db, 'b').get('hubspot.credentials')).toMatchObject({ token: 'pat-secret' });
    expect(await getSetting(db, 'alerts.notifyAtRisk')).toBe(true);
    await db.settings.delete('alerts.notifyAtRisk');
    const rows = await counts();
    expect(rows).toEqual({
      accounts: 1,
      connections: 1,
      fieldMappings: 1,
      jobs: 3,
      models: 1,
      opportunities: 1,
      panels: 1,
      personas: 1,
      scores: 1,
      segments: 0,
      // Its settings go (a HubSpot token among them); the other connection's stay.
      settings: 1,
      stageHistory: 1,
      syncState: 1,
      uploads: 0,
      users: 1,
    });
    expect((await db.jobs.where('connectionId').equals('a').toArray()).map((j) => j.status)).toEqual(['running']);
    expect((await db.opportunities.toArray()).map((o) => o.connectionId)).toEqual(['b']);
  });

  it('deletes everything in every table', async () => {
    await fill('a');
    await setSetting(db, 'popup.view', 'dark');
    await saveSegment(db, 'Mine', { owner: 'me' });
    await putUpload(db, 'x.csv', 'Id\r\n1\r\n');
    expect(Object.values(await counts()).every((n) => n > 0)).toBe(true);
    await deleteAll(db);
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
  });
});
