/**
 * The job queue (lib/jobs/queue.ts) over a real store on fake-indexeddb, with a fake
 * runner that finishes jobs when the test says: one job at a time in queue order,
 * cancelling queued and running jobs, a runner that cannot start, reports from a runner
 * that retries, and the recovery after the background restarts.
 */
import { describe, expect, it } from 'vitest';
import type { JobSecrets } from '../../lib/crm/connector';
import { JobQueue, type JobRunnerPort } from '../../lib/jobs/queue';
import { createJob, getJob, INTERRUPTED_MESSAGE, putUpload, updateJob } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';
import { freshDb, job } from '../store/helpers';

/** A runner that records what it was asked and finishes a job only when told to. */
function fakeRunner(db: ReturnType<typeof freshDb>['db'], options: { alive?: boolean; failStart?: boolean; deaf?: boolean } = {}) {
  const started: Array<{ id: number; secrets: JobSecrets | undefined }> = [];
  const cancelled: number[] = [];
  let queue: JobQueue | null = null;
  const runner: JobRunnerPort = {
    start: async (id, secrets) => {
      if (options.failStart) throw new Error('the offscreen document could not be created');
      started.push({ id, secrets });
      const patch = { status: 'running' as const, startedAt: '2026-12-01T00:00:00.000Z' };
      queue?.update(await updateJob(db, id, patch));
    },
    cancel: async (id) => {
      cancelled.push(id);
      // A runner that stopped answering takes the request and never replies.
      if (options.deaf) return new Promise<void>(() => undefined);
      queue?.update(await updateJob(db, id, { status: 'cancelled', summary: 'Cancelled' }));
    },
    alive: async () => options.alive ?? false,
  };
  /** The runner's report that job `id` ended. */
  const finish = async (id: number, status: JobRecord['status'] = 'done') =>
    queue?.update(await updateJob(db, id, { status, finishedAt: '2026-12-01T00:01:00.000Z' }));
  return { runner, started, cancelled, finish, attach: (q: JobQueue) => (queue = q) };
}

function setup(
  options: { alive?: boolean; failStart?: boolean; deaf?: boolean; stallMs?: number; secretsFor?: (job: JobRecord) => Promise<JobSecrets | undefined> } = {},
) {
  const { db } = freshDb();
  const fake = fakeRunner(db, options);
  const updates: JobRecord[] = [];
  const queue = new JobQueue({
    db,
    runner: async () => fake.runner,
    onUpdate: (j) => updates.push(j),
    secretsFor: options.secretsFor ?? (async () => undefined),
    now: () => '2026-12-01T00:00:00.000Z',
    stallMs: options.stallMs,
  });
  fake.attach(queue);
  return { db, queue, updates, ...fake };
}

/** Waits until `check` holds: the queue works through promises and store writes. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('condition not met');
}

describe('the job queue', () => {
  it('runs jobs one at a time, oldest first, each starting only when the one before ended', async () => {
    const { db, queue, started, finish } = setup();
    const a = await queue.enqueue('import', 'csv', { uploadId: 1 });
    const b = await queue.enqueue('train', 'csv', {});
    const c = await queue.enqueue('sandbox', 'sandbox', { seed: 7, opportunities: 1000 });
    await until(() => started.length === 1);
    expect(started.map((s) => s.id)).toEqual([a]);
    expect(queue.running).toBe(a);
    await finish(a);
    await until(() => started.length === 2);
    expect(started.map((s) => s.id)).toEqual([a, b]);
    // A running job's progress report does not end it.
    queue.update({ ...((await getJob(db, b)) as JobRecord), status: 'running', step: 'Training Win Potential', done: 3, total: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started.map((s) => s.id)).toEqual([a, b]);
    await finish(b, 'failed');
    await until(() => started.length === 3);
    expect(started.map((s) => s.id)).toEqual([a, b, c]);
    await finish(c);
    await until(() => queue.running === null);
  });

  it("ends a job only on the running job's own end: another job's end report does not start the next", async () => {
    const { db, queue, started, finish } = setup();
    const a = await queue.enqueue('train', 'csv', {});
    const b = await queue.enqueue('train', 'csv', {});
    await until(() => started.length === 1);
    // A report for the queued job (a stray or forged one) is passed on, but the running job still runs.
    queue.update({ ...((await getJob(db, b)) as JobRecord), status: 'done' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queue.running).toBe(a);
    expect(started).toHaveLength(1);
    // The running job's own end does: then the next one starts.
    await finish(a);
    await until(() => started.length === 2);
    expect(started.map((s) => s.id)).toEqual([a, b]);
    await finish(b);
    await until(() => queue.running === null);
  });

  it('gives a job its secrets in memory only, and reads them again for a job queued before a restart', async () => {
    const asked: number[] = [];
    const { db, queue, started, finish } = setup({
      secretsFor: async (j) => {
        asked.push(j.id as number);
        return { sid: 'from-an-open-tab' };
      },
    });
    const a = await queue.enqueue('sync', 'salesforce:1', { apiBase: 'https://acme.my.salesforce.com', orgId: '1' }, { sid: 'the-session' });
    await until(() => started.length === 1);
    expect(started[0]).toEqual({ id: a, secrets: { sid: 'the-session' } });
    expect(JSON.stringify(await getJob(db, a))).not.toContain('the-session');
    await finish(a);
    // Queued without secrets (as a job the previous background queued): asked again.
    const b = await queue.enqueue('sync', 'salesforce:1', { apiBase: 'https://acme.my.salesforce.com', orgId: '1' });
    await until(() => started.length === 2);
    expect(started[1]).toEqual({ id: b, secrets: { sid: 'from-an-open-tab' } });
    expect(asked).toEqual([b]);
    await finish(b);
  });

  it('cancels a queued job at once, and asks the runner to stop a running one', async () => {
    const { db, queue, started, cancelled } = setup();
    const a = await queue.enqueue('train', 'csv', {});
    const b = await queue.enqueue('train', 'csv', {});
    await until(() => started.length === 1);
    expect(await queue.cancel(b)).toEqual({ ok: true });
    expect((await getJob(db, b))?.status).toBe('cancelled');
    expect(await queue.cancel(a)).toEqual({ ok: true });
    expect(cancelled).toEqual([a]);
    await until(() => queue.running === null);
    // The cancelled queued job never starts.
    expect(started.map((s) => s.id)).toEqual([a]);
    expect(await queue.cancel(999)).toEqual({ ok: false, error: 'There is no job 999.' });
  });

  it('fails a job whose runner cannot start, says why, and goes on with the next', async () => {
    const { db, queue, updates } = setup({ failStart: true });
    const a = await queue.enqueue('train', 'csv', {});
    const b = await queue.enqueue('train', 'csv', {});
    await until(async () => (await getJob(db, b))?.status === 'failed');
    for (const id of [a, b]) {
      expect(await getJob(db, id)).toMatchObject({ status: 'failed', error: 'The engine could not run the job: the offscreen document could not be created' });
    }
    expect(updates.filter((u) => u.status === 'failed').map((u) => u.id)).toEqual([a, b]);
    expect(queue.running).toBeNull();
  });

  it('passes on the reports of a runner that retries after a worker crash, and ends the job on its final report', async () => {
    const { db, queue, started, updates, finish } = setup();
    const a = await queue.enqueue('train', 'csv', {});
    await until(() => started.length === 1);
    queue.update(await updateJob(db, a, { attempts: 1, error: 'the engine worker crashed: out of memory; retrying' }));
    expect(queue.running).toBe(a);
    expect(updates.at(-1)).toMatchObject({ id: a, attempts: 1, error: expect.stringMatching(/retrying/) });
    await finish(a);
    await until(() => queue.running === null);
  });

  it('after a restart, marks the jobs a dead runner left running as interrupted, then runs the queued ones', async () => {
    const { db, queue, started, updates, finish } = setup({ alive: false });
    const dead = await createJob(db, job({ status: 'running' }));
    const waiting = await createJob(db, job({ status: 'queued' }));
    await queue.recover();
    expect(await getJob(db, dead)).toMatchObject({ status: 'failed', error: INTERRUPTED_MESSAGE });
    expect(updates.some((u) => u.id === dead && u.status === 'failed')).toBe(true);
    await until(() => started.length === 1);
    expect(started[0]?.id).toBe(waiting);
    await finish(waiting);
  });

  it('after a restart, waits for the job a live runner still runs before starting the next', async () => {
    const { db, queue, started, finish } = setup({ alive: true });
    const running = await createJob(db, job({ status: 'running' }));
    const waiting = await createJob(db, job({ status: 'queued' }));
    const recovered = queue.recover();
    await until(() => queue.running === running);
    expect(started).toEqual([]);
    await finish(running);
    await recovered;
    await until(() => started.length === 1);
    expect(started[0]?.id).toBe(waiting);
    expect((await getJob(db, running))?.status).toBe('done');
    await finish(waiting);
  });

  it('logs a job it did not run, with the reason', async () => {
    const { db, queue, started } = setup();
    await queue.logSkipped('sync', 'salesforce:1', 'Skipped the daily Salesforce sync: no tab.');
    const [logged] = await db.jobs.toArray();
    expect(logged).toMatchObject({ kind: 'sync', connectionId: 'salesforce:1', status: 'cancelled', summary: 'Skipped the daily Salesforce sync: no tab.' });
    expect(started).toEqual([]);
  });

  it('fails a job whose runner stopped reporting, and goes on with the next', async () => {
    const { db, queue, started, cancelled, updates, finish } = setup({ deaf: true, stallMs: 1_000 });
    const a = await queue.enqueue('train', 'csv', {});
    const b = await queue.enqueue('train', 'csv', {});
    await until(() => started.length === 1);
    // Reports keep it alive: six reports 250 ms apart outlast the 1 s bound.
    for (let i = 1; i <= 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      queue.update({ ...((await getJob(db, a)) as JobRecord), status: 'running', done: i, total: 10 });
    }
    expect(queue.running).toBe(a);
    // Then nothing: the job is failed and the next one starts.
    await until(() => started.length === 2);
    expect(cancelled).toEqual([a]);
    expect(await getJob(db, a)).toMatchObject({
      status: 'failed',
      error: 'The engine stopped answering: no report for 1 second. Dealsight stopped the job so that the others can run.',
    });
    expect(updates.some((u) => u.id === a && u.status === 'failed')).toBe(true);
    expect(started.map((s) => s.id)).toEqual([a, b]);
    await finish(b);
    await until(() => queue.running === null);
  });

  it('after a restart, deletes the uploaded files no queued or running import names', async () => {
    const { db, queue, finish, started } = setup({ alive: false });
    const orphan = await putUpload(db, 'left-by-a-closed-page.csv', 'a,b\n1,2\n');
    const waiting = await putUpload(db, 'queued.csv', 'a,b\n1,2\n');
    const fresh = await putUpload(db, 'just-put.csv', 'a,b\n1,2\n');
    // Two of them put long ago; the third a moment ago (its page is about to send 'start-import').
    await db.uploads.where('id').anyOf(orphan, waiting).modify({ createdAt: '2026-01-01T00:00:00.000Z' });
    const queued = await createJob(db, job({ kind: 'import', status: 'queued', params: { uploadId: waiting } }));
    await queue.recover();
    expect((await db.uploads.toArray()).map((u) => u.id).sort()).toEqual([waiting, fresh].sort());
    await until(() => started.length === 1);
    await finish(queued);
  });
});
