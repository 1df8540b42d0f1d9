/**
 * Deal pipelines and stages from `GET /crm/pipelines/{version}/deals`. A stage's outcome comes
 * from its metadata the way HubSpot reports it: `isClosed` ("true"/"false") and
 * `probability` ("0.0".."1.0"); closed with probability 1 is won, any other closed stage
 * lost. A user's mapping overrides that per stage id (a "Closed - churned" stage a portal
 * set to probability 1, say). Stage ids are unique in a portal, but labels repeat across
 * pipelines ("Closed won" in each), so a label another pipeline also uses is shown as
 * "Pipeline › Stage".
 * https://developers.hubspot.com/docs/api/crm/pipelines
 */
import { readBoolean, readNumber, readText } from '../shared/values';
import { asObject } from './client';

export type StageOutcome = 'open' | 'won' | 'lost';

/** The user's mapping, by stage id. */
export type StageOverrides = Readonly<Record<string, StageOutcome>>;

export interface HubSpotStage {
  id: string;
  /** The stage's own label. */
  label: string;
  /** What deals show: the label, or "Pipeline › Stage" when another pipeline has a stage of that label. */
  displayLabel: string;
  pipelineId: string;
  pipelineLabel: string;
  displayOrder: number;
  archived: boolean;
  isClosed: boolean;
  isWon: boolean;
  /** 0..1, or null when not set. */
  probability: number | null;
  /** The outcome came from the user's mapping, not the metadata. */
  overridden: boolean;
  /** What HubSpot's metadata alone says (closed with probability 1 is won), whatever the mapping; null without `isClosed`. */
  hubspotOutcome: StageOutcome | null;
}

export interface PipelineInfo {
  id: string;
  label: string;
  archived: boolean;
}

export const PIPELINE_SEPARATOR = ' › ';

/** Reads the pipelines reply; stages without a readable outcome are left out with a note. */
export function readPipelines(body: unknown, overrides: StageOverrides = {}): { stages: HubSpotStage[]; pipelines: PipelineInfo[]; problems: string[] } {
  const problems: string[] = [];
  const pipelines: PipelineInfo[] = [];
  const stages: HubSpotStage[] = [];
  const results = asObject(body)?.results;
  if (!Array.isArray(results)) return { stages, pipelines, problems: ['The deal pipelines reply has no results list.'] };
  results.forEach((p, pi) => {
    const po = asObject(p);
    const pipelineId = readText(po?.id);
    if (po === null || pipelineId === null) {
      problems.push(`Deal pipeline ${pi + 1} has no id, so it was left out.`);
      return;
    }
    const pipelineLabel = readText(po.label) ?? pipelineId;
    pipelines.push({ id: pipelineId, label: pipelineLabel, archived: po.archived === true });
    (Array.isArray(po.stages) ? po.stages : []).forEach((s, si) => {
      const so = asObject(s);
      const id = readText(so?.id);
      const metadata = asObject(so?.metadata);
      const isClosed = readBoolean(metadata?.isClosed);
      const where = `Stage ${id === null ? si + 1 : `"${id}"`} of pipeline "${pipelineLabel}"`;
      if (so === null || id === null) {
        problems.push(`${where} has no id, so it was left out.`);
        return;
      }
      const raw = readNumber(metadata?.probability);
      const probability = raw === null || raw < 0 || raw > 1 ? null : raw;
      const override = overrides[id];
      if (override === undefined && isClosed === null) {
        problems.push(`${where} has no metadata.isClosed, so whether its deals are open is unknown; it was left out (map it to open, won or lost to use it).`);
        return;
      }
      const closed = override !== undefined ? override !== 'open' : (isClosed as boolean);
      const won = override !== undefined ? override === 'won' : closed && probability === 1;
      stages.push({
        id,
        label: readText(so.label) ?? id,
        displayLabel: '',
        pipelineId,
        pipelineLabel,
        displayOrder: readNumber(so.displayOrder) ?? si,
        archived: so.archived === true,
        isClosed: closed,
        isWon: won,
        probability,
        overridden: override !== undefined,
        hubspotOutcome: isClosed === null ? null : !isClosed ? 'open' : probability === 1 ? 'won' : 'lost',
      });
    });
  });
  const known = new Set(stages.map((s) => s.id));
  for (const id of Object.keys(overrides)) if (!known.has(id)) problems.push(`The stage mapping names the stage id "${id}", which no deal pipeline has.`);
  labelStages(stages);
  return { stages, pipelines, problems };
}

/** "Pipeline › Stage" for labels that more than one pipeline uses. */
function labelStages(stages: HubSpotStage[]): void {
  const pipelinesOf = new Map<string, Set<string>>();
  for (const s of stages) {
    const key = s.label.toLowerCase();
    if (!pipelinesOf.has(key)) pipelinesOf.set(key, new Set());
    pipelinesOf.get(key)?.add(s.pipelineId);
  }
  for (const s of stages) {
    s.displayLabel = (pipelinesOf.get(s.label.toLowerCase())?.size ?? 0) > 1 ? `${s.pipelineLabel}${PIPELINE_SEPARATOR}${s.label}` : s.label;
  }
}

/** Stages by id, with the ones whose deals count as open (the search asks for them). */
export class StageIndex {
  private readonly byId: Map<string, HubSpotStage>;

  constructor(readonly stages: readonly HubSpotStage[]) {
    this.byId = new Map(stages.map((s) => [s.id, s]));
  }

  get(id: string): HubSpotStage | null {
    return this.byId.get(id) ?? null;
  }

  get ids(): string[] {
    return this.stages.map((s) => s.id);
  }

  get openIds(): string[] {
    return this.stages.filter((s) => !s.isClosed).map((s) => s.id);
  }
}
