/**
 * Panel data for the component tests: a small hand-made worked example with round numbers
 * (exact strings), and realistic panels from the real engine on the seeded sandbox
 * (seed 7, 600 opportunities; the gallery's sample, entrypoints/detail/gallery/sample.ts).
 */
import { checkSufficiency } from '../../lib/engine/sufficiency';
import type { Opportunity } from '../../lib/crm/opportunity';
import type { PanelData } from '../../lib/panel-data';
import { samplePanels, stateVariants, type Samples } from '../../entrypoints/detail/gallery/sample';

export const LOCALE = 'en-US';
/** "Now" in the tests: 2026-03-10 15:00 UTC. */
export const NOW = Date.parse('2026-03-10T15:00:00Z');

let samples: Samples | null = null;

/** The engine's panels for three open sandbox deals (computed once per test file). */
export function enginePanels(): Samples {
  samples ??= samplePanels();
  return samples;
}

export function engineVariants(): Record<string, PanelData> {
  return stateVariants(enginePanels().slipping);
}

export function opportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    id: '006A',
    source: 'csv',
    name: 'Northwind Health - Platform',
    account: { id: 'acc-1', name: 'Northwind Health' },
    amount: 114_800,
    currency: 'USD',
    stage: 'Proposal',
    isClosed: false,
    isWon: false,
    type: 'new customer',
    forecastCategory: 'Pipeline',
    probability: 0.5,
    createdDate: '2025-12-01',
    closeDate: '2026-03-03',
    stageEnteredDate: '2026-02-01',
    stageHistory: [],
    owner: { id: 'u1', name: 'Kevin Allen' },
    ownerManager: null,
    createdBy: null,
    territory: 'NA',
    leadSource: 'Partner Referral',
    attributes: { industry: 'Healthcare', employees: 16000, country: 'United States' },
    ...overrides,
  };
}

/** A worked example: every number chosen so its formatted text is known by heart. */
export function workedPanel(overrides: Partial<PanelData> = {}): PanelData {
  return {
    connectionId: 'csv-1',
    source: 'csv',
    opportunity: opportunity(),
    asOf: '2026-03-09',
    trainedAt: '2026-03-07T15:00:00Z',
    state: { kind: 'ready' },
    repeatBuyer: {
      persona: {
        id: 'persona-test-1',
        name: 'Priya Raman',
        company: 'Northwind Health',
        phrase: 'Healthcare · 1,001–5,000 employees · United States',
        repeatRate: 0.25,
        winRate: 0.625,
        size: 21,
      },
      alignment: {
        personaId: 'persona-test-1',
        score: 76.4,
        match: 84.6,
        breakdown: [
          { key: 'industry', label: 'industry', ideal: 'Healthcare', actual: 'Healthcare', match: 1, weight: 0.4 },
          { key: 'employees', label: 'employees', ideal: '1,001–5,000', actual: '16,000', match: 0.5, weight: 0.3 },
          { key: 'country', label: 'Billing Country', ideal: 'United States', actual: 'Canada', match: 0, weight: 0.2 },
          { key: 'buyerTitle', label: 'buyerTitle', ideal: 'CFO or VP Finance', actual: null, match: 0, weight: 0.1 },
        ],
      },
      level: 'org',
    },
    repeatBuyerMessage: null,
    win: {
      probability: 0.4237,
      band: 'medium',
      baseRate: 0.4,
      raising: [
        { key: 'leadSource', label: 'Lead source', value: 'Partner Referral', impact: 0.1234 },
        { key: 'attr:industry', label: 'industry', value: 'Healthcare', impact: 0.01 },
      ],
      lowering: [
        { key: 'amount', label: 'Amount', value: '114,800', impact: -0.0712 },
        { key: 'createdMonth', label: 'Created month', value: 'December', impact: -0.006 },
      ],
    },
    winMessage: null,
    forecast: {
      id: '006A',
      closeDate: {
        p10: '2026-04-10',
        p50: '2026-05-01',
        p90: '2026-06-02',
        daysOpen: { p10: 130, p50: 151, p90: 183 },
        crmCloseDate: '2026-03-03',
        slip: true,
        slipDays: 59,
        basis: 'forest',
      },
      amount: { p10: 40_000, p50: 85_700, p90: 238_200, crmAmount: 114_800, currency: 'USD', difference: 0.3396 },
    },
    forecastMessage: null,
    similar: {
      wins: [
        {
          id: '006W1',
          name: 'Contoso Clinics - Platform',
          accountName: 'Contoso Clinics',
          sameAccount: false,
          isWon: true,
          closeDate: '2026-01-15',
          amount: 31_100,
          currency: 'USD',
          owner: 'Jack Ward',
          similarity: 0.81,
          recency: 0.9,
          score: 0.77,
          shared: [{ key: 'attr:industry', label: 'industry', value: 'Healthcare' }],
          different: [{ key: 'attr:employees', label: 'employees', value: '51–200', theirs: '1,001–5,000' }],
        },
      ],
      losses: [
        {
          id: '006L1',
          name: 'Fabrikam Care - Platform',
          accountName: 'Northwind Health',
          sameAccount: true,
          isWon: false,
          closeDate: '2025-11-20',
          amount: 76_700,
          currency: 'USD',
          owner: 'Kevin Allen',
          similarity: 0.64,
          recency: 0.8,
          score: 0.58,
          shared: [{ key: 'owner', label: 'Owner', value: 'Kevin Allen' }],
          different: [{ key: 'leadSource', label: 'Lead source', value: 'Partner Referral', theirs: 'Web' }],
        },
      ],
    },
    ...overrides,
  };
}

/** The worked example in a state other than ready. */
export function workedState(state: PanelData['state'], overrides: Partial<PanelData> = {}): PanelData {
  return workedPanel({ state, ...overrides });
}

export { checkSufficiency };
