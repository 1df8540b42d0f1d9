// @vitest-environment happy-dom
/**
 * The quality page's states and plots, rendered with a fake source: every number drawn
 * comes from a quality report the engine computed on a small seeded data set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { coord, DEFAULT_BOX as BOX, plotX, plotY } from '../../components/charts/plot';
import type { QualityPageData } from '../../components/quality/types';
import { App as QualityApp } from '../../entrypoints/quality/App';
import type { QualitySource } from '../../entrypoints/quality/source';
import { addDays, type Opportunity } from '../../lib/crm/opportunity';
import { formatMoney, formatPercent } from '../../lib/format';
import { qualityReport, type QualityReport } from '../../lib/engine/quality';
import { checkSufficiency } from '../../lib/engine/sufficiency';
import { WinModel } from '../../lib/engine/win';
import type { EventToPage } from '../../lib/messages';
import type { ConnectionRecord, ModelRecord } from '../../lib/store/schema';
import { blankOpportunity } from '../../lib/crm/opportunity';
import { Random } from '../../lib/seeded/random';
import { all, click, keyDown, mount, one, settle, text, type Mounted } from '../pipeline/dom';
import { row } from '../pipeline/fixtures';
import { persona } from '../store/helpers';

let mounted: Mounted | null = null;
afterEach(async () => {
  mounted?.unmount();
  mounted = null;
  history.replaceState(null, '', '/');
  // happy-dom dispatches hashchange for replaceState, later: let it pass before the next test mounts.
  await new Promise((done) => setTimeout(done, 20));
});

/** The text of every text node, joined by spaces (cells and labels read apart, as a screen reader would). */
function words(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else node.childNodes.forEach(walk);
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * test/engine/helpers.ts's planted-driver deals (Enterprise wins 85%, SMB 15%), made here:
 * that module reads files by `import.meta.url`, which happy-dom does not give as a file URL.
 */
function drivenDeals(count: number, seed: number, closed = true): Opportunity[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const enterprise = i % 2 === 0;
    const won = random.bernoulli(enterprise ? 0.85 : 0.15);
    return {
      ...blankOpportunity(`${closed ? 'c' : 'o'}${seed}-${i}`, 'csv'),
      isClosed: closed,
      isWon: closed && won,
      attributes: {
        segment: enterprise ? 'Enterprise' : 'SMB',
        region: random.pick(['North', 'South', 'East', 'West']),
        employees: Math.round(random.uniform(10, 5000)),
      },
    };
  });
}

const closed: Opportunity[] = drivenDeals(200, 3).map((o, i) => ({ ...o, closeDate: addDays('2024-01-01', i) }));
const open: Opportunity[] = drivenDeals(40, 4, false).map((o) => ({ ...o, attributes: { ...o.attributes, segment: 'SMB' } }));
const report: QualityReport = qualityReport([...open, ...closed], { win: WinModel.train(closed, { encoder: { open } }) });
const backtest = report.backtest!;

const connection: ConnectionRecord = {
  id: 'csv',
  kind: 'csv',
  label: 'deals.csv',
  createdAt: '2026-01-01T00:00:00Z',
  syncedAt: '2026-01-01T00:00:00Z',
  dataVersion: 1,
  lastImport: null,
};

function model(quality: QualityReport | null | undefined, counts = { opportunities: 240, closed: 200, won: 100, lost: 100, open: 40 }): ModelRecord {
  return {
    connectionId: 'csv',
    trainedAt: new Date().toISOString(),
    dataVersion: 1,
    asOf: '2024-07-18',
    win: null,
    forecast: null,
    personas: { org: null, teams: [] } as unknown as ModelRecord['personas'],
    notes: [],
    counts,
    ...(quality === undefined ? {} : { quality }),
  };
}

const evil = '<img src=x onerror="alert(1)">';
const openRows = [
  row({ id: 'a', connectionId: 'csv', personaId: 'p1', personaName: evil, type: 'renewal', territory: 'EMEA', amount: 1000, winPotential: 0.05 }),
  row({ id: 'b', connectionId: 'csv', personaId: 'p1', personaName: evil, type: 'renewal', territory: 'EMEA', amount: 2000, winPotential: 0.55 }),
  row({ id: 'c', connectionId: 'csv', personaId: null, personaName: null, type: 'upsell', territory: null, amount: 500, winPotential: 0.57 }),
  row({ id: 'd', connectionId: 'csv', winPotential: null }),
];

interface Fake extends QualitySource {
  calls: string[];
  emit(event: EventToPage): void;
  resolve(): void;
}

function fakeSource(data: () => QualityPageData | Error, options: { manual?: boolean } = {}): Fake {
  const listeners: Array<(event: EventToPage) => void> = [];
  let release: () => void = () => undefined;
  const fake: Fake = {
    calls: [],
    async load(preferred) {
      fake.calls.push(`load:${preferred}`);
      if (options.manual) await new Promise<void>((done) => (release = done));
      const result = data();
      if (result instanceof Error) throw result;
      return result;
    },
    subscribe(listener) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    async openOptions() {
      fake.calls.push('options');
    },
    async retrain(id) {
      fake.calls.push(`retrain:${id}`);
    },
    async saveSegment(name) {
      fake.calls.push(`save-segment:${name}`);
      return [];
    },
    async deleteSegment(id) {
      fake.calls.push(`delete-segment:${id}`);
      return [];
    },
    async saveMe(id, name) {
      fake.calls.push(`me:${id}:${name}`);
    },
    emit: (event) => listeners.forEach((l) => l(event)),
    resolve: () => release(),
  };
  return fake;
}

const ready = (m: ModelRecord | null, rows = openRows): QualityPageData => ({
  connections: [connection],
  connection,
  model: m,
  openRows: rows,
  personas: [persona('csv', 'p1')],
});

async function show(source: QualitySource, tab: 'quality' | 'insights' = 'quality'): Promise<HTMLElement> {
  mounted = mount(<QualityApp source={source} initialTab={tab} />);
  await settle();
  return mounted.container;
}

describe('quality page states', () => {
  it('shows a loading state until the store answers', async () => {
    const source = fakeSource(() => ready(model(report)), { manual: true });
    const page = await show(source);
    expect(one(page, '[data-state="loading"] [role="status"]').textContent).toBe('Loading the quality report…');
    source.resolve();
    await settle();
    expect(page.querySelector('[data-state="loading"]')).toBeNull();
    expect(page.querySelector('[data-panel="backtest"]')).not.toBeNull();
  });

  it('shows the error with a retry that loads again', async () => {
    let fail = true;
    const source = fakeSource(() => (fail ? new Error('IndexedDB is blocked') : ready(model(report))));
    const page = await show(source);
    expect(text(one(page, '[data-state="error"]'))).toContain('IndexedDB is blocked');
    expect(one(page, '[role="alert"]')).toBeTruthy();
    fail = false;
    click(one(page, '[data-state="error"] button'));
    await settle();
    expect(source.calls).toEqual(['load:null', 'load:null']);
    expect(page.querySelector('[data-panel="backtest"]')).not.toBeNull();
  });

  it('says there is no data, with a button to the settings', async () => {
    const source = fakeSource(() => ({ connections: [], connection: null, model: null, openRows: [], personas: [] }));
    const page = await show(source);
    expect(text(one(page, '[data-state="no-data"]'))).toContain('No data yet');
    click(one(page, '[data-state="no-data"] button'));
    await settle();
    expect(source.calls).toContain('options');
  });

  it('says the connection is not trained yet', async () => {
    const page = await show(fakeSource(() => ready(null)));
    expect(words(one(page, '[data-state="not-trained"]'))).toBe(
      'Not trained yet deals.csv has data but no trained models yet. Training runs after every import or sync. Open settings',
    );
  });

  it('offers a retrain when the models predate the quality report', async () => {
    const source = fakeSource(() => ready(model(undefined)));
    const page = await show(source);
    click(one(page, '[data-state="no-report"] button'));
    await settle();
    expect(source.calls).toContain('retrain:csv');
    expect(text(one(page, 'p[role="status"]'))).toBe('Retraining started: the report refreshes when it is done.');
  });

  it('makes the sufficiency meter the page when there are too few closed deals', async () => {
    const small: QualityReport = {
      ...report,
      sufficiency: checkSufficiency(7, 31),
      backtest: null,
      backtestMessage: checkSufficiency(7, 31).message,
      importance: [],
      drift: null,
      driftMessage: 'no model',
    };
    const page = await show(fakeSource(() => ready(model(small))));
    const state = one(page, '[data-state="not-enough-data"]');
    expect(
      all(state, '[role="meter"]').map((m) => [
        m.getAttribute('aria-label'),
        m.getAttribute('aria-valuenow'),
        m.getAttribute('aria-valuemax'),
        m.getAttribute('aria-valuetext'),
      ]),
    ).toEqual([
      ['Won deals', '7', '20', '7 of 20'],
      ['Lost deals', '20', '20', '31 of 20'],
    ]);
    expect(words(one(state, '[data-meter="wins"]'))).toBe('Won deals 7 of 20 · 13 more needed');
    expect(words(one(state, '[data-meter="losses"]'))).toBe('Lost deals 31 (at least 20) · Enough');
    expect(text(state)).toContain('Not enough closed deals to predict wins yet: 7 won and 31 lost so far; 13 more won deals needed (at least 20 of each).');
    expect(page.querySelector('[data-panel="backtest"]')).toBeNull();
  });

  it('warns when the data changed since the training', async () => {
    const page = await show(fakeSource(() => ({ ...ready(model(report)), connection: { ...connection, dataVersion: 2 } })));
    expect(text(one(page, '[data-banner="out-of-date"]'))).toContain('The data changed since this training');
  });

  it('reloads when a job finishes', async () => {
    const source = fakeSource(() => ready(model(report)));
    await show(source);
    source.emit({
      type: 'job',
      job: {
        id: 1,
        kind: 'train',
        connectionId: 'csv',
        status: 'running',
        step: null,
        done: 0,
        total: 0,
        createdAt: '',
        startedAt: null,
        finishedAt: null,
        summary: null,
        error: null,
        attempts: 0,
        params: {},
      },
    });
    await new Promise((done) => setTimeout(done, 300));
    expect(source.calls).toEqual(['load:null']);
    source.emit({ type: 'data-changed', connectionId: 'csv' });
    await new Promise((done) => setTimeout(done, 300));
    await settle();
    expect(source.calls).toEqual(['load:null', 'load:csv']);
  });
});

describe('model quality tab', () => {
  it('states the backtest in plain words and tiles, from the report', async () => {
    const page = await show(fakeSource(() => ready(model(report))));
    const pct = (x: number): string => formatPercent(x);
    expect(words(one(page, '[data-testid="backtest-words"]'))).toBe(
      `Had you used Dealsight on the 40 deals closed since ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${backtest.since}T00:00:00Z`))}, with a model trained only on the 160 deals closed before them: ` +
        `the top-scored fifth of those deals (8) won ${pct(backtest.topFifth.rate)} of the time, against ${pct(backtest.overall.rate)} for all of them and ${pct(backtest.bottomFifth.rate)} for the bottom fifth; ` +
        `given one won and one lost deal, Dealsight scored the won one higher ${pct(backtest.win.auc)} of the time (50% would be a coin toss); ` +
        `the calibration says: it predicted ${pct(backtest.meanPredicted)} wins on average and ${pct(backtest.observedRate)} were won; band by band, its probabilities were off by ${(Math.round(backtest.calibrationError * 1000) / 10).toString()} points on average.`,
    );
    expect(text(one(page, '[data-metric="auc"] [data-value]'))).toBe(backtest.win.auc.toFixed(3));
    expect(text(one(page, '[data-metric="brier"] [data-value]'))).toBe(backtest.win.brier.toFixed(3));
    expect(text(one(page, '[data-metric="brier"]'))).toContain(`the base rate alone scores ${backtest.baseline.brier.toFixed(3)}`);
    expect(words(one(page, '[data-metric="test"]'))).toBe('Deals tested 40 Trained on the 160 older ones');
  });

  it('plots one calibration point per non-empty bin, where the report puts it', async () => {
    const page = await show(fakeSource(() => ready(model(report))));
    const svg = one(page, 'svg[data-chart="calibration"]');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Reliability curve of the 40 test deals: predicted win probability across, share won up, one point per band of 10 points',
    );
    const bins = backtest.calibration.filter((b) => b.count > 0);
    const circles = all(svg, 'circle');
    expect(circles).toHaveLength(bins.length);
    circles.forEach((circle, i) => {
      const bin = bins[i]!;
      expect(Number(circle.getAttribute('cx'))).toBe(coord(plotX(BOX, bin.meanPredicted)));
      expect(Number(circle.getAttribute('cy'))).toBe(coord(plotY(BOX, bin.observedRate)));
      expect(Number(circle.getAttribute('data-count'))).toBe(bin.count);
      expect(circle.querySelector('title')?.textContent).toBe(
        bin.count === 1
          ? `${Math.round(bin.from * 100)}%–${Math.round(bin.to * 100)}%: 1 deal, predicted ${Math.round(bin.meanPredicted * 100)}%, ${Math.round(bin.observedRate * 100)}% won`
          : `${Math.round(bin.from * 100)}%–${Math.round(bin.to * 100)}%: ${bin.count} deals, predicted ${Math.round(bin.meanPredicted * 100)}% on average, ${Math.round(bin.observedRate * 100)}% won`,
      );
    });
    // The polyline joins the same points, in order.
    expect(one(svg, 'polyline').getAttribute('points')).toBe(circles.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`).join(' '));
  });

  it('draws the lift by decile from the report, with the overall rate as reference and a table', async () => {
    const page = await show(fakeSource(() => ready(model(report))));
    const rects = all(page, 'svg[data-chart="lift"] rect[data-value]');
    expect(rects.map((r) => Number(r.getAttribute('data-value')))).toEqual(backtest.lift.map((b) => b.rate));
    rects.forEach((r, i) => expect(Number(r.getAttribute('height'))).toBeCloseTo(plotY(BOX, 0) - plotY(BOX, backtest.lift[i]!.rate), 1));
    expect(Number(one(page, 'svg[data-chart="lift"] [data-series="reference"]').getAttribute('data-value'))).toBe(backtest.overall.rate);
    const cells = all(page, '[data-testid="lift-table"] tbody tr').map((tr) => words(tr));
    expect(cells[0]).toBe(`1 4 ${Math.round(backtest.lift[0]!.rate * 100)}% ${backtest.lift[0]!.lift.toFixed(2).replace(/\.?0+$/, '')} ×`);
  });

  it('lists the feature importance and names the attributes that moved in the drift warning', async () => {
    const page = await show(fakeSource(() => ready(model(report))));
    expect(all(page, '[data-testid="importance"] [data-feature]').map((li) => li.getAttribute('data-feature'))).toEqual(report.importance.map((f) => f.key));
    expect(words(one(page, '[data-testid="importance"] li'))).toBe(`segment ${Math.round(report.importance[0]!.importance * 100)}%`);
    // Every open deal is SMB, half the closed ones were Enterprise.
    expect(report.drift?.moved).toEqual(['segment']);
    expect(text(one(page, '[data-banner="drift-warning"]'))).toContain('Moved: segment.');
    const segment = one(page, '[data-testid="drift-table"] [data-feature="attr:segment"]');
    expect(segment.getAttribute('data-level')).toBe('moved');
    expect(words(segment)).toBe(`segment ${report.drift!.features[0]!.psi.toFixed(3)} Moved Enterprise: 50% of closed, 0% of open`);
  });
});

describe('pipeline insights tab', () => {
  it('opens from the tab list (arrow keys too) and keeps the tab in the hash', async () => {
    const page = await show(fakeSource(() => ready(model(report))));
    const tabs = all(page, '[role="tab"]');
    expect(tabs.map((t) => [text(t), t.getAttribute('aria-selected')])).toEqual([
      ['Model quality', 'true'],
      ['Pipeline insights', 'false'],
    ]);
    keyDown(tabs[0]!, 'ArrowRight');
    expect(one(page, '[role="tab"][aria-selected="true"]').textContent).toBe('Pipeline insights');
    expect(location.hash).toBe('#insights');
    expect(page.querySelector('svg[data-chart="score-histogram"]')).not.toBeNull();
    click(one(page, '[role="tab"][data-tab="quality"]'));
    expect(location.hash).toBe('#quality');
  });

  it('draws the Win Potential histogram from the open rows and counts the unscored ones', async () => {
    const page = await show(
      fakeSource(() => ready(model(report))),
      'insights',
    );
    const bars = all(page, 'svg[data-chart="score-histogram"] rect[data-value]').map((r) => Number(r.getAttribute('data-value')));
    expect(bars).toEqual([1, 0, 0, 0, 0, 2, 0, 0, 0, 0]);
    expect(text(one(page, '[data-panel="score-histogram"]'))).toContain('1 open deal has no Win Potential.');
    expect(text(one(page, '[data-panel="score-histogram"]'))).toContain('3 open deals scored; half are above 55%.');
  });

  it('breaks the pipeline down by persona, type and territory, rendering CRM text as text', async () => {
    const page = await show(
      fakeSource(() => ready(model(report))),
      'insights',
    );
    const persona = all(page, '[data-testid="breakdown-persona"] tbody tr').map((tr) => words(tr));
    const usd = (x: number): string => formatMoney(x, 'USD', { compact: true });
    // Two EMEA renewals of one persona: $3,000, Win Potential 5% and 55% (mean 30%), expected 0.05·1000 + 0.55·2000.
    expect(persona).toEqual([`${evil} 2 ${usd(3000)} 30% ${usd(1150)}`, `(no persona) 2 ${usd(500)} 57% ${usd(285)}`]);
    expect(page.querySelector('img')).toBeNull();
    expect(all(page, '[data-testid="breakdown-type"] tbody tr').map((tr) => tr.getAttribute('data-group'))).toEqual(['renewal', 'upsell', '']);
    expect(all(page, '[data-testid="breakdown-territory"] tbody tr th').map((th) => text(th))).toEqual(['EMEA', '(no territory)']);
    expect(words(one(page, '[data-testid="persona-win-rates"] [data-persona="p1"]'))).toBe('Persona p1 60% of 10 closed 2 open deals');
    expect(text(one(page, '[data-panel="persona-win-rates"]'))).toContain('All closed deals: 50%.');
  });

  it('says so when there are no open deals', async () => {
    const page = await show(
      fakeSource(() => ready(model(report), [])),
      'insights',
    );
    expect(text(one(page, '[data-state="no-open-deals"]'))).toBe('There are no open deals in deals.csv.');
  });
});
