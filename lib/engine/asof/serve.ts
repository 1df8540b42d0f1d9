/**
 * Win Potential as of today for the open deals that carry a stage history (issue 18, items 2
 * and 4): the as-of model trained on the closed deals with a history, each open deal with a
 * history scored as it stands on the day; the others keep the stage-blind score. When too
 * few closed deals have a history, nothing is served and the note says how many are needed.
 */
import type { AttributeField, IsoDate, Opportunity } from '../../crm/opportunity';
import { checkSufficiency } from '../sufficiency';
import { WinModel } from '../win';
import { hasStageHistory, type Histories } from './history';
import { AsOfModel, outOfBag, pipelineOrder } from './model';
import { scoreAsOf, type AsOfScore } from './score';

export interface StageAwareOptions {
  asOf: IsoDate;
  seed?: number;
  fields?: AttributeField[];
  exclude?: string[];
  keep?: string[];
  /** Deals' histories from a history export, by opportunity id: used instead of what those deals carry. */
  histories?: Histories;
  /** The stage-blind model already trained on every closed deal of `opportunities` (in their order), when there is one. */
  stageBlind?: WinModel;
}

export interface StageAwareResult {
  /** By opportunity id: the open deals scored as of the day. */
  scores: Map<string, AsOfScore>;
  /** Closed deals the model learned from (those with a stage history). */
  trainedOn: number;
  /** What the user should know: why nothing was served, or how many open deals kept the stage-blind score. */
  notes: string[];
}

/** The as-of model as trained for serving: the model (null when too few closed deals have a history) and what to tell the user. */
export interface StandingTraining {
  model: AsOfModel | null;
  /** Closed deals the model learned from (those with a stage history). */
  trainedOn: number;
  notes: string[];
}

/**
 * Trains the as-of model on the closed deals with a stage history, or says why not (the
 * sufficiency rule, on those deals). It reads the stage-blind model's out-of-bag votes, so
 * that model must be the one just trained on the closed deals of `opportunities`, in order.
 */
export function trainStanding(opportunities: readonly Opportunity[], options: Omit<StageAwareOptions, 'asOf'> & { stageBlind: WinModel }): StandingTraining {
  const closed = opportunities.filter((o) => o.isClosed);
  const histories = options.histories;
  const withHistory = closed.filter((o) => hasStageHistory(o, histories));
  const wins = withHistory.filter((o) => o.isWon).length;
  const sufficiency = checkSufficiency(wins, withHistory.length - wins);
  if (!sufficiency.enough) {
    return {
      model: null,
      trainedOn: 0,
      notes: [
        `Win Potential as of today needs closed deals with their stage history: ${withHistory.length} of ${closed.length} have one (${wins} won). ${sufficiency.message} Until then the stage-blind Win Potential serves.`,
      ],
    };
  }
  const model = AsOfModel.train(withHistory, {
    seed: options.seed,
    pipeline: pipelineOrder(withHistory, histories),
    histories,
    prior: outOfBag(options.stageBlind, closed),
    encoder: options.stageBlind.json.encoder,
    fields: options.fields,
  });
  return { model, trainedOn: withHistory.length, notes: [] };
}

/** The open deals scored as of the day, the stage-blind model trained here when not given. */
export function stageAwareScores(opportunities: readonly Opportunity[], options: StageAwareOptions): StageAwareResult {
  const closed = opportunities.filter((o) => o.isClosed);
  const open = opportunities.filter((o) => !o.isClosed);
  const stageBlind =
    options.stageBlind ?? WinModel.train(closed, { seed: options.seed, encoder: { fields: options.fields, exclude: options.exclude, keep: options.keep } });
  const training = trainStanding(opportunities, { ...options, stageBlind });
  if (training.model === null) return { scores: new Map(), trainedOn: 0, notes: training.notes };
  const blind = new Map(stageBlind.score(open).map((s) => [s.id, s]));
  const scores = scoreAsOf(training.model, open, options.asOf, { scores: blind, reference: stageBlind.referenceProbability() }, 3, options.histories);
  const notes: string[] = [];
  const without = open.length - scores.size;
  if (without > 0) notes.push(`${without.toLocaleString('en-US')} open deals have no stage history: they keep the stage-blind Win Potential.`);
  return { scores, trainedOn: training.trainedOn, notes };
}
