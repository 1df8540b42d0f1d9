/**
 * `dealsight check <file.csv> [--stages …] [--outcome …] [--json]`: reads a file as analyze
 * and evaluate would, and says what it got: the format, encoding and delimiter, how many
 * deals, every warning and rejected row, the outcome column and the whole stage map,
 * without training anything. The way to look at a file, and to settle its stage map or
 * outcome column, before analyzing it.
 */
import { basename } from 'node:path';
import { parseArgs } from '../args';
import { CliError, loadCsv, outcomeText } from '../load';
import type { Progress } from '../progress';
import { readOutcomeOption } from '../outcome';
import { readStagesOption } from '../stages';

export const CHECK_USAGE = `dealsight check <file.csv> [--stages STAGES] [--outcome COLUMN[:WON_VALUE]] [--json]
  Reads the file and reports what was read: deals, warnings, rejected rows, the outcome
  column or the stage map (how each stage counts: won, lost or open), without training.
  --stages   what stages are, over what their names suggest: 'Dead = open; Parked = open',
             or a file of such lines (analyze and evaluate take it too)
  --outcome  the column that says won or lost, by its header, and the value meaning won:
             'Opportunity Result:Won', Converted:1; without a value, one such as Won, Yes,
             1 or True is recognized. Other values are lost, empty cells open
             (analyze and evaluate take it too)
  --json     print one JSON object on stdout`;

export function checkCommand(argv: string[], progress: Progress, out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, { json: { type: 'boolean' }, stages: { type: 'string' }, outcome: { type: 'string' } });
  if (positionals.length > 1) throw new CliError(`check reads one file, got ${positionals.length}`);
  const stages = typeof flags.stages === 'string' ? readStagesOption(flags.stages) : undefined;
  const outcome = typeof flags.outcome === 'string' ? readOutcomeOption(flags.outcome) : undefined;
  const imported = loadCsv(positionals[0], progress, { stages, outcome, allStages: true });
  progress.done();
  const won = imported.opportunities.filter((o) => o.isClosed && o.isWon).length;
  const lost = imported.opportunities.filter((o) => o.isClosed && !o.isWon).length;
  const open = imported.opportunities.length - won - lost;
  if (flags.json) {
    out(
      JSON.stringify({
        file: basename(imported.file),
        format: imported.format,
        encoding: imported.encoding,
        delimiter: imported.delimiter,
        opportunities: imported.opportunities.length,
        won,
        lost,
        open,
        rejected: imported.rejected,
        warnings: imported.warnings,
        outcome: imported.outcome,
        stageMap: imported.stageMap,
        stageMapOmitted: imported.stageMapOmitted,
      }),
    );
  } else {
    const n = (x: number): string => x.toLocaleString('en-US');
    out(
      `${basename(imported.file)}: ${n(imported.opportunities.length)} opportunities (${n(won)} won, ${n(lost)} lost, ${n(open)} open), ${n(imported.rejected.length)} row${imported.rejected.length === 1 ? '' : 's'} rejected`,
    );
    if (imported.outcome !== null) out(outcomeText(imported.outcome));
  }
  return 0;
}
