import { describe, expect, it } from 'vitest';
import type { RawColumn } from '../../lib/engine/forest/binning';
import { activeColumns, featureMeans, fitLinear, linearLayout, linearLogits, sigmoid } from '../../lib/engine/linear';
import { Random } from '../../lib/seeded/random';

const categorical = (name: string, levels: string[], codes: number[]): RawColumn => ({ kind: 'categorical', name, levels, codes: Int32Array.from(codes) });
const numeric = (name: string, values: number[]): RawColumn => ({ kind: 'numeric', name, values: Float64Array.from(values) });

describe('linear model layout', () => {
  it('gives a category a column per level plus missing, and a number a column per decile bucket plus missing', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    values[7] = Number.NaN;
    const columns = [categorical('tier', ['gold', 'silver'], [0, 1, -1, 0]), numeric('seats', values)];
    const { offsets, cuts, width } = linearLayout([columns[0] as RawColumn]);
    expect(offsets).toEqual([0]);
    expect(cuts).toEqual([null]);
    expect(width).toBe(3);
    expect(Array.from(activeColumns([columns[0] as RawColumn], offsets, cuts)[0] as Int32Array)).toEqual([0, 1, 2, 0]);
    const layout = linearLayout([columns[1] as RawColumn]);
    // 99 known values 0..99 without 7: cuts at the 10th..90th percentiles.
    expect(layout.cuts[0]).toHaveLength(9);
    expect(layout.width).toBe(9 + 2);
    const active = activeColumns([columns[1] as RawColumn], layout.offsets, layout.cuts)[0] as Int32Array;
    expect(active[0]).toBe(0);
    expect(active[99]).toBe(9);
    expect(active[7]).toBe(10); // missing
  });
});

describe('fitLinear', () => {
  // 2,000 deals: level A wins 80%, B 50%, C 20%; a second field is noise.
  const random = new Random(3);
  const codes = Array.from({ length: 2000 }, (_, i) => i % 3);
  const noise = Array.from({ length: 2000 }, () => random.int(4));
  const y = codes.map((c) => (random.next() < [0.8, 0.5, 0.2][c]! ? 1 : 0));
  const columns = [categorical('segment', ['A', 'B', 'C'], codes), categorical('noise', ['w', 'x', 'y', 'z'], noise)];
  const { offsets, cuts, width } = linearLayout(columns);
  const active = activeColumns(columns, offsets, cuts);

  it('recovers the planted win rates per level', () => {
    const w = fitLinear(active, width, y, { lambda: 1 });
    const p = linearLogits(active, w, y.length);
    const rate = (level: number): number => {
      const rows = codes.flatMap((c, i) => (c === level ? [i] : []));
      return rows.reduce((s, i) => s + sigmoid(p[i] as number), 0) / rows.length;
    };
    expect(rate(0)).toBeCloseTo(0.8, 1);
    expect(rate(1)).toBeCloseTo(0.5, 1);
    expect(rate(2)).toBeCloseTo(0.2, 1);
  });

  it('shrinks weights toward zero as the penalty grows, and fits on the rows it is given only', () => {
    const small = fitLinear(active, width, y, { lambda: 1 });
    const large = fitLinear(active, width, y, { lambda: 1000 });
    const norm = (w: Float64Array): number => w.slice(0, width).reduce((s, v) => s + v * v, 0);
    expect(norm(large)).toBeLessThan(norm(small) / 4);
    const firstHalf = Int32Array.from({ length: 1000 }, (_, i) => i);
    const subset = fitLinear(active, width, y, { lambda: 1, rows: firstHalf });
    const sliced = fitLinear(
      active.map((a) => a.slice(0, 1000)),
      width,
      y.slice(0, 1000),
      { lambda: 1 },
    );
    expect(Array.from(subset)).toEqual(Array.from(sliced));
  });

  it('measures reasons from the average deal: the mean contributions add up to the average logit', () => {
    const w = fitLinear(active, width, y, { lambda: 1 });
    const means = featureMeans(active, w, y.length);
    const logits = linearLogits(active, w, y.length);
    const average = logits.reduce((s, v) => s + v, 0) / y.length;
    expect((w[width] as number) + means.reduce((s, m) => s + m, 0)).toBeCloseTo(average, 10);
  });
});
