/** The job log: one record per import, sync, train or score job, newest first. */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { nowIso, reading, writing } from './guard';
import type { JobRecord, JobStatus } from './schema';

export async function createJob(db: DealsightDb, job: Omit<JobRecord, 'id'>): Promise<number> {
  return writing(db, `the ${job.kind} job`, [db.jobs], async () => {
    const { id: _ignored, ...fields } = job as JobRecord;
    return (await db.jobs.add(fields)) as number;
  });
}

/** Merges `patch` into the job and returns the updated record (for the `job-update` event). */
export async function updateJob(db: DealsightDb, id: number, patch: Partial<JobRecord>): Promise<JobRecord> {
  return writing(db, `the progress of job #${id}`, [db.jobs], async () => {
    const job = await db.jobs.get(id);
    if (!job) throw missingJob(id);
    const updated: JobRecord = { ...job, ...patch, id };
    await db.jobs.put(updated);
    return updated;
  });
}

export async function getJob(db: DealsightDb, id: number): Promise<JobRecord | undefined> {
  return reading(`job #${id}`, () => db.jobs.get(id));
}

/** The latest `limit` jobs, newest first. */
export async function listJobs(db: DealsightDb, limit = 20): Promise<JobRecord[]> {
  return reading('the job log', () => db.jobs.orderBy(':id').reverse().limit(limit).toArray());
}

/** The oldest queued job: the next one to run (entries of an index with equal keys are in id order). */
export async function nextQueuedJob(db: DealsightDb): Promise<JobRecord | undefined> {
  return reading('the job queue', () =>
    db.jobs
      .where('status')
      .equals('queued' satisfies JobStatus)
      .first(),
  );
}

/** The latest job of a connection (any status), for the options page's status line. Entries of an index are in key order, so the last is the newest. */
export async function lastJob(db: DealsightDb, connectionId: string): Promise<JobRecord | undefined> {
  return reading('the job log', () => db.jobs.where('connectionId').equals(connectionId).last());
}

export const INTERRUPTED_MESSAGE =
  'Stopped before it finished: the browser or Dealsight was closed or restarted while this job ran. ' +
  'Its unfinished work was not saved and your earlier data is intact; run it again.';

/**
 * Marks the jobs a dead background left 'running' as 'failed', with a message that says
 * so, and returns them as updated (oldest first) for the background to broadcast.
 *
 * Failed, not requeued: an import's file was consumed by `takeUpload`, so it cannot run
 * again by itself, and a job the user sees as failed is never silent (the daily alarm
 * retrains out-of-date models anyway). 'queued' jobs stay queued: they never started,
 * and the background's queue lives in this table, so it runs them next.
 *
 * Jobs in `activeJobIds` are left alone. Call this when no runner is working: a Chrome
 * offscreen document can outlive a restarted service worker, so pass the ids it still
 * runs (or skip the call while one is open).
 */
export async function markInterruptedJobs(db: DealsightDb, { activeJobIds = [] }: { activeJobIds?: readonly number[] } = {}): Promise<JobRecord[]> {
  const active = new Set(activeJobIds);
  return writing(db, 'the job log', [db.jobs], async () => {
    const stale = (
      await db.jobs
        .where('status')
        .equals('running' satisfies JobStatus)
        .toArray()
    ).filter((j) => !active.has(j.id as number));
    const now = nowIso();
    const updated = stale.map((job): JobRecord => ({ ...job, status: 'failed', error: INTERRUPTED_MESSAGE, finishedAt: now }));
    await db.jobs.bulkPut(updated);
    return updated;
  });
}

function missingJob(id: number): StoreError {
  return new StoreError('missing', `Job #${id} is no longer in the job log (its data was deleted). Start it again if it is still needed.`);
}
