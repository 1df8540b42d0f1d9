import { describe, expect, it } from 'vitest';
import { applyBinning, binCount, fitBinning, MISSING_BIN, numericBin, numericEdges, selectRows, type RawColumn } from '../../lib/engine/forest/binning';

const numeric = (name: string, values: number[]): RawColumn => ({ kind: 'numeric', name, values: Float64Array.from(values) });
const categorical = (name: string, levels: string[], codes: number[]): RawColumn => ({
  kind: 'categorical',
  name,
  levels,
  codes: Int32Array.from(codes),
});

describe('numericEdges', () => {
  it('puts an edge halfway between neighbouring distinct values when they are few', () => {
    expect(numericEdges(Float64Array.of(3, 1, 2, 2, Number.NaN))).toEqual([1.5, 2.5]);
    expect(numericEdges(Float64Array.of(10, -4, 0.5))).toEqual([-1.75, 5.25]);
    // Sorted as numbers, not as text.
    expect(numericEdges(Float64Array.of(100, 9, 20))).toEqual([14.5, 60]);
  });

  it('has no edges for a constant or empty column', () => {
    expect(numericEdges(Float64Array.of(7, 7, 7))).toEqual([]);
    expect(numericEdges(Float64Array.of(Number.NaN, Number.NaN))).toEqual([]);
    expect(numericEdges(new Float64Array(0))).toEqual([]);
  });

  it('keeps distinct values exact up to maxBins − 1 of them', () => {
    // maxBins 4 = missing + 3 value bins: three distinct values fit exactly.
    expect(numericEdges(Float64Array.of(1, 2, 3), 4)).toEqual([1.5, 2.5]);
  });

  it('places quantile edges between values when there are more distinct values than bins', () => {
    // maxBins 4 leaves 2 edges: the tertiles of 1..10 sit at positions 3 and 6 (values 4 and 7),
    // and each edge goes halfway to the next larger value.
    expect(
      numericEdges(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        4,
      ),
    ).toEqual([4.5, 7.5]);
  });

  it('never repeats an edge when a value is heavily tied', () => {
    // Both tertile positions fall inside the run of zeros: one edge, after the zeros.
    expect(numericEdges(Float64Array.of(0, 0, 0, 0, 0, 0, 0, 1, 2, 3), 4)).toEqual([0.5]);
  });

  it('uses at most 254 edges, strictly increasing, so bins fit a byte', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 1000);
    const edges = numericEdges(values);
    expect(edges).toHaveLength(254);
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1] as number);
    const bins = new Set(Array.from(values, (v) => numericBin(edges, v)));
    expect(Math.max(...bins)).toBe(255);
    expect(Math.min(...bins)).toBe(1);
    // Quantile bins hold about the same number of rows (5000 / 255 ≈ 19.6).
    const counts = new Map<number, number>();
    for (const v of values) counts.set(numericBin(edges, v), (counts.get(numericBin(edges, v)) ?? 0) + 1);
    for (const c of counts.values()) expect(c).toBeLessThanOrEqual(21);
  });

  it('rejects maxBins outside [3, 256]', () => {
    expect(() => numericEdges(Float64Array.of(1), 2)).toThrow('numericEdges: maxBins must be in [3, 256], got 2');
    expect(() => numericEdges(Float64Array.of(1), 257)).toThrow('got 257');
  });
});

describe('numericBin', () => {
  it('sends values ≤ an edge to its bin, larger values to the open last bin, NaN to bin 0', () => {
    const edges = [1.5, 2.5];
    expect([1, 1.5, 2, 2.5, 3, -Infinity, Infinity].map((v) => numericBin(edges, v))).toEqual([1, 1, 2, 2, 3, 1, 3]);
    expect(numericBin(edges, Number.NaN)).toBe(MISSING_BIN);
    expect(MISSING_BIN).toBe(0);
    expect(numericBin([], 42)).toBe(1);
  });
});

describe('fitBinning / applyBinning', () => {
  it('bins numeric columns by the fitted edges and counts bins with the missing one', () => {
    const columns = [numeric('amount', [10, 30, Number.NaN, 20, 30])];
    const binning = fitBinning(columns);
    expect(binning).toEqual([{ kind: 'numeric', name: 'amount', edges: [15, 25] }]);
    const data = applyBinning(binning, columns);
    expect(data.rows).toBe(5);
    expect([...(data.codes[0] as Uint8Array)]).toEqual([1, 3, 0, 2, 3]);
    expect(data.binCounts).toEqual([4]);
    expect(binCount(binning[0]!)).toBe(4);
    // New data: values between and beyond the training values.
    const fresh = applyBinning(binning, [numeric('amount', [0, 15, 16, 1e9, Number.NaN])]);
    expect([...(fresh.codes[0] as Uint8Array)]).toEqual([1, 1, 2, 3, 0]);
  });

  it('gives categorical levels bins 1..L in the fitted order and missing (−1) bin 0', () => {
    const columns = [categorical('industry', ['Tech', 'Retail', 'Health'], [0, 1, 2, -1, 1])];
    const binning = fitBinning(columns);
    expect(binning).toEqual([{ kind: 'categorical', name: 'industry', levels: ['Tech', 'Retail', 'Health'] }]);
    const data = applyBinning(binning, columns);
    expect([...(data.codes[0] as Uint8Array)]).toEqual([1, 2, 3, 0, 2]);
    expect(data.binCounts).toEqual([4]);
  });

  it('translates categorical codes by level name, and unseen levels to missing', () => {
    const binning = fitBinning([categorical('industry', ['Tech', 'Retail', 'Health'], [0])]);
    // New data lists its levels in another order and has a level the model never saw.
    const fresh = applyBinning(binning, [categorical('industry', ['Health', 'Mining', 'Tech'], [0, 1, 2, -1, 2])]);
    expect([...(fresh.codes[0] as Uint8Array)]).toEqual([3, 0, 1, 0, 1]);
  });

  it('copies the level list, so later changes to the column do not alter the model', () => {
    const levels = ['a', 'b'];
    const binning = fitBinning([categorical('x', levels, [0, 1])]);
    levels.push('c');
    expect(binning[0]).toEqual({ kind: 'categorical', name: 'x', levels: ['a', 'b'] });
  });

  it('names the feature when the data does not match the model', () => {
    const binning = fitBinning([numeric('amount', [1, 2]), categorical('industry', ['a'], [0, 0])]);
    expect(() => applyBinning(binning, [numeric('amount', [1, 2])])).toThrow('applyBinning: the model has 2 features but the data has 1');
    expect(() => applyBinning(binning, [numeric('amount', [1, 2]), numeric('industry', [1, 2])])).toThrow(
      'applyBinning: feature 1 is categorical "industry" in the model but numeric "industry" in the data',
    );
    expect(() => applyBinning(binning, [numeric('revenue', [1, 2]), categorical('industry', ['a'], [0, 0])])).toThrow(
      'feature 0 is numeric "amount" in the model but numeric "revenue" in the data',
    );
    expect(() => applyBinning(binning, [numeric('amount', [1, 2]), categorical('industry', ['a'], [0])])).toThrow(
      'applyBinning: feature "industry" has 1 rows, expected 2',
    );
  });

  it('names the feature with more levels than a byte holds', () => {
    const levels = Array.from({ length: 256 }, (_, i) => `L${i}`);
    expect(() => fitBinning([categorical('product', levels, [0])])).toThrow('fitBinning: feature "product" has 256 levels; at most 255 fit a byte');
    expect(() => fitBinning([categorical('product', levels.slice(0, 255), [0])])).not.toThrow();
  });

  it('passes maxBins to numeric columns', () => {
    const binning = fitBinning([numeric('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])], 4);
    expect(binning[0]).toEqual({ kind: 'numeric', name: 'x', edges: [4.5, 7.5] });
  });
});

describe('selectRows', () => {
  it('takes the given rows of every feature, repeats allowed', () => {
    const columns = [numeric('a', [1, 2, 3, 4]), categorical('b', ['x', 'y'], [0, 1, -1, 0])];
    const data = applyBinning(fitBinning(columns), columns);
    const picked = selectRows(data, [3, 0, 0]);
    expect(picked.rows).toBe(3);
    expect([...(picked.codes[0] as Uint8Array)]).toEqual([4, 1, 1]);
    expect([...(picked.codes[1] as Uint8Array)]).toEqual([1, 1, 1]);
    expect(picked.binCounts).toBe(data.binCounts);
    expect(picked.features).toBe(data.features);
  });
});
