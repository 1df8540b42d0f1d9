/**
 * Issue 18's replay backtest on sandbox orgs: at past days T, the as-of model (trained on
 * deals closed before T, scoring the deals open at T as they stood then) against the
 * stage-blind model and the CRM's stage probability, on those deals' eventual outcomes.
 */
import { describe, expect, it } from 'vitest';
import { replayBacktest, stageProbabilities } from '../../lib/engine/asof/replay';
import { truthAt } from '../../lib/sandbox/deal-path';
import { generateSandbox } from '../../lib/sandbox/generate';
import { brierScore, rocAuc } from '../../lib/engine/metrics';

describe.each([7, 9])('replay backtest on sandbox seed %i (4,000 opportunities)', (seed) => {
  const org = generateSandbox({ seed, opportunities: 4000 });
  const result = replayBacktest(org.opportunities, { points: 4, stepDays: 60 });

  it('scores the deals open at each T with models of the deals closed before it', () => {
    expect(result.points).toHaveLength(4);
    for (const point of result.points) {
      const closedBefore = org.opportunities.filter((o) => o.isClosed && (o.closeDate as string) < point.asOf).length;
      const openThen = org.opportunities.filter(
        (o) => o.isClosed && (o.createdDate as string) <= point.asOf && point.asOf < (o.closeDate as string) && o.stageHistory.length > 0,
      ).length;
      expect(point.trained).toBe(closedBefore);
      expect(point.scored).toBe(openThen);
      expect(point.won).toBeGreaterThan(20);
    }
  });

  it('stays under the truth at every T: the chance of a win given the record that day, which no model reading only the past can beat', () => {
    for (const point of result.points) {
      const scored = org.opportunities.filter((o) => o.isClosed && (o.createdDate as string) <= point.asOf && point.asOf < (o.closeDate as string));
      const labels = scored.map((o) => (o.isWon ? 1 : 0));
      const truth = scored.map((o) => truthAt(org.truth.paths[o.id]!, org.truth.winProbability[o.id]!, point.asOf) as number);
      const asOf = point.scores.asOf!;
      // A model above the truth by more than noise would be reading what was recorded after T.
      expect(asOf.auc, point.asOf).toBeLessThan(rocAuc(labels, truth) + 0.01);
      expect(asOf.brier, point.asOf).toBeGreaterThan(brierScore(labels, truth) - 0.005);
    }
  });

  it('puts the as-of model ahead of the stage-blind model and the CRM probability at every T, on AUC and Brier', () => {
    for (const point of result.points) {
      const { asOf, stageBlind, crm } = point.scores;
      expect(asOf && stageBlind && crm, point.asOf).toBeTruthy();
      expect(asOf?.auc, point.asOf).toBeGreaterThan(Math.max(stageBlind?.auc ?? 1, crm?.auc ?? 1));
      expect(asOf?.brier, point.asOf).toBeLessThan(Math.min(stageBlind?.brier ?? 0, crm?.brier ?? 0));
    }
  });
});

describe('replay backtest without histories', () => {
  it('says the as-of model needs a stage history instead of scoring', () => {
    const org = generateSandbox({ seed: 7, opportunities: 2000 });
    const plain = org.opportunities.map((o) => ({ ...o, stageHistory: [] }));
    const result = replayBacktest(plain, { points: 2, stepDays: 60 });
    expect(result.points).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/^None of the \d[\d,]* closed deals has a stage history/)]);
  });
});

describe('stageProbabilities', () => {
  it('reads the CRM probability of each stage from the open deals (Salesforce’s defaults in the sandbox)', () => {
    const org = generateSandbox({ seed: 7, opportunities: 2000 });
    const byStage = stageProbabilities(org.opportunities);
    expect(byStage.get('Prospecting')).toBe(0.1);
    expect(byStage.get('Negotiation/Review')).toBe(0.9);
    expect(byStage.has('Closed Won')).toBe(false);
  });
});

// Issue 18's bar: the as-of model within 0.02 of the AUC the sandbox's true probabilities
// reach, at every T. On 12,000-deal orgs, as `npm run bench` measures it monthly over a year
// (there, 12 days on each seed); here 4 days, 60 apart, on each of two seeds.
describe.each([7, 9])('replay backtest on sandbox seed %i (12,000 opportunities) against the truth', (seed) => {
  const org = generateSandbox({ seed, opportunities: 12_000 });
  const result = replayBacktest(org.opportunities, { points: 4, stepDays: 60 });

  it('stays within 0.02 of the truth’s AUC at every T', () => {
    expect(result.points).toHaveLength(4);
    for (const point of result.points) {
      const scored = org.opportunities.filter((o) => o.isClosed && (o.createdDate as string) <= point.asOf && point.asOf < (o.closeDate as string));
      const truth = rocAuc(
        scored.map((o) => (o.isWon ? 1 : 0)),
        scored.map((o) => truthAt(org.truth.paths[o.id]!, org.truth.winProbability[o.id]!, point.asOf) as number),
      );
      expect(point.scored, point.asOf).toBe(scored.length);
      expect(point.scores.asOf!.auc, point.asOf).toBeGreaterThan(truth - 0.02);
    }
  });
});
