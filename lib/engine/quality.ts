/**
 * The model-quality report the quality page shows (issue 7): how Win Potential would have
 * done on the deals closed most recently, in numbers and in plain words; what it leans
 * on; whether there is enough data; and whether the open pipeline still looks like the
 * deals it learned from. Computed once per training, in the engine worker, and stored
 * with the models.
 *
 * The backtest is `evaluateWin` with `split: 'time'` and the defaults `dealsight evaluate
 * --split time` uses (100 trees, seed 1, the newest 20% held out), so the page shows the
 * CLI's numbers for the same data. It costs one more forest fit, on 80% of the closed deals.
 */
import { replayBacktest, type ReplayResult } from './asof/replay';
import type { AttributeField, IsoDate, Opportunity } from '../crm/opportunity';
import { pipelineDrift, type DriftReport } from './drift';
import { evaluateWin, type TimeOrder, type WinMetrics } from './evaluate';
import { liftByDecile, type CalibrationBin, type LiftBin } from './metrics';
import { checkSufficiency, type Sufficiency } from './sufficiency';
import { SET_ASIDE_RULES, type DroppedFeature } from './encode';
import type { WinConfig, WinModel } from './win';

export interface QualityOptions {
  /** The win model trained on every closed deal (its feature importance and features); null when there is none. */
  win: WinModel | null;
  /** The encoder options the training used: the CLI passes the same from the file. */
  fields?: AttributeField[];
  exclude?: string[];
  /** Attribute keys put back by the user (`EncoderOptions.keep`). */
  keep?: string[];
  /** Win model seed; undefined keeps the default, as the CLI does. */
  seed?: number;
  /** Clock for the backtest's fit time (injectable for tests). */
  now?: () => number;
  /** Trees grown in the backtest's fit. */
  onProgress?: (done: number, total: number) => void;
}

/** A group of deals and how many were won. */
export interface WinShare {
  deals: number;
  won: number;
  /** won / deals (NaN without deals). */
  rate: number;
}

export interface Backtest {
  split: 'time';
  closed: number;
  /** Deals trained on (the oldest) and tested on (the newest). */
  train: number;
  test: number;
  /** The first test deal's close (or created) date: "the deals closed since …". */
  since: IsoDate | null;
  orderedBy: TimeOrder;
  win: WinMetrics;
  /** The base-rate predictor on the same test deals, for scale. */
  baseline: WinMetrics;
  trainMs: number;
  /** Reliability bins of the test predictions (10 equal-width bins, as the CLI prints). */
  calibration: CalibrationBin[];
  /** Expected calibration error of the test deals: 10 equal-count bins (issue 15; `dealsight evaluate` prints the same). */
  calibrationError: number;
  /** The ECE chance alone gives a perfectly calibrated model on as many deals (absent in reports stored before issue 15). */
  calibrationFloor?: number;
  /** The configuration the backtest's model chose (absent before issue 15, and null for a forest-only model). */
  config?: WinConfig | null;
  /** The candidate fields the backtest's model left out, with why. */
  dropped?: DroppedFeature[];
  /** Mean predicted win probability of the test deals, and the share actually won. */
  meanPredicted: number;
  observedRate: number;
  /** Test deals ranked by score, cut in tenths: win rate and lift of each. */
  lift: LiftBin[];
  /** The top-scored fifth of the test deals (deciles 1–2), the bottom fifth (9–10), and all of them. */
  topFifth: WinShare;
  bottomFifth: WinShare;
  overall: WinShare;
  notes: string[];
}

export interface FeatureWeight {
  key: string;
  label: string;
  /** Share of the forest's split gain (sums to 1 over the features). */
  importance: number;
}

export interface QualityReport {
  format: 'dealsight-quality-report';
  version: 1;
  /** Closed deals at training, and what is still missing for a win model. */
  sufficiency: Sufficiency;
  backtest: Backtest | null;
  /** Why there is no backtest (not enough data overall or in the older 80%). */
  backtestMessage: string | null;
  importance: FeatureWeight[];
  /**
   * The served win model's configuration (forest, linear model or a blend, and how the
   * candidates compared) and the fields it set aside as known only at the close, with why.
   * Absent in reports stored before issue 15; config null for a model saved before it.
   */
  model?: { config: WinConfig | null; setAside: DroppedFeature[] };
  drift: DriftReport | null;
  /** Why there is no drift check. */
  driftMessage: string | null;
  /**
   * The replay backtest (issue 18): at past days, the as-of model, the stage-blind model and
   * the CRM's probability on the deals open then. Absent in reports stored before it; null
   * when the data has too few closed deals with a stage history (`replayMessage` says why).
   */
  replay?: ReplayResult | null;
  replayMessage?: string | null;
}

function share(bins: readonly LiftBin[]): WinShare {
  const deals = bins.reduce((sum, b) => sum + b.count, 0);
  const won = bins.reduce((sum, b) => sum + b.positives, 0);
  return { deals, won, rate: deals > 0 ? won / deals : Number.NaN };
}

/** The backtest of Win Potential on the newest closed deals; throws what `evaluateWin` throws. */
export function timeSplitBacktest(opportunities: Opportunity[], options: Omit<QualityOptions, 'win'> = {}): Backtest {
  const evaluation = evaluateWin(opportunities, {
    split: 'time',
    train: { seed: options.seed, encoder: { fields: options.fields, exclude: options.exclude, keep: options.keep }, onProgress: options.onProgress },
    now: options.now,
  });
  const heldOut = evaluation.heldOut;
  if (!heldOut) throw new Error('timeSplitBacktest: the time split returned no held-out deals');
  const lift = liftByDecile(heldOut.labels, heldOut.probabilities);
  const won = heldOut.labels.reduce((sum, y) => sum + y, 0);
  return {
    split: 'time',
    closed: evaluation.closed,
    train: evaluation.train,
    test: evaluation.test,
    since: heldOut.since,
    orderedBy: heldOut.orderedBy,
    win: evaluation.win,
    baseline: evaluation.baseline,
    trainMs: evaluation.trainMs,
    calibration: evaluation.calibration,
    calibrationError: evaluation.ece,
    calibrationFloor: evaluation.eceFloor,
    config: evaluation.configs[0] ?? null,
    dropped: evaluation.dropped,
    meanPredicted: heldOut.probabilities.reduce((sum, p) => sum + p, 0) / heldOut.probabilities.length,
    observedRate: won / heldOut.labels.length,
    lift,
    topFifth: share(lift.slice(0, 2)),
    bottomFifth: share(lift.slice(8)),
    overall: { deals: heldOut.labels.length, won, rate: won / heldOut.labels.length },
    notes: evaluation.notes,
  };
}

export function qualityReport(opportunities: Opportunity[], options: QualityOptions): QualityReport {
  const closed = opportunities.filter((o) => o.isClosed);
  const open = opportunities.filter((o) => !o.isClosed);
  const wins = closed.filter((o) => o.isWon).length;
  const sufficiency = checkSufficiency(wins, closed.length - wins);

  let backtest: Backtest | null = null;
  let backtestMessage: string | null = null;
  if (!sufficiency.enough) {
    backtestMessage = sufficiency.message;
  } else {
    try {
      backtest = timeSplitBacktest(opportunities, options);
    } catch (error) {
      // The report is an addition to the models: a backtest that cannot run says why, and the models are still saved.
      backtestMessage = `The backtest could not run: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  const win = options.win;
  let drift: DriftReport | null = null;
  let driftMessage: string | null = null;
  if (!win) driftMessage = 'There is no win model yet, so there is nothing to compare the open pipeline with.';
  else {
    drift = pipelineDrift(win.json.encoder, closed, open);
    if (!drift) driftMessage = `Only ${open.length} open deal${open.length === 1 ? '' : 's'}: too few to compare with the closed ones.`;
  }

  return {
    format: 'dealsight-quality-report',
    version: 1,
    sufficiency,
    backtest,
    backtestMessage,
    importance: win ? win.json.importance.map(({ key, label, importance }) => ({ key, label, importance })) : [],
    ...(win
      ? { model: { config: win.json.config ?? null, setAside: win.json.dropped.filter((d) => d.rule !== undefined && SET_ASIDE_RULES.has(d.rule)) } }
      : {}),
    drift,
    driftMessage,
  };
}

/**
 * The replay days of the quality page: monthly over the last year, or quarterly past 20,000
 * closed deals, where each day trains two models on up to all of them (at 10,000 sandbox
 * deals the monthly replay took 6.5 s of CPU; at 78,000, each day about 8 s).
 */
export function replayDays(closed: number): { points: number; stepDays: number } {
  return closed <= 20_000 ? { points: 12, stepDays: 30 } : { points: 4, stepDays: 90 };
}

/** The replay backtest for the quality page, or why there is none (no as-of model: too few closed deals with a stage history). */
export function qualityReplay(
  opportunities: readonly Opportunity[],
  options: Omit<QualityOptions, 'win' | 'onProgress'> & { standing: boolean; standingNote: string | null; onProgress?: (done: number, total: number) => void },
): Pick<QualityReport, 'replay' | 'replayMessage'> {
  if (!options.standing) return { replay: null, replayMessage: options.standingNote ?? 'There is no as-of model, so nothing to replay.' };
  const closed = opportunities.filter((o) => o.isClosed).length;
  const replay = replayBacktest(opportunities, {
    ...replayDays(closed),
    fields: options.fields,
    exclude: options.exclude,
    keep: options.keep,
    onProgress: options.onProgress,
  });
  return { replay, replayMessage: replay.points.length === 0 ? (replay.notes[0] ?? 'No past day had enough deals to replay.') : null };
}
