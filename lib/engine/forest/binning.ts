/**
 * Pre-binning for the histogram forest: every feature becomes one byte per row, so a
 * node's split search is a pass over bytes into a 256-slot histogram instead of a sort.
 * Bin 0 is always "missing"; numeric features take up to 255 quantile bins, categorical
 * features one bin per level (the encoder has already bucketed rare levels).
 */

export const MISSING_BIN = 0;
export const MAX_BINS = 256;

export type FeatureKind = 'numeric' | 'categorical';

/** A raw feature column as the encoder produces it. */
export type RawColumn =
  | { kind: 'numeric'; name: string; values: Float64Array /* NaN = missing */ }
  | { kind: 'categorical'; name: string; levels: string[]; codes: Int32Array /* -1 = missing */ };

/** How one feature's raw values map to bins; part of a saved model. */
export type FeatureBinning =
  | { kind: 'numeric'; name: string; /** bin b ≥ 1 holds values ≤ edges[b-1] (the last bin is open). */ edges: number[] }
  | { kind: 'categorical'; name: string; levels: string[] };

/** Column-major binned data: `codes[f][row]`. */
export interface BinnedData {
  rows: number;
  features: FeatureBinning[];
  /** Number of bins of each feature, missing bin included. */
  binCounts: number[];
  codes: Uint8Array[];
}

export function binCount(binning: FeatureBinning): number {
  return binning.kind === 'numeric' ? binning.edges.length + 2 : binning.levels.length + 1;
}

/**
 * Quantile edges of a numeric column: at most `maxBins - 2` edges (bins for values above
 * the last edge and for missing complete the byte). Distinct values become their own bins
 * when there are few enough, which keeps small worked examples exact.
 */
export function numericEdges(values: Float64Array, maxBins = MAX_BINS): number[] {
  if (maxBins < 3 || maxBins > MAX_BINS) throw new Error(`numericEdges: maxBins must be in [3, ${MAX_BINS}], got ${maxBins}`);
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0) return [];
  const distinct: number[] = [];
  for (let i = 0; i < present.length; i++) {
    if (i === 0 || present[i] !== present[i - 1]) distinct.push(present[i] as number);
  }
  const capacity = maxBins - 2;
  if (distinct.length <= capacity + 1) {
    // Edges halfway between neighbouring distinct values, as scikit-learn's thresholds are.
    return distinct.slice(0, -1).map((v, i) => (v + (distinct[i + 1] as number)) / 2);
  }
  const edges: number[] = [];
  for (let k = 1; k <= capacity; k++) {
    const position = (k / (capacity + 1)) * (present.length - 1);
    const lower = present[Math.floor(position)] as number;
    // Place the edge between this quantile value and the next larger value.
    let j = Math.floor(position);
    while (j + 1 < present.length && present[j + 1] === lower) j++;
    if (j + 1 >= present.length) break;
    const edge = (lower + (present[j + 1] as number)) / 2;
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  return edges;
}

/** Learns the binning of every column from training data. */
export function fitBinning(columns: RawColumn[], maxBins = MAX_BINS): FeatureBinning[] {
  return columns.map((column) => {
    if (column.kind === 'numeric') return { kind: 'numeric', name: column.name, edges: numericEdges(column.values, maxBins) };
    if (column.levels.length > MAX_BINS - 1) {
      throw new Error(`fitBinning: feature "${column.name}" has ${column.levels.length} levels; at most ${MAX_BINS - 1} fit a byte`);
    }
    return { kind: 'categorical', name: column.name, levels: [...column.levels] };
  });
}

/** The bin of one numeric value: binary search over the edges. */
export function numericBin(edges: readonly number[], value: number): number {
  if (Number.isNaN(value)) return MISSING_BIN;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= (edges[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

/** Applies a fitted binning to columns (training or new data with the same layout). */
export function applyBinning(binning: FeatureBinning[], columns: RawColumn[]): BinnedData {
  if (binning.length !== columns.length) {
    throw new Error(`applyBinning: the model has ${binning.length} features but the data has ${columns.length}`);
  }
  const rows = columns.length === 0 ? 0 : columnLength(columns[0] as RawColumn);
  const codes = columns.map((column, f) => {
    const spec = binning[f] as FeatureBinning;
    if (spec.kind !== column.kind || spec.name !== column.name) {
      throw new Error(`applyBinning: feature ${f} is ${spec.kind} "${spec.name}" in the model but ${column.kind} "${column.name}" in the data`);
    }
    if (columnLength(column) !== rows) throw new Error(`applyBinning: feature "${column.name}" has ${columnLength(column)} rows, expected ${rows}`);
    const out = new Uint8Array(rows);
    if (column.kind === 'numeric' && spec.kind === 'numeric') {
      for (let r = 0; r < rows; r++) out[r] = numericBin(spec.edges, column.values[r] as number);
    } else if (column.kind === 'categorical' && spec.kind === 'categorical') {
      // Codes index the column's own level list; translate through names so new data
      // with a different level order (or unseen levels → missing) bins consistently.
      const translate = column.levels.map((level) => spec.levels.indexOf(level) + 1);
      for (let r = 0; r < rows; r++) {
        const code = column.codes[r] as number;
        out[r] = code < 0 ? MISSING_BIN : (translate[code] ?? MISSING_BIN);
      }
    }
    return out;
  });
  return { rows, features: binning, binCounts: binning.map(binCount), codes };
}

function columnLength(column: RawColumn): number {
  return column.kind === 'numeric' ? column.values.length : column.codes.length;
}

/** Rows `indices` of binned data, as a new data set (for splits and folds). */
export function selectRows(data: BinnedData, indices: ArrayLike<number>): BinnedData {
  return {
    rows: indices.length,
    features: data.features,
    binCounts: data.binCounts,
    codes: data.codes.map((column) => {
      const out = new Uint8Array(indices.length);
      for (let i = 0; i < indices.length; i++) out[i] = column[indices[i] as number] as number;
      return out;
    }),
  };
}
