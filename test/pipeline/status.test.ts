import { describe, expect, it } from 'vitest';
import { chooseConnection, mergeJob, pipelineStatus, recordUrl, winMissingMessage } from '../../lib/pipeline';
import type { ConnectionRecord, JobRecord, ModelRecord } from '../../lib/store/schema';

const connection = (id: string, over: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  id,
  kind: 'csv',
  label: `${id}.csv`,
  createdAt: '2026-01-01T00:00:00Z',
  syncedAt: '2026-01-02T00:00:00Z',
  dataVersion: 2,
  lastImport: null,
  ...over,
});

const model = (over: Partial<ModelRecord> = {}): ModelRecord =>
  ({
    connectionId: 'a',
    trainedAt: '2026-01-02T00:00:00Z',
    dataVersion: 2,
    asOf: '2026-01-01',
    win: {} as ModelRecord['win'],
    forecast: null,
    personas: {} as ModelRecord['personas'],
    notes: [],
    counts: { opportunities: 100, closed: 80, won: 30, lost: 50, open: 20 },
    ...over,
  }) as ModelRecord;

const job = (id: number, status: JobRecord['status'], connectionId = 'a'): JobRecord => ({
  id,
  kind: 'train',
  connectionId,
  params: {},
  status,
  step: 'Training',
  done: 1,
  total: 4,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  summary: null,
  error: status === 'failed' ? 'Worker crashed' : null,
  attempts: 0,
});

describe('pipelineStatus', () => {
  it('says which screen to show', () => {
    const c = connection('a');
    expect(pipelineStatus({ connection: null, model: null, rowCount: 0, jobs: [] }).screen).toBe('no-connection');
    expect(pipelineStatus({ connection: c, model: null, rowCount: 0, jobs: [] }).screen).toBe('not-scored');
    expect(pipelineStatus({ connection: c, model: model({ win: null }), rowCount: 0, jobs: [] }).screen).toBe('not-enough-data');
    expect(pipelineStatus({ connection: c, model: model(), rowCount: 0, jobs: [] }).screen).toBe('no-open-deals');
    expect(pipelineStatus({ connection: c, model: model(), rowCount: 5, jobs: [] }).screen).toBe('pipeline');
  });

  it('shows the first import in progress before any connection exists', () => {
    const status = pipelineStatus({ connection: null, model: null, rowCount: 0, jobs: [job(2, 'queued', 'sandbox'), job(1, 'running', 'sandbox')] });
    expect(status.screen).toBe('no-connection');
    expect(status.activeJob?.id).toBe(1);
  });

  it('flags models trained on older data', () => {
    expect(pipelineStatus({ connection: connection('a', { dataVersion: 3 }), model: model(), rowCount: 5, jobs: [] }).outOfDate).toBe(true);
    expect(pipelineStatus({ connection: connection('a'), model: model(), rowCount: 5, jobs: [] }).outOfDate).toBe(false);
  });

  it("picks the connection's running job, else its next queued one, and its failure", () => {
    const jobs = [job(5, 'queued'), job(4, 'running', 'b'), job(3, 'queued'), job(2, 'done')];
    expect(pipelineStatus({ connection: connection('a'), model: model(), rowCount: 1, jobs }).activeJob?.id).toBe(3);
    const running = [job(6, 'running'), ...jobs];
    expect(pipelineStatus({ connection: connection('a'), model: model(), rowCount: 1, jobs: running }).activeJob?.id).toBe(6);
    const failed = [job(7, 'failed'), job(6, 'done')];
    expect(pipelineStatus({ connection: connection('a'), model: model(), rowCount: 1, jobs: failed }).failedJob?.id).toBe(7);
    const recovered = [job(8, 'done'), job(7, 'failed')];
    expect(pipelineStatus({ connection: connection('a'), model: model(), rowCount: 1, jobs: recovered }).failedJob).toBeNull();
  });

  it("explains a missing win model with the model's note, else from its counts", () => {
    const note = 'Not enough closed deals to predict wins yet: 12 won and 30 lost so far; 8 more won deals needed (at least 20 of each).';
    expect(winMissingMessage(model({ win: null, notes: ['Personas: few wins', note] }))).toBe(note);
    expect(winMissingMessage(model({ win: null, notes: [], counts: { opportunities: 30, closed: 25, won: 5, lost: 20, open: 5 } }))).toBe(
      'Not enough closed deals to predict wins yet: 5 won and 20 lost so far; 15 more won deals needed (at least 20 of each).',
    );
    expect(pipelineStatus({ connection: connection('a'), model: model({ win: null, notes: [note] }), rowCount: 3, jobs: [] }).winMessage).toBe(note);
  });
});

describe('mergeJob', () => {
  it('replaces a job by id and keeps the newest first', () => {
    const merged = mergeJob([job(2, 'queued'), job(1, 'done')], { ...job(2, 'running'), done: 3 });
    expect(merged.map((j) => [j.id, j.status, j.done])).toEqual([
      [2, 'running', 3],
      [1, 'done', 1],
    ]);
    expect(mergeJob(merged, job(3, 'queued')).map((j) => j.id)).toEqual([3, 2, 1]);
  });
});

describe('chooseConnection', () => {
  const list = [
    connection('old', { syncedAt: '2026-01-01T00:00:00Z' }),
    connection('new', { syncedAt: '2026-03-01T00:00:00Z' }),
    connection('never', { syncedAt: null, createdAt: '2026-04-01T00:00:00Z' }),
  ];
  it('keeps the remembered one, else the latest synced', () => {
    expect(chooseConnection(list, 'old')?.id).toBe('old');
    expect(chooseConnection(list, 'deleted')?.id).toBe('new');
    expect(chooseConnection(list, null)?.id).toBe('new');
    expect(chooseConnection([], 'old')).toBeNull();
  });
});

describe('recordUrl', () => {
  const detail = 'chrome-extension://abc/detail.html';
  it('opens the CRM record, else the detail page', () => {
    expect(recordUrl({ connectionId: 'salesforce:00D', id: '006x', crmUrl: 'https://acme.my.salesforce.com/006x' }, detail)).toBe(
      'https://acme.my.salesforce.com/006x',
    );
    expect(recordUrl({ connectionId: 'csv', id: 'opp 7&x', crmUrl: null }, detail)).toBe(`${detail}?c=csv&id=opp%207%26x`);
  });

  it('never follows a URL that is not http(s)', () => {
    expect(recordUrl({ connectionId: 'csv', id: '1', crmUrl: 'javascript:alert(1)' }, detail)).toBe(`${detail}?c=csv&id=1`);
    expect(recordUrl({ connectionId: 'csv', id: '1', crmUrl: 'not a url' }, detail)).toBe(`${detail}?c=csv&id=1`);
  });
});
