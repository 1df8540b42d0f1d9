/**
 * The layer rules fire (issue 11, item 4): each fixture in lint-fixtures.ts, linted with the
 * repository's eslint.config.js as if it sat where its path says, gets exactly its errors,
 * and the clean controls get none. Every zone and every entry of the layer table is broken
 * by at least one fixture, so a zone or entry removed from the config fails here, and one
 * added without a fixture does too.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './import-graph';
import { LINT_FIXTURES } from './lint-fixtures';

interface ZoneEntry {
  area: string | string[];
}
interface Zone {
  zone: string;
  deny?: ZoneEntry[];
  allow?: unknown;
}

const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: join(REPO_ROOT, 'eslint.config.js') });

/** `layers:<zone>` for a dealsight/layers error, else the rule id (`parse-error` for a fatal one). */
function label(message: Linter.LintMessage): string {
  if (message.ruleId === 'dealsight/layers') return `layers:${/^\[([^\]]+)\]/.exec(message.message)?.[1] ?? '?'}`;
  return message.ruleId ?? 'parse-error';
}

const results = new Map<string, Linter.LintMessage[]>();

beforeAll(async () => {
  for (const fixture of LINT_FIXTURES) {
    const [result] = await eslint.lintText(fixture.code, { filePath: join(REPO_ROOT, fixture.path) });
    results.set(fixture.name, result?.messages ?? []);
  }
  // Linting every fixture loads the whole config and its plugins: generous on a busy machine.
}, 120_000);

describe('the layer rules on their fixtures', () => {
  it('has one fixture name per fixture', () => {
    expect(new Set(LINT_FIXTURES.map((f) => f.name)).size).toBe(LINT_FIXTURES.length);
  });

  for (const fixture of LINT_FIXTURES) {
    it(`${fixture.name} (${fixture.path}): ${fixture.expect.length === 0 ? 'no error' : fixture.expect.join(', ')}`, () => {
      const messages = results.get(fixture.name) ?? [];
      expect(messages.map(label).sort(), messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n')).toEqual([...fixture.expect].sort());
    });
  }

  it('breaks every zone, and every entry of every deny list, at least once', async () => {
    const { LAYERS } = (await import(pathToFileURL(join(REPO_ROOT, 'eslint.config.js')).href)) as { LAYERS: Zone[] };
    const reported = [...results.values()]
      .flat()
      .filter((m) => m.ruleId === 'dealsight/layers')
      .map((m) => m.message);
    const missing: string[] = [];
    for (const zone of LAYERS) {
      const ofZone = reported.filter((m) => m.startsWith(`[${zone.zone}] `));
      if (ofZone.length === 0) missing.push(`zone ${zone.zone}`);
      for (const entry of zone.deny ?? []) {
        const areas = [entry.area].flat();
        // The message names the area that matched: "may not import lib/store (types only): …".
        if (!ofZone.some((m) => areas.some((area) => m.includes(` may not import ${area}:`) || m.includes(` may not import ${area} (types only):`)))) {
          missing.push(`zone ${zone.zone}: ${areas.join(', ')}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
