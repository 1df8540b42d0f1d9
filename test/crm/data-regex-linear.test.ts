/**
 * Every regular expression that reads file or API data runs in linear time (issue 14).
 * A pattern with two quantifiers that can match the same characters (`[\d.]*\d[\d.]*`,
 * `\s*(?:…)?\s*`, `\d+\.?\d*`) tries every split of a long run before failing: a one-line
 * cell of a million digits ending in a letter then hangs an import for hours.
 *
 * The regexes are collected from the source (every literal in the data-reading modules,
 * found with the TypeScript parser, so a new one is tested without being listed here),
 * then each runs against long adversarial strings: runs of every character class data has,
 * after the starts the patterns look for, ending in characters that make them fail. A
 * linear pattern reads 20,000 characters in well under a millisecond; a quadratic one
 * takes hundreds. The harness is first shown to catch the patterns it replaced.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Modules whose regexes see cells, headers or API values. */
const DATA_SOURCES = [
  'lib/crm/csv',
  'lib/crm/shared',
  'lib/crm/opportunity.ts',
  'lib/cli',
  'lib/store/export.ts',
  'lib/crm/hubspot/map.ts',
  'lib/crm/salesforce/map.ts',
];

interface FoundRegex {
  where: string;
  regex: RegExp;
}

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(full, f));
}

/** Every regex literal, and every `new RegExp(…)` call (which cannot be tested from the source, so must not exist here). */
function collect(): { literals: FoundRegex[]; constructed: string[] } {
  const literals: FoundRegex[] = [];
  const constructed: string[] = [];
  for (const file of DATA_SOURCES.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const where = `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        // Stateless copies: a global regex's lastIndex would skip work between runs.
        const flags = text.slice(end + 1).replace(/[gy]/g, '');
        literals.push({ where, regex: new RegExp(text.slice(1, end), flags) });
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') constructed.push(where);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructed };
}

const N = 20_000;
/** What each run is made of: every character class the patterns quantify, alone and in pairs. */
const PUMPS = ['1', '0', ' ', '\t', 'a', 'A', 'x', '.', ',', "'", '-', '/', ':', '_', '(', '\u00a0', '1 ', '1,', '1.', 'a ', '- ', '1-'];
/** Starts the anchored patterns want before the run. */
const PREFIXES = [
  '',
  '1',
  '$1',
  'USD ',
  '(',
  '2024-03-27',
  '3/27/2024',
  '27.03.2024',
  '27 March 2024',
  'March 27, 2024',
  '2024-03-27 10:00',
  ' 10:00',
  'T10:00',
  'date entered',
  'Date entered "',
];
/** Ends that make them fail: a letter, punctuation, a line break `.` does not cross. */
const SUFFIXES = ['!', 'x', 'x\ny', 'x\u2028y', '("'];

/** Milliseconds for one run; the least of three when the first is slow, so a pause of the collector does not fail the test. */
function timeRun(regex: RegExp, input: string, confirm: boolean): number {
  const once = (): number => {
    const start = performance.now();
    regex.exec(input);
    return performance.now() - start;
  };
  const first = once();
  return first < BOUND_MS || !confirm ? first : Math.min(first, once(), once());
}

/** A linear pattern takes well under 1 ms on 20,000 characters; the quadratic ones issue 14 found took 400 ms and more. */
const BOUND_MS = 60;

/** Every adversarial input, built once: a regex flattens a concatenated string on first use, and the copy is kept. */
const INPUTS: readonly string[] = PUMPS.flatMap((pump) => {
  const run = pump.repeat(Math.ceil(N / pump.length));
  return PREFIXES.flatMap((prefix) => SUFFIXES.map((suffix) => prefix + run + suffix));
});

/** The slowest adversarial input for a pattern, with its time; stops at the first over the bound (`confirm`: timed again). */
function worstCase(regex: RegExp, confirm = true): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const input of INPUTS) {
    const ms = timeRun(regex, input, confirm);
    if (ms > worst.ms) worst = { ms, input };
    if (ms >= BOUND_MS) break;
  }
  return worst;
}

const describeInput = (input: string): string => JSON.stringify(input.length > 40 ? `${input.slice(0, 20)}…${input.slice(-12)}` : input);

describe('data regexes run in linear time', () => {
  const { literals, constructed } = collect();

  it('the harness catches the quadratic patterns issue 14 found', () => {
    const replaced = [
      /^[\d.,' ]*\d[\d.,' ]*$|^[.,]\d+$/, // NUMERIC_CHARS, lib/crm/csv/numbers.ts
      /^(?:T|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?$/, // TIME, dates.ts
      /^date entered\s+(.+)$/i, // the "Date entered" header, mapping.ts
      /\s*\([^()]*\)$/, // its pipeline in parentheses, mapping.ts
      /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i, // readNumber, lib/crm/shared/values.ts
    ];
    for (const regex of replaced) expect(worstCase(regex, false).ms, String(regex)).toBeGreaterThanOrEqual(BOUND_MS);
  });

  it('finds the regexes of every data-reading module', () => {
    const sources = new Set(literals.map((l) => l.regex.source));
    expect(literals.length).toBeGreaterThan(40);
    // The replacements of the patterns above are among them.
    expect(sources.has(String.raw`^[\d.,' ]+$`)).toBe(true);
    expect([...sources].some((s) => s.startsWith('^(?:T|,?\\s+)'))).toBe(true);
    expect([...sources].some((s) => s.startsWith(String.raw`^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)`))).toBe(true);
  });

  it('builds no regex at run time in those modules, where this test could not see it', () => {
    expect(constructed).toEqual([]);
  });

  it.each(literals.map((l) => [`${l.where} ${String(l.regex)}`, l.regex] as const))('%s', (_, regex) => {
    const worst = worstCase(regex);
    expect(worst.ms, `slowest on ${describeInput(worst.input)}`).toBeLessThan(BOUND_MS);
  });
});
