/**
 * The engine markers (engine-markers.ts) are strings that only engine code holds, and they
 * survive the transform a bundler applies, so the bundle test can trust them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { engineMarkers, markersIn, PACKAGE_MARKERS } from './engine-markers';
import { REPO_ROOT } from './import-graph';

const markers = engineMarkers(REPO_ROOT);

describe('engine markers', () => {
  it('come from the engine’s main modules, the model format tags among them', () => {
    const files = new Set(markers.map((m) => m.file));
    for (const file of [
      'lib/engine/forest/forest.ts',
      'lib/engine/win.ts',
      'lib/engine/forecast.ts',
      'lib/engine/similar.ts',
      'lib/engine/personas/index.ts',
      'lib/engine/encode.ts',
      'lib/engine/evaluate.ts',
    ]) {
      expect(files.has(file), file).toBe(true);
    }
    const texts = markers.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining(['dealsight-forest', 'dealsight-win-model', 'dealsight-forecast-model', 'dealsight-personas', 'dealsight-similar-index']),
    );
    expect(texts.some((t) => t.startsWith('SimilarIndex.build: '))).toBe(true);
  });

  it('are held by no extension file outside lib/engine (the overlay’s own strings never count)', () => {
    const overlay = ['components/panels/labels.ts', 'components/overlay/OverlayPanel.tsx', 'lib/seeded/random.ts', 'lib/i18n/en/panels.ts'].map((f) =>
      readFileSync(join(REPO_ROOT, f), 'utf8'),
    );
    expect(overlay.flatMap((code) => markersIn(code, markers))).toEqual([]);
  });

  it('survive compiling TypeScript to JavaScript, file by file', () => {
    const lost: string[] = [];
    for (const file of new Set(markers.map((m) => m.file))) {
      const js = ts.transpileModule(readFileSync(join(REPO_ROOT, file), 'utf8'), {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      for (const m of markers.filter((m) => m.file === file)) if (!js.includes(m.text)) lost.push(`${file}: ${m.text}`);
    }
    expect(lost).toEqual([]);
  });

  it('of the packages are in the packages’ own code', () => {
    for (const marker of PACKAGE_MARKERS) expect(readFileSync(join(REPO_ROOT, marker.file), 'utf8'), marker.file).toContain(marker.text);
  });
});
