/**
 * The project's runtime import graph, read with the TypeScript compiler API, for the checks
 * lint cannot make file by file: import cycles, and what a content script reaches
 * transitively (issue 11, item 4).
 *
 * Runtime imports only: `import type …`, `export type … from` and imports whose every
 * specifier is `type` vanish from the build, so they are not edges. (Lint's
 * `no-import-type-side-effects` makes the last kind be written `import type`, because with
 * `verbatimModuleSyntax` `import { type A } from 'x'` would keep a bare `import 'x'`.)
 * Dynamic `import('…')` and `export … from` are edges. A bare specifier is a package: an edge
 * to the node `package:<name>`, not followed into node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** A project file (relative, `/`-separated), or `package:<name>` for a bare specifier. */
  to: string;
  specifier: string;
}

/** Where to read sources and how to resolve specifiers: the real tree, or an in-memory fixture. */
export interface GraphHost {
  readFile(file: string): string | undefined;
  /** The project file (relative) or package node a specifier in `from` names; null when it is not code (CSS, assets) or not found. */
  resolve(specifier: string, from: string): string | null;
}

const CODE = /\.(?:[cm]?[jt]sx?)$/;

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/**
 * The module specifiers of one file, in source order: the runtime ones, or with
 * `withTypes` the type-only ones too.
 */
export function importSpecifiers(fileName: string, text: string, withTypes = false): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (withTypes || !isTypeOnlyImport(node)) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (withTypes || !isTypeOnlyExport(node)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && (withTypes || !node.isTypeOnly) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (withTypes && ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text); // `typeof import('./x')`
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './side-effect'`
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** The host for the repository at `root`, resolving as tsconfig.json does (paths such as `@/…`). */
export function projectHost(root: string): GraphHost {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  // allowJs: the config files and bin/ scripts are JavaScript, and may import each other.
  const options: ts.CompilerOptions = { ...(parsed?.options ?? { moduleResolution: ts.ModuleResolutionKind.Bundler }), allowJs: true };
  const cache = ts.createModuleResolutionCache(root, (s) => s, options);
  return {
    readFile: (file) => {
      const path = join(root, file);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    },
    resolve: (specifier, from) => {
      const bare = specifier.split('?')[0] as string;
      const resolved = ts.resolveModuleName(bare, join(root, from), options, ts.sys, cache).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport) {
        const file = toPosix(relative(root, resolved.resolvedFileName));
        return file.startsWith('..') || !CODE.test(file) || file.endsWith('.d.ts') ? null : file;
      }
      if (bare.startsWith('.') || bare.startsWith('/')) {
        // Not code TypeScript resolves (`./style.css`, `./x.svg?url`): not an edge.
        return null;
      }
      if (/^[~@]{1,2}\//.test(bare) && !resolved) return null;
      return `package:${packageName(bare)}`;
    },
  };
}

/**
 * An in-memory host for fixture graphs: `files` maps relative paths to source text.
 * Relative specifiers resolve with the usual extensions and `index` files; bare ones are packages.
 */
export function memoryHost(files: Record<string, string>): GraphHost {
  const exists = (file: string): boolean => Object.hasOwn(files, file);
  return {
    readFile: (file) => files[file],
    resolve: (specifier, from) => {
      if (!specifier.startsWith('.')) return `package:${packageName(specifier)}`;
      const base = toPosix(join(dirname(from), specifier));
      const candidates = [base, ...['.ts', '.tsx'].map((e) => base + e), ...['/index.ts', '/index.tsx'].map((e) => base + e)];
      return candidates.find(exists) ?? null;
    },
  };
}

export interface GraphOptions {
  /** Count `import type` as edges too (for cycles: a type cycle ties two files together as much as a value cycle). */
  withTypes?: boolean;
}

/** The import graph from some entry files, built lazily as it is walked. */
export class ImportGraph {
  private readonly edgesOf = new Map<string, ImportEdge[]>();

  constructor(
    private readonly host: GraphHost,
    private readonly options: GraphOptions = {},
  ) {}

  /** A file's runtime imports (packages included); [] for a package node or a missing file. */
  edges(file: string): ImportEdge[] {
    const known = this.edgesOf.get(file);
    if (known) return known;
    const text = file.startsWith('package:') ? undefined : this.host.readFile(file);
    const edges: ImportEdge[] = [];
    if (text !== undefined) {
      const seen = new Set<string>();
      for (const specifier of importSpecifiers(file, text, this.options.withTypes)) {
        const to = this.host.resolve(specifier, file);
        if (to && !seen.has(to)) {
          seen.add(to);
          edges.push({ to, specifier });
        }
      }
    }
    this.edgesOf.set(file, edges);
    return edges;
  }

  /** Every node reachable from the entries (entries included). */
  reachable(entries: readonly string[]): Set<string> {
    const seen = new Set<string>(entries);
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      for (const { to } of this.edges(file)) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    return seen;
  }

  /**
   * The shortest import path from an entry to each node that `forbidden` accepts (one path
   * per forbidden node, entry first). The walk does not go past a forbidden node.
   */
  forbiddenPaths(entries: readonly string[], forbidden: (node: string) => boolean): string[][] {
    const parent = new Map<string, string | null>(entries.map((e) => [e, null]));
    const queue = [...entries];
    const hits: string[] = [];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (forbidden(file)) {
        hits.push(file);
        continue;
      }
      for (const { to } of this.edges(file)) {
        if (!parent.has(to)) {
          parent.set(to, file);
          queue.push(to);
        }
      }
    }
    return hits.map((hit) => {
      const path = [hit];
      for (let p = parent.get(hit); p; p = parent.get(p)) path.unshift(p);
      return path;
    });
  }

  /** The import cycles among the files reachable from the entries: each strongly connected component of two or more files, or a file importing itself, as one cycle through it. */
  cycles(entries: readonly string[]): string[][] {
    const nodes = [...this.reachable(entries)].filter((n) => !n.startsWith('package:')).sort();
    // Tarjan's strongly connected components, iterative (deep graphs would overflow the stack).
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const components: string[][] = [];
    let counter = 0;
    for (const start of nodes) {
      if (index.has(start)) continue;
      const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
      index.set(start, counter);
      low.set(start, counter++);
      stack.push(start);
      onStack.add(start);
      while (work.length > 0) {
        const frame = work[work.length - 1] as { node: string; next: number };
        const out = this.edges(frame.node)
          .map((e) => e.to)
          .filter((t) => !t.startsWith('package:'));
        if (frame.next < out.length) {
          const to = out[frame.next++] as string;
          if (!index.has(to)) {
            index.set(to, counter);
            low.set(to, counter++);
            stack.push(to);
            onStack.add(to);
            work.push({ node: to, next: 0 });
          } else if (onStack.has(to)) {
            low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
        if (low.get(frame.node) === index.get(frame.node)) {
          const component: string[] = [];
          let member: string;
          do {
            member = stack.pop() as string;
            onStack.delete(member);
            component.push(member);
          } while (member !== frame.node);
          const selfLoop = component.length === 1 && this.edges(frame.node).some((e) => e.to === frame.node);
          if (component.length > 1 || selfLoop) components.push(this.cycleThrough(component));
        }
      }
    }
    return components;
  }

  /** One cycle inside a strongly connected component, from its first file (sorted) back to it, to show in a message. */
  private cycleThrough(component: string[]): string[] {
    const members = new Set(component);
    const start = [...component].sort()[0] as string;
    const parent = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      for (const { to } of this.edges(file)) {
        if (to === start) {
          const path = [file];
          for (let p = parent.get(file); p !== undefined; p = parent.get(p)) path.unshift(p);
          if (path[0] !== start) path.unshift(start);
          return [...path, start];
        }
        if (members.has(to) && !parent.has(to) && to !== start) {
          parent.set(to, file);
          queue.push(to);
        }
      }
    }
    return [...component, start];
  }
}

/** The repository root (this file is test/architecture/import-graph.ts). */
export const REPO_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
