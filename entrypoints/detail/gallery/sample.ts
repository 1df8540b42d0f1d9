/**
 * Sample panel data from the real engine on a seeded sandbox org, for the detail page's
 * gallery (`detail.html?gallery=1`) and the component tests. Not the product's builder of
 * PanelData (the job runner's, lib/jobs): it builds just enough of one, the same way, to
 * look at and test the panels with realistic numbers. The engine only loads behind the
 * gallery flag (a dynamic import in main.tsx), never on the normal path.
 */
import { align } from '../../../lib/engine/alignment';
import { analyze, type Analysis, type OpportunityResult } from '../../../lib/engine/analyze';
import { checkSufficiency } from '../../../lib/engine/sufficiency';
import { modelsFromAnalysis, panelData } from '../../../lib/jobs/build';
import type { PanelData, PanelState } from '../../../lib/panel-data';
import { nameAnalysis } from '../../../lib/persona-card/name';
import { generateSandbox } from '../../../lib/sandbox';

export interface SampleOptions {
  seed?: number;
  opportunities?: number;
}

export const SAMPLE_DEFAULTS = { seed: 7, opportunities: 600 } as const;
export const SAMPLE_CONNECTION = 'sandbox-7';
/** When the sample's models were "trained": the sandbox's as-of day, at noon UTC. */
export const SAMPLE_TRAINED_AT = '2026-09-30T12:00:00.000Z';

/** The sandbox org analysed: every opportunity scored. */
export function sampleAnalysis(options: SampleOptions = {}): Analysis {
  const { seed, opportunities } = { ...SAMPLE_DEFAULTS, ...options };
  const org = generateSandbox({ seed, opportunities });
  return nameAnalysis(analyze(org.opportunities, { seed: 1 }));
}

/** The panel data of one analysed opportunity, built as the background builds it (lib/jobs/build). */
export function panelFor(analysis: Analysis, result: OpportunityResult, state: PanelState = { kind: 'ready' }): PanelData {
  const models = modelsFromAnalysis(analysis, 1, SAMPLE_TRAINED_AT);
  const panel = panelData({ id: SAMPLE_CONNECTION, label: 'Sandbox (seed 7)', dataVersion: 1 }, result.opportunity, models);
  return { ...panel, state };
}

/** Open deals with every part present, in input order. */
function complete(analysis: Analysis): OpportunityResult[] {
  return analysis.results.filter((r) => !r.opportunity.isClosed && r.win && r.alignment && r.forecast?.closeDate && r.forecast.amount && r.similar);
}

export interface Samples {
  analysis: Analysis;
  /** A deal whose CRM close date is before the predicted range. */
  slipping: PanelData;
  /** A deal on track (no slip), with an attribute near the persona's range. */
  onTrack: PanelData;
  /** A deal with a low Win Potential. */
  unlikely: PanelData;
}

export function samplePanels(options: SampleOptions = {}): Samples {
  const analysis = sampleAnalysis(options);
  const open = complete(analysis);
  const slipping = open.find((r) => r.forecast?.closeDate?.slip && (r.forecast.closeDate.crmCloseDate ?? '') < r.forecast.closeDate.p10);
  const steady = open.filter((r) => !r.forecast?.closeDate?.slip && r.forecast?.closeDate?.basis === 'forest');
  const orgPersonas = analysis.personas.org?.personas ?? [];
  const onTrack = steady.find((r) => align(r.opportunity, orgPersonas)?.breakdown.some((a) => a.match === 0.5)) ?? steady[0];
  const unlikely = steady.find((r) => r.win?.band === 'low');
  if (!slipping || !onTrack || !unlikely) throw new Error('samplePanels: the sandbox has no open deal of each kind; change the seed or size');
  return { analysis, slipping: panelFor(analysis, slipping), onTrack: panelFor(analysis, onTrack), unlikely: panelFor(analysis, unlikely) };
}

/** The special states, each on a copy of `base` (their numbers stay where the state shows them). */
export function stateVariants(base: PanelData): Record<string, PanelData> {
  const sufficiency = checkSufficiency(12, 17);
  return {
    loading: { ...base, state: { kind: 'loading' } },
    'not-synced': { ...base, state: { kind: 'not-synced', connectionLabel: 'Sandbox (seed 7)' } },
    'not-enough-data': {
      ...base,
      state: { kind: 'not-enough-data', sufficiency, personasMessage: 'Repeat Buyer Personas need at least 30 won deals; 12 so far.' },
      repeatBuyer: null,
      repeatBuyerMessage: 'Repeat Buyer Personas need at least 30 won deals; 12 so far.',
      win: null,
      winMessage: sufficiency.message,
      forecast: null,
      forecastMessage: 'The forecasts need at least 30 won deals.',
    },
    'out-of-date': { ...base, state: { kind: 'out-of-date', trainedAt: '2026-09-18T09:30:00.000Z', changedSince: 42 } },
    'not-found': { ...base, state: { kind: 'not-found', opportunityId: '0063t00000ZZZZZAAA' } },
    error: { ...base, state: { kind: 'error', message: 'The engine worker stopped while scoring (out of memory). Dealsight will retry.' } },
    partial: {
      ...base,
      repeatBuyer: null,
      repeatBuyerMessage: 'No Repeat Buyer Personas: fewer than 30 first purchases among the won deals.',
      win: null,
      winMessage: checkSufficiency(25, 14).message,
      forecast: base.forecast ? { ...base.forecast, amount: null } : null,
      similar: base.similar ? { wins: base.similar.wins, losses: [] } : null,
    },
    hostile: {
      ...base,
      opportunity: { ...base.opportunity, name: '<img src=x onerror=alert(1)>', account: { id: 'a', name: '<b>Bold & Co</b>' } },
      similar: base.similar
        ? {
            ...base.similar,
            wins: base.similar.wins.map((d, i) => (i === 0 ? { ...d, name: '<script>alert(1)</script>', accountName: '<img src=x onerror=alert(2)>' } : d)),
          }
        : null,
    },
  };
}
