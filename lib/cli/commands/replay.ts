/**
 * `dealsight evaluate <file.csv> --split asof`: the replay backtest (lib/engine/asof/replay.ts)
 * printed per day T and pooled: the as-of model, the stage-blind model and the CRM's stage
 * probability, each scored on the deals open at T by how they ended. With `--history`, the
 * deals a history export joined get their history from it (lib/cli/history.ts).
 */
import { basename } from 'node:path';
import type { ImportResult } from '../../crm/csv/import';
import { replayBacktest, type Contender, type ContenderScore } from '../../engine/asof/replay';
import type { ColumnChoices } from '../columns';
import type { LoadedHistory } from '../history';
import { int, num, table } from '../format';
import type { Progress } from '../progress';

const NAMES: Record<Contender, string> = {
  asOf: 'as of the day (stage, days in stage, age …)',
  stageBlind: "stage-blind (the deal's own fields)",
  crm: "the CRM's stage probability",
};
const ORDER: readonly Contender[] = ['asOf', 'stageBlind', 'crm'];
/** The CRM contender when a history recorded probabilities: the one last set by each day (replay.ts). */
const RECORDED_CRM = "the CRM's probability as recorded by the day (its stage's default where none was)";

export function replayCommand(
  imported: ImportResult & { file: string },
  columns: ColumnChoices,
  seed: number | undefined,
  json: boolean,
  progress: Progress,
  out: (text: string) => void,
  history: LoadedHistory | null = null,
): number {
  progress.phase(
    history === null
      ? 'Replaying the last year: training and scoring as of each month'
      : `Replaying the last year on the histories of ${int(history.summary.joined)} deals from ${history.summary.file}: training and scoring as of each month`,
  );
  const result = replayBacktest(imported.opportunities, {
    seed,
    fields: imported.fields,
    exclude: columns.exclude,
    keep: columns.keep,
    histories: history?.histories,
  });
  progress.done();
  if (json) {
    out(JSON.stringify({ split: 'asof', history: history?.summary ?? null, points: result.points, pooled: result.pooled, notes: result.notes }));
    return 0;
  }
  const recorded = history !== null && [...history.histories.values()].some((h) => h.probabilities.length > 0);
  const lines = [`${basename(imported.file)}: Win Potential replayed as of past days (each scored by models of the deals closed before it)`];
  if (history !== null) {
    const s = history.summary;
    lines.push(
      `  Histories from ${s.file} for ${int(s.joined)} of the ${int(imported.opportunities.length)} deals (joined by ${s.joinedBy === 'id' ? 'id' : 'exact name'}, ${s.joinColumn}): ` +
        `their stage entries, close dates, amounts and probabilities as recorded${s.joined < imported.opportunities.length ? '; the other deals keep their own stage paths' : ''}.`,
    );
  }
  if (result.points.length === 0) {
    lines.push('  Nothing to replay.');
  } else {
    const cell = (s: ContenderScore | undefined): string => (s ? `${num(s.auc)} / ${num(s.brier)}` : '—');
    lines.push('');
    lines.push(
      table(
        [
          ['as of', 'trained on', 'scored', 'won', ...ORDER.map((c) => `${c} AUC / Brier`)],
          ...result.points.map((p) => [p.asOf, int(p.trained), int(p.scored), int(p.won), ...ORDER.map((c) => cell(p.scores[c]))]),
          ['all', '', int(result.points.reduce((a, p) => a + p.scored, 0)), '', ...ORDER.map((c) => cell(result.pooled[c]))],
        ],
        new Set([1, 2, 3]),
      )
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
    lines.push('');
    lines.push('  All days together:');
    for (const c of ORDER) {
      const pooled = result.pooled[c];
      if (pooled)
        lines.push(
          `    ${c}: AUC ${num(pooled.auc)}, Brier ${num(pooled.brier, 4)}, ECE ${num(pooled.ece)}, top tenth won ${num(pooled.lift, 2)}× as often as all: ${c === 'crm' && recorded ? RECORDED_CRM : NAMES[c]}`,
        );
    }
  }
  for (const note of result.notes) lines.push(`  note: ${note}`);
  out(lines.join('\n'));
  return 0;
}
