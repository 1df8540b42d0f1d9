/**
 * A quantile regression forest (Meinshausen 2006, "Quantile Regression Forests", JMLR 7)
 * on top of the histogram forest: the forest is fitted on the target as usual, then
 * every leaf keeps the distribution of the training targets that fall into it, as a
 * sparse histogram over a fixed target grid (grid.ts). A prediction is the mixture of
 * the leaves a row reaches, one per tree, each weighted 1/trees: Meinshausen's weights
 * w_i(x) = mean over trees of 1{i in leaf(x)} / |leaf(x)|. Quantiles are read off the
 * mixture's CDF, so P10/P50/P90 come from one pass and are always ordered, and
 * conditioning (days open > days already open) is renormalizing the mass above.
 *
 * Trees are grown with small leaves and then pruned back for the summaries (see
 * `summaryNodes`): a leaf's quantiles need tens of deals to be stable, but a rare value
 * with a strong effect needs a leaf of its own.
 *
 * Fast to score: per row, one leaf lookup per tree and a sum of the leaves' few non-empty
 * bins into one dense vector, batched tree by tree (no sorting, no per-row allocation).
 */
import { decodeArray, encodeArray } from '../serialize';
import { MISSING_BIN, type BinnedData } from '../forest/binning';
import { HistogramForest, type ForestJSON } from '../forest/forest';
import type { Tree } from '../forest/tree';
import { fitGrid, gridBin, gridSize, readQuantiles, type TargetGrid } from './grid';

export interface DistributionForestOptions {
  trees: number;
  /** Smallest leaf the trees are grown to (distinct in-bag rows). */
  minSamplesLeaf: number;
  maxFeatures: number | 'sqrt' | 'third';
  maxDepth: number;
  seed: number;
  /** Whole-number targets (days) or continuous ones (log amounts). */
  discrete: boolean;
  /** Target grid bins, at most 256. */
  maxBins: number;
  /** Smallest summary a split may leave behind when the split is not clearly real (0 = no pruning). */
  summaryMinRows: number;
  /** Welch t of the split target from which a split is real whatever its children's size. */
  keepT: number;
  /** The value the trees split on, when not the target itself (log days, so splits follow ratios). */
  splitTarget?: ArrayLike<number>;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Defaults measured on time splits of Maven (days open, amount) and the sandbox (seed 7),
 * P50 MAE with P10–P90 coverage:
 * - 50 trees score as well as 100 (Maven days 37.68 vs 37.57, amount 196.1 vs 196.1;
 *   sandbox days 28.53 vs 28.55; coverage within 0.01) at half the scoring time.
 * - 60% of the features per split: a rare strong value (a product at 5× the price) must
 *   be split off early, before noise splits scatter its deals (Maven amount 196.1 against
 *   200.8 with a third of the features; days equal).
 * - Grown to leaves of 5, summaries of at least 40 deals unless the split is clearly real
 *   (t ≥ 5): see `summaryNodes` for what each part buys.
 * - 128 grid bins read as well as 256 (Maven amount 196.1 vs 195.7, days equal) with a
 *   third fewer histogram entries per summary, which is the scoring loop's work.
 */
export const DISTRIBUTION_DEFAULTS = {
  trees: 50,
  minSamplesLeaf: 5,
  maxFeatures: 0.6,
  maxDepth: 40,
  maxBins: 128,
  summaryMinRows: 40,
  keepT: 5,
} as const;

export interface DistributionForestJSON {
  format: 'dealsight-distribution-forest';
  version: 1;
  forest: ForestJSON;
  grid: TargetGrid;
  /** Per tree, base64: CSR offsets by node id (Int32), then bins (Uint8) and shares (Float32) of each leaf. */
  leaves: Array<{ offsets: string; bins: string; shares: string }>;
  /** The distribution of all training targets, per bin. */
  pooled: number[];
}

interface LeafTable {
  /** offsets[node]..offsets[node + 1] index the node's entries (empty for inner nodes). */
  offsets: Int32Array;
  bins: Uint8Array;
  /** Share of the leaf's training rows in each bin (sums to 1 per leaf). */
  shares: Float32Array;
}

/** Rows per batch when scoring: bounds the leaf buffer (trees × rows) on large inputs. */
const BATCH_ROWS = 4096;

export class DistributionForest {
  private readonly flat: FlatForest;

  private constructor(
    readonly forest: HistogramForest,
    readonly grid: TargetGrid,
    private readonly tables: LeafTable[],
    /** Mass of all training targets per bin (sums to 1). */
    readonly pooled: Float64Array,
  ) {
    this.flat = flatten(forest, tables);
  }

  static fit(
    data: BinnedData,
    target: ArrayLike<number>,
    options: Partial<DistributionForestOptions> & { discrete: boolean; seed: number },
  ): DistributionForest {
    const settings: DistributionForestOptions = { ...DISTRIBUTION_DEFAULTS, ...options };
    if (target.length !== data.rows) throw new Error(`DistributionForest.fit: ${data.rows} rows but ${target.length} targets`);
    if (!Number.isInteger(settings.summaryMinRows) || settings.summaryMinRows < 0) {
      throw new Error(`DistributionForest.fit: summaryMinRows must be a whole number ≥ 0, got ${settings.summaryMinRows}`);
    }
    const grid = fitGrid(target, { discrete: settings.discrete, maxBins: settings.maxBins });
    const splitOn = settings.splitTarget ?? target;
    const grown = HistogramForest.fit(data, splitOn, {
      task: 'regression',
      trees: settings.trees,
      minSamplesLeaf: settings.minSamplesLeaf,
      maxFeatures: settings.maxFeatures,
      maxDepth: settings.maxDepth,
      seed: settings.seed,
      onProgress: settings.onProgress,
    });
    const size = gridSize(grid);
    const binOf = Uint8Array.from(target, (v) => gridBin(grid, v));
    const pooled = new Float64Array(size);
    for (let r = 0; r < data.rows; r++) pooled[binOf[r] as number]! += 1 / data.rows;
    // Every training row, in bag or not, counts in the summary it falls into
    // (Meinshausen): summaries hold tens of rows, so the few that also chose a split
    // barely narrow them, and out-of-bag-only summaries would be a third as large. The
    // trees are cut back to their summary nodes, which become the leaves: about a
    // tenth of the grown nodes, so a saved model is a quarter of the size (1.2 MB
    // for both parts at 10k closed deals) and the scoring descent is short.
    const leafOf = grown.leafIndices(data);
    const categorical = data.features.map((f) => f.kind === 'categorical');
    const tables: LeafTable[] = [];
    const trees = grown.trees.map((tree, t) => {
      const leaves = leafOf[t] as Int32Array;
      const summary = summaryNodes(tree, leaves, splitOn, settings.summaryMinRows, settings.keepT);
      const { tree: pruned, index } = prune(tree, summary, categorical);
      tables.push(
        buildTable(
          pruned.feature.length,
          leaves.map((leaf) => index[summary[leaf] as number] as number),
          binOf,
          size,
        ),
      );
      return pruned;
    });
    const forest = HistogramForest.load({
      format: 'dealsight-forest',
      version: 1,
      task: 'regression',
      binning: grown.binning,
      trees: trees.map(
        (tree) => Object.fromEntries(Object.entries(tree).map(([key, array]) => [key, encodeArray(array as Tree[keyof Tree])])) as ForestJSON['trees'][number],
      ),
    });
    return new DistributionForest(forest, grid, tables, pooled);
  }

  /** Number of bins of the target grid (the length of a distribution). */
  get bins(): number {
    return gridSize(this.grid);
  }

  /** The mixture distribution of one row, given as its bin of every feature, into `out`. */
  distribution(rowBins: Uint8Array, out: Float64Array): Float64Array {
    const { roots } = this.flat;
    const columns = Array.from(rowBins, (bin) => Uint8Array.of(bin));
    out.fill(0);
    for (let t = 0; t < roots.length; t++) this.addLeaf(out, this.descend(roots[t] as number, columns, 0));
    return out;
  }

  /**
   * Calls `visit(r, mass)` with the mixture distribution of every row of `data` in turn
   * (`mass` is reused: copy what you keep). Batched tree by tree, so one tree's nodes
   * stay in cache while the rows stream through it (measured 1.8× faster than row by row).
   */
  forEachDistribution(data: BinnedData, visit: (row: number, mass: Float64Array) => void): void {
    if (data.codes.length !== this.forest.binning.length) {
      throw new Error(`DistributionForest: the data has ${data.codes.length} features, the model ${this.forest.binning.length}`);
    }
    // The hot loop, tree by tree over a batch of rows so each tree stays in cache.
    const { roots, entryStart, bins, shares } = this.flat;
    const codes = data.codes;
    const trees = roots.length;
    const mass = new Float64Array(this.bins);
    const leafAt = new Int32Array(trees * Math.min(BATCH_ROWS, data.rows));
    for (let from = 0; from < data.rows; from += BATCH_ROWS) {
      const to = Math.min(data.rows, from + BATCH_ROWS);
      for (let t = 0; t < trees; t++) {
        const root = roots[t] as number;
        for (let r = from; r < to; r++) leafAt[(r - from) * trees + t] = this.descend(root, codes, r);
      }
      for (let r = from; r < to; r++) {
        mass.fill(0);
        const base = (r - from) * trees;
        for (let t = 0; t < trees; t++) {
          const node = leafAt[base + t] as number;
          const end = entryStart[node + 1] as number;
          for (let e = entryStart[node] as number; e < end; e++) mass[bins[e] as number]! += shares[e] as number;
        }
        visit(r, mass);
      }
    }
  }

  /**
   * Quantiles `qs` of every row; row r conditioned on the target exceeding `above[r]` when
   * given (NaN = no condition). A row with no more than `minMass` above its condition
   * gets NaNs (nothing honest to read there; the caller falls back).
   */
  quantiles(data: BinnedData, qs: readonly number[], above?: ArrayLike<number>, minMass = 0): Float64Array[] {
    if (above !== undefined && above.length !== data.rows) throw new Error(`DistributionForest.quantiles: ${data.rows} rows but ${above.length} conditions`);
    const out = qs.map(() => new Float64Array(data.rows));
    this.forEachDistribution(data, (r, mass) => {
      const condition = above === undefined || Number.isNaN(above[r] as number) ? null : (above[r] as number);
      const values = readQuantiles(this.grid, mass, qs, condition, minMass);
      for (let i = 0; i < qs.length; i++) out[i]![r] = values ? (values[i] as number) : Number.NaN;
    });
    return out;
  }

  /** Down to the leaf (a summary node) of one row. */
  private descend(root: number, codes: readonly Uint8Array[], r: number): number {
    const { feature, split, flags, left, right, sets } = this.flat;
    let node = root;
    let f = feature[node] as number;
    while (f >= 0) {
      const bin = (codes[f] as Uint8Array)[r] as number;
      const flag = flags[node] as number;
      const goLeft =
        (flag & CATEGORICAL) !== 0
          ? (((sets[(split[node] as number) + (bin >>> 5)] as number) >>> (bin & 31)) & 1) === 1
          : bin === MISSING_BIN
            ? (flag & MISSING_LEFT) !== 0
            : bin <= (split[node] as number);
      node = goLeft ? (left[node] as number) : (right[node] as number);
      f = feature[node] as number;
    }
    return node;
  }

  private addLeaf(mass: Float64Array, node: number): void {
    const { entryStart, bins, shares } = this.flat;
    const end = entryStart[node + 1] as number;
    for (let e = entryStart[node] as number; e < end; e++) mass[bins[e] as number]! += shares[e] as number;
  }

  toJSON(): DistributionForestJSON {
    return {
      format: 'dealsight-distribution-forest',
      version: 1,
      forest: this.forest.toJSON(),
      grid: { discrete: this.grid.discrete, lower: [...this.grid.lower], upper: [...this.grid.upper] },
      leaves: this.tables.map((t) => ({ offsets: encodeArray(t.offsets), bins: encodeArray(t.bins), shares: encodeArray(t.shares) })),
      pooled: Array.from(this.pooled),
    };
  }

  static load(json: DistributionForestJSON): DistributionForest {
    if (json?.format !== 'dealsight-distribution-forest') throw new Error('DistributionForest.load: not a saved Dealsight distribution forest');
    if (json.version !== 1) throw new Error(`DistributionForest.load: unsupported version ${String(json.version)}`);
    const forest = HistogramForest.load(json.forest);
    if (json.leaves.length !== forest.trees.length) {
      throw new Error(`DistributionForest.load: ${forest.trees.length} trees but ${json.leaves.length} leaf tables`);
    }
    const size = json.grid.lower.length;
    if (json.grid.upper.length !== size || json.pooled.length !== size)
      throw new Error('DistributionForest.load: the grid and the pooled distribution disagree in size');
    const tables = json.leaves.map((t, i) => {
      const table = { offsets: decodeArray(t.offsets, Int32Array), bins: decodeArray(t.bins, Uint8Array), shares: decodeArray(t.shares, Float32Array) };
      if (table.offsets.length !== (forest.trees[i] as Tree).feature.length + 1 || table.bins.length !== table.shares.length) {
        throw new Error(`DistributionForest.load: the leaf table of tree ${i} does not fit the tree`);
      }
      return table;
    });
    return new DistributionForest(forest, json.grid, tables, Float64Array.from(json.pooled));
  }
}

/**
 * Prunes back splits that leave a small child and show no clear difference, and says for
 * each node where its rows are summarized. Trees are grown with small leaves so that a
 * rare value with a strong effect (Maven's GTK 500: 12 won deals at 5× the next
 * product's amount) gets leaves of its own; but a small leaf cut on noise makes a narrow,
 * noisy distribution. Maven amount P50 MAE (per-product median: 195): unpruned leaves of
 * 5, 203 with 76% coverage; leaves of 20, 247 (GTK 500 merged with its neighbour); pruned
 * to 40 by size alone, 266; pruned as here, 196 with 78% (Maven days: 38.41, 37.89, 37.68,
 * 37.68). Walking down from the root, a split is kept when both children hold at least
 * `minRows` training rows (0: every split is kept), or when its children's mean split
 * targets differ by a Welch t of at least `keepT`; otherwise the node summarizes its
 * whole subtree. Returns per node: −1 for a kept split, else the summary node its rows
 * go to (itself for a summary node).
 */
function summaryNodes(tree: Tree, leafOf: Int32Array, y: ArrayLike<number>, minRows: number, keepT: number): Int32Array {
  const nodes = tree.feature.length;
  const count = new Float64Array(nodes);
  const sum = new Float64Array(nodes);
  const squares = new Float64Array(nodes);
  for (let r = 0; r < leafOf.length; r++) {
    const leaf = leafOf[r] as number;
    const v = y[r] as number;
    count[leaf]! += 1;
    sum[leaf]! += v;
    squares[leaf]! += v * v;
  }
  // Children are created after their parent, so a reverse pass sums subtrees bottom-up.
  for (let n = nodes - 1; n >= 0; n--) {
    if ((tree.feature[n] as number) < 0) continue;
    for (const c of [tree.left[n] as number, tree.right[n] as number]) {
      count[n]! += count[c] as number;
      sum[n]! += sum[c] as number;
      squares[n]! += squares[c] as number;
    }
  }
  const keep = (n: number): boolean => {
    const l = tree.left[n] as number;
    const r = tree.right[n] as number;
    const nl = count[l] as number;
    const nr = count[r] as number;
    if (nl >= minRows && nr >= minRows) return true;
    if (nl < 2 || nr < 2) return false;
    const ml = (sum[l] as number) / nl;
    const mr = (sum[r] as number) / nr;
    const vl = Math.max(0, (squares[l] as number) - nl * ml * ml) / (nl - 1);
    const vr = Math.max(0, (squares[r] as number) - nr * mr * mr) / (nr - 1);
    const se = Math.sqrt(vl / nl + vr / nr);
    return se === 0 ? ml !== mr : Math.abs(ml - mr) / se >= keepT;
  };
  const summary = new Int32Array(nodes).fill(-1);
  summary[0] = (tree.feature[0] as number) < 0 || !keep(0) ? 0 : -1;
  for (let n = 0; n < nodes; n++) {
    if ((tree.feature[n] as number) < 0) continue;
    for (const c of [tree.left[n] as number, tree.right[n] as number]) {
      if ((summary[n] as number) >= 0) summary[c] = summary[n] as number;
      else summary[c] = (tree.feature[c] as number) < 0 || !keep(c) ? c : -1;
    }
  }
  return summary;
}

const SET_WORDS = 8;

/**
 * The tree cut back to its kept splits, summary nodes as leaves, renumbered so each
 * node's children come after it, side by side (as `growTree` lays them out). Returns
 * `index`: old node id → new id (−1 for dropped nodes).
 */
function prune(tree: Tree, summary: Int32Array, categorical: readonly boolean[]): { tree: Tree; index: Int32Array } {
  const index = new Int32Array(tree.feature.length).fill(-1);
  const order: number[] = [0];
  index[0] = 0;
  for (let i = 0; i < order.length; i++) {
    const n = order[i] as number;
    if ((summary[n] as number) >= 0) continue;
    for (const c of [tree.left[n] as number, tree.right[n] as number]) {
      index[c] = order.length;
      order.push(c);
    }
  }
  const size = order.length;
  const out: Tree = {
    feature: new Int32Array(size),
    split: new Int32Array(size),
    missingLeft: new Uint8Array(size),
    left: new Int32Array(size).fill(-1),
    right: new Int32Array(size).fill(-1),
    value: new Float32Array(size),
    weight: new Float32Array(size),
    categorySets: new Uint32Array(0),
  };
  const sets: number[] = [];
  order.forEach((n, k) => {
    out.value[k] = tree.value[n] as number;
    out.weight[k] = tree.weight[n] as number;
    if ((summary[n] as number) >= 0) {
      out.feature[k] = -1;
      return;
    }
    out.feature[k] = tree.feature[n] as number;
    out.missingLeft[k] = tree.missingLeft[n] as number;
    out.left[k] = index[tree.left[n] as number] as number;
    out.right[k] = index[tree.right[n] as number] as number;
    if (categorical[tree.feature[n] as number] === true) {
      // The left set moves with its node: copy its words, point at the copy.
      const offset = tree.split[n] as number;
      out.split[k] = sets.length;
      for (let w = 0; w < SET_WORDS; w++) sets.push(tree.categorySets[offset + w] as number);
    } else {
      out.split[k] = tree.split[n] as number;
    }
  });
  out.categorySets = Uint32Array.from(sets);
  return { tree: out, index };
}

/** Groups one tree's training rows by summary node and stores each node's histogram sparsely. */
function buildTable(nodes: number, nodeOf: Int32Array, binOf: Uint8Array, size: number): LeafTable {
  const start = new Int32Array(nodes + 1);
  for (let r = 0; r < nodeOf.length; r++) start[(nodeOf[r] as number) + 1]! += 1;
  for (let n = 0; n < nodes; n++) start[n + 1]! += start[n] as number;
  // Rows grouped by node (counting sort), then one histogram pass per node.
  const cursor = start.slice(0, nodes);
  const grouped = new Int32Array(nodeOf.length);
  for (let r = 0; r < nodeOf.length; r++) grouped[cursor[nodeOf[r] as number]!++] = r;
  const counts = new Float64Array(size);
  const offsets = new Int32Array(nodes + 1);
  const bins: number[] = [];
  const shares: number[] = [];
  for (let n = 0; n < nodes; n++) {
    offsets[n] = bins.length;
    const from = start[n] as number;
    const to = start[n + 1] as number;
    if (to === from) continue;
    for (let i = from; i < to; i++) counts[binOf[grouped[i] as number] as number]! += 1;
    for (let b = 0; b < size; b++) {
      const c = counts[b] as number;
      if (c === 0) continue;
      bins.push(b);
      shares.push(c / (to - from));
      counts[b] = 0;
    }
  }
  offsets[nodes] = bins.length;
  return { offsets, bins: Uint8Array.from(bins), shares: Float32Array.from(shares) };
}

const CATEGORICAL = 1;
const MISSING_LEFT = 2;

/**
 * All trees in one set of flat arrays with global node indices, for the scoring loop.
 * The same decisions as `goesLeft` in forest/tree.ts (a test checks them against
 * `HistogramForest.leaves` on data with missing values and categorical splits).
 */
interface FlatForest {
  roots: Int32Array;
  /** The split feature, or −1 at a leaf. */
  feature: Int32Array;
  /** Numeric threshold bin, or the global word offset of a categorical left set. */
  split: Int32Array;
  flags: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  sets: Uint32Array;
  /** entryStart[node]..entryStart[node + 1] index the node's histogram entries (a leaf's). */
  entryStart: Int32Array;
  bins: Uint8Array;
  /** Shares divided by the number of trees. */
  shares: Float32Array;
}

function flatten(forest: HistogramForest, tables: LeafTable[]): FlatForest {
  const categorical = forest.binning.map((b) => b.kind === 'categorical');
  let nodes = 0;
  let words = 0;
  let entries = 0;
  forest.trees.forEach((tree, t) => {
    nodes += tree.feature.length;
    words += tree.categorySets.length;
    entries += (tables[t] as LeafTable).bins.length;
  });
  const flat: FlatForest = {
    roots: new Int32Array(forest.trees.length),
    feature: new Int32Array(nodes),
    split: new Int32Array(nodes),
    flags: new Uint8Array(nodes),
    left: new Int32Array(nodes),
    right: new Int32Array(nodes),
    sets: new Uint32Array(words),
    entryStart: new Int32Array(nodes + 1),
    bins: new Uint8Array(entries),
    shares: new Float32Array(entries),
  };
  let nodeBase = 0;
  let wordBase = 0;
  let entryBase = 0;
  forest.trees.forEach((tree, t) => {
    const table = tables[t] as LeafTable;
    flat.roots[t] = nodeBase;
    for (let n = 0; n < tree.feature.length; n++) {
      const g = nodeBase + n;
      const f = tree.feature[n] as number;
      flat.feature[g] = f;
      flat.entryStart[g] = entryBase + (table.offsets[n] as number);
      if (f < 0) continue;
      const isCategorical = categorical[f] === true;
      flat.flags[g] = (isCategorical ? CATEGORICAL : 0) | (tree.missingLeft[n] === 1 ? MISSING_LEFT : 0);
      flat.split[g] = (tree.split[n] as number) + (isCategorical ? wordBase : 0);
      flat.left[g] = nodeBase + (tree.left[n] as number);
      flat.right[g] = nodeBase + (tree.right[n] as number);
    }
    flat.sets.set(tree.categorySets, wordBase);
    flat.bins.set(table.bins, entryBase);
    // Pre-weighted by 1/trees, so a mixture is a plain sum.
    for (let e = 0; e < table.shares.length; e++) flat.shares[entryBase + e] = (table.shares[e] as number) / forest.trees.length;
    nodeBase += tree.feature.length;
    wordBase += tree.categorySets.length;
    entryBase += table.bins.length;
  });
  flat.entryStart[nodes] = entryBase;
  return flat;
}
