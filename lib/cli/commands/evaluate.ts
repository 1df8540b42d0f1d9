/**
 * `dealsight evaluate <file.csv> [--split time|cv|asof] [--json]`: how well Win Potential
 * would have predicted the file's closed deals.
 */
import { basename } from 'node:path';
import { evaluateWin, type Evaluation } from '../../engine/evaluate';
import type { Opportunity } from '../../crm/opportunity';
import { WinModel, WIN_DEFAULTS } from '../../engine/win';
import { InsufficientDataError } from '../../engine/sufficiency';
import { parseArgs, positiveInteger, UsageError } from '../args';
import { bar, int, num, pct, table } from '../format';
import { CliError, loadCsv } from '../load';
import type { Progress } from '../progress';
import { readOutcomeOption } from '../outcome';
import { readStagesOption } from '../stages';
import { COLUMN_USAGE, readColumnChoices } from '../columns';
import { describeSetAside } from '../set-aside';
import { loadHistory } from '../history';
import { replayCommand } from './replay';

export const EVALUATE_USAGE = `dealsight evaluate <file.csv> [--split time|cv|asof] [--json] [--repeats N] [--seed N] [--trees N] [--stages STAGES] [--include COLS] [--exclude COLS]
        [--outcome COLUMN[:WON_VALUE]] [--history HISTORY.csv]
  Trains Win Potential on part of the closed deals and tests it on the rest.
  --split time   train on the oldest 80% of closed deals, test on the newest 20% (default)
  --split cv     stratified 5-fold cross-validation (repeated 5 times under 2,000 closed deals)
  --split asof   replay: every 30 days over the last year, the deals open that day scored by models of the
                 deals closed before it, as they stood then (needs stage history: HubSpot "Date entered" columns),
                 against the stage-blind model and the CRM's stage probability
  --history      with --split asof: a Salesforce opportunity history export ("Opportunity History" or
                 "Opportunity Field History" report) whose stage, close date, amount and probability changes,
                 each on its day, replace the deals' own stage paths; joined by Opportunity ID, else by name
  --stages       what stages are, over what their names suggest (see check)
  --outcome      the column that says won or lost, and its won value (see check)
${COLUMN_USAGE}
  --json         print one JSON object on stdout`;

export function evaluateCommand(argv: string[], progress: Progress, out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, {
    split: { type: 'string', choices: ['time', 'cv', 'asof'] },
    json: { type: 'boolean' },
    stages: { type: 'string' },
    outcome: { type: 'string' },
    repeats: { type: 'number' },
    seed: { type: 'number' },
    trees: { type: 'number' },
    include: { type: 'string' },
    exclude: { type: 'string' },
    history: { type: 'string' },
  });
  // Only the replay reads deals as they stood on past days: elsewhere a history would be silently unused.
  if (flags.history !== undefined && flags.split !== 'asof')
    throw new UsageError('--history works only with --split asof (the replay reads the deals as they stood on past days)');
  if (positionals.length > 1) throw new CliError(`evaluate reads one file, got ${positionals.length}: ${positionals.join(' ')}`);
  const imported = loadCsv(positionals[0], progress, {
    stages: typeof flags.stages === 'string' ? readStagesOption(flags.stages) : undefined,
    outcome: typeof flags.outcome === 'string' ? readOutcomeOption(flags.outcome) : undefined,
  });
  const columns = readColumnChoices(imported, flags.include, flags.exclude);
  if (flags.split === 'asof') {
    const history = typeof flags.history === 'string' ? loadHistory(flags.history, imported, progress) : null;
    return replayCommand(imported, columns, typeof flags.seed === 'number' ? flags.seed : undefined, flags.json === true, progress, out, history);
  }
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
        encoder: { fields: imported.fields, exclude: columns.exclude, keep: columns.keep },
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
        ece: evaluation.ece,
        eceFloor: evaluation.eceFloor,
        configs: evaluation.configs.map((c) => ({ chosen: c.chosen, forest: c.forest })),
        setAside: evaluation.dropped.map(({ key, label, reason, rule }) => ({ key, label, reason, rule })),
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
        ['Calibration error, ECE (lower is better)', num(e.ece), ''],
      ].map((row) => row.map((cell) => `  ${cell}`)),
      new Set([1, 2]),
    ),
  );
  lines.push('');
  lines.push(
    `  ECE is the mean gap between predicted and observed win rates over 10 groups of equal size; on ${int(e.test)} deals, chance alone gives about ${num(e.eceFloor)} to a perfectly calibrated model.`,
  );
  lines.push('');
  lines.push(...configLines(e));
  lines.push('');
  lines.push(...describeSetAside(e.dropped));
  lines.push('');
  lines.push(
    `  Training time: ${e.trainMs.toFixed(0)} ms${e.split === 'cv' ? ' per fold' : ''} (${trees} trees, the configuration choice and calibration included)`,
  );
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

/** Which configuration served, in how many fits, and how the candidates compared in the first. */
function configLines(e: Evaluation): string[] {
  const first = e.configs[0];
  if (!first) return [];
  const describe = (forest: number): string =>
    forest === 1 ? 'forest' : forest === 0 ? 'linear' : `blend ${Math.round(forest * 100)}% forest / ${Math.round((1 - forest) * 100)}% linear`;
  const counts = new Map<string, number>();
  for (const c of e.configs) counts.set(describe(c.forest), (counts.get(describe(c.forest)) ?? 0) + 1);
  const fits = e.configs.length;
  const lines = [
    `  Configuration: ${[...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => (fits === 1 ? name : `${name} in ${n} of ${fits} fits`))
      .join(', ')}`,
  ];
  if (first.candidates.length > 1) {
    lines.push(
      `    chosen on the training deals' out-of-bag forest votes and out-of-fold linear predictions (folds ${first.folds === 'time' ? 'in time order' : 'shuffled'}), by calibrated log loss${fits > 1 ? ', first fit' : ''}:`,
    );
    lines.push(`    ${first.candidates.map((c) => `${describe(c.forest)} ${c.logLoss.toFixed(4)}`).join(' · ')}`);
  }
  if (first.forestSettings.length > 1) {
    lines.push(`    forest settings: ${first.forestSettings.map((s) => `${s.maxFeatures} features per split ${s.logLoss.toFixed(4)}`).join(' · ')}`);
  }
  return lines;
}
