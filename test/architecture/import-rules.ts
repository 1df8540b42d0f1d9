/**
 * The two rules on the import graph that lint cannot check file by file (issue 11, item 4),
 * as functions of a graph, so the same code checks the repository and the fixture graphs.
 */
import type { ImportGraph } from './import-graph';

/**
 * What no content script may reach at runtime, however many imports away: the engine, the
 * store, the jobs, the worker, the background, and the storage, RPC and ML packages. A
 * content script holds no data and runs no models; it asks the background (design.md).
 */
export const CONTENT_SCRIPT_FORBIDDEN: ReadonlyArray<{ what: string; test: (node: string) => boolean }> = [
  { what: 'lib/engine', test: (n) => n.startsWith('lib/engine/') },
  { what: 'lib/store', test: (n) => n.startsWith('lib/store/') },
  { what: 'lib/jobs', test: (n) => n.startsWith('lib/jobs/') },
  { what: 'workers', test: (n) => n.startsWith('workers/') },
  { what: 'entrypoints/background', test: (n) => n.startsWith('entrypoints/background/') || /^entrypoints\/background\.[jt]sx?$/.test(n) },
  { what: 'dexie', test: (n) => n === 'package:dexie' },
  { what: 'comlink', test: (n) => n === 'package:comlink' },
  { what: 'ml-*', test: (n) => n.startsWith('package:ml-') },
];

/** The content scripts' entry files and the overlay they mount, among `files` (every project file). */
export function contentScriptEntries(files: readonly string[]): string[] {
  return files.filter((f) => /^entrypoints\/[^/]+\.content(?:\/index)?\.[jt]sx?$/.test(f) || /^components\/overlay\/.+\.[jt]sx?$/.test(f)).sort();
}

/** One line per forbidden file a content-script entry reaches: the import path that leads to it. */
export function contentScriptLeaks(graph: ImportGraph, entries: readonly string[]): string[] {
  const forbidden = (node: string): boolean => CONTENT_SCRIPT_FORBIDDEN.some((f) => f.test(node));
  return graph
    .forbiddenPaths(entries, forbidden)
    .map((path) => {
      const hit = path[path.length - 1] as string;
      const what = CONTENT_SCRIPT_FORBIDDEN.find((f) => f.test(hit))?.what;
      return `${what}: ${path.join(' → ')}`;
    })
    .sort();
}

/** One line per import cycle among the files reachable from `files`: `a → b → a`. */
export function importCycles(graph: ImportGraph, files: readonly string[]): string[] {
  return graph.cycles(files).map((cycle) => cycle.join(' → '));
}
