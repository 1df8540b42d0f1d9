/**
 * The whole analysis of one data set, as the CLI and the engine worker run it: train the
 * win model, the personas, the forecasts and the similar-deals index on the closed deals,
 * then score every opportunity. Each part that lacks data says why and the rest go on.
 */
import type { AttributeField, IsoDate, Opportunity } from '../crm/opportunity';
import { ForecastModel, type Forecast } from './forecast';
import { alignmentScorer, type PersonaScore } from './alignment';
import { discoverPersonas, type Persona, type PersonaGroup, type PersonaModelJSON, type UnnamedPersona } from './personas';
import { SimilarIndex, type SimilarResult } from './similar';
import { checkSufficiency, type Sufficiency } from './sufficiency';
import { WinModel, type WinScore } from './win';
import { fitStageTimes, stageStatus, type StageStatus, type StageTimes } from './stage-times';
import { healthOf, type Health } from './health/health';
import { DEFAULT_HEALTH_PROFILE, type HealthProfile } from './health/profile';
import { scoreAsOf } from './asof/score';
import { trainStanding } from './asof/serve';
import type { AsOfModel } from './asof/model';

export interface AnalyzeOptions {
  seed?: number;
  /** The day the analysis is as of; default the latest date in the data (see `latestDate`). */
  asOf?: IsoDate;
  fields?: AttributeField[];
  /** Attribute keys never used (set at the close, or unticked). */
  exclude?: string[];
  /** Attribute keys the user put back: the leakage checks do not set them aside (`EncoderOptions.keep`). */
  keep?: string[];
  /** Last persona model, so personas keep their ids. */
  previousPersonas?: PersonaModelJSON<UnnamedPersona> | null;
  /** Similar deals listed per outcome; 0 skips the similar-deal search (jobs that only score). */
  similar?: number;
  /** Which signals make an open deal's health (the connection's, from the options page); the default profile otherwise. */
  healthProfile?: HealthProfile;
  /**
   * Serve Win Potential as of the day for open deals with a stage history (issue 18): the
   * as-of model (lib/engine/asof) trained on the closed deals with one. Off, every deal gets
   * the stage-blind model's score.
   */
  stageAware?: boolean;
  onProgress?: (step: AnalyzeStep, done: number, total: number) => void;
}

export type AnalyzeStep = 'win' | 'personas' | 'forecast' | 'similar' | 'score';

/**
 * Personas at two reporting levels. The org level is the headline (`personaId`,
 * `alignment`): one scale for the whole pipeline, so deals of different teams rank
 * against each other fairly. Where the deal's team has personas of its own, the team
 * level is given beside it (`teamPersonaId`, `teamAlignment`), and the UI's reporting-
 * level switch shows it.
 */
export interface OpportunityResult {
  opportunity: Opportunity;
  /** The org persona cluster for a won deal that was clustered; else the best-aligned org persona. */
  personaId: string | null;
  /**
   * The scores without the attribute breakdown, which a panel computes for its one deal
   * (lib/jobs/build): the breakdowns of 78,025 deals took 0.6 s of CPU and 80 MB of peak memory.
   */
  alignment: PersonaScore | null;
  /** The same within the deal's team, when the team has its own personas. */
  teamPersonaId: string | null;
  teamAlignment: PersonaScore | null;
  /**
   * The Win Potential served: out-of-bag (honest) for closed training deals; for open ones,
   * as the deal stands on the day when the as-of model scores it, else the stage-blind score.
   */
  winPotential: number | null;
  win: WinScore | null;
  /** The stage-blind model's score (its out-of-bag one for a closed training deal), whichever is served. */
  winStageBlind: number | null;
  /** Whether `winPotential` is the as-of model's (where the deal stands) rather than the stage-blind one. */
  winToday: boolean;
  forecast: Forecast | null;
  similar: SimilarResult | null;
  /** Open deals: days in the stage against the won deals' (null when the stage or its date is unknown). */
  stage: StageStatus | null;
  /** Open deals: health under the profile, with reasons; null for closed deals. */
  health: Health | null;
}

/**
 * `analyze` returns its personas unnamed; lib/persona-card's `nameAnalysis` gives them their
 * card's person and company (the default, named form) before anything shows or stores them.
 */
export interface Analysis<P extends UnnamedPersona = Persona> {
  /** Null when the data has no dates at all. */
  asOf: IsoDate | null;
  win: WinModel | null;
  winSufficiency: Sufficiency;
  personas: PersonaModelJSON<P>;
  forecast: ForecastModel | null;
  similar: SimilarIndex | null;
  /** Won deals' days per stage and the stalled bounds (lib/engine/stage-times.ts). */
  stageTimes: StageTimes;
  /** The health profile the open deals' health was decided under. */
  healthProfile: HealthProfile;
  /** The as-of model that scores open deals where they stand (`AnalyzeOptions.stageAware`), or null. */
  standing: Standing | null;
  /** Why there is no as-of model when one was asked for (too few closed deals with a stage history); also among `notes`. */
  standingMessage: string | null;
  /** Every input opportunity once, in input order. */
  results: OpportunityResult[];
  /** Why a part is missing or what to know (for the CLI's stderr and the UI). */
  notes: string[];
}

/**
 * The similar-deals index over closed deals, features weighted by the win model's importance.
 * With a win model, its own encoder: what counts as a comparable field is then exactly what
 * it reads (the user's field types and put-back attributes included), and fitting an encoder
 * again took 0.7 s of CPU on 78,000 deals.
 */
export function buildSimilarIndex(closed: Opportunity[], win: WinModel | null, asOf: IsoDate | null): SimilarIndex {
  const importance = win ? Object.fromEntries(win.json.importance.map((f) => [f.key, Math.max(f.importance, 0.01)])) : undefined;
  return SimilarIndex.build(closed, { spec: win?.json.encoder, weights: importance, asOf: asOf ?? undefined });
}

/** The org and team persona cluster of each clustered won deal. */
function clusterIndex(model: PersonaModelJSON<UnnamedPersona>): Map<string, { org: string | null; team: string | null }> {
  const index = new Map<string, { org: string | null; team: string | null }>();
  const add = (group: PersonaGroup<UnnamedPersona> | null, level: 'org' | 'team'): void => {
    for (const persona of group?.personas ?? []) {
      for (const id of persona.memberIds) {
        const entry = index.get(id) ?? { org: null, team: null };
        entry[level] = persona.id;
        index.set(id, entry);
      }
    }
  };
  add(model.org, 'org');
  for (const group of model.teams) add(group, 'team');
  return index;
}

/** The latest created or close date of the closed deals: "as of the export" for a file. */
export function latestDate(opportunities: Opportunity[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const o of opportunities) {
    for (const date of [o.createdDate, o.isClosed ? o.closeDate : null, o.stageEnteredDate]) {
      if (date && (latest === null || date > latest)) latest = date;
    }
  }
  return latest;
}

/** The as-of model as served (it holds the pipeline order its features read), and the closed deals it learned from. */
export interface Standing {
  model: AsOfModel;
  trainedOn: number;
}

export function analyze(opportunities: Opportunity[], options: AnalyzeOptions = {}): Analysis<UnnamedPersona> {
  const notes: string[] = [];
  const progress = options.onProgress ?? (() => undefined);
  const closed = opportunities.filter((o) => o.isClosed);
  const open = opportunities.filter((o) => !o.isClosed);
  // A file without any date has no "as of": forecasts then have nothing to train on, and
  // the epoch only stands in for the predict call, which returns no close dates anyway.
  const dataAsOf = options.asOf ?? latestDate(opportunities);
  const asOf = dataAsOf ?? '1970-01-01';
  const encoder = { fields: options.fields, exclude: options.exclude, keep: options.keep, open };

  const wins = closed.filter((o) => o.isWon).length;
  const winSufficiency = checkSufficiency(wins, closed.length - wins);
  let win: WinModel | null = null;
  if (winSufficiency.enough) {
    win = WinModel.train(closed, { seed: options.seed, encoder, onProgress: (done, total) => progress('win', done, total) });
  } else {
    notes.push(winSufficiency.message);
  }

  progress('personas', 0, 1);
  const personas = discoverPersonas(opportunities, {
    seed: options.seed,
    fields: options.fields,
    exclude: options.exclude,
    previous: options.previousPersonas,
  });
  progress('personas', 1, 1);
  if (personas.insufficient) notes.push(personas.insufficient.message);
  for (const note of personas.org?.notes ?? []) notes.push(`Personas: ${note}`);

  const forecast = ForecastModel.train(closed, {
    seed: options.seed,
    encoder,
    asOf: dataAsOf ?? undefined,
    onProgress: (done, total) => progress('forecast', done, total),
  });
  for (const note of forecast.notes) notes.push(`Forecast: ${note}`);

  const k = options.similar ?? 3;
  let similar: SimilarIndex | null = null;
  if (k > 0 && closed.length > 0) {
    progress('similar', 0, 1);
    similar = buildSimilarIndex(closed, win, dataAsOf);
    progress('similar', 1, 1);
  }

  // Scores: closed training deals get their out-of-bag win probability, open ones a score.
  const oob = new Map<string, number>();
  if (win?.oob)
    closed.forEach((o, i) => {
      const p = win?.oob?.[i] as number;
      if (!Number.isNaN(p)) oob.set(o.id, p);
    });
  const winScores = new Map((win ? win.score(open) : []).map((s) => [s.id, s]));
  const forecasts = new Map(forecast.predict(opportunities, asOf).map((f) => [f.id, f]));
  const clusters = clusterIndex(personas);
  const stageTimes = fitStageTimes(closed);
  let standing: Standing | null = null;
  let standingMessage: string | null = null;
  let todayScores = new Map<string, WinScore>();
  if (options.stageAware && win !== null) {
    // Without dates no deal has a stage history: the training says so in a note.
    const training = trainStanding(opportunities, {
      seed: options.seed,
      fields: options.fields,
      exclude: options.exclude,
      keep: options.keep,
      stageBlind: win,
    });
    for (const note of training.notes) notes.push(note);
    standingMessage = training.notes[0] ?? null;
    if (training.model !== null && dataAsOf !== null) {
      standing = { model: training.model, trainedOn: training.trainedOn };
      todayScores = scoreAsOf(training.model, open, dataAsOf, { scores: winScores, reference: win.referenceProbability() });
    }
  }
  const baseRate = closed.length > 0 ? wins / closed.length : null;
  const profile = options.healthProfile ?? DEFAULT_HEALTH_PROFILE;
  // Each level's scorer once, not once per deal.
  const orgScorer = personas.org ? alignmentScorer(personas.org.personas) : null;
  const teams = new Map(personas.teams.map((g) => [g.team, alignmentScorer(g.personas)]));
  const results = opportunities.map((opportunity, i) => {
    if (i % 500 === 0) progress('score', i, opportunities.length);
    const alignment = orgScorer ? orgScorer(opportunity) : null;
    const team = teams.get(opportunity.ownerManager?.name ?? null) ?? null;
    const teamAlignment = team ? team(opportunity) : null;
    const blind = winScores.get(opportunity.id) ?? null;
    const today = todayScores.get(opportunity.id) ?? null;
    const score = today ?? blind;
    const clustered = opportunity.isWon ? clusters.get(opportunity.id) : undefined;
    return {
      opportunity,
      personaId: clustered?.org ?? alignment?.personaId ?? null,
      alignment,
      teamPersonaId: team ? (clustered?.team ?? teamAlignment?.personaId ?? null) : null,
      teamAlignment,
      winPotential: score?.probability ?? oob.get(opportunity.id) ?? null,
      win: score,
      winStageBlind: blind?.probability ?? oob.get(opportunity.id) ?? null,
      winToday: today !== null,
      forecast: forecasts.get(opportunity.id) ?? null,
      // Open deals only: a closed deal's neighbours are asked for one at a time (its panel),
      // and searching them for all 78,000 deals of a large org took minutes.
      similar: similar && !opportunity.isClosed ? similar.find(opportunity, { k, asOf: dataAsOf ?? undefined }) : null,
      ...(dataAsOf === null
        ? { stage: null, health: null }
        : standingOf(opportunity, {
            winPotential: score?.probability ?? null,
            forecast: forecasts.get(opportunity.id) ?? null,
            stageTimes,
            baseRate,
            profile,
            asOf: dataAsOf,
          })),
    };
  });
  progress('score', opportunities.length, opportunities.length);
  return { asOf: dataAsOf, win, winSufficiency, personas, forecast, similar, stageTimes, healthProfile: profile, standing, standingMessage, results, notes };
}

/** What an open deal's standing is decided from, besides the deal itself. */
export interface StandingInputs {
  winPotential: number | null;
  forecast: Forecast | null;
  stageTimes: StageTimes;
  /** The org's win rate among closed deals. */
  baseRate: number | null;
  profile: HealthProfile;
  asOf: IsoDate;
}

/**
 * An open deal's place in its stage and its health as of `asOf` (null for a closed deal):
 * what the analysis gives every open result, and what a panel recomputes for one deal from
 * the stored models, so both say the same.
 */
export function standingOf(opportunity: Opportunity, inputs: StandingInputs): { stage: StageStatus | null; health: Health | null } {
  if (opportunity.isClosed) return { stage: null, health: null };
  const { asOf } = inputs;
  const stage = stageStatus(opportunity, inputs.stageTimes, asOf);
  const close = inputs.forecast?.closeDate ?? null;
  const amount = inputs.forecast?.amount ?? null;
  const health = healthOf(
    {
      asOf,
      winPotential: inputs.winPotential,
      baseRate: inputs.baseRate,
      stage: stage?.stage ?? null,
      daysInStage: stage?.days ?? null,
      stalledAfterDays: stage?.stalledAfterDays ?? null,
      crmCloseDate: opportunity.closeDate,
      predictedClose: close ? { p10: close.p10, p90: close.p90 } : null,
      slip: close?.slip ?? false,
      // The range is in the org's main currency: a deal in another one is not compared.
      crmAmount: amount && amount.difference !== null ? opportunity.amount : null,
      predictedAmount: amount ? { p10: amount.p10, p90: amount.p90 } : null,
      lastChange: opportunity.stageHistory.at(-1)?.enteredAt ?? opportunity.stageEnteredDate ?? opportunity.createdDate,
    },
    inputs.profile,
  );
  return { stage, health };
}
