import { describe, expect, it } from 'vitest';
import { daysBetween, type AttributeValue, type Opportunity } from '../../lib/crm/opportunity';
import { readFeature, type EncoderSpec, type FeatureSpec } from '../../lib/engine/encode';
import { Random } from '../../lib/seeded/random';
import { rankScore, recencyWeight, SimilarIndex, type SimilarDeal, type SimilarIndexJSON, type SimilarResult } from '../../lib/engine/similar';
import { generateSandbox } from '../../lib/sandbox/generate';
import { opp, type OppInit } from './helpers';

const INDUSTRY: FeatureSpec = {
  key: 'attr:industry',
  label: 'Industry',
  source: { attribute: 'industry' },
  kind: 'categorical',
  levels: ['Banking', 'Retail', 'Healthcare'],
};
const COUNTRY: FeatureSpec = { key: 'attr:country', label: 'Country', source: { attribute: 'country' }, kind: 'categorical', levels: ['US', 'DE'] };
const EMPLOYEES: FeatureSpec = { key: 'attr:employees', label: 'Employees', source: { attribute: 'employees' }, kind: 'numeric' };
const SPEC: EncoderSpec = { features: [INDUSTRY, COUNTRY, EMPLOYEES] };

const DAY = '2024-06-30';
function deal(id: string, won: boolean, industry: string | null, country: string | null, employees: number | null, init: OppInit = {}): Opportunity {
  return opp(id, won, { name: `Deal ${id}`, closeDate: DAY, ...init, attributes: { industry, country, employees } });
}

/**
 * Eight closed deals. Employees on a log scale: log10 values 1, 1, 2, 3, 3, 4, 5, 5, so the
 * 5th and 95th percentiles are 1 and 5 and R = 4 decades: one decade apart is s = 0.75.
 * Against the query (Banking, US, 1,000 employees), with equal weights:
 */
const CLOSED: Opportunity[] = [
  deal('w1', true, 'Banking', 'US', 1000), //     1 + 1 + 1          → 3/3
  deal('w2', true, 'Banking', 'DE', 100), //      1 + 0 + 0.75       → 1.75/3
  deal('w3', true, 'Retail', 'US', 10000), //     0 + 1 + 0.75       → 1.75/3 (ties w2)
  deal('w4', true, 'Healthcare', 'DE', 10), //    0 + 0 + 0.5        → 0.5/3
  deal('l1', false, 'Banking', 'US', 100000), //  1 + 1 + 0.5        → 2.5/3
  deal('l2', false, 'Retail', 'DE', 1000), //     0 + 0 + 1          → 1/3
  deal('l3', false, 'Banking', null, 10), //      1 + ? + 0.5        → 1.5/2 (country unknown)
  deal('l4', false, null, null, 100000), //       ? + ? + 0.5        → compares 1/3 of the weight: left out
];
const QUERY = opp('q', undefined, { name: 'Open deal', attributes: { industry: 'Banking', country: 'US', employees: 1000 } });

const ids = (deals: SimilarDeal[]): string[] => deals.map((d) => d.id);
const sims = (deals: SimilarDeal[]): number[] => deals.map((d) => d.similarity);

describe('SimilarIndex on a worked example', () => {
  const index = SimilarIndex.build(CLOSED, { spec: SPEC });
  const result = index.find(QUERY);

  it('lists the nearest wins and losses apart, with Gower similarities computed by hand', () => {
    expect(ids(result.wins)).toEqual(['w1', 'w2', 'w3']);
    expect(ids(result.losses)).toEqual(['l1', 'l3', 'l2']);
    const expected = [1, 1.75 / 3, 1.75 / 3, 2.5 / 3, 1.5 / 2, 1 / 3];
    [...sims(result.wins), ...sims(result.losses)].forEach((s, i) => expect(s).toBeCloseTo(expected[i] as number, 12));
  });

  it('scores by similarity alone when every deal closed on the as-of day (recency 1)', () => {
    expect(index.asOf).toBe(DAY);
    for (const d of [...result.wins, ...result.losses]) {
      expect(d.recency).toBe(1);
      expect(d.score).toBe(d.similarity);
    }
  });

  it('breaks ties by the later close, then the smaller id', () => {
    // w2 and w3 tie at 1.75/3 and closed the same day: id order.
    expect(ids(result.wins).slice(1)).toEqual(['w2', 'w3']);
    // On different days they tie only when recency is flat: a half-life so long that 2^(−days/half-life) is exactly 1.
    const later = CLOSED.map((o) => (o.id === 'w3' ? { ...o, closeDate: '2024-06-29' } : o.id === 'w2' ? { ...o, closeDate: '2024-06-28' } : o));
    const flat = SimilarIndex.build(later, { spec: SPEC, halfLifeDays: 1e300 }).find(QUERY);
    expect(ids(flat.wins)).toEqual(['w1', 'w3', 'w2']);
    expect(flat.wins[1]?.score).toBe(flat.wins[2]?.score);
  });

  it('reads what each deal shares (on equal weights the rarer value first) and what differs (in spec order)', () => {
    const [w1, w2] = result.wins;
    // Of the 8 closed deals, 2 have 201–1,000 employees, 3 are in the US, 4 in Banking.
    expect(w1?.shared).toEqual([
      { key: 'attr:employees', label: 'Employees', value: '201–1,000' },
      { key: 'attr:country', label: 'Country', value: 'US' },
      { key: 'attr:industry', label: 'Industry', value: 'Banking' },
    ]);
    expect(w1?.different).toEqual([]);
    expect(w2?.shared).toEqual([{ key: 'attr:industry', label: 'Industry', value: 'Banking' }]);
    expect(w2?.different).toEqual([
      { key: 'attr:country', label: 'Country', value: 'US', theirs: 'DE' },
      { key: 'attr:employees', label: 'Employees', value: '1,000', theirs: '100' },
    ]);
  });

  it('leaves a value missing on either side out of shared, different and the similarity', () => {
    const l3 = result.losses.find((d) => d.id === 'l3');
    expect(l3?.shared).toEqual([{ key: 'attr:industry', label: 'Industry', value: 'Banking' }]);
    expect(l3?.different).toEqual([{ key: 'attr:employees', label: 'Employees', value: '1,000', theirs: '10' }]);
    // A query without a country compares on industry and employees only: w2 is then 1.75/2.
    const noCountry = opp('q2', undefined, { attributes: { industry: 'Banking', employees: 1000 } });
    const found = index.find(noCountry);
    expect(found.wins.find((d) => d.id === 'w2')?.similarity).toBeCloseTo(1.75 / 2, 12);
    expect(found.wins[0]?.shared.map((s) => s.key)).toEqual(['attr:employees', 'attr:industry']);
  });

  it("needs the compared features to carry half the query's filled weight (minOverlap)", () => {
    // l4 shares only employees with the query (1/3 of its weight): left out by default, listed at minOverlap 1/3.
    expect(ids(result.losses)).not.toContain('l4');
    const loose = index.find(QUERY, { k: 10, minOverlap: 1 / 3 });
    expect(loose.losses.find((d) => d.id === 'l4')?.similarity).toBeCloseTo(0.5, 12);
    // minOverlap 1 keeps only deals with everything the query has.
    expect(ids(index.find(QUERY, { k: 10, minOverlap: 1 }).losses)).toEqual(['l1', 'l2']);
  });

  it('lists every other deal with something in common when k is large, and never one with nothing', () => {
    const all = index.find(QUERY, { k: 10 });
    expect(ids(all.wins)).toEqual(['w1', 'w2', 'w3', 'w4']);
    expect(ids(all.losses)).toEqual(['l1', 'l3', 'l2']);
    const stranger = opp('q3', undefined, { attributes: { industry: 'Retail', country: 'DE' } });
    // w1 shares nothing with it (similarity 0): not listed. The others tie at 1/2, by id.
    expect(ids(index.find(stranger, { k: 10 }).wins)).toEqual(['w2', 'w3', 'w4']);
  });

  it('reads a value no closed deal has as different ("rare", as describeValue says)', () => {
    const mining = opp('q4', undefined, { attributes: { industry: 'Mining', country: 'US', employees: 1000 } });
    const w1 = index.find(mining).wins[0];
    expect(w1?.id).toBe('w1');
    expect(w1?.similarity).toBeCloseTo(2 / 3, 12);
    expect(w1?.different).toEqual([{ key: 'attr:industry', label: 'Industry', value: 'Mining (rare)', theirs: 'Banking' }]);
  });

  it('never lists the deal itself, and leaves out excludeIds', () => {
    const asClosed = { ...(CLOSED[0] as Opportunity) };
    const found = index.find(asClosed);
    expect(ids(found.wins)).toEqual(['w2', 'w3', 'w4']);
    expect(ids(index.find(QUERY, { excludeIds: new Set(['w1', 'l1']) }).wins)).toEqual(['w2', 'w3', 'w4']);
    expect(ids(index.find(QUERY, { excludeIds: new Set(['w1', 'l1']) }).losses)).toEqual(['l3', 'l2']);
  });

  it('returns the deal and its facts as plain data', () => {
    const withFacts = CLOSED.map((o) =>
      o.id === 'w1' ? { ...o, amount: 12000, currency: 'EUR', owner: { id: 'u1', name: 'Ana Medina' }, account: { id: 'a1', name: 'Acme' } } : o,
    );
    const w1 = SimilarIndex.build(withFacts, { spec: SPEC }).find(QUERY).wins[0];
    expect(w1).toMatchObject({
      id: 'w1',
      name: 'Deal w1',
      accountName: 'Acme',
      sameAccount: false,
      isWon: true,
      closeDate: DAY,
      amount: 12000,
      currency: 'EUR',
      owner: 'Ana Medina',
    });
    expect(result.losses[0]).toMatchObject({ accountName: null, amount: null, currency: null, owner: null, isWon: false });
  });
});

describe('feature weights', () => {
  it('weigh the similarity and order the lists; unlisted features weigh 0 and are not compared', () => {
    const index = SimilarIndex.build(CLOSED, { spec: SPEC, weights: { 'attr:country': 1, 'attr:industry': 2, 'not-a-feature': 5 } });
    const result = index.find(QUERY, { k: 10 });
    // Industry 2, country 1: w1 3/3, w2 2/3, w3 1/3; w4 shares nothing.
    expect(ids(result.wins)).toEqual(['w1', 'w2', 'w3']);
    expect(sims(result.wins).map((s) => s * 3)).toEqual([3, 2, 1].map((x) => expect.closeTo(x, 12)));
    // l1 3/3; l3 compares industry only (2 of the query's 3) and matches: 2/2, tied with l1, l1 first by id.
    expect(ids(result.losses)).toEqual(['l1', 'l3']);
    expect(result.wins[0]?.shared.map((s) => s.key)).toEqual(['attr:industry', 'attr:country']);
    expect(result.wins[2]?.different).toEqual([{ key: 'attr:industry', label: 'Industry', value: 'Banking', theirs: 'Retail' }]);
  });

  it('reject negative weights and weights that name no feature, naming the key', () => {
    expect(() => SimilarIndex.build(CLOSED, { spec: SPEC, weights: { 'attr:industry': -1 } })).toThrow('weight of attr:industry must be a number ≥ 0, got -1');
    expect(() => SimilarIndex.build(CLOSED, { spec: SPEC, weights: { other: 1 } })).toThrow('every feature weighs 0');
  });
});

describe('recency', () => {
  it('is 2^(−days / half-life) and ranks by similarity × (0.5 + 0.5 × recency)', () => {
    expect(recencyWeight(0, 365)).toBe(1);
    expect(recencyWeight(365, 365)).toBe(0.5);
    expect(recencyWeight(730, 365)).toBe(0.25);
    expect(recencyWeight(-10, 365)).toBe(1);
    expect(rankScore(0.8, 1)).toBe(0.8);
    expect(rankScore(0.8, 0.5)).toBeCloseTo(0.6, 15);
    expect(rankScore(0.8, 0)).toBe(0.4);
  });

  it('puts a recent fair match above an old perfect one', () => {
    // w1 (similarity 1) closed three half-lives (300 days) before the others: 1 × (0.5 + 0.5/8) = 0.5625 < 1.75/3.
    const aged = CLOSED.map((o) => (o.id === 'w1' ? { ...o, closeDate: '2023-09-04' } : o));
    expect(daysBetween('2023-09-04', DAY)).toBe(300);
    const result = SimilarIndex.build(aged, { spec: SPEC, halfLifeDays: 100 }).find(QUERY);
    expect(ids(result.wins)).toEqual(['w2', 'w3', 'w1']);
    const w1 = result.wins[2] as SimilarDeal;
    expect(w1.similarity).toBe(1);
    expect(w1.recency).toBe(0.125);
    expect(w1.score).toBe(0.5625);
    // With the default half-life (365 days) the same age costs less: 0.5 + 0.5 × 2^(−300/365) ≈ 0.78, still first.
    expect(ids(SimilarIndex.build(aged, { spec: SPEC }).find(QUERY).wins)[0]).toBe('w1');
  });

  it('orders equal matches by recency: the later close first', () => {
    const twins = [
      deal('a', true, 'Banking', 'US', 1000, { closeDate: '2024-01-01' }),
      deal('b', true, 'Banking', 'US', 1000, { closeDate: '2024-03-01' }),
      ...CLOSED,
    ];
    const result = SimilarIndex.build(twins, { spec: SPEC }).find(QUERY);
    expect(ids(result.wins)).toEqual(['w1', 'b', 'a']);
    expect(result.wins[1]?.score).toBeGreaterThan(result.wins[2]?.score as number);
  });

  it("measures from find()'s asOf, and leaves out deals closed after it", () => {
    const dated = CLOSED.map((o) => (o.id === 'w1' ? { ...o, closeDate: '2024-07-30' } : o));
    const index = SimilarIndex.build(dated, { spec: SPEC });
    expect(index.asOf).toBe('2024-07-30');
    // Before w1 closed, it is not a similar deal yet.
    const before = index.find(QUERY, { asOf: DAY });
    expect(ids(before.wins)).toEqual(['w2', 'w3', 'w4']);
    expect(before.wins[0]?.recency).toBe(1);
    // A year later, every deal has aged.
    const later = index.find(QUERY, { asOf: '2025-07-30' });
    expect(later.wins[0]?.id).toBe('w1');
    expect(later.wins[0]?.recency).toBe(0.5);
    expect(later.wins[0]?.score).toBe(0.75);
  });

  it('counts a deal without a close date as old as can be (recency 0)', () => {
    const undated = CLOSED.map((o) => (o.id === 'w1' ? { ...o, closeDate: null } : o));
    const w1 = SimilarIndex.build(undated, { spec: SPEC })
      .find(QUERY, { k: 10 })
      .wins.find((d) => d.id === 'w1');
    expect(w1?.recency).toBe(0);
    expect(w1?.score).toBe(0.5);
  });
});

describe('accounts', () => {
  const acme = { id: 'acme', name: 'Acme' };
  const globex = { id: 'globex', name: 'Globex' };
  // Acme's and Globex's deals match the renewal on everything; recency orders them
  // (g1 closed on the as-of day, g2 a day before, a1 29 days, a2 60 days).
  const deals = [
    deal('a1', true, 'Banking', 'US', 1000, { account: acme, closeDate: '2024-06-01' }),
    deal('a2', true, 'Banking', 'US', 1000, { account: acme, closeDate: '2024-05-01' }),
    deal('g1', true, 'Banking', 'US', 1000, { account: globex }),
    deal('g2', true, 'Banking', 'US', 1000, { account: globex, closeDate: '2024-06-29' }),
    deal('x1', true, 'Banking', 'DE', 1000),
    deal('x2', true, 'Retail', 'US', 1000),
    deal('l1', false, 'Retail', 'DE', 1000),
  ];
  const index = SimilarIndex.build(deals, { spec: SPEC });
  const renewal = opp('r', undefined, { account: acme, attributes: { industry: 'Banking', country: 'US', employees: 1000 } });

  it("keeps the account's own best earlier deal, marked, and at most one deal per account by default", () => {
    const { wins } = index.find(renewal);
    expect(ids(wins)).toEqual(['g1', 'a1', 'x1']);
    expect(wins.map((d) => d.sameAccount)).toEqual([false, true, false]);
  });

  it('lists more per account with maxPerAccount, none of its own with excludeSameAccount', () => {
    expect(ids(index.find(renewal, { maxPerAccount: 2, k: 4 }).wins)).toEqual(['g1', 'g2', 'a1', 'a2']);
    expect(ids(index.find(renewal, { excludeSameAccount: true }).wins)).toEqual(['g1', 'x1', 'x2']);
  });

  it('treats deals without an account as each their own', () => {
    const noAccount = deals.map((o) => ({ ...o, account: null }));
    expect(ids(SimilarIndex.build(noAccount, { spec: SPEC }).find(renewal, { k: 4 }).wins)).toEqual(['g1', 'g2', 'a1', 'a2']);
  });
});

describe('numeric scales and bands', () => {
  const AMOUNT: FeatureSpec = { key: 'amount', label: 'Amount', source: { field: 'amount' }, kind: 'numeric' };
  const MONTH: FeatureSpec = { key: 'createdMonth', label: 'Created month', source: { field: 'createdMonth' }, kind: 'numeric' };

  it('bands amounts by quintiles rounded to two significant figures, and shows the band when shared', () => {
    // Amounts 1,000..10,000: quintiles 2,800, 4,600, 6,400, 8,200 (linear interpolation).
    const closed = Array.from({ length: 10 }, (_, i) => opp(`c${i}`, i % 2 === 0, { amount: (i + 1) * 1000, closeDate: DAY }));
    const index = SimilarIndex.build(closed, { spec: { features: [AMOUNT] } });
    const saved = index.toJSON().features[0];
    expect(saved).toMatchObject({
      scale: 'log',
      floor: 1,
      edges: [2800, 4600, 6400, 8200],
      bands: ['under 2,800', '2,800–4,600', '4,600–6,400', '6,400–8,200', '8,200+'],
    });
    const found = index.find(opp('q', undefined, { amount: 5000 }), { k: 10 });
    const six = found.wins.concat(found.losses).find((d) => d.id === 'c5');
    const seven = found.wins.concat(found.losses).find((d) => d.id === 'c6');
    expect(six?.shared).toEqual([{ key: 'amount', label: 'Amount', value: '4,600–6,400' }]);
    expect(seven?.different).toEqual([{ key: 'amount', label: 'Amount', value: '5,000', theirs: '7,000' }]);
  });

  it('compares the created month on a circle: December is one month from January', () => {
    const closed = [
      opp('dec', true, { createdDate: '2023-12-05', closeDate: DAY }),
      opp('jul', true, { createdDate: '2023-07-05', closeDate: DAY }),
      opp('mar', true, { createdDate: '2024-03-05', closeDate: DAY }),
      opp('jan', false, { createdDate: '2024-01-20', closeDate: DAY }),
    ];
    const index = SimilarIndex.build(closed, { spec: { features: [MONTH] } });
    const found = index.find(opp('q', undefined, { createdDate: '2024-01-15' }), { k: 10 });
    expect(ids(found.wins)).toEqual(['dec', 'mar']); // July is 6 months away: similarity 0
    expect(sims(found.wins)).toEqual([expect.closeTo(5 / 6, 12), expect.closeTo(4 / 6, 12)]);
    expect(found.wins[0]?.different).toEqual([{ key: 'createdMonth', label: 'Created month', value: 'January', theirs: 'December' }]);
    expect(found.losses[0]?.shared).toEqual([{ key: 'createdMonth', label: 'Created month', value: 'January' }]);
  });

  it('compares a field on a log scale when it is right-skewed, else on its own scale', () => {
    const SEATS: FeatureSpec = { key: 'attr:seats', label: 'Seats', source: { attribute: 'seats' }, kind: 'numeric' };
    const DISCOUNT: FeatureSpec = { key: 'attr:discount', label: 'Discount', source: { attribute: 'discount' }, kind: 'numeric' };
    const seats = [1, 1, 2, 2, 3, 5, 10, 50, 200, 1000];
    const closed = Array.from({ length: 11 }, (_, i) => opp(`c${i}`, true, { closeDate: DAY, attributes: { seats: seats[i] ?? null, discount: i * 3 } }));
    const saved = SimilarIndex.build(closed, { spec: { features: [SEATS, DISCOUNT] } }).toJSON().features;
    // Seats: P90 − P50 = 280 − 4, far more than twice P50 − P10 = 4 − 1. Discount 0, 3, …, 30 is symmetric.
    expect(saved[0]).toMatchObject({ scale: 'log', floor: 1 });
    expect(saved[1]).toMatchObject({ scale: 'linear', range: 27 }); // P95 28.5 − P5 1.5
  });

  it('tells rare values apart although the encoder pools them into "(other)"', () => {
    const closed = [deal('m1', true, 'Mining', 'US', 1000), deal('f1', true, 'Fishing', 'US', 1000, { closeDate: '2024-07-01' }), ...CLOSED];
    const wins = SimilarIndex.build(closed, { spec: SPEC }).find(
      opp('q', undefined, { attributes: { industry: 'Mining', country: 'US', employees: 1000 } }),
    ).wins;
    expect(ids(wins)).toEqual(['m1', 'f1', 'w1']);
    expect(wins[0]?.shared[0]).toEqual({ key: 'attr:industry', label: 'Industry', value: 'Mining (rare)' });
    expect(wins[1]?.different).toEqual([{ key: 'attr:industry', label: 'Industry', value: 'Mining (rare)', theirs: 'Fishing (rare)' }]);
  });

  it('uses head-count bands for employees', () => {
    const index = SimilarIndex.build(CLOSED, { spec: SPEC });
    expect(index.toJSON().features[2]).toMatchObject({
      scale: 'log',
      range: 4,
      bands: ['1–10', '11–50', '51–200', '201–1,000', '1,001–5,000', '5,001–10,000', '10,001+'],
    });
  });
});

describe('serialization and determinism', () => {
  const sandbox = generateSandbox({ seed: 7, opportunities: 600 });
  const closed = sandbox.opportunities.filter((o) => o.isClosed);
  const open = sandbox.opportunities.filter((o) => !o.isClosed).slice(0, 40);

  it('round-trips through JSON: the same index, the same answers', () => {
    const index = SimilarIndex.build(closed);
    const json = JSON.parse(JSON.stringify(index.toJSON())) as SimilarIndexJSON;
    const loaded = SimilarIndex.load(json);
    expect(loaded.toJSON()).toEqual(index.toJSON());
    expect(loaded.size).toBe(closed.length);
    for (const o of open) expect(loaded.find(o)).toEqual(index.find(o));
    // And with the hand-made spec and its missing values.
    const small = SimilarIndex.build(CLOSED, { spec: SPEC });
    expect(SimilarIndex.load(JSON.parse(JSON.stringify(small.toJSON())) as SimilarIndexJSON).find(QUERY, { k: 10, minOverlap: 0 })).toEqual(
      small.find(QUERY, { k: 10, minOverlap: 0 }),
    );
  });

  it('gives the same index and answers whatever the order of the deals', () => {
    const index = SimilarIndex.build(closed);
    const shuffled = SimilarIndex.build(new Random(3).shuffle([...closed]), { spec: index.encoder });
    expect(shuffled.toJSON()).toEqual(index.toJSON());
    for (const o of open) expect(shuffled.find(o)).toEqual(index.find(o));
  });

  it('refuses what it cannot read, saying why', () => {
    const json = SimilarIndex.build(CLOSED, { spec: SPEC }).toJSON();
    expect(() => SimilarIndex.load({ ...json, format: 'x' } as unknown as SimilarIndexJSON)).toThrow('not a saved Dealsight similar-deals index');
    expect(() => SimilarIndex.load({ ...json, version: 2 } as unknown as SimilarIndexJSON)).toThrow('unsupported version 2');
    expect(() => SimilarIndex.load({ ...json, deals: { ...json.deals, names: [] } })).toThrow('deals.names has 0 entries, expected 8');
    const swapped = { ...json, deals: { ...json.deals, ids: [...json.deals.ids].reverse() } };
    expect(() => SimilarIndex.load(swapped)).toThrow('is out of order');
  });
});

describe('input checks', () => {
  it('names the record or option at fault', () => {
    expect(() => SimilarIndex.build([])).toThrow('SimilarIndex.build: no closed opportunities');
    expect(() => SimilarIndex.build([opp('o1', undefined)], { spec: SPEC })).toThrow('opportunity o1 is open');
    expect(() => SimilarIndex.build([...CLOSED, CLOSED[0] as Opportunity], { spec: SPEC })).toThrow('opportunity id w1 appears twice');
    expect(() => SimilarIndex.build([deal('x', true, 'Banking', 'US', 1, { closeDate: '30/06/2024' })], { spec: SPEC })).toThrow(
      'opportunity x closeDate must be a date as YYYY-MM-DD, got "30/06/2024"',
    );
    expect(() => SimilarIndex.build(CLOSED, { spec: SPEC, halfLifeDays: 0 })).toThrow('halfLifeDays must be a positive number, got 0');
    const index = SimilarIndex.build(CLOSED, { spec: SPEC });
    expect(() => index.find(QUERY, { k: 1.5 })).toThrow('k must be a whole number ≥ 0, got 1.5');
    expect(() => index.find(QUERY, { minOverlap: 2 })).toThrow('minOverlap must be within 0..1, got 2');
    expect(() => index.find(QUERY, { asOf: 'today' })).toThrow('asOf must be a date as YYYY-MM-DD, got "today"');
  });

  it('finds nothing for a deal with no compared field filled, or k = 0', () => {
    const index = SimilarIndex.build(CLOSED, { spec: SPEC });
    expect(index.find(opp('empty', undefined))).toEqual({ wins: [], losses: [] });
    expect(index.find(QUERY, { k: 0 })).toEqual({ wins: [], losses: [] });
  });
});

/**
 * The definition, computed the slow way: every closed deal, every feature read from the
 * opportunity, sorted in full; the wins, then the losses. The index's scan, with its
 * bounds and early stops, must give exactly this.
 */
function reference(
  index: SimilarIndex,
  closed: Opportunity[],
  query: Opportunity,
  options: { k: number; asOf: string; maxPerAccount: number; minOverlap: number },
): Array<{ id: string; similarity: number }> {
  const json = index.toJSON();
  const halfLife = json.halfLifeDays;
  const text = (v: AttributeValue): string | null => (v === null || v === '' ? null : typeof v === 'string' ? v.trim() : String(v));
  const num = (v: AttributeValue): number => (typeof v === 'number' ? v : Number.NaN);
  const scored = closed.flatMap((c) => {
    if (c.id === query.id || (c.closeDate !== null && c.closeDate > options.asOf)) return [];
    let sum = 0;
    let weight = 0;
    let filled = 0;
    json.encoder.features.forEach((f, i) => {
      const saved = json.features[i] as SimilarIndexJSON['features'][number];
      if (saved.weight === 0) return;
      const a = readFeature(query, f.source);
      const b = readFeature(c, f.source);
      if (f.kind === 'categorical') {
        if (text(a) === null) return;
        filled += saved.weight;
        if (text(b) === null) return;
        weight += saved.weight;
        if (text(a) === text(b)) sum += saved.weight;
        return;
      }
      const t = (v: number): number => (saved.scale === 'log' ? Math.log10(Math.max(v, saved.floor as number)) : v);
      if (Number.isNaN(num(a))) return;
      filled += saved.weight;
      if (Number.isNaN(num(b))) return;
      weight += saved.weight;
      let apart = Math.abs(t(num(a)) - t(num(b)));
      if (saved.scale === 'cyclic') apart = Math.min(apart, 12 - apart) / 6;
      else apart /= saved.range as number;
      sum += saved.weight * Math.max(0, 1 - apart);
    });
    if (weight === 0 || weight < options.minOverlap * filled - 1e-9) return [];
    const similarity = sum / weight;
    const recency = c.closeDate === null ? 0 : recencyWeight(daysBetween(c.closeDate, options.asOf), halfLife);
    const score = similarity * (0.5 + 0.5 * recency);
    return score > 0 ? [{ c, similarity, score }] : [];
  });
  scored.sort((x, y) => y.score - x.score || (y.c.closeDate ?? '').localeCompare(x.c.closeDate ?? '') || (x.c.id < y.c.id ? -1 : 1));
  const top = (won: boolean): Array<{ id: string; similarity: number }> => {
    const perAccount = new Map<string, number>();
    const out: Array<{ id: string; similarity: number }> = [];
    for (const s of scored) {
      if (out.length === options.k) break;
      if (s.c.isWon !== won) continue;
      const account = s.c.account?.id;
      if (account !== undefined) {
        const n = perAccount.get(account) ?? 0;
        if (n >= options.maxPerAccount) continue;
        perAccount.set(account, n + 1);
      }
      out.push({ id: s.c.id, similarity: s.similarity });
    }
    return out;
  };
  return [...top(true), ...top(false)];
}

describe('the fast scan equals the definition', () => {
  it('on random deals with gaps, rare values, undated deals and shared accounts', () => {
    const random = new Random(11);
    const make = (id: string, won: boolean | undefined): Opportunity => {
      const maybe = <T>(v: T): T | null => (random.bernoulli(0.15) ? null : v);
      const day = 1 + random.int(900);
      return opp(id, won, {
        account: random.bernoulli(0.8) ? { id: `acct${random.int(40)}`, name: 'A' } : null,
        amount: maybe(Math.round(random.logNormal(20000, 1.2))),
        type: maybe(random.pick(['new customer', 'upsell', 'renewal'])),
        leadSource: maybe(random.pick(['Web', 'Partner', 'Event', `rare-${random.int(30)}`])),
        createdDate: maybe(`2023-${String(1 + random.int(12)).padStart(2, '0')}-10`),
        closeDate: won === undefined ? null : random.bernoulli(0.05) ? null : new Date(Date.UTC(2022, 0, day)).toISOString().slice(0, 10),
        attributes: {
          industry: maybe(random.pick(['Banking', 'Retail', 'Healthcare', 'Energy'])),
          country: maybe(random.pick(['US', 'DE', 'FR'])),
          employees: maybe(Math.round(random.logNormal(300, 1.5))),
          discount: maybe(Math.round(random.uniform(0, 30))),
        },
      });
    };
    const closed = Array.from({ length: 400 }, (_, i) => make(`c${String(i).padStart(3, '0')}`, random.bernoulli(0.4)));
    const queries = [...Array.from({ length: 60 }, (_, i) => make(`q${i}`, undefined)), ...closed.slice(0, 20)];
    for (const weights of [undefined, { amount: 3, 'attr:industry': 2, 'attr:country': 1, createdMonth: 0.5, leadSource: 1, 'attr:discount': 0.7 }]) {
      const index = SimilarIndex.build(closed, weights ? { weights } : {});
      expect(index.encoder.features.map((f) => f.key)).toEqual([
        'amount',
        'type',
        'leadSource',
        'createdMonth',
        'attr:country',
        'attr:discount',
        'attr:employees',
        'attr:industry',
      ]);
      for (const options of [
        { k: 3, asOf: index.asOf as string, maxPerAccount: 1, minOverlap: 0.5 },
        { k: 8, asOf: '2023-06-01', maxPerAccount: 2, minOverlap: 0 },
      ]) {
        for (const q of queries) {
          const found: SimilarResult = index.find(q, options);
          const expected = reference(index, closed, q, options);
          const got = [...found.wins, ...found.losses].map((d) => ({ id: d.id, similarity: d.similarity }));
          const want = expected;
          expect(got.map((g) => g.id)).toEqual(want.map((w) => w.id));
          got.forEach((g, i) => expect(g.similarity).toBeCloseTo((want[i] as { similarity: number }).similarity, 12));
        }
      }
    }
  });
});

describe('on the sandbox (seed 7, 3,000 deals)', () => {
  const sandbox = generateSandbox({ seed: 7, opportunities: 3000 });
  const closed = sandbox.opportunities.filter((o) => o.isClosed);
  const open = sandbox.opportunities.filter((o) => !o.isClosed);
  const index = SimilarIndex.build(closed);
  const ATTRIBUTES = ['industry', 'country', 'product', 'buyerTitle', 'buyerRole'];
  const band = (n: AttributeValue): number => (typeof n === 'number' ? Math.floor(Math.log10(Math.max(1, n)) * 2) : -1);
  /** Account and buyer facts in common (the persona attributes, head count by half-decade), counted independently of the index. */
  const inCommon = (a: Opportunity, b: Opportunity): number =>
    ATTRIBUTES.filter((key) => a.attributes[key] != null && a.attributes[key] === b.attributes[key]).length +
    (band(a.attributes['employees'] ?? null) >= 0 && band(a.attributes['employees'] ?? null) === band(b.attributes['employees'] ?? null) ? 1 : 0);

  it('finds wins that share more with the open deal than random closed wins do', () => {
    const byId = new Map(closed.map((o) => [o.id, o]));
    const wins = closed.filter((o) => o.isWon);
    const random = new Random(5);
    let found = 0;
    let foundCount = 0;
    let baseline = 0;
    let baselineCount = 0;
    for (const o of open) {
      for (const d of index.find(o).wins) {
        found += inCommon(o, byId.get(d.id) as Opportunity);
        foundCount++;
        baseline += inCommon(o, random.pick(wins));
        baselineCount++;
      }
    }
    expect(foundCount).toBe(3 * open.length);
    const foundMean = found / foundCount;
    const baselineMean = baseline / baselineCount;
    expect(foundMean).toBeGreaterThan(baselineMean + 1);
    expect(foundMean).toBeGreaterThan(2 * baselineMean);
  });

  it('lists wins and losses of the right outcome, best first, with at most four shared and four different', () => {
    for (const o of open.slice(0, 100)) {
      const { wins, losses } = index.find(o);
      expect(wins.every((d) => d.isWon)).toBe(true);
      expect(losses.every((d) => !d.isWon)).toBe(true);
      for (const list of [wins, losses]) {
        const scores = list.map((d) => d.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        for (const d of list) {
          expect(d.shared.length).toBeLessThanOrEqual(4);
          expect(d.different.length).toBeLessThanOrEqual(4);
          expect(d.similarity).toBeGreaterThan(0);
          expect(d.similarity).toBeLessThanOrEqual(1);
          expect(d.score).toBeCloseTo(rankScore(d.similarity, d.recency), 12);
        }
      }
    }
  });
});
