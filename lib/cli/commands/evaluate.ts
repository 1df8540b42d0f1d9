/**
 * `dealsight evaluate <file.csv> [--split time|cv] [--json]`: how well Win Potential
 * would have predicted the file's closed deals.
 */
import { basename } from 'node:path';
import { evaluateWin, type Evaluation } from '../../engine/evaluate';
import type { Opportunity } from '../../crm/opportunity';
import { WinModel, WIN_DEFAULTS } from '../../engine/win';
import { InsufficientDataError } from '../../engine/sufficiency';
import { parseArgs, positiveInteger } from '../args';
import { bar, int, num, pct, table } from '../format';
import { CliError, loadCsv } from '../load';
import type { Progress } from '../progress';
import { readOutcomeOption } from '../outcome';
import { readStagesOption } from '../stages';
import { leakyAttributeKeys } from '../leaky';

export const EVALUATE_USAGE = `dealsight evaluate <file.csv> [--split time|cv] [--json] [--repeats N] [--seed N] [--trees N] [--stages STAGES]
        [--outcome COLUMN[:WON_VALUE]]
  Trains Win Potential on part of the closed deals and tests it on the rest.
  --split time   train on the oldest 80% of closed deals, test on the newest 20% (default)
  --split cv     stratified 5-fold cross-validation (repeated 5 times under 2,000 closed deals)
  --stages       what stages are, over what their names suggest (see check)
  --outcome      the column that says won or lost, and its won value (see check)
  --json         print one JSON object on stdout`;

export function evaluateCommand(argv: string[], progress: Progress, out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, {
    split: { type: 'string', choices: ['time', 'cv'] },
    json: { type: 'boolean' },
    stages: { type: 'string' },
    outcome: { type: 'string' },
    repeats: { type: 'number' },
    seed: { type: 'number' },
    trees: { type: 'number' },
  });
  if (positionals.length > 1) throw new CliError(`evaluate reads one file, got ${positionals.length}: ${positionals.join(' ')}`);
  const imported = loadCsv(positionals[0], progress, {
    stages: typeof flags.stages === 'string' ? readStagesOption(flags.stages) : undefined,
    outcome: typeof flags.outcome === 'string' ? readOutcomeOption(flags.outcome) : undefined,
  });
  const split = (flags.split as 'time' | 'cv' | undefined) ?? 'time';
  const trees = positiveInteger(flags, 'trees', WIN_DEFAULTS.trees);
  const closed = imported.opportunities.filter((o) => o.isClosed);
  if (closed.length === 0) throw new CliError(`${basename(imported.file)} has no closed deals to evaluate on`);
  warmUp(closed);
  progress.phase(split === 'cv' ? 'Cross-validating Win Potential' : 'Training Win Potential on the older deals');
  let evaluation: Evaluation;
  try {
    evaluation = evaluateWin(imported.opportunities, {
      split,
      repeats: flags.repeats === undefined ? undefined : positiveInteger(flags, 'repeats', 1),
      seed: typeof flags.seed === 'number' ? flags.seed : undefined,
      train: {
        trees,
        encoder: { fields: imported.fields, exclude: leakyAttributeKeys(imported) },
      },
      onProgress: (message) => progress.note(`  ${message}`),
    });
  } catch (error) {
    if (error instanceof InsufficientDataError) throw new CliError(`cannot evaluate: ${error.message}`);
    throw error;
  }
  progress.done();
  if (flags.json) {
    out(
      JSON.stringify({
        rows: evaluation.rows,
        closed: evaluation.closed,
        won: evaluation.won,
        lost: evaluation.lost,
        split: evaluation.split,
        train: evaluation.train,
        test: evaluation.test,
        win: evaluation.win,
        trainMs: round(evaluation.trainMs, 1),
        repeats: evaluation.repeats,
        baseline: evaluation.baseline,
      }),
    );
    return 0;
  }
  out(report(basename(imported.file), evaluation, trees));
  return 0;
}

/**
 * Fits a small throwaway model first so that `trainMs` measures fitting, not V8 compiling
 * the forest code on its first run (about 100 ms here). scikit-learn's fit, the yardstick
 * for trainMs, runs precompiled code; the extension's long-lived worker is warm too.
 */
function warmUp(closed: Opportunity[]): void {
  const sample = closed.filter((_, i) => i % Math.max(1, Math.floor(closed.length / 400)) === 0);
  try {
    WinModel.train(sample, { trees: 10 });
  } catch {
    // Too few deals to warm up on: the real fit will report that, with the numbers.
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function report(file: string, e: Evaluation, trees: number): string {
  const lines: string[] = [];
  lines.push(`Win Potential evaluation of ${file}`);
  lines.push(`  ${int(e.rows)} opportunities, ${int(e.closed)} closed: ${int(e.won)} won, ${int(e.lost)} lost (win rate ${pct(e.won / e.closed, 1)})`);
  if (e.split === 'time') lines.push(`  Time split: trained on the oldest ${int(e.train)} closed deals, tested on the newest ${int(e.test)}`);
  else lines.push(`  Cross-validation: ${e.folds.length} folds of about ${int(e.train)} training deals each`);
  for (const note of e.notes) lines.push(`  (${note})`);
  lines.push('');
  lines.push(
    table(
      [
        ['', 'Win Potential', 'base rate only'],
        ['ROC AUC (higher is better)', num(e.win.auc), num(e.baseline.auc)],
        ['Brier score (lower is better)', num(e.win.brier), num(e.baseline.brier)],
        ['Log loss (lower is better)', num(e.win.logLoss), num(e.baseline.logLoss)],
      ].map((row) => row.map((cell) => `  ${cell}`)),
      new Set([1, 2]),
    ),
  );
  lines.push('');
  lines.push(`  Training time: ${e.trainMs.toFixed(0)} ms${e.split === 'cv' ? ' per fold' : ''} (${trees} trees, calibration included)`);
  lines.push('');
  lines.push('  Calibration: of the deals given a probability in each band, the share that was won');
  const rows = e.calibration
    .filter((bin) => bin.count > 0)
    .map((bin) => [
      `  ${pct(bin.from)}–${pct(bin.to)}`,
      `${int(bin.count)} deals`,
      `predicted ${pct(bin.meanPredicted)}`,
      `won ${pct(bin.observedRate)}`,
      bar(bin.observedRate, 20),
    ]);
  lines.push(table(rows, new Set([1])));
  const auc = e.win.auc;
  lines.push('');
  lines.push(
    `  In plain words: ${
      !Number.isFinite(auc)
        ? 'the test deals all had the same outcome, so ranking cannot be judged.'
        : auc >= 0.75
          ? `given a won and a lost deal, Win Potential ranks the won one higher ${pct(auc)} of the time.`
          : auc >= 0.6
            ? `Win Potential ranks a won deal above a lost one ${pct(auc)} of the time: a useful but modest signal.`
            : `Win Potential ranks a won deal above a lost one only ${pct(auc)} of the time: these fields carry little signal about wins.`
    }`,
  );
  return lines.join('\n');
}
