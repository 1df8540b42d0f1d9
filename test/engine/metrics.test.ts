import { describe, expect, it } from 'vitest';
import {
  brierScore,
  calibrationBins,
  expectedCalibrationError,
  liftByDecile,
  liftByGroup,
  logLoss,
  meanAbsoluteError,
  quantile,
  rocAuc,
} from '../../lib/engine/metrics';

describe('rocAuc', () => {
  it('counts the share of (positive, negative) pairs ranked the right way', () => {
    // Pairs: 0.35 beats 0.1 but not 0.4; 0.8 beats both → 3 of 4.
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });

  it('gives tied scores half credit', () => {
    // Positive 0.5 vs negatives 0.5 (tie, ½) and 0.2 (1); positive 0.9 beats both (2) → 3.5 / 4.
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBe(0.875);
    expect(rocAuc([1, 0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3, 0.3])).toBe(0.5);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, and ignores the row order', () => {
    expect(rocAuc([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.2])).toBe(1);
    expect(rocAuc([1, 0, 1, 0], [0.1, 0.9, 0.2, 0.8])).toBe(0);
    expect(rocAuc(Float64Array.of(0, 1, 1), Float64Array.of(3, 2, 1))).toBe(0);
  });

  it('is NaN when one class is absent', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN();
    expect(rocAuc([0, 0], [0.2, 0.5])).toBeNaN();
  });

  it('rejects mismatched or empty inputs, naming the counts', () => {
    expect(() => rocAuc([0, 1], [0.5])).toThrow('rocAuc: 2 labels but 1 scores');
    expect(() => rocAuc([], [])).toThrow('rocAuc: no rows');
  });
});

describe('brierScore', () => {
  it('is the mean squared error of the probabilities', () => {
    // (0.2² + 0.3² + 0.5²) / 3 = 0.38 / 3
    expect(brierScore([1, 0, 1], [0.8, 0.3, 0.5])).toBeCloseTo(0.38 / 3, 15);
    expect(brierScore([1, 0], [1, 0])).toBe(0);
    expect(brierScore([1, 0], [0, 1])).toBe(1);
  });

  it('rejects mismatched lengths', () => {
    expect(() => brierScore([1, 0, 1], [0.5])).toThrow('brierScore: 3 labels but 1 scores');
  });
});

describe('logLoss', () => {
  it('is the mean negative log-likelihood', () => {
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 15);
    expect(logLoss([1, 1, 0, 0], [0.5, 0.5, 0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
  });

  it('clips certain mistakes to eps instead of returning Infinity', () => {
    // Default eps 1e-15 (scikit-learn's): each confident miss costs −ln(1e-15) ≈ 34.5388.
    expect(logLoss([1, 0], [0, 1])).toBeCloseTo(-Math.log(1e-15), 2);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
    // With eps = 0.01: one miss at −ln(0.01), one correct at −ln(0.99).
    expect(logLoss([1, 1], [0, 1], 0.01)).toBeCloseTo(-(Math.log(0.01) + Math.log(0.99)) / 2, 12);
    // Right answers with certainty cost (almost) nothing.
    expect(logLoss([1, 0], [1, 0])).toBeLessThan(1e-14);
  });

  it('rejects mismatched lengths', () => {
    expect(() => logLoss([1], [0.5, 0.5])).toThrow('logLoss: 1 labels but 2 scores');
  });
});

describe('meanAbsoluteError', () => {
  it('is the mean absolute difference', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBe(1);
  });
});

describe('calibrationBins', () => {
  it('counts rows per equal-width bin with their mean prediction and observed rate', () => {
    const bins = calibrationBins([0, 1, 1, 0, 1], [0.05, 0.15, 0.12, 0.95, 1.0], 10);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(bins[0]).toEqual({ from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(bins[1]?.meanPredicted).toBeCloseTo(0.135, 15);
    expect(bins[1]?.observedRate).toBe(1);
    // p = 1 belongs to the last bin, not an eleventh one.
    expect(bins[9]?.meanPredicted).toBeCloseTo(0.975, 15);
    expect(bins[9]?.observedRate).toBe(0.5);
    expect(bins[5]?.meanPredicted).toBeNaN();
    expect(bins[5]?.observedRate).toBeNaN();
    expect(bins[9]?.from).toBe(0.9);
    expect(bins[9]?.to).toBe(1);
  });

  it('takes the number of bins', () => {
    const bins = calibrationBins([0, 1, 1, 0], [0.1, 0.3, 0.6, 0.9], 4);
    expect(bins.map((b) => [b.from, b.to, b.count, b.observedRate])).toEqual([
      [0, 0.25, 1, 0],
      [0.25, 0.5, 1, 1],
      [0.5, 0.75, 1, 1],
      [0.75, 1, 1, 0],
    ]);
  });

  it('rejects a bad bin count and mismatched lengths', () => {
    expect(() => calibrationBins([1], [0.5], 0)).toThrow('bins must be a positive integer, got 0');
    expect(() => calibrationBins([1], [0.5], 2.5)).toThrow('got 2.5');
    expect(() => calibrationBins([1, 0], [0.5])).toThrow('calibrationBins: 2 labels but 1 scores');
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics', () => {
    // Sorted [1, 2, 3, 4]: q = 0.5 sits halfway between 2 and 3; q = 0.25 at position 0.75.
    expect(quantile([3, 1, 4, 2], 0.5)).toBe(2.5);
    expect(quantile([3, 1, 4, 2], 0.25)).toBe(1.75);
    expect(quantile([3, 1, 4, 2], 0)).toBe(1);
    expect(quantile([3, 1, 4, 2], 1)).toBe(4);
    expect(quantile([10, 20, 30], 0.5)).toBe(20);
    expect(quantile([7], 0.3)).toBe(7);
  });

  it('sorts numerically, not as text', () => {
    expect(quantile([100, 9, 20], 0.5)).toBe(20);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects no values and q outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow('quantile: no values');
    expect(() => quantile([1], 1.5)).toThrow('q must be in [0, 1], got 1.5');
    expect(() => quantile([1], Number.NaN)).toThrow('got NaN');
  });
});

describe('liftByGroup', () => {
  it("ranks by score, cuts equal groups, and compares each group's rate with the overall rate", () => {
    // Scores 10..1 (listed shuffled); wins at 10, 9, 8 and 6: overall rate 4/10.
    const scores = [3, 10, 6, 1, 8, 4, 9, 2, 7, 5];
    const labels = [0, 1, 1, 0, 1, 0, 1, 0, 0, 0];
    expect(liftByGroup(labels, scores, 5)).toEqual([
      { group: 1, count: 2, positives: 2, rate: 1, lift: 2.5, cumulativeGain: 0.5, meanScore: 9.5 },
      { group: 2, count: 2, positives: 1, rate: 0.5, lift: 1.25, cumulativeGain: 0.75, meanScore: 7.5 },
      { group: 3, count: 2, positives: 1, rate: 0.5, lift: 1.25, cumulativeGain: 1, meanScore: 5.5 },
      { group: 4, count: 2, positives: 0, rate: 0, lift: 0, cumulativeGain: 1, meanScore: 3.5 },
      { group: 5, count: 2, positives: 0, rate: 0, lift: 0, cumulativeGain: 1, meanScore: 1.5 },
    ]);
  });

  it('shares the positives of tied scores cut by a group edge in proportion to the rows', () => {
    // Sorted: 8 (won), then three tied at 5 with one win among them, then 2 (lost). Halves of 5 rows: 2 and 3.
    const bins = liftByGroup([0, 1, 0, 1, 0], [5, 8, 5, 5, 2], 2);
    // Top half: the 8 and one of the three ties, carrying 1/3 of their win.
    expect(bins[0]?.count).toBe(2);
    expect(bins[0]?.positives).toBeCloseTo(4 / 3, 12);
    expect(bins[0]?.rate).toBeCloseTo(2 / 3, 12);
    expect(bins[0]?.lift).toBeCloseTo(2 / 3 / 0.4, 12);
    expect(bins[0]?.cumulativeGain).toBeCloseTo(2 / 3, 12);
    expect(bins[0]?.meanScore).toBe(6.5);
    expect(bins[1]?.count).toBe(3);
    expect(bins[1]?.positives).toBeCloseTo(2 / 3, 12);
    expect(bins[1]?.meanScore).toBe(4);
    expect(bins[1]?.cumulativeGain).toBeCloseTo(1, 12);
    // All rows tied: every group has the overall rate.
    for (const bin of liftByGroup([1, 0, 0, 1], [0.3, 0.3, 0.3, 0.3], 2)) expect(bin).toMatchObject({ count: 2, positives: 1, rate: 0.5, lift: 1 });
  });

  it('cuts deciles of ⌊n·g/10⌋ rows and leaves groups empty when there are fewer rows than groups', () => {
    const n = 25;
    const deciles = liftByDecile(
      Array.from({ length: n }, (_, i) => i % 2),
      Array.from({ length: n }, (_, i) => i),
    );
    expect(deciles.map((b) => b.count)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    expect(deciles.reduce((s, b) => s + b.positives, 0)).toBe(12);
    const few = liftByDecile([1, 0, 1], [0.9, 0.2, 0.5]);
    expect(few.map((b) => b.count)).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    expect(few[0]?.rate).toBeNaN();
    expect(few[3]).toMatchObject({ positives: 1, rate: 1, lift: 1.5, meanScore: 0.9 });
  });

  it('is NaN-lifted without positives and rejects bad input', () => {
    expect(liftByGroup([0, 0], [0.1, 0.2], 2).map((b) => b.lift)).toEqual([NaN, NaN]);
    expect(() => liftByGroup([1], [0.5, 0.2])).toThrow('liftByGroup: 1 labels but 2 scores');
    expect(() => liftByGroup([1], [0.5], 0)).toThrow('liftByGroup: groups must be a positive integer, got 0');
  });
});

describe('expectedCalibrationError', () => {
  it("weights each bin's gap between predicted and observed by its rows, skipping empty bins", () => {
    const bins = calibrationBins([1, 0, 0, 1], [0.2, 0.3, 0.7, 0.8], 2);
    // Bin 0–50%: predicted 0.25, won 0.5; bin 50–100%: predicted 0.75, won 0.5 → gaps 0.25 each.
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.25, 12);
    expect(expectedCalibrationError([{ from: 0, to: 1, count: 4, meanPredicted: 0.5, observedRate: 0.5 }])).toBe(0);
    expect(() => expectedCalibrationError([])).toThrow('expectedCalibrationError: no rows in any bin');
  });
});
