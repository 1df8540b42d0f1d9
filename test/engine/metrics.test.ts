import { describe, expect, it } from 'vitest';
import { brierScore, calibrationBins, logLoss, meanAbsoluteError, quantile, rocAuc } from '../../lib/engine/metrics';

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
