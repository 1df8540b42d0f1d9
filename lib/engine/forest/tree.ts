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
import type { Random } from '../../seeded/random';

export interface TreeOptions {
  /** Features tried per node. */
  maxFeatures: number;
  /** Minimum distinct training rows in a leaf. */
  minSamplesLeaf: number;
  maxDepth: number;
  /** Targets are 0/1: a node is pure when its weighted sum is 0 or its weight. */
  binary?: boolean;
  /**
   * Prior weight (in rows) that pulls a category's mean toward the node's before the levels
   * are ordered for a categorical split. A level seen twice with two wins would otherwise
   * sort beside a level won 100 times in 100; shrunk toward its parent it sorts near the
   * middle, where its few rows cannot decide the split. 0 orders by the raw means.
   */
  categorySmoothing?: number;
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
  /** Rows per bin; the same array as `count` while a tree's rows all weigh 1 (see growTree). */
  rows = new Float64Array(256);
  private readonly rowsOwn = this.rows;
  readonly order = new Int32Array(256);
  readonly means = new Float64Array(256);
  readonly featureOrder: Int32Array;
  /** Occupied bins of the current feature in the current node, ascending. */
  readonly present = new Int32Array(256);
  /** Rows and wins per bin packed in one integer (rows + wins × 2¹⁶), for trees on unit-weight 0/1 rows (see NodeRows.packed). */
  readonly packed = new Int32Array(256);
  /** Two left-set buffers: one holds the node's best split so far, the other the next candidate. */
  readonly sets = [new Uint8Array(256), new Uint8Array(256)] as const;
  constructor(features: number) {
    this.featureOrder = new Int32Array(features);
  }

  /** With unit weights a bin's weight is its row count: one histogram fewer to fill and clear. */
  useUnitWeights(unit: boolean): void {
    this.rows = unit ? this.count : this.rowsOwn;
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
  /** Weight and weighted target sum of the rows that go left. */
  leftWeight: number;
  leftSum: number;
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

/** Out-of-bag votes of a forest being grown: per row, the sum of its leaves' values and how many trees voted. */
export interface OutOfBagVotes {
  sum: Float64Array;
  count: Uint16Array;
}

/**
 * Grows a tree on the rows with positive `weights` (bootstrap counts).
 * `y` holds the targets of all rows; `weights[r]` = 0 leaves row r out (out-of-bag).
 * With `votes`, each out-of-bag row's leaf value is added to them: the rows left out are
 * split beside the grown ones, node by node (one feature read per row and level, in
 * order), so they reach the leaf `findLeaf` would walk them to without a walk per row.
 */
export function growTree(
  data: BinnedData,
  y: Float64Array,
  weights: Uint16Array,
  options: TreeOptions,
  random: Random,
  scratch: TreeScratch,
  votes?: OutOfBagVotes,
): Tree {
  let inBag = 0;
  for (let r = 0; r < data.rows; r++) if ((weights[r] as number) > 0) inBag++;
  const out = votes ? new Int32Array(data.rows - inBag) : new Int32Array(0);
  if (votes) for (let r = 0, k = 0; r < data.rows; r++) if ((weights[r] as number) === 0) out[k++] = r;
  const vote = (value: number, from: number, to: number): void => {
    if (!votes) return;
    for (let i = from; i < to; i++) {
      const r = out[i] as number;
      votes.sum[r]! += value;
      votes.count[r]! += 1;
    }
  };
  // The node's rows, with their weight and weighted target kept alongside and permuted
  // together, so the histogram pass reads them in sequence (only the bins are gathered).
  const rows: NodeRows = { index: new Int32Array(inBag), weight: new Float64Array(inBag), weighted: new Float64Array(inBag), unit: false, packed: null };
  const { index } = rows;
  let totalWeight = 0;
  let totalSum = 0;
  for (let r = 0, k = 0; r < data.rows; r++) {
    const w = weights[r] as number;
    if (w > 0) {
      index[k] = r;
      rows.weight[k] = w;
      rows.weighted[k] = w * (y[r] as number);
      k++;
      totalWeight += w;
      totalSum += w * (y[r] as number);
    }
  }
  // Rows drawn without replacement all weigh 1 (Win Potential's trees): then a bin's weight
  // is its row count and the weights need neither reading nor moving, which is about a
  // fifth of the tree's time.
  rows.unit = totalWeight === inBag;
  scratch.useUnitWeights(rows.unit);
  if (rows.unit && options.binary && inBag < PACKED_ROWS) rows.packed = packedRows(rows.weighted);
  // What moves with the index when a node's rows are split: only what the histograms read.
  const companions = rows.packed ? [rows.packed] : rows.unit ? [rows.weighted] : [rows.weight, rows.weighted];
  const builder = new TreeBuilder();
  if (inBag === 0) {
    builder.addNode(0, 0);
    vote(0, 0, out.length);
    return builder.build();
  }
  const root = builder.addNode(totalSum / totalWeight, totalWeight);
  // Depth-first stack of pending nodes, in typed arrays (one entry per open node).
  const capacity = 2 * options.maxDepth + 8;
  const stackNode = new Int32Array(capacity);
  const stackStart = new Int32Array(capacity);
  const stackEnd = new Int32Array(capacity);
  const stackDepth = new Int32Array(capacity);
  const stackWeight = new Float64Array(capacity);
  const stackSum = new Float64Array(capacity);
  // The node's out-of-bag rows: out[outStart:outEnd].
  const stackOutStart = new Int32Array(capacity);
  const stackOutEnd = new Int32Array(capacity);
  // Per stack slot, the features known to be constant in that node: constant in a node means
  // constant in every node below it, so its histogram is never filled again there. On data
  // with many nearly constant flags (a lead form's yes/no fields) deep nodes otherwise filled
  // several of them per split only to find one value. The draws stay as they were, so trees
  // are the same as without this.
  const features = data.codes.length;
  const constant = new Uint8Array(capacity * features);
  let top = 0;
  const push = (node: number, start: number, end: number, depth: number, weight: number, sum: number, outStart: number, outEnd: number): void => {
    stackOutStart[top] = outStart;
    stackOutEnd[top] = outEnd;
    stackNode[top] = node;
    stackStart[top] = start;
    stackEnd[top] = end;
    stackDepth[top] = depth;
    stackWeight[top] = weight;
    stackSum[top] = sum;
    top++;
  };
  push(root, 0, inBag, 0, totalWeight, totalSum, 0, out.length);
  while (top > 0) {
    top--;
    const node = stackNode[top] as number;
    const start = stackStart[top] as number;
    const end = stackEnd[top] as number;
    const depth = stackDepth[top] as number;
    const nodeWeight = stackWeight[top] as number;
    const nodeSum = stackSum[top] as number;
    const outStart = stackOutStart[top] as number;
    const outEnd = stackOutEnd[top] as number;
    const best =
      end - start < 2 * options.minSamplesLeaf ||
      depth >= options.maxDepth ||
      (options.binary ? nodeSum === 0 || nodeSum === nodeWeight : isPure(index, start, end, y))
        ? null
        : findBestSplit(data, rows, start, end, nodeWeight, nodeSum, options, random, scratch, constant.subarray(top * features, (top + 1) * features));
    if (best === null) {
      // A leaf: its out-of-bag rows vote its value, as stored (a float32).
      vote(Math.fround(builder.value[node] as number), outStart, outEnd);
      continue;
    }
    const codes = data.codes[best.feature] as Uint8Array;
    const mid = partition(codes, index, companions, start, end, best);
    const outMid = votes ? partition(codes, out, [], outStart, outEnd, best) : outStart;
    const { leftWeight, leftSum } = best;
    const rightWeight = nodeWeight - leftWeight;
    const rightSum = nodeSum - leftSum;
    const leftNode = builder.addNode(leftSum / leftWeight, leftWeight);
    const rightNode = builder.addNode(rightSum / rightWeight, rightWeight);
    builder.feature[node] = best.feature;
    builder.left[node] = leftNode;
    builder.right[node] = rightNode;
    if (best.leftSet) {
      builder.split[node] = builder.sets.length;
      const bins = data.binCounts[best.feature] as number;
      for (let word = 0; word < SET_WORDS; word++) {
        let bits = 0;
        for (let b = word * 32; b < Math.min(bins, word * 32 + 32); b++) if (best.leftSet[b]) bits |= 1 << (b & 31);
        builder.sets.push(bits >>> 0);
      }
    } else {
      builder.split[node] = best.threshold;
      builder.missingLeft[node] = best.missingLeft ? 1 : 0;
    }
    // The right child's stack slot is filled first so the left subtree is grown first.
    // The right child takes this node's slot and its constant features as they are; the left
    // child's slot gets a copy.
    push(rightNode, mid, end, depth + 1, rightWeight, rightSum, outMid, outEnd);
    constant.copyWithin(top * features, (top - 1) * features, top * features);
    push(leftNode, start, mid, depth + 1, leftWeight, leftSum, outStart, outMid);
  }
  return builder.build();
}

/** A win adds this to its bin's packed count; rows take the low 16 bits, so a tree's rows must number fewer than 2¹⁶. */
const PACKED_WIN = 1 << 16;
const PACKED_ROWS = 1 << 16;

/** Each row's 1 + target × 2¹⁶, or null when a target is not 0 or 1. */
function packedRows(targets: Float64Array): Int32Array | null {
  const packed = new Int32Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as number;
    if (target !== 0 && target !== 1) return null;
    packed[i] = target === 1 ? 1 + PACKED_WIN : 1;
  }
  return packed;
}

function isPure(index: Int32Array, start: number, end: number, y: Float64Array): boolean {
  const first = y[index[start] as number];
  for (let i = start + 1; i < end; i++) if (y[index[i] as number] !== first) return false;
  return true;
}

/** Rows of the tree being grown, ordered so each node's rows are one contiguous range. */
interface NodeRows {
  index: Int32Array;
  weight: Float64Array;
  /** weight × target */
  weighted: Float64Array;
  /** Every weight is 1: `weight` is not read or kept in order. */
  unit: boolean;
  /**
   * Unit weights and 0/1 targets in a tree of fewer than 2¹⁶ rows: each row's 1 + target × 2¹⁶,
   * kept in order instead of `weighted`. A bin's rows and wins are then one integer sum, one
   * memory update per row instead of two (consecutive rows of one bin wait on each other's
   * update, so this is most of the histogram's time; Win Potential's trees all run here).
   */
  packed: Int32Array | null;
}

function findBestSplit(
  data: BinnedData,
  rows: NodeRows,
  start: number,
  end: number,
  nodeWeight: number,
  nodeSum: number,
  options: TreeOptions,
  random: Random,
  scratch: TreeScratch,
  /** Features constant in this node (1), found here or above; updated in place. */
  constant: Uint8Array,
): Candidate | null {
  const features = data.codes.length;
  const order = scratch.featureOrder;
  for (let f = 0; f < features; f++) order[f] = f;
  const parentScore = (nodeSum * nodeSum) / nodeWeight;
  const node: NodeStats = { weight: nodeWeight, sum: nodeSum, rows: end - start, parentScore };
  let best: Candidate | null = null;
  let tried = 0;
  // Draw features without replacement until `maxFeatures` informative ones were tried:
  // like scikit-learn, constant features in this node do not use up the budget.
  for (let k = 0; k < features && tried < options.maxFeatures; k++) {
    const j = k + random.int(features - k);
    const f = order[j] as number;
    order[j] = order[k] as number;
    order[k] = f;
    if (constant[f] === 1) continue;
    const present = fillHistogram(data.codes[f] as Uint8Array, rows, start, end, scratch);
    if (present <= 1) constant[f] = 1;
    if (present > 1) {
      tried++;
      const incumbent = best as Candidate | null;
      const bar: number = incumbent === null ? MIN_GAIN : incumbent.gain;
      const candidate: Candidate | null =
        data.features[f]?.kind === 'categorical'
          ? bestCategoricalSplit(f, data.binCounts[f] as number, present, node, bar, incumbent?.leftSet ?? null, options, scratch)
          : bestNumericSplit(f, present, node, bar, options, scratch);
      if (candidate) best = candidate;
    }
    clearHistogram(present, scratch);
  }
  return best;
}

interface NodeStats {
  weight: number;
  sum: number;
  rows: number;
  parentScore: number;
}

/**
 * Gain in squared error of sending (weight, sum, rows) left and the rest right:
 * Σ sum²/weight over the children minus the parent's; −∞ when a side has too few rows.
 */
function splitGain(node: NodeStats, leftWeight: number, leftSum: number, leftRows: number, minSamplesLeaf: number): number {
  if (leftRows < minSamplesLeaf || node.rows - leftRows < minSamplesLeaf) return Number.NEGATIVE_INFINITY;
  const rightWeight = node.weight - leftWeight;
  const rightSum = node.sum - leftSum;
  return (leftSum * leftSum) / leftWeight + (rightSum * rightSum) / rightWeight - node.parentScore;
}

/**
 * Adds the node's rows to the count/sum/rows histograms of one feature and lists the
 * occupied bins, ascending, in `scratch.present`; returns how many there are. Deep nodes
 * hold far fewer rows than a feature has bins, so everything after this touches only the
 * occupied bins, never all 256 (that kept 100 trees on 5k rows at 5 ms a tree, not 1).
 * The histograms are all-zero on entry; `clearHistogram` restores that.
 */
function fillHistogram(codes: Uint8Array, node: NodeRows, start: number, end: number, scratch: TreeScratch): number {
  const { count, sum, rows, present } = scratch;
  const { index, weight, weighted } = node;
  let occupied = 0;
  if (node.packed) return fillPackedHistogram(codes, node.packed, index, start, end, scratch);
  if (node.unit) {
    // `rows` is `count` here (TreeScratch.useUnitWeights).
    for (let i = start; i < end; i++) {
      const b = codes[index[i] as number] as number;
      if ((count[b] as number) === 0) present[occupied++] = b;
      count[b]! += 1;
      sum[b]! += weighted[i] as number;
    }
  } else {
    for (let i = start; i < end; i++) {
      const b = codes[index[i] as number] as number;
      if ((rows[b] as number) === 0) present[occupied++] = b;
      count[b]! += weight[i] as number;
      sum[b]! += weighted[i] as number;
      rows[b]! += 1;
    }
  }
  if (occupied > 24) {
    // Many occupied bins: listing them by a pass over the bins is cheaper than a sort.
    let k = 0;
    for (let b = 0; k < occupied; b++) if ((rows[b] as number) > 0) present[k++] = b;
  } else sortAscending(present, occupied);
  return occupied;
}

/** fillHistogram for packed rows: the same histograms and occupied bins, from one integer sum per bin. */
function fillPackedHistogram(codes: Uint8Array, packedRows: Int32Array, index: Int32Array, start: number, end: number, scratch: TreeScratch): number {
  const { count, sum, present, packed } = scratch;
  let occupied = 0;
  for (let i = start; i < end; i++) {
    const b = codes[index[i] as number] as number;
    const v = packed[b] as number;
    if (v === 0) present[occupied++] = b;
    packed[b] = v + (packedRows[i] as number);
  }
  if (occupied > 24) {
    let k = 0;
    for (let b = 0; k < occupied; b++) if ((packed[b] as number) !== 0) present[k++] = b;
  } else sortAscending(present, occupied);
  // `rows` is `count` here: packed rows all weigh 1.
  for (let i = 0; i < occupied; i++) {
    const b = present[i] as number;
    const v = packed[b] as number;
    count[b] = v & (PACKED_WIN - 1);
    // Read as unsigned: past 32,767 wins a bin's sum wraps the Int32 negative (the stores are
    // modulo 2³², and rows + wins × 2¹⁶ stays below 2³² while rows < 2¹⁶); >>> undoes that.
    sum[b] = v >>> 16;
    packed[b] = 0;
  }
  return occupied;
}

/** Insertion sort of the first `length` entries: most nodes occupy a handful of bins, where a typed-array sort costs more in call overhead than in comparisons. */
function sortAscending(values: Int32Array, length: number): void {
  for (let i = 1; i < length; i++) {
    const b = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > b) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = b;
  }
}

function clearHistogram(present: number, scratch: TreeScratch): void {
  const { count, sum, rows } = scratch;
  for (let i = 0; i < present; i++) {
    const b = scratch.present[i] as number;
    count[b] = 0;
    sum[b] = 0;
    rows[b] = 0;
  }
}

function bestNumericSplit(feature: number, present: number, node: NodeStats, bar: number, options: TreeOptions, scratch: TreeScratch): Candidate | null {
  const { count, sum, rows } = scratch;
  const bins = scratch.present;
  const hasMissing = bins[0] === MISSING_BIN;
  const missingWeight = hasMissing ? (count[MISSING_BIN] as number) : 0;
  const missingSum = hasMissing ? (sum[MISSING_BIN] as number) : 0;
  const missingRows = hasMissing ? (rows[MISSING_BIN] as number) : 0;
  let best: Candidate | null = null;
  let bestGain = bar;
  let leftWeight = 0;
  let leftSum = 0;
  let leftRows = 0;
  // Thresholds at each occupied bin but the last: bins ≤ t go left, the rest right;
  // missing values are tried on each side. (Putting the last bin left too would make
  // "known vs missing", tried below as such: as a threshold it would send unseen larger
  // values and out-of-bag rows of empty upper bins with the missing ones.)
  for (let i = hasMissing ? 1 : 0; i < present - 1; i++) {
    const t = bins[i] as number;
    leftWeight += count[t] as number;
    leftSum += sum[t] as number;
    leftRows += rows[t] as number;
    for (let side = 0; side < (hasMissing ? 2 : 1); side++) {
      const lw = side === 1 ? leftWeight + missingWeight : leftWeight;
      const ls = side === 1 ? leftSum + missingSum : leftSum;
      const lr = side === 1 ? leftRows + missingRows : leftRows;
      const gain = splitGain(node, lw, ls, lr, options.minSamplesLeaf);
      if (gain > bestGain) {
        bestGain = gain;
        // No missing rows in this node: send missing values at prediction time to the
        // heavier child, as scikit-learn does, rather than always right (the high bins).
        const missingLeft = hasMissing ? side === 1 : lw >= node.weight - lw;
        best = { gain, feature, threshold: t, missingLeft, leftSet: null, leftWeight: lw, leftSum: ls };
      }
    }
  }
  // Missing against everything else: a split on "is this value known".
  if (hasMissing) {
    const gain = splitGain(node, missingWeight, missingSum, missingRows, options.minSamplesLeaf);
    if (gain > bestGain) best = { gain, feature, threshold: 0, missingLeft: true, leftSet: null, leftWeight: missingWeight, leftSum: missingSum };
  }
  return best;
}

function bestCategoricalSplit(
  feature: number,
  bins: number,
  present: number,
  node: NodeStats,
  bar: number,
  /** The left set of the node's best split so far, which must not be overwritten. */
  current: Uint8Array | null,
  options: TreeOptions,
  scratch: TreeScratch,
): Candidate | null {
  const { count, sum, rows, order, means } = scratch;
  const prior = options.categorySmoothing ?? 0;
  const parentMean = node.sum / node.weight;
  for (let i = 0; i < present; i++) {
    const b = scratch.present[i] as number;
    order[i] = b;
    means[b] = ((sum[b] as number) + prior * parentMean) / ((count[b] as number) + prior);
  }
  // Insertion sort by mean (few levels); ties broken by bin for determinism.
  for (let i = 1; i < present; i++) {
    const b = order[i] as number;
    let j = i - 1;
    while (
      j >= 0 &&
      ((means[order[j] as number] as number) > (means[b] as number) ||
        ((means[order[j] as number] as number) === (means[b] as number) && (order[j] as number) > b))
    ) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = b;
  }
  let bestGain = bar;
  let bestPrefix = -1;
  let bestLeftIsHeavier = false;
  let bestLeftWeight = 0;
  let bestLeftSum = 0;
  let lw = 0;
  let ls = 0;
  let lr = 0;
  for (let i = 0; i < present - 1; i++) {
    const b = order[i] as number;
    lw += count[b] as number;
    ls += sum[b] as number;
    lr += rows[b] as number;
    const gain = splitGain(node, lw, ls, lr, options.minSamplesLeaf);
    if (gain > bestGain) {
      bestGain = gain;
      bestPrefix = i;
      bestLeftIsHeavier = lw >= node.weight - lw;
      bestLeftWeight = lw;
      bestLeftSum = ls;
    }
  }
  if (bestPrefix < 0) return null;
  // Levels absent from this node (unseen levels and missing values arrive here as bin 0)
  // go to the heavier child. Left to default they would always go right, the side of the
  // highest win rates, and an unknown industry would read as a reason to win.
  const leftSet = scratch.sets[0] === current ? scratch.sets[1] : scratch.sets[0];
  leftSet.fill(bestLeftIsHeavier ? 1 : 0, 0, bins);
  for (let i = bestPrefix + 1; i < present; i++) leftSet[order[i] as number] = 0;
  for (let i = 0; i <= bestPrefix; i++) leftSet[order[i] as number] = 1;
  return { gain: bestGain, feature, threshold: -1, missingLeft: false, leftSet, leftWeight: bestLeftWeight, leftSum: bestLeftSum };
}

/**
 * Moves the rows going left to the front of index[start:end], each companion array (a row's
 * weight, target or packed target, kept in the same order) moved with it; returns the
 * boundary. The out-of-bag rows are a plain index with no companions.
 */
function partition(
  codes: Uint8Array,
  index: Int32Array,
  companions: ReadonlyArray<Int32Array | Float64Array>,
  start: number,
  end: number,
  split: Candidate,
): number {
  const set = split.leftSet;
  const threshold = split.threshold;
  const missingLeft = split.missingLeft;
  let i = start;
  let j = end - 1;
  while (i <= j) {
    const b = codes[index[i] as number] as number;
    const left = set ? set[b] === 1 : b === MISSING_BIN ? missingLeft : b <= threshold;
    if (left) i++;
    else {
      swap(index, i, j);
      for (const companion of companions) swap(companion, i, j);
      j--;
    }
  }
  return i;
}

function swap(array: Int32Array | Float64Array, i: number, j: number): void {
  const tmp = array[i] as number;
  array[i] = array[j] as number;
  array[j] = tmp;
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

/** The leaf that row `r` of column-major binned data falls into (no row copy: predictions over many rows). */
export function findLeafOfRow(tree: Tree, isCategorical: readonly boolean[], codes: readonly Uint8Array[], r: number): number {
  let node = 0;
  for (;;) {
    const f = tree.feature[node] as number;
    if (f < 0) return node;
    const bin = (codes[f] as Uint8Array)[r] as number;
    node = goesLeft(tree, node, bin, isCategorical[f] === true) ? (tree.left[node] as number) : (tree.right[node] as number);
  }
}
