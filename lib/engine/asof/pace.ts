/**
 * How long won deals like this one stay in each stage (issue 18): the yardstick a deal's
 * pace is read against. A stage lasting long is bad news only against what is usual for
 * that stage *and that kind of deal*: a large deal with a big buyer moves slower, won or
 * lost, and a renewal that starts at the quote spends its whole cycle in two stages. Days
 * in a stage on their own mix the two; days against the yardstick separate them.
 *
 * The yardstick is a ridge regression of log stage length on the stage, the stage the deal
 * started in and the deal's own fields (the stage-blind encoder's: type, amount, buyer, …;
 * numbers by their deciles), fitted on the completed stage visits of won deals only: "as
 * long as won deals like it take" is the comparison a rep makes, and lost deals' stalls
 * would move the yardstick toward what it is meant to detect. The fit is additive in the
 * log (a deal's size stretches every stage by the same factor), by backfitting: each
 * feature's levels in turn take the shrunk mean of what the others leave unexplained.
 *
 * Honesty: a training deal's pace must not be read against a yardstick its own stages
 * helped set (its stalls would be partly explained away). `fit` therefore also returns,
 * for every won deal it learned from, the yardstick fitted on the other half of the won
 * deals (two folds by deal); lost and open deals are measured against the full fit, which
 * never saw them.
 */
import { daysBetween, type Opportunity } from '../../crm/opportunity';
import { encode, type EncoderSpec } from '../encode';
import { activeColumns, linearLayout } from '../linear';
import type { DealHistory } from './history';

/** Shrinkage of a level toward the others, in stage visits: a level seen this often moves halfway. */
const PACE_LAMBDA = 20;
/** Backfitting sweeps: the additive fit settles in a few (the features are nearly independent one-hots). */
const SWEEPS = 8;
/** A same-day stage change lasts 0 days; the log of days plus a half keeps it finite and near a day. */
export const logDays = (days: number): number => Math.log(Math.max(0, days) + 0.5);

export interface StagePaceJSON {
  format: 'dealsight-stage-pace';
  encoder: EncoderSpec;
  offsets: number[];
  cuts: Array<number[] | null>;
  /** Weights of the deal's own fields' one-hot columns (log days). */
  weights: number[];
  /** Log days each stage adds, and each first stage; a stage not seen adds 0. */
  stages: Record<string, number>;
  starts: Record<string, number>;
  intercept: number;
  /** Standard deviation of what the fit leaves unexplained (log days): how far won deals like it spread around the yardstick. */
  spread: number;
  /** Completed stage visits of won deals the yardstick was fitted on. */
  visits: number;
}

/** One completed stage visit: the stage and how many days it lasted. */
export interface StageVisit {
  stage: string;
  days: number;
}

/** The completed stage visits of a closed deal's history, the last one ended by the close. */
export function completedVisits(history: DealHistory): StageVisit[] {
  const visits: StageVisit[] = [];
  const end = history.closedAt;
  history.stages.forEach((entry, i) => {
    const next = history.stages[i + 1];
    const until = next?.at ?? end;
    if (until !== null && until !== undefined && (end === null || entry.at < end)) visits.push({ stage: entry.value, days: daysBetween(entry.at, until) });
  });
  return visits;
}

export class StagePace {
  private constructor(readonly json: StagePaceJSON) {}

  /**
   * Fits the yardstick on won deals' completed visits. Returns it with, for each won deal it
   * learned from (by id), the yardstick fitted without that deal's half of the won deals.
   */
  static fit(
    won: readonly Opportunity[],
    historyOf: (o: Opportunity) => DealHistory | null,
    encoder: EncoderSpec,
  ): { pace: StagePace; heldOut: Map<string, StagePace> } {
    const deals: Opportunity[] = [];
    const rows: Array<{ deal: number; stage: string; start: string; y: number }> = [];
    for (const o of won) {
      const history = historyOf(o);
      if (history === null || history.stages.length === 0) continue;
      const visits = completedVisits(history);
      if (visits.length === 0) continue;
      const start = (history.stages[0] as { value: string }).value;
      for (const v of visits) rows.push({ deal: deals.length, stage: v.stage, start, y: logDays(v.days) });
      deals.push(o);
    }
    const pace = fitRows(deals, rows, encoder, null);
    const heldOut = new Map<string, StagePace>();
    if (deals.length >= 4) {
      // Two folds by deal (alternate deals in the order given): each half's yardstick from the other.
      const folds = [0, 1].map((k) => fitRows(deals, rows, encoder, (deal) => deal % 2 !== k));
      deals.forEach((o, i) => heldOut.set(o.id, folds[i % 2] as StagePace));
    }
    return { pace, heldOut };
  }

  static fromJSON(json: StagePaceJSON): StagePace {
    if (json.format !== 'dealsight-stage-pace') throw new Error(`StagePace.fromJSON: not a stage pace (format ${String(json.format)})`);
    return new StagePace(json);
  }

  toJSON(): StagePaceJSON {
    return this.json;
  }

  /** The part of each deal's expected log days its own fields set (intercept included). */
  dealParts(deals: readonly Opportunity[]): Float64Array {
    const { encoder, offsets, cuts, weights, intercept } = this.json;
    const out = new Float64Array(deals.length).fill(intercept);
    if (deals.length === 0 || encoder.features.length === 0) return out;
    const active = activeColumns(encode(encoder, [...deals]), offsets, cuts);
    for (const column of active) for (let r = 0; r < deals.length; r++) out[r]! += weights[column[r] as number] ?? 0;
    return out;
  }

  /** How far won deals like it spread around the yardstick (standard deviation, log days). */
  get spread(): number {
    return this.json.spread;
  }

  /** Expected log days of a won deal with this deal part in `stage`, having started in `start`. */
  expected(dealPart: number, stage: string, start: string | null): number {
    return dealPart + (this.json.stages[stage] ?? 0) + (start === null ? 0 : (this.json.starts[start] ?? 0));
  }
}

/** The ridge fit by backfitting on the rows `keep` accepts (by deal index); all when null. */
function fitRows(
  deals: readonly Opportunity[],
  rows: ReadonlyArray<{ deal: number; stage: string; start: string; y: number }>,
  encoder: EncoderSpec,
  keep: ((deal: number) => boolean) | null,
): StagePace {
  const used = keep === null ? rows : rows.filter((r) => keep(r.deal));
  const columns = encode(
    encoder,
    deals.filter((_, i) => keep === null || keep(i)),
  );
  // The layout's deciles and levels come from the deals fitted on, one entry per deal.
  const layout = linearLayout(columns);
  const dealIndex = new Int32Array(deals.length).fill(-1);
  let k = 0;
  deals.forEach((_, i) => {
    if (keep === null || keep(i)) dealIndex[i] = k++;
  });
  const active = activeColumns(columns, layout.offsets, layout.cuts);
  const n = used.length;
  const stageNames = [...new Set(used.map((r) => r.stage))];
  const startNames = [...new Set(used.map((r) => r.start))];
  const stageOf = new Int32Array(n);
  const startOf = new Int32Array(n);
  const dealOf = new Int32Array(n);
  const y = new Float64Array(n);
  used.forEach((r, i) => {
    stageOf[i] = stageNames.indexOf(r.stage);
    startOf[i] = startNames.indexOf(r.start);
    dealOf[i] = dealIndex[r.deal] as number;
    y[i] = r.y;
  });
  let intercept = 0;
  for (let i = 0; i < n; i++) intercept += y[i] as number;
  intercept = n > 0 ? intercept / n : 0;
  const weights = new Float64Array(layout.width);
  const stageW = new Float64Array(stageNames.length);
  const startW = new Float64Array(startNames.length);
  const fitted = new Float64Array(n).fill(intercept);
  // One block of levels: each level's weight becomes the shrunk mean of the residual without it.
  const refit = (levelOf: (i: number) => number, w: Float64Array): void => {
    const sum = new Float64Array(w.length);
    const count = new Float64Array(w.length);
    for (let i = 0; i < n; i++) {
      const level = levelOf(i);
      sum[level]! += (y[i] as number) - (fitted[i] as number) + (w[level] as number);
      count[level]! += 1;
    }
    const next = new Float64Array(w.length);
    for (let l = 0; l < w.length; l++) next[l] = (sum[l] as number) / ((count[l] as number) + PACE_LAMBDA);
    for (let i = 0; i < n; i++) {
      const level = levelOf(i);
      fitted[i]! += (next[level] as number) - (w[level] as number);
    }
    w.set(next);
  };
  const blockWeights = active.map(() => null as Float64Array | null);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    refit((i) => stageOf[i] as number, stageW);
    refit((i) => startOf[i] as number, startW);
    active.forEach((column, f) => {
      const start = layout.offsets[f] as number;
      const end = f + 1 < active.length ? (layout.offsets[f + 1] as number) : layout.width;
      const block = blockWeights[f] ?? weights.subarray(start, end);
      blockWeights[f] = block;
      refit((i) => (column[dealOf[i] as number] as number) - start, block);
    });
    // The intercept takes up what the shrunk levels leave on average.
    let shift = 0;
    for (let i = 0; i < n; i++) shift += (y[i] as number) - (fitted[i] as number);
    shift = n > 0 ? shift / n : 0;
    intercept += shift;
    for (let i = 0; i < n; i++) fitted[i]! += shift;
  }
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((y[i] as number) - (fitted[i] as number)) ** 2;
  return StagePace.fromJSON({
    format: 'dealsight-stage-pace',
    encoder,
    offsets: layout.offsets,
    cuts: layout.cuts,
    weights: Array.from(weights),
    stages: Object.fromEntries(stageNames.map((s, i) => [s, stageW[i] as number])),
    starts: Object.fromEntries(startNames.map((s, i) => [s, startW[i] as number])),
    intercept,
    spread: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    visits: n,
  });
}
