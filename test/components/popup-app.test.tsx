// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import type { PopupData, PopupSource } from '../../entrypoints/popup/source';
import type { EventToPage } from '../../lib/messages';
import { DEFAULT_VIEW, type PipelineView } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import type { ConnectionRecord, JobRecord, ModelRecord } from '../../lib/store/schema';
import { all, click, mount, one, settle, text, type Mounted } from '../pipeline/dom';
import { row } from '../pipeline/fixtures';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const connection: ConnectionRecord = {
  id: 'csv',
  kind: 'csv',
  label: 'deals.csv',
  createdAt: '2026-01-01T00:00:00Z',
  syncedAt: '2026-01-01T00:00:00Z',
  dataVersion: 1,
  lastImport: null,
};

const model = (over: Partial<ModelRecord> = {}): ModelRecord =>
  ({
    connectionId: 'csv',
    trainedAt: new Date().toISOString(),
    dataVersion: 1,
    asOf: '2026-01-01',
    win: {},
    forecast: null,
    personas: {},
    notes: [],
    counts: { opportunities: 10, closed: 8, won: 4, lost: 4, open: 2 },
    ...over,
  }) as ModelRecord;

const rows: PipelineRow[] = [
  row({ id: 'a', connectionId: 'csv', name: 'Acme', winPotential: 0.3, winBand: 'low' }),
  row({ id: 'b', connectionId: 'csv', name: 'Bolt', winPotential: 0.7, winBand: 'high' }),
];

interface Fake extends PopupSource {
  calls: string[];
  emit(event: EventToPage): void;
  saved: PipelineView[];
}

function fakeSource(data: Partial<PopupData> | (() => Promise<PopupData>)): Fake {
  const listeners = new Set<(event: EventToPage) => void>();
  const calls: string[] = [];
  const saved: PipelineView[] = [];
  const full: PopupData = {
    connections: [connection],
    connection,
    model: model(),
    rows,
    segments: [],
    jobs: [],
    me: null,
    ...(typeof data === 'function' ? {} : data),
  };
  return {
    calls,
    saved,
    emit: (event) => listeners.forEach((l) => l(event)),
    loadView: async () => DEFAULT_VIEW,
    saveView: async (view) => void saved.push(view),
    load: async () => {
      calls.push('load');
      return typeof data === 'function' ? data() : full;
    },
    saveMe: async () => undefined,
    saveSegment: async () => [],
    deleteSegment: async () => [],
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ping: async () => '1.2.3',
    openRecord: async (r) => void calls.push(`open ${r.id}`),
    openOptions: async () => void calls.push('options'),
    retrain: async (id) => void calls.push(`retrain ${id}`),
  };
}

const job = (over: Partial<JobRecord>): JobRecord => ({
  id: 9,
  kind: 'train',
  connectionId: 'csv',
  params: {},
  status: 'running',
  step: 'Training Win Potential',
  done: 25,
  total: 100,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  summary: null,
  error: null,
  attempts: 0,
  ...over,
});

const state = (root: HTMLElement, name: string): HTMLElement | null => root.querySelector<HTMLElement>(`[data-state="${name}"]`);

describe('the popup', () => {
  it('shows loading, then the ranked pipeline and the background status', async () => {
    const source = fakeSource({});
    mounted = mount(<App source={source} />);
    expect(state(mounted.container, 'loading')).not.toBeNull();
    await settle();
    expect(all(mounted.container, '[role="row"][data-row]').map((r) => text(one(r, '[role="gridcell"] div')))).toEqual(['Bolt', 'Acme']);
    expect(text(one(mounted.container, '[data-testid="status"]'))).toBe('Background ready · v1.2.3');
    click(all(mounted.container, '[role="row"][data-row]')[1] as HTMLElement);
    await settle(1);
    expect(source.calls).toContain('open a');
  });

  it('without data, offers the options page to import a CSV or try the sandbox', async () => {
    const source = fakeSource({ connections: [], connection: null, model: null, rows: [] });
    mounted = mount(<App source={source} />);
    await settle();
    const empty = state(mounted.container, 'empty') as HTMLElement;
    expect(text(empty)).toContain('No pipeline yet');
    click(one(empty, 'button'));
    await settle(1);
    expect(source.calls).toContain('options');
  });

  it('says how many more wins and losses Win Potential needs', async () => {
    const note = 'Not enough closed deals to predict wins yet: 4 won and 4 lost so far; 16 more won deals and 16 more lost deals needed (at least 20 of each).';
    mounted = mount(<App source={fakeSource({ model: model({ win: null, notes: [note] }), rows: [] })} />);
    await settle();
    const panel = state(mounted.container, 'not-enough-data') as HTMLElement;
    expect(text(panel)).toContain(note);
    expect(text(panel)).toContain('Trained on 4 won and 4 lost deals.');
  });

  it('keeps the pipeline but warns when rows have no Win Potential yet', async () => {
    const note = 'Not enough closed deals to predict wins yet: 4 won and 30 lost so far; 16 more won deals needed (at least 20 of each).';
    mounted = mount(<App source={fakeSource({ model: model({ win: null, notes: [note] }) })} />);
    await settle();
    expect(text(state(mounted.container, 'not-enough-data') as HTMLElement)).toContain(note);
    expect(all(mounted.container, '[role="row"][data-row]')).toHaveLength(2);
  });

  it('flags scores older than the data, and retrains on request', async () => {
    const source = fakeSource({ connection: { ...connection, dataVersion: 2 }, connections: [{ ...connection, dataVersion: 2 }] });
    mounted = mount(<App source={source} />);
    await settle();
    const banner = state(mounted.container, 'out-of-date') as HTMLElement;
    expect(text(banner)).toContain('Scores are out of date');
    click(one(banner, 'button'));
    await settle(1);
    expect(source.calls).toContain('retrain csv');
  });

  it("follows a job's progress from events and reloads when it is done", async () => {
    const source = fakeSource({});
    mounted = mount(<App source={source} />);
    await settle();
    source.emit({ type: 'job', job: job({}) });
    await settle(1);
    const bar = one(mounted.container, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(text(state(mounted.container, 'job') as HTMLElement)).toContain('Training Win Potential');
    source.emit({ type: 'job', job: job({ done: 60 }) });
    await settle(1);
    expect(one(mounted.container, '[role="progressbar"]').getAttribute('aria-valuenow')).toBe('60');
    const loads = source.calls.filter((c) => c === 'load').length;
    source.emit({ type: 'job', job: job({ status: 'done', done: 100 }) });
    await new Promise((done) => setTimeout(done, 300));
    await settle();
    expect(source.calls.filter((c) => c === 'load').length).toBe(loads + 1);
  });

  it('shows a store error in words, and tries again', async () => {
    let fail = true;
    const source = fakeSource(async () => {
      if (fail) throw new Error('Dealsight could not read the pipeline of "csv": the database is blocked.');
      return { connections: [connection], connection, model: model(), rows, segments: [], jobs: [], me: null };
    });
    mounted = mount(<App source={source} />);
    await settle();
    const error = state(mounted.container, 'error') as HTMLElement;
    expect(text(error)).toContain('the database is blocked');
    fail = false;
    click(one(error, 'button'));
    await settle();
    expect(all(mounted.container, '[role="row"][data-row]')).toHaveLength(2);
  });

  it('remembers the sort', async () => {
    const source = fakeSource({});
    mounted = mount(<App source={source} />);
    await settle();
    const amount = all(mounted.container, '[role="columnheader"] button').find((b) => b.getAttribute('aria-label') === 'Amount') as HTMLElement;
    click(amount);
    await new Promise((done) => setTimeout(done, 450));
    await settle(1);
    expect(source.saved.at(-1)?.sort).toEqual({ column: 'amount', direction: 'asc' });
    expect(source.saved.at(-1)?.connectionId).toBe('csv');
  });
});
