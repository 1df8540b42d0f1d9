/**
 * Days in stage and stalled deals (lib/engine/stage-times.ts) on a worked set of histories:
 * the won deals' times per stage, a stage entered twice, a lost deal left out, an open deal
 * with no history and one with no date at all.
 */
import { describe, expect, it } from 'vitest';
import { blankOpportunity, type Opportunity, type StageChange } from '../../lib/crm/opportunity';
import { fitStageTimes, stageKey, stageStatus, timeInStage } from '../../lib/engine/stage-times';

function deal(id: string, state: 'won' | 'lost' | 'open', history: Array<[string, string]>, extra: Partial<Opportunity> = {}): Opportunity {
  const stageHistory: StageChange[] = history.map(([stage, enteredAt]) => ({ stage, enteredAt }));
  return {
    ...blankOpportunity(id, 'csv'),
    isClosed: state !== 'open',
    isWon: state === 'won',
    stage: stageHistory.at(-1)?.stage ?? null,
    stageHistory,
    ...extra,
  };
}

/** Five won deals: their days in Negotiation are 20, 10, 30, 40 and 5 (3 + 2: D5 went back to Proposal once). */
const WON = [
  deal('D1', 'won', [
    ['Prospecting', '2026-01-01'],
    ['Proposal', '2026-01-11'],
    ['Negotiation', '2026-01-21'],
    ['Closed Won', '2026-02-10'],
  ]),
  deal('D2', 'won', [
    ['Proposal', '2026-01-01'],
    ['Negotiation', '2026-01-05'],
    ['Closed Won', '2026-01-15'],
  ]),
  deal('D3', 'won', [
    ['Proposal', '2026-02-01'],
    ['Negotiation', '2026-02-03'],
    ['Closed Won', '2026-03-05'],
  ]),
  deal('D4', 'won', [
    ['Negotiation', '2026-03-01'],
    ['Closed Won', '2026-04-10'],
  ]),
  deal('D5', 'won', [
    ['Negotiation', '2026-03-01'],
    ['Proposal', '2026-03-04'],
    ['Negotiation', '2026-03-10'],
    ['Closed Won', '2026-03-12'],
  ]),
];
/** A lost deal that sat in Negotiation for 100 days: not what a deal that wins does, so not counted. */
const LOST = deal('L1', 'lost', [
  ['Negotiation', '2026-01-01'],
  ['Closed Lost', '2026-04-11'],
]);

describe('timeInStage', () => {
  it('adds up every visit to the stage, the last one running to the end day', () => {
    const history = WON[4]?.stageHistory ?? [];
    expect(timeInStage(history, 'Negotiation', '2026-03-12')).toBe(5);
    expect(timeInStage(history, 'Proposal', '2026-03-12')).toBe(6);
    expect(timeInStage(history, 'Closed Won', '2026-03-20')).toBe(8);
    expect(timeInStage(history, 'Prospecting', '2026-03-12')).toBeNull();
    expect(timeInStage([], 'Negotiation', '2026-03-12')).toBeNull();
  });
});

describe('fitStageTimes', () => {
  it('takes the median and the 80th percentile of the won deals’ time in each stage, with a bound only from five deals up', () => {
    const times = fitStageTimes([...WON, LOST]);
    // Negotiation: 5, 10, 20, 30, 40 → median 20; 80th percentile at rank 3.2 → 30 + 0.2 × 10 = 32.
    expect(times.stages['Negotiation']).toEqual({ wonDeals: 5, medianDays: 20, stalledAfterDays: 32 });
    // Proposal: 10 (D1), 4 (D2), 2 (D3), 6 (D5) → four deals, median 5, no bound.
    expect(times.stages['Proposal']).toEqual({ wonDeals: 4, medianDays: 5, stalledAfterDays: null });
    expect(times.stages['Prospecting']).toEqual({ wonDeals: 1, medianDays: 10, stalledAfterDays: null });
    // The won stage itself has no time before the close.
    expect(Object.keys(times.stages).sort()).toEqual(['Negotiation', 'Proposal', 'Prospecting']);
  });

  it('keeps pipelines apart where deals name one', () => {
    const inOther = WON.map((d) => ({ ...d, id: `${d.id}-b`, attributes: { pipeline: 'Renewals' } }));
    const times = fitStageTimes([...WON, ...inOther]);
    expect(stageKey('Negotiation', 'Renewals')).toBe('Renewals › Negotiation');
    expect(times.stages['Renewals › Negotiation']).toEqual(times.stages['Negotiation']);
  });
});

describe('stageStatus', () => {
  const times = fitStageTimes([...WON, LOST]);
  const asOf = '2026-06-05';

  it('a deal past the bound is stalled', () => {
    const open = deal('O1', 'open', [
      ['Proposal', '2026-04-20'],
      ['Negotiation', '2026-05-01'],
    ]);
    expect(stageStatus(open, times, asOf)).toEqual({ stage: 'Negotiation', days: 35, medianDays: 20, stalledAfterDays: 32, stalled: true });
  });

  it('a stage entered twice counts both visits', () => {
    const open = deal('O2', 'open', [
      ['Negotiation', '2026-05-01'],
      ['Proposal', '2026-05-21'],
      ['Negotiation', '2026-06-01'],
    ]);
    // 20 days the first time, 4 since coming back: 24, within 32.
    expect(stageStatus(open, times, asOf)).toEqual({ stage: 'Negotiation', days: 24, medianDays: 20, stalledAfterDays: 32, stalled: false });
  });

  it('a deal without history reads the day it entered its stage; a stage with few won deals has no bound', () => {
    const open = deal('O3', 'open', [], { stage: 'Prospecting', stageEnteredDate: '2026-05-06' });
    expect(stageStatus(open, times, asOf)).toEqual({ stage: 'Prospecting', days: 30, medianDays: 10, stalledAfterDays: null, stalled: null });
    const unseen = deal('O4', 'open', [], { stage: 'Discovery', stageEnteredDate: '2026-06-01' });
    expect(stageStatus(unseen, times, asOf)).toEqual({ stage: 'Discovery', days: 4, medianDays: null, stalledAfterDays: null, stalled: null });
  });

  it('knows nothing of a deal with no date for its stage, or of a closed deal', () => {
    expect(stageStatus(deal('O5', 'open', [], { stage: 'Negotiation' }), times, asOf)).toBeNull();
    expect(stageStatus(WON[0] as Opportunity, times, asOf)).toBeNull();
  });
});
