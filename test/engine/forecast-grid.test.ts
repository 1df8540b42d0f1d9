import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../lib/crm/opportunity';
import { dayNumber, isoOfDay } from '../../lib/engine/forecast/calendar';
import { fitGrid, gridBin, massAtOrBelow, readQuantiles, type TargetGrid } from '../../lib/engine/forecast/grid';
import { Random } from '../../lib/seeded/random';

/** The mixture of leaves (each a list of training days), one per tree, each weighted equally. */
function mixture(grid: TargetGrid, leaves: number[][]): Float64Array {
  const mass = new Float64Array(grid.lower.length);
  for (const leaf of leaves) for (const v of leaf) mass[gridBin(grid, v)]! += 1 / leaves.length / leaf.length;
  return mass;
}

describe('target grid', () => {
  it('gives every whole value its own bin when the span is small', () => {
    const grid = fitGrid([3, 5, 5, 9], { discrete: true });
    expect(grid.lower).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(grid.upper).toEqual(grid.lower);
  });

  it('makes few distinct continuous values single-value bins', () => {
    const grid = fitGrid([2.5, 1, 2.5, 7], { discrete: false });
    expect(grid).toEqual({ discrete: false, lower: [1, 2.5, 7], upper: [1, 2.5, 7] });
  });

  it('keeps bins disjoint, within maxBins, and spanning only the values in them', () => {
    const random = new Random(3);
    const values = [
      ...Array.from({ length: 2000 }, () => Math.round(random.logNormal(60, 0.6))),
      ...Array.from({ length: 300 }, () => 9), // a value many deals share
    ];
    const grid = fitGrid(values, { discrete: true, maxBins: 64 });
    expect(grid.lower.length).toBeLessThanOrEqual(64);
    for (let k = 0; k < grid.lower.length; k++) {
      expect(grid.upper[k]).toBeGreaterThanOrEqual(grid.lower[k]!);
      if (k > 0) expect(grid.lower[k]).toBeGreaterThan(grid.upper[k - 1]!);
    }
    for (const v of values) {
      const k = gridBin(grid, v);
      expect(v).toBeGreaterThanOrEqual(grid.lower[k]!);
      expect(v).toBeLessThanOrEqual(grid.upper[k]!);
    }
    // The shared value is a bin of its own, not spread over its neighbours.
    const nine = gridBin(grid, 9);
    expect([grid.lower[nine], grid.upper[nine]]).toEqual([9, 9]);
  });

  it('does not bridge a gap with one wide bin (Maven GTK 500: 12 deals far above the rest)', () => {
    const random = new Random(4);
    const values = [
      ...Array.from({ length: 3000 }, () => Math.log(random.uniform(40, 7400))),
      ...Array.from({ length: 12 }, () => Math.log(random.uniform(23_700, 30_300))),
    ];
    const grid = fitGrid(values, { discrete: false, maxBins: 128 });
    const bridging = grid.lower.filter((lo, k) => lo < Math.log(7400) && grid.upper[k]! > Math.log(23_700));
    expect(bridging).toEqual([]);
    // The 12 deals' median reads back inside their own range.
    const top = values.slice(3000);
    const mass = mixture(grid, [top]);
    const [p50] = readQuantiles(grid, mass, [0.5])!;
    expect(Math.exp(p50!)).toBeGreaterThan(23_700);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => fitGrid([], { discrete: true })).toThrow('fitGrid: no values');
    expect(() => fitGrid([1, Number.NaN], { discrete: false })).toThrow('fitGrid: value 1 is NaN');
    expect(() => fitGrid([1, 2.5], { discrete: true })).toThrow('fitGrid: value 1 is 2.5, a discrete grid takes whole numbers');
    expect(() => fitGrid([1], { discrete: true, maxBins: 300 })).toThrow('maxBins must be an integer in [4, 256]');
  });
});

describe('mixture quantiles: worked examples', () => {
  // Three trees' leaves for one deal: days of the training deals in each. Every value
  // carries 1/3 × 1/4 = 1/12 of the mass; sorted: 10 20 20 30 40 40 50 50 60 70 80 90.
  const leaves = [
    [10, 20, 30, 40],
    [20, 40, 60, 80],
    [50, 50, 70, 90],
  ];
  const grid = fitGrid(leaves.flat(), { discrete: true });
  const mass = mixture(grid, leaves);

  it('reads P10/P50/P90 off the mixture CDF: the smallest day where F reaches q', () => {
    // F(10) = 1/12 < 0.1 ≤ F(20) = 3/12; F(40) = 6/12 = 0.5; F(70) = 10/12 < 0.9 ≤ F(80) = 11/12.
    expect(readQuantiles(grid, mass, [0.1, 0.5, 0.9])).toEqual([20, 40, 80]);
    expect(readQuantiles(grid, mass, [0, 1])).toEqual([10, 90]);
    expect(massAtOrBelow(grid, mass, 40)).toBeCloseTo(0.5, 12);
  });

  it('conditions on days already open: only the part above 40 is renormalized', () => {
    // Above 40: 50 50 60 70 80 90 (mass 1/2). P10 → 50, P50 → F(60) = 9/12 = 1/2 + 1/2·1/2 → 60, P90 → 90.
    expect(readQuantiles(grid, mass, [0.1, 0.5, 0.9], 40)).toEqual([50, 60, 90]);
    // Open 45 days (between values): the same part, as nothing lies in 41..45.
    expect(readQuantiles(grid, mass, [0.1, 0.5, 0.9], 45)).toEqual([50, 60, 90]);
    // Open 85 days: only 90 is left.
    expect(readQuantiles(grid, mass, [0.1, 0.5, 0.9], 85)).toEqual([90, 90, 90]);
  });

  it('refuses to read a tail thinner than minMass (the caller falls back)', () => {
    // Above 85 lies 1/12 ≈ 0.083 of the mass.
    expect(readQuantiles(grid, mass, [0.5], 85, 0.1)).toBeNull();
    expect(readQuantiles(grid, mass, [0.5], 85, 0.05)).toEqual([90]);
    expect(readQuantiles(grid, mass, [0.5], 90)).toBeNull();
  });

  it('spreads a wide discrete bin evenly over its whole days', () => {
    // Days 1..4 and 5..8 with half the mass each: 1/8 per day.
    const wide: TargetGrid = { discrete: true, lower: [1, 5], upper: [4, 8] };
    const half = [0.5, 0.5];
    expect(readQuantiles(wide, half, [0.1, 0.5, 0.9])).toEqual([1, 4, 8]);
    expect(massAtOrBelow(wide, half, 2)).toBe(0.25);
    // Above 2: days 3..8, 1/6 each → P10 3, P50 5, P90 8.
    expect(readQuantiles(wide, half, [0.1, 0.5, 0.9], 2)).toEqual([3, 5, 8]);
  });

  it('interpolates inside a continuous bin', () => {
    const grid2: TargetGrid = { discrete: false, lower: [0, 10], upper: [10, 30] };
    const half = [0.5, 0.5];
    expect(readQuantiles(grid2, half, [0.25, 0.5, 0.75, 0.9])).toEqual([5, 10, 20, 26]);
    // Above 5: a quarter of the mass is gone; the median of the rest is at F = 0.625 → 15.
    expect(readQuantiles(grid2, half, [0.5], 5)).toEqual([15]);
  });

  it('rejects quantiles outside [0, 1]', () => {
    expect(() => readQuantiles(grid, mass, [1.5])).toThrow('readQuantiles: q must be in [0, 1], got 1.5');
  });
});

describe('calendar', () => {
  it('matches daysBetween and addDays of the opportunity model', () => {
    const random = new Random(11);
    const dates = ['1970-01-01', '2000-02-29', '2100-03-01', '1900-02-28', '2024-12-31', '0001-01-01', '9999-12-31'];
    for (let i = 0; i < 300; i++) dates.push(addDays('1900-01-01', random.int(200 * 365)));
    for (const date of dates) {
      expect(dayNumber(date)).toBe(daysBetween('1970-01-01', date));
      expect(isoOfDay(dayNumber(date)!)).toBe(date);
      if (date < '9999') expect(isoOfDay(dayNumber(date)! + 45)).toBe(addDays(date, 45));
    }
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2017-02-30', '2017-13-01', '2017-00-10', '2017-1-5', '2017-01-05T00:00', '', '2100-02-29']) expect(dayNumber(bad)).toBeNull();
    expect(dayNumber('2000-02-29')).toBe(11016);
  });
});
