/**
 * Issue 18, item 2: where a deal stands, said in a rep's words, and open deals scored as of
 * today by the as-of model (a sandbox org: the reasons name the stage and the days in it).
 */
import { describe, expect, it } from 'vitest';
import type { AsOfReading } from '../../lib/engine/asof/model';
import type { AsOfSnapshot } from '../../lib/engine/asof/snapshot';
import { standingFact, standingPhrase, STANDING_LABEL } from '../../lib/engine/asof/score';
import { stageAwareScores } from '../../lib/engine/asof/serve';
import { latestDate } from '../../lib/engine/analyze';
import { generateSandbox } from '../../lib/sandbox/generate';

const SNAPSHOT: AsOfSnapshot = {
  id: 'd1',
  asOf: '2026-04-20',
  stage: 'Negotiation',
  stageOrder: 5,
  stageVisits: 2,
  daysInStage: 34,
  stagesEntered: 5,
  stepsBack: 1,
  firstStage: 'Prospecting',
  visits: [
    { stage: 'Prospecting', days: 10 },
    { stage: 'Negotiation', days: 20 },
    { stage: 'Proposal', days: 15 },
    { stage: 'Negotiation', days: 30 },
  ],
  age: 109,
  probability: 0.8,
  closePushes: 3,
  closePushDays: 70,
  daysToClose: -10,
  amountChange: 0.8,
  amount: 8000,
};
/** Won deals like it take about 12 days in Negotiation, 80% of them at most 25; its earlier stages took 1.46× theirs (e^0.38). */
const READING: AsOfReading = {
  snapshot: SNAPSHOT,
  pace: { sum: 1.52, mean: 0.38, stage: 1.04, typicalDays: 12.4, mostWonWithinDays: 25 },
  prior: -0.4,
};
const read = (snapshot: Partial<AsOfSnapshot> = {}, pace: Partial<AsOfReading['pace']> = {}): AsOfReading => ({
  ...READING,
  snapshot: { ...SNAPSHOT, ...snapshot },
  pace: { ...READING.pace, ...pace },
});
const PIPELINE = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Proposal', 'Negotiation'];

describe('standingPhrase', () => {
  it('says the stage, the time in it against won deals, the visits, the pushes, the close date and the amount', () => {
    const say = (key: string, reading: AsOfReading = READING): string | null => standingPhrase(key, reading, PIPELINE);
    expect(say('attr:asOfStage')).toBe('in Negotiation, step 6 of 6');
    expect(say('attr:asOfDaysInStage')).toBe('in Negotiation for 34 days, longer than 80% of won deals like it');
    expect(say('attr:asOfStagePace')).toBe('in Negotiation for 34 days, longer than 80% of won deals like it');
    expect(say('attr:asOfDaysInStage', read({ daysInStage: 9 }))).toBe('in Negotiation for 9 days; won deals like it take about 12 days there');
    expect(say('attr:asOfStageVisits')).toBe('back in Negotiation for the second time');
    expect(say('attr:asOfClosePushes')).toBe('close date pushed 3 times, 70 days in all');
    expect(say('attr:asOfDaysToClose')).toBe('the CRM close date passed 10 days ago');
    expect(say('attr:asOfAmountChange')).toBe('amount cut 20% since first entered');
    expect(say('attr:asOfAge')).toBe('open 109 days');
    expect(say('attr:asOfStagesEntered')).toBe('5 stages entered so far');
    expect(say('attr:asOfStepsBack')).toBe('went back a stage 1 time');
    expect(say('attr:asOfStepsBack', read({ stepsBack: 0 }))).toBe('never went back a stage');
    expect(say('attr:asOfPace')).toBe('earlier stages took 1.5× as long as won deals like it');
    expect(say('attr:asOfPaceMean', read({}, { mean: Math.log(0.5) }))).toBe('earlier stages took 0.5× as long as won deals like it');
    expect(say('attr:asOfPace', read({ visits: [] }, { sum: 0, mean: null }))).toBe('still in its first stage');
    expect(say('attr:asOfPace', read({}, { mean: Math.log(29.4) }))).toBe('earlier stages took 29× as long as won deals like it');
    expect(say('attr:asOfPrior')).toBeNull();
    expect(say('attr:industry')).toBeNull();
  });

  it('states each phrase as data for the panels to word: the same numbers', () => {
    expect(standingFact('attr:asOfDaysInStage', READING, PIPELINE)).toEqual({
      kind: 'daysInStage',
      stage: 'Negotiation',
      days: 34,
      medianDays: 12,
      longerThanMostWon: true,
    });
    expect(standingFact('attr:asOfStageOrder', READING, PIPELINE)).toEqual({ kind: 'stage', stage: 'Negotiation', step: 6, steps: 6 });
    expect(standingFact('attr:asOfClosePushDays', READING, PIPELINE)).toEqual({ kind: 'pushes', pushes: 3, days: 70 });
    expect(standingFact('leadSource', READING, PIPELINE)).toBeNull();
  });
});

describe('stageAwareScores on a sandbox org', () => {
  const org = generateSandbox({ seed: 7, opportunities: 3000 });
  const asOf = latestDate(org.opportunities) as string;
  const result = stageAwareScores(org.opportunities, { asOf });
  const open = org.opportunities.filter((o) => !o.isClosed);

  it('scores every open deal with a history, ranking later stages above earlier ones on average', () => {
    expect(result.scores.size).toBe(open.filter((o) => o.stageHistory.length > 0).length);
    const mean = (stage: string): number => {
      const scores = open.filter((o) => o.stage === stage).map((o) => result.scores.get(o.id)?.probability ?? Number.NaN);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    expect(mean('Negotiation/Review')).toBeGreaterThan(mean('Prospecting') + 0.3);
  });

  it('gives reasons that say where the deal stands', () => {
    const standing = [...result.scores.values()].flatMap((s) => [...s.raising, ...s.lowering]).filter((f) => f.label === STANDING_LABEL);
    expect(standing.length).toBeGreaterThan(result.scores.size);
    expect(standing.some((f) => /^in [A-Z][\w/ .]+ for \d+ days/.test(f.value))).toBe(true);
  });

  it('serves nothing and says how many deals with a history it needs when there are too few', () => {
    const plain = org.opportunities.map((o) => (o.isClosed ? { ...o, stageHistory: o.stageHistory.slice(-1) } : o));
    const none = stageAwareScores(plain, { asOf });
    expect(none.scores.size).toBe(0);
    expect(none.notes[0]).toMatch(/needs closed deals with their stage history: 0 of [\d,]+ have one/);
  });
});
