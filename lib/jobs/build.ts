/**
 * Engine results → what the store keeps and the UI shows: the model record, persona
 * records, one pipeline row per opportunity, and one opportunity's panel data. Pure (no
 * store, no browser): runs in the engine worker.
 */
import { stageOrder } from '../pipeline/stage-order';
import type { IsoDate, Opportunity } from '../crm/opportunity';
import type { Analysis, OpportunityResult } from '../engine/analyze';
import { buildSimilarIndex, standingOf, type Standing } from '../engine/analyze';
import { AsOfModel } from '../engine/asof/model';
import { scoreAsOf } from '../engine/asof/score';
import { readHealthProfile, type HealthProfile } from '../engine/health/profile';
import type { StageTimes } from '../engine/stage-times';
import { align } from '../engine/alignment';
import { ForecastModel, type ForecastModelJSON } from '../engine/forecast';
import type { Persona, PersonaGroup, PersonaModelJSON } from '../engine/personas';
import type { QualityReport } from '../engine/quality';
import type { SimilarIndex } from '../engine/similar';
import { checkSufficiency } from '../engine/sufficiency';
import { WinModel, type WinModelJSON } from '../engine/win';
import { PHRASE_PARTS, personaPhrase, type PanelData, type PersonaSummary } from '../panel-data';
import type { ModelRecord, PersonaRecord, ScoreRecord } from '../store/schema';

/** Opportunities, closed, won, lost and open deals of an analysis. */
function countsOf(analysis: Analysis): ModelRecord['counts'] {
  const opportunities = analysis.results.length;
  const closed = analysis.results.filter((r) => r.opportunity.isClosed);
  const won = closed.filter((r) => r.opportunity.isWon).length;
  return { opportunities, closed: closed.length, won, lost: closed.length - won, open: opportunities - closed.length };
}

export function modelRecord(
  connectionId: string,
  analysis: Analysis,
  dataVersion: number,
  trainedAt: string,
  quality: QualityReport | null = null,
): ModelRecord {
  return {
    connectionId,
    trainedAt,
    dataVersion,
    asOf: analysis.asOf,
    win: analysis.win?.toJSON() ?? null,
    forecast: analysis.forecast?.toJSON() ?? null,
    personas: analysis.personas,
    notes: analysis.notes,
    counts: countsOf(analysis),
    quality,
    stageTimes: analysis.stageTimes,
    healthProfile: analysis.healthProfile,
    standing: analysis.standing ? { model: analysis.standing.model.toJSON(), trainedOn: analysis.standing.trainedOn } : null,
  };
}

export function personaRecords(connectionId: string, model: PersonaModelJSON): PersonaRecord[] {
  const groups: PersonaGroup[] = [...(model.org ? [model.org] : []), ...model.teams];
  return groups.flatMap((group) => group.personas.map((persona) => ({ connectionId, id: persona.id, level: group.level, team: group.team, persona })));
}

export function summarizePersona(persona: Persona): PersonaSummary {
  return {
    id: persona.id,
    name: persona.name,
    company: persona.company,
    phrase: personaPhrase(persona.attributes, PHRASE_PARTS),
    phraseParts: persona.attributes.slice(0, PHRASE_PARTS).map((a) => ({ key: a.key, value: a.value })),
    repeatRate: persona.repeatRate,
    winRate: persona.winRate,
    size: persona.size,
  };
}

/** One pipeline row per opportunity (the popup shows the open ones). */
export function scoreRows(connectionId: string, analysis: Analysis, scoredAt: string, crmUrl: (o: Opportunity) => string | null = () => null): ScoreRecord[] {
  const names = new Map((analysis.personas.org?.personas ?? []).map((p) => [p.id, p.name]));
  const stages = stageOrder(analysis.results.map((r) => r.opportunity));
  return analysis.results.map((r: OpportunityResult) => {
    const o = r.opportunity;
    return {
      connectionId,
      id: o.id,
      name: o.name,
      accountName: o.account?.name ?? null,
      amount: o.amount,
      currency: o.currency,
      stage: o.stage,
      stageRank: o.stage !== null ? (stages.get(o.stage) ?? null) : null,
      closeDate: o.closeDate,
      type: o.type,
      forecastCategory: o.forecastCategory,
      territory: o.territory,
      owner: o.owner?.name ?? null,
      ownerManager: o.ownerManager?.name ?? null,
      repeatBuyerPotential: r.alignment ? Math.round(r.alignment.score * 10) / 10 : null,
      personaId: r.personaId,
      personaName: r.personaId ? (names.get(r.personaId) ?? null) : null,
      winPotential: r.winPotential,
      winBand: r.win?.band ?? null,
      winToday: r.winToday,
      winStageBlind: r.winToday ? r.winStageBlind : null,
      predictedClose: r.forecast?.closeDate?.p50 ?? null,
      slip: r.forecast?.closeDate?.slip ?? false,
      predictedAmount: r.forecast?.amount?.p50 ?? null,
      crmUrl: crmUrl(o),
      daysInStage: r.stage?.days ?? null,
      stalled: r.stage?.stalled ?? null,
      stageMedianDays: r.stage?.medianDays ?? null,
      stalledAfterDays: r.stage?.stalledAfterDays ?? null,
      health: r.health?.level ?? null,
      healthReasons: r.health?.reasons ?? [],
      scoredAt,
      isOpen: o.isClosed ? 0 : 1,
    };
  });
}

/** Loaded models of one connection, kept by the worker between panel requests. */
export interface LoadedModels {
  trainedAt: string;
  asOf: IsoDate | null;
  win: WinModel | null;
  forecast: ForecastModel | null;
  personas: PersonaModelJSON;
  similar: SimilarIndex | null;
  notes: string[];
  counts: ModelRecord['counts'];
  dataVersion: number;
  /** Null for models trained before they were stored: panels then show no days in stage or health. */
  stageTimes: StageTimes | null;
  healthProfile: HealthProfile;
  /** The as-of model (issue 18), or null: open deals are then scored stage-blind. */
  standing: Standing | null;
}

/** The models of a fresh analysis, as loaded ones (the worker right after training; the detail page's gallery). */
export function modelsFromAnalysis(analysis: Analysis, dataVersion: number, trainedAt: string): LoadedModels {
  const closed = analysis.results.filter((r) => r.opportunity.isClosed).map((r) => r.opportunity);
  return {
    trainedAt,
    asOf: analysis.asOf,
    win: analysis.win,
    forecast: analysis.forecast,
    personas: analysis.personas,
    similar: analysis.similar ?? (closed.length > 0 ? buildSimilarIndex(closed, analysis.win, analysis.asOf) : null),
    notes: analysis.notes,
    counts: countsOf(analysis),
    dataVersion,
    stageTimes: analysis.stageTimes,
    healthProfile: analysis.healthProfile,
    standing: analysis.standing,
  };
}

export function loadModels(record: ModelRecord, closed: Opportunity[]): LoadedModels {
  const win = record.win ? WinModel.load(record.win as WinModelJSON) : null;
  return {
    trainedAt: record.trainedAt,
    asOf: record.asOf,
    win,
    forecast: record.forecast ? ForecastModel.load(record.forecast as ForecastModelJSON) : null,
    personas: record.personas,
    similar: closed.length > 0 ? buildSimilarIndex(closed, win, record.asOf) : null,
    notes: record.notes,
    counts: record.counts,
    dataVersion: record.dataVersion,
    stageTimes: record.stageTimes ?? null,
    // A record without one was trained under the default profile.
    healthProfile: readHealthProfile(record.healthProfile ?? null),
    standing: record.standing?.model ? { model: AsOfModel.load(record.standing.model), trainedOn: record.standing.trainedOn } : null,
  };
}

/** Everything the panels show for one opportunity. */
export function panelData(connection: { id: string; label: string; dataVersion: number }, opportunity: Opportunity, models: LoadedModels): PanelData {
  const personas = models.personas;
  const team = personas.teams.find((g) => g.team === opportunity.ownerManager?.name) ?? null;
  const group = team ?? personas.org;
  const alignment = group && group.personas.length > 0 ? align(opportunity, group.personas) : null;
  const persona = alignment ? group?.personas.find((p) => p.id === alignment.personaId) : undefined;
  const sufficiency = checkSufficiency(models.counts.won, models.counts.lost);
  const blind = models.win ? (models.win.score([opportunity])[0] ?? null) : null;
  // An open deal with a stage history is scored as it stands on the models' day (issue 18);
  // the as-of model's reasons then say where it stands in a rep's words.
  const today =
    models.standing && models.win && blind && models.asOf && !opportunity.isClosed
      ? (scoreAsOf(models.standing.model, [opportunity], models.asOf, {
          scores: new Map([[opportunity.id, blind]]),
          reference: models.win.referenceProbability(),
        }).get(opportunity.id) ?? null)
      : null;
  const score = today ?? blind;
  const forecast = models.forecast && models.asOf ? (models.forecast.predict([opportunity], models.asOf)[0] ?? null) : null;
  const stale = connection.dataVersion !== models.dataVersion;
  const baseRate = models.counts.closed > 0 ? models.counts.won / models.counts.closed : null;
  const standing =
    models.stageTimes && models.asOf
      ? standingOf(opportunity, {
          winPotential: score?.probability ?? null,
          forecast,
          stageTimes: models.stageTimes,
          baseRate,
          profile: models.healthProfile,
          asOf: models.asOf,
        })
      : { stage: null, health: null };
  return {
    connectionId: connection.id,
    source: opportunity.source,
    opportunity,
    asOf: models.asOf,
    trainedAt: models.trainedAt,
    state: stale
      ? { kind: 'out-of-date', trainedAt: models.trainedAt, changedSince: connection.dataVersion - models.dataVersion }
      : !models.win && !alignment
        ? { kind: 'not-enough-data', sufficiency, personasMessage: personas.insufficient?.message ?? null }
        : { kind: 'ready' },
    repeatBuyer: alignment && persona ? { persona: summarizePersona(persona), alignment, level: group?.level ?? 'org' } : null,
    repeatBuyerMessage: alignment
      ? null
      : (personas.insufficient?.message ?? 'No attribute in this data describes the buyers, so there are no Repeat Buyer Personas.'),
    win:
      score && models.win
        ? {
            probability: score.probability,
            band: score.band,
            baseRate: models.win.json.stats.baseRate,
            raising: score.raising,
            lowering: score.lowering,
            ...(today && models.standing ? { today: { stageBlind: blind?.probability ?? null, trainedOn: models.standing.trainedOn } } : {}),
          }
        : null,
    winMessage: score ? null : sufficiency.message,
    forecast,
    forecastMessage:
      forecast && (forecast.closeDate || forecast.amount)
        ? null
        : (models.notes.find((n) => n.startsWith('Forecast:'))?.replace(/^Forecast: /, '') ?? 'No forecast for this deal.'),
    similar: models.similar ? models.similar.find(opportunity, { k: 3, asOf: models.asOf ?? undefined }) : null,
    stage: standing.stage,
    health: standing.health,
  };
}
