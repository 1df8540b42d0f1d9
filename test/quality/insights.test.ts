import { describe, expect, it } from 'vitest';
import { breakdown, mainCurrency, personaWinRates, scoreHistogram } from '../../lib/pipeline/insights';
import type { PersonaRecord } from '../../lib/store/schema';
import { row } from '../pipeline/fixtures';
import { persona } from '../store/helpers';

const rows = [
  row({ id: 'a', type: 'renewal', territory: 'EMEA', personaId: 'p1', personaName: 'Ada', amount: 1000, winPotential: 0.5 }),
  row({ id: 'b', type: 'renewal', territory: 'EMEA', personaId: 'p1', personaName: 'Ada', amount: 3000, winPotential: 0.25 }),
  row({ id: 'c', type: 'new customer', territory: 'APAC', personaId: 'p2', personaName: 'Bo', amount: 500, currency: 'EUR', winPotential: 0.75 }),
  row({ id: 'd', type: null, territory: 'APAC', personaId: 'p2', personaName: 'Bo', amount: null, winPotential: null }),
  row({ id: 'e', type: 'upsell', territory: null, amount: 2000, winPotential: 1 }),
];

describe('breakdown', () => {
  it('groups the open deals, sums amounts in the main currency and averages Win Potential over the scored ones', () => {
    expect(mainCurrency(rows)).toBe('USD');
    expect(breakdown(rows, 'persona')).toEqual({
      field: 'persona',
      currency: 'USD',
      groups: [
        { key: 'p1', label: 'Ada', deals: 2, amount: 4000, otherCurrency: 0, meanWin: 0.375, expected: 1000 * 0.5 + 3000 * 0.25 },
        // Bo's EUR deal is counted but kept out of the USD sum; the unscored deal out of the mean.
        { key: 'p2', label: 'Bo', deals: 2, amount: 0, otherCurrency: 1, meanWin: 0.75, expected: 0 },
        { key: null, label: null, deals: 1, amount: 2000, otherCurrency: 0, meanWin: 1, expected: 2000 },
      ],
    });
  });

  it('orders by deals, then amount, then name, with deals lacking the value last', () => {
    expect(breakdown(rows, 'type').groups.map((g) => [g.key, g.deals, g.amount])).toEqual([
      ['renewal', 2, 4000],
      ['upsell', 1, 2000],
      ['new customer', 1, 0],
      [null, 1, 0],
    ]);
    expect(breakdown(rows, 'territory').groups.map((g) => g.key)).toEqual(['EMEA', 'APAC', null]);
  });

  it('has no currency without amounts', () => {
    expect(breakdown([row({ id: 'x' })], 'type')).toMatchObject({ currency: null, groups: [{ key: null, deals: 1, amount: 0, meanWin: null }] });
  });
});

describe('scoreHistogram', () => {
  it('counts Win Potential in tenths, 1 in the last bin, unscored deals apart', () => {
    const histogram = scoreHistogram(rows);
    expect(histogram.bins.map((b) => b.count)).toEqual([0, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    expect(histogram.bins[2]).toEqual({ from: 0.2, to: 0.3, count: 1 });
    expect([histogram.scored, histogram.unscored]).toEqual([4, 1]);
    expect(scoreHistogram(rows, 2).bins.map((b) => b.count)).toEqual([1, 3]);
    expect(() => scoreHistogram(rows, 0)).toThrow('scoreHistogram: bins must be a positive integer, got 0');
  });
});

describe('personaWinRates', () => {
  it('lists the org personas, best win rate first, with their open deals', () => {
    const withRate = (id: string, winRate: number | null, closed: number): PersonaRecord => {
      const record = persona('c1', id);
      return { ...record, persona: { ...record.persona, name: `P ${id}`, winRate, alignedClosed: closed } };
    };
    const team = { ...withRate('t1', 0.99, 5), level: 'team' as const, team: 'Ann' };
    const rates = personaWinRates([withRate('p1', 0.4, 20), withRate('p2', 0.7, 10), withRate('p3', null, 0), team], rows);
    expect(rates).toEqual([
      { id: 'p2', name: 'P p2', winRate: 0.7, closed: 10, size: 12, open: 2 },
      { id: 'p1', name: 'P p1', winRate: 0.4, closed: 20, size: 12, open: 2 },
      { id: 'p3', name: 'P p3', winRate: null, closed: 0, size: 12, open: 0 },
    ]);
  });
});
