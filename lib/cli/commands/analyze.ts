/**
 * `dealsight analyze <file.csv> [--json] [--top N]`: the open pipeline ranked by Win
 * Potential, each deal with the factors that raise and lower it.
 */
import { basename } from 'node:path';
import type { Opportunity } from '../../crm/opportunity';
import { checkSufficiency } from '../../engine/sufficiency';
import { WinModel, WIN_DEFAULTS, type WinFactor, type WinScore } from '../../engine/win';
import { parseArgs, positiveInteger } from '../args';
import { clip, int, money, pct, table } from '../format';
import { leakyAttributeKeys } from '../leaky';
import { CliError, loadCsv } from '../load';
import type { Progress } from '../progress';

export const ANALYZE_USAGE = `dealsight analyze <file.csv> [--json] [--top N] [--all] [--seed N] [--trees N]
  Trains Win Potential on the closed deals and ranks the open ones.
  --top N   show the N highest-ranked open deals (default 25); --all shows every one
  --json    print one JSON object on stdout`;

export function analyzeCommand(argv: string[], progress: Progress, out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, {
    json: { type: 'boolean' },
    top: { type: 'number' },
    all: { type: 'boolean' },
    seed: { type: 'number' },
    trees: { type: 'number' },
  });
  if (positionals.length > 1) throw new CliError(`analyze reads one file, got ${positionals.length}: ${positionals.join(' ')}`);
  const imported = loadCsv(positionals[0], progress);
  const file = basename(imported.file);
  const closed = imported.opportunities.filter((o) => o.isClosed);
  const open = imported.opportunities.filter((o) => !o.isClosed);
  const wins = closed.filter((o) => o.isWon).length;
  const sufficiency = checkSufficiency(wins, closed.length - wins);

  let model: WinModel | null = null;
  if (sufficiency.enough) {
    const trees = positiveInteger(flags, 'trees', WIN_DEFAULTS.trees);
    progress.phase(`Training Win Potential on ${int(closed.length)} closed deals`);
    model = WinModel.train(closed, {
      trees,
      seed: typeof flags.seed === 'number' ? flags.seed : WIN_DEFAULTS.seed,
      encoder: { fields: imported.fields, exclude: leakyAttributeKeys(imported), open },
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.done();
    for (const dropped of model.json.dropped) progress.note(`  not a win feature: ${dropped.label}: ${dropped.reason}`);
  } else {
    progress.note(sufficiency.message);
  }
  progress.phase(`Scoring ${int(open.length)} open deals`);
  const scores = model ? model.score(open) : [];
  progress.done();
  const scoreById = new Map(scores.map((s) => [s.id, s]));
  const closedProbability = model ? oobById(model, closed) : new Map<string, number>();
  const ranked = [...open].sort((a, b) => (scoreById.get(b.id)?.probability ?? -1) - (scoreById.get(a.id)?.probability ?? -1));

  if (flags.json) {
    out(
      JSON.stringify({
        file,
        closed: closed.length,
        won: wins,
        lost: closed.length - wins,
        open: open.length,
        sufficiency: { enough: sufficiency.enough, winsNeeded: sufficiency.winsNeeded, lossesNeeded: sufficiency.lossesNeeded, message: sufficiency.message },
        personas: [],
        opportunities: imported.opportunities.map((o) => {
          const score = scoreById.get(o.id);
          return {
            id: o.id,
            name: o.name,
            isClosed: o.isClosed,
            isWon: o.isWon,
            winPotential: score ? round(score.probability) : o.isClosed ? (closedProbability.get(o.id) ?? null) : null,
            winBand: score?.band ?? null,
            raising: score?.raising.map(jsonFactor) ?? [],
            lowering: score?.lowering.map(jsonFactor) ?? [],
          };
        }),
      }),
    );
    return 0;
  }

  const limit = flags.all ? ranked.length : positiveInteger(flags, 'top', 25);
  out(report(file, ranked.slice(0, limit), scoreById, { open: open.length, closed: closed.length, wins, message: sufficiency.enough ? null : sufficiency.message }));
  return 0;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function jsonFactor(f: WinFactor): { field: string; value: string; impact: number } {
  return { field: f.label, value: f.value, impact: round(f.impact) };
}

/** Out-of-bag (honest) probabilities of the training deals, for the JSON's closed rows. */
function oobById(model: WinModel, closed: Opportunity[]): Map<string, number> {
  const map = new Map<string, number>();
  const oob = model.oob;
  if (!oob) return map;
  closed.forEach((o, i) => {
    const p = oob[i] as number;
    if (!Number.isNaN(p)) map.set(o.id, round(p));
  });
  return map;
}

function factorText(f: WinFactor): string {
  const points = Math.round(f.impact * 100);
  return `${points >= 0 ? '+' : '−'}${Math.abs(points)} ${f.label}: ${clip(f.value, 24)}`;
}

function report(
  file: string,
  ranked: Opportunity[],
  scores: Map<string, WinScore>,
  counts: { open: number; closed: number; wins: number; message: string | null },
): string {
  const lines: string[] = [];
  if (counts.open === 0) {
    return `${file} has no open deals to rank (${int(counts.closed)} closed).`;
  }
  lines.push(
    counts.message
      ? `Open pipeline of ${file}: ${int(counts.open)} deals, not scored. ${counts.message}`
      : `Open pipeline of ${file}, ranked by Win Potential: ${int(counts.open)} open deals; trained on ${int(counts.closed)} closed (${pct(counts.wins / counts.closed)} won)`,
  );
  lines.push('');
  const header = ['#', 'Win', 'Band', 'Opportunity', 'Account', 'Amount', 'Close', 'Why'];
  const rows = ranked.map((o, i) => {
    const s = scores.get(o.id);
    const why = s ? [...s.raising.slice(0, 2), ...s.lowering.slice(0, 1)].map(factorText).join('; ') : '';
    return [
      String(i + 1),
      s ? pct(s.probability) : '–',
      s?.band ?? '',
      clip(o.name || o.id, 34),
      clip(o.account?.name ?? '', 22),
      money(o.amount, o.currency),
      o.closeDate ?? '',
      why,
    ];
  });
  lines.push(table([header, ...rows], new Set([0, 1, 5])));
  if (ranked.length < counts.open) lines.push(`\n… ${int(counts.open - ranked.length)} more (--all lists every open deal)`);
  return lines.join('\n');
}
