/**
 * What the engine worker does: plain data in and out. Training and scoring never block a
 * page or the service worker. The models of the connection last asked about stay loaded,
 * so panel requests after the first are quick.
 */
import { readHealthProfile, type HealthProfile } from '../lib/engine/health/profile';
import { importCsv, type ImportResult } from '../lib/crm/csv/import';
import type { AttributeField, IsoDate, Opportunity } from '../lib/crm/opportunity';
import { analyze, type AnalyzeStep } from '../lib/engine/analyze';
import type { PersonaModelJSON } from '../lib/engine/personas';
import { qualityReplay, qualityReport } from '../lib/engine/quality';
import { loadModels, modelRecord, modelsFromAnalysis, panelData, personaRecords, scoreRows, type LoadedModels } from '../lib/jobs/build';
import type { PanelData } from '../lib/panel-data';
import { nameAnalysis } from '../lib/persona-card/name';
import { generateSandbox } from '../lib/sandbox/generate';
import type { ImportChoices, ModelRecord, PersonaRecord, ScoreRecord } from '../lib/store/schema';

export interface TrainInput {
  connectionId: string;
  dataVersion: number;
  opportunities: Opportunity[];
  fields: AttributeField[];
  exclude: string[];
  /** Attribute keys the user put back after the leakage checks set them aside. */
  keep?: string[];
  previousPersonas: PersonaModelJSON | null;
  trainedAt: string;
  /** "Today" for days open and forecasts; null: the newest date in the data (files, sandbox). */
  asOf: IsoDate | null;
  /** The connection's health profile as stored (the default when null or absent). */
  healthProfile?: HealthProfile | null;
}

export interface TrainOutput {
  model: ModelRecord;
  personas: PersonaRecord[];
  scores: ScoreRecord[];
}

/** Training's steps: the analysis, then the quality report's backtest (issue 7) and replay (issue 18). */
export type TrainStep = AnalyzeStep | 'quality' | 'replay';

export type ProgressCallback = (step: TrainStep, done: number, total: number) => void;

let loaded: { key: string; models: LoadedModels } | null = null;

/** The engine's operations; `engine.worker.ts` exposes them over Comlink, tests call them over a MessageChannel. */
export const engineApi = {
  /** A file's bytes (decoded here, off the page) or text, read with the stage map and outcome column the user confirmed. */
  importCsv(content: string | ArrayBuffer, choices: ImportChoices = {}): ImportResult {
    return importCsv(content, { source: 'csv', stages: choices.stages, outcome: choices.outcome });
  },

  sandbox(seed: number, opportunities: number): Opportunity[] {
    return generateSandbox({ seed, opportunities }).opportunities;
  },

  train(input: TrainInput, onProgress?: ProgressCallback): TrainOutput {
    // The engine finds the personas; their card's person and company are named here, at the seam.
    const found = analyze(input.opportunities, {
      fields: input.fields,
      exclude: input.exclude,
      keep: input.keep,
      previousPersonas: input.previousPersonas,
      asOf: input.asOf ?? undefined,
      healthProfile: readHealthProfile(input.healthProfile),
      // Open deals with a stage history are scored where they stand (issue 18).
      stageAware: true,
      similar: 0,
      onProgress: (step, done, total) => onProgress?.(step, done, total),
    });
    const analysis = nameAnalysis(found);
    // The backtest refits Win Potential on the older 80% of the closed deals, with the
    // encoder options `dealsight evaluate` uses, so the quality page shows the CLI's numbers.
    onProgress?.('quality', 0, 1);
    const quality = qualityReport(input.opportunities, {
      win: analysis.win,
      fields: input.fields,
      exclude: input.exclude,
      keep: input.keep,
      onProgress: (done, total) => onProgress?.('quality', done, total),
    });
    // The replay of past days, for data with stage histories: the as-of model against the
    // stage-blind one and the CRM's probability (issue 18).
    onProgress?.('replay', 0, 1);
    const replay = qualityReplay(input.opportunities, {
      fields: input.fields,
      exclude: input.exclude,
      keep: input.keep,
      standing: analysis.standing !== null,
      standingNote: analysis.standingMessage,
      onProgress: (done, total) => onProgress?.('replay', done, total),
    });
    // Keep this training's models loaded: the first panel after a sync is then quick.
    loaded = { key: `${input.connectionId}|${input.trainedAt}`, models: modelsFromAnalysis(analysis, input.dataVersion, input.trainedAt) };
    return {
      model: modelRecord(input.connectionId, analysis, input.dataVersion, input.trainedAt, { ...quality, ...replay }),
      personas: personaRecords(input.connectionId, analysis.personas),
      scores: scoreRows(input.connectionId, analysis, input.trainedAt),
    };
  },

  /** Whether the models of `key` (connection id + training time) are loaded. */
  hasModels(key: string): boolean {
    return loaded?.key === key;
  },

  loadModels(key: string, model: ModelRecord, closed: Opportunity[]): void {
    loaded = { key, models: loadModels(model, closed) };
  },

  panel(key: string, connection: { id: string; label: string; dataVersion: number }, opportunity: Opportunity): PanelData {
    if (loaded?.key !== key) throw new Error(`the models of ${key} are not loaded in the worker`);
    return panelData(connection, opportunity, loaded.models);
  },
};

export type EngineApi = typeof engineApi;
