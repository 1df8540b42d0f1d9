import { describe, expect, it } from 'vitest';
import type { AttributeValue, Opportunity } from '../../lib/crm/opportunity';
import { describeValue, encode, fitEncoder, OTHER_LEVEL, readFeature, univariateAuc, type FeatureSpec } from '../../lib/engine/encode';
import { opp } from './helpers';

/** n closed deals, alternately won and lost, with the attributes `attributes(i)`. */
function closedDeals(
  n: number,
  attributes: (i: number) => Record<string, AttributeValue>,
  extra: (i: number) => Partial<Opportunity> = () => ({}),
): Opportunity[] {
  return Array.from({ length: n }, (_, i) => opp(`c${i}`, i % 2 === 0, { ...extra(i), attributes: attributes(i) }));
}

function openDeals(
  n: number,
  attributes: (i: number) => Record<string, AttributeValue>,
  extra: (i: number) => Partial<Opportunity> = () => ({}),
): Opportunity[] {
  return Array.from({ length: n }, (_, i) => opp(`o${i}`, undefined, { ...extra(i), attributes: attributes(i) }));
}

const keys = (features: FeatureSpec[]): string[] => features.map((f) => f.key);
const tiers = (i: number): string => ['gold', 'silver', 'bronze'][i % 3] as string;

describe('fitEncoder: the leakage rule', () => {
  it('drops an attribute filled on closed deals but empty on 20 or more open ones, with the reason', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), discount: (i % 5) * 2 }));
    const open = openDeals(20, (i) => ({ tier: tiers(i), discount: null }));
    const { spec, dropped } = fitEncoder(closed, { open });
    expect(keys(spec.features)).toEqual(['attr:tier']);
    expect(dropped).toEqual([
      { key: 'attr:discount', label: 'discount', reason: 'filled on 100% of closed deals but 0% of open ones: known only at the close', rule: 'coverage' },
    ]);
  });

  it('applies to standard fields too (an amount known only once the deal closes)', () => {
    const closed = closedDeals(
      30,
      (i) => ({ tier: tiers(i) }),
      (i) => ({ amount: 1000 + i }),
    );
    const open = openDeals(25, (i) => ({ tier: tiers(i) }));
    const { spec, dropped } = fitEncoder(closed, { open });
    expect(keys(spec.features)).toEqual(['attr:tier']);
    expect(dropped).toEqual([
      { key: 'amount', label: 'Amount', reason: 'filled on 100% of closed deals but 0% of open ones: known only at the close', rule: 'coverage' },
    ]);
  });

  it('needs at least 20 open deals to judge, and open coverage under a fifth of closed coverage', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), discount: i % 4 }));
    expect(keys(fitEncoder(closed, { open: openDeals(19, (i) => ({ tier: tiers(i), discount: null })) }).spec.features)).toContain('attr:discount');
    // 4 of 20 open deals filled = 20%: not under 0.2 × 100%, so kept.
    const fourFilled = openDeals(20, (i) => ({ tier: tiers(i), discount: i < 4 ? 1 : null }));
    expect(keys(fitEncoder(closed, { open: fourFilled }).spec.features)).toContain('attr:discount');
    // 3 of 20 = 15%: dropped.
    const threeFilled = openDeals(20, (i) => ({ tier: tiers(i), discount: i < 3 ? 1 : null }));
    const { spec, dropped } = fitEncoder(closed, { open: threeFilled });
    expect(keys(spec.features)).not.toContain('attr:discount');
    expect(dropped[0]?.reason).toBe('filled on 100% of closed deals but 15% of open ones: known only at the close');
  });

  it('never uses the outcome fields, even when they are filled and predictive', () => {
    const closed = closedDeals(
      40,
      (i) => ({ tier: tiers(i) }),
      (i) => ({
        stage: i % 2 === 0 ? 'Closed Won' : 'Closed Lost',
        probability: i % 2 === 0 ? 1 : 0,
        forecastCategory: i % 2 === 0 ? 'Closed' : 'Omitted',
        closeDate: `2024-0${1 + (i % 9)}-1${i % 2}`,
        stageEnteredDate: `2024-0${1 + (i % 9)}-1${i % 2}`,
        stageHistory: [{ stage: i % 2 === 0 ? 'Closed Won' : 'Closed Lost', enteredAt: '2024-01-01' }],
      }),
    );
    const { spec, dropped } = fitEncoder(closed);
    expect(keys(spec.features)).toEqual(['attr:tier']);
    expect(dropped).toEqual([]);
  });

  it('drops attributes named like the outcome fields (an unmapped Stage, Status, Is Won column)', () => {
    const outcomeColumns = [
      'Stage',
      'Deal Stage',
      'StageName',
      'Status',
      'Is Won',
      'isClosed',
      'Won',
      'Closed',
      'Probability (%)',
      'Forecast Category',
      'Outcome',
    ];
    const closed = closedDeals(40, (i) => ({
      tier: tiers(i),
      'Account Status': i % 4 === 0 ? 'Active' : 'Dormant',
      // Not tied to the outcome: the deals alternate won and lost, and a field that does too separates them perfectly.
      State: ['CA', 'NY', 'TX'][i % 3] as string,
      ...Object.fromEntries(outcomeColumns.map((name) => [name, i % 2 === 0 ? `yes-${name}` : `no-${name}`])),
    }));
    const { spec, dropped } = fitEncoder(closed);
    // Names that merely contain "status" or look like "stage" are ordinary attributes.
    expect(keys(spec.features)).toEqual(['attr:Account Status', 'attr:State', 'attr:tier']);
    expect(dropped.map((d) => d.key).sort()).toEqual([...outcomeColumns].sort());
    for (const d of dropped) expect(d.reason).toBe('it is the outcome or follows it (stage, status, probability, forecast category, won/closed)');
  });

  it('drops attributes whose name says they are set at or after the close', () => {
    const names = ['Loss Reason', 'lossReason', 'Closed Lost Reason', 'close_value', 'Days to Close', 'Won Date', 'Next Step', 'Fiscal Quarter'];
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), ...Object.fromEntries(names.map((n) => [n, `v${i % 3}`])) }));
    const { spec, dropped } = fitEncoder(closed);
    expect(keys(spec.features)).toEqual(['attr:tier']);
    expect(dropped.map((d) => d.key).sort()).toEqual([...names].sort());
    for (const d of dropped) expect(d.rule).toBe('name');
    const reasons = Object.fromEntries(dropped.map((d) => [d.key, d.reason]));
    // The importer's rules name the reason (lib/crm/leakage); the engine's own pattern catches the rest.
    expect(reasons['Loss Reason']).toBe('records why the deal closed');
    expect(reasons['Days to Close']).toBe('counts days up to the close');
    expect(reasons['close_value']).toBe('its name says it is set at or after the close');
  });

  it('reads the name from the field label too', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), cf_17: `reason ${i % 3}` }));
    const { dropped } = fitEncoder(closed, { fields: [{ key: 'cf_17', label: 'Loss Reason', kind: 'category', coverage: 1 }] });
    expect(dropped).toEqual([{ key: 'cf_17', label: 'Loss Reason', reason: 'records why the deal closed', rule: 'name' }]);
  });

  it('drops excluded attributes and keeps only included ones', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), region: ['N', 'S', 'E'][i % 3] as string, size: i % 5 }));
    const excluded = fitEncoder(closed, { exclude: ['region'] });
    expect(keys(excluded.spec.features)).toEqual(['attr:size', 'attr:tier']);
    expect(excluded.dropped).toEqual([
      { key: 'region', label: 'region', reason: 'excluded: set at or after the close, or unticked in the field mapping', rule: 'excluded' },
    ]);
    const included = fitEncoder(closed, { include: ['tier'] });
    expect(keys(included.spec.features)).toEqual(['attr:tier']);
    expect(included.dropped).toEqual([]);
  });
});

describe('fitEncoder: feature choice', () => {
  it('lists standard fields first, then attributes by key, with their kinds', () => {
    const closed = closedDeals(
      30,
      (i) => ({ zeta: i % 4, alpha: ['x', 'y', 'z'][i % 3] as string }),
      (i) => ({
        amount: 100 * (i + 1),
        type: i % 3 === 0 ? 'new customer' : 'renewal',
        leadSource: ['Web', 'Partner', 'Event'][i % 3] as string,
        territory: ['EMEA', 'AMER', 'APAC'][i % 3] as string,
        owner: { id: `u${i % 3}`, name: ['Ann', 'Bob', 'Cy'][i % 3] as string },
        ownerManager: { id: `m${i % 3}`, name: ['Dee', 'Eve', 'Flo'][i % 3] as string },
        createdDate: `2023-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      }),
    );
    const { spec } = fitEncoder(closed);
    expect(spec.features.map((f) => [f.key, f.label, f.kind])).toEqual([
      ['amount', 'Amount', 'numeric'],
      ['type', 'Type', 'categorical'],
      ['leadSource', 'Lead source', 'categorical'],
      ['territory', 'Territory', 'categorical'],
      ['owner', 'Owner', 'categorical'],
      ['ownerManager', 'Team', 'categorical'],
      ['createdMonth', 'Created month', 'numeric'],
      ['attr:alpha', 'alpha', 'categorical'],
      ['attr:zeta', 'zeta', 'numeric'],
    ]);
  });

  it('buckets rare levels into "(other)", most frequent first, ties by name', () => {
    // 40 deals: Tech 15, Retail 12, Bank 5, Health 5, Mining 2, Energy 1. The minimum count is 3.
    const industries = [
      ...Array(15).fill('Tech'),
      ...Array(12).fill('Retail'),
      ...Array(5).fill('Health'),
      ...Array(5).fill('Bank'),
      'Mining',
      'Mining',
      'Energy',
    ] as string[];
    const closed = closedDeals(40, (i) => ({ industry: industries[i] as string }));
    const feature = fitEncoder(closed).spec.features[0];
    expect(feature).toEqual({
      key: 'attr:industry',
      label: 'industry',
      source: { attribute: 'industry' },
      kind: 'categorical',
      levels: ['Tech', 'Retail', 'Bank', 'Health', OTHER_LEVEL],
    });
    expect(OTHER_LEVEL).toBe('(other)');
    const stricter = fitEncoder(closed, { minLevelCount: 6 }).spec.features[0];
    expect(stricter?.kind === 'categorical' && stricter.levels).toEqual(['Tech', 'Retail', OTHER_LEVEL]);
  });

  it('has no "(other)" level when no level is rare', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i) }));
    const feature = fitEncoder(closed).spec.features[0];
    expect(feature?.kind === 'categorical' && feature.levels).toEqual(['bronze', 'gold', 'silver']);
  });

  it('keeps a level seen 3 times however many deals there are: no share-of-rows floor (issue 15)', () => {
    // 1000 deals: C is 0.3% of them, which the old 0.5% floor folded into "(other)"; D is seen twice.
    const closed = closedDeals(1000, (i) => ({ plan: i < 500 ? 'A' : i < 995 ? 'B' : i < 998 ? 'C' : 'D' }));
    const feature = fitEncoder(closed).spec.features[0];
    expect(feature?.kind === 'categorical' && feature.levels).toEqual(['A', 'B', 'C', OTHER_LEVEL]);
  });

  it('drops identifier-like columns, single values and columns whose every value is rare', () => {
    const closed = closedDeals(30, (i) => ({
      tier: tiers(i),
      contractNo: `K-${1000 + i}`,
      currency: 'EUR',
      seats: 5,
    }));
    const { spec, dropped } = fitEncoder(closed);
    expect(keys(spec.features)).toEqual(['attr:tier']);
    expect(dropped).toEqual([
      { key: 'attr:contractNo', label: 'contractNo', reason: 'looks like an identifier (30 distinct values in 30 rows)', rule: 'identifier' },
      { key: 'attr:currency', label: 'currency', reason: 'has a single value', rule: 'single' },
      { key: 'attr:seats', label: 'seats', reason: 'has a single value', rule: 'single' },
    ]);
    // Under 20 filled rows a unique column is not called an identifier, but every level is rare.
    const few = closedDeals(12, (i) => ({ tier: tiers(i), ref: `R${i}` }));
    expect(fitEncoder(few).dropped).toEqual([{ key: 'attr:ref', label: 'ref', reason: 'every value is rare', rule: 'rare' }]);
  });

  it('drops date attributes', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), contractEnd: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}` }));
    const { spec, dropped } = fitEncoder(closed, { fields: [{ key: 'contractEnd', label: 'Contract End', kind: 'date', coverage: 1 }] });
    expect(keys(spec.features)).toEqual(['attr:tier']);
    expect(dropped).toEqual([{ key: 'contractEnd', label: 'Contract End', reason: 'date fields are not used as win features', rule: 'date' }]);
  });

  it('types attributes from the field list, else from the values', () => {
    const closed = closedDeals(30, (i) => ({ seats: String(i % 6), mixed: i % 3 === 0 ? 5 : 'five', flag: i % 3 === 0 }));
    const { spec } = fitEncoder(closed, { fields: [{ key: 'seats', label: 'Seats', kind: 'number', coverage: 1 }] });
    expect(spec.features.map((f) => [f.key, f.label, f.kind])).toEqual([
      ['attr:flag', 'flag', 'categorical'],
      ['attr:mixed', 'mixed', 'categorical'],
      ['attr:seats', 'Seats', 'numeric'],
    ]);
  });

  it('does not report fields that are empty in this source', () => {
    const closed = closedDeals(30, (i) => ({ tier: tiers(i), blank: null }));
    expect(fitEncoder(closed).dropped).toEqual([]);
  });

  it('rejects no training data and data without any usable feature', () => {
    expect(() => fitEncoder([])).toThrow('fitEncoder: no training opportunities');
    expect(() => fitEncoder(closedDeals(30, () => ({ constant: 'x' })))).toThrow(
      'fitEncoder: no usable features: every candidate field was empty, constant or excluded',
    );
  });
});

describe('encode', () => {
  const industries = [...Array(15).fill('Tech'), ...Array(12).fill('Retail'), ...Array(10).fill('Bank'), 'Mining', 'Mining', 'Energy'] as string[];
  const closed = closedDeals(
    40,
    (i) => ({ industry: industries[i] as string, seats: i % 7 }),
    (i) => ({ amount: 500 + 10 * i, createdDate: `2023-${String(1 + (i % 12)).padStart(2, '0')}-01` }),
  );
  const { spec } = fitEncoder(closed);

  it('encodes columns in the spec order, unseen and rare values as "(other)", empty as missing', () => {
    expect(keys(spec.features)).toEqual(['amount', 'createdMonth', 'attr:industry', 'attr:seats']);
    const fresh = [
      opp('a', undefined, { amount: 1234, createdDate: '2025-03-15', attributes: { industry: 'Tech', seats: 3 } }),
      opp('b', undefined, { attributes: { industry: 'Mining', seats: '12' } }),
      opp('c', undefined, { attributes: { industry: 'Aerospace', seats: 'many' } }),
      opp('d', undefined, { attributes: { industry: null } }),
      opp('e', undefined, { attributes: { industry: '' } }),
      opp('f', undefined, { attributes: { industry: '  Retail ', seats: true } }),
    ];
    const columns = encode(spec, fresh);
    expect(columns.map((c) => [c.kind, c.name])).toEqual([
      ['numeric', 'amount'],
      ['numeric', 'createdMonth'],
      ['categorical', 'attr:industry'],
      ['numeric', 'attr:seats'],
    ]);
    const [amount, month, industry, seats] = columns;
    expect(amount?.kind === 'numeric' && Array.from(amount.values)).toEqual([1234, NaN, NaN, NaN, NaN, NaN]);
    expect(month?.kind === 'numeric' && Array.from(month.values)).toEqual([3, NaN, NaN, NaN, NaN, NaN]);
    expect(industry?.kind === 'categorical' && industry.levels).toEqual(['Tech', 'Retail', 'Bank', OTHER_LEVEL]);
    expect(industry?.kind === 'categorical' && Array.from(industry.codes)).toEqual([0, 3, 3, -1, -1, 1]);
    expect(seats?.kind === 'numeric' && Array.from(seats.values)).toEqual([3, 12, NaN, NaN, NaN, 1]);
  });

  it('sends unseen values to missing when the feature has no "(other)" level', () => {
    const small = fitEncoder(closedDeals(30, (i) => ({ tier: tiers(i) }))).spec;
    const [tier] = encode(small, [opp('x', undefined, { attributes: { tier: 'platinum' } }), opp('y', undefined, { attributes: { tier: 'gold' } })]);
    expect(tier?.kind === 'categorical' && Array.from(tier.codes)).toEqual([-1, 1]);
  });

  it('reads standard fields from the opportunity', () => {
    const o = opp('x', undefined, {
      amount: 7,
      type: 'upsell',
      leadSource: 'Web',
      territory: 'EMEA',
      owner: { id: 'u1', name: 'Ann' },
      ownerManager: { id: 'm1', name: 'Dee' },
      createdDate: '2024-11-30',
      attributes: { industry: 'Tech' },
    });
    expect(readFeature(o, { field: 'amount' })).toBe(7);
    expect(readFeature(o, { field: 'type' })).toBe('upsell');
    expect(readFeature(o, { field: 'leadSource' })).toBe('Web');
    expect(readFeature(o, { field: 'territory' })).toBe('EMEA');
    expect(readFeature(o, { field: 'owner' })).toBe('Ann');
    expect(readFeature(o, { field: 'ownerManager' })).toBe('Dee');
    expect(readFeature(o, { field: 'createdMonth' })).toBe(11);
    expect(readFeature(o, { attribute: 'industry' })).toBe('Tech');
    expect(readFeature(o, { attribute: 'nothing' })).toBeNull();
    expect(readFeature(opp('y', undefined), { field: 'owner' })).toBeNull();
  });
});

describe('describeValue', () => {
  const feature = (key: string): FeatureSpec => {
    const closed = closedDeals(
      40,
      (i) => ({ industry: i < 38 ? tiers(i) : 'Mining', ratio: i / 7 }),
      (i) => ({ amount: 100 * i, createdDate: `2023-${String(1 + (i % 12)).padStart(2, '0')}-01` }),
    );
    const found = fitEncoder(closed).spec.features.find((f) => f.key === key);
    if (!found) throw new Error(`no feature ${key}`);
    return found;
  };

  it('shows categories as written, rare or unseen ones marked, empty ones as "(empty)"', () => {
    const industry = feature('attr:industry');
    expect(describeValue(industry, opp('a', undefined, { attributes: { industry: 'gold' } }))).toBe('gold');
    expect(describeValue(industry, opp('b', undefined, { attributes: { industry: 'Mining' } }))).toBe('Mining (rare)');
    expect(describeValue(industry, opp('c', undefined, { attributes: { industry: 'Aerospace' } }))).toBe('Aerospace (rare)');
    expect(describeValue(industry, opp('d', undefined, { attributes: { industry: null } }))).toBe('(empty)');
    expect(describeValue(industry, opp('e', undefined))).toBe('(empty)');
  });

  it('shows numbers with thousands separators, rounded to cents below 100', () => {
    const amount = feature('amount');
    expect(describeValue(amount, opp('a', undefined, { amount: 12_500 }))).toBe('12,500');
    expect(describeValue(amount, opp('b', undefined, { amount: 1234.56 }))).toBe('1,235');
    expect(describeValue(amount, opp('c', undefined, { amount: 3.14159 }))).toBe('3.14');
    expect(describeValue(amount, opp('d', undefined, { amount: -250.4 }))).toBe('-250');
    expect(describeValue(feature('attr:ratio'), opp('e', undefined, { attributes: { ratio: 0.125 } }))).toBe('0.13');
  });

  it('shows the created month by name', () => {
    const month = feature('createdMonth');
    expect(describeValue(month, opp('a', undefined, { createdDate: '2024-03-09' }))).toBe('March');
    expect(describeValue(month, opp('b', undefined, { createdDate: '2024-12-31' }))).toBe('December');
    expect(describeValue(month, opp('c', undefined, { createdDate: '2024-01-01' }))).toBe('January');
    expect(describeValue(month, opp('d', undefined))).toBe('(empty)');
  });
});

describe('fitEncoder: leakage caught by the data, and put back by the user (issue 15)', () => {
  // 200 deals, won one in two; "verdict" says the outcome 19 times in 20; "tier" is honest and weak.
  const closed = closedDeals(200, (i) => ({
    tier: tiers(i),
    verdict: (i % 2 === 0) === (i % 20 !== 0) ? 'Closed by rep' : 'Not interested',
    seats: i % 7,
  }));

  it('sets aside a field that alone separates won from lost with AUC above 0.9, saying how well', () => {
    const { spec, dropped } = fitEncoder(closed);
    expect(keys(spec.features)).toEqual(['attr:seats', 'attr:tier']);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ key: 'attr:verdict', rule: 'separates' });
    expect(dropped[0]?.reason).toMatch(/^on its own it tells won from lost with ROC AUC 0\.9\d, more than any field known before the close does/);
  });

  it('keeps a field the user put back, past the separation, name and coverage checks, but never past exclude or the outcome rule', () => {
    const withNamed = closed.map((o) => ({ ...o, attributes: { ...o.attributes, 'Loss Reason': o.isWon ? 'n/a' : 'Price', Stage: o.isWon ? 'W' : 'L' } }));
    const open = openDeals(30, (i) => ({ tier: tiers(i), verdict: null, seats: i % 7 }));
    const kept = fitEncoder(withNamed, { keep: ['verdict', 'Loss Reason', 'Stage'], open });
    expect(keys(kept.spec.features)).toEqual(['attr:Loss Reason', 'attr:seats', 'attr:tier', 'attr:verdict']);
    expect(kept.dropped).toEqual([
      { key: 'Stage', label: 'Stage', reason: 'it is the outcome or follows it (stage, status, probability, forecast category, won/closed)', rule: 'outcome' },
    ]);
    const excluded = fitEncoder(withNamed, { keep: ['verdict'], exclude: ['verdict'] });
    expect(keys(excluded.spec.features)).not.toContain('attr:verdict');
  });

  it('drops a record number, however its column is named, but keeps a whole-number field that repeats', () => {
    const numbered = closedDeals(60, (i) => ({ tier: tiers(i), 'Opportunity Number': 5000 + i * 3, leadNumber: 900 + i, employees: 10 + (i % 9) }));
    const { spec, dropped } = fitEncoder(numbered);
    expect(keys(spec.features)).toEqual(['attr:employees', 'attr:tier']);
    expect(dropped.map((d) => [d.key, d.rule])).toEqual([
      ['attr:Opportunity Number', 'identifier'],
      ['attr:leadNumber', 'identifier'],
    ]);
    expect(dropped[0]?.reason).toBe('looks like a record number (60 distinct whole numbers in 60 rows)');
  });
});

describe('univariateAuc', () => {
  it('is 1 for a field equal to the outcome, about 0.5 for one without signal, and takes a number either way round', () => {
    const y = Array.from({ length: 100 }, (_, i) => i % 2);
    expect(
      univariateAuc(
        y.map((v) => (v ? 'won' : 'lost')),
        y,
        'categorical',
        ['won', 'lost'],
      ),
    ).toBe(1);
    expect(
      univariateAuc(
        y.map((v) => (v ? 1 : 5)),
        y,
        'numeric',
        [],
      ),
    ).toBe(1);
    const noise = univariateAuc(
      y.map((_, i) => ['a', 'b', 'c'][i % 3] as string),
      y,
      'categorical',
      ['a', 'b', 'c'],
    );
    expect(noise).toBeLessThan(0.6);
  });
});

describe('fitEncoder: the training columns', () => {
  it('are what encode gives for the training deals, rare levels, missing values and numbers included', () => {
    const closed = closedDeals(
      60,
      (i) => ({
        tier: i % 17 === 0 ? `rare${i}` : tiers(i),
        size: i % 7 === 0 ? null : i * 10,
        region: i % 4 === 0 ? '' : (['north', 'south'][i % 2] as string),
      }),
      (i) => ({ amount: 500 + 25 * (i % 9), leadSource: i % 3 === 0 ? 'Web' : 'Partner' }),
    );
    const fitted = fitEncoder(closed);
    expect(fitted.spec.features.length).toBeGreaterThan(3);
    expect(fitted.columns).toEqual(encode(fitted.spec, closed));
  });
});

describe('fitEncoder: reading attributes', () => {
  it('reads own attributes whatever their order or presence, a key named constructor included, and no inherited key', () => {
    // Deals of one file carry the same keys in order; these vary order, leave keys out and
    // carry one deal whose attributes inherit an enumerable key, which must not become a feature.
    const inherited = Object.create({ planted: 'x' }) as Record<string, AttributeValue>;
    const closed = closedDeals(40, (i): Record<string, AttributeValue> =>
      i % 3 === 0 ? { constructor: 'c' + (i % 3), tier: tiers(i) } : i % 5 === 0 ? { tier: tiers(i) } : { tier: tiers(i), constructor: 'c' + (i % 3) },
    );
    (closed[7] as Opportunity).attributes = Object.assign(inherited, { tier: tiers(7), constructor: 'c1' });
    const { spec, columns, dropped } = fitEncoder(closed);
    expect(keys(spec.features)).toEqual(['attr:constructor', 'attr:tier']);
    expect(dropped.map((d) => d.key)).not.toContain('attr:planted');
    const byKey = new Map(spec.features.map((f, k) => [f.key, columns[k]]));
    const tier = byKey.get('attr:tier') as { levels: string[]; codes: Int32Array };
    const constructorColumn = byKey.get('attr:constructor') as { levels: string[]; codes: Int32Array };
    closed.forEach((deal, r) => {
      expect(tier.levels[tier.codes[r] as number]).toBe(deal.attributes.tier);
      const own = Object.hasOwn(deal.attributes, 'constructor') ? deal.attributes.constructor : null;
      expect(own === null ? constructorColumn.codes[r] : constructorColumn.levels[constructorColumn.codes[r] as number]).toBe(own === null ? -1 : own);
    });
  });
});
