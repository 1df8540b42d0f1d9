import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { rocAuc } from '../../lib/engine/metrics';
import { Random } from '../../lib/seeded/random';
import { checkSufficiency, InsufficientDataError, MIN_LOSSES, MIN_WINS } from '../../lib/engine/sufficiency';
import { WinModel } from '../../lib/engine/win';
import { drivenDeals, loadSalvirt, opp, salvirtAvailable } from './helpers';

describe('checkSufficiency', () => {
  it('asks for 20 won and 20 lost deals', () => {
    expect([MIN_WINS, MIN_LOSSES]).toEqual([20, 20]);
  });

  it('says how many more wins are needed', () => {
    expect(checkSufficiency(12, 25)).toEqual({
      enough: false,
      wins: 12,
      losses: 25,
      winsNeeded: 8,
      lossesNeeded: 0,
      message: 'Not enough closed deals to predict wins yet: 12 won and 25 lost so far; 8 more won deals needed (at least 20 of each).',
    });
  });

  it('says how many more losses are needed', () => {
    expect(checkSufficiency(40, 3).message).toBe(
      'Not enough closed deals to predict wins yet: 40 won and 3 lost so far; 17 more lost deals needed (at least 20 of each).',
    );
  });

  it('names both shortfalls, in the singular where it is one', () => {
    expect(checkSufficiency(19, 19).message).toBe(
      'Not enough closed deals to predict wins yet: 19 won and 19 lost so far; 1 more won deal and 1 more lost deal needed (at least 20 of each).',
    );
    const none = checkSufficiency(0, 0);
    expect([none.winsNeeded, none.lossesNeeded]).toEqual([20, 20]);
    expect(none.message).toBe(
      'Not enough closed deals to predict wins yet: 0 won and 0 lost so far; 20 more won deals and 20 more lost deals needed (at least 20 of each).',
    );
  });

  it('says so when there is enough', () => {
    expect(checkSufficiency(20, 20)).toEqual({
      enough: true,
      wins: 20,
      losses: 20,
      winsNeeded: 0,
      lossesNeeded: 0,
      message: 'Enough closed deals to train: 20 won and 20 lost.',
    });
    expect(checkSufficiency(500, 21).enough).toBe(true);
  });
});

describe('WinModel.train below the minimum', () => {
  it('throws InsufficientDataError carrying the numbers instead of training', () => {
    const deals: Opportunity[] = [
      ...Array.from({ length: 12 }, (_, i) => opp(`w${i}`, true, { attributes: { tier: i % 2 ? 'a' : 'b' } })),
      ...Array.from({ length: 25 }, (_, i) => opp(`l${i}`, false, { attributes: { tier: i % 2 ? 'a' : 'b' } })),
    ];
    let error: unknown;
    try {
      WinModel.train(deals);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InsufficientDataError);
    expect(error).toBeInstanceOf(Error);
    const insufficient = error as InsufficientDataError;
    expect(insufficient.name).toBe('InsufficientDataError');
    expect(insufficient.message).toBe('Not enough closed deals to predict wins yet: 12 won and 25 lost so far; 8 more won deals needed (at least 20 of each).');
    expect(insufficient.sufficiency).toMatchObject({ enough: false, winsNeeded: 8, lossesNeeded: 0 });
  });

  it('trains at exactly 20 and 20', () => {
    const closed = drivenDeals(200, 3);
    const wins = closed.filter((o) => o.isWon).slice(0, 20);
    const losses = closed.filter((o) => !o.isWon).slice(0, 20);
    expect(() => WinModel.train([...wins, ...losses], { trees: 20 })).not.toThrow();
    expect(() => WinModel.train([...wins, ...losses.slice(1)], { trees: 20 })).toThrow(InsufficientDataError);
  });
});

describe.skipIf(!salvirtAvailable())('the minimum-data rule on real deals (Salvirt B2B)', () => {
  it('ranks held-out deals well above chance when trained on 20 wins + 20 losses', () => {
    // Backs MIN_WINS = MIN_LOSSES = 20 (lib/engine/sufficiency.ts): 20 random draws of
    // 20 won + 20 lost deals, each model tested on the other 408 deals.
    // Measured: mean AUC 0.778 over the 20 draws (min 0.50, 6th lowest 0.77, max 0.83).
    // The 0.50 is draw 15: its out-of-bag AUC is 0.40, so the calibration falls back to the
    // base rate and scores every deal alike; the forest itself ranks those deals at 0.78,
    // and without the fallback the mean would be 0.79.
    const deals = loadSalvirt();
    const wins = deals.filter((o) => o.isWon);
    const losses = deals.filter((o) => !o.isWon);
    const aucs: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const random = new Random(seed);
      const w = random.shuffle([...wins]);
      const l = random.shuffle([...losses]);
      const model = WinModel.train([...w.slice(0, 20), ...l.slice(0, 20)]);
      const test = [...w.slice(20), ...l.slice(20)];
      aucs.push(
        rocAuc(
          test.map((o) => (o.isWon ? 1 : 0)),
          model.predict(test),
        ),
      );
    }
    const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    const sorted = [...aucs].sort((a, b) => a - b);
    expect(mean).toBeGreaterThanOrEqual(0.74);
    // Most draws are good models, not a few lucky ones.
    expect(sorted[5]).toBeGreaterThanOrEqual(0.74);
  });
});
