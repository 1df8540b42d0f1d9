/** The quick-wins rule (lib/pipeline/quick-wins.ts) on worked rows: each condition alone keeps a deal out, and the order. */
import { describe, expect, it } from 'vitest';
import type { PipelineRow } from '../../lib/panel-data';
import { isQuickWin, quickWinBar, quickWins } from '../../lib/pipeline/quick-wins';
import { row as fixtureRow } from './fixtures';

/** A likely, soon, moving open deal (the pipeline fixture's row with this file's defaults); each test changes one thing. */
function row(id: string, over: Partial<PipelineRow> = {}): PipelineRow {
  return fixtureRow({
    id,
    connectionId: 'c',
    amount: 10_000,
    stage: 'Negotiation',
    closeDate: '2026-06-20',
    winPotential: 0.7,
    winBand: 'high',
    predictedClose: '2026-06-15',
    daysInStage: 5,
    stalled: false,
    health: 'on-track',
    healthReasons: [],
    ...over,
  });
}

const AS_OF = '2026-06-01';

describe('quickWinBar', () => {
  it('is at least 0.5, 1.5 times the win rate above that, and never above 0.9', () => {
    expect(quickWinBar(null)).toBe(0.5);
    expect(quickWinBar(0.2)).toBe(0.5);
    expect(quickWinBar(0.4)).toBeCloseTo(0.6, 10);
    expect(quickWinBar(0.8)).toBe(0.9);
  });
});

describe('isQuickWin', () => {
  it('takes a likely, soon, moving deal', () => {
    expect(isQuickWin(row('a'), AS_OF, 0.5)).toBe(true);
  });

  it('leaves out each deal that misses one condition', () => {
    expect(isQuickWin(row('a', { winPotential: 0.49 }), AS_OF, 0.5)).toBe(false);
    expect(isQuickWin(row('a', { winPotential: null }), AS_OF, 0.5)).toBe(false);
    // 2026-07-02 is 31 days after 2026-06-01; 2026-07-01 is 30.
    expect(isQuickWin(row('a', { predictedClose: '2026-07-02' }), AS_OF, 0.5)).toBe(false);
    expect(isQuickWin(row('a', { predictedClose: '2026-07-01' }), AS_OF, 0.5)).toBe(true);
    expect(isQuickWin(row('a', { predictedClose: '2026-05-31' }), AS_OF, 0.5)).toBe(false);
    expect(isQuickWin(row('a', { stalled: true }), AS_OF, 0.5)).toBe(false);
    expect(isQuickWin(row('a', { health: 'at-risk' }), AS_OF, 0.5)).toBe(false);
    // Needing attention is not a reason to skip a deal that is about to close.
    expect(isQuickWin(row('a', { health: 'needs-attention' }), AS_OF, 0.5)).toBe(true);
  });

  it('reads the CRM close date when there is no prediction, and nothing without either', () => {
    expect(isQuickWin(row('a', { predictedClose: null, closeDate: '2026-06-10' }), AS_OF, 0.5)).toBe(true);
    expect(isQuickWin(row('a', { predictedClose: null, closeDate: null }), AS_OF, 0.5)).toBe(false);
  });
});

describe('quickWins', () => {
  it('orders by expected value, then the sooner close, deals without an amount last', () => {
    const rows = [
      row('small', { amount: 5_000, winPotential: 0.9 }), // 4,500
      row('big', { amount: 20_000, winPotential: 0.6 }), // 12,000
      row('none', { amount: null, winPotential: 0.95 }),
      row('tie-late', { amount: 10_000, winPotential: 0.7, predictedClose: '2026-06-25' }), // 7,000
      row('tie-soon', { amount: 10_000, winPotential: 0.7, predictedClose: '2026-06-05' }), // 7,000
      row('out', { winPotential: 0.3 }),
    ];
    expect(quickWins(rows, AS_OF, 0.3).map((r) => r.id)).toEqual(['big', 'tie-soon', 'tie-late', 'small', 'none']);
    // In an org that wins 60%, the bar is 0.9.
    expect(quickWins(rows, AS_OF, 0.6).map((r) => r.id)).toEqual(['small', 'none']);
  });
});
