import { describe, expect, it } from 'vitest';
import { applyCalibration, fitPlatt, MIN_SLOPE, plattLogLoss } from '../../lib/engine/calibrate';
import { Random } from '../../lib/seeded/random';

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** n scores uniform in (0.02, 0.98) and outcomes drawn with exactly those probabilities. */
function calibratedSample(n: number, seed: number): { p: number[]; y: number[] } {
  const random = new Random(seed);
  const p = Array.from({ length: n }, () => random.uniform(0.02, 0.98));
  const y = p.map((q) => (random.bernoulli(q) ? 1 : 0));
  return { p, y };
}

describe('applyCalibration', () => {
  it('maps p through sigmoid(a · logit(p) + b)', () => {
    // a = 2 squares the odds: p = 0.75 (odds 3) → odds 9 → 0.9.
    expect(applyCalibration({ a: 2, b: 0, eps: 1e-6 }, 0.75)).toBeCloseTo(0.9, 14);
    // b = ln 2 doubles the odds: 0.5 → 2/3.
    expect(applyCalibration({ a: 1, b: Math.LN2, eps: 1e-6 }, 0.5)).toBeCloseTo(2 / 3, 14);
    // a = 1, b = 0 is the identity.
    for (const p of [0.01, 0.3, 0.5, 0.77]) expect(applyCalibration({ a: 1, b: 0, eps: 1e-6 }, p)).toBeCloseTo(p, 14);
    // a = 0 is a constant.
    expect(applyCalibration({ a: 0, b: logit(0.3), eps: 1e-6 }, 0.99)).toBeCloseTo(0.3, 14);
  });

  it('clips p to [eps, 1 − eps] so 0 and 1 stay finite', () => {
    expect(applyCalibration({ a: 1, b: 0, eps: 0.01 }, 0)).toBeCloseTo(0.01, 14);
    expect(applyCalibration({ a: 1, b: 0, eps: 0.01 }, 1)).toBeCloseTo(0.99, 14);
    expect(applyCalibration({ a: 3, b: 0, eps: 0.01 }, 1)).toBeCloseTo(sigmoid(3 * logit(0.99)), 14);
  });
});

describe('fitPlatt', () => {
  it('leaves scores that are already calibrated (a ≈ 1, b ≈ 0)', () => {
    const { p, y } = calibratedSample(20_000, 1);
    const { a, b } = fitPlatt(p, y, 1e-6);
    // Standard errors at n = 20,000 are about 0.02 for a and b.
    expect(Math.abs(a - 1)).toBeLessThan(0.08);
    expect(Math.abs(b)).toBeLessThan(0.08);
  });

  it('stretches squeezed scores (a > 1) back toward the true probabilities', () => {
    const { p, y } = calibratedSample(20_000, 2);
    const squeezed = p.map((q) => 0.5 + 0.5 * (q - 0.5));
    const calibration = fitPlatt(squeezed, y, 1e-6);
    expect(calibration.a).toBeGreaterThan(1.5);
    expect(Math.abs(calibration.b)).toBeLessThan(0.08);
    // The squeezed 0.75 stood for p = 1.0 and 0.6 for p = 0.7: the fit moves both outward.
    expect(applyCalibration(calibration, 0.75)).toBeGreaterThan(0.85);
    expect(applyCalibration(calibration, 0.6)).toBeGreaterThan(0.65);
    expect(applyCalibration(calibration, 0.25)).toBeLessThan(0.15);
  });

  it('keeps the ranking with a nearly flat slope when scores rank the wrong way', () => {
    const { p, y } = calibratedSample(2000, 3);
    const reversed = p.map((q) => 1 - q);
    const calibration = fitPlatt(reversed, y, 1e-6);
    const wins = y.reduce((s, v) => s + v, 0);
    const rate = (wins + 1) / (y.length + 2);
    expect(calibration.a).toBe(MIN_SLOPE);
    // Strictly increasing, and every probability stays near the smoothed base rate.
    expect(applyCalibration(calibration, 0.9)).toBeGreaterThan(applyCalibration(calibration, 0.1));
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(Math.abs(applyCalibration(calibration, q) - rate)).toBeLessThan(0.06);
  });

  it('satisfies the first-order conditions of the smoothed log loss on a tiny example', () => {
    // Separable scores: plain logistic regression would run off to infinity; Platt's targets
    // (N₊+1)/(N₊+2) = 3/4 and 1/(N₋+2) = 1/4 keep the fit finite. By symmetry b = 0.
    const scores = [0.1, 0.2, 0.8, 0.9];
    const labels = [0, 0, 1, 1];
    const { a, b, eps } = fitPlatt(scores, labels, 1e-6);
    expect(eps).toBe(1e-6);
    expect(Number.isFinite(a) && a > 0).toBe(true);
    expect(Math.abs(b)).toBeLessThan(1e-9);
    const targets = [0.25, 0.25, 0.75, 0.75];
    let gradA = 0;
    let gradB = 0;
    scores.forEach((s, i) => {
      const x = logit(s);
      const d = sigmoid(a * x + b) - (targets[i] as number);
      gradA += d * x;
      gradB += d;
    });
    // Zero up to the tiny ridge (1e-6 · a) that keeps the Hessian invertible.
    expect(Math.abs(gradA)).toBeLessThan(1e-5);
    expect(Math.abs(gradB)).toBeLessThan(1e-9);
    // The calibrated extremes stay inside (1/4, 3/4)'s neighbourhood, far from 0 and 1.
    expect(applyCalibration({ a, b, eps }, 0.9)).toBeLessThan(0.9);
    expect(applyCalibration({ a, b, eps }, 0.9)).toBeGreaterThan(0.6);
  });

  it('skips rows without a score (NaN: never out of bag)', () => {
    const { p, y } = calibratedSample(300, 4);
    const withGaps = p.map((q, i) => (i % 7 === 0 ? Number.NaN : q));
    const kept = p.filter((_, i) => i % 7 !== 0);
    const keptLabels = y.filter((_, i) => i % 7 !== 0);
    expect(fitPlatt(withGaps, y, 1e-6)).toEqual(fitPlatt(kept, keptLabels, 1e-6));
  });

  it('clips scores of exactly 0 and 1 before the logit', () => {
    const calibration = fitPlatt([0, 0, 1, 1, 0.5, 0.5], [0, 0, 1, 1, 0, 1], 0.01);
    expect(Number.isFinite(calibration.a)).toBe(true);
    expect(Number.isFinite(calibration.b)).toBe(true);
    expect(calibration.a).toBeGreaterThan(0);
  });

  it('needs both outcomes and matching lengths', () => {
    expect(() => fitPlatt([0.2, 0.7, 0.9], [1, 1, 1], 1e-6)).toThrow('fitPlatt: needs both outcomes, got 3 wins and 0 losses');
    // Rows without a score do not count.
    expect(() => fitPlatt([0.2, Number.NaN], [0, 1], 1e-6)).toThrow('got 0 wins and 1 losses');
    expect(() => fitPlatt([0.2], [0, 1], 1e-6)).toThrow('fitPlatt: 1 scores but 2 labels');
  });
});

describe('plattLogLoss', () => {
  it('is fitPlatt with the log loss of the probabilities it gives, NaN scores skipped', () => {
    const random = new Random(11);
    const p = Array.from({ length: 500 }, () => (random.next() < 0.05 ? Number.NaN : random.uniform(0.1, 0.9)));
    const y = p.map((q) => (random.bernoulli(Number.isNaN(q) ? 0.5 : q * q) ? 1 : 0));
    const { calibration, logLoss } = plattLogLoss(p, y, 0.01);
    expect(calibration).toEqual(fitPlatt(p, y, 0.01));
    let sum = 0;
    let n = 0;
    p.forEach((q, i) => {
      if (Number.isNaN(q)) return;
      const probability = applyCalibration(calibration, q);
      sum -= y[i] === 1 ? Math.log(probability) : Math.log(1 - probability);
      n++;
    });
    expect(logLoss).toBeCloseTo(sum / n, 12);
  });
});
