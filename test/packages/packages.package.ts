/**
 * What the stores receive: the Chrome/Edge package (`npm run zip`), the Firefox package and
 * the sources archive for Mozilla's review (`npm run zip:firefox`). `npm run test:packages`
 * builds them (the production build, never the e2e one) and runs this file once; it reads
 * the zips themselves, not .output/<browser>-mv3, so what is checked is what is uploaded.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTabPatterns, manifestHosts } from '../../lib/crm/registry';
import { E2E_MATCHES } from '../../lib/crm/shared/hosts';
import { PACKAGE_JSON, ROOT, manifestOf, pngSize, readPackage, text, type Manifest, type StorePackage } from './package-zip';

const run = promisify(execFile);

/** The permissions reviewed for the stores (wxt.config.ts says why each is needed); a new one fails here first. */
const CHROME_PERMISSIONS = ['alarms', 'cookies', 'identity', 'offscreen'];
/** Firefox has no offscreen document: its background page runs the engine worker. */
const FIREFOX_PERMISSIONS = ['alarms', 'cookies', 'identity'];
const OPTIONAL_PERMISSIONS = ['notifications'];
/** No remote code, no eval, not even for WebAssembly (MV3's floor is `script-src 'self' 'wasm-unsafe-eval'`). */
const CSP = "script-src 'self'; object-src 'self'";

/** Where the production build's files may come from: the entrypoints' output, WXT's chunks, public/. */
const PACKAGE_ROOTS = /^(manifest\.json|[a-z-]+\.html|background\.js|(assets|chunks|content-scripts|icon)\/[^/]+|_locales\/[a-z]{2}\/messages\.json)$/;

/**
 * Text that only test or sandbox-server code carries: the sandbox servers' control routes,
 * Node's built-in modules and its HTTP server, the test tools. None can run in a browser.
 */
const NOT_EXTENSION_CODE = ['__sandbox/', 'node:', 'createServer(', 'vitest', 'puppeteer', 'fake-indexeddb', 'happy-dom'];

/** Folders that never belong in a package, the sources archive included. */
const NEVER_PACKAGED = ['test/', 'sandbox/', 'scripts/', 'bin/', 'screenshots/', 'node_modules/', '.output/'];

let chrome: StorePackage;
let firefox: StorePackage;
let sources: StorePackage;

beforeAll(async () => {
  [chrome, firefox, sources] = await Promise.all([readPackage('chrome'), readPackage('firefox'), readPackage('sources')]);
});

function scripts(pkg: StorePackage): [string, string][] {
  return [...pkg.files.keys()].filter((f) => f.endsWith('.js')).map((f) => [f, text(pkg, f)]);
}

describe.each([
  ['chrome', () => chrome, CHROME_PERMISSIONS],
  ['firefox', () => firefox, FIREFOX_PERMISSIONS],
] as const)('the %s package', (browser, pkg, permissions) => {
  let manifest: Manifest;
  beforeAll(() => {
    manifest = manifestOf(pkg());
  });

  it("is Manifest V3 with package.json's version", () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(PACKAGE_JSON.version);
  });

  it('names and describes itself in English and German, from _locales', () => {
    expect([manifest.name, manifest.description, manifest.action?.default_title]).toEqual(['__MSG_extName__', '__MSG_extDescription__', '__MSG_actionTitle__']);
    expect(manifest.default_locale).toBe('en');
    const locales = [...pkg().files.keys()].filter((f) => f.startsWith('_locales/')).sort();
    expect(locales).toEqual(['_locales/de/messages.json', '_locales/en/messages.json']);
    const [de, en] = locales.map((f) => JSON.parse(text(pkg(), f)) as Record<string, { message: string }>);
    expect(Object.keys(de!).sort()).toEqual(Object.keys(en!).sort());
    expect(en!.extName!.message).toBe('Dealsight');
    expect(de!.extName!.message).toBe('Dealsight');
    expect(en!.extDescription!.message).toMatch(/^Deal intelligence inside your CRM/);
    expect(de!.extDescription!.message).toMatch(/^Deal-Intelligence in Ihrem CRM/);
    // The stores' limit for a description.
    for (const messages of [de!, en!]) expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('asks for the reviewed permissions and exactly the hosts of the CRM host table', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(permissions);
    expect(manifest.optional_permissions).toEqual(OPTIONAL_PERMISSIONS);
    const hosts = manifestHosts(false);
    expect(manifest.host_permissions).toEqual(hosts.host_permissions);
    expect(manifest.optional_host_permissions).toEqual(hosts.optional_host_permissions);
    expect(manifest.host_permissions!.length).toBeGreaterThan(0);
    // The overlay runs only on the CRMs' app pages, and its styles are exposed only to them.
    const overlay = new Set(allTabPatterns(false, 'overlay'));
    const scriptMatches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    const resourceMatches = (manifest.web_accessible_resources ?? []).flatMap((r) => r.matches);
    expect(scriptMatches.length).toBeGreaterThan(0);
    expect([...scriptMatches, ...resourceMatches].filter((m) => !overlay.has(m))).toEqual([]);
  });

  it("carries none of the e2e build's local hosts", () => {
    const json = text(pkg(), 'manifest.json');
    for (const local of [...E2E_MATCHES, 'localhost', '127.0.0.1']) expect(json, local).not.toContain(local);
  });

  it('runs no remote code: a strict CSP, scripts only from the package, no eval', () => {
    expect(manifest.content_security_policy).toEqual({ extension_pages: CSP });
    expect(manifest.sandbox).toBeUndefined();
    const files = pkg().files;
    const declared = [
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
    ];
    expect(declared.length).toBeGreaterThan(0);
    for (const file of declared) expect(files.has(file), file).toBe(true);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages).toContain('options.html');
    for (const page of pages) {
      const html = text(pkg(), page);
      const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(tags.length, page).toBeGreaterThan(0);
      for (const [, attributes, body] of tags) {
        const src = /\bsrc="([^"]+)"/.exec(attributes ?? '')?.[1];
        expect(src, `${page}: an inline <script>`).toBeDefined();
        expect(body?.trim(), page).toBe('');
        // Root-relative to the package: no scheme, no protocol-relative `//host`.
        expect(src, page).toMatch(/^\/(?!\/)[\w./-]+\.js$/);
        expect(files.has(src!.slice(1)), `${page}: ${src}`).toBe(true);
      }
    }
    for (const [file, js] of scripts(pkg())) {
      expect(js, file).not.toMatch(/\beval\s*\(/);
      expect(js, file).not.toMatch(/\bnew\s+Function\s*\(/);
      expect(js, file).not.toMatch(/\bimportScripts\s*\(/);
      // A dynamic import of anything but a file of the package.
      expect(js, file).not.toMatch(/\bimport\s*\(\s*["'`](https?:)?\/\//);
    }
  });

  it('has every declared icon, a PNG of the declared size, 128 px included', () => {
    const icons = manifest.icons ?? {};
    expect(Object.keys(icons)).toContain('128');
    const action = manifest.action?.default_icon;
    const declared = [...Object.entries(icons), ...(typeof action === 'object' ? Object.entries(action) : [])];
    for (const [size, file] of declared) {
      const bytes = pkg().files.get(file);
      expect(bytes, file).toBeDefined();
      expect(pngSize(bytes!), file).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('holds the built extension only: no test, sandbox-server or script code, no source maps', () => {
    const names = [...pkg().files.keys()];
    expect(names.filter((f) => !PACKAGE_ROOTS.test(f))).toEqual([]);
    expect(names.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const [file, js] of scripts(pkg())) {
      for (const marker of NOT_EXTENSION_CODE) expect(js.includes(marker), `${file} contains ${marker}`).toBe(false);
      expect(js, file).not.toContain('sourceMappingURL');
    }
  });
});

describe('the Chrome package', () => {
  it('declares the MV3 service worker, the offscreen page and split incognito', () => {
    const manifest = manifestOf(chrome);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.files.has('offscreen.html')).toBe(true);
    expect(manifest.incognito).toBe('split');
    expect(manifest.browser_specific_settings).toBeUndefined();
  });
});

describe('the Firefox package', () => {
  const lintDir = mkdtempSync(join(tmpdir(), 'dealsight-firefox-'));
  afterAll(() => rmSync(lintDir, { recursive: true, force: true }));

  it('has the add-on id, a minimum version that reads data_collection_permissions, and an event page', () => {
    const manifest = manifestOf(firefox);
    expect(manifest.browser_specific_settings?.gecko).toEqual({
      id: 'dealsight@dealsight.app',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.files.has('offscreen.html')).toBe(false);
  });

  /**
   * Mozilla's linter (web-ext lint runs addons-linter, as AMO does on upload) on the package
   * as unzipped. Errors block a submission; the only warnings allowed are Preact's renderer
   * writing `dangerouslySetInnerHTML` (`el.innerHTML = props.__html`), which Dealsight never
   * passes: CRM text renders as text.
   */
  it('passes web-ext lint with no errors and no warnings but those of Preact’s renderer', async () => {
    for (const [file, bytes] of firefox.files) {
      mkdirSync(dirname(join(lintDir, file)), { recursive: true });
      writeFileSync(join(lintDir, file), bytes);
    }
    const webExt = resolve(ROOT, 'node_modules/.bin/web-ext');
    const out = await run(webExt, ['lint', '--source-dir', lintDir, '--output', 'json', '--no-config-discovery'], { cwd: ROOT, maxBuffer: 64 << 20 }).catch(
      (e: { stdout?: string; message: string }) => {
        if (!e.stdout) throw e;
        return { stdout: e.stdout };
      },
    );
    type Message = { code: string; message: string; file?: string; line?: number; column?: number };
    const report = JSON.parse(out.stdout) as { errors: Message[]; warnings: Message[]; notices: Message[]; summary: Record<string, number> };
    const show = (m: Message) => `${m.code} ${m.file ?? ''}:${m.line ?? ''}:${m.column ?? ''} ${m.message}`;
    expect(report.errors.map(show)).toEqual([]);
    expect(report.notices.map(show)).toEqual([]);
    const unexplained = report.warnings.filter((w) => {
      if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line || w.column === undefined) return true;
      const line = text(firefox, w.file).split('\n')[w.line - 1] ?? '';
      // The linter's columns count from 1.
      return !/^\w+\.innerHTML=\w+\.__html\b/.test(line.slice(w.column - 1));
    });
    expect(unexplained.map(show)).toEqual([]);
  });
});

describe('the sources archive for Mozilla', () => {
  it('holds what builds the add-on, with the build steps', () => {
    const names = [...sources.files.keys()];
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', '.puppeteerrc.cjs']) {
      expect(sources.files.has(file), file).toBe(true);
    }
    for (const dir of ['entrypoints/', 'lib/', 'components/', 'workers/', 'public/icon/']) {
      expect(
        names.some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
    }
    expect(text(sources, 'README.md')).toContain('npm run zip:firefox');
    expect(JSON.parse(text(sources, 'package.json'))).toEqual(PACKAGE_JSON);
  });

  it('holds every tracked file the Firefox build reads', async () => {
    const { stdout } = await run('git', ['ls-files', 'entrypoints', 'lib', 'components', 'workers', 'public'], { cwd: ROOT });
    const tracked = stdout.split('\n').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    // WXT leaves out the entrypoints the Firefox build skips: the offscreen page is Chrome's
    // (its index.html says `manifest.exclude: ['firefox']`); its script stays, as lib code does.
    const skipped = ['entrypoints/offscreen/index.html'];
    expect(tracked.filter((f) => !sources.files.has(f))).toEqual(skipped);
  });

  it('holds no tests, sandbox servers, scripts or build output', () => {
    const names = [...sources.files.keys()];
    expect(names.filter((f) => NEVER_PACKAGED.some((dir) => f.startsWith(dir)))).toEqual([]);
    expect(names.filter((f) => /\.(test|e2e|package)\.tsx?$/.test(f))).toEqual([]);
  });
});
