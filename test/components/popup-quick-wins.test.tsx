// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import type { PopupData, PopupSource } from '../../entrypoints/popup/source';
import { DEFAULT_VIEW, EMPTY_FILTERS, type PipelineView } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import type { ConnectionRecord, ModelRecord } from '../../lib/store/schema';
import { all, click, keyDown, mount, one, settle, text, type Mounted } from '../pipeline/dom';
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

// 4 won of 8 closed: a 50% win rate, so a quick win needs 1.5 × 50% = 75% Win Potential.
const model = {
  connectionId: 'csv',
  trainedAt: new Date().toISOString(),
  dataVersion: 1,
  asOf: '2026-01-01',
  win: {},
  forecast: null,
  personas: {},
  notes: [],
  counts: { opportunities: 13, closed: 8, won: 4, lost: 4, open: 5 },
} as unknown as ModelRecord;

const rows: PipelineRow[] = [
  row({
    id: 'q1',
    connectionId: 'csv',
    name: 'Small sure thing',
    owner: 'Ana Ruiz',
    amount: 1000,
    winPotential: 0.8,
    winBand: 'high',
    predictedClose: '2026-01-20',
    health: 'on-track',
  }),
  row({
    id: 'q2',
    connectionId: 'csv',
    name: 'Big sure thing',
    owner: 'Bo Ek',
    amount: 5000,
    winPotential: 0.9,
    winBand: 'high',
    predictedClose: '2026-01-10',
    health: 'on-track',
  }),
  row({ id: 'n1', connectionId: 'csv', name: 'Under the bar', amount: 9000, winPotential: 0.7, winBand: 'high', predictedClose: '2026-01-10' }),
  row({
    id: 'n2',
    connectionId: 'csv',
    name: 'Stalled',
    amount: 9000,
    winPotential: 0.95,
    winBand: 'high',
    predictedClose: '2026-01-10',
    daysInStage: 40,
    stalled: true,
  }),
  row({ id: 'n3', connectionId: 'csv', name: 'Too far off', amount: 9000, winPotential: 0.9, winBand: 'high', predictedClose: '2026-03-01' }),
];

function source(calls: string[], view: PipelineView = DEFAULT_VIEW): PopupSource {
  const data: PopupData = { connections: [connection], connection, model, rows, segments: [], jobs: [], me: null };
  return {
    loadView: async () => view,
    saveView: async () => undefined,
    load: async () => data,
    saveMe: async () => undefined,
    saveSegment: async () => [],
    deleteSegment: async () => [],
    subscribe: () => () => undefined,
    ping: async () => '1.2.3',
    openRecord: async (r) => void calls.push(`open ${r.id}`),
    openOptions: async () => undefined,
    retrain: async () => undefined,
  };
}

const tab = (root: HTMLElement, key: string): HTMLElement => one(root, `[role="tab"][data-view="${key}"]`);

describe('the popup’s quick wins tab', () => {
  it('sits beside the pipeline, lists the quick wins by expected value, states the rule, and opens a record', async () => {
    const calls: string[] = [];
    mounted = mount(<App source={source(calls)} />);
    await settle();
    expect(tab(mounted.container, 'pipeline').getAttribute('aria-selected')).toBe('true');
    expect(all(mounted.container, '[role="row"][data-row]')).toHaveLength(5);
    const rule = 'Win Potential at least 75% (1.5 × the org’s 50% win rate, at least 50%), expected to close within 30 days, not stalled and not at risk';
    expect(tab(mounted.container, 'quick-wins').getAttribute('title')).toContain(rule);

    click(tab(mounted.container, 'quick-wins'));
    await settle(1);
    expect(tab(mounted.container, 'quick-wins').getAttribute('aria-selected')).toBe('true');
    expect(mounted.container.querySelector('[role="grid"]')).toBeNull();
    expect(text(one(mounted.container, '[data-testid="quick-wins-rule"]'))).toContain(rule);
    const wins = all(mounted.container, '[data-quick-win]');
    expect(wins.map((w) => w.getAttribute('data-quick-win'))).toEqual(['q2', 'q1']);
    expect(text(wins[0] as HTMLElement)).toContain('Big sure thing');

    click(wins[1] as HTMLElement);
    await settle(1);
    expect(calls).toEqual(['open q1']);
    // No filter narrows: nothing said about filters.
    expect(mounted.container.querySelector('[data-testid="quick-wins-filtered"]')).toBeNull();
  });

  it('picks among the deals the popup’s filters keep, says so, and clears them', async () => {
    const view: PipelineView = { connectionId: 'csv', filters: { ...EMPTY_FILTERS, owner: 'Ana Ruiz' }, sort: DEFAULT_VIEW.sort };
    mounted = mount(<App source={source([], view)} />);
    await settle();
    expect(all(mounted.container, '[role="row"][data-row]')).toHaveLength(1);
    click(tab(mounted.container, 'quick-wins'));
    await settle(1);
    // Bo Ek's bigger deal is left out with the owner filter: Ana Ruiz's is the one quick win.
    expect(all(mounted.container, '[data-quick-win]').map((w) => w.getAttribute('data-quick-win'))).toEqual(['q1']);
    const note = one(mounted.container, '[data-testid="quick-wins-filtered"]');
    expect(text(note)).toContain('Among the 1 of 5 open deals the pipeline’s filters keep.');
    click(one(note, 'button'));
    await settle(1);
    expect(all(mounted.container, '[data-quick-win]').map((w) => w.getAttribute('data-quick-win'))).toEqual(['q2', 'q1']);
    expect(mounted.container.querySelector('[data-testid="quick-wins-filtered"]')).toBeNull();
    // The pipeline's filters were cleared too: one set of filters for both views.
    click(tab(mounted.container, 'pipeline'));
    await settle(1);
    expect(all(mounted.container, '[role="row"][data-row]')).toHaveLength(5);
  });

  it('moves between the views with the arrow keys', async () => {
    mounted = mount(<App source={source([])} />);
    await settle();
    keyDown(tab(mounted.container, 'pipeline'), 'ArrowRight');
    await settle(1);
    expect(tab(mounted.container, 'quick-wins').getAttribute('aria-selected')).toBe('true');
    keyDown(tab(mounted.container, 'quick-wins'), 'ArrowLeft');
    await settle(1);
    expect(all(mounted.container, '[role="row"][data-row]')).toHaveLength(5);
  });
});
