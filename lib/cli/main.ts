/**
 * The `dealsight` command: the engine on CSV files, outside the browser.
 * Results go to stdout, progress and warnings to stderr; errors exit non-zero with one
 * line that says what is wrong.
 */
import { ANALYZE_USAGE, analyzeCommand } from './commands/analyze';
import { CHECK_USAGE, checkCommand } from './commands/check';
import { EVALUATE_USAGE, evaluateCommand } from './commands/evaluate';
import { SANDBOX_USAGE, sandboxCommand } from './commands/sandbox';
import { UsageError } from './args';
import { CliError } from './load';
import { escapeControls, oneLine } from './escape';
import { stderrProgress } from './progress';

const USAGE = `Dealsight: deal intelligence from your CRM's opportunities, computed on your machine.

Usage: dealsight <command> [options]

${ANALYZE_USAGE}

${CHECK_USAGE}

${EVALUATE_USAGE}

${SANDBOX_USAGE}

dealsight help      this text`;

type Command = (argv: string[], progress: ReturnType<typeof stderrProgress>, out: (text: string) => void) => number;

/** A Map: `dealsight constructor` names no command, not Object's constructor (issue 14). */
const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['analyze', analyzeCommand],
  ['check', checkCommand],
  ['evaluate', evaluateCommand],
  ['sandbox', sandboxCommand],
]);

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Reports carry file content: no control character of it reaches the terminal.
  const out = (text: string): void => {
    process.stdout.write(`${escapeControls(text)}\n`);
  };
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
    process.stderr.write(`dealsight: unknown command "${oneLine(shown)}" (commands: ${[...COMMANDS.keys()].join(', ')}, help)\n`);
    return 2;
  }
  const progress = stderrProgress(process.stderr);
  try {
    return command(rest, progress, out);
  } catch (error) {
    progress.done();
    if (error instanceof UsageError) {
      process.stderr.write(`dealsight ${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`dealsight ${name}: ${oneLine(error.message)}\n`);
      return 1;
    }
    // An unexpected failure is a bug: still one line, plus where to look.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`dealsight ${name}: internal error: ${oneLine(message.split('\n')[0] ?? '')} (run with DEALSIGHT_DEBUG=1 for the stack)\n`);
    if (process.env.DEALSIGHT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
