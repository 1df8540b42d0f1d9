/**
 * Win Potential as of today for the open deals that carry a stage history (issue 18, items 2
 * and 4): the as-of model trained on the closed deals with a history, each open deal with a
 * history scored as it stands on the day; the others keep the stage-blind score. When too
 * few closed deals have a history, nothing is served and the note says how many are needed.
 */
import type { AttributeField, IsoDate, Opportunity } from '../../crm/opportunity';
import { fitStageTimes } from '../stage-times';
import { checkSufficiency } from '../sufficiency';
import { hasStageHistory, type Histories } from './history';
import { pipelineOrder, trainAsOf } from './model';
import { scoreAsOf, type AsOfScore } from './score';
import type { WinModel } from '../win';

export interface StageAwareOptions {
  asOf: IsoDate;
  seed?: number;
  fields?: AttributeField[];
  exclude?: string[];
  keep?: string[];
  /** Deals' histories from a history export, by opportunity id: used instead of what those deals carry. */
  histories?: Histories;
}

export interface StageAwareResult {
  /** By opportunity id: the open deals scored as of the day. */
  scores: Map<string, AsOfScore>;
  /** Closed deals the model learned from (those with a stage history). */
  trainedOn: number;
  /** What the user should know: why nothing was served, or how many open deals kept the stage-blind score. */
  notes: string[];
}

/** The as-of model as trained for serving: the model (null when too few closed deals have a history), the pipeline order it reads, and what to tell the user. */
export interface StandingTraining {
  model: WinModel | null;
  pipeline: string[];
  /** Closed deals the model learned from (those with a stage history). */
  trainedOn: number;
  notes: string[];
}

/** Trains the as-of model on the closed deals with a stage history, or says why not (the sufficiency rule, on those deals). */
export function trainStanding(opportunities: readonly Opportunity[], options: Omit<StageAwareOptions, 'asOf'>): StandingTraining {
  const closed = opportunities.filter((o) => o.isClosed);
  const open = opportunities.filter((o) => !o.isClosed);
  const histories = options.histories;
  const withHistory = closed.filter((o) => hasStageHistory(o, histories));
  const wins = withHistory.filter((o) => o.isWon).length;
  const sufficiency = checkSufficiency(wins, withHistory.length - wins);
  if (!sufficiency.enough) {
    return {
      model: null,
      pipeline: [],
      trainedOn: 0,
      notes: [
        `Win Potential as of today needs closed deals with their stage history: ${withHistory.length} of ${closed.length} have one (${wins} won). ${sufficiency.message} Until then the stage-blind Win Potential serves.`,
      ],
    };
  }
  const pipeline = pipelineOrder(withHistory, histories);
  const model = trainAsOf(withHistory, { seed: options.seed, fields: options.fields, exclude: options.exclude, keep: options.keep, pipeline, open, histories });
  return { model, pipeline, trainedOn: withHistory.length, notes: [] };
}

export function stageAwareScores(opportunities: readonly Opportunity[], options: StageAwareOptions): StageAwareResult {
  const training = trainStanding(opportunities, options);
  if (training.model === null) return { scores: new Map(), trainedOn: 0, notes: training.notes };
  const closed = opportunities.filter((o) => o.isClosed);
  const open = opportunities.filter((o) => !o.isClosed);
  const scores = scoreAsOf(training.model, open, options.asOf, training.pipeline, fitStageTimes(closed), 3, options.histories);
  const notes: string[] = [];
  const without = open.length - scores.size;
  if (without > 0) notes.push(`${without.toLocaleString('en-US')} open deals have no stage history: they keep the stage-blind Win Potential.`);
  return { scores, trainedOn: training.trainedOn, notes };
}
