/**
 * The import-graph checks fire on graphs made to break them (issue 11: "a fixture graph that
 * has a cycle / an engine import must be reported"), and let through what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { ImportGraph, importSpecifiers, memoryHost } from './import-graph';
import { contentScriptEntries, contentScriptLeaks, importCycles } from './import-rules';

describe('importSpecifiers', () => {
  it('keeps runtime imports, re-exports and dynamic imports, and drops type-only ones', () => {
    const code = [
      "import { a } from './a';",
      "import b from './b';",
      "import * as c from './c';",
      "import './d';",
      "import { e, type E } from './e';",
      "import type { F } from './f';",
      "import { type G } from './g';",
      "export { h } from './h';",
      "export * from './i';",
      "export type { J } from './j';",
      "export { type K } from './k';",
      "const l = () => import('./l');",
      "type M = typeof import('./m');",
      'export { a, b, c, e, l };',
      'export type { E, F, G, M };',
    ].join('\n');
    expect(importSpecifiers('x.ts', code)).toEqual(['./a', './b', './c', './d', './e', './h', './i', './l']);
    expect(importSpecifiers('x.ts', code, true)).toEqual(['./a', './b', './c', './d', './e', './f', './g', './h', './i', './j', './k', './l', './m']);
  });
});

describe('importCycles', () => {
  it('reports a cycle through a barrel, from its first file back to it', () => {
    const graph = new ImportGraph(
      memoryHost({
        'lib/a/index.ts': "export * from './one';",
        'lib/a/one.ts': "import { two } from '../b';\nexport const one = two;",
        'lib/b/index.ts': "import { one } from '../a';\nexport const two = 2;\nexport const again = one;",
        'lib/c.ts': "import { two } from './b';\nexport const c = two;",
      }),
    );
    expect(importCycles(graph, ['lib/c.ts'])).toEqual(['lib/a/index.ts → lib/a/one.ts → lib/b/index.ts → lib/a/index.ts']);
  });

  it('counts a type-only import in a cycle when asked to (the repository check does), and not otherwise', () => {
    const files = {
      'lib/pipeline/index-rows.ts': "import { collator } from './sort';\nexport interface Index { n: number }\nexport const c = collator;",
      'lib/pipeline/sort.ts': "import type { Index } from './index-rows';\nexport const collator = (i: Index) => i.n;",
    };
    expect(importCycles(new ImportGraph(memoryHost(files), { withTypes: true }), Object.keys(files))).toEqual([
      'lib/pipeline/index-rows.ts → lib/pipeline/sort.ts → lib/pipeline/index-rows.ts',
    ]);
    expect(importCycles(new ImportGraph(memoryHost(files)), Object.keys(files))).toEqual([]);
  });

  it('reports a file that imports itself, and each separate cycle once', () => {
    const graph = new ImportGraph(
      memoryHost({
        'self.ts': "import './self';",
        'x.ts': "import './y';",
        'y.ts': "import './x';",
        'z.ts': "import './x';",
      }),
    );
    expect(importCycles(graph, ['self.ts', 'z.ts'])).toEqual(['self.ts → self.ts', 'x.ts → y.ts → x.ts']);
  });

  it('finds none in a tree', () => {
    const graph = new ImportGraph(memoryHost({ 'a.ts': "import './b';\nimport './c';", 'b.ts': "import './c';", 'c.ts': "import 'preact';" }));
    expect(importCycles(graph, ['a.ts'])).toEqual([]);
  });
});

describe('contentScriptLeaks', () => {
  const files: Record<string, string> = {
    'entrypoints/salesforce.content/index.ts': "import { run } from '../../components/overlay/run';\nrun();",
    'components/overlay/run.ts':
      "import { Panel } from '../panels';\nimport type { Analysis } from '../../lib/engine/analyze';\nexport const run = (a?: Analysis) => Panel(a);",
    'components/panels/index.ts': "export { Panel } from './Panel';",
    'components/panels/Panel.tsx':
      "import { band } from '../../lib/engine/bands';\nimport { svg } from '../../lib/persona-card';\nexport const Panel = (x: unknown) => [band, svg, x];",
    'lib/engine/bands.ts': "import { Random } from './random';\nexport const band = Random;",
    'lib/engine/random.ts': 'export class Random {}',
    'lib/persona-card/index.ts': 'export const svg = 1;',
    'entrypoints/hubspot.content/index.ts': "const load = () => import('../../lib/store/db');\nexport { load };",
    'lib/store/db.ts': "import Dexie from 'dexie';\nexport const db = new Dexie('x');",
  };

  it('names the import path from the entry to the first engine file it reaches, barrels and dynamic imports included', () => {
    const graph = new ImportGraph(memoryHost(files));
    const entries = contentScriptEntries(Object.keys(files));
    expect(entries).toEqual(['components/overlay/run.ts', 'entrypoints/hubspot.content/index.ts', 'entrypoints/salesforce.content/index.ts']);
    expect(contentScriptLeaks(graph, entries)).toEqual([
      'lib/engine: components/overlay/run.ts → components/panels/index.ts → components/panels/Panel.tsx → lib/engine/bands.ts',
      'lib/store: entrypoints/hubspot.content/index.ts → lib/store/db.ts',
    ]);
  });

  it('reports the forbidden packages, and lets type-only imports and the persona cards through', () => {
    const clean = {
      'entrypoints/x.content.ts':
        "import type { Analysis } from './lib/engine/analyze';\nimport { svg } from './lib/persona-card';\nimport { h } from 'preact';\nexport const x = (a: Analysis) => [a, svg, h];",
      'lib/persona-card/index.ts': 'export const svg = 1;',
    };
    expect(contentScriptLeaks(new ImportGraph(memoryHost(clean)), ['entrypoints/x.content.ts'])).toEqual([]);
    const packages = { 'entrypoints/y.content/index.ts': "import 'comlink';\nimport 'ml-kmeans';\nimport 'dexie';" };
    expect(contentScriptLeaks(new ImportGraph(memoryHost(packages)), ['entrypoints/y.content/index.ts'])).toEqual([
      'comlink: entrypoints/y.content/index.ts → package:comlink',
      'dexie: entrypoints/y.content/index.ts → package:dexie',
      'ml-*: entrypoints/y.content/index.ts → package:ml-kmeans',
    ]);
  });
});
