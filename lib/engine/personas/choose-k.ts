/**
 * How many personas. The criterion, stated and tested (test/engine/personas.test.ts):
 *
 * Personas are attribute values that go together (healthcare buyers who are VPs of
 * operations at mid-size US firms), so structure is measured against the same deals with
 * each attribute shuffled independently, which keeps every attribute's mix and destroys
 * the co-occurrence: the gap statistic (Tibshirani, Walther & Hastie 2001),
 * gap(k) = ln W*(k) − ln W(k), with W the within-cluster sum of squares of k-means
 * (ml-kmeans from k-means++ seeds, best of 3 restarts) on a sample of up to 1,000 won
 * deals and W* the same on the shuffled sample. Gap grows with k, fast while clusters
 * find real personas and slowly once they split noise, so:
 *   - k is the largest from 2 to 8 whose last persona added at least 20% to the gap
 *     (the elbow);
 *   - the k found must keep every cluster at ≥ 5% of the deals (and ≥ 8 deals), and be
 *     stable: k-means from 3 seeds agrees (mean pairwise adjusted Rand index ≥ 0.6);
 *     otherwise the next smaller k that does is used.
 * When no k from 2 to 8 passes, 2 personas are shown and the model's notes say why.
 */
import { kmeans } from 'ml-kmeans';
import { adjustedRandIndex } from '../metrics';
import { Random } from '../../seeded/random';

export interface KCandidate {
  k: number;
  /** Gap statistic against the attribute-shuffled sample (higher: more structure). */
  gap: number;
  /** Simplified silhouette, reported for reference. */
  silhouette: number;
  /** Mean pairwise adjusted Rand index of 3 seeds; NaN where it was not needed (see chooseK). */
  stability: number;
  smallestShare: number;
  admissible: boolean;
}

export interface KChoice {
  k: number;
  candidates: KCandidate[];
  /** Centroids of the chosen k on the sample: the start of the full clustering. */
  centroids: number[][];
  note: string | null;
}

export const K_RANGE = { min: 2, max: 8 } as const;
export const MIN_CLUSTER_SHARE = 0.05;
export const MIN_CLUSTER_DEALS = 8;
export const MIN_STABILITY = 0.6;
const SEEDS = 3;
/** Squared movement of every centroid below which k-means has converged (percentile and one-hot units). */
const TOLERANCE = 1e-4;
const DEFAULT_RESTARTS = 3;
const DEFAULT_SAMPLE = 1000;

export interface ClusterRun {
  clusters: number[];
  centroids: number[][];
  sse: number;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007), O(n·k) with our seeded Random.
 * ml-kmeans' own 'kmeans++' builds an n×n distance matrix, which took most of the time
 * on a few thousand deals; the clustering itself is still ml-kmeans'.
 */
export function kmeansPlusPlus(points: number[][], k: number, random: Random): number[][] {
  const first = points[random.int(points.length)] as number[];
  const centroids = [first];
  const nearest = points.map((p) => squaredDistance(p, first));
  while (centroids.length < k) {
    const total = nearest.reduce((a, b) => a + b, 0);
    let index = 0;
    if (total > 0) {
      let r = random.next() * total;
      for (index = 0; index < nearest.length - 1; index++) {
        r -= nearest[index] as number;
        if (r < 0) break;
      }
    } else {
      index = random.int(points.length);
    }
    const next = points[index] as number[];
    centroids.push(next);
    nearest.forEach((d, i) => {
      nearest[i] = Math.min(d, squaredDistance(points[i] as number[], next));
    });
  }
  return centroids.map((c) => [...c]);
}

/** One seeded k-means run, from k-means++ seeds or from given centroids. */
export function runKMeans(points: number[][], k: number, seed: number, initialization?: number[][]): ClusterRun {
  const start = initialization ?? kmeansPlusPlus(points, k, new Random(seed));
  const result = kmeans(points, k, { seed, initialization: start, maxIterations: 100, tolerance: TOLERANCE });
  const centroids = result.centroids.map((c) => [...c]);
  let sse = 0;
  points.forEach((p, i) => {
    sse += squaredDistance(p, centroids[result.clusters[i] as number] as number[]);
  });
  return { clusters: [...result.clusters], centroids, sse };
}

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    sum += d * d;
  }
  return sum;
}

/** Mean over points of (b − a) / max(a, b), with a, b distances to own and nearest other centroid. */
export function simplifiedSilhouette(points: number[][], clusters: readonly number[], centroids: number[][]): number {
  let total = 0;
  points.forEach((p, i) => {
    const own = clusters[i] as number;
    const a = Math.sqrt(squaredDistance(p, centroids[own] as number[]));
    let b = Infinity;
    centroids.forEach((c, j) => {
      if (j !== own) b = Math.min(b, Math.sqrt(squaredDistance(p, c)));
    });
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  });
  return total / points.length;
}

/** Relative gain in gap that one more persona must bring. */
export const MIN_GAP_GAIN = 0.2;

/** The sample with each attribute's columns shuffled across rows independently (seeded). */
export function shuffleAttributes(points: number[][], blocks: ReadonlyArray<readonly [number, number]>, random: Random): number[][] {
  const out = points.map((p) => [...p]);
  for (const [start, end] of blocks) {
    const order = random.shuffle(points.map((_, i) => i));
    out.forEach((row, i) => {
      const source = points[order[i] as number] as number[];
      for (let d = start; d < end; d++) row[d] = source[d] as number;
    });
  }
  return out;
}

/**
 * `blocks` are the column ranges of each attribute in the points (one-hot levels stay
 * together when shuffled).
 */
export function chooseK(
  points: number[][],
  blocks: ReadonlyArray<readonly [number, number]>,
  seed: number,
  /** Smaller searches for team-level personas, which run once per team. */
  effort: { sample?: number; restarts?: number } = {},
): KChoice {
  const SAMPLE = effort.sample ?? DEFAULT_SAMPLE;
  const RESTARTS = effort.restarts ?? DEFAULT_RESTARTS;
  const random = new Random(seed);
  const sample =
    points.length > SAMPLE
      ? random
          .shuffle(points.map((_, i) => i))
          .slice(0, SAMPLE)
          .sort((a, b) => a - b)
          .map((i) => points[i] as number[])
      : points;
  const shuffled = shuffleAttributes(sample, blocks, random.fork());
  const maxK = Math.max(K_RANGE.min, Math.min(K_RANGE.max, Math.floor(sample.length / MIN_CLUSTER_DEALS)));
  const solve = (data: number[][], k: number, s: number, restarts: number = RESTARTS): ClusterRun => {
    const runs = Array.from({ length: restarts }, (_, r) => runKMeans(data, k, seed * 1000 + s * 100 + r));
    return runs.reduce((a, b) => (b.sse < a.sse ? b : a));
  };
  const first = new Map<number, ClusterRun>();
  const candidates: KCandidate[] = [];
  for (let k = K_RANGE.min; k <= maxK; k++) {
    const run = solve(sample, k, 0);
    first.set(k, run);
    const reference = solve(shuffled, k, 50, 2);
    const sizes = new Array<number>(k).fill(0);
    for (const c of run.clusters) sizes[c]! += 1;
    const smallest = Math.min(...sizes);
    candidates.push({
      k,
      gap: Math.log(reference.sse) - Math.log(run.sse),
      silhouette: simplifiedSilhouette(sample, run.clusters, run.centroids),
      stability: Number.NaN,
      smallestShare: smallest / sample.length,
      admissible: false,
    });
  }
  // The elbow: the largest k whose persona added at least MIN_GAP_GAIN to the gap. (Not
  // the first k that fails: k-means can miss a grouping at one k and find it at the next,
  // which shows as a small step followed by a large one.)
  let elbow = 0;
  for (let i = 1; i < candidates.length; i++) {
    const previous = (candidates[i - 1] as KCandidate).gap;
    const here = (candidates[i] as KCandidate).gap;
    if (previous > 0 && here - previous >= MIN_GAP_GAIN * previous) elbow = i;
  }
  // Then the largest admissible k at or below it (stability costs two more seeds, so it
  // is checked only for the k considered).
  let chosen: KCandidate | null = null;
  for (let i = elbow; i >= 0 && chosen === null; i--) {
    const candidate = candidates[i] as KCandidate;
    if (candidate.smallestShare < MIN_CLUSTER_SHARE || candidate.smallestShare * sample.length < MIN_CLUSTER_DEALS) continue;
    const runs = [first.get(candidate.k) as ClusterRun, ...Array.from({ length: SEEDS - 1 }, (_, s) => solve(sample, candidate.k, s + 1))];
    let agreement = 0;
    let pairs = 0;
    for (let a = 0; a < runs.length; a++) {
      for (let b = a + 1; b < runs.length; b++) {
        agreement += adjustedRandIndex((runs[a] as ClusterRun).clusters, (runs[b] as ClusterRun).clusters);
        pairs++;
      }
    }
    candidate.stability = agreement / pairs;
    candidate.admissible = candidate.stability >= MIN_STABILITY;
    if (candidate.admissible) chosen = candidate;
  }
  const k = chosen?.k ?? K_RANGE.min;
  return {
    k,
    candidates,
    centroids: (first.get(k) as ClusterRun).centroids,
    note: chosen ? null : 'no number of personas from 2 to 8 was both stable across seeds and free of tiny groups; showing 2',
  };
}
