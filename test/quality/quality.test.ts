import { describe, expect, it } from 'vitest';
import { addDays, type Opportunity } from '../../lib/crm/opportunity';
import { evaluateWin } from '../../lib/engine/evaluate';
import { calibrationErrorEqualCount, liftByDecile } from '../../lib/engine/metrics';
import { qualityReport, timeSplitBacktest } from '../../lib/engine/quality';
import { WinModel } from '../../lib/engine/win';
import { drivenDeals, opp } from '../engine/helpers';

/** 200 closed deals (Enterprise mostly won), one closing a day from 2024-01-01, and 40 open ones. */
const closed: Opportunity[] = drivenDeals(200, 3).map((o, i) => ({ ...o, closeDate: addDays('2024-01-01', i) }));
const open: Opportunity[] = drivenDeals(40, 4, false);
const all = [...open, ...closed];

describe('timeSplitBacktest', () => {
  const clock = (): (() => number) => {
    let t = 0;
    return () => (t += 7);
  };
  const backtest = timeSplitBacktest(all, { now: clock() });
  const evaluation = evaluateWin(all, { split: 'time', now: clock() });

  it('is evaluateWin with split: time and its defaults, the numbers `dealsight evaluate --split time` prints', () => {
    expect(backtest.win).toEqual(evaluation.win);
    expect(backtest.baseline).toEqual(evaluation.baseline);
    expect(backtest.calibration).toEqual(evaluation.calibration);
    expect([backtest.closed, backtest.train, backtest.test, backtest.trainMs]).toEqual([200, 160, 40, 7]);
    expect(backtest.since).toBe(addDays('2024-01-01', 160));
    expect(backtest.orderedBy).toBe('closeDate');
    expect(backtest.notes).toEqual(evaluation.notes);
  });

  it('ranks the held-out deals into deciles and sums the top and bottom fifths from them', () => {
    const heldOut = evaluation.heldOut!;
    expect(backtest.lift).toEqual(liftByDecile(heldOut.labels, heldOut.probabilities));
    expect(backtest.lift.map((b) => b.count)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const won = heldOut.labels.reduce((s, y) => s + y, 0);
    expect(backtest.overall).toEqual({ deals: 40, won, rate: won / 40 });
    const top = (backtest.lift[0]?.positives ?? 0) + (backtest.lift[1]?.positives ?? 0);
    expect(backtest.topFifth).toEqual({ deals: 8, won: top, rate: top / 8 });
    const bottom = (backtest.lift[8]?.positives ?? 0) + (backtest.lift[9]?.positives ?? 0);
    expect(backtest.bottomFifth).toEqual({ deals: 8, won: bottom, rate: bottom / 8 });
    // A planted driver: the top fifth wins far more often than the bottom fifth.
    expect(backtest.topFifth.rate).toBeGreaterThan(backtest.overall.rate);
    expect(backtest.bottomFifth.rate).toBeLessThan(backtest.overall.rate);
    expect(backtest.calibrationError).toBe(evaluation.ece);
    expect(backtest.calibrationError).toBe(calibrationErrorEqualCount(evaluation.heldOut!.labels, evaluation.heldOut!.probabilities));
    expect(backtest.meanPredicted).toBeCloseTo(heldOut.probabilities.reduce((s, p) => s + p, 0) / 40, 12);
    expect(backtest.observedRate).toBe(won / 40);
  });
});

describe('qualityReport', () => {
  const win = WinModel.train(closed, { encoder: { open } });
  const report = qualityReport(all, { win });

  it("holds the backtest, the win model's feature importance and the drift check", () => {
    expect(report.format).toBe('dealsight-quality-report');
    expect(report.sufficiency).toMatchObject({ enough: true, winsNeeded: 0, lossesNeeded: 0 });
    expect(report.backtest?.win).toEqual(timeSplitBacktest(all).win);
    expect(report.backtestMessage).toBeNull();
    expect(report.importance).toEqual(win.json.importance);
    expect(report.importance[0]?.key).toBe('attr:segment');
    expect(report.importance.reduce((s, f) => s + f.importance, 0)).toBeCloseTo(1, 12);
    // Open and closed deals come from the same generator: nothing moved.
    expect(report.drift?.open).toBe(40);
    expect(report.drift?.moved).toEqual([]);
    expect(report.driftMessage).toBeNull();
  });

  it('warns about drift when the open deals differ', () => {
    const smb = open.map((o) => ({ ...o, attributes: { ...o.attributes, segment: 'SMB' } }));
    const drifted = qualityReport([...smb, ...closed], { win });
    expect(drifted.drift?.moved).toEqual(['segment']);
  });

  it('says what is missing when there are too few closed deals, with no backtest and no model', () => {
    const few = [...Array.from({ length: 12 }, (_, i) => opp(`w${i}`, true)), ...Array.from({ length: 30 }, (_, i) => opp(`l${i}`, false))];
    const small = qualityReport(few, { win: null });
    expect(small.sufficiency).toMatchObject({ enough: false, wins: 12, losses: 30, winsNeeded: 8, lossesNeeded: 0 });
    expect(small.backtest).toBeNull();
    expect(small.backtestMessage).toBe(small.sufficiency.message);
    expect(small.importance).toEqual([]);
    expect(small.drift).toBeNull();
    expect(small.driftMessage).toMatch(/no win model yet/);
  });

  it('explains a backtest that cannot run because the older 80% is short of one outcome', () => {
    // 25 wins and 25 losses overall, but every win is among the newest: the training part has 15.
    const skewed = Array.from({ length: 50 }, (_, i) =>
      opp(`d${String(i).padStart(2, '0')}`, i >= 25, { closeDate: addDays('2024-01-01', i), attributes: { x: i % 3 === 0 ? 'a' : 'b' } }),
    );
    const result = qualityReport(skewed, { win: null });
    expect(result.sufficiency.enough).toBe(true);
    expect(result.backtest).toBeNull();
    expect(result.backtestMessage).toBe(
      'The backtest could not run: the training part (the oldest 40 of 50 closed deals) has 15 won and 25 lost deals; training needs at least 20 of each (the whole file has 25 won and 25 lost)',
    );
    expect(result.driftMessage).toMatch(/no win model/);
  });

  it('says when there are too few open deals to compare', () => {
    const result = qualityReport([...open.slice(0, 3), ...closed], { win });
    expect(result.drift).toBeNull();
    expect(result.driftMessage).toBe('Only 3 open deals: too few to compare with the closed ones.');
  });
});
