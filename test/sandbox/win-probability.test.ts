import { describe, expect, it } from 'vitest';
import { blankOpportunity, type Opportunity } from '../../lib/crm/opportunity';
import { rocAuc } from '../../lib/engine/metrics';
import { generateSandbox } from '../../lib/sandbox/generate';
import { PERSONA_TEMPLATES } from '../../lib/sandbox/personas';
import { expectedAmount } from '../../lib/sandbox/pricing';
import { buildWinModel, winLogit, winProbability } from '../../lib/sandbox/win-probability';

describe('winProbability on a worked example', () => {
  const model = buildWinModel({
    personas: [PERSONA_TEMPLATES[0]!],
    ownerSkill: { 'Ana Lee': 0.2 },
    listPrice: { Platform: 40_000 },
  });
  const deal: Opportunity = {
    ...blankOpportunity('006000000000001AAA', 'sandbox'),
    type: 'new customer',
    leadSource: 'Partner Referral',
    owner: { id: '005000000000001AAA', name: 'Ana Lee' },
    // e × the expected amount: a log price ratio of exactly 1.
    amount: expectedAmount(40_000, 2_000) * Math.E,
    attributes: { industry: 'Healthcare', employees: 2_000, country: 'United States', buyerTitle: 'VP Operations', product: 'Platform' },
  };

  it('adds up the terms of a first deal that fits a persona fully', () => {
    // intercept −2.1, fit² 1 × 3.4, Partner Referral +0.6, Platform 0, owner +0.2, price −0.3 × 1
    expect(winLogit(deal, model)).toBeCloseTo(1.8, 10);
    expect(winProbability(deal, model)).toBeCloseTo(1 / (1 + Math.exp(-1.8)), 12);
  });

  it('weighs fit and price less for a renewal', () => {
    const renewal: Opportunity = { ...deal, type: 'renewal', leadSource: 'Existing Customer' };
    // intercept −2.1, fit² 1 × 1.7, Existing Customer +0.2, renewal +2.1, owner +0.2, price −0.15 × 1
    expect(winLogit(renewal, model)).toBeCloseTo(1.95, 10);
  });

  it('squares a partial fit and ignores unknown owners, sources and products', () => {
    const partial: Opportunity = {
      ...deal,
      leadSource: 'Carrier Pigeon',
      owner: { id: 'x', name: 'Someone Else' },
      amount: null,
      attributes: { industry: 'Healthcare', country: 'United States', product: 'Abacus' },
    };
    // intercept −2.1, fit 0.45² × 3.4
    expect(winLogit(partial, model)).toBeCloseTo(-2.1 + 0.45 * 0.45 * 3.4, 10);
  });
});

describe('the true win probabilities of a generated org', () => {
  const org = generateSandbox({ seed: 7, opportunities: 10_000 });
  const closed = org.opportunities.filter((o) => o.isClosed);
  const labels: number[] = closed.map((o) => (o.isWon ? 1 : 0));
  const truth = closed.map((o) => org.truth.winProbability[o.id]!);

  it('has one probability per opportunity', () => {
    expect(Object.keys(org.truth.winProbability)).toHaveLength(org.opportunities.length);
    expect(Object.values(org.truth.winProbability).every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('gives a win rate near 40% that the probabilities match', () => {
    const winRate = labels.reduce((a, b) => a + b, 0) / labels.length;
    const meanTruth = truth.reduce((a, b) => a + b, 0) / truth.length;
    expect(winRate).toBeGreaterThan(0.35);
    expect(winRate).toBeLessThan(0.45);
    expect(Math.abs(meanTruth - winRate)).toBeLessThan(0.03);
  });

  it('ranks closed deals well but not perfectly', () => {
    const auc = rocAuc(labels, truth);
    expect(auc).toBeGreaterThan(0.7);
    expect(auc).toBeLessThan(0.9);
  });

  it('depends only on what the CSV export carries (the amount as first entered), never on dates, stage or outcome', () => {
    const model = JSON.parse(JSON.stringify(org.truth.winModel)) as typeof org.truth.winModel;
    let revised = 0;
    for (const generated of org.opportunities.slice(0, 2_000)) {
      // A revision at the quote follows the outcome (deal-path.ts): the truth reads the amount as entered.
      const first = generated.recordedChanges?.amounts[0]?.value ?? null;
      if (first !== generated.amount) revised++;
      const o: Opportunity = { ...generated, amount: first };
      const p = org.truth.winProbability[o.id]!;
      expect(winProbability(o, model)).toBe(p);
      const moved: Opportunity = {
        ...o,
        id: 'other',
        name: 'Renamed',
        createdDate: '2020-01-01',
        closeDate: '2020-02-01',
        stageEnteredDate: '2020-01-15',
        stageHistory: [],
        stage: 'Closed Won',
        isClosed: true,
        isWon: !o.isWon,
        probability: 1,
        forecastCategory: 'Closed',
        createdBy: null,
        account: { id: 'elsewhere', name: 'Elsewhere' },
      };
      expect(winProbability(moved, model)).toBe(p);
    }
    expect(revised).toBeGreaterThan(50);
  });
});
