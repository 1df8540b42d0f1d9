/**
 * Open deals scored as of a day by the as-of model (issue 18, item 2), with the reasons that
 * come from where the deal stands said as a rep would say them: "in Negotiation for 34 days,
 * longer than 80% of won deals like it", "close date pushed 3 times". What the deal's own
 * fields add (the model's `asOfPrior`) is told by the stage-blind model's own reasons (a
 * field and its value), rescaled to the share of the probability they carry here.
 */
import type { IsoDate, Opportunity } from '../../crm/opportunity';
import { SHOWN_IMPACT, type WinFactor, type WinScore } from '../win';
import type { Histories } from './history';
import type { AsOfModel, AsOfReading } from './model';
import type { AsOfSnapshot } from './snapshot';
import type { StandingFact } from './standing-fact';

export type { StandingFact };

/** The label of a reason that says where the deal stands (its value is the phrase). */
export const STANDING_LABEL = 'Where it stands';

export interface AsOfScore extends WinScore {
  snapshot: AsOfSnapshot;
}

/** The stage-blind Win Potential of the deals scored, and the probability its reasons are measured from. */
export interface StageBlindScores {
  scores: ReadonlyMap<string, WinScore>;
  reference: number;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/** A ratio as a rep reads it: one decimal below 10 (0.6, 2.1), whole past it (29). */
function shownRatio(ratio: number): number {
  return ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
}

/** The fact a feature's factor states; null for the stage-blind log-odds and the deal's own fields. */
export function standingFact(key: string, reading: AsOfReading, pipeline: readonly string[]): StandingFact | null {
  const { snapshot, pace } = reading;
  const stage = snapshot.stage;
  switch (key) {
    case 'attr:asOfStage':
    case 'attr:asOfStageOrder':
      return { kind: 'stage', stage, step: snapshot.stageOrder === null ? null : snapshot.stageOrder + 1, steps: pipeline.length };
    case 'attr:asOfDaysInStage':
    case 'attr:asOfStagePace': {
      const days = snapshot.daysInStage ?? 0;
      return {
        kind: 'daysInStage',
        stage,
        days,
        medianDays: pace.typicalDays === null ? null : Math.round(pace.typicalDays),
        longerThanMostWon: pace.mostWonWithinDays !== null && days > pace.mostWonWithinDays,
      };
    }
    case 'attr:asOfStageVisits':
      return { kind: 'visits', stage, visits: snapshot.stageVisits };
    case 'attr:asOfStagesEntered':
      return { kind: 'stagesEntered', count: snapshot.stagesEntered };
    case 'attr:asOfStepsBack':
      return { kind: 'stepsBack', count: snapshot.stepsBack };
    case 'attr:asOfPace':
    case 'attr:asOfPaceMean':
      return { kind: 'pace', ratio: pace.mean === null ? null : shownRatio(Math.exp(pace.mean)) };
    case 'attr:asOfAge':
      return { kind: 'age', days: snapshot.age };
    case 'attr:asOfClosePushes':
    case 'attr:asOfClosePushDays':
      return { kind: 'pushes', pushes: snapshot.closePushes, days: snapshot.closePushDays };
    case 'attr:asOfDaysToClose':
      return { kind: 'daysToClose', days: snapshot.daysToClose };
    case 'attr:asOfAmountChange':
      return { kind: 'amountChange', change: snapshot.amountChange };
    default:
      return null;
  }
}

/** A standing fact in a rep's words, in English. */
export function factPhrase(fact: StandingFact): string {
  const stage = ('stage' in fact ? fact.stage : null) ?? 'an unknown stage';
  switch (fact.kind) {
    case 'stage':
      return fact.step === null ? `in ${stage}` : `in ${stage}, step ${fact.step} of ${fact.steps}`;
    case 'daysInStage': {
      const base = `in ${stage} for ${plural(fact.days, 'day', 'days')}`;
      if (fact.longerThanMostWon) return `${base}, longer than 80% of won deals like it`;
      if (fact.medianDays !== null) return `${base}; won deals like it take about ${plural(fact.medianDays, 'day', 'days')} there`;
      return base;
    }
    case 'visits':
      return fact.visits > 1 ? `back in ${stage} for the ${ORDINAL[fact.visits - 1] ?? `${fact.visits}th`} time` : `in ${stage} for the first time`;
    case 'stagesEntered':
      return `${plural(fact.count, 'stage', 'stages')} entered so far`;
    case 'stepsBack':
      return fact.count === 0 ? 'never went back a stage' : `went back a stage ${plural(fact.count, 'time', 'times')}`;
    case 'pace':
      return fact.ratio === null ? 'still in its first stage' : `earlier stages took ${fact.ratio}× as long as won deals like it`;
    case 'age':
      return `open ${plural(fact.days, 'day', 'days')}`;
    case 'pushes':
      return fact.pushes === 0
        ? 'close date never pushed'
        : `close date pushed ${plural(fact.pushes, 'time', 'times')}, ${plural(fact.days, 'day', 'days')} in all`;
    case 'daysToClose':
      if (fact.days === null) return 'no close date in the CRM';
      return fact.days < 0
        ? `the CRM close date passed ${plural(-fact.days, 'day', 'days')} ago`
        : `the CRM close date is in ${plural(fact.days, 'day', 'days')}`;
    case 'amountChange':
      if (fact.change === null || fact.change === 1) return 'amount as first entered';
      return fact.change > 1
        ? `amount raised ${Math.round((fact.change - 1) * 100)}% since first entered`
        : `amount cut ${Math.round((1 - fact.change) * 100)}% since first entered`;
  }
}

/** What a feature's factor says, in a rep's words, in English; null for the stage-blind log-odds and the deal's own fields. */
export function standingPhrase(key: string, reading: AsOfReading, pipeline: readonly string[]): string | null {
  const fact = standingFact(key, reading, pipeline);
  return fact === null ? null : factPhrase(fact);
}

/**
 * Each open deal with a history, scored as it stands on `asOf`; deals without one are left to
 * the stage-blind model. `blind` holds those deals' stage-blind scores: the model's input
 * and the source of the reasons about the deal's own fields.
 */
export function scoreAsOf(
  model: AsOfModel,
  open: readonly Opportunity[],
  asOf: IsoDate,
  blind: StageBlindScores,
  maxFactors = 3,
  /** Deals' histories from a history export, by opportunity id (else each deal's own). */
  histories?: Histories,
): Map<string, AsOfScore> {
  const { rows, readings } = model.readings(open, asOf, (deal) => blind.scores.get(deal.id)?.probability ?? null, histories);
  // Every factor, so the stage-blind one is found whatever its size; the shown ones are picked below.
  const scores = model.win.score(rows, Number.MAX_SAFE_INTEGER);
  const out = new Map<string, AsOfScore>();
  scores.forEach((score, i) => {
    const reading = readings[i] as AsOfReading;
    const factors: WinFactor[] = [];
    for (const factor of [...score.raising, ...score.lowering]) {
      if (factor.key === 'attr:asOfPrior') {
        factors.push(...ownFieldFactors(blind.scores.get(score.id), blind.reference, factor.impact));
        continue;
      }
      const fact = standingFact(factor.key, reading, model.pipeline);
      factors.push(fact === null ? factor : { ...factor, label: STANDING_LABEL, value: factPhrase(fact), standing: fact });
    }
    const all = merged(factors);
    out.set(score.id, {
      ...score,
      raising: all.filter((f) => f.impact >= SHOWN_IMPACT).slice(0, maxFactors),
      lowering: all
        .filter((f) => f.impact <= -SHOWN_IMPACT)
        .reverse()
        .slice(0, maxFactors),
      snapshot: reading.snapshot,
    });
  });
  return out;
}

/**
 * The stage-blind reasons, each rescaled so that together they carry what the deal's own
 * fields add here (`impact`): they added `blind.probability − reference` there. None when
 * that share cannot be read (the deal has no stage-blind score, or sits at the reference).
 */
function ownFieldFactors(blind: WinScore | undefined, reference: number, impact: number): WinFactor[] {
  if (blind === undefined) return [];
  const there = blind.probability - reference;
  if (Math.abs(there) < SHOWN_IMPACT || impact / there <= 0) return [];
  const scale = impact / there;
  return [...blind.raising, ...blind.lowering].map((f) => ({ ...f, impact: f.impact * scale }));
}

/**
 * Factors that say the same thing as one: the stage and its step in the pipeline are one
 * fact to a rep ("in Negotiation, step 6 of 8"), their impacts added; most raising first.
 */
function merged(factors: WinFactor[]): WinFactor[] {
  const byValue = new Map<string, WinFactor>();
  for (const factor of factors) {
    const key = `${factor.label}\u0000${factor.value}`;
    const seen = byValue.get(key);
    byValue.set(key, seen ? { ...seen, impact: seen.impact + factor.impact } : factor);
  }
  return [...byValue.values()].sort((a, b) => b.impact - a.impact);
}
