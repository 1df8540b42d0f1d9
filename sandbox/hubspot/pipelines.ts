import type { Opportunity } from '../../lib/crm/opportunity';
import { SALESFORCE_STAGES, type StageDefinition } from '../../lib/sandbox/stages';
import { stableHash } from '../kit/timeline';

/**
 * The account's deal pipelines: HubSpot's default "Sales Pipeline" (id `default`) and a
 * "Renewals" pipeline that renewal deals go through. Both walk the generator's stages;
 * stage ids are unique across pipelines, as HubSpot's are: the default pipeline keeps
 * HubSpot's built-in ids where a built-in stage fits and numeric ids for the added ones,
 * the Renewals pipeline has numeric ids throughout.
 * https://developers.hubspot.com/docs/api-reference/latest/crm/pipelines/guide
 */

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  definition: StageDefinition;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
}

const BUILT_IN_STAGE_IDS: Readonly<Record<string, string>> = {
  Prospecting: 'appointmentscheduled',
  Qualification: 'qualifiedtobuy',
  'Needs Analysis': 'presentationscheduled',
  'Value Proposition': 'decisionmakerboughtin',
  'Proposal/Price Quote': 'contractsent',
  'Closed Won': 'closedwon',
  'Closed Lost': 'closedlost',
};

export const DEFAULT_PIPELINE_ID = 'default';

export function buildPipelines(seed: number): Pipeline[] {
  const numeric = (key: string): string => String(100_000_000 + (stableHash(`${seed}:${key}`) % 900_000_000));
  const stages = (pipeline: string, builtIn: boolean): PipelineStage[] =>
    SALESFORCE_STAGES.map((definition, displayOrder) => ({
      id: (builtIn ? BUILT_IN_STAGE_IDS[definition.label] : undefined) ?? numeric(`${pipeline}:${definition.label}`),
      label: definition.label,
      displayOrder,
      definition,
    }));
  return [
    { id: DEFAULT_PIPELINE_ID, label: 'Sales Pipeline', displayOrder: 0, stages: stages('default', true) },
    { id: numeric('renewals'), label: 'Renewals', displayOrder: 1, stages: stages('renewals', false) },
  ];
}

/** Renewals go through the Renewals pipeline, every other deal through the Sales Pipeline. */
export function pipelineOf(pipelines: readonly Pipeline[], o: Opportunity): Pipeline {
  return (o.type === 'renewal' ? pipelines[1] : pipelines[0]) ?? (pipelines[0] as Pipeline);
}

export function stageByLabel(pipeline: Pipeline, label: string): PipelineStage | undefined {
  return pipeline.stages.find((s) => s.label === label);
}

/** `metadata.probability` as HubSpot writes it: "0.1", "0.75", "1.0", "0.0". */
export function probabilityText(percent: number): string {
  const p = percent / 100;
  return Number.isInteger(p) ? p.toFixed(1) : String(p);
}

/** GET /crm/pipelines/{version}/deals item. */
export function pipelineBody(pipeline: Pipeline, createdAt: string): Record<string, unknown> {
  return {
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    id: pipeline.id,
    stages: pipeline.stages.map((s) => ({
      label: s.label,
      displayOrder: s.displayOrder,
      metadata: { isClosed: String(s.definition.isClosed), probability: probabilityText(s.definition.probability) },
      id: s.id,
      createdAt,
      updatedAt: createdAt,
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
    createdAt,
    updatedAt: createdAt,
    archived: false,
  };
}
