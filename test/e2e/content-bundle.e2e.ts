/**
 * No engine code in the built content scripts (issue 11, item 4; design.md: "no engine code
 * in it (a test checks the bundle)"). Reads the e2e build (`npm run build:e2e`, which
 * `npm run test:e2e` runs first); needs no browser.
 *
 * The markers (test/architecture/engine-markers.ts) are the strings only engine code holds,
 * computed from lib/engine, and a few strings of dexie, comlink and ml-kmeans. So that a
 * marker cannot silently stop matching what the bundler emits, the rest of the build must
 * hold markers of every engine module the worker ships, and of each package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles, engineMarkers, markersIn, PACKAGE_MARKERS, shown, type EngineMarker } from '../architecture/engine-markers';
import { ImportGraph, projectHost, REPO_ROOT } from '../architecture/import-graph';

const BUILD = join(REPO_ROOT, '.output', 'chrome-mv3-e2e');
const CONTENT_SCRIPTS = join(BUILD, 'content-scripts');

let markers: EngineMarker[] = [];
let contentScripts: string[] = [];
let rest: string[] = [];

beforeAll(() => {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no e2e build in ${shown(REPO_ROOT, BUILD)}: run \`npm run build:e2e\` first`);
  markers = engineMarkers(REPO_ROOT);
  const files = bundleFiles(BUILD);
  contentScripts = files.filter((f) => f.startsWith(CONTENT_SCRIPTS));
  rest = files.filter((f) => !f.startsWith(CONTENT_SCRIPTS));
});

describe('the built content scripts', () => {
  it('are the ones the manifest declares', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
    const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((f) => join(BUILD, f));
    expect(declared.length).toBeGreaterThanOrEqual(2);
    for (const file of declared) expect(contentScripts, shown(REPO_ROOT, file)).toContain(file);
  });

  it('hold no engine code and none of dexie, comlink or ml-*', () => {
    const leaks = contentScripts.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return [
        ...markersIn(code, markers).map((m) => `${shown(REPO_ROOT, file)}: engine code from ${m.file} ("${m.text}")`),
        ...markersIn(code, PACKAGE_MARKERS).map((m) => `${shown(REPO_ROOT, file)}: ${m.package} ("${m.text}")`),
      ];
    });
    expect(leaks).toEqual([]);
  });

  it("stay within the 60 KB gzipped budget, English only: German and the pages' strings are not in them", async () => {
    const { messagesOf } = await import('../../lib/i18n');
    await import('../../lib/i18n/all');
    const german = messagesOf('de');
    const english = messagesOf('en');
    for (const file of contentScripts) {
      const code = readFileSync(file);
      expect(gzipSync(code, { level: 9 }).length, `${shown(REPO_ROOT, file)} gzipped`).toBeLessThanOrEqual(60 * 1024);
      const js = code.toString('utf8');
      // German comes from the background when the browser speaks it (components/overlay/run.ts).
      expect(js.includes(String(german.panels_forecast_basisAllWins)), shown(REPO_ROOT, file)).toBe(false);
      expect(js.includes(String(german.overlay_noAnchor)), shown(REPO_ROOT, file)).toBe(false);
      expect(js.includes(String(english.overlay_noAnchor)), shown(REPO_ROOT, file)).toBe(true);
      expect(js.includes(String(english.options_csvDescription)), shown(REPO_ROOT, file)).toBe(false);
    }
  });

  it('would show engine code: the rest of the build holds markers of every engine module the worker ships, and of each package', () => {
    const code = rest.map((f) => readFileSync(f, 'utf8')).join('\n');
    const shipped = new ImportGraph(projectHost(REPO_ROOT)).reachable(['workers/engine.worker.ts']);
    const modules = [...new Set(markers.map((m) => m.file))].filter((f) => shipped.has(f));
    expect(modules.length).toBeGreaterThanOrEqual(10);
    const found = new Set(markersIn(code, markers).map((m) => m.file));
    expect(modules.filter((f) => !found.has(f))).toEqual([]);
    expect(PACKAGE_MARKERS.filter((m) => !code.includes(m.text)).map((m) => m.package)).toEqual([]);
  });
});
