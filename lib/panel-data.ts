/**
 * What the UI shows, as plain data: one pipeline row per open opportunity (the popup) and
 * the panel data of one opportunity (the panels on CRM pages and the detail page). The
 * background and the job runner build these from the engine's results; components only
 * render them. Types only, plus the builders that turn engine output into them.
 */
import type { IsoDate, Opportunity, SourceKind } from './crm/opportunity';
import type { Alignment } from './engine/alignment';
import type { Forecast } from './engine/forecast';
import type { SimilarResult } from './engine/similar';
import type { Sufficiency } from './engine/sufficiency';
import type { WinFactor, WinBand } from './engine/win';
import type { Health, HealthLevel, HealthReason } from './engine/health/health';
import type { StageStatus } from './engine/stage-times';

/** A row of the ranked open pipeline. Numbers are raw; components format them with Intl. */
export interface PipelineRow {
  connectionId: string;
  id: string;
  name: string;
  accountName: string | null;
  amount: number | null;
  currency: string | null;
  stage: string | null;
  /** The stage's place along the pipeline (lib/pipeline/stage-order.ts), 0 first; absent on rows scored before it existed. */
  stageRank?: number | null;
  closeDate: IsoDate | null;
  type: string | null;
  forecastCategory: string | null;
  territory: string | null;
  owner: string | null;
  ownerManager: string | null;
  /** 0–100 at the org level; null without personas. */
  repeatBuyerPotential: number | null;
  personaId: string | null;
  personaName: string | null;
  /** 0–1; null without a win model. As the deal stands on the scores' day where `winToday`, else from its own fields. */
  winPotential: number | null;
  winBand: WinBand | null;
  /** Whether `winPotential` reads where the deal stands (stage, days in it, pushes …: issue 18); absent on rows scored before it existed. */
  winToday?: boolean;
  /** The stage-blind model's score, when `winPotential` is today's. */
  winStageBlind?: number | null;
  predictedClose: IsoDate | null;
  /** The CRM close date is before the predicted range. */
  slip: boolean;
  predictedAmount: number | null;
  /** Where a click goes: the CRM record's URL, or null for the extension's detail page. */
  crmUrl: string | null;
  /** Open deals: days in the current stage (every visit), as of the scores' day; null when unknown, absent on rows scored before it existed. */
  daysInStage?: number | null;
  /** Past the won deals' bound for the stage (lib/engine/stage-times.ts); null without a bound. */
  stalled?: boolean | null;
  /** Won deals' median days in this stage, and the stalled bound (their 80th percentile); null when unknown. */
  stageMedianDays?: number | null;
  stalledAfterDays?: number | null;
  /** Open deals: health under the connection's profile, and why (lib/engine/health). */
  health?: HealthLevel | null;
  healthReasons?: HealthReason[];
}

/** Why a panel cannot show its numbers, and what the user can do. */
export type PanelState =
  | { kind: 'ready' }
  | { kind: 'loading' }
  | { kind: 'not-synced'; connectionLabel: string | null }
  | { kind: 'not-enough-data'; sufficiency: Sufficiency; personasMessage: string | null }
  | { kind: 'out-of-date'; trainedAt: string; changedSince: number }
  | { kind: 'not-found'; opportunityId: string }
  | { kind: 'error'; message: string };

export interface PersonaSummary {
  id: string;
  name: string;
  company: string;
  /** The attributes in one phrase: "Healthcare · 1,001–5,000 employees · United States" (English). */
  phrase: string;
  /** The phrase's attributes, for a panel to word in the user's language (absent from panels built before it existed). */
  phraseParts?: Array<{ key: string; value: string }>;
  repeatRate: number | null;
  winRate: number | null;
  size: number;
}

export interface PanelData {
  connectionId: string;
  source: SourceKind;
  opportunity: Opportunity;
  /** The day the scores are as of. */
  asOf: IsoDate | null;
  /** When the models were trained (ISO timestamp). */
  trainedAt: string | null;
  state: PanelState;
  repeatBuyer: {
    persona: PersonaSummary;
    alignment: Alignment;
    level: 'org' | 'team';
  } | null;
  /** Why there is no Repeat Buyer Potential, when there is none. */
  repeatBuyerMessage: string | null;
  win: {
    probability: number;
    band: WinBand;
    baseRate: number;
    raising: WinFactor[];
    lowering: WinFactor[];
    /**
     * Present when the probability is the deal's as it stands on the scores' day (issue 18):
     * the stage-blind model's number beside it, and how many closed deals with a stage
     * history the as-of model learned from. Absent: the stage-blind model's score.
     */
    today?: { stageBlind: number | null; trainedOn: number };
  } | null;
  winMessage: string | null;
  forecast: Forecast | null;
  forecastMessage: string | null;
  similar: SimilarResult | null;
  /** Open deals: days in the stage against the won deals' (absent from panels built before it existed). */
  stage?: StageStatus | null;
  /** Open deals: health under the profile the models were trained with, and why. */
  health?: Health | null;
}

/** How many attributes a panel's persona phrase names. */
export const PHRASE_PARTS = 3;

/** A concise persona phrase from its top attributes, in English (the CLI, older panels); panels word `phraseParts` themselves. */
export function personaPhrase(attributes: ReadonlyArray<{ key: string; value: string }>, count = 3): string {
  return attributes
    .slice(0, count)
    .map((a) => (a.key === 'employees' ? `${a.value} employees` : a.key === 'buyerTitle' ? `${a.value} buyers` : a.value))
    .join(' · ');
}
