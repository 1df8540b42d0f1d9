/**
 * The job queue the background keeps: imports, sandbox loads, syncs and trainings run one
 * at a time, oldest first, from the store's job log (so a queue survives a restart of the
 * service worker). The runner (Chrome's offscreen document, Firefox's background page)
 * does the work and reports through `update`; only its report of the running job's end
 * lets the next one start.
 *
 * Secrets (a CRM session) live only in memory, from `enqueue` until the job starts; a job
 * queued before a restart gets them again from `secretsFor` (an open tab's session).
 */
import type { JobParams, JobSecrets } from '../crm/connector';
import type { DealsightDb } from '../store/db';
import { createJob, getJob, listJobs, markInterruptedJobs, pruneUploads, updateJob } from '../store/repo';
import type { JobKind, JobRecord } from '../store/schema';
import { STALL_MS, Watchdog } from './watchdog';
import { durationText } from './text';
import { englishOf, ref, textOfError } from '../i18n/ref';

/** Where jobs run: what the queue needs of the runner bridge. */
export interface JobRunnerPort {
  /** Starts a job; its progress and end arrive through `JobQueue.update`. */
  start(jobId: number, secrets?: JobSecrets): Promise<void>;
  cancel(jobId: number): Promise<void>;
  /** True when a runner from before this background started is still alive (it keeps its job). */
  alive(): Promise<boolean>;
}

export interface JobQueueDeps {
  db: DealsightDb;
  runner(): Promise<JobRunnerPort>;
  /** Every change of a job, for the pages (and, at a job's end, for the CRM tabs and notifications). */
  onUpdate(job: JobRecord): void;
  /** The secrets of a job queued before a restart, read again (a sync's session), if it needs any. */
  secretsFor(job: JobRecord): Promise<JobSecrets | undefined>;
  /** Called when the queue starts and stops working (the background frees the engine when idle). */
  onBusy?(busy: boolean): void;
  now?(): string;
  /** The backstop's bound (QUEUE_STALL_MS unless a test needs it shorter). */
  stallMs?: number;
}

/**
 * The backstop behind the runner's own watchdog: a runner that stops reporting altogether
 * (its document gone without a word, a runner stuck outside any job step) gets a minute
 * more than the runner allows a job, then its job is failed here and the queue goes on.
 */
export const QUEUE_STALL_MS = STALL_MS + 60_000;
/** How long a runner that stopped reporting gets to answer a cancel before the queue goes on without it. */
const CANCEL_GRACE_MS = 5_000;

const FINISHED = new Set<JobRecord['status']>(['done', 'failed', 'cancelled']);
/** How far back the queue looks for queued work; more queued jobs than this run after these. */
const QUEUE_WINDOW = 50;

export class JobQueue {
  private runningId: number | null = null;
  private readonly finished = new Map<number, (job: JobRecord) => void>();
  private readonly secrets = new Map<number, JobSecrets>();
  private pumping: Promise<void> | null = null;
  private watchdog: Watchdog | null = null;

  constructor(private readonly deps: JobQueueDeps) {}

  private now(): string {
    return this.deps.now?.() ?? new Date().toISOString();
  }

  /** The job running now, if any. */
  get running(): number | null {
    return this.runningId;
  }

  /** Adds a job to the log as queued, remembers its secrets in memory, and starts it when its turn comes. */
  async enqueue(kind: JobKind, connectionId: string, params: JobParams, secrets?: JobSecrets): Promise<number> {
    const job: Omit<JobRecord, 'id'> = {
      kind,
      connectionId,
      status: 'queued',
      step: null,
      done: 0,
      total: 0,
      createdAt: this.now(),
      startedAt: null,
      finishedAt: null,
      summary: null,
      error: null,
      attempts: 0,
      params,
    };
    const id = await createJob(this.deps.db, job);
    if (secrets) this.secrets.set(id, secrets);
    this.deps.onUpdate({ ...job, id });
    void this.pump();
    return id;
  }

  /** A job that was not run (the daily sync without a session), in the log with the reason. */
  async logSkipped(kind: JobKind, connectionId: string, reason: string): Promise<void> {
    const now = this.now();
    const job: Omit<JobRecord, 'id'> = {
      kind,
      connectionId,
      status: 'cancelled',
      step: null,
      done: 0,
      total: 0,
      createdAt: now,
      startedAt: null,
      finishedAt: now,
      summary: reason,
      error: null,
      attempts: 0,
      params: {},
    };
    this.deps.onUpdate({ ...job, id: await createJob(this.deps.db, job) });
  }

  /** Cancels a queued job here, or asks the runner to stop the running one. */
  async cancel(jobId: number): Promise<{ ok: true } | { ok: false; error: string }> {
    const job = await getJob(this.deps.db, jobId);
    if (!job) return { ok: false, error: englishOf(ref('jobs_error_noJob', { id: String(jobId) })) };
    if (job.status === 'queued') {
      const cancelled = ref('jobs_cancelled');
      const patch = { status: 'cancelled' as const, finishedAt: this.now(), summary: englishOf(cancelled), summaryText: [cancelled] };
      await updateJob(this.deps.db, jobId, patch);
      this.secrets.delete(jobId);
      this.deps.onUpdate({ ...job, ...patch });
    } else if (job.status === 'running') {
      await (await this.deps.runner()).cancel(jobId);
    }
    return { ok: true };
  }

  /** Stops whatever runs (before everything is deleted). */
  async stopRunning(): Promise<void> {
    if (this.runningId !== null) await (await this.deps.runner()).cancel(this.runningId);
  }

  /** The runner's report of a job: passed on; the running job's end lets the next one start. */
  update(job: JobRecord): void {
    if (job.id === this.runningId) this.watchdog?.kick();
    this.deps.onUpdate(job);
    if (job.id === undefined || !FINISHED.has(job.status)) return;
    const resolve = this.finished.get(job.id);
    if (resolve) {
      this.finished.delete(job.id);
      resolve(job);
    }
  }

  /**
   * After a restart of the background: a job still 'running' either continues in a runner
   * that outlived it (then wait for its end), or died with its runner (then the log says
   * so). Then the queue goes on (resolved once it has, not when the queue is empty).
   */
  async recover(): Promise<void> {
    const live = await (await this.deps.runner()).alive();
    const stillRunning = live ? (await listJobs(this.deps.db, QUEUE_WINDOW)).find((j) => j.status === 'running') : undefined;
    if (stillRunning?.id !== undefined) {
      const id = stillRunning.id;
      this.setRunning(id);
      await new Promise<JobRecord>((resolve) => this.finished.set(id, resolve));
      this.setRunning(null);
    } else {
      for (const job of await markInterruptedJobs(this.deps.db)) this.deps.onUpdate(job);
    }
    // Files no import will take any more go (issue 14: no leftovers).
    await pruneUploads(this.deps.db).catch(() => undefined);
    void this.pump();
  }

  /** Runs queued jobs, oldest first, one at a time, until none is left. */
  pump(): Promise<void> {
    this.pumping ??= this.drain().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private setRunning(id: number | null): void {
    this.runningId = id;
    this.deps.onBusy?.(id !== null);
  }

  private async drain(): Promise<void> {
    while (this.runningId === null) {
      const queued = (await listJobs(this.deps.db, QUEUE_WINDOW)).filter((j) => j.status === 'queued').sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
      const next = queued[0];
      if (!next || next.id === undefined) return;
      await this.runOne(next as JobRecord & { id: number });
    }
  }

  private async runOne(job: JobRecord & { id: number }): Promise<void> {
    const { id } = job;
    this.setRunning(id);
    try {
      const done = new Promise<JobRecord>((resolve) => this.finished.set(id, resolve));
      let secrets = this.secrets.get(id);
      this.secrets.delete(id);
      // A job queued before a restart lost its secrets with the old background: read them again.
      if (!secrets) secrets = await this.deps.secretsFor(job);
      const runner = await this.deps.runner();
      const bound = this.deps.stallMs ?? QUEUE_STALL_MS;
      const silent = new Promise<'silent'>((resolve) => (this.watchdog = new Watchdog(bound, () => resolve('silent'))));
      await runner.start(id, secrets);
      if ((await Promise.race([done, silent])) === 'silent') await this.giveUp(job, runner, bound);
    } catch (error) {
      const errorText = ref('jobs_error_engineFailed', { error: textOfError(error) ?? (error instanceof Error ? error.message : String(error)) });
      const patch = { status: 'failed' as const, error: englishOf(errorText), errorText, finishedAt: this.now() };
      await updateJob(this.deps.db, id, patch);
      this.deps.onUpdate({ ...job, ...patch });
    } finally {
      this.watchdog?.stop();
      this.watchdog = null;
      this.finished.delete(id);
      this.setRunning(null);
    }
  }

  /** The runner said nothing for `bound`: asked to stop the job (briefly), the job is failed here and the queue goes on. */
  private async giveUp(job: JobRecord & { id: number }, runner: JobRunnerPort, bound: number): Promise<void> {
    await Promise.race([runner.cancel(job.id).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, Math.min(CANCEL_GRACE_MS, bound)))]);
    const current = await getJob(this.deps.db, job.id);
    if (current && FINISHED.has(current.status)) return;
    const errorText = ref('jobs_error_engineSilent', { duration: durationText(bound) });
    const patch = { status: 'failed' as const, error: englishOf(errorText), errorText, finishedAt: this.now() };
    await updateJob(this.deps.db, job.id, patch);
    this.deps.onUpdate({ ...(current ?? job), ...patch });
  }
}
