/**
 * The fixed target grid that a distribution forest summarizes its leaves on, and the
 * reading of quantiles off a distribution over it.
 *
 * A distribution is a mass vector over the grid's bins (summing to 1). Inside a bin the
 * mass is spread evenly: over the whole values lo..hi of a discrete bin (days), or over
 * [lo, hi] of a continuous one (log amounts). A bin with lo = hi is a single value, so a
 * grid fitted on few distinct values is exact and small worked examples read back the
 * values they were built from (the inverse CDF, smallest value with F ≥ q).
 */

/** Up to 256 bins, so a bin index is one byte. */
export const MAX_GRID_BINS = 256;

export interface TargetGrid {
  /** Whole-number targets (days): bin k holds the integers lower[k]..upper[k]. */
  discrete: boolean;
  /** Bin bounds, ascending and disjoint: each bin spans the training values that fell into it. */
  lower: number[];
  upper: number[];
}

/**
 * Lays a grid over training targets. Few distinct values (or, for whole numbers, a span of
 * at most `maxBins` values) get one bin each. Otherwise half the cuts follow the targets'
 * quantiles, so resolution is where the deals are, and half are evenly spaced, so a sparse
 * tail is not one wide bin; each bin then shrinks to the span of the values in it. Without
 * that, Maven's 12 GTK 500 deals (amounts 24–30k) shared a bin with the 7k deals below
 * them and their median read as 15k. A discrete grid cuts at each quantile value and just
 * after it, so a value many deals share (Maven's 9-day deals) keeps a bin of its own.
 */
export function fitGrid(values: ArrayLike<number>, options: { discrete: boolean; maxBins?: number }): TargetGrid {
  const maxBins = options.maxBins ?? MAX_GRID_BINS;
  if (!Number.isInteger(maxBins) || maxBins < 4 || maxBins > MAX_GRID_BINS) {
    throw new Error(`fitGrid: maxBins must be an integer in [4, ${MAX_GRID_BINS}], got ${maxBins}`);
  }
  if (values.length === 0) throw new Error('fitGrid: no values');
  const sorted = Float64Array.from(values, (v, i) => {
    if (!Number.isFinite(v)) throw new Error(`fitGrid: value ${i} is ${v}`);
    if (options.discrete && !Number.isInteger(v)) throw new Error(`fitGrid: value ${i} is ${v}, a discrete grid takes whole numbers`);
    return v;
  }).sort();
  const n = sorted.length;
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i] as number);
  if (options.discrete && max - min + 1 <= maxBins) {
    const all = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return { discrete: true, lower: all, upper: [...all] };
  }
  if (distinct.length <= maxBins) return { discrete: options.discrete, lower: distinct, upper: [...distinct] };

  // Bin starts: a value v starts a bin; the bin holds values from v up to the next start.
  const starts = new Set<number>([min]);
  const half = Math.floor(maxBins / 2);
  if (options.discrete) {
    const quarter = Math.floor(maxBins / 4);
    for (let k = 1; k < quarter; k++) {
      const q = sorted[Math.floor((k / quarter) * (n - 1))] as number;
      starts.add(q);
      starts.add(q + 1);
    }
    for (let k = 1; k < half; k++) starts.add(Math.round(min + (k / half) * (max - min)));
  } else {
    for (let k = 1; k < half; k++) {
      starts.add(sorted[Math.floor((k / half) * (n - 1))] as number);
      starts.add(min + (k / half) * (max - min));
    }
  }
  const cuts = [...starts].filter((v) => v <= max).sort((a, b) => a - b);
  const lower: number[] = [];
  const upper: number[] = [];
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    let opened = false;
    while (c + 1 < cuts.length && (cuts[c + 1] as number) <= v) {
      c++;
      opened = true;
    }
    if (lower.length === 0 || opened) {
      lower.push(v);
      upper.push(v);
    } else {
      upper[upper.length - 1] = v;
    }
  }
  return { discrete: options.discrete, lower, upper };
}

export function gridSize(grid: TargetGrid): number {
  return grid.lower.length;
}

/** The bin of a value: the last bin whose lower bound is ≤ value (clamped to the grid). */
export function gridBin(grid: TargetGrid, value: number): number {
  const { lower } = grid;
  let lo = 0;
  let hi = lower.length - 1;
  if (value <= (lower[0] as number)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((lower[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function binWidth(grid: TargetGrid, k: number): number {
  const width = (grid.upper[k] as number) - (grid.lower[k] as number);
  return grid.discrete ? width + 1 : width;
}

/**
 * Mass at or below `x` (the CDF). For a discrete grid that counts whole values ≤ x; a
 * bin straddling x contributes the share of its values (or of its span) at or below x.
 */
export function massAtOrBelow(grid: TargetGrid, mass: ArrayLike<number>, x: number): number {
  let total = 0;
  const n = grid.lower.length;
  for (let k = 0; k < n; k++) {
    const lo = grid.lower[k] as number;
    const hi = grid.upper[k] as number;
    const m = mass[k] as number;
    if (x >= hi) {
      total += m;
      continue;
    }
    if (x >= lo && m > 0) {
      const below = grid.discrete ? Math.floor(x) - lo + 1 : x - lo;
      total += (m * below) / binWidth(grid, k);
    }
    break;
  }
  return Math.min(1, total);
}

/**
 * Quantiles of a distribution, optionally conditioned on the target exceeding a value:
 * `above` = t reads the quantiles of (Y | Y > t), by renormalizing the mass above t.
 * Returns null when less than `minMass` lies above t (nothing honest to read).
 */
export function readQuantiles(grid: TargetGrid, mass: ArrayLike<number>, qs: readonly number[], above: number | null = null, minMass = 0): number[] | null {
  let base = 0;
  if (above !== null) base = massAtOrBelow(grid, mass, above);
  const remaining = sumOf(mass) - base;
  if (remaining <= minMass || remaining <= 1e-12) return null;
  return qs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new Error(`readQuantiles: q must be in [0, 1], got ${q}`);
    return inverse(grid, mass, base + q * remaining, above);
  });
}

function sumOf(mass: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < mass.length; k++) s += mass[k] as number;
  return s;
}

/** The value where the CDF reaches `target` (≥ the lowest value above `above`). */
function inverse(grid: TargetGrid, mass: ArrayLike<number>, target: number, above: number | null): number {
  const n = grid.lower.length;
  let cumulative = 0;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const m = mass[k] as number;
    if (m <= 0) continue;
    last = k;
    // Relative tolerance: sums of float32 leaf shares do not land exactly on 1.
    if (cumulative + m >= target - 1e-9) {
      const fraction = Math.min(1, Math.max(0, (target - cumulative) / m));
      const lo = grid.lower[k] as number;
      const value = grid.discrete ? lo + Math.max(0, Math.ceil(fraction * binWidth(grid, k) - 1e-9) - 1) : lo + fraction * binWidth(grid, k);
      return above !== null && grid.discrete && value <= above ? Math.floor(above) + 1 : value;
    }
    cumulative += m;
  }
  return grid.upper[last] as number;
}
