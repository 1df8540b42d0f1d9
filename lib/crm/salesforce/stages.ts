/**
 * The org's sales process from OpportunityStage: which stages are closed, which won, their
 * default probability and forecast category. A deal's outcome comes from its stage's
 * definition, the way Salesforce itself derives IsClosed and IsWon.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunitystage.htm
 */
import { normalizeLabel } from '../opportunity';
import type { SalesforceRecord } from './client';
import { readBoolean, readNumber, readText } from '../shared/values';

export interface StageInfo {
  /** The label the org shows (MasterLabel). */
  label: string;
  /** What Opportunity.StageName holds; equals the label unless the label was renamed. */
  apiName: string;
  isActive: boolean;
  isClosed: boolean;
  isWon: boolean;
  /** 0..1, or null when not set. */
  defaultProbability: number | null;
  forecastCategory: string | null;
  sortOrder: number | null;
}

/** Reads OpportunityStage records; a record without a label or the closed/won flags is left out with a note. */
export function readStages(records: readonly SalesforceRecord[]): { stages: StageInfo[]; problems: string[] } {
  const stages: StageInfo[] = [];
  const problems: string[] = [];
  records.forEach((r, i) => {
    const label = readText(r.MasterLabel) ?? readText(r.ApiName);
    const isClosed = readBoolean(r.IsClosed);
    const isWon = readBoolean(r.IsWon);
    if (label === null || isClosed === null || isWon === null) {
      problems.push(
        `OpportunityStage record ${i + 1}${label ? ` "${label}"` : ''} lacks ${[label === null ? 'MasterLabel' : null, isClosed === null ? 'IsClosed' : null, isWon === null ? 'IsWon' : null].filter(Boolean).join(', ')}, so it was left out.`,
      );
      return;
    }
    const probability = readNumber(r.DefaultProbability);
    stages.push({
      label,
      apiName: readText(r.ApiName) ?? label,
      isActive: readBoolean(r.IsActive) ?? true,
      isClosed,
      isWon: isClosed && isWon,
      defaultProbability: probability === null || probability < 0 || probability > 100 ? null : probability / 100,
      forecastCategory: readText(r.ForecastCategoryName),
      sortOrder: readNumber(r.SortOrder),
    });
  });
  return { stages, problems };
}

/** Finds a deal's stage by API name or label: exactly first, then by normalized label. */
export class StageIndex {
  private readonly exact = new Map<string, StageInfo>();
  private readonly loose = new Map<string, StageInfo>();

  constructor(readonly stages: readonly StageInfo[]) {
    for (const s of stages) {
      for (const name of [s.apiName, s.label]) {
        if (!this.exact.has(name)) this.exact.set(name, s);
        const key = normalizeLabel(name);
        if (!this.loose.has(key)) this.loose.set(key, s);
      }
    }
  }

  find(stageName: string): StageInfo | null {
    return this.exact.get(stageName) ?? this.loose.get(normalizeLabel(stageName)) ?? null;
  }

  /** `"Prospecting", "Closed Won", …` for messages. */
  describe(): string {
    return this.stages.map((s) => `"${s.apiName}"`).join(', ');
  }
}
