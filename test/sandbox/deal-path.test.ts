/**
 * The sandbox's deal paths (issue 18, item 5): stages walked step by step with odds that
 * follow the outcome, and the truth a replay is held to: the chance of a win given the
 * record on a day, by Bayes' rule over the steps seen by then.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/crm/opportunity';
import { Random } from '../../lib/seeded/random';
import { dayOf } from '../../lib/sandbox/calendar';
import { truthAt, truthLogOddsAt, walkDeal, type DealPath } from '../../lib/sandbox/deal-path';
import { generateSandbox } from '../../lib/sandbox/generate';

describe('walkDeal', () => {
  const paths = Array.from({ length: 2000 }, (_, i) =>
    walkDeal(new Random(i), { type: i % 3 === 0 ? 'renewal' : 'new customer', createdDay: 20_000, typicalDays: 60, won: i % 2 === 0 }),
  );

  it('enters stages on later and later days, closes after the last, and only won deals reach the end without dropping', () => {
    for (const path of paths) {
      expect(path.stages[0]?.day).toBe(path.createdDay);
      for (let i = 1; i < path.stages.length; i++) expect(path.stages[i]!.day).toBeGreaterThan(path.stages[i - 1]!.day);
      expect(path.closeDay).toBeGreaterThan(path.stages.at(-1)!.day);
      // Won deals always end in Negotiation (index 7): there is always a signature.
      if (path.won) expect(path.stages.at(-1)?.index).toBe(7);
    }
    const lostEarly = paths.filter((p) => !p.won && p.stages.at(-1)!.index < 7).length;
    expect(lostEarly).toBeGreaterThan(300);
  });

  it('goes back a stage now and then, at most twice', () => {
    const backs = paths.map((p) => p.stages.filter((s, i) => i > 0 && s.index < p.stages[i - 1]!.index).length);
    expect(Math.max(...backs)).toBe(2);
    expect(backs.filter((b) => b > 0).length).toBeGreaterThan(50);
  });

  it('pushes the close date only once it has passed, later each time, and revises the amount only at the quote after creation', () => {
    for (const path of paths) {
      expect(path.closeDates[0]?.day).toBe(path.createdDay);
      for (let i = 1; i < path.closeDates.length; i++) {
        const push = path.closeDates[i]!;
        expect(push.day).toBeGreaterThan(path.closeDates[i - 1]!.value);
        expect(push.value).toBeGreaterThan(push.day);
        expect(push.day).toBeLessThan(path.closeDay);
      }
      for (const revision of path.amounts) {
        expect(revision.day).toBeGreaterThan(path.createdDay);
        expect(path.stages.find((s) => s.day === revision.day)?.index).toBeGreaterThanOrEqual(6);
      }
    }
  });

  it('lets lost deals stall: their stages last longer', () => {
    const firstStage = (won: boolean) => {
      const days = paths.filter((p) => p.won === won && p.stages.length > 1).map((p) => p.stages[1]!.day - p.stages[0]!.day);
      return days.sort((a, b) => a - b)[Math.floor(days.length / 2)] as number;
    };
    expect(firstStage(false)).toBeGreaterThan(firstStage(true));
  });
});

describe('truthLogOddsAt', () => {
  /** Created on day 100 in stage 0; stage 1 entered on day 110; a push on day 120; closes on day 150. */
  const path: DealPath = {
    createdDay: 100,
    closeDay: 150,
    won: true,
    stages: [
      { index: 0, day: 100 },
      { index: 1, day: 110 },
    ],
    medians: [8, 20],
    closeDates: [
      { day: 100, value: 115 },
      { day: 116, value: 140 },
    ],
    amounts: [],
    evidence: [
      { day: 110, kind: 'length', logLr: 0.4 },
      { day: 110, kind: 'exit', logLr: 0.3 },
      { day: 116, kind: 'push', logLr: -0.2 },
      { day: 150, kind: 'length', logLr: 9 },
    ],
  };

  it('adds the steps seen by the day to the prior, and nothing recorded after it', () => {
    const atCreation = truthLogOddsAt(path, -1, 100) as number;
    const before = truthLogOddsAt(path, -1, 109) as number;
    const entered = truthLogOddsAt(path, -1, 110) as number;
    const pushed = truthLogOddsAt(path, -1, 116) as number;
    expect(atCreation).toBe(-1); // nothing seen yet, and the stage has lasted no day
    expect(entered).toBeCloseTo(-1 + 0.4 + 0.3, 12); // the new stage has lasted no day either
    expect(pushed - truthLogOddsAt(path, -1, 115)!).toBeLessThan(-0.2 + 1e-9); // the push, and a day more in the stage
    // Nine days in the first stage (median 8 for a win, 12 for a loss): lasting is a sign of a stall.
    expect(before).toBeLessThan(-1);
    // The closing step (day 150) is never read while the deal is open.
    expect(truthLogOddsAt(path, -1, 149)).toBeLessThan(0);
  });

  it('is null before the deal was created and from the day it closed', () => {
    expect(truthLogOddsAt(path, 0, 99)).toBeNull();
    expect(truthLogOddsAt(path, 0, 150)).toBeNull();
  });

  it('does not change when the record after the day changes', () => {
    const day = 112;
    const cut: DealPath = { ...path, evidence: path.evidence.filter((e) => e.day <= day).concat({ day: 130, kind: 'exit', logLr: -7 }) };
    expect(truthLogOddsAt(cut, 0.5, day)).toBe(truthLogOddsAt(path, 0.5, day));
  });
});

describe('the truth of a generated org, as of past days', () => {
  const org = generateSandbox({ seed: 5, opportunities: 8000 });
  // Every deal open on a day, closed since or still open (the generator knows how those end),
  // so that no deal is left out for how long it runs.
  const deals = org.opportunities.map((o) =>
    o.isClosed ? o : { ...o, isWon: org.truth.openOutcomes[o.id]!.isWon, closeDate: org.truth.openOutcomes[o.id]!.closeDate },
  );

  it('is calibrated: of the deals given p on a day, a share p was won (pooled over 12 days, 10 bins)', () => {
    const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, won: 0 }));
    for (let k = 1; k <= 12; k++) {
      const day = addDays(org.asOf, -60 * k);
      for (const o of deals) {
        if (!((o.createdDate as string) <= day && day < (o.closeDate as string))) continue;
        const p = truthAt(org.truth.paths[o.id]!, org.truth.winProbability[o.id]!, day) as number;
        const bin = bins[Math.min(9, Math.floor(p * 10))]!;
        bin.n++;
        bin.p += p;
        bin.won += o.isWon ? 1 : 0;
      }
    }
    for (const bin of bins) {
      const expected = bin.p / bin.n;
      // Deals recur from day to day, so the bins are not independent: four standard errors.
      expect(Math.abs(bin.won / bin.n - expected), `bin at ${expected.toFixed(2)} of ${bin.n}`).toBeLessThan(
        4 * Math.sqrt((expected * (1 - expected)) / bin.n) + 0.01,
      );
    }
    expect(bins.every((b) => b.n > 200)).toBe(true);
  });

  it('is the prior on the day a deal is created, and moves away from it as the path unfolds', () => {
    let moved = 0;
    for (const o of org.opportunities.slice(0, 500)) {
      const path = org.truth.paths[o.id]!;
      const prior = org.truth.winProbability[o.id]!;
      expect(truthAt(path, prior, o.createdDate as string)).toBeCloseTo(prior, 12);
      const later = truthAt(path, prior, addDays(o.createdDate as string, Math.floor((path.closeDay - dayOf(o.createdDate as string)) / 2)));
      if (later !== null && Math.abs(later - prior) > 0.1) moved++;
    }
    expect(moved).toBeGreaterThan(200);
  });
});
