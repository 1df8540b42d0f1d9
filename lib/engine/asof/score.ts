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
import type { Histories } from './history';

/** The label of a reason that says where the deal stands (its value is the phrase). */
export const STANDING_LABEL = 'Where it stands';

export interface AsOfScore extends WinScore {
  snapshot: AsOfSnapshot;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/** What a factor of the snapshot says, in a rep's words; null for the deal's own fields. */
export function standingPhrase(
  key: string,
  snapshot: AsOfSnapshot,
  stageTimes: StageTimes,
  pipeline: readonly string[],
  pipelineName?: unknown,
): string | null {
  const stage = snapshot.stage ?? 'an unknown stage';
  switch (key) {
    case 'attr:asOfStage':
    case 'attr:asOfStageOrder':
      return snapshot.stageOrder === null ? `in ${stage}` : `in ${stage}, step ${snapshot.stageOrder + 1} of ${pipeline.length}`;
    case 'attr:asOfDaysInStage': {
      const days = snapshot.daysInStage ?? 0;
      const typical = snapshot.stage === null ? undefined : stageTimes.stages[stageKey(snapshot.stage, pipelineName)];
      const base = `in ${stage} for ${plural(days, 'day', 'days')}`;
      if (typical?.stalledAfterDays !== null && typical?.stalledAfterDays !== undefined && days > typical.stalledAfterDays)
        return `${base}, longer than 80% of won deals`;
      if (typical !== undefined) return `${base}; won deals spent a median ${plural(Math.round(typical.medianDays), 'day', 'days')} there`;
      return base;
    }
    case 'attr:asOfStageVisits':
      return snapshot.stageVisits > 1
        ? `back in ${stage} for the ${ORDINAL[snapshot.stageVisits - 1] ?? `${snapshot.stageVisits}th`} time`
        : `in ${stage} for the first time`;
    case 'attr:asOfAge':
      return `open ${plural(snapshot.age, 'day', 'days')}`;
    case 'attr:asOfClosePushes':
    case 'attr:asOfClosePushDays':
      return snapshot.closePushes === 0
        ? 'close date never pushed'
        : `close date pushed ${plural(snapshot.closePushes, 'time', 'times')}, ${plural(snapshot.closePushDays, 'day', 'days')} in all`;
    case 'attr:asOfDaysToClose': {
      const days = snapshot.daysToClose;
      if (days === null) return 'no close date in the CRM';
      return days < 0 ? `the CRM close date passed ${plural(-days, 'day', 'days')} ago` : `the CRM close date is in ${plural(days, 'day', 'days')}`;
    }
    case 'attr:asOfAmountChange': {
      const change = snapshot.amountChange;
      if (change === null || change === 1) return 'amount as first entered';
      return change > 1
        ? `amount raised ${Math.round((change - 1) * 100)}% since first entered`
        : `amount cut ${Math.round((1 - change) * 100)}% since first entered`;
    }
    default:
      return null;
  }
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
      const phrase = standingPhrase(factor.key, snapshot, stageTimes, pipeline, pipelineName);
      return phrase === null ? factor : { ...factor, label: STANDING_LABEL, value: phrase };
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
