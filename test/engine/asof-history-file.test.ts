/**
 * Histories from a history export in the as-of engine (issue 18): a worked field history
 * whose close date is pushed and amount revised after T, read, joined and merged with the
 * opportunity, gives a snapshot at T that sees neither (the no-leak rule); the replay uses
 * given histories for deals that carry none, and its CRM contender reads the probability a
 * history recorded by T.
 */
import { describe, expect, it } from 'vitest';
import { readHistoryExport } from '../../lib/crm/csv/history-export';
import { joinHistory } from '../../lib/crm/csv/history-join';
import type { IsoDate, Opportunity } from '../../lib/crm/opportunity';
import { historyWithChanges, type DealHistory } from '../../lib/engine/asof/history';
import { replayBacktest } from '../../lib/engine/asof/replay';
import { snapshotAt } from '../../lib/engine/asof/snapshot';
import { generateSandbox } from '../../lib/sandbox/generate';
import { opp } from './helpers';

const PIPELINE = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];

/** Created 2026-01-01, won 2026-05-01; T = 2026-03-10 falls between the changes before and after it. */
const FIELD_HISTORY = [
  'Opportunity ID,Field / Event,Old Value,New Value,Edit Date',
  'd1,Stage,Prospecting,Qualification,1/20/2026',
  'd1,Close Date,3/1/2026,3/31/2026,2/15/2026',
  'd1,Stage,Qualification,Proposal,2/20/2026',
  'd1,Probability (%),10,50,2/20/2026',
  // After T: a push of 30 days and a revised amount.
  'd1,Close Date,3/31/2026,4/30/2026,3/20/2026',
  'd1,Amount,10000,12500,3/25/2026',
  'd1,Stage,Proposal,Negotiation,4/10/2026',
  'd1,Stage,Negotiation,Closed Won,5/1/2026',
].join('\n');

describe('a history file in a snapshot: nothing recorded after T', () => {
  const deal = opp('d1', true, { name: 'Acme', createdDate: '2026-01-01', closeDate: '2026-05-01', stage: 'Closed Won', amount: 12_500 });
  const join = joinHistory(readHistoryExport(FIELD_HISTORY), { opportunities: [deal], hasIds: true, hasNames: true });
  const changes = join.changes.get('d1');
  const history = changes === undefined ? null : historyWithChanges(deal, changes);

  it('merges the file’s changes with the opportunity: values before the first change held from its creation, the close left out', () => {
    expect(history).toEqual({
      id: 'd1',
      createdDate: '2026-01-01',
      stages: [
        { value: 'Prospecting', at: '2026-01-01' },
        { value: 'Qualification', at: '2026-01-20' },
        { value: 'Proposal', at: '2026-02-20' },
        { value: 'Negotiation', at: '2026-04-10' },
      ],
      closeDates: [
        { value: '2026-03-01', at: '2026-01-01' },
        { value: '2026-03-31', at: '2026-02-15' },
        { value: '2026-04-30', at: '2026-03-20' },
      ],
      amounts: [
        { value: 10_000, at: '2026-01-01' },
        { value: 12_500, at: '2026-03-25' },
      ],
      probabilities: [
        { value: 0.1, at: '2026-01-01' },
        { value: 0.5, at: '2026-02-20' },
      ],
      closedAt: '2026-05-01',
    } satisfies DealHistory);
  });

  it('on 2026-03-10 sees one push and the first amount, not the push of 2026-03-20 nor the amount of 2026-03-25', () => {
    expect(snapshotAt(history as DealHistory, '2026-03-10', PIPELINE)).toMatchObject({
      stage: 'Proposal',
      daysInStage: 18,
      probability: 0.5,
      closePushes: 1,
      closePushDays: 30,
      daysToClose: 21,
      amount: 10_000,
      amountChange: 1,
    });
  });

  it('on 2026-04-15 sees both pushes and the revised amount', () => {
    expect(snapshotAt(history as DealHistory, '2026-04-15', PIPELINE)).toMatchObject({
      stage: 'Negotiation',
      closePushes: 2,
      closePushDays: 60,
      amount: 12_500,
      amountChange: 1.25,
    });
  });

  it('keeps the opportunity’s own values for the fields the file does not record', () => {
    const stagesOnly = historyWithChanges(opp('d2', undefined, { createdDate: '2026-01-01', closeDate: '2026-06-30', amount: 800, probability: 0.3 }), {
      stages: [{ value: 'Proposal', at: '2026-02-01' }],
      closeDates: [],
      amounts: [],
      probabilities: [],
      before: {},
    });
    expect(stagesOnly).toMatchObject({
      stages: [{ value: 'Proposal', at: '2026-02-01' }],
      closeDates: [{ value: '2026-06-30', at: '2026-01-01' }],
      amounts: [{ value: 800, at: '2026-01-01' }],
      probabilities: [{ value: 0.3, at: '2026-01-01' }],
      closedAt: null,
    });
  });
});

describe('the replay on given histories', () => {
  const org = generateSandbox({ seed: 7, opportunities: 2500 });
  // As a Salesforce report gives them: no stage path on the deals, the path in a history file.
  const plain: Opportunity[] = org.opportunities.map((o) => ({ ...o, stageHistory: [] }));
  const histories = new Map<string, DealHistory>();
  for (const o of org.opportunities) {
    const merged = historyWithChanges(o, {
      stages: o.stageHistory.map((s) => ({ value: s.stage, at: s.enteredAt })),
      // The close dates and amounts the deal's own record carries (its pushes and revisions).
      closeDates: o.recordedChanges?.closeDates ?? [],
      amounts: o.recordedChanges?.amounts ?? [],
      // The CRM's probability as recorded: one flat 50% from creation, whatever the stage.
      probabilities: o.createdDate === null ? [] : [{ value: 0.5, at: o.createdDate as IsoDate }],
      before: {},
    });
    if (merged !== null) histories.set(o.id, merged);
  }
  const options = { points: 3, stepDays: 60 };

  it('replays deals that carry no stage path on the histories given for them, as on the stage paths and changes they carried', () => {
    expect(replayBacktest(plain, options).points).toEqual([]);
    const given = replayBacktest(plain, { ...options, histories });
    const own = replayBacktest(org.opportunities, options);
    expect(given.points).toHaveLength(3);
    expect(given.points.map((p) => [p.asOf, p.scored, p.won])).toEqual(own.points.map((p) => [p.asOf, p.scored, p.won]));
    expect(given.pooled.asOf?.auc).toBeCloseTo(own.pooled.asOf?.auc ?? 0, 10);
  });

  it('scores the CRM by the probability recorded by T, not the stage’s default of today', () => {
    const given = replayBacktest(plain, { ...options, histories });
    expect(given.pooled.crm?.auc).toBe(0.5);
    expect(given.pooled.crm?.brier).toBeCloseTo(0.25, 12);
    const own = replayBacktest(org.opportunities, options);
    expect(own.pooled.crm?.auc).toBeGreaterThan(0.6);
  });
});
