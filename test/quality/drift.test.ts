import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { driftLevel, pipelineDrift, populationStabilityIndex, PSI_WARN, PSI_WATCH } from '../../lib/engine/drift';
import type { EncoderSpec } from '../../lib/engine/encode';
import { opp } from '../engine/helpers';

const spec: EncoderSpec = {
  features: [
    { key: 'attr:industry', label: 'Industry', source: { attribute: 'industry' }, kind: 'categorical', levels: ['A', 'B'] },
    { key: 'amount', label: 'Amount', source: { field: 'amount' }, kind: 'numeric' },
    { key: 'createdMonth', label: 'Created month', source: { field: 'createdMonth' }, kind: 'numeric' },
  ],
};

/** `count` deals: the first `a` in industry A, the rest B; amounts from `firstAmount` up by one. */
function deals(prefix: string, count: number, a: number, firstAmount: number, won?: boolean): Opportunity[] {
  return Array.from({ length: count }, (_, i) =>
    opp(`${prefix}${i}`, won === undefined ? undefined : i % 2 === 0, {
      amount: firstAmount + i,
      createdDate: `2024-0${1 + (i % 9)}-01`,
      attributes: { industry: i < a ? 'A' : 'B' },
    }),
  );
}

describe('populationStabilityIndex', () => {
  it('sums (actual − expected) · ln(actual / expected) over the buckets', () => {
    // Shares 60/40 → 30/70: (−0.3)·ln(0.5) + 0.3·ln(1.75).
    expect(populationStabilityIndex([60, 40], [30, 70], 0)).toBeCloseTo(0.37582889054861035, 14);
    expect(populationStabilityIndex([60, 40], [30, 70], 0)).toBeCloseTo(-0.3 * Math.log(0.5) + 0.3 * Math.log(1.75), 14);
    // With the default half-count smoothing: (60.5, 40.5)/101 against (30.5, 70.5)/101.
    expect(populationStabilityIndex([60, 40], [30, 70])).toBeCloseTo(0.3680873516225225, 14);
    expect(populationStabilityIndex([5, 5], [50, 50])).toBe(0);
  });

  it('stays finite when a bucket is empty on one side, thanks to the pseudo-count', () => {
    expect(populationStabilityIndex([20, 20, 0], [8, 32, 0])).toBeCloseTo(0.3878093279535676, 14);
    expect(populationStabilityIndex([10, 0], [0, 10], 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects histograms that do not match', () => {
    expect(() => populationStabilityIndex([1, 2], [1])).toThrow('populationStabilityIndex: 2 expected buckets but 1 actual');
    expect(() => populationStabilityIndex([], [])).toThrow('populationStabilityIndex: no buckets');
    expect(() => populationStabilityIndex([0], [1], 0)).toThrow('a side has no rows');
  });
});

describe('driftLevel', () => {
  it('is stable below 0.1, watch from 0.1 to 0.25, moved above 0.25', () => {
    expect([PSI_WATCH, PSI_WARN]).toEqual([0.1, 0.25]);
    expect([0, 0.0999, 0.1, 0.25, 0.2501].map(driftLevel)).toEqual(['stable', 'stable', 'watch', 'watch', 'moved']);
  });
});

describe('pipelineDrift', () => {
  const closed = deals('c', 40, 20, 1, true);

  it('names the attribute whose share moved, and leaves the one that did not', () => {
    // Industry A: half of the closed deals, a fifth of the open ones. Amounts: the same 1..40.
    const report = pipelineDrift(spec, closed, deals('o', 40, 8, 1))!;
    expect(report).toMatchObject({ warnAbove: 0.25, watchAbove: 0.1, closed: 40, open: 40, moved: ['Industry'] });
    expect(report.features.map((f) => [f.key, f.level])).toEqual([
      ['attr:industry', 'moved'],
      ['amount', 'stable'],
    ]);
    const industry = report.features[0]!;
    expect(industry.psi).toBeCloseTo(0.3878093279535676, 14);
    // A fell from 50% to 20% (the larger term), B rose from 50% to 80%; "empty" did not move.
    expect(industry.shifts.map((s) => [s.bucket, s.closed, s.open])).toEqual([
      [{ kind: 'level', value: 'A' }, 0.5, 0.2],
      [{ kind: 'level', value: 'B' }, 0.5, 0.8],
    ]);
    expect(industry.shifts[0]!.contribution).toBeCloseTo((8.5 / 41.5 - 20.5 / 41.5) * Math.log(8.5 / 20.5), 14);
    expect(report.features[1]).toMatchObject({ psi: 0, shifts: [] });
    expect(report.skipped).toEqual([{ key: 'createdMonth', label: 'Created month', reason: expect.stringContaining('most recently created') }]);
  });

  it('buckets numbers by the deciles of the closed deals and reports the range they moved to', () => {
    // Every open amount is above 36.1, the closed deals' 90th percentile of 1..40.
    const report = pipelineDrift(spec, closed, deals('o', 40, 20, 100))!;
    const amount = report.features.find((f) => f.key === 'amount')!;
    expect(amount.level).toBe('moved');
    const top = amount.shifts[0]!;
    expect(top.bucket.kind).toBe('range');
    expect(top.bucket.kind === 'range' && top.bucket.to).toBeNull();
    expect(top.bucket.kind === 'range' && top.bucket.from).toBeCloseTo(36.1, 10);
    expect([top.closed, top.open]).toEqual([0.1, 1]);
    expect(report.moved).toEqual(['Amount']);
  });

  it('counts missing values in their own bucket', () => {
    const open = deals('o', 40, 20, 1).map((o, i) => (i < 20 ? { ...o, amount: null } : o));
    const amount = pipelineDrift(spec, closed, open)!.features.find((f) => f.key === 'amount')!;
    expect(amount.shifts[0]).toMatchObject({ bucket: { kind: 'empty' }, closed: 0, open: 0.5 });
  });

  it('needs 30 open deals, and closed ones', () => {
    expect(pipelineDrift(spec, closed, deals('o', 29, 8, 1))).toBeNull();
    expect(pipelineDrift(spec, closed, deals('o', 10, 8, 1), { minOpen: 10 })).not.toBeNull();
    expect(() => pipelineDrift(spec, [], deals('o', 40, 8, 1))).toThrow('pipelineDrift: no closed deals to compare with');
  });
});
