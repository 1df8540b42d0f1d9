import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { align, matchPersona, repeatWeights, type AlignablePersona } from '../../lib/engine/alignment';
import { adjustedRandIndex, rocAuc } from '../../lib/engine/metrics';
import { bandOf, compactNumber, EMPLOYEE_BANDS, quantileBands, runLabel } from '../../lib/engine/bands';
import { chooseK, MIN_GAP_GAIN } from '../../lib/engine/personas/choose-k';
import { describeCluster, distributionOf, rangeMatch, type PersonaAttribute } from '../../lib/engine/personas/describe';
import { alignWithModel, clusterOf, discoverPersonas, MIN_PERSONA_WINS, personasFor } from '../../lib/engine/personas';
import { buildSpace, columnBlocks, cramersV2, embed, percentile } from '../../lib/engine/personas/space';
import { Random } from '../../lib/seeded/random';
import { namePersonas } from '../../lib/persona-card/name';
import { generateSandbox } from '../../lib/sandbox/generate';
import { opp } from './helpers';

describe('bands', () => {
  it('groups head counts as LinkedIn and Apollo do', () => {
    expect(EMPLOYEE_BANDS.map((b) => b.label)).toEqual(['1–10', '11–50', '51–200', '201–1,000', '1,001–5,000', '5,001–10,000', '10,001+']);
    expect([1, 10, 11, 734, 1000, 1001, 250_000].map((n) => bandOf(EMPLOYEE_BANDS, n))).toEqual([0, 0, 1, 3, 3, 4, 6]);
    expect(bandOf(EMPLOYEE_BANDS, Number.NaN)).toBe(-1);
    expect(runLabel(EMPLOYEE_BANDS, 2, 3)).toBe('51–1,000');
    expect(runLabel(EMPLOYEE_BANDS, 5, 6)).toBe('5,001+');
  });

  it('writes large numbers compactly', () => {
    expect([4_840_000_000, 617_000_000, 150_000, 99_999, 12_000, 2_500, 1_500_000].map(compactNumber)).toEqual([
      '4.8B',
      '617M',
      '150K',
      '100K',
      '12K',
      '2,500',
      '1.5M',
    ]);
  });

  it('cuts other numbers at rounded quantiles with compact labels', () => {
    const revenue = [1.2e6, 5e6, 2.3e7, 1.1e8, 4.4e8, 9e8, 1.51e9, 3e9, 5e7, 7e6];
    expect(quantileBands(revenue).map((b) => b.label)).toEqual(['up to 5M', '5M–50M', '50M–500M', '500M–2B', '2B+']);
    expect(runLabel(quantileBands(revenue), 0, 1)).toBe('up to 50M');
  });
});

describe('persona space', () => {
  const won = [
    opp('a', true, { attributes: { industry: 'Healthcare', employees: 100 } }),
    opp('b', true, { attributes: { industry: 'Healthcare', employees: 300 } }),
    opp('c', true, { attributes: { industry: 'Retail', employees: 5000 } }),
    opp('d', true, { attributes: { industry: 'Retail', employees: 20 } }),
    opp('e', true, { attributes: { industry: 'Healthcare', employees: null } }),
    opp('f', true, { attributes: { industry: null, employees: 300 } }),
    opp('g', true, { attributes: { industry: 'Retail', employees: null } }),
  ];

  it('uses buyer attributes and leaves identifiers and close-time fields out', () => {
    const deals = won.map((o, i) => ({ ...o, attributes: { ...o.attributes, contactEmail: `x${i}@example.com`, lossReason: 'Price' } }));
    const space = buildSpace(deals);
    expect(space.attributes.map((a) => a.key)).toEqual(['employees', 'industry']);
  });

  it('leaves a record number out (whole numbers, nearly all distinct, named like one), but not a count of seats', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      opp(`w${i}`, true, { attributes: { industry: i % 2 ? 'Retail' : 'Healthcare', opportunityNumber: 1000 + i * 7, seats: 10 + i } }),
    );
    const space = buildSpace(many, { fields: [{ key: 'opportunityNumber', label: 'Opportunity Number', kind: 'number', coverage: 1 }] });
    expect(space.attributes.map((a) => a.key)).toEqual(['industry', 'seats']);
  });

  it('weighs a category and a number alike: a different value is 1 apart, a percentile spread √6', () => {
    const space = buildSpace(won, { maxLevels: 12 });
    const industry = space.attributes.find((a) => a.key === 'industry');
    expect(industry?.kind === 'categorical' && industry.levels).toEqual(['Healthcare', 'Retail']);
    // Percentiles with mid-ranks for ties: 300 appears twice among 5 values.
    expect(percentile([20, 100, 300, 300, 5000], 300)).toBe(0.6);
    expect(percentile([20, 100, 300, 300, 5000], Number.NaN)).toBe(0.5);
    const a = embed(space, won[0] as Opportunity);
    const c = embed(space, won[2] as Opportunity);
    const industryColumns = columnBlocks(space)[1] as [number, number];
    let categorical = 0;
    for (let d = industryColumns[0]; d < industryColumns[1]; d++) categorical += ((a[d] as number) - (c[d] as number)) ** 2;
    const weight = industry?.weight ?? 0;
    // Healthcare vs Retail: squared distance 1 on the attribute, times its redundancy weight.
    expect(categorical).toBeCloseTo(weight, 12);
  });

  it("measures redundancy with Cramér's V²: 1 when one attribute determines the other, 0 when independent", () => {
    expect(cramersV2(Int32Array.from([0, 0, 1, 1, 2, 2]), Int32Array.from([5, 5, 6, 6, 7, 7]))).toBeCloseTo(1, 12);
    expect(cramersV2(Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 1, 0, 1]))).toBeCloseTo(0, 12);
    expect(cramersV2(Int32Array.from([0, -1, 1]), Int32Array.from([0, 0, -1]))).toBe(0);
  });
});

describe('describeCluster', () => {
  // 10 won deals: the cluster is the 4 Healthcare deals of 100–300 employees.
  const all = [
    ...['a', 'b', 'c', 'd'].map((id, i) =>
      opp(id, true, { attributes: { industry: 'Healthcare', employees: [100, 150, 300, 120][i] as number, country: i < 2 ? 'US' : 'UK' } }),
    ),
    ...['e', 'f', 'g', 'h', 'i', 'j'].map((id, i) =>
      opp(id, true, {
        attributes: { industry: i < 3 ? 'Retail' : 'Banking', employees: [5, 8, 2000, 9000, 40, 6000][i] as number, country: i % 2 ? 'US' : 'UK' },
      }),
    ),
  ];
  const members = all.slice(0, 4);
  const space = buildSpace(all);
  const attributes = describeCluster(space.attributes, members, distributionOf(space.attributes, all));

  it('scores each value by share × ln(share / base share) and ranks attributes by it', () => {
    const industry = attributes.find((a) => a.key === 'industry') as PersonaAttribute;
    expect(industry.value).toBe('Healthcare');
    expect(industry.share).toBe(1);
    expect(industry.baseShare).toBe(0.4);
    expect(industry.importance).toBeCloseTo(Math.log(1 / 0.4), 12);
    // Head count: all four members are in 51–200 or 201–1,000; 4 of 10 deals overall.
    const employees = attributes.find((a) => a.key === 'employees') as PersonaAttribute;
    expect(employees.value).toBe('51–1,000');
    expect(employees.range).toEqual({ min: 50, max: 1000 });
    expect(employees.near).toEqual({ min: 10, max: 5000 });
    expect(employees.importance).toBeCloseTo(Math.log(1 / 0.4), 12);
    // Country is split evenly in the cluster and overall: it says nothing, so it is left out.
    expect(attributes.map((a) => a.key).sort()).toEqual(['employees', 'industry']);
    expect(attributes.reduce((sum, a) => sum + a.weight, 0)).toBeCloseTo(1, 12);
  });

  it('matches a range inside, half in the band next to it, not at all beyond or when missing', () => {
    const employees = attributes.find((a) => a.key === 'employees') as PersonaAttribute;
    // The bands either side of 51–1,000 are 11–50 and 1,001–5,000.
    expect([51, 1000, 3000, 11, 10, 9000, Number.NaN].map((n) => rangeMatch(employees, n))).toEqual([1, 1, 0.5, 0.5, 0, 0, 0]);
  });
});

describe('alignment (Repeat Buyer Potential)', () => {
  const persona = (id: string, repeatRate: number | null, industry: string, weight: number): AlignablePersona => ({
    id,
    repeatRate,
    attributes: [
      {
        key: 'industry',
        label: 'Industry',
        kind: 'category',
        value: industry,
        values: [industry],
        range: null,
        near: null,
        share: 0.9,
        baseShare: 0.3,
        lift: 3,
        importance: 1,
        weight,
      },
      {
        key: 'employees',
        label: 'Employees',
        kind: 'range',
        value: '201–1,000',
        values: [],
        range: { min: 200, max: 1000 },
        near: { min: 50, max: 5000 },
        share: 0.8,
        baseShare: 0.3,
        lift: 2.7,
        importance: 1,
        weight: 1 - weight,
      },
    ],
  });

  it('is the importance-weighted share of matched attributes, with the breakdown', () => {
    const deal = opp('o', undefined, { attributes: { industry: 'Healthcare', employees: 3000 } });
    const { match, breakdown } = matchPersona(persona('p', null, 'Healthcare', 0.6), deal);
    expect(match).toBeCloseTo(100 * (0.6 * 1 + 0.4 * 0.5), 12);
    expect(breakdown).toEqual([
      { key: 'industry', label: 'Industry', ideal: 'Healthcare', actual: 'Healthcare', match: 1, weight: 0.6 },
      { key: 'employees', label: 'Employees', ideal: '201–1,000', actual: '3,000', match: 0.5, weight: 0.4 },
    ]);
  });

  it('weights personas by repeat strength from ×0.6 to ×1 and picks the best', () => {
    const personas = [persona('often', 0.5, 'Retail', 0.5), persona('rarely', 0, 'Healthcare', 0.5)];
    expect(repeatWeights(personas)).toEqual([1, 0.6]);
    expect(repeatWeights([persona('x', null, 'Retail', 0.5), persona('y', 0.4, 'Retail', 0.5)])).toEqual([1, 1]);
    // Matches both on size; industry only for "rarely": 100 × 0.6 = 60 against 50 × 1 = 50.
    const deal = opp('o', undefined, { attributes: { industry: 'Healthcare', employees: 500 } });
    const alignment = align(deal, personas);
    expect(alignment?.personaId).toBe('rarely');
    expect(alignment?.score).toBeCloseTo(60, 12);
    expect(alignment?.match).toBeCloseTo(100, 12);
  });
});

describe('chooseK', () => {
  /** Three well-separated groups of one-hot points over two attributes, plus a few stragglers. */
  function grouped(seed: number): { points: number[][]; blocks: Array<[number, number]> } {
    const random = new Random(seed);
    const points: number[][] = [];
    for (let i = 0; i < 300; i++) {
      const group = i % 3;
      const a = random.bernoulli(0.9) ? group : random.int(3);
      const b = random.bernoulli(0.9) ? group : random.int(3);
      const point = new Array<number>(6).fill(0);
      point[a] = Math.SQRT1_2;
      point[3 + b] = Math.SQRT1_2;
      points.push(point);
    }
    return {
      points,
      blocks: [
        [0, 3],
        [3, 6],
      ],
    };
  }

  it('finds the number of groups by the gap elbow, with sizes and stability checked', () => {
    const { points, blocks } = grouped(1);
    const choice = chooseK(points, blocks, 1);
    expect(choice.k).toBe(3);
    const three = choice.candidates.find((c) => c.k === 3);
    expect(three?.admissible).toBe(true);
    expect(three?.stability).toBeGreaterThanOrEqual(0.6);
    // The third group added more than MIN_GAP_GAIN to the gap; none after it did.
    const gaps = choice.candidates.map((c) => c.gap);
    expect((gaps[1] as number) - (gaps[0] as number)).toBeGreaterThanOrEqual(MIN_GAP_GAIN * (gaps[0] as number));
    for (let i = 2; i < gaps.length; i++) expect((gaps[i] as number) - (gaps[i - 1] as number)).toBeLessThan(MIN_GAP_GAIN * (gaps[i - 1] as number));
  });

  it('is deterministic for a seed', () => {
    const { points, blocks } = grouped(2);
    expect(chooseK(points, blocks, 5)).toEqual(chooseK(points, blocks, 5));
  });
});

describe('discoverPersonas on small data', () => {
  it('says how many more wins personas need', () => {
    const won = Array.from({ length: 12 }, (_, i) => opp(`w${i}`, true, { attributes: { industry: 'Retail' } }));
    const model = discoverPersonas(won);
    expect(model.org).toBeNull();
    expect(model.insufficient).toEqual({
      winsNeeded: MIN_PERSONA_WINS - 12,
      message: `Repeat Buyer Personas need at least ${MIN_PERSONA_WINS} won deals; 12 so far, ${MIN_PERSONA_WINS - 12} more needed.`,
    });
  });
});

describe('Repeat Buyer Personas on the sandbox (planted structure)', () => {
  const org = generateSandbox({ seed: 7, opportunities: 10_000 });
  const model = discoverPersonas(org.opportunities, { seed: 1 });
  const personas = model.org?.personas ?? [];
  const won = org.opportunities.filter((o) => o.isWon && o.type === 'new customer');
  const planted = (o: Opportunity): string | null => (o.account ? (org.truth.personaOfAccount[o.account.id] ?? null) : null);

  it('clusters new-customer wins and recovers the planted personas (ARI ≥ 0.7)', () => {
    expect(model.org?.basis).toBe('new customer');
    const fromPersonas = won.filter((o) => planted(o) !== null);
    const found = new Map<string, number>();
    personas.forEach((p, i) => p.memberIds.forEach((id) => found.set(id, i)));
    const ari = adjustedRandIndex(
      fromPersonas.map((o) => org.truth.personas.findIndex((p) => p.id === planted(o))),
      fromPersonas.map((o) => found.get(o.id) ?? -1),
    );
    // Measured 0.920 (seeds 7–12 of the sandbox: 0.89–0.99).
    expect(ari).toBeGreaterThanOrEqual(0.7);
  });

  it("puts each planted persona's defining attributes among its persona's top attributes", () => {
    for (const truth of org.truth.personas) {
      const members = won.filter((o) => planted(o) === truth.id).map((o) => o.id);
      // The persona holding most of this planted persona's deals.
      const persona = personas.reduce((best, p) => {
        const overlap = (q: typeof p): number => q.memberIds.filter((id) => members.includes(id)).length;
        return overlap(p) > overlap(best) ? p : best;
      });
      const top = persona.attributes.slice(0, 6);
      const value = (key: string): string | undefined => top.find((a) => a.key === key)?.value;
      expect(value('industry')?.split(' or ')).toContain(truth.profile.industry);
      expect(value('country')?.split(' or ')).toContain(truth.profile.country);
      expect(value('buyerTitle')?.split(' or ')).toContain(truth.profile.buyerTitle);
    }
  });

  it('ranks open deals of persona accounts above the others on Repeat Buyer Potential (AUC ≥ 0.9)', () => {
    const open = org.opportunities.filter((o) => !o.isClosed);
    const scores = open.map((o) => align(o, personas)?.score ?? 0);
    const auc = rocAuc(
      open.map((o) => (planted(o) !== null ? 1 : 0)),
      scores,
    );
    // Measured 0.955 at the org level (sandbox seeds 7–12: 0.89–0.98).
    expect(auc).toBeGreaterThanOrEqual(0.9);
  });

  it('measures repeat strength: the planted high-repeat personas have the higher repeat rates', () => {
    const rateOf = (plantedId: string): number => {
      const members = won.filter((o) => planted(o) === plantedId).map((o) => o.id);
      const persona = personas.reduce((best, p) =>
        p.memberIds.filter((id) => members.includes(id)).length > best.memberIds.filter((id) => members.includes(id)).length ? p : best,
      );
      return persona.repeatRate ?? Number.NaN;
    };
    const high = org.truth.personas.filter((p) => p.repeat === 'high').map((p) => rateOf(p.id));
    const low = org.truth.personas.filter((p) => p.repeat === 'low').map((p) => rateOf(p.id));
    expect(Math.min(...high)).toBeGreaterThan(Math.max(...low));
  });

  it('describes each persona: card, size, win rate, lifetime value and recent wins', () => {
    // The card's person and company are lib/persona-card's, given where the engine is run.
    const named = namePersonas(model).org?.personas ?? [];
    for (const persona of named) {
      expect(persona.name).toMatch(/^\S+ \S+/);
      expect(persona.company.length).toBeGreaterThan(3);
      expect(persona.size).toBe(persona.memberIds.length);
      expect(persona.winRate).toBeGreaterThan(0);
      expect(persona.lifetimeValue).toBeGreaterThan(0);
      expect(persona.recentWins.length).toBeGreaterThan(0);
      const dates = persona.recentWins.map((w) => w.closeDate ?? '');
      expect([...dates].sort().reverse()).toEqual(dates);
    }
    expect(personas.reduce((sum, p) => sum + p.size, 0)).toBe(won.length);
    expect(new Set(named.map((p) => p.name)).size).toBe(personas.length);
  });

  it('gives the same personas for the same data, and keeps ids when a cluster persists', () => {
    const again = discoverPersonas(org.opportunities, { seed: 1 });
    expect(again).toEqual(model);
    // Retrain without 3% of the won deals and with a different seed: the clusters persist.
    const fewer = org.opportunities.filter((o, i) => !(o.isWon && i % 33 === 0));
    const retrained = discoverPersonas(fewer, { seed: 2, previous: model });
    expect(retrained.org?.personas.map((p) => p.id).sort()).toEqual(personas.map((p) => p.id).sort());
  });

  it('aligns a deal with its team personas when the team has its own, else with the org', () => {
    for (const o of org.opportunities.slice(0, 300)) {
      const group = personasFor(model, o);
      const team = model.teams.find((g) => g.team === o.ownerManager?.name);
      expect(group).toBe(team ?? model.org);
      const alignment = alignWithModel(model, o);
      expect(alignment?.level).toBe(team ? 'team' : 'org');
    }
    for (const o of won.slice(0, 50)) {
      const cluster = clusterOf(model, o);
      if (personasFor(model, o) === model.org) expect(cluster).not.toBeNull();
    }
  });
});
