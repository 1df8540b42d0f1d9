/**
 * A small, strict argument parser: `--flag value`, `--flag=value`, boolean `--flag`,
 * positionals. Unknown flags are errors that name the flag, so a typo never silently
 * runs the default.
 */
export interface FlagSpec {
  /** 'boolean' flags take no value. */
  type: 'string' | 'number' | 'boolean';
  /** Allowed values for string flags. */
  choices?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  // No prototype: flags are named by the user.
  const flags: ParsedArgs['flags'] = Object.create(null) as ParsedArgs['flags'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    // An own property only: `--constructor` is an unknown option, not Object's constructor (issue 14).
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const known = Object.keys(specs)
        .map((k) => `--${k}`)
        .join(', ');
      throw new UsageError(`unknown option --${clip(name)}${known ? ` (options: ${known})` : ''}`);
    }
    if (spec.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}, got "${clip(value)}"`);
    }
    if (spec.type === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${clip(value)}"`);
      flags[name] = n;
    } else flags[name] = value;
  }
  return { positionals, flags };
}

/** An argument as echoed in a message: a pasted megabyte is not. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A whole, positive number flag, or the default. */
export function positiveInteger(flags: ParsedArgs['flags'], name: string, fallback: number): number {
  const value = flags[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UsageError(`--${name} must be a positive whole number, got ${String(value)}`);
  }
  return value;
}
