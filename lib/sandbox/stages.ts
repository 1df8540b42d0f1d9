import type { StandardOpportunityType } from '../crm/opportunity';

/**
 * The sandbox org's sales process: Salesforce's default Opportunity stage picklist with
 * the default probability and forecast category of each value, as an org's
 * `OpportunityStage` records describe them. Out of the box every open stage forecasts as
 * Pipeline; keeping that default is what a sync of an untouched org has to cope with.
 */
export interface StageDefinition {
  label: string;
  /** Default probability, 0–100 (OpportunityStage.DefaultProbability). */
  probability: number;
  forecastCategory: 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';
  isClosed: boolean;
  isWon: boolean;
}

export const CLOSED_WON = 'Closed Won';
export const CLOSED_LOST = 'Closed Lost';

export const SALESFORCE_STAGES: readonly StageDefinition[] = [
  { label: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Qualification', probability: 10, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Perception Analysis', probability: 70, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Proposal/Price Quote', probability: 75, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: 'Negotiation/Review', probability: 90, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { label: CLOSED_WON, probability: 100, forecastCategory: 'Closed', isClosed: true, isWon: true },
  { label: CLOSED_LOST, probability: 0, forecastCategory: 'Omitted', isClosed: true, isWon: false },
];

/** The open stages in process order; a deal's history walks a subsequence of them. */
export const OPEN_STAGES: readonly StageDefinition[] = SALESFORCE_STAGES.filter((s) => !s.isClosed);

const BY_LABEL = new Map(SALESFORCE_STAGES.map((s) => [s.label, s]));

export function stageDefinition(label: string): StageDefinition {
  const stage = BY_LABEL.get(label);
  if (stage === undefined) throw new Error(`Unknown sandbox stage "${label}"`);
  return stage;
}

/**
 * How the sandbox org spells each standard type in its Type picklist: Salesforce's own
 * "New Customer" / "Existing Customer - …" values, which `normalizeOpportunityType` maps back.
 */
export const SALESFORCE_TYPE_LABELS: Readonly<Record<StandardOpportunityType, string>> = {
  'new customer': 'New Customer',
  upsell: 'Existing Customer - Upgrade',
  'cross-sell': 'Existing Customer - Cross-Sell',
  renewal: 'Existing Customer - Renewal',
  downgrade: 'Existing Customer - Downgrade',
};
