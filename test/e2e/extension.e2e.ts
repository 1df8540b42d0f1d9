/**
 * The first e2e test: the built e2e extension loads into Chromium, its background answers
 * its own pages and nothing else, and the popup renders in light and dark.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { CRM_LIST, manifestHosts } from '../../lib/crm/registry';
import { withE2E } from '../../lib/crm/shared/hosts';
import { E2E_EXTENSION_DIR, launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/launch';

interface BuiltManifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; exclude_matches?: string[]; js: string[] }>;
  incognito?: string;
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string };
  action?: { default_popup?: string };
}

/** The extension API inside `page.evaluate` / `worker.evaluate` callbacks (they run in Chromium). */
declare const chrome: WxtBrowser;

/** What the popup says on a fresh profile, before any import. */
const POPUP_LINE = 'No pipeline yet';

let ext: ExtensionSession;
let manifest: BuiltManifest;
let server: Server;
let pageOrigin: string;

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as BuiltManifest;
  // A web page on a host the e2e build matches, to show that matching grants no messaging.
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Not the extension</title><p>A web page.</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  pageOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await new Promise((done) => server?.close(done));
});

describe('the e2e build', () => {
  it('is a strict MV3 manifest with only the alarms, cookies, identity and offscreen permissions, plus the CRM host tables and localhost', () => {
    expect(manifest.manifest_version).toBe(3);
    // `identity`: Salesforce's OAuth sign-in window (wxt.config.ts says why).
    expect(manifest.permissions).toEqual(['alarms', 'cookies', 'identity', 'offscreen']);
    // An incognito tab's cookies are read by Dealsight's incognito instance, not the regular profile's.
    expect(manifest.incognito).toBe('split');
    // Asked for only when the user switches on the at-risk notifications.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    // Every host comes from the CRMs' host tables (lib/crm/<crm>/hosts.ts).
    const hosts = manifestHosts(true);
    expect(manifest.host_permissions).toEqual(hosts.host_permissions);
    expect(manifest.optional_host_permissions).toEqual(hosts.optional_host_permissions);
    expect(manifest.host_permissions).toEqual(
      expect.arrayContaining([
        'https://*.salesforce.com/*',
        'https://*.lightning.force.com/*',
        'https://*.my.salesforce.mil/*',
        'http://localhost/*',
        'http://127.0.0.1/*',
      ]),
    );
    // Each HubSpot hublet's API host, asked for only when a portal there is connected (lib/crm/hubspot/hosts.ts), none granted at install.
    expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual([
      'https://api-ap1.hubapi.com/*',
      'https://api-eu1.hubapi.com/*',
      'https://api-na2.hubapi.com/*',
      'https://api-na3.hubapi.com/*',
      'https://api.hubapi.com/*',
    ]);
    expect(manifest.host_permissions?.filter((p) => p.includes('hubapi.com') || p.includes('hubspot.com'))).toEqual([]);
    // One content script per CRM, on its overlay hosts (WXT sorts them).
    for (const crm of CRM_LIST) {
      const script = manifest.content_scripts?.find((c) => c.js.some((js) => js.includes(`${crm.kind}.js`)));
      expect([...(script?.matches ?? [])].sort(), crm.kind).toEqual(withE2E(crm.hosts.overlay, true).sort());
      expect([...(script?.exclude_matches ?? [])].sort(), crm.kind).toEqual([...(crm.hosts.overlayExclude ?? [])].sort());
    }
    // Salesforce's own sites under the instance hosts' `*.salesforce.com` get no overlay.
    const salesforce = manifest.content_scripts?.find((c) => c.js.some((js) => js.includes('salesforce.js')));
    expect(salesforce?.exclude_matches).toEqual(
      expect.arrayContaining([
        'https://www.salesforce.com/*',
        'https://login.salesforce.com/*',
        'https://help.salesforce.com/*',
        'https://trailhead.salesforce.com/*',
      ]),
    );
    expect(manifest.host_permissions?.some((p) => p.includes('site.com'))).toBe(false);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy?.extension_pages).toBe("script-src 'self'; object-src 'self'");
    expect(manifest.background?.service_worker).toBe('background.js');
    expect(manifest.action?.default_popup).toBe('popup.html');
  });

  it('runs its service worker with the manifest it was built with', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.worker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
    // The worker as it runs now: an MV3 service worker idles out and restarts, and the
    // handle from launch may point at a stopped one. A page's ping wakes it.
    const page = await ext.openExtensionPage('popup.html');
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    const target = await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url() === ext.worker.url(), { timeout: 10_000 });
    const worker = (await target.worker()) ?? ext.worker;
    const live = await worker.evaluate(() => chrome.runtime.getManifest());
    await page.close();
    expect(live.version).toBe(manifest.version);
    expect(live.permissions).toEqual(['alarms', 'cookies', 'identity', 'offscreen']);
  });
});

describe('the background', () => {
  it('answers a ping from an extension page with its version', async () => {
    const page = await ext.openExtensionPage('popup.html');
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    expect(reply).toEqual({ ok: true, version: manifest.version });
    await page.close();
  });

  it('leaves a message it does not know unanswered', async () => {
    const page = await ext.openExtensionPage('popup.html');
    // Chromium resolves with undefined when no listener answers; JSON drops the key, so
    // name that case explicitly.
    const outcome = await page.evaluate(async () => {
      try {
        const reply: unknown = await chrome.runtime.sendMessage({ type: 'drop-tables' });
        return reply === undefined ? 'no reply' : { reply };
      } catch (error) {
        return { error: String(error) };
      }
    });
    expect(outcome).toBe('no reply');
    await page.close();
  });

  it('cannot be reached from a web page, even on a host the e2e build matches', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${pageOrigin}/lightning/r/Opportunity/006000000000001/view`);
    const outcome = await page.evaluate(async (extensionId) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: typeof chrome.runtime.sendMessage } } }).chrome?.runtime;
      // Without `externally_connectable` Chromium does not even give the page the API.
      if (typeof runtime?.sendMessage !== 'function') return { rejected: 'chrome.runtime.sendMessage is not available' };
      try {
        return { reply: (await runtime.sendMessage(extensionId, { type: 'ping' })) as unknown };
      } catch (error) {
        return { rejected: String(error) };
      }
    }, ext.extensionId);
    expect(outcome).toHaveProperty('rejected');
    expect(outcome).not.toHaveProperty('reply');
    await page.close();
  });
});

describe('the popup', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`renders its empty state and the background's version (${scheme})`, async () => {
      const page = await ext.browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // A short viewport: the full-page screenshot then takes the popup's own height.
      await page.setViewport({ width: 780, height: 100, deviceScaleFactor: 2 });
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`, { waitUntil: 'load' });
      // The ping and the store read answer independently: wait for both.
      await page.waitForFunction((line) => document.body.innerText.includes('Background ready') && document.body.innerText.includes(line), {}, POPUP_LINE);

      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('Dealsight');
      expect(text).toContain(POPUP_LINE);
      expect(text).toContain(`Background ready · v${manifest.version}`);

      const width = await page.evaluate(() => document.body.getBoundingClientRect().width);
      expect(width).toBe(780);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (scheme === 'dark') expect(background).not.toBe('rgb(255, 255, 255)');
      else expect(background).toBe('rgb(255, 255, 255)');

      await screenshot(page, `popup-${scheme}`);
      await page.close();
    });
  }
});
