/**
 * Win Potential as of a day (issue 18, items 1 and 2): the stage-blind Win Potential of the
 * deal's own fields, plus what its record shows by that day, learned from closed deals'
 * histories.
 *
 * The model is a logistic regression (WinModel's linear configuration) on three kinds of
 * input, each chosen so the method holds on data with other dynamics than the sandbox's:
 * - **The stage-blind log-odds** (`asOfPrior`): what the deal's type, size, source, owner
 *   and other fields say, as the stage-blind model says it (out of bag for the deals it
 *   learned from). Those fields enter once, through the model built for them, rather than
 *   again as raw fields beside a few strong numbers: raw, they added enough noise to cost
 *   the as-of model 0.015 AUC on the sandbox (with the sandbox's true prior in their place,
 *   the gap to the truth halved). Evidence adding to prior log-odds is Bayes' rule when the
 *   record and the fields speak independently of each other given the outcome.
 * - **Where the deal stands** (snapshot.ts): stage and its place in the pipeline, visits,
 *   days in the stage, stages entered, steps back, age, close-date pushes, days to the CRM
 *   close date, amount changes.
 * - **Its pace** (pace.ts): each stage's days against what won deals like it take, for the
 *   stages it has finished and for the one it is in. Days alone mix a slow deal with a big
 *   one; against the yardstick they are the stall signal.
 * Numbers are cut into 20 buckets of equal counts (the linear model's one-hot buckets): the
 * inputs are few and strong, and deciles lost part of their ranking.
 *
 * Training rows: every closed deal with a history is snapshotted every SNAPSHOT_EVERY_DAYS
 * days while it was open, from a seeded first day within the first period, and every
 * snapshot is a row. A deal thus counts in proportion to the days it was open, as deals do
 * among the ones open on any day the model scores: the population it is used on. One
 * snapshot per deal (what this model did first) weighs a deal open 300 days as much as one
 * open 30, and since lost deals stall, how long a deal stays open depends on its outcome:
 * the rows' outcomes given their features were then not those of the deals open on a day.
 * Measured on the sandbox (seed 7, 12,000 deals, four days of the replay): a model given the
 * sandbox's exact posterior as a feature reached 0.937–0.963 AUC against the truth's
 * 0.952–0.971 with one snapshot per deal, 0.948–0.969 with every deal-day counted alike.
 * Several rows of one deal are one deal to the honest estimates: the linear model's folds
 * are cut by close date (win.ts, `linearFolds`), so a deal's rows fall in one fold; the
 * forest is not used (`config: 'linear'`, one tree kept only because a WinModel carries one).
 *
 * Deals without a history are neither trained on nor scored: a plain CSV gets the
 * stage-blind model (replay.ts and the callers say so).
 */
import { addDays, daysBetween, type AttributeField, type IsoDate, type Opportunity } from '../../crm/opportunity';
import { Random } from '../../seeded/random';
import type { EncoderSpec } from '../encode';
import { odds, WinModel, type WinModelJSON } from '../win';
import { historyFor, type DealHistory, type Histories } from './history';
import { logDays, StagePace, type StagePaceJSON } from './pace';
import { snapshotAt, type AsOfSnapshot } from './snapshot';

/** Days between a training deal's snapshots, unless that gives more than MAX_TRAINING_SNAPSHOTS. */
export const SNAPSHOT_EVERY_DAYS = 14;
/**
 * Training snapshots at most: past it the days between snapshots grow (each deal still
 * counted by its days open). On 10,000 closed sandbox deals that is every 27 days or so, on
 * 78,000 every 200: a linear model of a few hundred weights needs no more rows, and the
 * replay against the truth (seeds 7, 8, 9, monthly) moved by at most 0.001 AUC from a cap of
 * 60,000, while training at 10,000 deals took 0.6–0.8 s instead of 1.1–1.4 s.
 */
export const MAX_TRAINING_SNAPSHOTS = 30_000;
/** Buckets each number is cut into (see above). */
export const AS_OF_BINS = 20;

/** How a deal's stages compare with won deals like it, as of the snapshot's day. */
export interface PaceReading {
  /** Log of (days + ½) of each finished stage against the yardstick, summed; 0 before a stage has ended. */
  sum: number;
  /** The same per finished stage; null before a stage has ended. */
  mean: number | null;
  /** The current stage's days so far against the yardstick (log); null when the stage is unknown. */
  stage: number | null;
  /** Days won deals like it typically spend in the current stage, and the days 80% of them stay within. */
  typicalDays: number | null;
  mostWonWithinDays: number | null;
}

/** Everything a row of the as-of model reads: the snapshot, the pace, the stage-blind log-odds. */
export interface AsOfReading {
  snapshot: AsOfSnapshot;
  pace: PaceReading;
  /** The stage-blind Win Potential's log-odds; null when the deal has none. */
  prior: number | null;
}

/** The model's features as attributes, with the labels reasons show. */
export const AS_OF_FIELDS: ReadonlyArray<{ key: string; label: string; read: (r: AsOfReading) => string | number | null; kind: 'category' | 'number' }> = [
  { key: 'asOfStage', label: 'Stage (as of the day)', kind: 'category', read: (r) => r.snapshot.stage },
  { key: 'asOfStageOrder', label: 'Step in the pipeline', kind: 'number', read: (r) => r.snapshot.stageOrder },
  { key: 'asOfStageVisits', label: 'Times in this stage', kind: 'number', read: (r) => r.snapshot.stageVisits },
  { key: 'asOfDaysInStage', label: 'Days in the stage', kind: 'number', read: (r) => r.snapshot.daysInStage },
  { key: 'asOfStagesEntered', label: 'Stages entered', kind: 'number', read: (r) => r.snapshot.stagesEntered },
  { key: 'asOfStepsBack', label: 'Steps back', kind: 'number', read: (r) => r.snapshot.stepsBack },
  { key: 'asOfAge', label: 'Days open', kind: 'number', read: (r) => r.snapshot.age },
  { key: 'asOfClosePushes', label: 'Close date pushed', kind: 'number', read: (r) => r.snapshot.closePushes },
  { key: 'asOfClosePushDays', label: 'Days the close date moved', kind: 'number', read: (r) => r.snapshot.closePushDays },
  { key: 'asOfDaysToClose', label: 'Days to the CRM close date', kind: 'number', read: (r) => r.snapshot.daysToClose },
  { key: 'asOfAmountChange', label: 'Amount against its first', kind: 'number', read: (r) => r.snapshot.amountChange },
  { key: 'asOfPace', label: 'Earlier stages against won deals like it', kind: 'number', read: (r) => r.pace.sum },
  { key: 'asOfPaceMean', label: 'Earlier stages against won deals like it, per stage', kind: 'number', read: (r) => r.pace.mean },
  { key: 'asOfStagePace', label: 'Days in the stage against won deals like it', kind: 'number', read: (r) => r.pace.stage },
  { key: 'asOfPrior', label: 'Win Potential from its fields', kind: 'number', read: (r) => r.prior },
];

const AS_OF_KEYS = AS_OF_FIELDS.map((f) => f.key);
/** The encoder's standard features: the deal's own fields reach the model through `asOfPrior` only. */
const STANDARD_FEATURES = ['amount', 'type', 'leadSource', 'territory', 'owner', 'ownerManager', 'createdMonth'];

/**
 * The stages in pipeline order, as the deals walked them: each stage by the median step at
 * which deals entered it. A deal with a history in `histories` walks that history's stages.
 */
export function pipelineOrder(opportunities: readonly Opportunity[], histories?: Histories): string[] {
  const steps = new Map<string, number[]>();
  for (const o of opportunities) {
    const given = histories?.get(o.id);
    const open = given
      ? given.stages.map((s) => s.value)
      : o.stageHistory.filter((s) => !(o.isClosed && o.closeDate !== null && s.enteredAt >= o.closeDate)).map((s) => s.stage);
    open.forEach((stage, i) => {
      const list = steps.get(stage) ?? [];
      list.push(i / Math.max(1, open.length - 1));
      steps.set(stage, list);
    });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return [...steps.entries()].sort((a, b) => median(a[1]) - median(b[1]) || (a[0] < b[0] ? -1 : 1)).map(([stage]) => stage);
}

/** The stage-blind model's out-of-bag probability of each deal it was trained on (`closed`, in the order given), by id. */
export function outOfBag(win: WinModel, closed: readonly Opportunity[]): Map<string, number> {
  const out = new Map<string, number>();
  const oob = win.oob;
  if (oob === null) throw new Error('outOfBag: the model was loaded, not trained: it has no out-of-bag votes');
  closed.forEach((o, i) => {
    const p = oob[i] as number;
    if (!Number.isNaN(p)) out.set(o.id, p);
  });
  return out;
}

/** A stage-blind probability as the model's `asOfPrior`: its log-odds, kept finite; null when the deal has none. */
function priorOf(p: number | null | undefined): number | null {
  return p === null || p === undefined || Number.isNaN(p) ? null : Math.log(odds(p));
}

/**
 * Deals as they stood on `asOf`, each with its snapshot; the ones without a history, or not
 * open that day, left out. A deal's history is the one `histories` gives for it, else its own.
 */
export function standingOn(
  deals: readonly Opportunity[],
  asOf: IsoDate,
  pipeline: readonly string[],
  histories?: Histories,
): Array<{ deal: Opportunity; snapshot: AsOfSnapshot }> {
  return deals.flatMap((deal) => {
    const history = historyFor(deal, histories);
    const snapshot = history === null || history.stages.length === 0 ? null : snapshotAt(history, asOf, pipeline);
    return snapshot === null ? [] : [{ deal, snapshot }];
  });
}

/** The deal's pace as of its snapshot, against a yardstick (the deal's own part of it given). */
export function paceOf(snapshot: AsOfSnapshot, pace: StagePace, dealPart: number): PaceReading {
  let sum = 0;
  for (const visit of snapshot.visits) sum += logDays(visit.days) - pace.expected(dealPart, visit.stage, snapshot.firstStage);
  const stage = snapshot.stage;
  const expected = stage === null ? null : pace.expected(dealPart, stage, snapshot.firstStage);
  return {
    sum,
    mean: snapshot.visits.length > 0 ? sum / snapshot.visits.length : null,
    stage: expected === null ? null : logDays(snapshot.daysInStage ?? 0) - expected,
    typicalDays: expected === null ? null : Math.max(0, Math.exp(expected) - 0.5),
    // The 80th percentile of a normal spread around the yardstick (z = 0.8416).
    mostWonWithinDays: expected === null ? null : Math.max(0, Math.exp(expected + 0.8416 * pace.spread) - 0.5),
  };
}

/** The model's features under their AS_OF_FIELDS keys (a test holds the two to the same keys and values). */
export function readingAttributes(r: AsOfReading): Record<string, string | number | null> {
  const { snapshot: s, pace } = r;
  return {
    asOfStage: s.stage,
    asOfStageOrder: s.stageOrder,
    asOfStageVisits: s.stageVisits,
    asOfDaysInStage: s.daysInStage,
    asOfStagesEntered: s.stagesEntered,
    asOfStepsBack: s.stepsBack,
    asOfAge: s.age,
    asOfClosePushes: s.closePushes,
    asOfClosePushDays: s.closePushDays,
    asOfDaysToClose: s.daysToClose,
    asOfAmountChange: s.amountChange,
    asOfPace: pace.sum,
    asOfPaceMean: pace.mean,
    asOfStagePace: pace.stage,
    asOfPrior: r.prior,
  };
}

/**
 * A copy of the deal whose attributes are its reading's features, and only those: the
 * model reads nothing else of a row (the deal's own fields reach it through `asOfPrior`),
 * and a training set holds tens of thousands of rows.
 */
export function withReading(opportunity: Opportunity, reading: AsOfReading): Opportunity {
  // The amount as it stood that day: a revision after it (at the quote, say) is the future.
  return { ...opportunity, amount: reading.snapshot.amount ?? opportunity.amount, attributes: readingAttributes(reading) };
}

/**
 * The days a closed deal is snapshotted on for training, as days after its creation: every
 * `everyDays` from a first day drawn within the first period, while it was open.
 */
export function trainingDayOffsets(history: DealHistory, everyDays: number, random: Random): number[] {
  if (history.closedAt === null || history.closedAt <= history.createdDate) return [];
  const span = daysBetween(history.createdDate, history.closedAt);
  const days: number[] = [];
  for (let d = random.int(everyDays); d < span; d += everyDays) days.push(d);
  return days;
}

export interface AsOfTrainOptions {
  seed?: number;
  pipeline: readonly string[];
  /** Deals' histories from a history export, by opportunity id (else each deal's own). */
  histories?: Histories;
  /** The stage-blind Win Potential of each closed deal, out of bag (by id). */
  prior: ReadonlyMap<string, number>;
  /** The stage-blind model's encoder: the deal's own fields the pace yardstick reads. */
  encoder: EncoderSpec;
  fields?: AttributeField[];
}

export interface AsOfModelJSON {
  format: 'dealsight-asof-model';
  win: WinModelJSON;
  pace: StagePaceJSON;
  pipeline: string[];
  /** Training snapshots (rows) and the closed deals they came from. */
  snapshots: number;
  deals: number;
}

/** The as-of Win Potential model: the pace yardstick, the pipeline order and the logistic model. */
export class AsOfModel {
  private constructor(
    readonly win: WinModel,
    readonly pace: StagePace,
    readonly pipeline: string[],
    /** Training snapshots (rows) and the closed deals they came from. */
    readonly snapshots: number,
    readonly deals: number,
  ) {}

  /** Trains on the closed deals with a history (the caller checks there are enough). */
  static train(closed: readonly Opportunity[], options: AsOfTrainOptions): AsOfModel {
    const seed = options.seed ?? 1;
    const history = (o: Opportunity): DealHistory | null => historyFor(o, options.histories);
    const withHistory = closed.flatMap((deal) => {
      const h = history(deal);
      return h === null || h.stages.length === 0 || h.closedAt === null ? [] : [{ deal, h }];
    });
    const histories = new Map(withHistory.map(({ deal, h }) => [deal.id, h]));
    const { pace, heldOut } = StagePace.fit(
      withHistory.filter(({ deal }) => deal.isWon).map(({ deal }) => deal),
      (deal) => histories.get(deal.id) ?? null,
      options.encoder,
    );
    // A won deal's pace is read against the yardstick fitted without its own stages; each
    // yardstick's part of every deal measured against it is computed in one pass.
    const yardstickOf = (deal: Opportunity): StagePace => heldOut.get(deal.id) ?? pace;
    const parts = new Map<string, number>();
    for (const yardstick of new Set([pace, ...heldOut.values()])) {
      const measured = withHistory.map(({ deal }) => deal).filter((deal) => yardstickOf(deal) === yardstick);
      yardstick.dealParts(measured).forEach((part, i) => parts.set((measured[i] as Opportunity).id, part));
    }
    const daysOpen = withHistory.reduce((sum, { h }) => sum + Math.max(0, daysBetween(h.createdDate, h.closedAt as IsoDate)), 0);
    const every = Math.max(SNAPSHOT_EVERY_DAYS, Math.ceil(daysOpen / MAX_TRAINING_SNAPSHOTS));
    const random = new Random(seed + 1801);
    const rows: Opportunity[] = [];
    let deals = 0;
    for (const { deal, h } of withHistory) {
      const days = trainingDayOffsets(h, every, random);
      if (days.length === 0) continue;
      deals++;
      const yardstick = yardstickOf(deal);
      const part = parts.get(deal.id) as number;
      const prior = priorOf(options.prior.get(deal.id));
      for (const day of days) {
        const snapshot = snapshotAt(h, addDays(h.createdDate, day), options.pipeline);
        if (snapshot !== null) rows.push(withReading(deal, { snapshot, pace: paceOf(snapshot, yardstick, part), prior }));
      }
    }
    const win = WinModel.train(rows, {
      seed,
      config: 'linear',
      trees: 1,
      maxFeatures: 1,
      linearBins: AS_OF_BINS,
      encoder: {
        fields: [...(options.fields ?? []), ...asOfFieldDescriptions()],
        include: AS_OF_KEYS,
        keep: AS_OF_KEYS,
        excludeFeatures: STANDARD_FEATURES,
      },
    });
    return new AsOfModel(win, pace, [...options.pipeline], rows.length, deals);
  }

  static load(json: AsOfModelJSON): AsOfModel {
    if (json?.format !== 'dealsight-asof-model') throw new Error('AsOfModel.load: not a saved Dealsight as-of model');
    return new AsOfModel(WinModel.load(json.win), StagePace.fromJSON(json.pace), [...json.pipeline], json.snapshots, json.deals);
  }

  toJSON(): AsOfModelJSON {
    return {
      format: 'dealsight-asof-model',
      win: this.win.toJSON(),
      pace: this.pace.toJSON(),
      pipeline: this.pipeline,
      snapshots: this.snapshots,
      deals: this.deals,
    };
  }

  /**
   * Deals as they stood on `asOf`, each with its reading; the ones without a history, or not
   * open that day, left out. `prior` gives each deal's stage-blind Win Potential.
   */
  readings(
    deals: readonly Opportunity[],
    asOf: IsoDate,
    prior: (deal: Opportunity) => number | null,
    histories?: Histories,
  ): { rows: Opportunity[]; readings: AsOfReading[] } {
    return this.read(standingOn(deals, asOf, this.pipeline, histories), prior);
  }

  /** The readings of deals already snapshotted (by `standingOn` with this model's pipeline). */
  read(
    standing: ReadonlyArray<{ deal: Opportunity; snapshot: AsOfSnapshot }>,
    prior: (deal: Opportunity) => number | null,
  ): { rows: Opportunity[]; readings: AsOfReading[] } {
    const parts = this.pace.dealParts(standing.map((s) => s.deal));
    const readings = standing.map(({ deal, snapshot }, i): AsOfReading => ({
      snapshot,
      pace: paceOf(snapshot, this.pace, parts[i] as number),
      prior: priorOf(prior(deal)),
    }));
    return { rows: standing.map(({ deal }, i) => withReading(deal, readings[i] as AsOfReading)), readings };
  }

  /** The calibrated probabilities of rows built by `readings`. */
  predict(rows: Opportunity[]): Float64Array {
    return this.win.predict(rows);
  }
}

/** The field descriptions of the model's features, for the encoder (numbers stay numbers). */
export function asOfFieldDescriptions(): AttributeField[] {
  return AS_OF_FIELDS.map((f) => ({ key: f.key, label: f.label, kind: f.kind, coverage: 1 }));
}
