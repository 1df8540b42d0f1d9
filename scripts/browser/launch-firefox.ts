/**
 * The Firefox counterpart of ./launch.ts: loads the built Firefox e2e extension
 * (`npm run build:e2e:firefox` → .output/firefox-mv3-e2e) into Debian's Firefox ESR with
 * puppeteer over WebDriver BiDi (Firefox has no DevTools protocol any more).
 *
 *   const ext = await launchFirefoxWithExtension();
 *   const page = await ext.openExtensionPage('popup.html');
 *   ...
 *   await ext.close();
 *
 * How the add-on gets in: puppeteer's `browser.installExtension(dir)`, which is BiDi's
 * `webExtension.install` with `{ type: 'path' }` (https://w3c.github.io/webextensions/specification/#webextension-install;
 * Firefox implements it since 136). For an unpacked directory Firefox installs it as a
 * *temporary* add-on, exactly what about:debugging's "Load Temporary Add-on…" does and what
 * the README tells a Firefox user to do: the real build, unsigned, gone at shutdown. The
 * other way, Firefox's Remote Debugging Protocol (`installTemporaryAddon`, what web-ext
 * uses), needs a second debugging server and client beside BiDi for the same result.
 *
 * The moz-extension:// UUID: Firefox picks a random one per profile at install, unless the
 * `extensions.webextensions.uuids` pref already maps the add-on's id to one (that pref is
 * where Firefox keeps the mapping: toolkit/components/extensions/Extension.sys.mjs,
 * `UUIDMap`). The profile is given a fixed UUID for the manifest's
 * `browser_specific_settings.gecko.id` (wxt.config.ts) before Firefox starts, so the pages'
 * origin is known without asking the browser.
 *
 * Firefox is never downloaded (.puppeteerrc.cjs): it comes from `$FIREFOX_PATH` or
 * /usr/bin/firefox-esr (`apt-get install -y firefox-esr`; .ci/run installs it when missing).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `npm run build:e2e:firefox` writes the extension (wxt.config.ts, `outDirTemplate`). */
export const FIREFOX_E2E_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3-e2e');

/** The moz-extension:// host the tests' profiles give the add-on (any fixed UUID does). */
export const FIREFOX_EXTENSION_UUID = 'd3a15e47-0c2b-4f1e-9a6d-5e7b8c9d0a1f';

export interface FirefoxLaunchOptions {
  /** An unpacked Firefox build; defaults to the e2e build. */
  extensionDir?: string;
  /** Headless by default. */
  headless?: boolean;
  /** More Firefox preferences. */
  prefs?: Record<string, unknown>;
}

export interface FirefoxExtensionSession {
  browser: Browser;
  /** The add-on id (the manifest's `browser_specific_settings.gecko.id`), as Firefox reported it at install. */
  addonId: string;
  /** `moz-extension://<uuid>/`. */
  origin: string;
  /** Opens `moz-extension://<uuid>/<path>` in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes Firefox and deletes its temporary profile. */
  close(): Promise<void>;
}

/** `$FIREFOX_PATH`, else Debian's /usr/bin/firefox-esr; a clear error when neither exists. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install Debian's Firefox ESR with \`apt-get install -y firefox-esr\` ` +
        '(as root), or point FIREFOX_PATH at a Firefox binary. Puppeteer never downloads one here.',
    );
  }
  return path;
}

/**
 * Navigates a tab to an extension page and waits for it to load. Firefox loads the page
 * (in the extension process) but puppeteer never sees that navigation end: `page.goto`
 * times out and `page.url()` keeps the old URL, while evaluation in the tab does reach the
 * new document. So the navigation is started, its own wait is let go, and the load is
 * waited for in the document itself.
 *
 * A poll that lands while the old document is torn down fails inside Firefox's BiDi agent
 * ("right-hand side of 'in' should be an object, got null": the evaluation's realm is gone)
 * rather than returning false; the wait is then taken up again in the new document.
 */
export async function gotoExtensionPage(page: Page, url: string, timeout = 30_000): Promise<void> {
  void page.goto(url, { waitUntil: 'load', timeout }).catch(() => undefined);
  const deadline = Date.now() + timeout;
  const loaded = `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`;
  for (;;) {
    try {
      await page.waitForFunction(loaded, { timeout: Math.max(1, deadline - Date.now()), polling: 50 });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) {
        const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message.split('\n')[0]})` : '';
        throw new Error(`Firefox did not load ${url} within ${timeout} ms: ${error instanceof Error ? error.message : String(error)}${cause}`, {
          cause: error,
        });
      }
    }
  }
}

/**
 * Tabs an extension page is opened in before giving up, and how long each is given. About
 * one tab in fifty on a busy two-core machine never gets there: every poll of it fails as
 * above until the time is up, and navigating that tab again does not help (240 openings
 * here, December 2026: 5 stuck tabs, each stuck through three navigations), while the next
 * new tab loads the page at once. So a tab that has not loaded the page in TAB_WAIT_MS is
 * closed and the page opened in a new one.
 */
const TABS_TRIED = 3;
const TAB_WAIT_MS = 10_000;

/** The add-on id the build declares; Firefox needs it to map the UUID (and to install an MV3 add-on at all). */
async function geckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id: is it a Firefox build?`);
  return id;
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionSession> {
  const extensionDir = resolve(options.extensionDir ?? FIREFOX_E2E_EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension in ${extensionDir}: run \`npm run build:e2e:firefox\` first.`);
  }
  const id = await geckoId(extensionDir);
  const executablePath = firefoxPath();
  const userDataDir = await mkdtemp(join(tmpdir(), 'dealsight-firefox-e2e-'));

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: options.headless ?? true,
      userDataDir,
      // BiDi refuses to navigate a tab to anything but http(s), file, blob and about:blank
      // (remote/shared/BrowsingContextUtils.sys.mjs, `isWebdriverSafeNavigationURL`) unless
      // the remote agent is started with system access: without it no test could open
      // moz-extension://…/popup.html. A test-only flag on a test-only profile.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }),
        // No network the tests did not ask for (updates, telemetry, remote settings are already off in puppeteer's profile).
        'network.dns.disableIPv6': true,
        ...options.prefs,
      },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const close = async (): Promise<void> => {
    try {
      await browser.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  };

  try {
    const addonId = await browser.installExtension(extensionDir);
    if (addonId !== id) throw new Error(`Firefox installed the add-on as ${addonId}, not as the manifest's ${id}.`);
    const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
    const openExtensionPage = async (path: string): Promise<Page> => {
      const url = `${origin}${path.replace(/^\//, '')}`;
      const failures: string[] = [];
      for (let tab = 1; tab <= TABS_TRIED; tab++) {
        const page = await browser.newPage();
        try {
          await gotoExtensionPage(page, url, TAB_WAIT_MS);
          return page;
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
          await page.close().catch(() => undefined);
        }
      }
      throw new Error(`Firefox opened ${url} in none of ${TABS_TRIED} tabs. ${failures.join(' / ')}`);
    };
    return { browser, addonId, origin, openExtensionPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
