/**
 * The e2e harness every browser test uses: loads the built e2e extension
 * (`npm run build:e2e` → .output/chrome-mv3-e2e) into Debian's Chromium with puppeteer.
 *
 *   const ext = await launchWithExtension();
 *   const page = await ext.openExtensionPage('popup.html');
 *   ...
 *   await ext.close();
 *
 * Chromium is never downloaded (.puppeteerrc.cjs): it comes from `$CHROMIUM_PATH` or
 * /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it when missing).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `npm run build:e2e` writes the extension (wxt.config.ts, `outDirTemplate`). */
export const E2E_EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-e2e');
/** Where `screenshot()` writes; gitignored. */
export const SCREENSHOT_DIR = join(ROOT, 'screenshots');

export interface LaunchOptions {
  /** An unpacked extension; defaults to the e2e build. */
  extensionDir?: string;
  /**
   * A Chromium profile to use and keep (to restart on the same profile: the extension's
   * IndexedDB survives). Without it, a fresh temporary profile is deleted at `close()`.
   */
  userDataDir?: string;
  /** Headless by default; `false` opens a window (needs a display), as `npm run demo` does with one. */
  headless?: boolean;
  /** The browser window's size (the default viewport of new pages follows it). */
  windowSize?: { width: number; height: number };
  /** More Chromium switches (e.g. `--host-resolver-rules` to keep tabs a test opens off the network). */
  args?: string[];
  /**
   * The browser's UI language ("de"): `--lang` and `LANGUAGE` (Chromium on Linux reads the
   * environment too), so `i18n.getUILanguage()` and `navigator.language` say it. Needs
   * the language's pak (Debian's chromium-l10n; .ci/run installs it). Default: Chromium's own.
   */
  lang?: string;
  /**
   * How long one DevTools call may wait (puppeteer's default: 180 s). A bench that loads the
   * extension's process with a long job raises it rather than fail on a page that answers late.
   */
  protocolTimeout?: number;
}

export interface ExtensionSession {
  browser: Browser;
  /** The 32-letter id Chromium gave the unpacked extension. */
  extensionId: string;
  /** The extension's service worker (the background), for `worker.evaluate(...)`. */
  worker: WebWorker;
  /** Opens `chrome-extension://<id>/<path>` in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes Chromium and deletes its temporary profile. */
  close(): Promise<void>;
}

/** `$CHROMIUM_PATH`, else Debian's /usr/bin/chromium; a clear error when neither exists. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's Chromium with \`apt-get install -y chromium\` ` +
        '(as root), or point CHROMIUM_PATH at a Chromium or Chrome binary. Puppeteer never downloads one here.',
    );
  }
  return path;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = resolve(options.extensionDir ?? E2E_EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
  const executablePath = chromiumPath();
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'dealsight-e2e-')));

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      ...(options.protocolTimeout === undefined ? {} : { protocolTimeout: options.protocolTimeout }),
      executablePath,
      headless: options.headless ?? true,
      // Pages take the window's size rather than puppeteer's fixed 800×600.
      defaultViewport: options.windowSize ? null : undefined,
      // Loading an unpacked extension by path goes through CDP `Extensions.loadUnpacked`,
      // which puppeteer only offers over a pipe.
      pipe: true,
      enableExtensions: [extensionDir],
      args: [
        '--no-sandbox', // the tests run as root, where Chromium's sandbox cannot start
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        `--user-data-dir=${userDataDir}`,
        ...(options.windowSize ? [`--window-size=${options.windowSize.width},${options.windowSize.height}`] : []),
        ...(options.lang ? [`--lang=${options.lang}`] : []),
        ...(options.args ?? []),
      ],
      ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
    });
  } catch (error) {
    if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const close = async (): Promise<void> => {
    try {
      await browser.close();
    } finally {
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    }
  };

  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
    const extensionId = new URL(target.url()).host;
    const worker = await target.worker();
    if (!worker) throw new Error(`The service worker target ${target.url()} has no worker.`);

    const openExtensionPage = async (path: string): Promise<Page> => {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
      return page;
    };
    return { browser, extensionId, worker, openExtensionPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Saves a full-page PNG as screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: path as `${string}.png`, fullPage: true });
  return path;
}
