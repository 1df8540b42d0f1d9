import { describe, expect, it } from 'vitest';
import { calibrationErrorEqualCount as equalCountEce, calibrationNoiseFloor } from '../../lib/engine/metrics';

describe('equalCountEce', () => {
  it('is 0 when every group of equal size predicts its own observed rate', () => {
    // 10 groups of 10: group g predicts g/10 and g of its 10 rows are won.
    const p: number[] = [];
    const y: number[] = [];
    for (let g = 0; g < 10; g++) {
      for (let i = 0; i < 10; i++) {
        p.push(g / 10);
        y.push(i < g ? 1 : 0);
      }
    }
    expect(equalCountEce(y, p)).toBeCloseTo(0, 12);
  });

  it('breaks ties in predictions by row order, so both sides of the bench cut the same groups', () => {
    // 20 rows at 0.1, the first four won: groups of two are (0,1) (2,3) … → |0.1−1| twice, |0.1−0| eight times.
    const y = Array.from({ length: 20 }, (_, i) => (i < 4 ? 1 : 0));
    expect(equalCountEce(y, Array(20).fill(0.1))).toBeCloseTo((2 * 2 * 0.9 + 8 * 2 * 0.1) / 20, 12);
  });

  it('makes the first n % 10 groups one row larger, as numpy.array_split does', () => {
    // 13 rows at 0.5, rows 0–2 won. Sizes 2,2,2,1,…,1: |1−2| + |1−1| + |1−0| + 7·|0.5−0| = 5.5.
    // (Sizes 1,…,1,2,2,2 would give 3·|0.5−1| + 4·0.5 + 3·|1−0| = 6.5.)
    const y = Array.from({ length: 13 }, (_, i) => (i < 3 ? 1 : 0));
    expect(equalCountEce(y, Array(13).fill(0.5))).toBeCloseTo(5.5 / 13, 12);
  });

  it('refuses mismatched or empty input', () => {
    expect(() => equalCountEce([1, 0], [0.5])).toThrow(/2 labels but 1/);
    expect(() => equalCountEce([], [])).toThrow(/no rows/);
  });
});

describe('calibrationNoiseFloor', () => {
  it('is what a calibrated model shows from sampling alone: larger on fewer deals, the same for the same seed', () => {
    const probabilities = (n: number): number[] => Array.from({ length: n }, (_, i) => 0.1 + (0.8 * i) / n);
    const small = calibrationNoiseFloor(probabilities(448));
    const large = calibrationNoiseFloor(probabilities(10_000));
    expect(small).toBeGreaterThan(0.03);
    expect(small).toBeLessThan(0.07);
    expect(large).toBeLessThan(small / 3);
    expect(calibrationNoiseFloor(probabilities(448))).toBe(small);
  });
});
