/**
 * `dealsight sandbox --seed 7 --opportunities 10000 --out sandbox.csv`: writes a seeded
 * sandbox org as a Salesforce opportunity report export.
 */
import { writeFileSync } from 'node:fs';
import { generateSandbox } from '../../sandbox/generate';
import { toSalesforceReportCsv } from '../../sandbox/salesforce-report';
import { parseArgs, positiveInteger } from '../args';
import { int } from '../format';
import { CliError } from '../load';
import type { Progress } from '../progress';

export const SANDBOX_USAGE = `dealsight sandbox [--seed N] [--opportunities N] [--as-of YYYY-MM-DD] [--out file.csv]
  Generates a realistic sandbox org (seeded: the same seed gives the same org) and writes
  it as a Salesforce opportunity report export; without --out it goes to stdout.`;

export function sandboxCommand(argv: string[], progress: Progress, out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv, {
    seed: { type: 'number' },
    opportunities: { type: 'number' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`sandbox takes no file argument (use --out): ${positionals.join(' ')}`);
  const seed = typeof flags.seed === 'number' ? flags.seed : 7;
  if (!Number.isInteger(seed)) throw new CliError(`--seed must be a whole number, got ${seed}`);
  const count = positiveInteger(flags, 'opportunities', 10_000);
  if (count > 500_000) throw new CliError(`--opportunities ${count} is more than the 500,000 the sandbox generates`);
  const asOf = flags['as-of'] as string | undefined;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new CliError(`--as-of must be a date like 2026-09-30, got "${asOf}"`);
  progress.phase(`Generating ${int(count)} sandbox opportunities (seed ${seed})`);
  const org = generateSandbox({ seed, opportunities: count, ...(asOf ? { asOf } : {}) });
  const csv = toSalesforceReportCsv(org);
  progress.done();
  const path = flags.out as string | undefined;
  if (path) {
    try {
      writeFileSync(path, csv);
    } catch (error) {
      throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
    }
    const closed = org.opportunities.filter((o) => o.isClosed);
    progress.note(
      `Wrote ${path}: ${int(org.opportunities.length)} opportunities (${int(closed.length)} closed, ${int(closed.filter((o) => o.isWon).length)} won), ${int(org.accounts.length)} accounts`,
    );
  } else {
    out(csv.replace(/\n$/, ''));
  }
  return 0;
}
