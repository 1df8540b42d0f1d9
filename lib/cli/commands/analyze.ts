/**
 * `dealsight analyze <file.csv> [--json] [--top N]`: the Repeat Buyer Personas, then the
 * open pipeline ranked by Win Potential with Repeat Buyer Potential, the predicted close
 * date and amount, and the reasons.
 */
import { basename } from 'node:path';
import { analyze, type Analysis, type AnalyzeStep, type OpportunityResult } from '../../engine/analyze';
import type { Persona, PersonaGroup } from '../../engine/personas';
import type { WinFactor } from '../../engine/win';
import { stageAwareScores, type StageAwareResult } from '../../engine/asof/serve';
import { STANDING_LABEL, type AsOfScore } from '../../engine/asof/score';
import { personaPhrase } from '../../panel-data';
import { nameAnalysis } from '../../persona-card/name';
import { parseArgs, positiveInteger, UsageError } from '../args';
import { bar, clip, int, money, pct, table } from '../format';
import { COLUMN_USAGE, readColumnChoices } from '../columns';
import { describeSetAside } from '../set-aside';
import { CliError, loadCsv } from '../load';
import { loadHistory } from '../history';
import type { Progress } from '../progress';
import { readOutcomeOption } from '../outcome';
import { readStagesOption } from '../stages';

export const ANALYZE_USAGE = `dealsight analyze <file.csv> [--json] [--top N] [--all] [--seed N] [--as-of YYYY-MM-DD] [--stages STAGES] [--include COLS] [--exclude COLS]
        [--outcome COLUMN[:WON_VALUE]] [--stage-aware [--history HISTORY.csv]]
  Finds the Repeat Buyer Personas in the won deals, trains Win Potential and the close-date
  and amount forecasts on the closed deals, and ranks the open ones.
  --top N    show the N highest-ranked open deals (default 25); --all shows every one
  --as-of    the day the analysis is as of (default: the latest date in the file)
  --stages   what stages are, over what their names suggest (see check)
  --outcome  the column that says won or lost, and its won value (see check)
  --stage-aware  also score the open deals with a stage history as they stand today (stage, days in
             stage, age: learned from the closed deals' histories; see evaluate --split asof)
  --history  with --stage-aware: a Salesforce opportunity history export, as for evaluate --split asof
${COLUMN_USAGE}
  --json     print one JSON object on stdout`;

const STEP_LABEL: Record<AnalyzeStep, string> = {
  win: 'Training Win Potential',
  personas: 'Finding Repeat Buyer Personas',
  forecast: 'Training close-date and amount forecasts',
  similar: 'Indexing closed deals for similar-deal search',
  score: 'Scoring every opportunity',
};

export function analyzeCommand(argv: string[], progress: Progress, out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, {
    json: { type: 'boolean' },
    stages: { type: 'string' },
    outcome: { type: 'string' },
    top: { type: 'number' },
    all: { type: 'boolean' },
    seed: { type: 'number' },
    'as-of': { type: 'string' },
    include: { type: 'string' },
    exclude: { type: 'string' },
    'stage-aware': { type: 'boolean' },
    history: { type: 'string' },
  });
  // Only the stage-aware scores read deals as they stood: elsewhere a history would be silently unused.
  if (flags.history !== undefined && flags['stage-aware'] !== true)
    throw new UsageError('--history works only with --stage-aware (the stage-aware scores read each deal as it stands)');
  if (positionals.length > 1) throw new CliError(`analyze reads one file, got ${positionals.length}: ${positionals.join(' ')}`);
  const asOf = flags['as-of'] as string | undefined;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new CliError(`--as-of must be a date like 2026-09-30, got "${asOf}"`);
  const limit = flags.all ? Number.POSITIVE_INFINITY : positiveInteger(flags, 'top', 25);
  const imported = loadCsv(positionals[0], progress, {
    stages: typeof flags.stages === 'string' ? readStagesOption(flags.stages) : undefined,
    outcome: typeof flags.outcome === 'string' ? readOutcomeOption(flags.outcome) : undefined,
  });
  const file = basename(imported.file);
  const columns = readColumnChoices(imported, flags.include, flags.exclude);
  let step: AnalyzeStep | null = null;
  const found = analyze(imported.opportunities, {
    seed: typeof flags.seed === 'number' ? flags.seed : undefined,
    asOf,
    fields: imported.fields,
    exclude: columns.exclude,
    keep: columns.keep,
    onProgress: (next, done, total) => {
      if (next !== step) {
        step = next;
        progress.phase(STEP_LABEL[next]);
      }
      progress.update(done, total);
    },
  });
  progress.done();
  const analysis = nameAnalysis(found);
  let stageAware: StageAwareResult | null = null;
  if (flags['stage-aware'] && analysis.asOf !== null) {
    const history = typeof flags.history === 'string' ? loadHistory(flags.history, imported, progress) : null;
    progress.phase('Scoring the open deals as they stand today');
    stageAware = stageAwareScores(imported.opportunities, {
      histories: history?.histories,
      asOf: analysis.asOf,
      seed: typeof flags.seed === 'number' ? flags.seed : undefined,
      fields: imported.fields,
      exclude: columns.exclude,
      keep: columns.keep,
      // The stage-blind model just trained on the same closed deals: its out-of-bag votes are the as-of model's prior.
      stageBlind: analysis.win ?? undefined,
    });
    progress.done();
  }
  for (const note of [...analysis.notes, ...(stageAware?.notes ?? [])]) progress.note(`note: ${note}`);
  if (analysis.win) for (const line of describeSetAside(analysis.win.json.dropped)) progress.note(line);
  out(flags.json ? JSON.stringify(toJson(file, analysis, stageAware)) : report(file, analysis, limit, stageAware));
  return 0;
}

/** The as-of score's reasons as the JSON lists them. */
function reasonsJson(factors: WinFactor[]): Array<{ label: string; value: string; impact: number }> {
  return factors.map((f) => ({ label: f.label, value: f.value, impact: round(f.impact) }));
}

/** A reason as the Why column says it: where the deal stands in a rep's words, a field with its name. */
function said(factor: WinFactor): string {
  return factor.label === STANDING_LABEL ? factor.value : `${factor.label} ${factor.value}`;
}

/** The open deals scored as they stand today, best first, with the reasons from where they stand. */
function stageAwareReport(analysis: Analysis, stageAware: StageAwareResult, limit: number): string[] {
  const open = analysis.results.filter((r) => stageAware.scores.has(r.opportunity.id));
  const ranked = open
    .map((r) => ({ r, s: stageAware.scores.get(r.opportunity.id) as AsOfScore }))
    .sort((a, b) => b.s.probability - a.s.probability || (a.r.opportunity.id < b.r.opportunity.id ? -1 : 1));
  const lines = [
    `As they stand today (stage-aware, trained on ${int(stageAware.trainedOn)} closed deals with their stage history): ${int(open.length)} open deals`,
    '',
  ];
  const rows = ranked
    .slice(0, limit)
    .map(({ r, s }, i) => [
      String(i + 1),
      pct(s.probability),
      r.winPotential === null ? '—' : pct(r.winPotential),
      r.opportunity.name,
      [...s.raising.map((f) => `+ ${said(f)}`), ...s.lowering.map((f) => `− ${said(f)}`)].slice(0, 3).join('; '),
    ]);
  lines.push(table([['#', 'Today', 'Stage-blind', 'Opportunity', 'Why'], ...rows], new Set([0, 1, 2])));
  lines.push('');
  return lines;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

function personaJson(persona: Persona): Record<string, unknown> {
  return {
    id: persona.id,
    name: persona.name,
    company: persona.company,
    size: persona.size,
    repeatRate: persona.repeatRate === null ? null : round(persona.repeatRate),
    lifetimeValue: persona.lifetimeValue === null ? null : round(persona.lifetimeValue, 2),
    winRate: persona.winRate === null ? null : round(persona.winRate),
    attributes: persona.attributes.map((a) => ({
      field: a.label,
      key: a.key,
      value: a.value,
      importance: round(a.weight),
      share: round(a.share),
      baseShare: round(a.baseShare),
    })),
    recentWins: persona.recentWins.map((w) => w.id),
  };
}

function toJson(file: string, analysis: Analysis, stageAware: StageAwareResult | null): Record<string, unknown> {
  return {
    file,
    asOf: analysis.asOf,
    personas: analysis.personas.org?.personas.map(personaJson) ?? [],
    teams: analysis.personas.teams.map((group) => ({ team: group.team, personas: group.personas.map(personaJson) })),
    opportunities: analysis.results.map((r) => {
      const o = r.opportunity;
      return {
        id: o.id,
        name: o.name,
        isClosed: o.isClosed,
        isWon: o.isWon,
        personaId: r.personaId,
        repeatBuyerPotential: r.alignment ? round(r.alignment.score, 2) : null,
        teamPersonaId: r.teamPersonaId,
        teamRepeatBuyerPotential: r.teamAlignment ? round(r.teamAlignment.score, 2) : null,
        winPotential: r.winPotential === null ? null : round(r.winPotential),
        predictedCloseDate: r.forecast?.closeDate?.p50 ?? null,
        predictedAmount: r.forecast?.amount ? round(r.forecast.amount.p50, 2) : null,
        similar: r.similar ? [...r.similar.wins, ...r.similar.losses].map((d) => d.id) : [],
        ...(stageAware ? stageAwareJson(stageAware.scores.get(o.id)) : {}),
      };
    }),
    notes: analysis.notes,
  };
}

function stageAwareJson(score: AsOfScore | undefined): Record<string, unknown> {
  if (score === undefined) return { winPotentialToday: null };
  return { winPotentialToday: round(score.probability), standing: { raising: reasonsJson(score.raising), lowering: reasonsJson(score.lowering) } };
}

function phrase(persona: Persona): string {
  return personaPhrase(persona.attributes, 4);
}

function personaCards(group: PersonaGroup): string[] {
  const lines: string[] = [];
  group.personas.forEach((persona, i) => {
    const facts = [
      `${int(persona.size)} wins (${pct(persona.share)})`,
      persona.repeatRate !== null ? `repeat buyers ${pct(persona.repeatRate)}` : null,
      persona.lifetimeValue !== null ? `lifetime value ${money(persona.lifetimeValue, persona.currency)}` : null,
      persona.winRate !== null ? `aligned deals won ${pct(persona.winRate)} of ${int(persona.alignedClosed)}` : null,
    ].filter(Boolean);
    lines.push(`  ${i + 1}. ${persona.name}, ${persona.company}  [${persona.id}]`);
    lines.push(`     ${phrase(persona)}`);
    lines.push(`     ${facts.join(' · ')}`);
    const rows = persona.attributes.map((a) => [
      `       ${a.label}`,
      clip(a.value, 40),
      bar(a.weight / (persona.attributes[0]?.weight || 1), 16),
      `${pct(a.share)} of the persona, ${pct(a.baseShare)} of all wins`,
    ]);
    lines.push(table(rows));
    const recent = persona.recentWins.slice(0, 3).map((w) => `${clip(w.name, 40)} (${w.closeDate ?? 'no date'})`);
    if (recent.length > 0) lines.push(`       Recent wins: ${recent.join('; ')}`);
    lines.push('');
  });
  return lines;
}

function factorText(f: WinFactor): string {
  const points = Math.round(f.impact * 100);
  return `${points >= 0 ? '+' : '−'}${Math.abs(points)} ${f.label}: ${clip(f.value, 22)}`;
}

function pipelineRow(r: OpportunityResult, rank: number, names: Map<string, string>): string[] {
  const o = r.opportunity;
  const close = r.forecast?.closeDate;
  const amount = r.forecast?.amount;
  const why = r.win ? [...r.win.raising.slice(0, 2), ...r.win.lowering.slice(0, 1)].map(factorText).join('; ') : '';
  return [
    String(rank),
    r.winPotential !== null ? pct(r.winPotential) : '–',
    r.alignment ? String(Math.round(r.alignment.score)) : '–',
    clip(r.alignment ? (names.get(r.alignment.personaId) ?? '') : '', 16),
    clip(o.name || o.id, 30),
    money(o.amount, o.currency),
    amount ? money(amount.p50, amount.currency) : '–',
    o.closeDate ?? '–',
    close ? `${close.p50}${close.slip ? ' slip' : ''}` : '–',
    why,
  ];
}

function report(file: string, analysis: Analysis, limit: number, stageAware: StageAwareResult | null): string {
  const lines: string[] = [];
  const org = analysis.personas.org;
  if (org && org.personas.length > 0) {
    lines.push(
      `Repeat Buyer Personas of ${file}: ${org.personas.length}, from ${int(org.personas.reduce((s, p) => s + p.size, 0))} ${org.basis === 'new customer' ? 'new-customer wins' : 'wins'}`,
    );
    lines.push('');
    lines.push(...personaCards(org));
    for (const group of analysis.personas.teams) {
      lines.push(`  Team ${group.team}: ${group.personas.map((p) => `${p.name} (${phrase(p)})`).join('; ')}`);
    }
    if (analysis.personas.teams.length > 0) lines.push('');
  } else {
    lines.push(`No Repeat Buyer Personas for ${file}: ${analysis.personas.insufficient?.message ?? 'no attribute describes the buyers'}`);
    lines.push('');
  }
  const open = analysis.results.filter((r) => !r.opportunity.isClosed);
  if (open.length === 0) {
    lines.push(`${file} has no open deals to rank.`);
    return lines.join('\n');
  }
  const ranked = [...open].sort((a, b) => (b.winPotential ?? -1) - (a.winPotential ?? -1) || (b.alignment?.score ?? -1) - (a.alignment?.score ?? -1));
  const closed = analysis.results.length - open.length;
  lines.push(
    analysis.win
      ? `Open pipeline ranked by Win Potential${analysis.asOf ? ` (as of ${analysis.asOf})` : ''}: ${int(open.length)} deals; models trained on ${int(closed)} closed`
      : `Open pipeline${analysis.asOf ? ` (as of ${analysis.asOf})` : ''}: ${int(open.length)} deals, without Win Potential: ${analysis.winSufficiency.message}`,
  );
  lines.push('');
  const names = new Map((org?.personas ?? []).map((p) => [p.id, p.name]));
  const header = ['#', 'Win', 'RBP', 'Persona', 'Opportunity', 'Amount', 'Predicted', 'CRM close', 'Predicted', 'Why'];
  const rows = ranked.slice(0, limit).map((r, i) => pipelineRow(r, i + 1, names));
  lines.push(table([header, ...rows], new Set([0, 1, 2, 5, 6])));
  if (rows.length < open.length) lines.push(`\n… ${int(open.length - rows.length)} more (--all lists every open deal)`);
  lines.push('');
  lines.push(
    'Win: Win Potential. RBP: Repeat Buyer Potential, 0–100, against the persona named. Predicted: the forecasts\' P50; "slip": the CRM close date is before the predicted range.',
  );
  if (stageAware && stageAware.scores.size > 0) lines.push('', ...stageAwareReport(analysis, stageAware, limit));
  return lines.join('\n');
}
