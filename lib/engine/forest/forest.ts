/**
 * A histogram random forest for classification (0/1 targets → probability) and
 * regression. Written because ml-random-forest (ml-cart) sorts at every node and took
 * 178 s for 4,000 rows (design.md); here every feature is one byte per row and a split
 * is a histogram pass, so 100 trees on 10k rows fit in well under a second.
 *
 * Seeded: every tree draws from its own child stream of one seed, so results do not
 * depend on timing or on how many trees were grown before.
 */
import { Random } from '../../seeded/random';
import { decodeArray, encodeArray } from '../serialize';
import type { BinnedData, FeatureBinning } from './binning';
import { findLeaf, findLeafOfRow, goesLeft, growTree, TreeScratch, type Tree } from './tree';

export type ForestTask = 'classification' | 'regression';

export interface ForestOptions {
  task: ForestTask;
  /** Number of trees. */
  trees: number;
  /**
   * Features tried per node: a count, a fraction of all features, or 'sqrt' / 'third'.
   * Defaults follow Breiman: sqrt(p) for classification, p/3 for regression.
   */
  maxFeatures: number | 'sqrt' | 'third';
  minSamplesLeaf: number;
  maxDepth: number;
  seed: number;
  /**
   * Share of the rows each tree draws without replacement (subsampling), or undefined for
   * Breiman's bootstrap (n draws with replacement). Half the rows without replacement grows
   * trees about as diverse as a bootstrap's (which holds 63% of the rows) at about half the
   * cost, and every row is out of the bag for half the trees, which the calibration uses.
   */
  sampleFraction?: number;
  /** Rows of prior pulling a category's mean toward its node's when levels are ordered (tree.ts). */
  categorySmoothing?: number;
  /** Called after each tree with (done, total); long fits report progress (CLI and UI). */
  onProgress?: (done: number, total: number) => void;
  /**
   * A forest fitted on the same data and settings whose trees this fit extends: its trees
   * are kept, `trees` more are grown from the same seed's stream, and the out-of-bag votes
   * add up. Growing 20 trees, then 40 more, gives the 60 trees a single fit of 60 gives.
   */
  continueFrom?: HistogramForest;
}

export const DEFAULT_FOREST_OPTIONS: Omit<ForestOptions, 'task'> = {
  trees: 100,
  maxFeatures: 'sqrt',
  minSamplesLeaf: 1,
  maxDepth: 40,
  seed: 1,
};

/** The plain-data form of a fitted forest (`toJSON` / `load`). */
export interface ForestJSON {
  format: 'dealsight-forest';
  version: 1;
  task: ForestTask;
  binning: FeatureBinning[];
  trees: Array<Record<keyof Tree, string>>;
}

const TREE_ARRAYS = {
  feature: Int32Array,
  split: Int32Array,
  missingLeft: Uint8Array,
  left: Int32Array,
  right: Int32Array,
  value: Float32Array,
  weight: Float32Array,
  categorySets: Uint32Array,
} as const;

export class HistogramForest {
  readonly task: ForestTask;
  readonly binning: FeatureBinning[];
  readonly trees: Tree[];
  /** Out-of-bag prediction of every training row (NaN for a row in every bootstrap). Only after `fit`. */
  readonly oob: Float64Array | null;
  private readonly categorical: boolean[];
  /** Out-of-bag vote sums and counts, kept after `fit` so a later fit can continue this one. */
  private readonly oobVotes: { sum: Float64Array; count: Uint16Array } | null;

  private constructor(task: ForestTask, binning: FeatureBinning[], trees: Tree[], oobVotes: { sum: Float64Array; count: Uint16Array } | null) {
    this.task = task;
    this.binning = binning;
    this.trees = trees;
    this.oobVotes = oobVotes;
    this.oob = oobVotes ? oobVotes.sum.map((sum, r) => ((oobVotes.count[r] as number) > 0 ? sum / (oobVotes.count[r] as number) : Number.NaN)) : null;
    this.categorical = binning.map((b) => b.kind === 'categorical');
  }

  static fit(data: BinnedData, target: ArrayLike<number>, options: Partial<ForestOptions> & { task: ForestTask }): HistogramForest {
    const merged: ForestOptions = {
      ...DEFAULT_FOREST_OPTIONS,
      maxFeatures: options.task === 'regression' ? 'third' : 'sqrt',
      ...options,
    };
    validate(data, target, merged);
    const y = Float64Array.from(target);
    const featureCount = data.codes.length;
    const treeOptions = {
      maxFeatures: resolveMaxFeatures(merged.maxFeatures, featureCount),
      minSamplesLeaf: merged.minSamplesLeaf,
      maxDepth: merged.maxDepth,
      binary: merged.task === 'classification',
      categorySmoothing: merged.categorySmoothing ?? 0,
    };
    const seeds = new Random(merged.seed);
    const scratch = new TreeScratch(featureCount);
    const previous = merged.continueFrom;
    if (previous && (!previous.oobVotes || previous.oobVotes.sum.length !== data.rows || previous.binning !== data.features)) {
      throw new Error('HistogramForest.fit: continueFrom must be a forest just fitted on the same binned data');
    }
    const oobSum = previous ? Float64Array.from(previous.oobVotes?.sum ?? []) : new Float64Array(data.rows);
    const oobCount = previous ? Uint16Array.from(previous.oobVotes?.count ?? []) : new Uint16Array(data.rows);
    const votes = { sum: oobSum, count: oobCount };
    // The same seed's stream, past the trees already grown.
    for (let t = 0; t < (previous?.trees.length ?? 0); t++) seeds.fork();
    const weights = new Uint16Array(data.rows);
    const trees: Tree[] = previous ? [...previous.trees] : [];
    const fraction = merged.sampleFraction;
    const sample = fraction === undefined ? null : Math.max(1, Math.min(data.rows, Math.round(fraction * data.rows)));
    const pool = sample === null ? null : new Int32Array(data.rows);
    for (let t = 0; t < merged.trees; t++) {
      const random = seeds.fork();
      weights.fill(0);
      if (sample === null) for (let i = 0; i < data.rows; i++) weights[random.int(data.rows)]! += 1;
      else drawWithoutReplacement(random, data.rows, sample, weights, pool);
      trees.push(growTree(data, y, weights, treeOptions, random, scratch, votes));
      merged.onProgress?.(t + 1, merged.trees);
    }
    return new HistogramForest(merged.task, data.features, trees, { sum: oobSum, count: oobCount });
  }

  /** Mean prediction of all trees for every row of `data` (binned with this forest's binning). */
  predict(data: BinnedData): Float64Array {
    this.checkLayout(data);
    // Tree by tree: each tree's arrays stay in cache while every row walks it.
    const out = new Float64Array(data.rows);
    for (const tree of this.trees) {
      for (let r = 0; r < data.rows; r++) out[r]! += tree.value[findLeafOfRow(tree, this.categorical, data.codes, r)] as number;
    }
    const n = this.trees.length;
    for (let r = 0; r < data.rows; r++) out[r]! /= n;
    return out;
  }

  /** Prediction for one row given as its bin of every feature. */
  predictBins(rowBins: Uint8Array): number {
    let sum = 0;
    for (const tree of this.trees) sum += tree.value[findLeaf(tree, this.categorical, rowBins)] as number;
    return sum / this.trees.length;
  }

  /** The leaf of every tree that a row falls into (for quantile forests and similarity). */
  leaves(rowBins: Uint8Array): Int32Array {
    return Int32Array.from(this.trees, (tree) => findLeaf(tree, this.categorical, rowBins));
  }

  /**
   * The leaf of every row of `data` in every tree: `result[t][r]` is the node index of
   * row r's leaf in tree t (quantile forests summarize the training rows per leaf).
   */
  leafIndices(data: BinnedData): Int32Array[] {
    this.checkLayout(data);
    return this.trees.map((tree) => {
      const out = new Int32Array(data.rows);
      for (let r = 0; r < data.rows; r++) out[r] = findLeafOfRow(tree, this.categorical, data.codes, r);
      return out;
    });
  }

  /**
   * Per-feature contributions along each tree's decision path (Saabas): the prediction
   * equals `bias + Σ contributions`, exactly, so the reasons always add up to the score.
   */
  contributions(rowBins: Uint8Array): { bias: number; values: Float64Array } {
    const values = new Float64Array(this.binning.length);
    let bias = 0;
    for (const tree of this.trees) {
      let node = 0;
      bias += tree.value[0] as number;
      for (;;) {
        const f = tree.feature[node] as number;
        if (f < 0) break;
        const child = findChild(tree, node, rowBins[f] as number, this.categorical[f] === true);
        values[f]! += (tree.value[child] as number) - (tree.value[node] as number);
        node = child;
      }
    }
    const n = this.trees.length;
    for (let f = 0; f < values.length; f++) values[f]! /= n;
    return { bias: bias / n, values };
  }

  /** Mean decrease in impurity per feature, normalized to sum to 1 (0s when no split was made). */
  featureImportance(): Float64Array {
    const importance = new Float64Array(this.binning.length);
    for (const tree of this.trees) {
      for (let node = 0; node < tree.feature.length; node++) {
        const f = tree.feature[node] as number;
        if (f < 0) continue;
        const l = tree.left[node] as number;
        const r = tree.right[node] as number;
        const gain =
          (tree.weight[l] as number) * (tree.value[l] as number) ** 2 +
          (tree.weight[r] as number) * (tree.value[r] as number) ** 2 -
          (tree.weight[node] as number) * (tree.value[node] as number) ** 2;
        importance[f]! += Math.max(0, gain);
      }
    }
    const total = importance.reduce((a, b) => a + b, 0);
    if (total > 0) for (let f = 0; f < importance.length; f++) importance[f]! /= total;
    return importance;
  }

  toJSON(): ForestJSON {
    return {
      format: 'dealsight-forest',
      version: 1,
      task: this.task,
      binning: this.binning,
      trees: this.trees.map((tree) => {
        const out = {} as Record<keyof Tree, string>;
        for (const key of Object.keys(TREE_ARRAYS) as Array<keyof Tree>) out[key] = encodeArray(tree[key]);
        return out;
      }),
    };
  }

  static load(json: ForestJSON): HistogramForest {
    if (json?.format !== 'dealsight-forest') throw new Error('HistogramForest.load: not a saved Dealsight forest');
    if (json.version !== 1) throw new Error(`HistogramForest.load: unsupported version ${String(json.version)}`);
    const trees = json.trees.map((saved, t) => {
      const tree = {} as Record<keyof Tree, unknown>;
      for (const [key, Type] of Object.entries(TREE_ARRAYS) as Array<[keyof Tree, (typeof TREE_ARRAYS)[keyof Tree]]>) {
        if (typeof saved[key] !== 'string') throw new Error(`HistogramForest.load: tree ${t} lacks "${key}"`);
        tree[key] = decodeArray(saved[key], Type as never);
      }
      return tree as Tree;
    });
    return new HistogramForest(json.task, json.binning, trees, null);
  }

  private checkLayout(data: BinnedData): void {
    if (data.codes.length !== this.binning.length) {
      throw new Error(`HistogramForest: the data has ${data.codes.length} features, the model ${this.binning.length}`);
    }
  }
}

/** Marks `k` of `n` rows with weight 1, chosen uniformly without replacement (partial Fisher–Yates over `pool`). */
function drawWithoutReplacement(random: Random, n: number, k: number, weights: Uint16Array, pool: Int32Array | null): void {
  const p = pool as Int32Array;
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + random.int(n - i);
    const row = p[j] as number;
    p[j] = p[i] as number;
    p[i] = row;
    weights[row] = 1;
  }
}

/** Copies row r's bins of every feature into `out`. */
export function gatherRow(data: BinnedData, r: number, out: Uint8Array): Uint8Array {
  for (let f = 0; f < data.codes.length; f++) out[f] = (data.codes[f] as Uint8Array)[r] as number;
  return out;
}

function findChild(tree: Tree, node: number, bin: number, categorical: boolean): number {
  return goesLeft(tree, node, bin, categorical) ? (tree.left[node] as number) : (tree.right[node] as number);
}

export function resolveMaxFeatures(option: ForestOptions['maxFeatures'], features: number): number {
  if (option === 'sqrt') return Math.max(1, Math.round(Math.sqrt(features)));
  if (option === 'third') return Math.max(1, Math.round(features / 3));
  if (option > 0 && option < 1) return Math.max(1, Math.round(option * features));
  if (Number.isInteger(option) && option >= 1) return Math.min(features, option);
  throw new Error(`HistogramForest: maxFeatures must be 'sqrt', 'third', a fraction in (0, 1) or a positive integer, got ${option}`);
}

function validate(data: BinnedData, target: ArrayLike<number>, options: ForestOptions): void {
  if (data.rows === 0) throw new Error('HistogramForest.fit: no training rows');
  if (data.codes.length === 0) throw new Error('HistogramForest.fit: no features');
  if (target.length !== data.rows) throw new Error(`HistogramForest.fit: ${data.rows} rows but ${target.length} targets`);
  if (!Number.isInteger(options.trees) || options.trees < 1) throw new Error(`HistogramForest.fit: trees must be a positive integer, got ${options.trees}`);
  if (!Number.isInteger(options.minSamplesLeaf) || options.minSamplesLeaf < 1) {
    throw new Error(`HistogramForest.fit: minSamplesLeaf must be a positive integer, got ${options.minSamplesLeaf}`);
  }
  // OOB counters are 16-bit.
  if (options.sampleFraction !== undefined && !(options.sampleFraction > 0 && options.sampleFraction <= 1)) {
    throw new Error(`HistogramForest.fit: sampleFraction must be in (0, 1], got ${options.sampleFraction}`);
  }
  if (options.trees > 65535) throw new Error(`HistogramForest.fit: at most 65,535 trees, got ${options.trees}`);
  for (let i = 0; i < target.length; i++) {
    const v = target[i] as number;
    if (!Number.isFinite(v)) throw new Error(`HistogramForest.fit: target of row ${i} is ${v}`);
    if (options.task === 'classification' && v !== 0 && v !== 1) {
      throw new Error(`HistogramForest.fit: classification targets must be 0 or 1; row ${i} is ${v}`);
    }
  }
}
