/**
 * `npm run bench`: speed and memory of the engine against the budgets in design.md.
 * Benchmarks measure; tests never assert wall time. Numbers go to stdout as a table.
 *
 * - Win Potential training and scoring for 1k, 10k and 50k sandbox opportunities;
 * - the same time split fitted by scikit-learn's RandomForest(100), measured live when
 *   python3 with scikit-learn is installed (Debian: python3-sklearn python3-pandas);
 * - peak memory of a process that trains on 50k opportunities;
 * - the whole analysis of 78,025 closed IBM deals: CPU time per step and peak memory (scale.ts);
 * - the histogram forest against ml-random-forest at 1k rows;
 * - Win Potential on the real Salvirt, IBM and X Education files against scikit-learn's
 *   RandomForest(100), HistGradientBoosting and LogisticRegression on the same folds (real.ts);
 * - hostile CSV files against ordinary files of the same size, and a 190 MB export
 *   through `dealsight check` (hostile.ts);
 * - the extension in Chromium (extension.ts), and the Salesforce and HubSpot overlays
 *   against their sandbox servers (crm.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomForestClassifier } from 'ml-random-forest';
import { importCsv } from '../../lib/crm/csv/import';
import type { Opportunity } from '../../lib/crm/opportunity';
import { encode, fitEncoder } from '../../lib/engine/encode';
import { orderByTime } from '../../lib/engine/evaluate';
import { applyBinning, fitBinning } from '../../lib/engine/forest/binning';
import { HistogramForest } from '../../lib/engine/forest/forest';
import { brierScore, rocAuc } from '../../lib/engine/metrics';
import { personaScorer } from '../../lib/engine/alignment';
import { ForecastModel } from '../../lib/engine/forecast';
import { discoverPersonas } from '../../lib/engine/personas';
import { qualityReport, replayDays } from '../../lib/engine/quality';
import { SimilarIndex } from '../../lib/engine/similar';
import { WinModel } from '../../lib/engine/win';
import { hasStageHistory } from '../../lib/engine/asof/history';
import { AsOfModel, outOfBag, pipelineOrder } from '../../lib/engine/asof/model';
import { replayBacktest } from '../../lib/engine/asof/replay';
import { truthAt, type DealPath } from '../../lib/sandbox/deal-path';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import { benchExtension } from './extension';
import { E2E_EXTENSION_DIR } from '../../scripts/browser/launch';
import { benchContentScripts, benchCrm } from './crm';
import { benchSoak } from './soak';
import { benchHostile } from './hostile';
import { findSklearnPython } from './python';
import { benchRealData, DATA, REAL_SETS, shown } from './real';
import type { ScaleRun } from './scale';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dealsight-bench-'));

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const verdict = (ok: boolean): string => (ok ? 'within budget' : 'OVER BUDGET');

function row(cells: string[]): void {
  console.log(cells.map((c, i) => (i === 0 ? c.padEnd(58) : c.padStart(16))).join(''));
}

/** A Python with scikit-learn and pandas (pyenv's python3 may lack Debian's packages: python.ts). */
const python = findSklearnPython(['pandas'])?.command;
const haveSklearn = python !== undefined;

function sklearnFit(csvPath: string): { train: number; fitMs: number; auc: number; brier: number } | null {
  if (!haveSklearn) return null;
  const run = spawnSync(python as string, [join(HERE, 'sklearn_fit.py'), csvPath], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    console.log(`  (scikit-learn run failed: ${run.stderr.trim().split('\n').at(-1) ?? ''})`);
    return null;
  }
  return JSON.parse(run.stdout) as { train: number; fitMs: number; auc: number; brier: number };
}

console.log(`Dealsight benchmarks: node ${process.version}, one core, budgets from design.md`);
if (!haveSklearn) console.log('(scikit-learn comparison skipped: install python3-sklearn and python3-pandas to run it)');
console.log('');
row(['measure', 'result', 'budget', '']);

// Warm the JIT so the first size is not charged for compiling the forest.
{
  const warm = generateSandbox({ seed: 99, opportunities: 2000 });
  WinModel.train(
    warm.opportunities.filter((o) => o.isClosed),
    { trees: 30 },
  );
}

for (const size of SIZES) {
  const label = `${size.toLocaleString('en-US')} opportunities`;
  const org = generateSandbox({ seed: 7, opportunities: size });
  const csvPath = join(work, `sandbox-${size}.csv`);
  writeFileSync(csvPath, toSalesforceReportCsv(org));
  // The same rows scikit-learn sees: the report read back, oldest 80% of closed deals by close date.
  const imported = importCsv(toSalesforceReportCsv(org));
  const closed = imported.opportunities.filter((o) => o.isClosed);
  const open = imported.opportunities.filter((o) => !o.isClosed);
  const { ordered } = orderByTime(closed);
  const cut = Math.round(ordered.length * 0.8);
  const train = ordered.slice(0, cut);
  const test = ordered.slice(cut);
  const fitted = time(() => WinModel.train(train, { encoder: { open } }));
  const p = fitted.value.predict(test);
  const y = test.map((o) => (o.isWon ? 1 : 0));
  row([`${label}: train Win Potential on ${cut.toLocaleString('en-US')} closed`, ms(fitted.ms), '', '']);
  row([`  time-split test: AUC / Brier`, `${rocAuc(y, p).toFixed(3)} / ${brierScore(y, p).toFixed(3)}`, '', '']);
  const sk = sklearnFit(csvPath);
  if (sk) {
    row([`  scikit-learn RF(100) on the same ${sk.train.toLocaleString('en-US')} rows`, ms(sk.fitMs), '', '']);
    row([`  scikit-learn time-split test: AUC / Brier`, `${sk.auc.toFixed(3)} / ${sk.brier.toFixed(3)}`, '', '']);
    row([`  fit time against scikit-learn's`, `×${(fitted.ms / sk.fitMs).toFixed(2)}`, '≤ ×0.50', verdict(fitted.ms / sk.fitMs <= 0.5)]);
  }
  // Scoring: 10,000 deals (open ones, repeated as needed), probabilities and full panels.
  const toScore: Opportunity[] = Array.from({ length: 10_000 }, (_, i) => (open.length > 0 ? open : closed)[i % (open.length || closed.length)] as Opportunity);
  const model = fitted.value;
  row([`  score 10,000 open: probabilities`, ms(time(() => model.predict(toScore)).ms), '≤ 500 ms', '']);
  const scored = time(() => model.score(toScore));
  row([`  score 10,000 open: probabilities and reasons`, ms(scored.ms), '≤ 500 ms', verdict(scored.ms <= 500)]);
  console.log('');
}

/**
 * Issue 18: Win Potential as of the day trains on snapshots of the closed deals with a stage
 * history, every 14 days each was open (lib/engine/asof/model.ts), reading the stage-blind
 * model's out-of-bag votes: how many snapshots that is, how long the model takes to train
 * (snapshots and pace yardstick included), and all models with it against the 10k budget.
 */
function benchAsOf(closed: Opportunity[], otherModelsMs: number | null, budget: boolean, trained?: WinModel): void {
  const withHistory = closed.filter((o) => hasStageHistory(o));
  const pipeline = pipelineOrder(withHistory);
  const stageBlind = trained ?? WinModel.train(closed, { seed: 1 });
  const fitted = time(() => AsOfModel.train(withHistory, { pipeline, prior: outOfBag(stageBlind, closed), encoder: stageBlind.json.encoder }));
  const count = (n: number): string => n.toLocaleString('en-US');
  row([
    `  as-of Win Potential: ${count(fitted.value.snapshots)} snapshots of ${count(fitted.value.deals)} deals with a stage history, trained in`,
    ms(fitted.ms),
    '',
    '',
  ]);
  if (otherModelsMs !== null) {
    row([
      `  all models with the as-of one`,
      ms(otherModelsMs + fitted.ms),
      budget ? '≤ 2000 ms' : '',
      budget ? verdict(otherModelsMs + fitted.ms <= 2000) : '',
    ]);
  }
}

// The budget's own unit: all models (Win Potential, personas, forecasts) trained on
// exactly 10,000 closed opportunities, then on 50,000; and scoring 10,000 open ones.
for (const closedCount of [10_000, 50_000]) {
  const org = generateSandbox({ seed: 8, opportunities: Math.round(closedCount * 1.3) });
  const all = org.opportunities;
  const closed = all.filter((o) => o.isClosed).slice(0, closedCount);
  const open = all.filter((o) => !o.isClosed);
  const label = closedCount.toLocaleString('en-US');
  const win = time(() => WinModel.train(closed, { encoder: { open } }));
  const personas = time(() => discoverPersonas([...closed, ...open]));
  const forecast = time(() => ForecastModel.train(closed));
  const total = win.ms + personas.ms + forecast.ms;
  row([`train on ${label} closed: Win Potential`, ms(win.ms), '', '']);
  row([`  Repeat Buyer Personas (${personas.value.org?.personas.length ?? 0} found)`, ms(personas.ms), '', '']);
  row([`  close-date and amount forecasts`, ms(forecast.ms), '', '']);
  row([`  all models`, ms(total), closedCount === 10_000 ? '≤ 2000 ms' : '', closedCount === 10_000 ? verdict(total <= 2000) : '']);
  // The train job also writes the quality report (issue 7): a second Win Potential fit on the
  // older 80% for the time-split backtest, lift and calibration, and the drift check.
  const quality = time(() => qualityReport([...closed, ...open], { win: win.value }));
  row([`  quality report (backtest refit on 80%, drift)`, ms(quality.ms), '', '']);
  row([`  all models and the quality report (the train job)`, ms(total + quality.ms), '', '']);
  benchAsOf(closed, total, closedCount === 10_000);
  if (closedCount === 10_000) {
    const toScore: Opportunity[] = Array.from({ length: 10_000 }, (_, i) => open[i % open.length] as Opportunity);
    const asOf = org.asOf;
    const orgPersonas = personas.value.org?.personas ?? [];
    const probabilities = time(() => win.value.predict(toScore));
    const alignment = time(() => {
      const best = personaScorer(orgPersonas);
      return toScore.map((o) => best(o));
    });
    const forecasts = time(() => forecast.value.predict(toScore, asOf));
    const scoring = probabilities.ms + alignment.ms + forecasts.ms;
    row([`score 10,000 open: Win Potential`, ms(probabilities.ms), '', '']);
    row([`  Repeat Buyer Potential`, ms(alignment.ms), '', '']);
    row([`  close-date and amount forecasts`, ms(forecasts.ms), '', '']);
    row([`  all scores (what the popup ranks by)`, ms(scoring), '≤ 500 ms', verdict(scoring <= 500)]);
    const reasons = time(() => win.value.score(toScore));
    row([`  Win Potential with its reasons (panels, per deal on demand)`, ms(reasons.ms), '', '']);
    const index = time(() => SimilarIndex.build(closed, { asOf }));
    const similar = time(() => toScore.slice(0, 1000).map((o) => index.value.find(o, { asOf })));
    row([`  similar deals: index ${ms(index.ms)}, per deal`, `${(similar.ms / 1000).toFixed(2)} ms`, '', '']);
  }
  console.log('');
}

// The replay backtest against the sandbox's truth (issue 18): at each past day, monthly over
// the last year, the AUC of the as-of model, the stage-blind model and the CRM's probability on
// the deals open that day, beside the AUC of the chance of a win given each deal's record that
// day (lib/sandbox/deal-path.ts), which no model reading only the past can beat; the issue
// asks the as-of model to stay within 0.02 of it. And the quality page's monthly replay time.
for (const seed of [7, 9]) {
  const org = generateSandbox({ seed, opportunities: 12_000 });
  const replay = time(() => replayBacktest(org.opportunities, { points: 12, stepDays: 30 }));
  row([`replay on sandbox seed ${seed} (12,000 deals): 12 days, 30 apart`, ms(replay.ms), '', '']);
  for (const point of replay.value.points) {
    const scored = org.opportunities.filter((o) => o.isClosed && (o.createdDate as string) <= point.asOf && point.asOf < (o.closeDate as string));
    const truth = rocAuc(
      scored.map((o) => (o.isWon ? 1 : 0)),
      scored.map((o) => truthAt(org.truth.paths[o.id] as DealPath, org.truth.winProbability[o.id] as number, point.asOf) as number),
    );
    const auc = (c: 'asOf' | 'stageBlind' | 'crm'): string => (point.scores[c]?.auc ?? Number.NaN).toFixed(3);
    const under = truth - (point.scores.asOf?.auc ?? Number.NaN);
    row([
      `  ${point.asOf}, ${point.scored} deals: AUC as of the day ${auc('asOf')}, stage-blind ${auc('stageBlind')}, CRM ${auc('crm')}; truth ${truth.toFixed(3)}, under it by`,
      under.toFixed(3),
      '≤ 0.02',
      under <= 0.02 ? 'within it' : 'MORE THAN 0.02 UNDER',
    ]);
  }
}
{
  const org = generateSandbox({ seed: 8, opportunities: 13_000 });
  const closed = org.opportunities.filter((o) => o.isClosed).length;
  const monthly = time(() => replayBacktest(org.opportunities, replayDays(closed)));
  row([`the quality page's replay (train job), ${closed.toLocaleString('en-US')} closed: ${monthly.value.points.length} days`, ms(monthly.ms), '', '']);
  console.log('');
}

// The as-of model at the IBM set's size, 78,000 closed deals, on the sandbox (the IBM file
// has no stage history: there the stage-blind model serves and no snapshot is built).
{
  const org = generateSandbox({ seed: 8, opportunities: Math.round(78_000 * 1.3) });
  const closed = org.opportunities.filter((o) => o.isClosed).slice(0, 78_000);
  const open = org.opportunities.filter((o) => !o.isClosed);
  row([`as-of Win Potential on 78,000 closed (sandbox)`, '', '', '']);
  const win = time(() => WinModel.train(closed, { encoder: { open } }));
  row([`  stage-blind Win Potential, for comparison`, ms(win.ms), '', '']);
  benchAsOf(closed, null, false, win.value);
  console.log('');
}

{
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/run-ts.mjs'), join(HERE, 'memory.ts'), '50000'], { encoding: 'utf8', cwd: ROOT });
  if (run.status === 0) {
    const { peakRss, startRss, dataRss } = JSON.parse(run.stdout) as { peakRss: number; startRss: number; dataRss: number };
    // The extension's worker runs neither the TypeScript loader nor the sandbox generator,
    // so the budget is judged on what the data and the training add to the process.
    row(['memory while training 50,000 opportunities: data and models', mb(peakRss - startRss), '≤ 300 MB', verdict(peakRss - startRss <= 300 * 1024 * 1024)]);
    row(['  of which training (peak over the data held)', mb(peakRss - dataRss), '', '']);
    row(['  whole process, with Node and the TypeScript loader', mb(peakRss), '', '']);
  } else {
    row(['peak memory while training 50,000: the child process failed', run.stderr.trim().split('\n').at(-1) ?? '', '', '']);
  }
  console.log('');
}

// Scale (issue 15, item 5): the whole analysis of the largest real file, 78,025 closed IBM
// deals, in a child process of its own (scale.ts) for its peak memory.
{
  const ibm = REAL_SETS.find((s) => s.name === 'ibm') as (typeof REAL_SETS)[number];
  const path = join(DATA, ibm.file);
  if (!existsSync(path)) {
    console.log(`scale: analyze on ${ibm.label} skipped: ${shown(ibm.file)} not found (set DEALSIGHT_DATA to the shared data folder)`);
  } else {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/run-ts.mjs'), join(HERE, 'scale.ts'), path], { encoding: 'utf8', cwd: ROOT });
    if (run.status === 0) {
      const scale = JSON.parse(run.stdout) as ScaleRun;
      const label = `analyze ${scale.closed.toLocaleString('en-US')} closed deals (${ibm.label}): CPU`;
      row([label, ms(scale.cpuMs), '≤ 8000 ms', verdict(scale.cpuMs <= 8000)]);
      // Forecasts report no progress when the data has no dates: their time is in the step before.
      for (const { step, cpuMs } of scale.steps) row([`  ${step}`, ms(cpuMs), '', '']);
      // Judged as the 50,000-deal training above is: on what the data and the models add to
      // the process (the extension's worker runs neither Node nor the TypeScript loader).
      const added = scale.peakRss - scale.startRss;
      row(['  memory: data and models', mb(added), '≤ 300 MB', verdict(added <= 300 * 1024 * 1024)]);
      row(['    of which the imported file', mb(scale.dataRss - scale.startRss), '', '']);
      row(['    whole process, with Node and the TypeScript loader', mb(scale.peakRss), '', '']);
    } else {
      row([`scale: analyze on ${ibm.label}: the child process failed`, run.stderr.trim().split('\n').at(-1) ?? '', '', '']);
    }
  }
  console.log('');
}

// Hostile files against ordinary ones of the same size (issue 14), and a 190 MB export through the CLI.
row(['hostile file (issue 14)', 'import', 'against', 'ratio']);
benchHostile(row);
console.log('');

// The histogram forest against ml-random-forest on the same 1k rows and features.
{
  const org = generateSandbox({ seed: 11, opportunities: 1700 });
  const closed = org.opportunities.filter((o) => o.isClosed).slice(0, 1300);
  const train = closed.slice(0, 1000);
  const test = closed.slice(1000);
  const { spec } = fitEncoder(train);
  const trainColumns = encode(spec, train);
  const binning = fitBinning(trainColumns);
  const ytrain = train.map((o) => (o.isWon ? 1 : 0));
  const ytest = test.map((o) => (o.isWon ? 1 : 0));
  const ours = time(() =>
    HistogramForest.fit(applyBinning(binning, trainColumns), ytrain, { task: 'classification', trees: 100, minSamplesLeaf: 3, maxFeatures: 2, seed: 1 }),
  );
  const ourAuc = rocAuc(ytest, ours.value.predict(applyBinning(binning, encode(spec, test))));
  // ml-random-forest takes numbers: categories as their level codes, missing as −1.
  const matrix = (columns: ReturnType<typeof encode>, rows: number): number[][] =>
    Array.from({ length: rows }, (_, r) =>
      columns.map((c) => (c.kind === 'numeric' ? (Number.isNaN(c.values[r] as number) ? -1 : (c.values[r] as number)) : (c.codes[r] as number))),
    );
  const reference = new RandomForestClassifier({ nEstimators: 100, maxFeatures: 2 / spec.features.length, seed: 1, useSampleBagging: true });
  console.log(
    `forest against ml-random-forest: ${train.length} rows × ${spec.features.length} features, 100 trees, 2 features per split (ml-random-forest takes a while)`,
  );
  const theirs = time(() => reference.train(matrix(trainColumns, train.length), ytrain));
  const probabilities = (reference as unknown as { predictProbability(x: number[][], label: number): number[] }).predictProbability(
    matrix(encode(spec, test), test.length),
    1,
  );
  row(['  histogram forest: fit, held-out AUC', ms(ours.ms), `AUC ${ourAuc.toFixed(3)}`, '']);
  row(['  ml-random-forest: fit, held-out AUC', ms(theirs.ms), `AUC ${rocAuc(ytest, probabilities).toFixed(3)}`, '']);
  row(['  speed-up', `×${(theirs.ms / ours.ms).toFixed(0)}`, '', '']);
}

// Real data sets (../shared/data) against scikit-learn's models on the same folds (issue 15): real.ts.
// BENCH_REAL=salvirt,xeducation runs some of them (IBM alone takes a few minutes).
console.log('');
benchRealData(process.env.BENCH_REAL?.split(',').filter(Boolean));

console.log('');
console.log('extension (Chromium, e2e build):');
await benchExtension();

console.log('');
console.log('CRM overlays (Chromium, e2e build, sandbox CRM servers on localhost):');
if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) {
  console.log('CRM benchmarks skipped: run `npm run build:e2e` first');
} else {
  benchContentScripts();
  for (const crm of ['salesforce', 'hubspot'] as const) {
    console.log(crm === 'salesforce' ? 'Salesforce:' : 'HubSpot:');
    await benchCrm(crm);
    await benchSoak(crm);
  }
}
