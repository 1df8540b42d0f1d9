/**
 * The pace yardstick of the as-of model (issue 18): how long won deals like this one stay in
 * each stage, learned from won deals' finished stage visits, and never from a training deal's
 * own visits when that deal's pace is read.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type Opportunity } from '../../lib/crm/opportunity';
import { fitEncoder } from '../../lib/engine/encode';
import { historyOf, type DealHistory } from '../../lib/engine/asof/history';
import { completedVisits, logDays, StagePace } from '../../lib/engine/asof/pace';
import { Random } from '../../lib/seeded/random';
import { opp } from './helpers';

const STAGES = ['Prospecting', 'Proposal', 'Negotiation'];
/** Won deals' median days per stage, for a deal of segment SMB; Enterprise deals take 3 times as long in every stage. */
const MEDIAN = { Prospecting: 10, Proposal: 20, Negotiation: 5 } as Record<string, number>;

/** Deals walking the three stages with log-normal lengths around those medians (spread 0.3). */
function deals(count: number, seed: number): Opportunity[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const enterprise = i % 2 === 0;
    const won = random.bernoulli(0.5);
    let day = '2025-01-01';
    const stageHistory = STAGES.map((stage) => {
      const step = { stage, enteredAt: day };
      const median = (MEDIAN[stage] as number) * (enterprise ? 3 : 1);
      day = addDays(day, Math.max(1, Math.round(median * Math.exp(0.3 * random.normal()))));
      return step;
    });
    return opp(`d${i}`, won, {
      createdDate: '2025-01-01',
      closeDate: day,
      stageHistory: [...stageHistory, { stage: won ? 'Closed Won' : 'Closed Lost', enteredAt: day }],
      attributes: { segment: enterprise ? 'Enterprise' : 'SMB', region: random.pick(['North', 'South']) },
    });
  });
}

describe('completedVisits', () => {
  it('lists each stage visit with its days, the last one ended by the close', () => {
    const history: DealHistory = {
      id: 'd',
      createdDate: '2026-01-01',
      stages: [
        { value: 'Prospecting', at: '2026-01-01' },
        { value: 'Proposal', at: '2026-01-11' },
        { value: 'Prospecting', at: '2026-01-15' },
        { value: 'Proposal', at: '2026-01-15' },
      ],
      closeDates: [],
      amounts: [],
      probabilities: [],
      closedAt: '2026-02-01',
    };
    expect(completedVisits(history)).toEqual([
      { stage: 'Prospecting', days: 10 },
      { stage: 'Proposal', days: 4 },
      { stage: 'Prospecting', days: 0 },
      { stage: 'Proposal', days: 17 },
    ]);
    expect(completedVisits({ ...history, closedAt: null })).toHaveLength(3);
  });
});

describe('StagePace', () => {
  const all = deals(600, 5);
  const encoder = fitEncoder(all).spec;
  const won = all.filter((o) => o.isWon);
  const { pace, heldOut } = StagePace.fit(won, historyOf, encoder);
  const expectedDays = (segment: string, stage: string): number => {
    const part = pace.dealParts([opp('x', undefined, { attributes: { segment, region: 'North' } })])[0] as number;
    return Math.exp(pace.expected(part, stage, 'Prospecting')) - 0.5;
  };

  it('learns each stage’s usual days for won deals of each kind, within 15%', () => {
    for (const stage of STAGES) {
      for (const segment of ['SMB', 'Enterprise']) {
        const truth = (MEDIAN[stage] as number) * (segment === 'Enterprise' ? 3 : 1);
        expect(expectedDays(segment, stage), `${segment} ${stage}`).toBeGreaterThan(truth * 0.85);
        expect(expectedDays(segment, stage), `${segment} ${stage}`).toBeLessThan(truth * 1.15);
      }
    }
    // Every visit of every won deal, and what the fit leaves is about the drawn spread (0.3, rounded to whole days).
    expect(pace.json.visits).toBe(won.length * STAGES.length);
    expect(pace.spread).toBeGreaterThan(0.2);
    expect(pace.spread).toBeLessThan(0.45);
  });

  it('reads each won deal it learned from against a yardstick fitted on the other half of the won deals', () => {
    expect(heldOut.size).toBe(won.length);
    const yardsticks = new Set(heldOut.values());
    expect(yardsticks.size).toBe(2);
    for (const y of yardsticks) {
      expect(y).not.toBe(pace);
      const fittedOn = [...heldOut.entries()].filter(([, other]) => other !== y).map(([id]) => id);
      // The yardstick of one half is fitted on the visits of the other half only.
      expect(y.json.visits).toBe(fittedOn.length * STAGES.length);
    }
    // A deal's own stalls do not move its yardstick: stretch one deal's stages tenfold and refit.
    const target = won[0] as Opportunity;
    const stretched = won.map((o) =>
      o.id !== target.id
        ? o
        : { ...o, closeDate: addDays('2025-01-01', 2000), stageHistory: o.stageHistory.map((s, i) => ({ ...s, enteredAt: addDays('2025-01-01', i * 500) })) },
    );
    const again = StagePace.fit(stretched, historyOf, encoder);
    const partOf = (p: StagePace): number => p.dealParts([target])[0] as number;
    const before = heldOut.get(target.id) as StagePace;
    const after = again.heldOut.get(target.id) as StagePace;
    expect(after.expected(partOf(after), 'Proposal', 'Prospecting')).toBeCloseTo(before.expected(partOf(before), 'Proposal', 'Prospecting'), 10);
    expect(again.pace.expected(partOf(again.pace), 'Proposal', 'Prospecting')).toBeGreaterThan(pace.expected(partOf(pace), 'Proposal', 'Prospecting'));
  });

  it('survives a JSON round trip with the same expectations', () => {
    const copy = StagePace.fromJSON(JSON.parse(JSON.stringify(pace.toJSON())));
    const deal = all[3] as Opportunity;
    expect(copy.dealParts([deal])[0]).toBeCloseTo(pace.dealParts([deal])[0] as number, 12);
    expect(() => StagePace.fromJSON({ ...pace.toJSON(), format: 'other' as 'dealsight-stage-pace' })).toThrow(/not a stage pace/);
  });

  it('keeps a same-day stage change finite: the log of days plus a half', () => {
    expect(logDays(0)).toBeCloseTo(Math.log(0.5), 12);
    expect(logDays(9.5)).toBeCloseTo(Math.log(10), 12);
  });
});
