import { describe, expect, it } from 'vitest';
import { applyBinning, fitBinning, type BinnedData, type RawColumn } from '../../lib/engine/forest/binning';
import { gatherRow } from '../../lib/engine/forest/forest';
import { DistributionForest, type DistributionForestJSON } from '../../lib/engine/forecast/distribution-forest';
import { gridBin } from '../../lib/engine/forecast/grid';
import { Random } from '../../lib/seeded/random';

const numeric = (name: string, values: ArrayLike<number>): RawColumn => ({ kind: 'numeric', name, values: Float64Array.from(values) });
const categorical = (name: string, levels: string[], codes: ArrayLike<number>): RawColumn => ({
  kind: 'categorical',
  name,
  levels,
  codes: Int32Array.from(codes),
});
const binned = (columns: RawColumn[]): BinnedData => applyBinning(fitBinning(columns), columns);

/**
 * Three segments of 40 deals with known days: A took 1..40, B 41..80, C 100, 105, …, 295.
 * One categorical feature separates them, so every tree ends in one leaf per segment and
 * every row's mixture is its segment's distribution exactly, whatever the bootstrap.
 */
const SEGMENT_DAYS = [
  Array.from({ length: 40 }, (_, i) => i + 1),
  Array.from({ length: 40 }, (_, i) => i + 41),
  Array.from({ length: 40 }, (_, i) => 100 + 5 * i),
];
const segmentCodes = SEGMENT_DAYS.flatMap((days, s) => days.map(() => s));
const segmentData = binned([categorical('segment', ['A', 'B', 'C'], segmentCodes)]);
const segmentForest = DistributionForest.fit(segmentData, SEGMENT_DAYS.flat(), { discrete: true, seed: 1, trees: 20 });
const rowOf = (segment: number): BinnedData => binned([categorical('segment', ['A', 'B', 'C'], [segment])]);

describe('DistributionForest: worked example with three segments', () => {
  it('reads each segment’s own P10/P50/P90 (type-1 quantiles of its 40 deals)', () => {
    const quantiles = [0, 1, 2].map((s) => segmentForest.quantiles(rowOf(s), [0.1, 0.5, 0.9]).map((q) => q[0]));
    // A: the 4th, 20th and 36th of 1..40; B likewise of 41..80; C: 100 + 5 × (3, 19, 35).
    expect(quantiles).toEqual([
      [4, 20, 36],
      [44, 60, 76],
      [115, 195, 275],
    ]);
  });

  it('conditions on the days already open', () => {
    // A deal of A open 30 days: 31..40 remain, a quarter of A. P10 → 31, P50 → 35, P90 → 39.
    expect(segmentForest.quantiles(rowOf(0), [0.1, 0.5, 0.9], [30]).map((q) => q[0])).toEqual([31, 35, 39]);
    // Open 39 days: only day 40 is left, 2.5% of the mass: below minMass, so no reading.
    expect(segmentForest.quantiles(rowOf(0), [0.5], [39], 0.05).map((q) => q[0])).toEqual([Number.NaN]);
    // NaN means no condition.
    expect(segmentForest.quantiles(rowOf(0), [0.5], [Number.NaN]).map((q) => q[0])).toEqual([20]);
  });

  it('keeps the pooled distribution of all training targets', () => {
    expect(segmentForest.pooled.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(segmentForest.pooled[gridBin(segmentForest.grid, 295)]).toBeCloseTo(1 / 120, 12);
  });

  it('round-trips through JSON with identical quantiles', () => {
    const json = JSON.parse(JSON.stringify(segmentForest.toJSON())) as DistributionForestJSON;
    const loaded = DistributionForest.load(json);
    for (const s of [0, 1, 2]) {
      expect(loaded.quantiles(rowOf(s), [0.1, 0.5, 0.9], [12])).toEqual(segmentForest.quantiles(rowOf(s), [0.1, 0.5, 0.9], [12]));
    }
  });
});

/** Days driven by a numeric feature (with missing values) and a category, plus noise. */
function mixed(rows: number, seed: number): { columns: RawColumn[]; days: number[] } {
  const random = new Random(seed);
  const size = Array.from({ length: rows }, () => (random.bernoulli(0.1) ? Number.NaN : random.uniform(0, 1)));
  const kind = Array.from({ length: rows }, () => (random.bernoulli(0.05) ? -1 : random.int(4)));
  const noise = Array.from({ length: rows }, () => random.normal());
  const days = size.map((x, i) =>
    Math.max(1, Math.round(20 * Math.exp((Number.isNaN(x) ? 0.5 : x) + 0.4 * ((kind[i] as number) % 2) + random.normal(0, 0.3)))),
  );
  return { columns: [numeric('size', size), categorical('kind', ['a', 'b', 'c', 'd'], kind), numeric('noise', noise)], days };
}

describe('DistributionForest: scoring path', () => {
  const { columns, days } = mixed(600, 5);
  const data = binned(columns);

  it.each([0, 40])('equals the mixture of the training targets in each tree’s leaf, via the forest’s own traversal (summaries of %i)', (summaryMinRows) => {
    const forest = DistributionForest.fit(data, days, { discrete: true, seed: 2, trees: 15, summaryMinRows });
    const leafOf = forest.forest.leafIndices(data);
    const row = new Uint8Array(data.codes.length);
    const mass = new Float64Array(forest.bins);
    for (const r of [0, 17, 123, 599]) {
      gatherRow(data, r, row);
      const leaves = forest.forest.leaves(row);
      const expected = new Float64Array(forest.bins);
      leaves.forEach((leaf, t) => {
        const members = days.filter((_, i) => leafOf[t]![i] === leaf);
        for (const d of members) expected[gridBin(forest.grid, d)]! += 1 / leaves.length / members.length;
      });
      forest.distribution(row, mass);
      for (let b = 0; b < forest.bins; b++) expect(mass[b]).toBeCloseTo(expected[b]!, 6);
    }
  });

  it('gives the same distributions batched (across batch boundaries) as row by row', () => {
    const big = mixed(5000, 6);
    const bigData = binned(big.columns);
    const forest = DistributionForest.fit(bigData, big.days, { discrete: true, seed: 3, trees: 8 });
    const row = new Uint8Array(bigData.codes.length);
    const single = new Float64Array(forest.bins);
    let checked = 0;
    forest.forEachDistribution(bigData, (r, mass) => {
      if (r % 499 !== 0 && r !== 4095 && r !== 4096) return;
      forest.distribution(gatherRow(bigData, r, row), single);
      expect(Array.from(mass)).toEqual(Array.from(single));
      checked++;
    });
    expect(checked).toBe(13);
  });

  it('is seeded: same data and seed, same quantiles', () => {
    const a = DistributionForest.fit(data, days, { discrete: true, seed: 9, trees: 10 });
    const b = DistributionForest.fit(data, days, { discrete: true, seed: 9, trees: 10 });
    expect(a.quantiles(data, [0.1, 0.5, 0.9])).toEqual(b.quantiles(data, [0.1, 0.5, 0.9]));
  });

  it('validates its input', () => {
    expect(() => DistributionForest.fit(data, days.slice(1), { discrete: true, seed: 1 })).toThrow('DistributionForest.fit: 600 rows but 599 targets');
    expect(() => DistributionForest.fit(data, days, { discrete: true, seed: 1, summaryMinRows: -1 })).toThrow('summaryMinRows must be a whole number');
    expect(() => DistributionForest.load({ format: 'x' } as unknown as DistributionForestJSON)).toThrow('not a saved Dealsight distribution forest');
    const forest = DistributionForest.fit(data, days, { discrete: true, seed: 1, trees: 3 });
    expect(() => forest.quantiles(binned([numeric('size', [1])]), [0.5])).toThrow('the data has 1 features, the model 3');
    expect(() => forest.quantiles(data, [0.5], [1, 2])).toThrow('600 rows but 2 conditions');
  });
});

describe('DistributionForest: pruning keeps a rare strong value apart', () => {
  // 300 deals of a common product around 5,000 and 12 of a rare one around 25,000 (Maven's
  // GTK 500), with three noise fields the trees can waste splits on.
  const random = new Random(21);
  const rows = 312;
  const rare = Array.from({ length: rows }, (_, i) => (i < 12 ? 1 : 0));
  const logAmount = rare.map((r) => Math.log((r ? 25_000 : 5_000) * random.logNormal(1, 0.1)));
  const noise = [0, 1, 2].map((k) =>
    categorical(
      `noise${k}`,
      ['p', 'q', 'r', 's', 't'],
      Array.from({ length: rows }, () => random.int(5)),
    ),
  );
  const data = binned([categorical('product', ['common', 'rare'], rare), ...noise]);
  const rareRows = binned([categorical('product', ['common', 'rare'], [1]), ...[0, 1, 2].map((k) => categorical(`noise${k}`, ['p', 'q', 'r', 's', 't'], [k]))]);
  const p50 = (options: { summaryMinRows: number; keepT: number }): number =>
    Math.exp(DistributionForest.fit(data, logAmount, { discrete: false, seed: 4, ...options }).quantiles(rareRows, [0.5])[0]![0]!);

  it('reads the rare product’s median from its own deals when its split is clearly real', () => {
    expect(p50({ summaryMinRows: 40, keepT: 5 })).toBeGreaterThan(22_000);
  });

  it('would merge it with its neighbours if only leaf size counted', () => {
    expect(p50({ summaryMinRows: 40, keepT: Number.POSITIVE_INFINITY })).toBeLessThan(10_000);
  });
});
