/**
 * Forecast quality on real and sandbox data, on time splits (trained on the past, tested
 * on what closed after). Measured when written (50 trees, seed 1):
 *
 * Maven CRM, train: deals closed before 2017-10-01 (3,042 won), test: the 1,196 won after.
 * | target | P50 MAE | baseline | P10–P90 coverage |
 * |---|---|---|---|
 * | days open, from creation | 37.68 | 37.57 (median of training wins; README 37.6) | 80.9% |
 * | amount | 195.2 | 195.0 (per-product median; scikit-learn RF 207) | 77.9% |
 * Maven has no duration signal once the created month is out (it is a cohort trap, see
 * days-open.ts), so the honest best is the median; the forest matches it and says so with
 * wide ranges. Its amount is the product's price with noise, so the best is the product
 * median; the forest reaches it only because rare GTK 500 deals keep leaves of their own
 * (distribution-forest.ts, summaryNodes) and the grid keeps their amounts apart (grid.ts).
 *
 * Sandbox seed 7, 10,000 opportunities, newest 20% of closed deals as the test:
 * days open P50 MAE 28.5 against the median's 39.9, coverage 80.8%; amount coverage
 * 83.4%. Open deals that will be won (the sandbox knows when): conditioned ranges cover
 * 80.5% of their real close dates (seed 9: 76.6%).
 */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../lib/crm/csv/import';
import { daysBetween, type Opportunity } from '../../lib/crm/opportunity';
import { ForecastModel, type Forecast } from '../../lib/engine/forecast';
import { quantile } from '../../lib/engine/metrics';
import { Random } from '../../lib/seeded/random';
import { generateSandbox } from '../../lib/sandbox/generate';
import { joinedMavenCsv, MAVEN_DIR, mavenAvailable } from '../integration/maven';

const days = (o: Opportunity): number => daysBetween(o.createdDate as string, o.closeDate as string);
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** P50 MAE and P10–P90 coverage of days open and amount on won test deals. */
function score(won: Opportunity[], forecasts: Forecast[]): { daysMae: number; daysCoverage: number; amountMae: number; amountCoverage: number } {
  const range = (i: number) => forecasts[i]?.closeDate?.daysOpen as { p10: number; p50: number; p90: number };
  const amount = (i: number) => forecasts[i]?.amount as { p10: number; p50: number; p90: number };
  return {
    daysMae: mean(won.map((o, i) => Math.abs(days(o) - range(i).p50))),
    daysCoverage: mean(won.map((o, i) => (days(o) >= range(i).p10 && days(o) <= range(i).p90 ? 1 : 0))),
    amountMae: mean(won.map((o, i) => Math.abs((o.amount as number) - amount(i).p50))),
    amountCoverage: mean(won.map((o, i) => ((o.amount as number) >= amount(i).p10 && (o.amount as number) <= amount(i).p90 ? 1 : 0))),
  };
}

if (!mavenAvailable) console.warn(`skipping the Maven CRM forecast tests: ${MAVEN_DIR} is missing (see ../shared/data/README.md)`);

describe.skipIf(!mavenAvailable)('forecasts on Maven CRM, time split at 2017-10-01', () => {
  const imported = mavenAvailable ? importCsv(joinedMavenCsv()) : null;
  const all = imported?.opportunities ?? [];
  const closed = all.filter((o) => o.isClosed);
  const open = all.filter((o) => !o.isClosed);
  const train = closed.filter((o) => (o.closeDate as string) < '2017-10-01');
  const test = closed.filter((o) => o.isWon && (o.closeDate as string) >= '2017-10-01');
  const model = mavenAvailable
    ? ForecastModel.train(train, { encoder: { fields: imported?.fields, exclude: imported?.leakyAttributes.map((l) => l.key), open } })
    : null;

  it('trains on the won deals, without the close-time amount as a duration feature', () => {
    expect(model?.status.closeDate).toEqual({ available: true, deals: 3042, reason: null });
    expect(model?.status.amount).toEqual({ available: true, deals: 3042, reason: null });
    // close_value is empty on open deals: the encoder's leakage check drops it.
    expect(model?.closeDateModel?.json.encoder.features.map((f) => f.key)).not.toContain('amount');
    expect(model?.closeDateModel?.json.encoder.features.map((f) => f.key)).not.toContain('createdMonth');
  });

  it('reaches the baselines: days open P50 MAE ≤ 38, amount P50 MAE ≤ 200, with calibrated ranges', () => {
    expect(test).toHaveLength(1196);
    const result = score(test, (model as ForecastModel).predict(test, '2017-12-31'));
    const trainWon = train.filter((o) => o.isWon);
    const median = quantile(trainWon.map(days), 0.5);
    const medianMae = mean(test.map((o) => Math.abs(days(o) - median)));
    expect(medianMae).toBeCloseTo(37.57, 2);
    expect(result.daysMae).toBeLessThanOrEqual(38);
    expect(result.amountMae).toBeLessThanOrEqual(200);
    expect(result.daysCoverage).toBeGreaterThan(0.7);
    expect(result.daysCoverage).toBeLessThan(0.9);
    expect(result.amountCoverage).toBeGreaterThan(0.7);
    expect(result.amountCoverage).toBeLessThan(0.9);
  });

  it('forecasts every open deal with an engage date to close after the as-of day, most of them overdue', () => {
    const forecasts = (model as ForecastModel).predict(open, '2017-12-31');
    const dated = forecasts.filter((f) => f.closeDate !== null);
    expect(dated).toHaveLength(open.filter((o) => o.createdDate !== null).length);
    for (const f of dated) expect((f.closeDate?.p10 ?? '') > '2017-12-31').toBe(true);
    // Most open Maven deals were engaged over 138 days before the data ends: longer than any won deal took.
    expect(dated.filter((f) => f.closeDate?.basis === 'overdue').length).toBeGreaterThan(dated.length / 2);
  });
});

describe('forecasts on the sandbox (seed 7, 10,000 opportunities)', () => {
  const org = generateSandbox({ seed: 7, opportunities: 10_000 });
  const closed = org.opportunities.filter((o) => o.isClosed).sort((a, b) => ((a.closeDate as string) < (b.closeDate as string) ? -1 : 1));
  const open = org.opportunities.filter((o) => !o.isClosed);
  const cut = Math.round(closed.length * 0.8);
  const train = closed.slice(0, cut);
  const test = closed.slice(cut).filter((o) => o.isWon);
  const model = ForecastModel.train(train, { encoder: { open } });

  it('beats the median on days open (which depend on amount, type and company size) with ~80% ranges', () => {
    const result = score(test, model.predict(test, org.asOf));
    const median = quantile(train.filter((o) => o.isWon).map(days), 0.5);
    const medianMae = mean(test.map((o) => Math.abs(days(o) - median)));
    expect(result.daysMae).toBeLessThan(0.8 * medianMae);
    expect(result.daysCoverage).toBeGreaterThan(0.7);
    expect(result.daysCoverage).toBeLessThan(0.9);
    expect(result.amountCoverage).toBeGreaterThan(0.7);
    expect(result.amountCoverage).toBeLessThan(0.9);
  });

  it('conditions open deals on their age: ranges after the as-of day that cover ~80% of the real close dates', () => {
    const full = ForecastModel.train(closed, { encoder: { open } });
    const willWin = open.filter((o) => org.truth.openOutcomes[o.id]?.isWon === true);
    const forecasts = full.predict(willWin, org.asOf);
    let covered = 0;
    willWin.forEach((o, i) => {
      const range = forecasts[i]?.closeDate;
      const actual = org.truth.openOutcomes[o.id]?.closeDate as string;
      expect((range?.p10 ?? '') > org.asOf).toBe(true);
      if (range && actual >= range.p10 && actual <= range.p90) covered++;
    });
    expect(willWin.length).toBeGreaterThan(500);
    expect(covered / willWin.length).toBeGreaterThan(0.7);
    expect(covered / willWin.length).toBeLessThan(0.9);
  });

  it('gives honest ranges from as few as 30 won deals', () => {
    const random = new Random(1);
    const coverage = [1, 2, 3].map(() => {
      const sample = random.shuffle(train.filter((o) => o.isWon)).slice(0, 30);
      const small = ForecastModel.train(sample);
      expect(small.status.closeDate.available).toBe(true);
      return score(test, small.predict(test, org.asOf)).daysCoverage;
    });
    expect(mean(coverage)).toBeGreaterThan(0.65);
    expect(mean(coverage)).toBeLessThan(0.95);
  });
});
