/**
 * The layers lint cannot check file by file, on the repository: no import cycles, and no
 * content script reaching the engine, the store, the jobs, the worker or their packages
 * through any chain of imports (issue 11, item 4). test/e2e/content-bundle.e2e.ts checks
 * the same on the built bundles.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ImportGraph, projectHost, REPO_ROOT } from './import-graph';
import { contentScriptEntries, contentScriptLeaks, importCycles } from './import-rules';

/** Every TypeScript and JavaScript file git knows (tracked or new, not ignored). */
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx', '*.mjs', '*.js'], {
  cwd: REPO_ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f.length > 0 && !f.startsWith('.output/') && !f.startsWith('.wxt/'));

describe('the import graph of the repository', () => {
  it('has no cycles, counting type-only imports (a type cycle ties two files together too)', () => {
    const graph = new ImportGraph(projectHost(REPO_ROOT), { withTypes: true });
    expect(importCycles(graph, FILES)).toEqual([]);
  });

  it('has the content scripts and the overlay as entries', () => {
    const entries = contentScriptEntries(FILES);
    expect(entries).toEqual(
      expect.arrayContaining(['entrypoints/salesforce.content/index.ts', 'entrypoints/hubspot.content/index.ts', 'components/overlay/run.ts']),
    );
  });

  it('leads from no content script to the engine, the store, the jobs, the worker, the background, dexie, comlink or ml-* (runtime imports)', () => {
    const graph = new ImportGraph(projectHost(REPO_ROOT));
    expect(contentScriptLeaks(graph, contentScriptEntries(FILES))).toEqual([]);
  });
});
