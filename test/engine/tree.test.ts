/**
 * One tree grown on hand-sized data with given bootstrap weights, so every node is a
 * worked example: gains are computed by hand in the comments (squared-error gain
 * = Σ_child (Σy)²/w − (Σy)²/w of the parent).
 */
import { describe, expect, it } from 'vitest';
import { applyBinning, fitBinning, type RawColumn } from '../../lib/engine/forest/binning';
import { findLeaf, findLeafOfRow, goesLeft, growTree, TreeScratch, type Tree, type TreeOptions } from '../../lib/engine/forest/tree';
import { Random } from '../../lib/seeded/random';

const DEEP: TreeOptions = { maxFeatures: 1, minSamplesLeaf: 1, maxDepth: 40 };

function grow(columns: RawColumn[], y: number[], weights: number[], options: TreeOptions = DEEP): Tree {
  const data = applyBinning(fitBinning(columns), columns);
  return growTree(data, Float64Array.from(y), Uint16Array.from(weights), options, new Random(1), new TreeScratch(columns.length));
}

const numeric = (values: number[]): RawColumn => ({ kind: 'numeric', name: 'x', values: Float64Array.from(values) });
const plain = (tree: Tree): Record<string, number[]> =>
  Object.fromEntries(Object.entries(tree).map(([key, array]) => [key, Array.from(array as ArrayLike<number>)]));

describe('growTree', () => {
  it('splits [0, 0, 1, 1] between the second and third value', () => {
    // x = 1..4 → bins 1..4; the split "bins ≤ 2 left" leaves two pure children.
    // No row is missing, so a missing value met later goes to the heavier child (a tie: left).
    const tree = grow([numeric([1, 2, 3, 4])], [0, 0, 1, 1], [1, 1, 1, 1]);
    expect(plain(tree)).toEqual({
      feature: [0, -1, -1],
      split: [2, 0, 0],
      missingLeft: [1, 0, 0],
      left: [1, -1, -1],
      right: [2, -1, -1],
      value: [0.5, 0, 1],
      weight: [4, 2, 2],
      categorySets: [],
    });
  });

  it('weights rows by their bootstrap counts and leaves out rows with weight 0', () => {
    // In bag: x=1 (y 0, ×2), x=3 (y 0), x=4 (y 1); parent (Σy)²/w = 1/4.
    // Split after bin 1: 0 + 1²/2 − 1/4 = 0.25. After bin 3: 0 + 1²/1 − 1/4 = 0.75 (best).
    // Bin 2 (x=2) is out of bag, so "after bin 2" is not a distinct split.
    const tree = grow([numeric([1, 2, 3, 4])], [0, 1, 0, 1], [2, 0, 1, 1]);
    expect(Array.from(tree.split)).toEqual([3, 0, 0]);
    expect(Array.from(tree.value)).toEqual([0.25, 0, 1]);
    expect(Array.from(tree.weight)).toEqual([4, 3, 1]);
  });

  it('keeps at least minSamplesLeaf rows on each side', () => {
    // y = [0, 1, 1, 1, 1]: with 1 row per leaf the best split isolates x=1.
    expect(Array.from(grow([numeric([1, 2, 3, 4, 5])], [0, 1, 1, 1, 1], [1, 1, 1, 1, 1]).split)).toEqual([1, 0, 0]);
    // With 2: after bin 2 gains 1²/2 + 3²/3 − 4²/5 = 0.3; after bin 3 gains 2²/3 + 2²/2 − 3.2 ≈ 0.133.
    // The left child (2 rows) is then too small to split again.
    const tree = grow([numeric([1, 2, 3, 4, 5])], [0, 1, 1, 1, 1], [1, 1, 1, 1, 1], { ...DEEP, minSamplesLeaf: 2 });
    expect(Array.from(tree.split)).toEqual([2, 0, 0]);
    expect(Array.from(tree.value)).toEqual([Math.fround(0.8), 0.5, 1]);
  });

  it('grows the same tree whether its rows all weigh 1 (the unit-weight path) or all weigh 2', () => {
    // Doubling every weight doubles every node's weight and leaves means, gains' order and
    // row counts alone, so the two paths of the histogram pass must agree on every split.
    const random = new Random(5);
    const n = 300;
    const columns: RawColumn[] = [
      numeric(Array.from({ length: n }, () => random.int(40))),
      { kind: 'categorical', name: 'c', levels: ['a', 'b', 'c', 'd', 'e'], codes: Int32Array.from({ length: n }, () => random.int(6) - 1) },
      numeric(Array.from({ length: n }, () => (random.next() < 0.2 ? Number.NaN : random.next()))),
    ];
    const y = Array.from({ length: n }, (_, i) => ((columns[0] as { values: Float64Array }).values[i]! > 20 !== random.next() < 0.2 ? 1 : 0));
    const options: TreeOptions = { maxFeatures: 2, minSamplesLeaf: 3, maxDepth: 40, binary: true };
    const data = applyBinning(fitBinning(columns), columns);
    const unit = growTree(data, Float64Array.from(y), new Uint16Array(n).fill(1), options, new Random(2), new TreeScratch(3));
    const double = growTree(data, Float64Array.from(y), new Uint16Array(n).fill(2), options, new Random(2), new TreeScratch(3));
    expect(unit.feature.length).toBeGreaterThan(9);
    const { weight: unitWeight, ...unitRest } = plain(unit);
    const { weight: doubleWeight, ...doubleRest } = plain(double);
    expect(unitRest).toEqual(doubleRest);
    expect(doubleWeight).toEqual(unitWeight?.map((w) => 2 * w));
  });

  it('gives every left-out row the value of the leaf findLeaf walks it to, and no vote to the rows it grew on', () => {
    // The out-of-bag rows are split beside the grown ones; walking them down the finished
    // tree must land them in the same leaves, missing values and absent levels included.
    const random = new Random(8);
    const n = 400;
    const columns: RawColumn[] = [
      numeric(Array.from({ length: n }, () => (random.next() < 0.1 ? Number.NaN : random.int(50)))),
      { kind: 'categorical', name: 'c', levels: ['a', 'b', 'c', 'd', 'e', 'f'], codes: Int32Array.from({ length: n }, () => random.int(7) - 1) },
      numeric(Array.from({ length: n }, () => random.next())),
    ];
    const y = Float64Array.from({ length: n }, (_, i) => ((columns[2] as { values: Float64Array }).values[i]! > 0.5 !== random.next() < 0.25 ? 1 : 0));
    const data = applyBinning(fitBinning(columns), columns);
    const categorical = [false, true, false];
    for (const [name, weights] of [
      ['half the rows, each once (the packed path)', Uint16Array.from({ length: n }, () => (random.next() < 0.5 ? 1 : 0))],
      ['a bootstrap (weights up to 4)', Uint16Array.from({ length: n }, () => (random.next() < 0.37 ? 0 : 1 + random.int(4)))],
    ] as const) {
      const votes = { sum: new Float64Array(n).fill(0.25), count: new Uint16Array(n).fill(3) };
      const tree = growTree(data, y, weights, { maxFeatures: 2, minSamplesLeaf: 3, maxDepth: 40, binary: true }, new Random(3), new TreeScratch(3), votes);
      expect(tree.feature.length, name).toBeGreaterThan(15);
      for (let r = 0; r < n; r++) {
        if (weights[r] === 0) {
          expect(votes.count[r], name).toBe(4);
          expect(votes.sum[r], name).toBe(0.25 + (tree.value[findLeafOfRow(tree, categorical, data.codes, r)] as number));
        } else {
          expect(votes.count[r], name).toBe(3);
          expect(votes.sum[r], name).toBe(0.25);
        }
      }
    }
  });

  it('counts a bin of more than 32,767 wins right on the packed path (its integer wraps past 2³¹)', () => {
    // 60,000 rows, 45,000 of them wins in one bin: rows + wins × 2¹⁶ is above 2³¹ there.
    const n = 60_000;
    const columns = [numeric(Array.from({ length: n }, (_, i) => (i < 50_000 ? 1 : 2)))];
    const y = Float64Array.from({ length: n }, (_, i) => (i < 45_000 ? 1 : 0));
    const data = applyBinning(fitBinning(columns), columns);
    const options: TreeOptions = { maxFeatures: 1, minSamplesLeaf: 5, maxDepth: 3, binary: true };
    const packed = growTree(data, y, new Uint16Array(n).fill(1), options, new Random(1), new TreeScratch(1));
    const weighted = growTree(data, y, new Uint16Array(n).fill(2), options, new Random(1), new TreeScratch(1));
    expect(Array.from(packed.value)).toEqual([0.75, Math.fround(0.9), 0]);
    expect(Array.from(packed.value)).toEqual(Array.from(weighted.value));
  });

  it('stops at maxDepth', () => {
    const tree = grow([numeric([1, 2, 3, 4, 5, 6])], [0, 1, 0, 1, 0, 1], [1, 1, 1, 1, 1, 1], { ...DEEP, maxDepth: 0 });
    expect(Array.from(tree.feature)).toEqual([-1]);
    expect(Array.from(tree.value)).toEqual([0.5]);
  });

  it('does not split a pure node', () => {
    const tree = grow([numeric([1, 2, 3])], [1, 1, 1], [1, 1, 1]);
    expect(Array.from(tree.feature)).toEqual([-1]);
    expect(Array.from(tree.value)).toEqual([1]);
  });

  it('is a single zero leaf when no row is in the bag', () => {
    const tree = grow([numeric([1, 2])], [0, 1], [0, 0]);
    expect(plain(tree)).toMatchObject({ feature: [-1], value: [0], weight: [0] });
  });

  it('splits "value known" against "missing" when that is what separates the classes', () => {
    // Bins: NaN → 0, 1 → 1, 2 → 2. Missing-vs-rest gains 2²/2 + 0 − 2²/4 = 1; the best
    // threshold split (x=1 against x=2 with the missing rows) gains only 1/3.
    const tree = grow([numeric([Number.NaN, 1, 2, Number.NaN])], [1, 0, 0, 1], [1, 1, 1, 1]);
    expect(Array.from(tree.split)).toEqual([0, 0, 0]);
    expect(Array.from(tree.missingLeft)).toEqual([1, 0, 0]);
    expect(Array.from(tree.value)).toEqual([0.5, 1, 0]);
  });

  it('keeps values above the known ones of a node with the known ones in a known-vs-missing split', () => {
    // x = 3 is out of the bag, so the node's known values are 1 and 2. "Known vs missing"
    // must not become the threshold "≤ 2, missing right", which would send x = 3 with the missing rows.
    const tree = grow([numeric([1, 2, 3, Number.NaN, Number.NaN])], [0, 0, 0, 1, 1], [1, 1, 0, 1, 1]);
    expect(Array.from(tree.split)).toEqual([0, 0, 0]);
    expect(Array.from(tree.missingLeft)).toEqual([1, 0, 0]);
    expect(tree.value[findLeaf(tree, [false], Uint8Array.of(3))]).toBe(0);
    expect(tree.value[findLeaf(tree, [false], Uint8Array.of(0))]).toBe(1);
  });

  it('sends missing values to the heavier child when the node had none', () => {
    // y = [0, 1, 1, 1, 1] splits after x=1: 1 row left, 4 right → missing goes right.
    expect(Array.from(grow([numeric([1, 2, 3, 4, 5])], [0, 1, 1, 1, 1], [1, 1, 1, 1, 1]).missingLeft)).toEqual([0, 0, 0]);
    // y = [0, 0, 0, 0, 1] splits after x=4: 4 rows left → missing goes left. Weights count, not rows:
    expect(Array.from(grow([numeric([1, 2, 3, 4, 5])], [0, 0, 0, 0, 1], [1, 1, 1, 1, 1]).missingLeft)).toEqual([1, 0, 0]);
    expect(Array.from(grow([numeric([1, 2, 3, 4, 5])], [0, 0, 0, 0, 1], [1, 1, 1, 1, 5]).missingLeft)).toEqual([0, 0, 0]);
  });

  it('tries the missing bin on both sides of a threshold', () => {
    // Missing rows behave like the high values: x ≤ 2 left, {3, 4, missing} right.
    const right = grow([numeric([1, 2, 3, 4, Number.NaN, Number.NaN])], [0, 0, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1]);
    expect(Array.from(right.split)).toEqual([2, 0, 0]);
    expect(Array.from(right.missingLeft)).toEqual([0, 0, 0]);
    // …and like the low values: {1, 2, missing} left.
    const left = grow([numeric([1, 2, 3, 4, Number.NaN, Number.NaN])], [0, 0, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1]);
    expect(Array.from(left.split)).toEqual([2, 0, 0]);
    expect(Array.from(left.missingLeft)).toEqual([1, 0, 0]);
  });

  it('groups categorical levels by mean target (one split for a non-contiguous set)', () => {
    // Levels A, B, C → bins 1, 2, 3; mean y: A 1, B 0, C 1. Sorted by mean: B | A, C.
    const column: RawColumn = { kind: 'categorical', name: 'c', levels: ['A', 'B', 'C'], codes: Int32Array.of(0, 1, 2, 0, 1, 2) };
    const tree = grow([column], [1, 0, 1, 1, 0, 1], [1, 1, 1, 1, 1, 1]);
    expect(Array.from(tree.feature)).toEqual([0, -1, -1]);
    // One 256-bit set: bit 2 (B) goes left.
    expect(Array.from(tree.split)).toEqual([0, 0, 0]);
    expect(Array.from(tree.categorySets)).toEqual([1 << 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(tree.value)).toEqual([Math.fround(4 / 6), 0, 1]);
    expect(goesLeft(tree, 0, 2, true)).toBe(true);
    // Missing (bin 0) was not in the node: it goes with the heavier side {A, C}, right.
    expect([1, 3, 0].map((bin) => goesLeft(tree, 0, bin, true))).toEqual([false, false, false]);
  });

  it('sends levels absent from the node (unseen, missing) to the heavier child, not to the high-mean side', () => {
    // B (4 rows, y 0) | A, C (1 row each, y 1): the low-mean side is the heavier one, so bin 0
    // joins it. Before, absent levels always went right, with the highest win rates.
    const column: RawColumn = { kind: 'categorical', name: 'c', levels: ['A', 'B', 'C'], codes: Int32Array.of(0, 1, 1, 1, 1, 2) };
    const tree = grow([column], [1, 0, 0, 0, 0, 1], [1, 1, 1, 1, 1, 1]);
    expect(Array.from(tree.categorySets)).toEqual([(1 << 2) | 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(tree.value[findLeaf(tree, [true], Uint8Array.of(0))]).toBe(0);
  });

  it('picks the informative feature among constant ones without spending the feature budget on them', () => {
    // maxFeatures 1: constant features are skipped, not counted, so the root still splits.
    const columns = [
      { kind: 'numeric', name: 'a', values: Float64Array.of(5, 5, 5, 5) },
      { kind: 'numeric', name: 'b', values: Float64Array.of(5, 5, 5, 5) },
      { kind: 'numeric', name: 'c', values: Float64Array.of(1, 2, 3, 4) },
    ] satisfies RawColumn[];
    const tree = grow(columns, [0, 0, 1, 1], [1, 1, 1, 1]);
    expect(Array.from(tree.feature)).toEqual([2, -1, -1]);
  });
});

describe('findLeaf', () => {
  it('follows the splits to a leaf', () => {
    // Two levels deep: x ≤ 2 left, then x ≤ 1 left.
    const tree = grow([numeric([1, 2, 3, 4])], [0, 0.5, 1, 1], [1, 1, 1, 1]);
    const leafOf = (bin: number): number => tree.value[findLeaf(tree, [false], Uint8Array.of(bin))] as number;
    expect([1, 2, 3, 4].map(leafOf)).toEqual([0, 0.5, 1, 1]);
  });
});
