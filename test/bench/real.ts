/**
 * Win Potential on real data against scikit-learn (issue 15, item 6), part of `npm run bench`
 * and runnable alone:
 *
 *   npm run bench:real [-- salvirt,ibm,xeducation]   (node bin/run-ts.mjs test/bench/real.ts …)
 *
 * For each real data set in ../shared/data (read in place, never copied into the repo):
 * the raw file imported as `dealsight evaluate` imports it (columns known only at the close
 * set aside by the importer and the engine), then stratified 5-fold CV with
 * `stratifiedFolds(closed, 5, 0)`. Dealsight is fitted on each fold as evaluateWin fits it;
 * scikit-learn's RandomForest(100), HistGradientBoosting and LogisticRegression are fitted
 * on the same folds with the same feature columns (sklearn_cv.py), when scikit-learn is
 * installed. Every model's pooled out-of-fold predictions are scored here with the same
 * functions: ROC AUC, Brier, ECE over 10 equal-count bins, and the mean fit time per fold
 * on one core. The tables go to stdout and, as markdown for the README, to a file
 * ($BENCH_REAL_MD, else dealsight-bench-real.md in the temp folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCsv, type ImportResult } from '../../lib/crm/csv/import';
import type { Opportunity } from '../../lib/crm/opportunity';
import { categoryOf, numberOf, readFeature, type FeatureSpec } from '../../lib/engine/encode';
import { stratifiedFolds } from '../../lib/engine/evaluate';
import { brierScore, rocAuc } from '../../lib/engine/metrics';
import { WinModel, type WinModelJSON, type WinTrainOptions } from '../../lib/engine/win';
import { calibrationErrorEqualCount as equalCountEce } from '../../lib/engine/metrics';
import { findSklearnPython } from './python';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared real data sets, next to the repository (../shared/data/README.md); $DEALSIGHT_DATA elsewhere. */
export const DATA = resolve(process.env.DEALSIGHT_DATA ?? join(ROOT, '../shared/data'));
const FOLDS = 5;
const SEED = 0;

interface RealSet {
  name: string;
  label: string;
  file: string;
}

export const REAL_SETS: readonly RealSet[] = [
  { name: 'salvirt', label: 'Salvirt B2B', file: 'salvirt-b2b/salvirt_b2b.csv' },
  {
    name: 'ibm',
    label: 'IBM Sales Win Loss',
    file: 'ibm-sales-win-loss/WA_Fn-UseC_-Sales-Win-Loss.csv',
  },
  { name: 'xeducation', label: 'X Education leads', file: 'xeducation-leads/Leads.csv' },
];

interface ModelResult {
  model: string;
  auc: number;
  brier: number;
  ece: number;
  /** Mean CPU time of a fit per fold, ms: on a shared machine wall time measures the neighbours too. */
  fitMs: number;
  /** Mean wall time of a fit per fold, ms. */
  wallMs: number;
}

interface SklearnModelOutput {
  fitMs: number[];
  fitCpuMs: number[];
  auc: number;
  brier: number;
  ece: number;
  predictions: number[];
}

interface SklearnOutput {
  sklearn: string;
  capped: string[];
  models: Record<'rf' | 'hgb' | 'lr', SklearnModelOutput>;
}

const SKLEARN_MODELS: ReadonlyArray<{ id: 'rf' | 'hgb' | 'lr'; label: string }> = [
  { id: 'rf', label: 'scikit-learn RandomForest(100), one-hot' },
  { id: 'hgb', label: 'scikit-learn HistGradientBoosting, native categories' },
  { id: 'lr', label: 'scikit-learn LogisticRegression, one-hot, scaled' },
];

/** A data file's path as the README names it (../shared/data/…), or in full when $DEALSIGHT_DATA points elsewhere. */
export const shown = (file: string): string => {
  const path = relative(ROOT, join(DATA, file));
  return path.startsWith('../shared/') ? path : join(DATA, file);
};
const int = (n: number): string => n.toLocaleString('en-US');

/** The file's rows as the CLI reads them: the raw file, its outcome column recognized by the importer. */
function importSet(set: RealSet): ImportResult {
  return importCsv(readFileSync(join(DATA, set.file)), { source: 'csv' });
}

/** Each feature's value on every closed deal as Dealsight reads it (before its rare levels are pooled): the table scikit-learn fits. */
function featureTable(features: FeatureSpec[], closed: Opportunity[]): Record<string, Array<string | number | null>> {
  const columns: Record<string, Array<string | number | null>> = {};
  for (const feature of features) {
    columns[feature.key] = closed.map((o) => {
      const raw = readFeature(o, feature.source);
      if (feature.kind === 'categorical') return categoryOf(raw);
      const n = numberOf(raw);
      return Number.isNaN(n) ? null : n;
    });
  }
  return columns;
}

function metricsOf(model: string, y: number[], p: ArrayLike<number>, fitMs: number, wallMs: number): ModelResult {
  return { model, auc: rocAuc(y, p), brier: brierScore(y, p), ece: equalCountEce(y, p), fitMs, wallMs };
}

/** Settings of the model as it serves, read from its JSON so fields the engine adds later show up too. */
function configuration(json: Omit<WinModelJSON, 'forest'>): string {
  const { trees, minSamplesLeaf, maxFeatures, features } = json.params;
  const config = json.config;
  const served =
    !config || config.forest === 1
      ? 'the forest alone'
      : config.forest === 0
        ? 'the linear model alone'
        : `a blend, ${Math.round(config.forest * 100)}% forest`;
  return `${served} (last fold's choice); ${trees} trees, at least ${minSamplesLeaf} deals a leaf, ${maxFeatures} features tried per split, ${features} features`;
}

interface SetResult {
  set: RealSet;
  closed: number;
  won: number;
  rows: ModelResult[];
  config: string;
  features: string[];
  setAside: Array<{ label: string; reason: string }>;
  notes: string[];
}

function benchSet(set: RealSet, python: ReturnType<typeof findSklearnPython>, work: string): SetResult {
  const imported = importSet(set);
  const closed = imported.opportunities.filter((o) => o.isClosed);
  const open = imported.opportunities.filter((o) => !o.isClosed);
  const y: number[] = closed.map((o) => (o.isWon ? 1 : 0));
  const won = y.reduce((a, b) => a + b, 0);
  const notes: string[] = [];
  // What `dealsight evaluate` passes (lib/cli/commands/evaluate.ts), with evaluateWin's open deals for the coverage check.
  // The encoder sets aside what is known only at the close by itself (names, coverage, separation).
  const train: WinTrainOptions = { encoder: { fields: imported.fields, open } };
  const fold = stratifiedFolds(closed, FOLDS, SEED);
  // Two full fits on the first fold's deals, thrown away, before any fit is timed: the fits
  // compared are then steady-state, as in the extension's long-lived worker and as
  // scikit-learn's compiled code always is. (A small warm-up left the first folds paying
  // for V8's compiling and re-optimizing the linear model, the blends and the encoder on
  // full-size data: fold fits on X Education of 450–700 ms against 370 ms warm.) The cold
  // first fit is reported beside.
  const warmRows = closed.filter((_, i) => fold[i] !== 0);
  const coldStart = performance.now();
  WinModel.train(warmRows, train);
  const coldMs = performance.now() - coldStart;
  WinModel.train(warmRows, train);
  notes.push(
    `Dealsight's first fit in a fresh process (compiling included): ${Math.round(coldMs).toLocaleString('en-US')} ms wall; the folds are timed after two such fits.`,
  );

  const oof = new Float64Array(closed.length);
  const fitMs: number[] = [];
  const wallMs: number[] = [];
  const foldAuc: number[] = [];
  let first: WinModel | null = null;
  // Each fold fits its own encoder: a near-constant column can be kept in one fold and not the next. scikit-learn gets every column any fold kept.
  const kept = new Map<string, { feature: FeatureSpec; folds: number }>();
  for (let f = 0; f < FOLDS; f++) {
    const trainRows = closed.filter((_, i) => fold[i] !== f);
    const testIndex = closed.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const start = performance.now();
    const cpu = process.cpuUsage();
    const model = WinModel.train(trainRows, train);
    const used = process.cpuUsage(cpu);
    fitMs.push((used.user + used.system) / 1000);
    wallMs.push(performance.now() - start);
    const p = model.predict(testIndex.map((i) => closed[i] as Opportunity));
    testIndex.forEach((row, j) => (oof[row] = p[j] as number));
    foldAuc.push(
      rocAuc(
        testIndex.map((i) => y[i] as number),
        p,
      ),
    );
    for (const feature of model.json.encoder.features) {
      const entry = kept.get(feature.key);
      if (entry) entry.folds++;
      else kept.set(feature.key, { feature, folds: 1 });
    }
    first ??= model;
    process.stderr.write(`  ${set.name}: Dealsight fold ${f + 1} of ${FOLDS}, ${fitMs[f]?.toFixed(0)} ms CPU (${wallMs[f]?.toFixed(0)} ms wall)\n`);
  }
  const model = first as WinModel;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  notes.push(`Dealsight's mean AUC over the folds (what \`dealsight evaluate --split cv --repeats 1\` reports): ${mean(foldAuc).toFixed(3)}`);
  const rows: ModelResult[] = [metricsOf('Dealsight', y, oof, mean(fitMs), mean(wallMs))];

  const features = [...kept.values()].map((entry) => entry.feature);
  const partial = [...kept.values()].filter((entry) => entry.folds < FOLDS);
  if (partial.length > 0) notes.push(`kept in some folds only: ${partial.map((e) => `${e.feature.label} (${e.folds} of ${FOLDS})`).join(', ')}`);
  if (python) {
    const tablePath = join(work, `${set.name}.json`);
    writeFileSync(
      tablePath,
      JSON.stringify({ features: features.map(({ key, kind }) => ({ key, kind })), columns: featureTable(features, closed), y, fold: Array.from(fold) }),
    );
    const run = spawnSync(python.command, [join(HERE, 'sklearn_cv.py'), tablePath], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      // Its progress (one line per model) goes straight to stderr.
      stdio: ['ignore', 'pipe', 'inherit'],
      // One core for every model: HistGradientBoosting and BLAS would otherwise use all of them.
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    });
    if (run.status !== 0) {
      notes.push(`scikit-learn run failed (exit ${run.status ?? run.signal}): its error is on stderr above`);
    } else {
      const out = JSON.parse(run.stdout) as SklearnOutput;
      if (out.capped.length > 0) notes.push(`HistGradientBoosting pooled the rarest levels past 254 of ${out.capped.join(', ')}`);
      for (const { id, label } of SKLEARN_MODELS) {
        const m = out.models[id];
        const row = metricsOf(label, y, m.predictions, mean(m.fitCpuMs), mean(m.fitMs));
        // The same definitions on both sides: scikit-learn's own metrics must agree with ours.
        for (const key of ['auc', 'brier', 'ece'] as const) {
          if (Math.abs(row[key] - m[key]) > 1e-9) notes.push(`${label}: ${key} ${row[key]} here but ${m[key]} in scikit-learn`);
        }
        rows.push(row);
      }
    }
  }
  const setAside = model.json.dropped.filter((d) => !kept.has(d.key)).map((d) => ({ label: d.label, reason: d.reason }));
  return { set, closed: closed.length, won, rows, config: configuration(model.json), features: features.map((f) => f.label), setAside, notes };
}

const HEADER = ['model', 'ROC AUC', 'Brier', 'ECE', 'fit per fold (ms CPU)', 'fit ÷ RF(100)'];

function cells(result: SetResult): string[][] {
  const rf = result.rows.find((r) => r.model.startsWith('scikit-learn RandomForest'));
  return result.rows.map((r) => [
    r.model,
    r.auc.toFixed(3),
    r.brier.toFixed(4),
    r.ece.toFixed(3),
    int(Math.round(r.fitMs)),
    rf ? `×${(r.fitMs / rf.fitMs).toFixed(2)}` : '—',
  ]);
}

function title(result: SetResult): string {
  return `${result.set.label} (${shown(result.set.file)}): ${int(result.closed)} closed deals, ${int(result.won)} won; stratified ${FOLDS}-fold CV, seed ${SEED}, same folds and feature columns for every model`;
}

function printText(result: SetResult): void {
  console.log(title(result));
  const rows = [HEADER, ...cells(result)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  '));
  console.log(`  Dealsight: ${result.config}`);
  console.log(`  features: ${result.features.join(', ')}`);
  console.log(`  set aside:${result.setAside.length === 0 ? ' nothing' : ''}`);
  for (const d of result.setAside) console.log(`    ${d.label}: ${d.reason}`);
  console.log(`  wall time per fold (ms): ${result.rows.map((r) => `${r.model.replace(/,.*/, '')} ${int(Math.round(r.wallMs))}`).join(', ')}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
  console.log('');
}

function markdown(result: SetResult): string {
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  // Columns set aside for the same reason share one entry: "A, B, C (why)".
  const byReason = new Map<string, string[]>();
  for (const d of result.setAside) byReason.set(d.reason, [...(byReason.get(d.reason) ?? []), d.label]);
  const setAside = [...byReason.entries()].map(([reason, labels]) => `${labels.join(', ')} (${reason})`).join('; ');
  return [
    `**${result.set.label}** (\`${shown(result.set.file)}\`): ${int(result.closed)} closed deals, ${int(result.won)} won`,
    '',
    line(HEADER),
    line(HEADER.map((_, c) => (c === 0 ? '---' : '---:'))),
    ...cells(result).map(line),
    '',
    `Dealsight: ${result.config}. Set aside: ${setAside || 'nothing'}.`,
    '',
  ].join('\n');
}

export function machine(python: ReturnType<typeof findSklearnPython>): string {
  const cpu = cpus();
  return `node ${process.version}${python ? `, scikit-learn ${python.sklearn}` : ''}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} (${cpu.length} cores, one used per fit)`;
}

/** Runs the real-data comparison on the named sets; returns the markdown (also written to a file). */
export function benchRealData(names: readonly string[] = REAL_SETS.map((s) => s.name)): string {
  const unknown = names.filter((n) => !REAL_SETS.some((s) => s.name === n));
  if (unknown.length > 0) throw new Error(`unknown data set ${unknown.join(', ')}: choose from ${REAL_SETS.map((s) => s.name).join(', ')}`);
  const python = findSklearnPython(['numpy']);
  console.log(`Win Potential on real data against scikit-learn: ${machine(python)}; load average ${loadavg()[0]?.toFixed(1)}`);
  if (!python) {
    const tried = process.env.PYTHON ? `$PYTHON (${process.env.PYTHON})` : '/usr/bin/python3 or python3';
    console.log(`(scikit-learn not found for ${tried}: Dealsight's numbers only; apt-get install python3-sklearn)`);
  }
  console.log('');
  const work = mkdtempSync(join(tmpdir(), 'dealsight-bench-real-'));
  const parts: string[] = [
    `Measured by \`npm run bench\` (test/bench/real.ts) on ${machine(python)}. Stratified ${FOLDS}-fold CV (seed ${SEED}), the same folds and feature columns for every model; ` +
      'AUC, Brier and ECE (10 equal-count bins) of the pooled out-of-fold predictions; fit time is CPU time per fold.',
    '',
  ];
  try {
    for (const set of REAL_SETS.filter((s) => names.includes(s.name))) {
      if (!existsSync(join(DATA, set.file))) {
        console.log(`${set.label}: skipped, ${shown(set.file)} is not there (../shared/data/README.md says where it comes from)`);
        console.log('');
        continue;
      }
      const result = benchSet(set, python, work);
      printText(result);
      parts.push(markdown(result));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const md = parts.join('\n');
  const path = process.env.BENCH_REAL_MD ?? join(tmpdir(), 'dealsight-bench-real.md');
  writeFileSync(path, md);
  console.log(`markdown for the README written to ${path}`);
  return md;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv[2]?.split(',').filter(Boolean);
  benchRealData(names && names.length > 0 ? names : undefined);
}
