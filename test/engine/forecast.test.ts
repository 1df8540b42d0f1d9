import { describe, expect, it } from 'vitest';
import { addDays, type Opportunity } from '../../lib/crm/opportunity';
import { ForecastModel, MIN_FORECAST_WINS, type ForecastModelJSON } from '../../lib/engine/forecast';
import { opp, type OppInit } from './helpers';

/**
 * Won deals in three segments with known days open: A took 1..40 days, B 41..80, C 100,
 * 105, …, 295 (see forecast-forest.test.ts: the segment alone separates them, so each
 * deal's distribution is its segment's exactly). No amounts: the amount part is absent.
 */
const SEGMENT_DAYS: Record<string, number[]> = {
  A: Array.from({ length: 40 }, (_, i) => i + 1),
  B: Array.from({ length: 40 }, (_, i) => i + 41),
  C: Array.from({ length: 40 }, (_, i) => 100 + 5 * i),
};
const dated: Opportunity[] = Object.entries(SEGMENT_DAYS).flatMap(([segment, days]) =>
  days.map((d, i) => {
    const created = addDays('2023-01-02', i * 3);
    return opp(`${segment}${i}`, true, { createdDate: created, closeDate: addDays(created, d), attributes: { segment } });
  }),
);
const lost = Array.from({ length: 20 }, (_, i) => opp(`L${i}`, false, { createdDate: '2023-02-01', closeDate: '2023-02-03', attributes: { segment: 'A' } }));
const model = ForecastModel.train([...dated, ...lost], { trees: 20 });
const ASOF = '2024-07-01';
const open = (id: string, segment: string, createdDate: string, closeDate: string | null, init: OppInit = {}): Opportunity =>
  opp(id, undefined, { createdDate, closeDate, attributes: { segment }, ...init });

describe('ForecastModel: close dates, worked example', () => {
  it('trains the close-date part on the won deals and says why the amount part is missing', () => {
    expect(model.status.closeDate).toEqual({ available: true, deals: 120, reason: null });
    expect(model.status.amount).toEqual({
      available: false,
      deals: 0,
      reason: `0 won deals have an amount; the amount forecast needs at least ${MIN_FORECAST_WINS}.`,
    });
    expect(model.notes).toEqual([`no amount forecast: 0 won deals have an amount; the amount forecast needs at least ${MIN_FORECAST_WINS}.`]);
  });

  it('forecasts a closed deal from its creation: its segment’s P10/P50/P90', () => {
    const [a, c] = model.predict(
      [
        opp('x', true, { createdDate: '2024-01-10', closeDate: '2024-01-20', attributes: { segment: 'A' } }),
        opp('y', false, { createdDate: '2024-01-10', closeDate: null, attributes: { segment: 'C' } }),
      ],
      ASOF,
    );
    expect(a).toEqual({
      id: 'x',
      closeDate: {
        p10: '2024-01-14',
        p50: '2024-01-30',
        p90: '2024-02-15',
        daysOpen: { p10: 4, p50: 20, p90: 36 },
        crmCloseDate: '2024-01-20',
        slip: false,
        slipDays: 10,
        basis: 'forest',
      },
      amount: null,
    });
    expect(c?.closeDate?.daysOpen).toEqual({ p10: 115, p50: 195, p90: 275 });
    expect(c?.closeDate?.crmCloseDate).toBeNull();
    expect(c?.closeDate?.slipDays).toBeNull();
  });

  it('conditions an open deal on the days it has been open, and flags CRM close dates before the range', () => {
    // Segment A, open 30 days on 2024-07-01: days 31..40 remain → P10 31, P50 35, P90 39.
    const created = '2024-06-01';
    const forecasts = model.predict(
      [
        open('past', 'A', created, '2024-06-25'), // already passed: slips
        open('today', 'A', created, '2024-07-01'), // today, but before P10 (2024-07-02): slips
        open('inside', 'A', created, '2024-07-08'), // inside the range
        open('late', 'A', created, '2024-08-01'), // after P90
      ],
      ASOF,
    );
    for (const f of forecasts) {
      expect(f.closeDate).toMatchObject({ p10: '2024-07-02', p50: '2024-07-06', p90: '2024-07-10', daysOpen: { p10: 31, p50: 35, p90: 39 }, basis: 'forest' });
    }
    expect(forecasts.map((f) => [f.id, f.closeDate?.slip, f.closeDate?.slipDays])).toEqual([
      ['past', true, 11],
      ['today', true, 5],
      ['inside', false, -2],
      ['late', false, -26],
    ]);
  });

  it('falls back to all won deals when the deal has outlived its look-alikes', () => {
    // A, open 39 days: only day 40 of A is left (2.5% < 5%). Of all 120 won deals, the 81
    // that took more than 39 days: the 48th, 80th and 112th of all → 48, 80 and 255.
    const [f] = model.predict([open('old', 'A', '2024-05-23', null)], ASOF);
    expect(f?.closeDate).toMatchObject({ daysOpen: { p10: 48, p50: 80, p90: 255 }, basis: 'all-wins', p50: addDays('2024-05-23', 80) });
  });

  it('says a deal older than nearly every won deal is overdue, with the slowest deals’ residual days', () => {
    // Open 400 days, beyond all 120 won deals. The pooled P90 is 235 days; the 12 deals
    // beyond it took 5..60 more days: P10/P50/P90 of that excess are 10.5, 32.5, 54.5 → 11, 33, 55.
    const created = addDays(ASOF, -400);
    const [f] = model.predict([open('stale', 'B', created, addDays(ASOF, -100))], ASOF);
    expect(f?.closeDate).toEqual({
      p10: addDays(ASOF, 11),
      p50: addDays(ASOF, 33),
      p90: addDays(ASOF, 55),
      daysOpen: { p10: 411, p50: 433, p90: 455 },
      crmCloseDate: addDays(ASOF, -100),
      slip: true,
      slipDays: 133,
      basis: 'overdue',
    });
  });

  it('has no close date for a deal without a created date', () => {
    const [f] = model.predict([opp('nodate', undefined, { attributes: { segment: 'A' } })], ASOF);
    expect(f).toEqual({ id: 'nodate', closeDate: null, amount: null });
  });

  it('round-trips through JSON with identical forecasts', () => {
    const deals = [
      open('o1', 'A', '2024-06-01', '2024-06-20'),
      open('o2', 'C', '2023-11-01', null),
      opp('c1', true, { createdDate: '2024-01-01', closeDate: '2024-03-01', attributes: { segment: 'B' } }),
    ];
    const json = JSON.parse(JSON.stringify(model.toJSON())) as ForecastModelJSON;
    const loaded = ForecastModel.load(json);
    expect(loaded.predict(deals, ASOF)).toEqual(model.predict(deals, ASOF));
    expect(loaded.status).toEqual(model.status);
    expect(loaded.predict([], ASOF)).toEqual([]);
    expect(loaded.notes).toEqual(model.notes);
  });
});

describe('ForecastModel: amounts, worked example', () => {
  // Won deals in euros: segment S at 100, 200, …, 4,000; segment T at 10,000 … 49,000.
  const priced = [
    ...Array.from({ length: 40 }, (_, i) => opp(`S${i}`, true, { amount: 100 * (i + 1), currency: 'EUR', attributes: { segment: 'S' } })),
    ...Array.from({ length: 40 }, (_, i) => opp(`T${i}`, true, { amount: 1000 * (i + 10), currency: 'EUR', attributes: { segment: 'T' } })),
    // Another currency and a zero amount are left out.
    ...Array.from({ length: 5 }, (_, i) => opp(`U${i}`, true, { amount: 999, currency: 'USD', attributes: { segment: 'S' } })),
    opp('zero', true, { amount: 0, currency: 'EUR', attributes: { segment: 'S' } }),
  ];
  const amounts = ForecastModel.train(priced, { trees: 20 });

  it('trains on won deals with a positive amount in the main currency, and says what it left out', () => {
    expect(amounts.status.amount).toEqual({ available: true, deals: 80, reason: null });
    expect(amounts.status.closeDate.available).toBe(false);
    expect(amounts.json.currency).toBe('EUR');
    expect(amounts.notes).toContain('5 won deals in currencies other than EUR left out of the amount forecast.');
  });

  it('gives the segment’s P10/P50/P90 and the CRM amount’s difference from the P50', () => {
    const [s, t, usd, none] = amounts.predict(
      [
        opp('s', undefined, { amount: 2500, currency: 'EUR', attributes: { segment: 'S' } }),
        opp('t', undefined, { amount: 14_500, currency: null, attributes: { segment: 'T' } }),
        opp('usd', undefined, { amount: 2500, currency: 'USD', attributes: { segment: 'S' } }),
        opp('none', undefined, { amount: null, attributes: { segment: 'S' } }),
      ],
      ASOF,
    );
    // S: the 4th, 20th and 36th of 100..4,000. (2,500 − 2,000) / 2,000 = 0.25.
    expect(s?.amount).toEqual({ p10: 400, p50: 2000, p90: 3600, crmAmount: 2500, currency: 'EUR', difference: 0.25 });
    // T: 13,000, 29,000, 45,000; a CRM amount without a currency is read as the org's.
    expect(t?.amount).toEqual({ p10: 13_000, p50: 29_000, p90: 45_000, crmAmount: 14_500, currency: 'EUR', difference: -0.5 });
    // In another currency: the range stands (in euros), the difference does not.
    expect(usd?.amount).toMatchObject({ p50: 2000, crmAmount: 2500, currency: 'EUR', difference: null });
    expect(none?.amount).toMatchObject({ p50: 2000, crmAmount: null, difference: null });
    expect(s?.closeDate).toBeNull();
  });

  it('never reads the amount it predicts', () => {
    const low = amounts.predict([opp('a', undefined, { amount: 1, attributes: { segment: 'T' } })], ASOF)[0]?.amount;
    const high = amounts.predict([opp('b', undefined, { amount: 1e9, attributes: { segment: 'T' } })], ASOF)[0]?.amount;
    expect(low?.p50).toBe(high?.p50);
    expect(amounts.amountModel?.json.encoder.features.map((f) => f.key)).toEqual(['attr:segment']);
  });
});

describe('ForecastModel: minimum data and validation', () => {
  // Ten deals of each segment, and one fewer.
  const thirty = dated.filter((_, i) => i % 40 < 10);

  it('leaves a part out below 30 won deals, and says so', () => {
    const small = ForecastModel.train(thirty.slice(1));
    expect(small.status.closeDate).toEqual({
      available: false,
      deals: 29,
      reason: '29 won deals have both a created and a close date; the close-date forecast needs at least 30.',
    });
    expect(small.predict([open('o', 'A', '2024-06-01', null)], ASOF)).toEqual([{ id: 'o', closeDate: null, amount: null }]);
    expect(ForecastModel.train(thirty).status.closeDate).toEqual({ available: true, deals: 30, reason: null });
  });

  it('leaves a part out when no field describes the deals', () => {
    const bare = ForecastModel.train(dated.filter((o) => o.attributes.segment === 'A'));
    expect(bare.status.closeDate).toEqual({
      available: false,
      deals: 40,
      reason: 'no field besides the dates and the amount can describe a deal (every candidate was empty, constant or excluded).',
    });
  });

  it('counts only won deals with both dates in order', () => {
    const broken = [
      ...dated.slice(0, 30),
      opp('rev', true, { createdDate: '2024-02-01', closeDate: '2024-01-01', attributes: { segment: 'A' } }),
      opp('nodate', true, { attributes: { segment: 'A' } }),
    ];
    const m = ForecastModel.train(broken);
    expect(m.status.closeDate.deals).toBe(30);
    expect(m.notes).toContain('1 won deal with a close date before the created date left out of the close-date forecast.');
  });

  it('trains as of a day: later closes are left out', () => {
    const m = ForecastModel.train(dated, { asOf: '2023-06-30', trees: 5 });
    const kept = dated.filter((o) => (o.closeDate as string) <= '2023-06-30').length;
    expect(m.status.closeDate.deals).toBe(kept);
    expect(m.notes).toContain(`${120 - kept} won deals closed after 2023-06-30 (or without a close date) left out.`);
  });

  it('reports progress over both forests', () => {
    const calls: Array<[number, number]> = [];
    const both = [...dated.map((o, i) => ({ ...o, amount: 100 + i }))];
    ForecastModel.train(both, { trees: 4, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((d) => [d, 8]));
  });

  it('rejects bad input with a message that names the record or field', () => {
    expect(() => ForecastModel.train([...dated, opp('open1', undefined)])).toThrow(
      'ForecastModel.train: opportunity open1 is open; train on closed deals only',
    );
    expect(() => ForecastModel.train(dated, { trees: 0 })).toThrow('ForecastModel.train: trees must be a positive integer, got 0');
    expect(() => ForecastModel.train(dated, { asOf: '2024-02-30' })).toThrow('ForecastModel.train: asOf must be a calendar date YYYY-MM-DD, got "2024-02-30"');
    expect(() => ForecastModel.train([opp('bad', true, { createdDate: '01/02/2024' })])).toThrow('createdDate of opportunity bad must be a calendar date');
    expect(() => model.predict([], '2024-7-1')).toThrow('ForecastModel.predict: asOf must be a calendar date YYYY-MM-DD, got "2024-7-1"');
    expect(() => model.predict([open('o9', 'A', '2024-06-01', '2024-06-31')], ASOF)).toThrow('closeDate of opportunity o9 must be a calendar date');
    expect(() => ForecastModel.load({ format: 'dealsight-win-model' } as unknown as ForecastModelJSON)).toThrow(
      'ForecastModel.load: not a saved Dealsight forecast model',
    );
    expect(() => ForecastModel.load({ ...model.toJSON(), version: 2 } as unknown as ForecastModelJSON)).toThrow('ForecastModel.load: unsupported version 2');
  });
});
