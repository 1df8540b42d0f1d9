/**
 * Drift: does the open pipeline look like the closed deals the win model learned from?
 * Each feature of the win model is cut into buckets (its categories, or the deciles of
 * its values on the closed deals, plus "empty"), and the population stability index
 * compares the share of closed and open deals in each bucket:
 *
 *   PSI = Σ (open share − closed share) · ln(open share / closed share)
 *
 * Thresholds are the credit-scoring convention the index comes from (Siddiqi, "Credit
 * Risk Scorecards", 2006; Yurdakul, "Statistical properties of the population stability
 * index", 2018): below 0.1 the population is stable, 0.1–0.25 has moved somewhat, above
 * 0.25 it has moved enough that the model's numbers on it deserve doubt. The page warns
 * above `PSI_WARN` and names the attributes.
 */
import type { Opportunity } from '../crm/opportunity';
import { encode, type EncoderSpec } from './encode';
import { quantile } from './metrics';

/** Above this, an attribute has moved: the page warns and names it. */
export const PSI_WARN = 0.25;
/** From this up to PSI_WARN, an attribute has moved somewhat (shown, no warning). */
export const PSI_WATCH = 0.1;
/** Fewer open deals than this give bucket shares too noisy to compare. */
export const MIN_OPEN_FOR_DRIFT = 30;
/**
 * Added to every bucket's count on both sides before taking shares (Jeffreys' prior): a
 * category absent on one side would otherwise make ln(0) and an infinite index.
 */
export const PSI_PSEUDO_COUNT = 0.5;
/**
 * Features left out of the comparison, with the reason. Open deals are by their nature
 * the most recently created, so their created months always differ from the spread of
 * the training years: that is the calendar, not a change in who the deals are.
 */
export const DRIFT_SKIPPED_FEATURES: Readonly<Record<string, string>> = {
  createdMonth: 'open deals are the most recently created, so their months always differ from the training years',
};

export type DriftBucket = { kind: 'level'; value: string } | { kind: 'range'; from: number | null; to: number | null } | { kind: 'empty' };

export interface BucketShift {
  bucket: DriftBucket;
  /** Share of closed (training) deals in the bucket, and of open deals (raw, unsmoothed). */
  closed: number;
  open: number;
  /** This bucket's term of the index. */
  contribution: number;
}

export type DriftLevel = 'stable' | 'watch' | 'moved';

export interface FeatureDrift {
  key: string;
  label: string;
  psi: number;
  level: DriftLevel;
  /** The buckets that moved most (largest terms first), at most three. */
  shifts: BucketShift[];
}

export interface DriftReport {
  warnAbove: number;
  watchAbove: number;
  closed: number;
  open: number;
  /** Every compared feature, largest index first. */
  features: FeatureDrift[];
  /** Labels of the features above `warnAbove`, largest first: what the warning names. */
  moved: string[];
  /** Features not compared, and why. */
  skipped: Array<{ key: string; label: string; reason: string }>;
}

/**
 * The population stability index of two histograms over the same buckets (counts, not
 * shares), each count smoothed by `pseudo`.
 */
export function populationStabilityIndex(expected: ArrayLike<number>, actual: ArrayLike<number>, pseudo = PSI_PSEUDO_COUNT): number {
  return stabilityTerms(expected, actual, pseudo).reduce((sum, term) => sum + term, 0);
}

function stabilityTerms(expected: ArrayLike<number>, actual: ArrayLike<number>, pseudo: number): number[] {
  if (expected.length !== actual.length) throw new Error(`populationStabilityIndex: ${expected.length} expected buckets but ${actual.length} actual`);
  if (expected.length === 0) throw new Error('populationStabilityIndex: no buckets');
  if (!(pseudo >= 0)) throw new Error(`populationStabilityIndex: pseudo must be ≥ 0, got ${pseudo}`);
  let e = 0;
  let a = 0;
  for (let i = 0; i < expected.length; i++) {
    e += (expected[i] as number) + pseudo;
    a += (actual[i] as number) + pseudo;
  }
  if (!(e > 0 && a > 0)) throw new Error('populationStabilityIndex: a side has no rows (and no pseudo-count)');
  return Array.from({ length: expected.length }, (_, i) => {
    const p = ((expected[i] as number) + pseudo) / e;
    const q = ((actual[i] as number) + pseudo) / a;
    if (p === q) return 0;
    if (p === 0 || q === 0) return Number.POSITIVE_INFINITY;
    return (q - p) * Math.log(q / p);
  });
}

export function driftLevel(psi: number): DriftLevel {
  return psi > PSI_WARN ? 'moved' : psi >= PSI_WATCH ? 'watch' : 'stable';
}

/** Each feature's buckets and the bucket of every row, closed and open. */
function bucketize(spec: EncoderSpec, closed: Opportunity[], open: Opportunity[]): Array<{ buckets: DriftBucket[]; closed: number[]; open: number[] }> {
  const closedColumns = encode(spec, closed);
  const openColumns = encode(spec, open);
  return spec.features.map((feature, f) => {
    const c = closedColumns[f];
    const o = openColumns[f];
    if (feature.kind === 'categorical' && c?.kind === 'categorical' && o?.kind === 'categorical') {
      const buckets: DriftBucket[] = [...feature.levels.map((value) => ({ kind: 'level' as const, value })), { kind: 'empty' }];
      const count = (codes: Int32Array): number[] => {
        const counts = new Array<number>(buckets.length).fill(0);
        for (const code of codes) counts[code < 0 ? buckets.length - 1 : code]! += 1;
        return counts;
      };
      return { buckets, closed: count(c.codes), open: count(o.codes) };
    }
    if (c?.kind !== 'numeric' || o?.kind !== 'numeric') throw new Error(`drift: feature ${feature.key} was not encoded as its spec says`);
    const present = c.values.filter((v) => !Number.isNaN(v));
    // Decile edges of the closed deals' values; repeated edges (a common value) merge.
    const edges = present.length === 0 ? [] : [...new Set([1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => quantile(present, d / 10)))];
    const buckets: DriftBucket[] = [
      ...Array.from({ length: edges.length + 1 }, (_, b) => ({
        kind: 'range' as const,
        from: b === 0 ? null : (edges[b - 1] as number),
        to: b === edges.length ? null : (edges[b] as number),
      })),
      { kind: 'empty' },
    ];
    const count = (values: Float64Array): number[] => {
      const counts = new Array<number>(buckets.length).fill(0);
      for (const v of values) {
        if (Number.isNaN(v)) {
          counts[buckets.length - 1]! += 1;
          continue;
        }
        // Bucket b holds values in (edges[b-1], edges[b]].
        let b = 0;
        while (b < edges.length && v > (edges[b] as number)) b++;
        counts[b]! += 1;
      }
      return counts;
    };
    return { buckets, closed: count(c.values), open: count(o.values) };
  });
}

/**
 * Drift of every win-model feature between the closed deals and the open pipeline.
 * Returns null when there are too few open deals to compare (fewer than `minOpen`).
 */
export function pipelineDrift(spec: EncoderSpec, closed: Opportunity[], open: Opportunity[], options: { minOpen?: number } = {}): DriftReport | null {
  const minOpen = options.minOpen ?? MIN_OPEN_FOR_DRIFT;
  if (closed.length === 0) throw new Error('pipelineDrift: no closed deals to compare with');
  if (open.length < minOpen) return null;
  const skipped = spec.features
    .filter((f) => f.key in DRIFT_SKIPPED_FEATURES)
    .map((f) => ({ key: f.key, label: f.label, reason: DRIFT_SKIPPED_FEATURES[f.key] as string }));
  const compared: EncoderSpec = { features: spec.features.filter((f) => !(f.key in DRIFT_SKIPPED_FEATURES)) };
  const histograms = compared.features.length > 0 ? bucketize(compared, closed, open) : [];
  const features = compared.features
    .map((feature, f): FeatureDrift => {
      const h = histograms[f] as (typeof histograms)[number];
      const terms = stabilityTerms(h.closed, h.open, PSI_PSEUDO_COUNT);
      const psi = terms.reduce((sum, term) => sum + term, 0);
      const shifts = h.buckets
        .map((bucket, b) => ({
          bucket,
          closed: (h.closed[b] as number) / closed.length,
          open: (h.open[b] as number) / open.length,
          contribution: terms[b] as number,
        }))
        .filter((s) => s.closed !== s.open)
        .sort((x, y) => y.contribution - x.contribution)
        .slice(0, 3);
      return { key: feature.key, label: feature.label, psi, level: driftLevel(psi), shifts };
    })
    .sort((a, b) => b.psi - a.psi);
  return {
    warnAbove: PSI_WARN,
    watchAbove: PSI_WATCH,
    closed: closed.length,
    open: open.length,
    features,
    moved: features.filter((f) => f.level === 'moved').map((f) => f.label),
    skipped,
  };
}
