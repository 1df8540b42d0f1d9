/**
 * One histogram decision tree over pre-binned data, grown depth-first with in-place row
 * partitioning (as scikit-learn's builder does), split by squared error: for 0/1 targets
 * that is exactly the Gini criterion, so one builder serves classification and regression.
 *
 * Numeric splits send bins ≤ t left and try missing on both sides; categorical splits
 * order the levels by mean target and scan prefixes, which finds the best two-way
 * partition for squared error (Fisher 1958), so categories need no one-hot expansion.
 */
import { MISSING_BIN, type BinnedData } from './binning';
import type { Random } from '../random';

export interface TreeOptions {
  /** Features tried per node. */
  maxFeatures: number;
  /** Minimum distinct training rows in a leaf. */
  minSamplesLeaf: number;
  maxDepth: number;
}

/** A fitted tree in flat arrays; node 0 is the root. */
export interface Tree {
  /** Split feature, or −1 for a leaf. */
  feature: Int32Array;
  /** Numeric: highest bin that goes left. Categorical: word offset of the left-set bitset in `categorySets`. */
  split: Int32Array;
  /** Numeric splits: 1 when the missing bin goes left. */
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Weighted mean target of the node's training rows (leaf prediction; contributions use inner nodes too). */
  value: Float32Array;
  /** Weighted training rows in the node. */
  weight: Float32Array;
  /** 8 words (256 bits) per categorical split: bit b set = bin b goes left. */
  categorySets: Uint32Array;
}

const SET_WORDS = 8;
const MIN_GAIN = 1e-12;

/** Scratch buffers shared by all nodes of all trees of one fit. */
export class TreeScratch {
  readonly count = new Float64Array(256);
  readonly sum = new Float64Array(256);
  readonly rows = new Float64Array(256);
  readonly order = new Int32Array(256);
  readonly means = new Float64Array(256);
  readonly featureOrder: Int32Array;
  readonly goesLeft = new Uint8Array(256);
  constructor(features: number) {
    this.featureOrder = new Int32Array(features);
  }
}

interface Candidate {
  gain: number;
  feature: number;
  /** Numeric threshold bin, or −1 for categorical. */
  threshold: number;
  missingLeft: boolean;
  /** Categorical left set as a 256-slot mask. */
  leftSet: Uint8Array | null;
}

class TreeBuilder {
  feature: number[] = [];
  split: number[] = [];
  missingLeft: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  weight: number[] = [];
  sets: number[] = [];

  addNode(value: number, weight: number): number {
    this.feature.push(-1);
    this.split.push(0);
    this.missingLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(value);
    this.weight.push(weight);
    return this.feature.length - 1;
  }

  build(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      split: Int32Array.from(this.split),
      missingLeft: Uint8Array.from(this.missingLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float32Array.from(this.value),
      weight: Float32Array.from(this.weight),
      categorySets: Uint32Array.from(this.sets),
    };
  }
}

/**
 * Grows a tree on the rows with positive `weights` (bootstrap counts).
 * `y` holds the targets of all rows; `weights[r]` = 0 leaves row r out (out-of-bag).
 */
export function growTree(
  data: BinnedData,
  y: Float64Array,
  weights: Uint16Array,
  options: TreeOptions,
  random: Random,
  scratch: TreeScratch,
): Tree {
  let inBag = 0;
  for (let r = 0; r < data.rows; r++) if ((weights[r] as number) > 0) inBag++;
  const index = new Int32Array(inBag);
  let totalWeight = 0;
  let totalSum = 0;
  for (let r = 0, k = 0; r < data.rows; r++) {
    const w = weights[r] as number;
    if (w > 0) {
      index[k++] = r;
      totalWeight += w;
      totalSum += w * (y[r] as number);
    }
  }
  const builder = new TreeBuilder();
  if (inBag === 0) {
    builder.addNode(0, 0);
    return builder.build();
  }
  const root = builder.addNode(totalSum / totalWeight, totalWeight);
  // Stack of [node, start, end, depth, weight, sum].
  const stack: number[][] = [[root, 0, inBag, 0, totalWeight, totalSum]];
  while (stack.length > 0) {
    const [node, start, end, depth, nodeWeight, nodeSum] = stack.pop() as number[] as [number, number, number, number, number, number];
    const size = end - start;
    if (size < 2 * options.minSamplesLeaf || depth >= options.maxDepth) continue;
    if (isPure(index, start, end, y)) continue;
    const best = findBestSplit(data, y, weights, index, start, end, nodeWeight, nodeSum, options, random, scratch);
    if (best === null) continue;
    const mid = partition(data.codes[best.feature] as Uint8Array, index, start, end, best);
    // Child statistics from the partition itself (cheap, and exact under float rounding).
    let leftWeight = 0;
    let leftSum = 0;
    for (let i = start; i < mid; i++) {
      const r = index[i] as number;
      const w = weights[r] as number;
      leftWeight += w;
      leftSum += w * (y[r] as number);
    }
    const rightWeight = nodeWeight - leftWeight;
    const rightSum = nodeSum - leftSum;
    const leftNode = builder.addNode(leftSum / leftWeight, leftWeight);
    const rightNode = builder.addNode(rightSum / rightWeight, rightWeight);
    builder.feature[node] = best.feature;
    builder.left[node] = leftNode;
    builder.right[node] = rightNode;
    if (best.leftSet) {
      builder.split[node] = builder.sets.length;
      const words = new Array<number>(SET_WORDS).fill(0);
      for (let b = 0; b < 256; b++) if (best.leftSet[b]) words[b >>> 5]! |= 1 << (b & 31);
      for (const word of words) builder.sets.push(word >>> 0);
    } else {
      builder.split[node] = best.threshold;
      builder.missingLeft[node] = best.missingLeft ? 1 : 0;
    }
    stack.push([rightNode, mid, end, depth + 1, rightWeight, rightSum]);
    stack.push([leftNode, start, mid, depth + 1, leftWeight, leftSum]);
  }
  return builder.build();
}

function isPure(index: Int32Array, start: number, end: number, y: Float64Array): boolean {
  const first = y[index[start] as number];
  for (let i = start + 1; i < end; i++) if (y[index[i] as number] !== first) return false;
  return true;
}

function findBestSplit(
  data: BinnedData,
  y: Float64Array,
  weights: Uint16Array,
  index: Int32Array,
  start: number,
  end: number,
  nodeWeight: number,
  nodeSum: number,
  options: TreeOptions,
  random: Random,
  scratch: TreeScratch,
): Candidate | null {
  const features = data.codes.length;
  const order = scratch.featureOrder;
  for (let f = 0; f < features; f++) order[f] = f;
  const parentScore = (nodeSum * nodeSum) / nodeWeight;
  let best: Candidate | null = null;
  let tried = 0;
  // Draw features without replacement until `maxFeatures` informative ones were tried:
  // like scikit-learn, constant features in this node do not use up the budget.
  for (let k = 0; k < features && tried < options.maxFeatures; k++) {
    const j = k + random.int(features - k);
    const f = order[j] as number;
    order[j] = order[k] as number;
    order[k] = f;
    const informative = fillHistogram(data.codes[f] as Uint8Array, data.binCounts[f] as number, y, weights, index, start, end, scratch);
    if (!informative) continue;
    tried++;
    const candidate =
      data.features[f]?.kind === 'categorical'
        ? bestCategoricalSplit(f, data.binCounts[f] as number, nodeWeight, nodeSum, parentScore, options, scratch)
        : bestNumericSplit(f, data.binCounts[f] as number, nodeWeight, nodeSum, parentScore, options, scratch);
    if (candidate && (best === null || candidate.gain > best.gain)) best = candidate;
  }
  return best;
}

/** Fills count/sum/rows histograms of one feature; false when the node has a single bin. */
function fillHistogram(
  codes: Uint8Array,
  bins: number,
  y: Float64Array,
  weights: Uint16Array,
  index: Int32Array,
  start: number,
  end: number,
  scratch: TreeScratch,
): boolean {
  const { count, sum, rows } = scratch;
  count.fill(0, 0, bins);
  sum.fill(0, 0, bins);
  rows.fill(0, 0, bins);
  for (let i = start; i < end; i++) {
    const r = index[i] as number;
    const b = codes[r] as number;
    const w = weights[r] as number;
    count[b]! += w;
    sum[b]! += w * (y[r] as number);
    rows[b]! += 1;
  }
  let occupied = 0;
  for (let b = 0; b < bins; b++) if ((rows[b] as number) > 0 && ++occupied > 1) return true;
  return false;
}

function bestNumericSplit(
  feature: number,
  bins: number,
  nodeWeight: number,
  nodeSum: number,
  parentScore: number,
  options: TreeOptions,
  scratch: TreeScratch,
): Candidate | null {
  const { count, sum, rows } = scratch;
  const totalRows = sumRange(rows, 0, bins);
  const missingWeight = count[MISSING_BIN] as number;
  const missingSum = sum[MISSING_BIN] as number;
  const missingRows = rows[MISSING_BIN] as number;
  let best: Candidate | null = null;
  let leftWeight = 0;
  let leftSum = 0;
  let leftRows = 0;
  // Thresholds t = 1..bins-2: bins 1..t go left, the rest right; missing tried on each side.
  for (let t = 1; t < bins - 1; t++) {
    leftWeight += count[t] as number;
    leftSum += sum[t] as number;
    leftRows += rows[t] as number;
    if ((rows[t] as number) === 0) continue;
    // Every known value of the node is left: this partition is "known vs missing", tried
    // below as such. As a threshold it would send unseen larger values (and out-of-bag
    // rows of empty upper bins) with the missing ones.
    if (leftRows === totalRows - missingRows) break;
    for (let side = 0; side < (missingRows > 0 ? 2 : 1); side++) {
      const lw = side === 1 ? leftWeight + missingWeight : leftWeight;
      const ls = side === 1 ? leftSum + missingSum : leftSum;
      const lr = side === 1 ? leftRows + missingRows : leftRows;
      const rr = totalRows - lr;
      if (lr < options.minSamplesLeaf || rr < options.minSamplesLeaf) continue;
      const rw = nodeWeight - lw;
      const rs = nodeSum - ls;
      const gain = (ls * ls) / lw + (rs * rs) / rw - parentScore;
      if (gain > MIN_GAIN && (best === null || gain > best.gain)) {
        // No missing rows in this node: send missing values at prediction time to the
        // heavier child, as scikit-learn does, rather than always right (the high bins).
        const missingLeft = missingRows > 0 ? side === 1 : lw >= rw;
        best = { gain, feature, threshold: t, missingLeft, leftSet: null };
      }
    }
  }
  // Missing against everything else: a split on "is this value known".
  if (missingRows >= options.minSamplesLeaf && totalRows - missingRows >= options.minSamplesLeaf) {
    const rw = nodeWeight - missingWeight;
    const rs = nodeSum - missingSum;
    const gain = (missingSum * missingSum) / missingWeight + (rs * rs) / rw - parentScore;
    if (gain > MIN_GAIN && (best === null || gain > best.gain)) {
      best = { gain, feature, threshold: 0, missingLeft: true, leftSet: null };
    }
  }
  return best;
}

function bestCategoricalSplit(
  feature: number,
  bins: number,
  nodeWeight: number,
  nodeSum: number,
  parentScore: number,
  options: TreeOptions,
  scratch: TreeScratch,
): Candidate | null {
  const { count, sum, rows, order, means } = scratch;
  let present = 0;
  for (let b = 0; b < bins; b++) {
    if ((rows[b] as number) > 0) {
      order[present++] = b;
      means[b] = (sum[b] as number) / (count[b] as number);
    }
  }
  // Insertion sort by mean (few levels); ties broken by bin for determinism.
  for (let i = 1; i < present; i++) {
    const b = order[i] as number;
    let j = i - 1;
    while (j >= 0 && ((means[order[j] as number] as number) > (means[b] as number) || ((means[order[j] as number] as number) === (means[b] as number) && (order[j] as number) > b))) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = b;
  }
  const totalRows = sumRange(rows, 0, bins);
  let best: Candidate | null = null;
  let bestPrefix = -1;
  let bestLeftIsHeavier = false;
  let lw = 0;
  let ls = 0;
  let lr = 0;
  for (let i = 0; i < present - 1; i++) {
    const b = order[i] as number;
    lw += count[b] as number;
    ls += sum[b] as number;
    lr += rows[b] as number;
    if (lr < options.minSamplesLeaf || totalRows - lr < options.minSamplesLeaf) continue;
    const rw = nodeWeight - lw;
    const rs = nodeSum - ls;
    const gain = (ls * ls) / lw + (rs * rs) / rw - parentScore;
    if (gain > MIN_GAIN && (best === null || gain > best.gain)) {
      best = { gain, feature, threshold: -1, missingLeft: false, leftSet: null };
      bestPrefix = i;
      bestLeftIsHeavier = lw >= rw;
    }
  }
  if (best === null) return null;
  const leftSet = new Uint8Array(256);
  for (let i = 0; i <= bestPrefix; i++) leftSet[order[i] as number] = 1;
  // Levels absent from this node (unseen levels and missing values arrive here as bin 0)
  // go to the heavier child. Left to default they would always go right, the side of the
  // highest win rates, and an unknown industry would read as a reason to win.
  if (bestLeftIsHeavier) for (let b = 0; b < bins; b++) if ((rows[b] as number) === 0) leftSet[b] = 1;
  best.leftSet = leftSet;
  return best;
}

function sumRange(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] as number;
  return total;
}

/** Moves the rows going left to the front of index[start:end]; returns the boundary. */
function partition(codes: Uint8Array, index: Int32Array, start: number, end: number, split: Candidate): number {
  const goesLeft = splitMask(split);
  let i = start;
  let j = end - 1;
  while (i <= j) {
    if (goesLeft[codes[index[i] as number] as number]) i++;
    else {
      const tmp = index[i] as number;
      index[i] = index[j] as number;
      index[j] = tmp;
      j--;
    }
  }
  return i;
}

function splitMask(split: Candidate): Uint8Array {
  if (split.leftSet) return split.leftSet;
  const mask = new Uint8Array(256);
  for (let b = 1; b <= split.threshold; b++) mask[b] = 1;
  mask[MISSING_BIN] = split.missingLeft ? 1 : 0;
  return mask;
}

/** True when a row with bin `bin` on the node's feature goes left. */
export function goesLeft(tree: Tree, node: number, bin: number, categorical: boolean): boolean {
  if (categorical) {
    const offset = tree.split[node] as number;
    return (((tree.categorySets[offset + (bin >>> 5)] as number) >>> (bin & 31)) & 1) === 1;
  }
  if (bin === MISSING_BIN) return tree.missingLeft[node] === 1;
  return bin <= (tree.split[node] as number);
}

/** The leaf that a row, given as its bins of every feature, falls into. */
export function findLeaf(tree: Tree, isCategorical: readonly boolean[], bins: Uint8Array): number {
  let node = 0;
  for (;;) {
    const f = tree.feature[node] as number;
    if (f < 0) return node;
    node = goesLeft(tree, node, bins[f] as number, isCategorical[f] === true) ? (tree.left[node] as number) : (tree.right[node] as number);
  }
}
