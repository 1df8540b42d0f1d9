/**
 * Open deals scored as of a day by the as-of model (issue 18, item 2), with the reasons that
 * come from where the deal stands said as a rep would say them: "in Negotiation for 34 days,
 * longer than 80% of won deals", "close date pushed 3 times". The other reasons are the
 * stage-blind model's own (a field and its value).
 */
import type { IsoDate, Opportunity } from '../../crm/opportunity';
import { stageKey, type StageTimes } from '../stage-times';
import type { WinFactor, WinModel, WinScore } from '../win';
import { snapshotRows } from './model';
import type { AsOfSnapshot } from './snapshot';
import type { StandingFact } from './standing-fact';

export type { StandingFact };
import type { Histories } from './history';

/** The label of a reason that says where the deal stands (its value is the phrase). */
export const STANDING_LABEL = 'Where it stands';

export interface AsOfScore extends WinScore {
  snapshot: AsOfSnapshot;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/** The fact a snapshot feature's factor states; null for the deal's own fields. */
export function standingFact(
  key: string,
  snapshot: AsOfSnapshot,
  stageTimes: StageTimes,
  pipeline: readonly string[],
  pipelineName?: unknown,
): StandingFact | null {
  const stage = snapshot.stage;
  switch (key) {
    case 'attr:asOfStage':
    case 'attr:asOfStageOrder':
      return { kind: 'stage', stage, step: snapshot.stageOrder === null ? null : snapshot.stageOrder + 1, steps: pipeline.length };
    case 'attr:asOfDaysInStage': {
      const days = snapshot.daysInStage ?? 0;
      const typical = stage === null ? undefined : stageTimes.stages[stageKey(stage, pipelineName)];
      const bound = typical?.stalledAfterDays ?? null;
      return {
        kind: 'daysInStage',
        stage,
        days,
        medianDays: typical === undefined ? null : Math.round(typical.medianDays),
        longerThanMostWon: bound !== null && days > bound,
      };
    }
    case 'attr:asOfStageVisits':
      return { kind: 'visits', stage, visits: snapshot.stageVisits };
    case 'attr:asOfStagesEntered':
      return { kind: 'stagesEntered', count: snapshot.stagesEntered };
    case 'attr:asOfStepsBack':
      return { kind: 'stepsBack', count: snapshot.stepsBack };
    case 'attr:asOfEarlierStageDays':
      return { kind: 'earlierStageDays', days: snapshot.earlierStageDays === null ? null : Math.round(snapshot.earlierStageDays) };
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
      if (fact.longerThanMostWon) return `${base}, longer than 80% of won deals`;
      if (fact.medianDays !== null) return `${base}; won deals spent a median ${plural(fact.medianDays, 'day', 'days')} there`;
      return base;
    }
    case 'visits':
      return fact.visits > 1 ? `back in ${stage} for the ${ORDINAL[fact.visits - 1] ?? `${fact.visits}th`} time` : `in ${stage} for the first time`;
    case 'stagesEntered':
      return `${plural(fact.count, 'stage', 'stages')} entered so far`;
    case 'stepsBack':
      return fact.count === 0 ? 'never went back a stage' : `went back a stage ${plural(fact.count, 'time', 'times')}`;
    case 'earlierStageDays':
      return fact.days === null ? 'still in its first stage' : `earlier stages took ${plural(fact.days, 'day', 'days')} each on average`;
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

/** What a factor of the snapshot says, in a rep's words; null for the deal's own fields. */
export function standingPhrase(
  key: string,
  snapshot: AsOfSnapshot,
  stageTimes: StageTimes,
  pipeline: readonly string[],
  pipelineName?: unknown,
): string | null {
  const fact = standingFact(key, snapshot, stageTimes, pipeline, pipelineName);
  return fact === null ? null : factPhrase(fact);
}

/** Each open deal with a history, scored as it stands on `asOf`; deals without one are left to the stage-blind model. */
export function scoreAsOf(
  model: WinModel,
  open: readonly Opportunity[],
  asOf: IsoDate,
  pipeline: readonly string[],
  stageTimes: StageTimes,
  maxFactors = 3,
  /** Deals' histories from a history export, by opportunity id (else each deal's own). */
  histories?: Histories,
): Map<string, AsOfScore> {
  const { rows, snapshots } = snapshotRows(open, asOf, pipeline, histories);
  const scores = model.score(rows, maxFactors);
  const out = new Map<string, AsOfScore>();
  scores.forEach((score, i) => {
    const snapshot = snapshots[i] as AsOfSnapshot;
    const pipelineName = rows[i]?.attributes['pipeline'];
    const say = (factor: WinFactor): WinFactor => {
      const fact = standingFact(factor.key, snapshot, stageTimes, pipeline, pipelineName);
      return fact === null ? factor : { ...factor, label: STANDING_LABEL, value: factPhrase(fact), standing: fact };
    };
    out.set(score.id, { ...score, raising: merged(score.raising.map(say)), lowering: merged(score.lowering.map(say)), snapshot });
  });
  return out;
}

/**
 * Factors that say the same thing as one: the stage and its step in the pipeline are one
 * fact to a rep ("in Negotiation, step 6 of 8"), their impacts added, strongest first.
 */
function merged(factors: WinFactor[]): WinFactor[] {
  const byValue = new Map<string, WinFactor>();
  for (const factor of factors) {
    const key = `${factor.label}\u0000${factor.value}`;
    const seen = byValue.get(key);
    byValue.set(key, seen ? { ...seen, impact: seen.impact + factor.impact } : factor);
  }
  return [...byValue.values()].sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact));
}
