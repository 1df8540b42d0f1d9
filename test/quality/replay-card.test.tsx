// @vitest-environment happy-dom
/**
 * The quality page's replay card (issue 18): the replay backtest of a sandbox org drawn as
 * each contender's AUC over the past days, and the days together as a table.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { linePoints } from '../../components/charts/LineChart';
import { coord, DEFAULT_BOX as BOX, plotX, plotY } from '../../components/charts/plot';
import { ReplayCard } from '../../components/quality/ReplayCard';
import { LocaleProvider } from '../../components/ui/locale';
import { replayBacktest } from '../../lib/engine/asof/replay';
import { generateSandbox } from '../../lib/sandbox/generate';
import { all, mount, one, text, type Mounted } from '../pipeline/dom';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('linePoints', () => {
  it('spreads the days evenly across the plot and puts each value at its height between min and max', () => {
    const points = linePoints([{ name: 'a', label: 'A', values: [0.5, null, 1], stroke: '', fill: '', marker: 'circle' }], 3, 0.5, 1);
    expect(points).toEqual([
      { series: 'a', index: 0, value: 0.5, x: coord(plotX(BOX, 0)), y: coord(plotY(BOX, 0)) },
      { series: 'a', index: 2, value: 1, x: coord(plotX(BOX, 1)), y: coord(plotY(BOX, 1)) },
    ]);
  });
});

describe('ReplayCard', () => {
  const org = generateSandbox({ seed: 7, opportunities: 2500 });
  const replay = replayBacktest(org.opportunities, { points: 4, stepDays: 60 });

  it('draws one line per contender with a point per day, and the pooled scores in the table', () => {
    mounted = mount(
      <LocaleProvider locale="en-US">
        <ReplayCard replay={replay} message={null} />
      </LocaleProvider>,
    );
    const c = mounted.container;
    const series = all(c, 'svg[data-chart="line"] [data-series]').map((g) => [g.getAttribute('data-series'), g.querySelectorAll('[data-point]').length]);
    expect(series).toEqual([
      ['asOf', 4],
      ['stageBlind', 4],
      ['crm', 4],
    ]);
    const first = replay.points[0]!;
    expect(text(one(c, '[data-point="asOf-0"] title'))).toBe(
      `As it stood that day, ${new Date(`${first.asOf}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' })}: AUC ${first.scores.asOf!.auc.toFixed(3)} on ${first.scored.toLocaleString('en-US')} deals`,
    );
    const cells = all(c, '[data-testid="replay-table"] [data-contender="asOf"] td').map(text);
    expect(cells.slice(0, 3)).toEqual([replay.pooled.asOf!.auc.toFixed(3), replay.pooled.asOf!.brier.toFixed(3), replay.pooled.asOf!.ece.toFixed(3)]);
    expect(text(one(c, '[data-testid="replay-words"]'))).toMatch(/^On 4 past days, from .+ to .+, the deals open each day were scored/);
  });

  it('says why there is nothing to replay', () => {
    mounted = mount(
      <LocaleProvider locale="en-US">
        <ReplayCard replay={null} message="Win Potential as of today needs closed deals with their stage history: 0 of 60 have one." />
      </LocaleProvider>,
    );
    expect(text(one(mounted.container, '[data-testid="replay-message"]'))).toMatch(/^Win Potential as of today needs/);
    expect(mounted.container.querySelector('svg')).toBeNull();
  });
});
