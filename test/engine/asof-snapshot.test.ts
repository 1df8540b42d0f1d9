/**
 * Issue 18's no-leak rule on worked histories: a snapshot at day T reads only what was
 * recorded on or before T. Checked on a hand-made history (a stage entered twice, a close
 * date pushed before and after T, an amount revised after T) and on random histories, where
 * a snapshot of the whole history must equal the snapshot of the history cut at T.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../lib/crm/opportunity';
import { historyFor, historyOf, type DealHistory, type Recorded } from '../../lib/engine/asof/history';
import { AS_OF_FIELDS, readingAttributes, trainingDayOffsets, withReading, type AsOfReading } from '../../lib/engine/asof/model';
import { snapshotAt } from '../../lib/engine/asof/snapshot';
import { Random } from '../../lib/seeded/random';
import { opp } from './helpers';

const PIPELINE = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];

/** Created 2026-01-01, closed 2026-05-01. */
const WORKED: DealHistory = {
  id: 'd1',
  createdDate: '2026-01-01',
  stages: [
    { value: 'Prospecting', at: '2026-01-01' },
    { value: 'Qualification', at: '2026-01-20' },
    { value: 'Proposal', at: '2026-02-10' },
    // Back to Qualification, then Proposal again: Proposal is entered twice.
    { value: 'Qualification', at: '2026-02-25' },
    { value: 'Proposal', at: '2026-03-05' },
    { value: 'Negotiation', at: '2026-04-10' },
  ],
  closeDates: [
    { value: '2026-03-01', at: '2026-01-01' },
    { value: '2026-03-31', at: '2026-02-15' }, // pushed 30 days
    { value: '2026-03-21', at: '2026-02-20' }, // pulled in: not a push
    { value: '2026-04-30', at: '2026-03-20' }, // pushed 40 days, after the first snapshot below
  ],
  amounts: [
    { value: 10_000, at: '2026-01-01' },
    { value: 12_500, at: '2026-03-15' },
  ],
  probabilities: [
    { value: 0.1, at: '2026-01-01' },
    { value: 0.2, at: '2026-01-20' },
    { value: 0.5, at: '2026-02-10' },
    { value: 0.2, at: '2026-02-25' },
    { value: 0.5, at: '2026-03-05' },
    { value: 0.8, at: '2026-04-10' },
  ],
  closedAt: '2026-05-01',
};

describe('snapshotAt: a worked history', () => {
  it('on 2026-03-10 sees the second visit to Proposal, one push of 30 days, and not the later push or amount', () => {
    expect(snapshotAt(WORKED, '2026-03-10', PIPELINE)).toEqual({
      id: 'd1',
      asOf: '2026-03-10',
      stage: 'Proposal',
      stageOrder: 2,
      stageVisits: 2,
      daysInStage: 5,
      // Prospecting, Qualification, Proposal, back to Qualification, Proposal again.
      stagesEntered: 5,
      stepsBack: 1,
      firstStage: 'Prospecting',
      // The visits ended by then: the current one (Proposal since 2026-03-05) has not.
      visits: [
        { stage: 'Prospecting', days: 19 },
        { stage: 'Qualification', days: 21 },
        { stage: 'Proposal', days: 15 },
        { stage: 'Qualification', days: 8 },
      ],
      age: 68,
      probability: 0.5,
      closePushes: 1,
      closePushDays: 30,
      daysToClose: 11, // 2026-03-21, as last set on 2026-02-20
      amountChange: 1,
      amount: 10_000,
    });
  });

  it('on 2026-04-20 sees both pushes, the revised amount and Negotiation', () => {
    expect(snapshotAt(WORKED, '2026-04-20', PIPELINE)).toMatchObject({
      stage: 'Negotiation',
      stageOrder: 3,
      stageVisits: 1,
      daysInStage: 10,
      stagesEntered: 6,
      stepsBack: 1,
      visits: [
        { stage: 'Prospecting', days: 19 },
        { stage: 'Qualification', days: 21 },
        { stage: 'Proposal', days: 15 },
        { stage: 'Qualification', days: 8 },
        { stage: 'Proposal', days: 36 },
      ],
      probability: 0.8,
      closePushes: 2,
      closePushDays: 70,
      daysToClose: 10,
      amountChange: 1.25,
      amount: 12_500,
    });
  });

  it('counts a record made on the snapshot day itself, and nothing of the day after', () => {
    expect(snapshotAt(WORKED, '2026-03-20', PIPELINE)).toMatchObject({ closePushes: 2, daysToClose: 41 });
    expect(snapshotAt(WORKED, '2026-03-19', PIPELINE)).toMatchObject({ closePushes: 1, daysToClose: 2 });
  });

  it('has no snapshot before the deal was created or from its close on', () => {
    expect(snapshotAt(WORKED, '2025-12-31')).toBeNull();
    expect(snapshotAt(WORKED, '2026-05-01')).toBeNull();
    expect(snapshotAt(WORKED, '2026-04-30')).not.toBeNull();
  });

  it('gives a stage the pipeline does not list no order', () => {
    expect(snapshotAt(WORKED, '2026-03-10', ['Discovery'])?.stageOrder).toBeNull();
  });
});

/** `history` with every record made after `day` removed: what the CRM held that day. */
function cutAt(history: DealHistory, day: IsoDate): DealHistory {
  const upTo = <T>(records: Array<Recorded<T>>): Array<Recorded<T>> => records.filter((r) => r.at <= day);
  return {
    ...history,
    stages: upTo(history.stages),
    closeDates: upTo(history.closeDates),
    amounts: upTo(history.amounts),
    probabilities: upTo(history.probabilities),
    closedAt: history.closedAt !== null && history.closedAt <= day ? history.closedAt : null,
  };
}

/** A random history: stages entered, skipped and re-entered, close dates moved both ways, amounts revised. */
function randomHistory(random: Random, id: string): DealHistory {
  const created = addDays('2025-01-01', random.int(200));
  const records = <T>(value: (i: number) => T, count: number, from: IsoDate): Array<Recorded<T>> => {
    let day = from;
    return Array.from({ length: count }, (_, i) => {
      if (i > 0) day = addDays(day, 1 + random.int(40));
      return { value: value(i), at: day };
    });
  };
  const stages = records(() => PIPELINE[random.int(PIPELINE.length)] as string, 1 + random.int(7), created);
  const closeDates = records(() => addDays(created, 20 + random.int(300)), 1 + random.int(5), created);
  const amounts = records(() => 1000 * (1 + random.int(50)), 1 + random.int(3), created);
  const probabilities = records(() => random.int(11) / 10, 1 + random.int(5), created);
  const last = [stages, closeDates, amounts, probabilities].flat().reduce((a, r) => (r.at > a ? r.at : a), created);
  return { id, createdDate: created, stages, closeDates, amounts, probabilities, closedAt: random.next() < 0.8 ? addDays(last, 1 + random.int(60)) : null };
}

describe('snapshotAt: nothing recorded after the snapshot day enters it', () => {
  it('equals the snapshot of the history cut at that day, on 300 random histories and 10 days each', () => {
    const random = new Random(18);
    let compared = 0;
    for (let h = 0; h < 300; h++) {
      const history = randomHistory(random, `h${h}`);
      for (let k = 0; k < 10; k++) {
        const day = addDays(history.createdDate, random.int(400) - 20);
        const full = snapshotAt(history, day, PIPELINE);
        expect(full, `${history.id} on ${day}`).toEqual(snapshotAt(cutAt(history, day), day, PIPELINE));
        if (full !== null) compared++;
      }
    }
    // Most of the days fall while the deal was open, so the comparison is of real snapshots.
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('trainingDayOffsets', () => {
  it('takes every N days while the deal was open, from a first day within the first N: each deal counts by the days it was open', () => {
    const random = new Random(3);
    for (let k = 0; k < 50; k++) {
      const days = trainingDayOffsets(WORKED, 30, random);
      // 2026-01-01 to 2026-05-01 is 120 days: 4 snapshots, 30 days apart, the first in 0..29.
      expect(days).toHaveLength(4);
      expect(days[0]).toBeGreaterThanOrEqual(0);
      expect(days[0]).toBeLessThan(30);
      expect(days.slice(1).map((d, i) => d - (days[i] as number))).toEqual([30, 30, 30]);
      for (const day of days) expect(snapshotAt(WORKED, addDays(WORKED.createdDate, day))).not.toBeNull();
    }
  });

  it('gives an open deal, or one closed the day it was created, none', () => {
    expect(trainingDayOffsets({ ...WORKED, closedAt: null }, 14, new Random(1))).toEqual([]);
    expect(trainingDayOffsets({ ...WORKED, closedAt: WORKED.createdDate }, 14, new Random(1))).toEqual([]);
  });
});

describe('historyFor: the changes a CRM recorded', () => {
  it('reads a synced deal’s recorded close dates, amounts and probabilities, leaving out the closing row’s, and a push after T stays unseen at T', () => {
    // As a Salesforce sync records them from OpportunityHistory: the close date planned at
    // creation, pushed on 2026-02-01, the closing row's values on the close day.
    const won = opp('w2', true, {
      createdDate: '2026-01-01',
      closeDate: '2026-03-10',
      amount: 9000,
      stageHistory: [
        { stage: 'Qualification', enteredAt: '2026-01-01' },
        { stage: 'Proposal', enteredAt: '2026-02-01' },
        { stage: 'Closed Won', enteredAt: '2026-03-10' },
      ],
      recordedChanges: {
        stages: [],
        closeDates: [
          { value: '2026-01-31', at: '2026-01-01' },
          { value: '2026-03-15', at: '2026-02-01' },
          { value: '2026-03-10', at: '2026-03-10' },
        ],
        amounts: [{ value: 9000, at: '2026-01-01' }],
        probabilities: [
          { value: 0.2, at: '2026-01-01' },
          { value: 0.5, at: '2026-02-01' },
          { value: 1, at: '2026-03-10' },
        ],
        before: {},
      },
    });
    const history = historyFor(won) as DealHistory;
    expect(history.closeDates).toEqual([
      { value: '2026-01-31', at: '2026-01-01' },
      { value: '2026-03-15', at: '2026-02-01' },
    ]);
    expect(history.probabilities.map((p) => p.value)).toEqual([0.2, 0.5]);
    expect(history.stages.map((s) => s.value)).toEqual(['Qualification', 'Proposal']);
    const before = snapshotAt(history, '2026-01-20', PIPELINE);
    const after = snapshotAt(history, '2026-02-20', PIPELINE);
    expect([before?.closePushes, before?.daysToClose]).toEqual([0, 11]);
    expect([after?.closePushes, after?.daysToClose]).toEqual([1, 23]);
    // A history export given for the deal comes first.
    const given = { ...history, closeDates: [] };
    expect(historyFor(won, new Map([['w2', given]]))).toBe(given);
  });
});

describe('historyOf: the history an opportunity carries today', () => {
  const path = [
    { stage: 'Qualification', enteredAt: '2026-01-05' },
    { stage: 'Proposal', enteredAt: '2026-02-01' },
    { stage: 'Closed Won', enteredAt: '2026-03-01' },
  ];

  it('records an open deal’s close date, amount and probability as set at its creation', () => {
    const open = opp('o1', undefined, { createdDate: '2026-01-01', closeDate: '2026-06-30', amount: 5000, probability: 0.4, stageHistory: path.slice(0, 2) });
    expect(historyOf(open)).toEqual({
      id: 'o1',
      createdDate: '2026-01-01',
      stages: [
        { value: 'Qualification', at: '2026-01-05' },
        { value: 'Proposal', at: '2026-02-01' },
      ],
      closeDates: [{ value: '2026-06-30', at: '2026-01-01' }],
      amounts: [{ value: 5000, at: '2026-01-01' }],
      probabilities: [{ value: 0.4, at: '2026-01-01' }],
      closedAt: null,
    });
  });

  it('leaves out what a closed deal’s close set: the closing stage, its close date and probability', () => {
    const won = opp('w1', true, { createdDate: '2026-01-01', closeDate: '2026-03-01', amount: 5000, probability: 1, stageHistory: path });
    const history = historyOf(won);
    expect(history?.stages.map((s) => s.value)).toEqual(['Qualification', 'Proposal']);
    expect([history?.closeDates, history?.probabilities, history?.closedAt]).toEqual([[], [], '2026-03-01']);
    expect(snapshotAt(history as DealHistory, '2026-02-15')?.stage).toBe('Proposal');
  });

  it('has no history without a created date', () => {
    expect(historyOf(opp('x', false, { createdDate: null }))).toBeNull();
  });
});

describe('withReading', () => {
  it('gives the row every AS_OF_FIELDS feature under its key with the value its reader gives, and no other attribute, leaving the deal as it was', () => {
    const snapshot = snapshotAt(WORKED, '2026-03-10', PIPELINE);
    if (snapshot === null) throw new Error('expected a snapshot');
    const reading: AsOfReading = { snapshot, pace: { sum: 0.4, mean: 0.1, stage: -0.2, typicalDays: 9, mostWonWithinDays: 20 }, prior: 0.3 };
    expect(Object.keys(readingAttributes(reading))).toEqual(AS_OF_FIELDS.map((f) => f.key));
    const deal = opp('d1', true, { amount: 12_500, attributes: { industry: 'Retail', employees: 40 } });
    const row = withReading(deal, reading);
    expect(row.attributes).toEqual(Object.fromEntries(AS_OF_FIELDS.map((f) => [f.key, f.read(reading)])));
    expect(row.amount).toBe(10_000); // as it stood on 2026-03-10, before the revision to 12,500
    expect(deal.attributes).toEqual({ industry: 'Retail', employees: 40 });
  });
});
