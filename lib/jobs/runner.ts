/**
 * The job runner: imports, sandbox loads and training, one at a time, in the engine
 * worker, with progress written to the job log and reported to the background. Chrome
 * runs it in the offscreen document (an MV3 service worker cannot start a Worker);
 * Firefox runs it in its background page. Both give it the same two things: a way to
 * start the engine worker, and a way to report job updates.
 *
 * - Cancel terminates the worker (a computation cannot be interrupted otherwise) and a
 *   fresh one starts for the next job.
 * - A worker crash is never silent: the job is retried once on a fresh worker, and fails
 *   with the crash's message if it crashes again.
 * - Writes are transactional (lib/store): a failed import leaves the data before it intact.
 */
import * as Comlink from 'comlink';
import type { JobParams, JobSecrets } from '../crm/connector';
import { WELL_KNOWN_LABELS } from '../crm/opportunity';
import { crmOfConnection, crmOfKind } from '../crm/registry';
import type { FetchLike } from '../crm/shared/fetch';
import type { PanelData } from '../panel-data';
import { newlyAtRisk, type AtRiskRecord } from '../alerts/at-risk';
import { fetchCrmRecord, runCrmSync, type CrmWork } from './crm-sync';
import { STALL_MS, Watchdog } from './watchdog';
import { durationText, duringText, stepText, type Step } from './text';
import { englishOf, ref, TextError, textOfError, type MessageRef } from '../i18n/ref';
import { trainingChoices } from './training-choices';
import type { DealsightDb } from '../store/db';
import { fewerRowsRefusal, replacesWithFarFewer } from '../crm/csv/replacing';
import {
  connectionSettings,
  countOpportunities,
  getConnection,
  getFieldMapping,
  getJob,
  getModel,
  getOpportunity,
  listOpportunities,
  listPipeline,
  putPanel,
  replaceConnectionData,
  saveTraining,
  updateJob,
  deleteUpload,
  getUpload,
} from '../store/repo';

import type { JobRecord, UploadRecord } from '../store/schema';
import type { EngineApi, TrainStep } from '../../workers/engine-api';

/**
 * Secrets a job needs and the job log must never hold: the background passes them with
 * 'run-job' (in memory), and the runner forgets them when the job ends.
 */
export type { JobSecrets };

export const MAX_ATTEMPTS = 2;

const CANCELLED = ref('jobs_cancelled');

class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** A job that stopped moving: not retried (the same input would hang again). */
class StalledError extends TextError {
  constructor(step: Step | null, quietMs: number) {
    const duration = durationText(quietMs);
    super(step ? ref('jobs_error_stalledWhile', { duration, during: duringText(step) }) : ref('jobs_error_stalled', { duration }));
    this.name = 'StalledError';
  }
}

class WorkerCrashedError extends TextError {
  constructor(text: MessageRef) {
    super(text);
    this.name = 'WorkerCrashedError';
  }
}

interface EngineHandle {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  /** Rejects when the worker crashes or is terminated. */
  failed: Promise<never>;
  fail: (error: Error) => void;
}

export interface RunnerHost {
  createWorker: () => Worker;
  report: (job: JobRecord) => void;
  now?: () => Date;
  /** For CRM APIs; the global fetch when absent. */
  fetch?: FetchLike;
  /** The watchdog's bound (STALL_MS unless a test needs it shorter). */
  stallMs?: number;
}

export type { JobParams };

export class JobRunner {
  private engine: EngineHandle | null = null;
  private current: number | null = null;
  private lastReport = 0;
  /** Aborts the running job's CRM calls on cancel (a sync spends most of its time there). */
  private abort: AbortController | null = null;
  /** Stops the running job when it makes no progress (issue 14). */
  private watchdog: Watchdog | null = null;
  /** The running job's current step, for the watchdog's message. */
  private step: Step | null = null;

  constructor(
    private readonly db: DealsightDb,
    private readonly host: RunnerHost,
  ) {}

  private now(): string {
    return (this.host.now?.() ?? new Date()).toISOString();
  }

  private start(): EngineHandle {
    if (this.engine) return this.engine;
    const worker = this.host.createWorker();
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    // Keep an unobserved rejection from being reported as unhandled.
    failed.catch(() => undefined);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new WorkerCrashedError(ref('jobs_error_crashed', { detail: event.message || ref('jobs_error_unknown') })));
      this.stop();
    });
    worker.addEventListener('messageerror', () => fail(new WorkerCrashedError(ref('jobs_error_unreadable'))));
    this.engine = { worker, api: Comlink.wrap<EngineApi>(worker), failed, fail };
    return this.engine;
  }

  private stop(): void {
    this.engine?.worker.terminate();
    this.engine = null;
  }

  /** A worker call that fails fast when the worker crashes or the job is cancelled. */
  private async call<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    // Cancelled before the engine was asked anything (while the job read the store): stop here.
    if (this.abort?.signal.aborted) throw new CancelledError();
    const engine = this.start();
    return Promise.race([fn(engine.api), engine.failed]);
  }

  private async progress(job: JobRecord, step: Step, done: number, total: number, force = false): Promise<void> {
    this.watchdog?.kick();
    // A new step is always reported (pages show each step, however short); counts within a step at most every 150 ms.
    const text = stepText(step);
    const label = englishOf(text);
    const newStep = job.step !== label;
    job.step = label;
    job.stepText = text;
    this.step = step;
    job.done = done;
    job.total = total;
    const now = Date.now();
    if (!force && !newStep && now - this.lastReport < 150) return;
    this.lastReport = now;
    this.host.report({ ...job });
    await updateJob(this.db, job.id as number, { step: job.step, stepText: job.stepText, done, total });
  }

  /** Cancels the running job (terminating the worker) or a queued one. */
  async cancel(jobId: number): Promise<void> {
    if (this.current === jobId && this.abort && !this.engine) {
      this.abort.abort(new CancelledError());
      return;
    }
    if (this.current === jobId && this.engine) {
      this.abort?.abort(new CancelledError());
      this.engine.fail(new CancelledError());
      this.stop();
      return;
    }
    const job = await getJob(this.db, jobId);
    if (job && (job.status === 'queued' || job.status === 'running')) {
      const patch = { status: 'cancelled' as const, finishedAt: this.now(), summary: englishOf(CANCELLED), summaryText: [CANCELLED] };
      await updateJob(this.db, jobId, patch);
      this.host.report({ ...job, ...patch });
    }
  }

  /** Runs one job to its end: done, failed (with the reason) or cancelled. */
  async run(jobId: number, secrets: JobSecrets = {}): Promise<JobRecord> {
    const loaded = await getJob(this.db, jobId);
    if (!loaded) throw new Error(`job ${jobId} does not exist`);
    const job: JobRecord = { ...loaded };
    if (job.status === 'cancelled' || job.status === 'done') return job;
    this.current = jobId;
    this.abort = new AbortController();
    let giveUp: (error: StalledError) => void = () => undefined;
    let stallError: StalledError | null = null;
    // Whatever the job waits on, the run ends when the watchdog fires (an await that never
    // settles included); the job's own promise is then abandoned.
    const stall = new Promise<never>((_, reject) => (giveUp = reject));
    stall.catch(() => undefined);
    const stalled = (quietMs: number): void => {
      // Everything the job waits on gives up: the engine worker is stopped (a hung parse
      // cannot be interrupted otherwise) and the CRM calls are aborted.
      const error = (stallError = new StalledError(this.step, quietMs));
      this.abort?.abort(error);
      this.engine?.fail(error);
      this.stop();
      giveUp(error);
    };
    this.watchdog = new Watchdog(this.host.stallMs ?? STALL_MS, stalled);
    try {
      for (;;) {
        job.status = 'running';
        job.startedAt ??= this.now();
        job.error = null;
        job.errorText = null;
        await updateJob(this.db, jobId, { status: 'running', startedAt: job.startedAt, error: null, errorText: null, attempts: job.attempts });
        this.host.report({ ...job });
        try {
          job.summaryText = await Promise.race([this.execute(job, secrets), stall]);
          job.summary = englishOf(job.summaryText);
          job.status = 'done';
          break;
        } catch (error) {
          if (stallError) {
            job.status = 'failed';
            job.error = (stallError as StalledError).message;
            job.errorText = (stallError as StalledError).text;
            break;
          }
          if (error instanceof CancelledError || this.abort?.signal.aborted) {
            job.status = 'cancelled';
            job.summary = englishOf(CANCELLED);
            job.summaryText = [CANCELLED];
            break;
          }
          if (error instanceof WorkerCrashedError && job.attempts + 1 < MAX_ATTEMPTS) {
            job.attempts += 1;
            job.errorText = ref('jobs_error_retrying', { error: error.text });
            job.error = englishOf(job.errorText);
            this.host.report({ ...job });
            continue;
          }
          job.status = 'failed';
          job.error = error instanceof Error ? error.message : String(error);
          job.errorText = textOfError(error);
          break;
        }
      }
    } finally {
      this.watchdog.stop();
      this.watchdog = null;
      this.current = null;
      this.abort = null;
      this.step = null;
    }
    // An import's file is never needed once its job ended, however it ended (a failure after
    // a worker crash and its retry included): no uploaded text stays behind (issue 14).
    if (job.kind === 'import' && typeof job.params.uploadId === 'number') await deleteUpload(this.db, job.params.uploadId).catch(() => undefined);
    job.finishedAt = this.now();
    await updateJob(this.db, jobId, {
      status: job.status,
      finishedAt: job.finishedAt,
      summary: job.summary,
      summaryText: job.summaryText ?? null,
      error: job.error,
      errorText: job.errorText ?? null,
      attempts: job.attempts,
      step: job.step,
      stepText: job.stepText ?? null,
      done: job.done,
      total: job.total,
    });
    this.host.report({ ...job });
    return job;
  }

  private async execute(job: JobRecord, secrets: JobSecrets): Promise<MessageRef[]> {
    switch (job.kind) {
      case 'import':
        return this.importCsv(job);
      case 'sandbox':
        return this.loadSandbox(job);
      case 'train':
      case 'score':
        return this.train(job);
      case 'sync':
        return this.sync(job, secrets);
    }
  }

  private crmWork(): CrmWork {
    return { db: this.db, fetch: this.host.fetch ?? ((url, init) => fetch(url, init)), now: () => this.now(), onProgress: () => undefined };
  }

  /** A CRM sync (its connector's: lib/crm/registry.ts), then training. Secrets (a session) come only in memory. */
  private async sync(job: JobRecord, secrets: JobSecrets): Promise<MessageRef[]> {
    const crm = crmOfConnection(job.connectionId);
    if (!crm) throw new Error(`sync job #${job.id} is for ${job.connectionId}, which is not a CRM connection`);
    const step = { sync: crm.label };
    await this.progress(job, step, 0, 0, true);
    const work: CrmWork = { ...this.crmWork(), onProgress: (done, total, newStep) => void this.progress(job, step, done, total, newStep) };
    const summary = await runCrmSync(crm, work, job, secrets, this.abort?.signal);
    return [summary, ...(await this.train(job))];
  }

  /**
   * The panel of a record that is not in the store yet: fetched through its CRM's API,
   * stored, and scored with the connection's current models (issue 5, "Overlay").
   */
  async recordPanel(connectionId: string, opportunityId: string, access: { params: JobParams; secrets?: JobSecrets }): Promise<PanelData> {
    const crm = crmOfConnection(connectionId);
    if (!crm) throw new Error(`${connectionId} is not a CRM connection: its records cannot be fetched`);
    await fetchCrmRecord(crm, this.crmWork(), connectionId, opportunityId, { params: access.params, secrets: access.secrets ?? {} });
    return this.panel(connectionId, opportunityId);
  }

  private async importCsv(job: JobRecord): Promise<MessageRef[]> {
    const uploadId = Number(job.params.uploadId);
    await this.progress(job, 'import', 0, 1, true);
    // Read, not taken: a retry after a worker crash needs the file again; run() deletes it once the job ended.
    return this.importUpload(job, await getUpload(this.db, uploadId));
  }

  private async importUpload(job: JobRecord, upload: UploadRecord): Promise<MessageRef[]> {
    const choices = upload.choices ?? {};
    const result = await this.call((api) => api.importCsv(upload.bytes ?? upload.text ?? '', choices));
    if (result.opportunities.length === 0) {
      const first = result.rejected[0];
      throw new TextError(
        first === undefined
          ? ref('jobs_error_noRows', { file: upload.fileName })
          : ref('jobs_error_allRejected', { file: upload.fileName, line: first.line, reason: first.reason }),
      );
    }
    // An import replaces the connection's data: far fewer rows than are stored is asked about first (issue 14).
    const stored = await countOpportunities(this.db, job.connectionId);
    if (!choices.replaceFewer && replacesWithFarFewer(stored, result.opportunities.length)) {
      throw new Error(fewerRowsRefusal(upload.fileName, stored, result.opportunities.length, result.rejected.length));
    }
    await this.progress(job, 'store', 0, 1, true);
    await replaceConnectionData(
      this.db,
      {
        id: job.connectionId,
        kind: 'csv',
        label: upload.fileName,
        syncedAt: this.now(),
        lastImport: {
          fileName: upload.fileName,
          format: result.format,
          rows: result.opportunities.length,
          rejected: result.rejected,
          warnings: result.warnings,
        },
      },
      result.opportunities,
      { connectionId: job.connectionId, fields: result.fields, leaky: result.leakyAttributes },
    );
    await deleteUpload(this.db, upload.id as number);
    const trained = await this.train(job);
    const count = result.opportunities.length;
    const imported =
      result.rejected.length > 0
        ? ref('jobs_summary_importedRejected', { count, file: upload.fileName, rejected: result.rejected.length })
        : ref('jobs_summary_imported', { count, file: upload.fileName });
    return [imported, ...trained];
  }

  private async loadSandbox(job: JobRecord): Promise<MessageRef[]> {
    const seed = Number(job.params.seed ?? 7);
    const count = Number(job.params.opportunities ?? 10_000);
    await this.progress(job, 'sandbox', 0, 1, true);
    const opportunities = await this.call((api) => api.sandbox(seed, count));
    await this.progress(job, 'store', 0, 1, true);
    const keys = new Set(opportunities.flatMap((o) => Object.keys(o.attributes)));
    const fields = [...keys].sort().map((key) => {
      const values = opportunities.map((o) => o.attributes[key]);
      const filled = values.filter((v) => v !== null && v !== undefined && v !== '').length;
      return {
        key,
        label: WELL_KNOWN_LABELS[key] ?? key,
        kind: values.some((v) => typeof v === 'number') ? ('number' as const) : ('category' as const),
        coverage: filled / opportunities.length,
      };
    });
    await replaceConnectionData(
      this.db,
      {
        id: job.connectionId,
        kind: 'sandbox',
        label: `Sandbox (seed ${seed}, ${count.toLocaleString('en-US')} opportunities)`,
        syncedAt: this.now(),
        lastImport: null,
      },
      opportunities,
      { connectionId: job.connectionId, fields, leaky: [] },
    );
    return [ref('jobs_summary_sandbox', { count }), ...(await this.train(job))];
  }

  private async train(job: JobRecord): Promise<MessageRef[]> {
    const connection = await getConnection(this.db, job.connectionId);
    if (!connection) throw new TextError(ref('jobs_error_noData', { connection: job.connectionId }));
    const [opportunities, mapping, previous, healthProfile] = await Promise.all([
      listOpportunities(this.db, job.connectionId),
      getFieldMapping(this.db, job.connectionId),
      getModel(this.db, job.connectionId),
      connectionSettings(this.db, job.connectionId).get('health.profile'),
    ]);
    const trainedAt = this.now();
    const onProgress = Comlink.proxy((step: TrainStep, done: number, total: number) => {
      void this.progress(job, step, done, total);
    });
    const output = await this.call((api) =>
      api.train(
        {
          connectionId: job.connectionId,
          dataVersion: connection.dataVersion,
          opportunities,
          fields: mapping?.fields ?? [],
          ...trainingChoices(mapping),
          previousPersonas: previous?.personas ?? null,
          healthProfile,
          trainedAt,
          // A live CRM's open deals are open today; a file or the sandbox is as of its newest date.
          asOf: crmOfKind(connection.kind) ? trainedAt.slice(0, 10) : null,
        },
        onProgress,
      ),
    );
    await this.progress(job, 'score', 1, 1, true);
    // The scores before this training: what "newly at risk" is measured against.
    const previousScores = await listPipeline(this.db, job.connectionId);
    const atRisk: AtRiskRecord = {
      jobId: job.id ?? null,
      at: trainedAt,
      deals: newlyAtRisk(
        previousScores,
        output.scores.filter((s) => s.isOpen === 1),
      ),
    };
    // Models, personas, scores and the deals at risk together, or none of them (issue 14).
    await saveTraining(this.db, { model: output.model, personas: output.personas, scores: output.scores, atRisk });
    const { counts } = output.model;
    const personas = output.model.personas.org?.personas.length ?? 0;
    return [
      ref('jobs_summary_trained', { closed: counts.closed, won: counts.won, open: counts.open }),
      ...(output.model.win ? [] : [ref('jobs_summary_noWin')]),
      ...(personas > 0 ? [ref('jobs_summary_personas', { count: personas })] : []),
    ];
  }

  /** The panel data of one record, computed in the worker and cached in the store. */
  async panel(connectionId: string, opportunityId: string): Promise<PanelData> {
    const [connection, model, opportunity] = await Promise.all([
      getConnection(this.db, connectionId),
      getModel(this.db, connectionId),
      getOpportunity(this.db, connectionId, opportunityId),
    ]);
    if (!connection || !model) throw new TextError(ref('jobs_error_noData', { connection: connectionId }));
    if (!opportunity) throw new Error(`opportunity ${opportunityId} is not in the data of ${connection.label}`);
    const key = `${connectionId}|${model.trainedAt}`;
    if (!(await this.call((api) => api.hasModels(key)))) {
      const closed = await listOpportunities(this.db, connectionId, { isClosed: true });
      await this.call((api) => api.loadModels(key, model, closed));
    }
    const panel = await this.call((api) => api.panel(key, { id: connection.id, label: connection.label, dataVersion: connection.dataVersion }, opportunity));
    await putPanel(this.db, { connectionId, id: opportunityId, trainedAt: model.trainedAt, panel });
    return panel;
  }
}
