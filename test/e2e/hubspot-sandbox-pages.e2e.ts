import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { startSalesforceServer } from '../../sandbox/salesforce';
import { chromiumPath } from '../../scripts/browser/launch';

/**
 * The sandbox HubSpot pages in a real browser, without the extension: content mounts
 * after the render delay, links under /contacts/ navigate in place with pushState (the
 * document survives, the page on screen stays until the next replaces it), back works,
 * and the theme toggle changes the colours only (no marker) and sets the cookie.
 * The Lightning pages run their own page script (sandbox/salesforce/pages/lightning-script.ts,
 * for console apps and Lightning's page hosts); the last test checks they still behave as Lightning does.
 */

let server: HubSpotServer;
let browser: Browser;
let profile: string;
let page: Page;

beforeAll(async () => {
  // A render delay long enough that "not mounted yet" right after navigation holds on a loaded machine.
  server = await startHubSpotServer({ seed: 7, opportunities: 200, renderDelayMs: 1500 });
  profile = await mkdtemp(join(tmpdir(), 'dealsight-hs-pages-'));
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
    ],
  });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await rm(profile, { recursive: true, force: true });
  await server?.close();
});

const ready = () => page.waitForFunction(() => document.documentElement.dataset.sandboxState === 'ready');

describe('sandbox HubSpot pages in Chromium', () => {
  it('mounts the board after the delay, then opens a deal in place from a card and comes back', async () => {
    await page.goto(server.boardUrl());
    expect(await page.$('.sandbox-board')).toBeNull();
    await ready();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const href = await page.$eval('[data-test-id="board-card-section-title-link"]', (a) => a.getAttribute('href'));
    await page.click('[data-test-id="board-card-section-title-link"]');
    await page.waitForFunction((h) => location.pathname === h && document.documentElement.dataset.sandboxState === 'ready', {}, href);
    expect(await page.$eval('[data-test-id="left-sidebar"] [data-selenium-test="highlightTitle"]', (h) => h.textContent?.length ?? 0)).toBeGreaterThan(0);
    // Same document: the page script swapped the content, no reload.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.$$eval('#sandbox-stage > [data-sandbox-url]', (hosts) => hosts.length)).toBe(1);
    await page.goBack();
    await page.waitForFunction(
      () =>
        location.pathname.endsWith('/board') && document.documentElement.dataset.sandboxState === 'ready' && document.querySelector('.sandbox-board') !== null,
    );
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('renders hostile names as text, and toggles dark mode into a cookie', async () => {
    const id = Object.keys(server.hostile.opportunityNames)[0]!;
    await page.goto(server.recordUrl(id));
    await ready();
    expect(await page.$eval('[data-selenium-test="highlightTitle"]', (h) => h.textContent)).toBe(server.hostile.opportunityNames[id]);
    expect(await page.$('[data-test-id="left-sidebar"] img, [data-test-id="left-sidebar"] script')).toBeNull();
    await page.click('[data-sandbox-action="toggle-theme"]');
    // No marker (crm-evidence.md "dark mode"): no data-theme, only the colours.
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, getComputedStyle(document.documentElement).colorScheme])).toEqual([
      null,
      'dark',
    ]);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(28, 40, 53)');
    await page.goto(server.listUrl());
    await ready();
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, getComputedStyle(document.body).backgroundColor])).toEqual([
      null,
      'rgb(28, 40, 53)',
    ]);
  });
});

describe('the page script on the Lightning pages', () => {
  it('navigates in place under /lightning/ and keeps earlier pages hidden, as before', async () => {
    const sf = await startSalesforceServer({ seed: 7, opportunities: 100, renderDelayMs: 50 });
    try {
      await page.goto(sf.loginUrl());
      await ready();
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
      await page.click('tbody[data-sandbox-rows] th a[href^="/lightning/r/"]');
      await page.waitForFunction(() => location.pathname.startsWith('/lightning/r/') && document.documentElement.dataset.sandboxState === 'ready');
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
      expect(
        await page.$$eval('.oneCenterStage > .oneContent', (hosts) =>
          hosts.map((h) => `${h.classList.contains('active')}:${getComputedStyle(h).display === 'none'}`),
        ),
      ).toEqual(['false:true', 'true:false']);
      await page.click('[data-sandbox-action="toggle-theme"]');
      expect(await page.evaluate(() => document.body.className)).toContain('slds-color-scheme_dark');
    } finally {
      await sf.close();
    }
  });
});
