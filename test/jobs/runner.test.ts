/**
 * The job runner end to end in Node: the real engine API in a worker thread over Comlink
 * (as in the browser's worker), the real store on fake-indexeddb. Crashes use a thread
 * that throws on cue.
 */
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobRunner, MAX_ATTEMPTS, type RunnerHost } from '../../lib/jobs/runner';
import {
  connectionSettings,
  createJob,
  getConnection,
  getJob,
  getModel,
  getPanel,
  listJobs,
  listOpportunities,
  listPipeline,
  putUpload,
  setExcludedFields,
} from '../../lib/store/repo';
import type { FieldMappingRecord, JobRecord } from '../../lib/store/schema';
import { trainingChoices } from '../../lib/jobs/training-choices';
import { freshDb } from '../store/helpers';
import { threadWorker } from './thread-worker';

const channelWorker = (): Worker => threadWorker();

function newJob(kind: JobRecord['kind'], connectionId: string, params: JobRecord['params']): Omit<JobRecord, 'id'> {
  return {
    kind,
    connectionId,
    status: 'queued',
    step: null,
    done: 0,
    total: 0,
    createdAt: '2026-11-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    summary: null,
    error: null,
    attempts: 0,
    params,
  };
}

const WON_LOST_CSV = [
  'Opportunity ID,Opportunity Name,Stage,Industry',
  ...Array.from({ length: 60 }, (_, i) => `00${i},Deal ${i},${i % 2 ? 'Closed Won' : 'Closed Lost'},${i % 3 ? 'Retail' : 'Banking'}`),
].join('\n');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JobRunner', () => {
  it('loads sandbox data, trains every model and scores the pipeline, reporting progress', async () => {
    const { db } = freshDb();
    const reports: JobRecord[] = [];
    const runner = new JobRunner(db, { createWorker: channelWorker, report: (job) => reports.push(job) });
    const id = await createJob(db, newJob('sandbox', 'sandbox', { seed: 7, opportunities: 1500 }));
    const job = await runner.run(id);
    expect(job.status).toBe('done');
    expect(job.summary).toMatch(/^1,500 sandbox opportunities generated\. Trained on [\d,]+ closed deals/);
    expect((await listOpportunities(db, 'sandbox')).length).toBe(1500);
    const model = await getModel(db, 'sandbox');
    expect(model?.win).not.toBeNull();
    expect(model?.counts.opportunities).toBe(1500);
    const pipeline = await listPipeline(db, 'sandbox');
    expect(pipeline.length).toBe(model?.counts.open);
    expect(pipeline.every((row) => row.winPotential !== null && row.winPotential > 0 && row.winPotential < 1)).toBe(true);
    // Every sandbox deal has a stage history: the open ones are scored as they stand (issue 18),
    // by a model of every closed deal, with the stage-blind number kept beside.
    expect(model?.standing?.trainedOn).toBe(model?.counts.closed);
    expect(pipeline.every((row) => row.winToday === true && typeof row.winStageBlind === 'number')).toBe(true);
    // Progress went through the steps and ended with the job's result.
    const steps = new Set(reports.map((r) => r.step));
    expect(steps.has('Generating sandbox data')).toBe(true);
    expect(steps.has('Training Win Potential')).toBe(true);
    expect(steps.has('Backtesting Win Potential on the newest closed deals')).toBe(true);
    // The quality report is stored with the models: the backtest held out the newest fifth of the closed deals.
    expect(model?.quality?.backtest?.test).toBe(Math.round((model?.counts.closed ?? 0) * 0.2));
    expect(model?.quality?.importance.length).toBe(model?.win?.importance.length);
    expect(reports.at(-1)?.status).toBe('done');
    expect((await listJobs(db, 5))[0]?.status).toBe('done');
  });

  it('trains on the field mapping as stored: a leaky field stays out until put back, an unticked one stays out', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    // "Days In Last Stage" is leaky by name (lib/crm/leakage.ts), filled on closed deals only, and tells won from lost outright.
    const csv = [
      'Opportunity ID,Opportunity Name,Stage,Industry,Region,Days In Last Stage',
      ...Array.from({ length: 90 }, (_, i) => {
        const closed = i < 60;
        const stage = closed ? (i % 2 ? 'Closed Won' : 'Closed Lost') : 'Prospecting';
        const days = closed ? (i % 2 ? 5 + (i % 7) : 40 + (i % 9)) : '';
        return `00${i},Deal ${i},${stage},${i % 3 ? 'Retail' : 'Banking'},${i % 4 ? 'North' : 'South'},${days}`;
      }),
    ].join('\n');
    const imported = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId: await putUpload(db, 'leaky.csv', csv) })));
    expect(imported.status).toBe('done');
    const features = async (): Promise<string[]> => ((await getModel(db, 'csv'))?.win?.encoder.features ?? []).map((f) => f.key);
    const droppedBy = async (rule: string): Promise<string[]> =>
      ((await getModel(db, 'csv'))?.win?.dropped ?? []).filter((d) => d.rule === rule).map((d) => d.key);
    expect(await features()).toContain('attr:industry');
    expect(await features()).not.toContain('attr:daysInLastStage');
    expect(await droppedBy('excluded')).toEqual(['daysInLastStage']);

    // Put back and Industry unticked: the engine's own checks (name, coverage on open deals, separates) leave it in.
    await setExcludedFields(db, 'csv', ['industry'], ['daysInLastStage']);
    const trained = await runner.run(await createJob(db, newJob('train', 'csv', {})));
    expect(trained.status).toBe('done');
    expect(await features()).toContain('attr:daysInLastStage');
    expect(await features()).not.toContain('attr:industry');
    expect(await droppedBy('excluded')).toEqual(['industry']);
  });

  it('passes exclude and keep as the mapping stores them', () => {
    const stored: FieldMappingRecord = {
      connectionId: 'csv',
      fields: ['industry', 'region', 'tags', 'days'].map((key) => ({ key, label: key, kind: 'category' as const, coverage: 1 })),
      excluded: ['region', 'days'],
      leaky: [
        { key: 'tags', label: 'Tags', reason: 'a status' },
        { key: 'days', label: 'Days', reason: 'counts days' },
        { key: 'lossReason', label: 'Loss Reason', reason: 'records why' },
      ],
      kept: ['tags', 'industry'],
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    expect(trainingChoices(stored)).toEqual({ exclude: ['region', 'days', 'lossReason'], keep: ['tags', 'industry'] });
    // A record stored before `kept` existed: every leaky field excluded, nothing kept.
    const { kept: _kept, ...older } = stored;
    expect(trainingChoices(older)).toEqual({ exclude: ['region', 'days', 'tags', 'lossReason'], keep: [] });
    expect(trainingChoices(undefined)).toEqual({ exclude: [], keep: [] });
  });

  it('serves the stage-blind Win Potential for a file without stage history, and says why (issue 18)', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    const csv = [WON_LOST_CSV, ...Array.from({ length: 5 }, (_, i) => `10${i},Open ${i},Prospecting,Retail`)].join('\n');
    const job = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId: await putUpload(db, 'plain.csv', csv) })));
    expect(job.status).toBe('done');
    const model = await getModel(db, 'csv');
    expect(model?.standing).toBeNull();
    expect(model?.notes).toContainEqual(expect.stringMatching(/^Win Potential as of today needs closed deals with their stage history: 0 of 60 have one/));
    const pipeline = await listPipeline(db, 'csv');
    expect(pipeline).toHaveLength(5);
    expect(pipeline.every((row) => row.winToday === false && row.winStageBlind === null && row.winPotential !== null)).toBe(true);
  });

  it('computes a panel in the worker and caches it', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    await runner.run(await createJob(db, newJob('sandbox', 'sandbox', { seed: 3, opportunities: 1200 })));
    const open = (await listPipeline(db, 'sandbox'))[0];
    const panel = await runner.panel('sandbox', open?.id as string);
    expect(panel.state).toEqual({ kind: 'ready' });
    expect(panel.win?.probability).toBeCloseTo(open?.winPotential as number, 10);
    // As it stands today, as the row has it, with the stage-blind number beside.
    expect(panel.win?.today?.stageBlind).toBeCloseTo(open?.winStageBlind as number, 10);
    expect([...(panel.win?.raising ?? []), ...(panel.win?.lowering ?? [])].some((f) => f.standing !== undefined)).toBe(true);
    expect(panel.similar?.wins.length).toBeGreaterThan(0);
    expect((await getPanel(db, 'sandbox', open?.id as string))?.panel).toEqual(panel);
  });

  it('fails an import of a file without outcomes with the reason, leaving the earlier data intact', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    const good = [
      'Opportunity ID,Opportunity Name,Stage,Industry',
      ...Array.from({ length: 60 }, (_, i) => `00${i},Deal ${i},${i % 2 ? 'Closed Won' : 'Closed Lost'},${i % 3 ? 'Retail' : 'Banking'}`),
    ].join('\n');
    const first = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId: await putUpload(db, 'good.csv', good) })));
    expect(first.status).toBe('done');
    const before = await listOpportunities(db, 'csv');
    const bad = 'Opportunity ID,Opportunity Name,Amount\n006A,Alpha,100\n006B,Beta,200\n';
    const second = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId: await putUpload(db, 'bad.csv', bad) })));
    expect(second.status).toBe('failed');
    expect(second.error).toMatch(/outcome|won|stage/i);
    expect(await listOpportunities(db, 'csv')).toEqual(before);
    expect((await getConnection(db, 'csv'))?.label).toBe('good.csv');
  });

  it('imports with the outcome column the user picked in the preview (issue 15)', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    // Flag is no outcome name: without the pick the file is refused.
    const csv = ['Opportunity ID,Flag,Industry', ...Array.from({ length: 60 }, (_, i) => `00${i},${i % 3 ? 'Y' : 'N'},${i % 2 ? 'Retail' : 'Banking'}`)].join(
      '\n',
    );
    const refused = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId: await putUpload(db, 'flags.csv', csv) })));
    expect(refused.error).toMatch(/^No column says whether a deal is won, lost or open: .*Columns that could hold it: Flag \(Y\/N\)/);
    const uploadId = await putUpload(db, 'flags.csv', csv, { outcome: { column: 'flag', won: 'N' } });
    const job = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId })));
    expect(job.error).toBeNull();
    const opportunities = await listOpportunities(db, 'csv');
    expect([opportunities.filter((o) => o.isWon).length, opportunities.filter((o) => o.isClosed && !o.isWon).length]).toEqual([20, 40]);
  });

  it('retries a job whose worker crashed, then fails it with the crash message', async () => {
    const { db } = freshDb();
    const workers: Array<ReturnType<typeof threadWorker>> = [];
    const createWorker = (): Worker => {
      // Crashes when the job asks it to generate the data.
      const worker = threadWorker({ on: 'sandbox', message: 'out of memory' });
      workers.push(worker);
      return worker;
    };
    const reports: JobRecord[] = [];
    const runner = new JobRunner(db, { createWorker, report: (job) => reports.push(job) });
    const job = await runner.run(await createJob(db, newJob('sandbox', 'sandbox', { seed: 1, opportunities: 500 })));
    expect(job.status).toBe('failed');
    expect(job.error).toBe('the engine worker crashed: out of memory');
    expect(job.attempts).toBe(MAX_ATTEMPTS - 1);
    expect(workers.length).toBe(MAX_ATTEMPTS);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(reports.some((r) => r.error === 'the engine worker crashed: out of memory; retrying')).toBe(true);
  });

  it('cancels a running job by stopping its worker', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    const id = await createJob(db, newJob('sandbox', 'sandbox', { seed: 2, opportunities: 20_000 }));
    const running = runner.run(id);
    // Cancelled once it runs, whatever it is doing by then (reading the store, or in the worker).
    for (let i = 0; i < 1000 && (await getJob(db, id))?.status !== 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await runner.cancel(id);
    const job = await running;
    expect(job.status).toBe('cancelled');
    expect(await getConnection(db, 'sandbox')).toBeUndefined();
  });

  it('stops a job that makes no progress, says where it stalled, and runs the next job on a fresh worker', async () => {
    const { db } = freshDb();
    const workers: Array<ReturnType<typeof threadWorker>> = [];
    // The first worker spins in the CSV parse (as a backtracking regex would); later ones are sound.
    const createWorker = (): Worker => {
      const worker = workers.length === 0 ? threadWorker(undefined, { on: 'importCsv' }) : threadWorker();
      workers.push(worker);
      return worker;
    };
    // A short bound for the hang; the sound job after it gets the real one (a worker thread's start alone can take a second here).
    const host: RunnerHost = { createWorker, report: () => undefined, stallMs: 400 };
    const runner = new JobRunner(db, host);
    const uploadId = await putUpload(db, 'hangs.csv', WON_LOST_CSV);
    const hung = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId })));
    expect(hung.status).toBe('failed');
    expect(hung.error).toMatch(/^no progress for \d+ ms while reading the CSV file: Dealsight stopped the job so that the others can run$/);
    // Not retried: the same file would hang again.
    expect(hung.attempts).toBe(0);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(true);
    expect(await db.uploads.count()).toBe(0);
    expect(await getConnection(db, 'csv')).toBeUndefined();
    delete host.stallMs;
    const next = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId: await putUpload(db, 'good.csv', WON_LOST_CSV) })));
    expect(next.error).toBeNull();
    expect(next.status).toBe('done');
    expect(workers).toHaveLength(2);
  });

  it('leaves no uploaded file behind when an import fails twice by a worker crash', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: () => threadWorker({ on: 'importCsv', message: 'out of memory' }), report: () => undefined });
    const uploadId = await putUpload(db, 'crashes.csv', WON_LOST_CSV);
    const job = await runner.run(await createJob(db, newJob('import', 'csv', { uploadId })));
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(MAX_ATTEMPTS - 1);
    expect(await db.uploads.count()).toBe(0);
  });

  it('keeps the previous models, scores and deals at risk whole when saving a training fails part way', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: channelWorker, report: () => undefined });
    const first = await runner.run(await createJob(db, newJob('sandbox', 'sandbox', { seed: 4, opportunities: 800 })));
    expect(first.status).toBe('done');
    const before = {
      model: await getModel(db, 'sandbox'),
      scores: await listPipeline(db, 'sandbox'),
      atRisk: await connectionSettings(db, 'sandbox').get('alerts.atRisk'),
    };
    expect(before.scores.length).toBeGreaterThan(0);
    // The disk fills at the last write of the save: the deals at risk, after the models and scores.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'settings' && (args[0] as { name?: string }).name === 'alerts.atRisk')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const second = await runner.run(await createJob(db, newJob('train', 'sandbox', {})));
    vi.restoreAllMocks();
    expect(second.status).toBe('failed');
    expect(second.error).toMatch(/training of "sandbox"/);
    expect(await getModel(db, 'sandbox')).toEqual(before.model);
    expect(await listPipeline(db, 'sandbox')).toEqual(before.scores);
    expect(await connectionSettings(db, 'sandbox').get('alerts.atRisk')).toEqual(before.atRisk);
  });
});
