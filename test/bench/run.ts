/**
 * `npm run bench`: speed and memory of the engine against the budgets in design.md.
 * Benchmarks measure; tests never assert wall time. Numbers go to stdout as a table.
 *
 *   train + score times for 1k, 10k and 50k sandbox opportunities
 *   the histogram forest against ml-random-forest at 1k rows (fit time and AUC)
 */
import { RandomForestClassifier } from 'ml-random-forest';
import { encode, fitEncoder } from '../../lib/engine/encode';
import { applyBinning, fitBinning } from '../../lib/engine/forest/binning';
import { HistogramForest } from '../../lib/engine/forest/forest';
import { rocAuc } from '../../lib/engine/metrics';
import { WinModel } from '../../lib/engine/win';
import { generateSandbox } from '../../lib/sandbox/generate';
import type { Opportunity } from '../../lib/crm/opportunity';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** scikit-learn RandomForestClassifier(100) fit time per 1,000 rows on this machine (design.md). */
const SKLEARN_MS_PER_1K = 450;

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function verdict(measured: number, budget: number): string {
  return measured <= budget ? 'within budget' : 'OVER BUDGET';
}

function row(cells: string[]): void {
  console.log(cells.map((c, i) => (i === 0 ? c.padEnd(44) : c.padStart(14))).join(''));
}

console.log(`Dealsight benchmarks (node ${process.version}, one core; budgets from design.md)\n`);
row(['measure', 'time', 'budget', '']);

// Warm the JIT once so the first size is not charged for compilation.
{
  const warm = generateSandbox({ seed: 99, opportunities: 800 });
  WinModel.train(warm.opportunities.filter((o) => o.isClosed), { trees: 20 });
}

for (const size of SIZES) {
  const org = generateSandbox({ seed: 7, opportunities: size });
  const closed = org.opportunities.filter((o) => o.isClosed);
  const open = org.opportunities.filter((o) => !o.isClosed);
  const heapBefore = process.memoryUsage().heapUsed;
  const trained = time(() => WinModel.train(closed, { encoder: { open } }));
  const heapAfter = process.memoryUsage().heapUsed;
  const model = trained.value;
  // Score as many open deals as the budget names (10k): reuse closed rows as stand-ins.
  const toScore: Opportunity[] = [];
  for (let i = 0; toScore.length < 10_000; i++) toScore.push((org.opportunities[i % org.opportunities.length] as Opportunity));
  const predicted = time(() => model.predict(toScore));
  const scored = time(() => model.score(toScore));
  const label = `${size.toLocaleString('en-US')} opportunities (${closed.length.toLocaleString('en-US')} closed)`;
  const trainBudget = size === 10_000 ? 2000 : Number.NaN;
  row([`train Win Potential, ${label}`, `${trained.ms.toFixed(0)} ms`, Number.isNaN(trainBudget) ? '' : `${trainBudget} ms`, Number.isNaN(trainBudget) ? '' : verdict(trained.ms, trainBudget)]);
  const sklearnMs = (closed.length / 1000) * SKLEARN_MS_PER_1K;
  row([`  vs scikit-learn RF(100) ≈ ${sklearnMs.toFixed(0)} ms on these rows`, `×${(trained.ms / sklearnMs).toFixed(2)}`, '×0.50', verdict(trained.ms / sklearnMs, 0.5)]);
  row([`  heap held by training, ${label}`, mb(Math.max(0, heapAfter - heapBefore)), size === 50_000 ? '300 MB' : '', '']);
  row([`score 10,000 open: probabilities only`, `${predicted.ms.toFixed(0)} ms`, '500 ms', verdict(predicted.ms, 500)]);
  row([`score 10,000 open: with factors (panels)`, `${scored.ms.toFixed(0)} ms`, '500 ms', verdict(scored.ms, 500)]);
  console.log('');
}
row(['process peak resident memory', mb(process.resourceUsage().maxRSS * 1024), '300 MB', verdict(process.resourceUsage().maxRSS * 1024, 300 * 1024 * 1024)]);
console.log('');

// The histogram forest against ml-random-forest on the same 1k rows and features.
{
  const org = generateSandbox({ seed: 11, opportunities: 1600 });
  const closed = org.opportunities.filter((o) => o.isClosed).slice(0, 1300);
  const train = closed.slice(0, 1000);
  const test = closed.slice(1000);
  const { spec } = fitEncoder(train);
  const trainColumns = encode(spec, train);
  const binning = fitBinning(trainColumns);
  const ytrain = train.map((o) => (o.isWon ? 1 : 0));
  const ytest = test.map((o) => (o.isWon ? 1 : 0));
  const ours = time(() => HistogramForest.fit(applyBinning(binning, trainColumns), ytrain, { task: 'classification', trees: 100, minSamplesLeaf: 3, seed: 1 }));
  const ourAuc = rocAuc(ytest, ours.value.predict(applyBinning(binning, encode(spec, test))));
  // ml-random-forest takes numbers: categories as their level codes, missing as −1.
  const matrix = (columns: ReturnType<typeof encode>, rows: number): number[][] =>
    Array.from({ length: rows }, (_, r) =>
      columns.map((c) => (c.kind === 'numeric' ? (Number.isNaN(c.values[r] as number) ? -1 : (c.values[r] as number)) : (c.codes[r] as number))),
    );
  const reference = new RandomForestClassifier({ nEstimators: 100, maxFeatures: Math.max(1, Math.round(Math.sqrt(spec.features.length))) / spec.features.length, seed: 1, useSampleBagging: true });
  console.log(`forest vs ml-random-forest on ${train.length} rows × ${spec.features.length} features, 100 trees (ml-random-forest takes a while)…`);
  const theirs = time(() => reference.train(matrix(trainColumns, train.length), ytrain));
  const probabilities = (reference as unknown as { predictProbability(x: number[][], label: number): number[] }).predictProbability(matrix(encode(spec, test), test.length), 1);
  const theirAuc = rocAuc(ytest, probabilities);
  row(['histogram forest fit (1,000 rows)', `${ours.ms.toFixed(0)} ms`, '', `AUC ${ourAuc.toFixed(3)}`]);
  row(['ml-random-forest fit (1,000 rows)', `${theirs.ms.toFixed(0)} ms`, '', `AUC ${theirAuc.toFixed(3)}`]);
  row(['speed-up', `×${(theirs.ms / ours.ms).toFixed(0)}`, '', '']);
}
