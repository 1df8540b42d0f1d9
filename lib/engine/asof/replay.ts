/**
 * The replay backtest (issue 18, item 3): at past days T, the deals open at T are scored by
 * models trained only on deals closed before T, and the scores are compared on how those deals
 * ended. Three contenders on the same deals: the as-of model (model.ts: where each deal stood
 * at T), the stage-blind model of the model issue (WinModel on the deals' own fields), and the
 * CRM's own probability at T: the probability a history recorded as last set by T (a
 * Salesforce opportunity history records it with every change), else the stage's default
 * as the org sets it, read from the open deals' probabilities per stage. Nothing recorded
 * after T reaches a model or a score: the training deals closed before T, and the scored
 * deals are read through `snapshotAt(T)`.
 *
 * `histories` (a history export's, by opportunity id) replace what the deals carry for the
 * deals they are given for, everywhere: training snapshots, scored snapshots, the pipeline's
 * order and which deals have a stage history.
 */
import { addDays, type AttributeField, type IsoDate, type Opportunity } from '../../crm/opportunity';
import { brierScore, calibrationErrorEqualCount, liftByGroup, rocAuc } from '../metrics';
import { checkSufficiency } from '../sufficiency';
import { WinModel } from '../win';
import { hasStageHistory, type Histories } from './history';
import { AsOfModel, outOfBag, pipelineOrder, standingOn } from './model';
import type { AsOfSnapshot } from './snapshot';

export type Contender = 'asOf' | 'stageBlind' | 'crm';

export interface ContenderScore {
  auc: number;
  brier: number;
  /** Expected calibration error over 10 equal-count bins. */
  ece: number;
  /** Win rate of the top-scored tenth over everyone's: how much a rep gains by working those first. */
  lift: number;
}

export interface ReplayPoint {
  asOf: IsoDate;
  /** Deals closed before T that trained the models. */
  trained: number;
  /** Deals open at T (and closed since) that were scored, and how many of them were won. */
  scored: number;
  won: number;
  scores: Partial<Record<Contender, ContenderScore>>;
}

export interface ReplayResult {
  points: ReplayPoint[];
  /** Every scored deal of every point together. */
  pooled: Partial<Record<Contender, ContenderScore>>;
  notes: string[];
}

export interface ReplayOptions {
  /** Days T: `points` of them, `stepDays` apart, the last one `stepDays` before the latest close. */
  points?: number;
  stepDays?: number;
  seed?: number;
  fields?: AttributeField[];
  exclude?: string[];
  keep?: string[];
  /** Deals' histories from a history export, by opportunity id: used instead of what those deals carry. */
  histories?: Histories;
  /** Days replayed so far, of all (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The CRM's probability per stage as the open deals carry it (the most common value of each stage). */
export function stageProbabilities(opportunities: readonly Opportunity[]): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const o of opportunities) {
    if (o.isClosed || o.stage === null || o.probability === null) continue;
    const byValue = counts.get(o.stage) ?? new Map<number, number>();
    byValue.set(o.probability, (byValue.get(o.probability) ?? 0) + 1);
    counts.set(o.stage, byValue);
  }
  return new Map([...counts.entries()].map(([stage, byValue]) => [stage, [...byValue.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] as number]));
}

function score(labels: number[], probabilities: number[]): ContenderScore {
  return {
    auc: rocAuc(labels, probabilities),
    brier: brierScore(labels, probabilities),
    ece: calibrationErrorEqualCount(labels, probabilities),
    lift: liftByGroup(labels, probabilities)[0]?.lift ?? Number.NaN,
  };
}

export function replayBacktest(opportunities: readonly Opportunity[], options: ReplayOptions = {}): ReplayResult {
  const points = options.points ?? 12;
  const step = options.stepDays ?? 30;
  const notes: string[] = [];
  const closed = opportunities.filter((o) => o.isClosed && o.closeDate !== null && o.createdDate !== null);
  const latest = closed.reduce<IsoDate | null>((a, o) => (a === null || (o.closeDate as IsoDate) > a ? (o.closeDate as IsoDate) : a), null);
  if (latest === null) return { points: [], pooled: {}, notes: ['No dated closed deals: nothing to replay.'] };
  const histories = options.histories;
  const withStages = (o: Opportunity): boolean => hasStageHistory(o, histories);
  if (!closed.some(withStages)) {
    return {
      points: [],
      pooled: {},
      notes: [
        `None of the ${closed.length.toLocaleString('en-US')} closed deals has a stage history (the stages it went through, with their dates): the as-of model needs one, so Win Potential is the stage-blind model. HubSpot exports carry it in their "Date entered" columns, a Salesforce opportunity history export beside the opportunities gives it too.`,
      ],
    };
  }
  const crmByStage = stageProbabilities(opportunities);
  const recorded = histories !== undefined && [...histories.values()].some((h) => h.probabilities.length > 0);
  if (crmByStage.size === 0 && !recorded) notes.push('No open deal carries a CRM probability: the CRM is not compared.');
  const results: ReplayPoint[] = [];
  const pooled: Record<Contender, { labels: number[]; p: number[] }> = {
    asOf: { labels: [], p: [] },
    stageBlind: { labels: [], p: [] },
    crm: { labels: [], p: [] },
  };
  const unknown: Array<{ left: number; of: number }> = [];
  for (let k = points; k >= 1; k--) {
    options.onProgress?.(points - k, points);
    const asOf = addDays(latest, -k * step);
    const trainClosed = closed.filter((o) => (o.closeDate as IsoDate) < asOf);
    const wins = trainClosed.filter((o) => o.isWon).length;
    if (!checkSufficiency(wins, trainClosed.length - wins).enough) {
      notes.push(`${asOf}: ${trainClosed.length} deals had closed (${wins} won): too few to train on.`);
      continue;
    }
    // Deals open at T whose outcome is known now, as they stood at T.
    const openThen = closed.filter((o) => (o.createdDate as IsoDate) <= asOf && asOf < (o.closeDate as IsoDate));
    const pipeline = pipelineOrder(trainClosed, histories);
    const standing = standingOn(openThen, asOf, pipeline, histories);
    const rows = standing.map((s) => s.deal);
    const snapshots = standing.map((s) => s.snapshot);
    if (rows.length === 0) {
      notes.push(
        `${asOf}: none of the ${openThen.length} deals open then has a stage history: the as-of model needs one (without, Win Potential is the stage-blind model).`,
      );
      continue;
    }
    // The probability as recorded by T where a history has one (the rep's number or the stage's
    // default as it was then), else the stage's default of today's open deals. A deal whose
    // stage at T is unknown has none: an export that keeps one date per stage loses the first
    // visit of a stage entered twice, and before the earliest date it keeps the stage is unknown.
    const crmOf = snapshots.map((s) => s.probability ?? (s.stage === null ? null : (crmByStage.get(s.stage) ?? null)));
    const known = crmOf.filter((x) => x !== null).length;
    // Every contender is scored on the same deals: the CRM joins when most deals have its
    // number, and the few without it are left out of the comparison at T (the note says how many).
    const compareCrm = known > 0 && known >= rows.length / 2;
    const kept = compareCrm ? rows.flatMap((_, i) => (crmOf[i] === null ? [] : [i])) : rows.map((_, i) => i);
    if (compareCrm && kept.length < rows.length) unknown.push({ left: rows.length - kept.length, of: rows.length });
    const compared = kept.map((i) => rows[i] as Opportunity);
    const labels = compared.map((o) => (o.isWon ? 1 : 0));
    const won = labels.reduce((a: number, b) => a + b, 0);
    if (won === 0 || won === compared.length) {
      notes.push(`${asOf}: ${compared.length} deals open with a history, all with one outcome: not scored.`);
      continue;
    }
    // The as-of model learns from closed deals with a stage history; the sufficiency rule
    // (20 won and 20 lost: lib/engine/sufficiency.ts) applies to those deals, not to all.
    const withHistory = trainClosed.filter(withStages);
    const historyWins = withHistory.filter((o) => o.isWon).length;
    const enough = checkSufficiency(historyWins, withHistory.length - historyWins);
    if (!enough.enough) {
      notes.push(`${asOf}: ${withHistory.length} of the deals closed by then have a stage history (${historyWins} won): ${enough.message}`);
      continue;
    }
    const seed = options.seed ?? 1;
    const encoder = { fields: options.fields, exclude: options.exclude, keep: options.keep };
    const stageBlind = WinModel.train(trainClosed, { seed, encoder });
    const asOfModel = AsOfModel.train(trainClosed, {
      seed,
      pipeline,
      histories,
      prior: outOfBag(stageBlind, trainClosed),
      encoder: stageBlind.json.encoder,
      fields: options.fields,
    });
    const blind = stageBlind.predict(compared);
    const blindOf = new Map(compared.map((o, i) => [o.id, blind[i] as number]));
    // The snapshots read above, with the same pipeline the model was trained on.
    const asOfRows = asOfModel.read(
      kept.map((i) => standing[i] as { deal: Opportunity; snapshot: AsOfSnapshot }),
      (deal) => blindOf.get(deal.id) ?? null,
    ).rows;
    const p: Partial<Record<Contender, number[]>> = {
      asOf: Array.from(asOfModel.predict(asOfRows)),
      stageBlind: Array.from(blind),
    };
    if (compareCrm) p.crm = kept.map((i) => crmOf[i] as number);
    const scores: Partial<Record<Contender, ContenderScore>> = {};
    for (const [name, probabilities] of Object.entries(p) as Array<[Contender, number[]]>) {
      scores[name] = score(labels, probabilities);
      pooled[name].labels.push(...labels);
      pooled[name].p.push(...probabilities);
    }
    results.push({ asOf, trained: trainClosed.length, scored: compared.length, won, scores });
  }
  options.onProgress?.(points, points);
  if (unknown.length > 0) {
    const left = unknown.reduce((a, u) => a + u.left, 0);
    const of = unknown.reduce((a, u) => a + u.of, 0);
    notes.push(
      `On ${unknown.length} of the days, ${left.toLocaleString('en-US')} of the ${of.toLocaleString('en-US')} deals open then (each counted once a day) had no known stage or CRM probability that day (a history that keeps one date per stage loses the first visit of a stage entered twice): left out of those days' comparison.`,
    );
  }
  const pooledScores: Partial<Record<Contender, ContenderScore>> = {};
  for (const [name, { labels, p }] of Object.entries(pooled) as Array<[Contender, { labels: number[]; p: number[] }]>) {
    if (labels.length > 0) pooledScores[name] = score(labels, p);
  }
  return { points: results, pooled: pooledScores, notes };
}
