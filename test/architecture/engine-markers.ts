/**
 * How to tell engine code in a built bundle: the string literals only lib/engine holds.
 * Minifiers rename identifiers but keep strings, so an engine module that reaches a
 * bundle brings its literals along: error messages, model format tags, notes.
 *
 * The list is computed from the sources, not kept by hand: every string literal and
 * template text of lib/engine of at least MIN_LENGTH characters that no other extension
 * source file (lib/, components/, entrypoints/, workers/) contains. So a new engine module
 * brings its own markers, and a string shared with the overlay is never one.
 * test/e2e/content-bundle.e2e.ts checks that the content scripts hold none of them (nor
 * PACKAGE_MARKERS), and, so that a marker cannot silently stop matching, that the rest of
 * the build holds some of every engine module the worker ships; test/bench/crm.ts reports
 * the same. (Engine files without a string of their own, like bands.ts, have
 * no marker: test/architecture/layers.test.ts follows the imports for those.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const MIN_LENGTH = 16;

/** Where a marker comes from. */
export interface EngineMarker {
  text: string;
  file: string;
}

function walk(root: string, dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, out);
    else if (/\.(?:ts|tsx|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The string literals and template texts of one source file, as they would be bundled (escapes resolved). */
export function stringLiterals(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    // Module specifiers and type-level literals never reach a bundle.
    if (
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isLiteralTypeNode(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isInterfaceDeclaration(node)
    )
      return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The engine's markers: printable ASCII (a bundler may escape other characters), at least
 * MIN_LENGTH long, found in no other extension source. One entry per text, from the first
 * engine file (sorted) that holds it.
 */
export function engineMarkers(root: string): EngineMarker[] {
  const engineFiles = walk(root, 'lib/engine').sort();
  const others = ['lib', 'components', 'entrypoints', 'workers']
    .flatMap((dir) => walk(root, dir))
    .filter((f) => !f.startsWith('lib/engine/'))
    .map((f) => readFileSync(join(root, f), 'utf8'));
  const markers = new Map<string, string>();
  for (const file of engineFiles) {
    for (const text of stringLiterals(file, readFileSync(join(root, file), 'utf8'))) {
      if (text.length < MIN_LENGTH || /['"`\\]/.test(text) || markers.has(text)) continue;
      if (others.some((source) => source.includes(text))) continue;
      markers.set(text, file.split(sep).join('/'));
    }
  }
  return [...markers].map(([text, file]) => ({ text, file }));
}

/**
 * Strings of the packages no content script may bundle, each from the package's own code
 * (engine-markers.test.ts checks they are still there): the ML library the engine runs, the
 * worker's RPC and the store's IndexedDB wrapper.
 */
export const PACKAGE_MARKERS: ReadonlyArray<{ text: string; package: string; file: string }> = [
  { text: 'no kmeans step executed', package: 'ml-kmeans', file: 'node_modules/ml-kmeans/lib/kmeans.js' },
  { text: 'Comlink.releaseProxy', package: 'comlink', file: 'node_modules/comlink/dist/esm/comlink.mjs' },
  { text: 'DatabaseClosed', package: 'dexie', file: 'node_modules/dexie/dist/dexie.mjs' },
];

/** The markers a bundle's code holds. */
export function markersIn<M extends { text: string }>(code: string, markers: readonly M[]): M[] {
  return markers.filter((m) => code.includes(m.text));
}

/** A bundle file's path for messages, relative to `root`. */
export function shown(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Every .js file under `dir`, as absolute paths. */
export function bundleFiles(dir: string): string[] {
  return walk(dir, '')
    .filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
    .map((f) => join(dir, f));
}
