/**
 * Honest evaluation of the win model on closed deals:
 * - `time`: closed deals sorted by close date (created date where there is none, id
 *   order where there is neither); train on the oldest 80%, test on the newest 20%. This is
 *   how the model is used: trained on the past, scoring the future. Deals closed on the
 *   same day are ordered by id, so the split and the forest's rows are the same whatever
 *   order the deals arrive in: the store keeps them in id order, a CSV file in its own, and
 *   the extension's quality page must show what `dealsight evaluate` prints (issue 7).
 * - `cv`: stratified k-fold cross-validation (seeded shuffle); metrics are the mean over
 *   folds, as scikit-learn's `cross_val_score` reports them, so the baselines compare.
 *   On small data one shuffle is a noisy estimate (on the 448 Salvirt deals the AUC of
 *   the same model moves by ±0.006 from one shuffle to the next), so by default the
 *   k-fold is repeated with fresh shuffles on data sets under 2,000 closed deals and the
 *   mean over every fold of every repeat is reported.
 */
import type { IsoDate, Opportunity } from '../crm/opportunity';
import { brierScore, calibrationBins, calibrationErrorEqualCount, calibrationNoiseFloor, logLoss, rocAuc, type CalibrationBin } from './metrics';
import { Random } from '../seeded/random';
import { InsufficientDataError, MIN_WINS } from './sufficiency';
import type { DroppedFeature } from './encode';
import { WinModel, type WinConfig, type WinTrainOptions } from './win';

export type SplitKind = 'time' | 'cv';

export interface WinMetrics {
  auc: number;
  brier: number;
  logLoss: number;
}

export interface Evaluation {
  rows: number;
  closed: number;
  won: number;
  lost: number;
  split: SplitKind;
  /** Training rows (time split) or mean training rows per fold (cv). */
  train: number;
  /** Test rows (time split) or all closed rows, each tested once (cv). */
  test: number;
  win: WinMetrics;
  /** Metrics of the base-rate predictor on the same test rows, for scale. */
  baseline: WinMetrics;
  /** Wall time to fit the win model, calibration included (mean per fold for cv). */
  trainMs: number;
  /** Reliability bins of the test predictions (pooled over the folds of the first repeat for cv). */
  calibration: CalibrationBin[];
  /**
   * Expected calibration error, 10 equal-count bins, of the held-out predictions: the test
   * deals (time), or every deal's out-of-fold prediction, pooled per repeat and averaged (cv).
   */
  ece: number;
  /** The ECE a perfectly calibrated model would show on as many deals (sampling alone): below it, nothing more can be read. */
  eceFloor: number;
  /** cv repeats (1 for time). */
  repeats: number;
  /** Per-fold metrics for cv; one entry for time. */
  folds: Array<WinMetrics & { train: number; test: number }>;
  /** The configuration each fit chose (one per fold; one for the time split). */
  configs: WinConfig[];
  /** The candidate fields the first fit left out, with why (the same rules on every fold). */
  dropped: DroppedFeature[];
  /** How the time split was ordered, and anything else worth knowing. */
  notes: string[];
  /** Time split only: the test deals, oldest first, with their predictions (lift, the backtest's plain words). */
  heldOut?: HeldOut;
}

export interface HeldOut {
  ids: string[];
  /** 1 won, 0 lost. */
  labels: number[];
  /** Calibrated win probabilities from the model trained on the older deals. */
  probabilities: number[];
  /** The first test deal's close date (created date when the split used those); null without dates. */
  since: IsoDate | null;
  orderedBy: TimeOrder;
}

export interface EvaluateOptions {
  split?: SplitKind;
  folds?: number;
  /** Share of the newest closed deals held out by the time split. */
  testFraction?: number;
  /** Seed of the first cv shuffle; repeat r uses seed + r. */
  seed?: number;
  /** Times the cv is repeated with a fresh shuffle; default 5 under 2,000 closed deals, else 1. */
  repeats?: number;
  train?: WinTrainOptions;
  /** Open deals of the same data set, for the encoder's leakage check. */
  open?: Opportunity[];
  /** Clock for trainMs; injectable so the engine stays free of globals in tests. */
  now?: () => number;
  onProgress?: (message: string) => void;
}

export function evaluateWin(opportunities: Opportunity[], options: EvaluateOptions = {}): Evaluation {
  const split = options.split ?? 'time';
  const now = options.now ?? (() => performance.now());
  const closed = opportunities.filter((o) => o.isClosed);
  const open = options.open ?? opportunities.filter((o) => !o.isClosed);
  const won = closed.filter((o) => o.isWon).length;
  const notes: string[] = [];
  const trainOptions = (): WinTrainOptions => ({ ...options.train, encoder: { ...options.train?.encoder, open } });

  const fit = (train: Opportunity[], part: string): { model: WinModel; ms: number } => {
    const start = now();
    try {
      const model = WinModel.train(train, trainOptions());
      const ms = now() - start;
      if (model.json.config) configs.push(model.json.config);
      dropped ??= model.json.dropped;
      return { model, ms };
    } catch (error) {
      if (error instanceof InsufficientDataError) {
        const { wins, losses } = error.sufficiency;
        throw new InsufficientDataError(
          error.sufficiency,
          `${part} has ${wins} won and ${losses} lost deals; training needs at least ${MIN_WINS} of each (the whole file has ${won} won and ${closed.length - won} lost)`,
        );
      }
      throw error;
    }
  };

  const folds: Evaluation['folds'] = [];
  const baselines: WinMetrics[] = [];
  const labels: number[] = [];
  const predictions: number[] = [];
  const eces: number[] = [];
  const configs: WinConfig[] = [];
  let dropped: DroppedFeature[] | null = null;
  const floors: number[] = [];
  let trainMs = 0;
  let trainRows = 0;
  let repeats = 1;
  let heldOut: HeldOut | undefined;

  if (split === 'time') {
    const fraction = options.testFraction ?? 0.2;
    if (!(fraction > 0 && fraction < 1)) throw new Error(`evaluateWin: testFraction must be in (0, 1), got ${fraction}`);
    const { ordered, note, key } = orderByTime(closed);
    notes.push(note);
    const cut = Math.round(ordered.length * (1 - fraction));
    const train = ordered.slice(0, cut);
    const test = ordered.slice(cut);
    if (test.length === 0) throw new Error(`evaluateWin: ${closed.length} closed deals leave nothing to test`);
    options.onProgress?.(`training on the oldest ${train.length} closed deals, testing on the newest ${test.length}`);
    const { model, ms } = fit(train, `the training part (the oldest ${train.length} of ${closed.length} closed deals)`);
    const p = model.predict(test);
    const y = test.map((o) => (o.isWon ? 1 : 0));
    folds.push({ ...metrics(y, p), train: train.length, test: test.length });
    baselines.push(baselineMetrics(train, y));
    labels.push(...y);
    predictions.push(...p);
    eces.push(calibrationErrorEqualCount(y, p));
    floors.push(calibrationNoiseFloor(p));
    trainMs = ms;
    trainRows = train.length;
    const first = test[0] as Opportunity;
    const since = key === null ? null : (first[key] ?? null);
    if (since) notes.push(`test deals ${key === 'closeDate' ? 'closed' : 'created'} since ${since}`);
    heldOut = { ids: test.map((o) => o.id), labels: y, probabilities: Array.from(p), since, orderedBy: key ?? 'id' };
  } else {
    const k = options.folds ?? 5;
    if (!Number.isInteger(k) || k < 2) throw new Error(`evaluateWin: folds must be an integer ≥ 2, got ${k}`);
    repeats = options.repeats ?? (closed.length < 2000 ? 5 : 1);
    if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`evaluateWin: repeats must be a positive integer, got ${repeats}`);
    const seed = options.seed ?? 0;
    for (let repeat = 0; repeat < repeats; repeat++) {
      const assignment = stratifiedFolds(closed, k, seed + repeat);
      const pooledY: number[] = [];
      const pooledP: number[] = [];
      for (let fold = 0; fold < k; fold++) {
        const train = closed.filter((_, i) => assignment[i] !== fold);
        const test = closed.filter((_, i) => assignment[i] === fold);
        options.onProgress?.(
          `${repeats > 1 ? `repeat ${repeat + 1} of ${repeats}, ` : ''}fold ${fold + 1} of ${k}: training on ${train.length}, testing on ${test.length}`,
        );
        const { model, ms } = fit(train, `fold ${fold + 1}'s training part (${train.length} deals)`);
        const p = model.predict(test);
        const y = test.map((o) => (o.isWon ? 1 : 0));
        folds.push({ ...metrics(y, p), train: train.length, test: test.length });
        baselines.push(baselineMetrics(train, y));
        if (repeat === 0) {
          labels.push(...y);
          predictions.push(...p);
        }
        pooledY.push(...y);
        pooledP.push(...p);
        trainMs += ms;
        trainRows += train.length;
      }
      eces.push(calibrationErrorEqualCount(pooledY, pooledP));
      floors.push(calibrationNoiseFloor(pooledP));
    }
    // Sum, then divide once: adding ms / 25 twenty-five times drifts (10 → 10.000000000000004).
    trainMs /= k * repeats;
    trainRows /= k * repeats;
    notes.push(
      `stratified ${k}-fold cross-validation${repeats > 1 ? `, repeated ${repeats} times (shuffle seeds ${seed}..${seed + repeats - 1})` : `, shuffle seed ${seed}`}; metrics are the mean over all ${folds.length} folds`,
    );
  }

  const mean = (rows: WinMetrics[], key: keyof WinMetrics): number => rows.reduce((sum, f) => sum + f[key], 0) / rows.length;
  return {
    rows: opportunities.length,
    closed: closed.length,
    won,
    lost: closed.length - won,
    split,
    train: Math.round(trainRows),
    test: labels.length,
    win: { auc: mean(folds, 'auc'), brier: mean(folds, 'brier'), logLoss: mean(folds, 'logLoss') },
    baseline: { auc: mean(baselines, 'auc'), brier: mean(baselines, 'brier'), logLoss: mean(baselines, 'logLoss') },
    trainMs,
    calibration: calibrationBins(labels, predictions, 10),
    ece: eces.reduce((a, b) => a + b, 0) / eces.length,
    eceFloor: floors.reduce((a, b) => a + b, 0) / floors.length,
    configs,
    dropped: dropped ?? [],
    repeats,
    folds,
    notes,
    ...(heldOut ? { heldOut } : {}),
  };
}

function metrics(y: number[], p: ArrayLike<number>): WinMetrics {
  return { auc: rocAuc(y, p), brier: brierScore(y, p), logLoss: logLoss(y, p) };
}

/** The base-rate predictor: every test deal gets the training part's win rate. */
function baselineMetrics(train: Opportunity[], y: number[]): WinMetrics {
  const rate = train.filter((o) => o.isWon).length / train.length;
  return metrics(
    y,
    y.map(() => rate),
  );
}

export type TimeOrder = 'closeDate' | 'createdDate' | 'id';

/**
 * Closed deals oldest first, by close date, else created date, else id. Ties (and the
 * order without dates) follow the id in natural order ("line-9" before "line-10"), which
 * for ids made from line numbers is the file's order.
 */
export function orderByTime(closed: Opportunity[]): { ordered: Opportunity[]; note: string; key: 'closeDate' | 'createdDate' | null } {
  const withClose = closed.filter((o) => o.closeDate).length;
  const withCreated = closed.filter((o) => o.createdDate).length;
  const key: 'closeDate' | 'createdDate' | null = withClose >= closed.length * 0.9 ? 'closeDate' : withCreated >= closed.length * 0.9 ? 'createdDate' : null;
  // Undated rows go first (treated as oldest) so they never leak into the test set's future.
  const ordered = closed
    .map((o) => ({ o, d: key ? (o[key] ?? '') : '' }))
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : compareIds(a.o.id, b.o.id)))
    .map(({ o }) => o);
  const note =
    key === 'closeDate'
      ? 'ordered by close date'
      : key === 'createdDate'
        ? 'no close dates: ordered by created date'
        : 'no close or created dates: the time split follows the id order (the file order for line-numbered rows)';
  return { ordered, note, key };
}

/** Natural order of ids: digit runs compare as numbers ("line-9" < "line-10"), the rest by code unit. */
export function compareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      // Same number, different zero padding: fewer leading zeros first.
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Fold of each row: wins and losses each shuffled (seeded) and dealt round-robin, the
 * losses continuing where the wins stopped so fold sizes differ by at most one.
 */
export function stratifiedFolds(closed: Opportunity[], k: number, seed: number): Int32Array {
  const random = new Random(seed);
  const assignment = new Int32Array(closed.length);
  let dealt = 0;
  for (const outcome of [true, false]) {
    const rows = random.shuffle(closed.map((o, i) => (o.isWon === outcome ? i : -1)).filter((i) => i >= 0));
    for (const row of rows) assignment[row] = dealt++ % k;
  }
  return assignment;
}
