/**
 * `--stages`: what the user says stages are, over what their names suggest (issue 14). A
 * file of `Stage = outcome` lines, or the same inline separated by `;`:
 *
 *     dealsight analyze deals.csv --stages 'Dead = open; Parked = open'
 *     dealsight analyze deals.csv --stages stages.txt
 *
 * The outcome is won, lost or open. A stage may itself hold `=`: the last one separates.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { StageChoice } from '../crm/csv/outcome';
import { UsageError } from './args';

const OUTCOMES: ReadonlySet<string> = new Set<StageChoice>(['won', 'lost', 'open']);

export type StageChoices = Array<[string, StageChoice]>;

export function readStagesOption(value: string): StageChoices {
  const fromFile = existsSync(value) && statSync(value).isFile();
  const text = fromFile ? readFileSync(value, 'utf8') : value;
  const where = fromFile ? `in ${value}` : 'in --stages';
  const entries = text
    .split(fromFile ? /\r?\n/ : /[;\n]/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (entries.length === 0) throw new UsageError(`--stages names no stage: write 'Stage = won', 'Stage = lost' or 'Stage = open'`);
  return entries.map((entry) => {
    const eq = entry.lastIndexOf('=');
    const stage = eq < 0 ? '' : entry.slice(0, eq).trim();
    const outcome =
      eq < 0
        ? ''
        : entry
            .slice(eq + 1)
            .trim()
            .toLowerCase();
    if (stage === '' || !OUTCOMES.has(outcome)) {
      throw new UsageError(`"${entry.length > 60 ? `${entry.slice(0, 59)}…` : entry}" ${where} should read 'Stage = won', 'Stage = lost' or 'Stage = open'`);
    }
    return [stage, outcome as StageChoice];
  });
}
