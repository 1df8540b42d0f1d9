/**
 * The `dealsight` command as a user runs it: a real process, stdout and stderr apart,
 * exit codes. One JSON object on stdout with --json; errors are one line and non-zero.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDealsight, type CliRun } from './run-dealsight';

const SALVIRT = fileURLToPath(new URL('../../../shared/data/salvirt-b2b/salvirt_b2b.csv', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dealsight-cli-'));

const dealsight = (...args: string[]): CliRun => runDealsight(args);

/** The one line a failed command prints, with the command's name. */
function oneLineError(stderr: string): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((l) => /^dealsight[: ]/.test(l));
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

describe('dealsight sandbox → analyze → evaluate', () => {
  const csv = join(work, 'sandbox.csv');

  it('writes a Salesforce-style report export for a seed', () => {
    const run = dealsight('sandbox', '--seed', '7', '--opportunities', '2000', '--out', csv);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Wrote .*sandbox\.csv: 2,000 opportunities/);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('"Opportunity ID","Opportunity Name","Account ID"')).toBe(true);
    expect(text.trim().split(/\r?\n/)).toHaveLength(2001);
  });

  it('ranks the open pipeline with reasons, highest Win Potential first', () => {
    const run = dealsight('analyze', csv, '--top', '5');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ranked by Win Potential/);
    const rows = run.stdout.split('\n').filter((l) => /^\s*\d+\s+\d+%\s+\d+/.test(l));
    expect(rows).toHaveLength(5);
    const percents = rows.map((l) => Number(/^\s*\d+\s+(\d+)%/.exec(l)?.[1]));
    expect([...percents].sort((a, b) => b - a)).toEqual(percents);
    expect(rows.some((l) => /[+−]\d+ /.test(l))).toBe(true);
  });

  it('prints exactly one JSON object for analyze --json: personas, and every opportunity once with its scores', () => {
    const run = dealsight('analyze', csv, '--json');
    expect(run.status).toBe(0);
    interface Row {
      id: string;
      isClosed: boolean;
      isWon: boolean;
      personaId: string | null;
      repeatBuyerPotential: number | null;
      winPotential: number | null;
      predictedCloseDate: string | null;
      predictedAmount: number | null;
      similar: string[];
    }
    const result = JSON.parse(run.stdout) as {
      personas: Array<{
        id: string;
        name: string;
        company: string;
        size: number;
        repeatRate: number | null;
        attributes: Array<{ field: string; value: string; importance: number }>;
      }>;
      opportunities: Row[];
    };
    expect(result.opportunities).toHaveLength(2000);
    expect(new Set(result.opportunities.map((o) => o.id)).size).toBe(2000);
    expect(result.personas.length).toBeGreaterThanOrEqual(2);
    const personaIds = new Set(result.personas.map((p) => p.id));
    for (const persona of result.personas) {
      expect(persona.name).toMatch(/\S+ \S+/);
      expect(persona.attributes.length).toBeGreaterThan(0);
      expect(persona.attributes.every((a) => typeof a.field === 'string' && typeof a.value === 'string' && a.importance > 0)).toBe(true);
    }
    const closedIds = new Set(result.opportunities.filter((o) => o.isClosed).map((o) => o.id));
    for (const o of result.opportunities) {
      expect(o.personaId === null || personaIds.has(o.personaId)).toBe(true);
      expect(o.similar.every((id) => closedIds.has(id) && id !== o.id)).toBe(true);
    }
    const open = result.opportunities.filter((o) => !o.isClosed);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((o) => typeof o.winPotential === 'number' && o.winPotential > 0 && o.winPotential < 1)).toBe(true);
    expect(open.every((o) => typeof o.repeatBuyerPotential === 'number' && o.repeatBuyerPotential >= 0 && o.repeatBuyerPotential <= 100)).toBe(true);
    expect(open.filter((o) => o.predictedCloseDate !== null).every((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.predictedCloseDate as string))).toBe(true);
    expect(open.filter((o) => o.predictedAmount !== null).length).toBeGreaterThan(open.length * 0.9);
    // Won deals carry their persona cluster.
    expect(result.opportunities.filter((o) => o.isWon).every((o) => o.personaId !== null)).toBe(true);
  });

  it('prints the persona cards before the ranked pipeline', () => {
    const run = dealsight('analyze', csv, '--top', '3');
    expect(run.status).toBe(0);
    const personas = run.stdout.indexOf('Repeat Buyer Personas of sandbox.csv');
    const pipeline = run.stdout.indexOf('Open pipeline ranked by Win Potential');
    expect(personas).toBeGreaterThanOrEqual(0);
    expect(pipeline).toBeGreaterThan(personas);
    expect(run.stdout).toMatch(/repeat buyers \d+%/);
  });

  it('evaluates on a time split with the documented JSON', () => {
    const run = dealsight('evaluate', csv, '--split', 'time', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['rows', 'closed', 'won', 'lost', 'split', 'train', 'test', 'win', 'trainMs']) expect(result).toHaveProperty(key);
    expect(result.split).toBe('time');
    expect(result.rows).toBe(2000);
    expect((result.train as number) + (result.test as number)).toBe(result.closed);
    expect(Object.keys(result.win as object).sort()).toEqual(['auc', 'brier', 'logLoss']);
    expect(run.stderr).toMatch(/training on the oldest/);
  });
});

describe.skipIf(!existsSync(SALVIRT))('dealsight evaluate on the real Salvirt B2B data', () => {
  it('reaches AUC ≥ 0.85 in cross-validation, reading the file as it is', () => {
    const run = dealsight('evaluate', SALVIRT, '--split', 'cv', '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { rows: number; won: number; lost: number; split: string; win: { auc: number; brier: number } };
    expect(result).toMatchObject({ rows: 448, won: 227, lost: 221, split: 'cv' });
    expect(result.win.auc).toBeGreaterThanOrEqual(0.85);
    expect(result.win.brier).toBeLessThanOrEqual(0.163);
  });

  it('prints a readable report without --json', () => {
    const run = dealsight('evaluate', SALVIRT, '--split', 'cv', '--repeats', '1');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ROC AUC \(higher is better\)\s+0\.8\d\d\s+0\.500/);
    expect(run.stdout).toMatch(/Calibration/);
  });
});
if (!existsSync(SALVIRT)) console.warn(`skipping the CLI's Salvirt test: ${SALVIRT} is missing`);

const IBM = fileURLToPath(new URL('../../../shared/data/ibm-sales-win-loss/WA_Fn-UseC_-Sales-Win-Loss.csv', import.meta.url));
const XEDUCATION = fileURLToPath(new URL('../../../shared/data/xeducation-leads/Leads.csv', import.meta.url));
const haveOutcomeFiles = existsSync(IBM) && existsSync(XEDUCATION);
if (!haveOutcomeFiles) console.warn(`Skipping the CLI tests on the IBM and X Education files: ${IBM} or ${XEDUCATION} is missing.`);

// Issue 15: both were refused ("No column says whether a deal is won, lost or open"). The counts are ../shared/data/README.md's.
describe.skipIf(!haveOutcomeFiles)('dealsight on real files whose outcome is a won/lost column', () => {
  it('evaluates IBM Sales Win Loss, reading Opportunity Result (Won / Loss) and saying so', () => {
    const run = dealsight('evaluate', IBM, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 78_025, closed: 78_025, won: 17_627, lost: 60_398 });
    expect(run.stderr).toContain(
      'note: outcome: Opportunity Result, "Won" is won (17,627), "Loss" (60,398) is lost (recognized by its name and values; --outcome COLUMN[:WON_VALUE] chooses another column or value)',
    );
  });

  it('evaluates X Education Leads, reading Converted (1 / 0)', () => {
    const run = dealsight('evaluate', XEDUCATION, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 9_240, closed: 9_240, won: 3_561, lost: 5_679 });
    expect(run.stderr).toContain('note: outcome: Converted, "1" is won (3,561), "0" (5,679) is lost (recognized');
  });

  it('check shows the outcome column, and --outcome chooses another', () => {
    const recognized = dealsight('check', XEDUCATION);
    expect(recognized.status).toBe(0);
    expect(recognized.stdout.split('\n').slice(0, 2)).toEqual([
      'Leads.csv: 9,240 opportunities (3,561 won, 5,679 lost, 0 open), 0 rows rejected',
      'outcome: Converted, "1" is won (3,561), "0" (5,679) is lost (recognized by its name and values; --outcome COLUMN[:WON_VALUE] chooses another column or value)',
    ]);
    const chosen = dealsight('check', XEDUCATION, '--outcome', 'converted:0', '--json');
    expect(chosen.status).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ won: 5_679, lost: 3_561, open: 0, outcome: { label: 'Converted', won: '0', basis: 'chosen' } });
  });
});

describe('dealsight --outcome COLUMN[:WON_VALUE]', () => {
  const file = join(work, 'flags.csv');
  writeFileSync(file, 'Deal,Flag,Segment\nd1,1,Retail\nd2,0,Public\nd3,0,Retail\nd4,,Public\n');

  it('refuses a file whose outcome it cannot tell, naming the candidates and --outcome', () => {
    const run = dealsight('check', file);
    expect(run.status).toBe(1);
    expect(oneLineError(run.stderr)).toBe(
      'dealsight check: flags.csv: No column says whether a deal is won, lost or open: expected a Won or Closed yes/no column, or a Stage or Status column ' +
        'with values such as "Closed Won", "Closed Lost" or an open stage. Columns that could hold it: Flag (0/1), Segment (Retail/Public); ' +
        'name one with --outcome COLUMN[:WON_VALUE]. Headers found: Deal, Flag, Segment.',
    );
  });

  it('reads the column it names: the won value won, other values lost, empty open', () => {
    const run = dealsight('check', file, '--outcome', 'FLAG', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ won: 1, lost: 2, open: 1, outcome: { label: 'Flag', won: '1', basis: 'chosen', emptyRows: 1 } });
    expect(run.stderr).toContain('note: outcome: Flag, "1" is won (1), "0" (2) is lost, empty is open (1) (as --outcome says)');
  });

  it('names a column that is not there, and a won value that is not among the values', () => {
    const missing = dealsight('analyze', file, '--outcome', 'Result');
    expect(missing.status).toBe(1);
    expect(oneLineError(missing.stderr)).toBe(
      'dealsight analyze: flags.csv: No column is called "Result", so it cannot give the outcome. Headers found: Deal, Flag, Segment.',
    );
    const value = dealsight('evaluate', file, '--outcome', 'Segment:Energy');
    expect(value.status).toBe(1);
    expect(oneLineError(value.stderr)).toBe('dealsight evaluate: flags.csv: "Energy" is not a value of Segment: its values are "Retail" (2), "Public" (2).');
    const empty = dealsight('check', file, '--outcome', ':1');
    expect(empty.status).toBe(2);
    expect(oneLineError(empty.stderr)).toBe("dealsight check: --outcome needs a column, as in --outcome 'Opportunity Result:Won' or --outcome Converted");
  });
});

describe('dealsight errors: one line, non-zero', () => {
  it('names a missing file', () => {
    const run = dealsight('evaluate', join(work, 'nope.csv'));
    expect(run.status).toBe(1);
    expect(oneLineError(run.stderr)).toBe(`dealsight evaluate: no such file: ${join(work, 'nope.csv')}`);
  });

  it('names an unknown option and a bad value', () => {
    const unknown = dealsight('evaluate', 'x.csv', '--splt', 'cv');
    expect(unknown.status).toBe(2);
    expect(oneLineError(unknown.stderr)).toMatch(/^dealsight evaluate: unknown option --splt/);
    const bad = dealsight('evaluate', 'x.csv', '--split', 'random');
    expect(bad.status).toBe(2);
    expect(oneLineError(bad.stderr)).toBe('dealsight evaluate: --split must be one of time, cv, asof, got "random"');
  });

  it('says what a file without outcomes lacks', () => {
    const file = join(work, 'no-outcome.csv');
    writeFileSync(file, 'Opportunity ID,Opportunity Name,Amount\n006A,Alpha,100\n006B,Beta,200\n');
    const run = dealsight('analyze', file);
    expect(run.status).toBe(1);
    expect(oneLineError(run.stderr)).toMatch(/^dealsight analyze: no-outcome\.csv: .*(outcome|won|stage)/i);
  });

  it('says how many more wins and losses evaluation needs', () => {
    const file = join(work, 'small.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `${i},Deal ${i},${i % 3 === 0 ? 'Closed Won' : 'Closed Lost'},Web`);
    writeFileSync(file, `Opportunity ID,Opportunity Name,Stage,Lead Source\n${rows.join('\n')}\n`);
    const run = dealsight('evaluate', file);
    expect(run.status).toBe(1);
    expect(oneLineError(run.stderr)).toBe(
      'dealsight evaluate: cannot evaluate: the training part (the oldest 24 of 30 closed deals) has 8 won and 16 lost deals; training needs at least 20 of each (the whole file has 10 won and 20 lost)',
    );
  });

  it('rejects an unknown command', () => {
    const run = dealsight('frobnicate');
    expect(run.status).toBe(2);
    expect(oneLineError(run.stderr)).toMatch(/unknown command "frobnicate"/);
  });
});
