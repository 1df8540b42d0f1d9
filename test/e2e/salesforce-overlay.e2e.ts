/**
 * The Salesforce overlay in real Chromium against the sandbox Salesforce server: a record
 * page gets exactly one `dealsight-panel` host after its highlights, and single-page
 * navigation to another record replaces it (no duplicates). The panel's state depends on
 * the background's `get-record-panel` (not connected until a sync): the test asserts that
 * a state is shown, not which one.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch';

let server: SalesforceServer;
let session: ExtensionSession;
let page: Page;

/** The overlay hosts on the page, with the state each shows and what sits before it. */
function panels(p: Page) {
  return p.$$eval('dealsight-panel', (hosts) =>
    hosts.map((h) => ({
      state: h.shadowRoot?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') ?? null,
      after: h.previousElementSibling?.tagName.toLowerCase() ?? null,
      inActivePage: h.closest('.oneContent.active') !== null,
    })),
  );
}

beforeAll(async () => {
  server = await startSalesforceServer({ opportunities: 200 });
  session = await launchWithExtension();
  page = await session.browser.newPage();
  await page.goto(server.loginUrl(), { waitUntil: 'load' });
  await page.waitForSelector('html[data-sandbox-state="ready"] #oneCenterStage > .oneContent.active tr[data-row-key-value]');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Salesforce overlay', () => {
  it('mounts one panel after the record highlights, and replaces it on SPA navigation', async () => {
    const ids = await page.$$eval('.oneContent.active th[scope=row] a[data-recordid]', (links) =>
      links.slice(0, 2).map((a) => a.getAttribute('data-recordid') ?? ''),
    );
    expect(ids).toHaveLength(2);

    await page.click(`.oneContent.active a[data-recordid="${ids[0]}"]`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('dealsight-panel').length === 1 &&
        document.querySelector('dealsight-panel')?.shadowRoot?.querySelector('[data-overlay-state]'),
      { timeout: 20_000 },
    );
    const first = await panels(page);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ after: 'records-highlights2', inActivePage: true });
    expect(first[0]!.state).toBeTruthy();

    // Back to the list (SPA), then the second record: still exactly one panel.
    await page.evaluate(
      (url) => (window as unknown as { sandboxLightning: { navigate(u: string): void } }).sandboxLightning.navigate(url),
      `${server.url}/lightning/r/Opportunity/${ids[1]}/view`,
    );
    await page.waitForFunction((id) => location.pathname.includes(id) && document.documentElement.dataset.sandboxState === 'ready', {}, ids[1]!);
    await page.waitForFunction(
      () => {
        const host = document.querySelector('dealsight-panel');
        return document.querySelectorAll('dealsight-panel').length === 1 && host?.closest('.oneContent.active') !== null;
      },
      { timeout: 20_000 },
    );
    const second = await panels(page);
    expect(second).toHaveLength(1);
    expect(second[0]!.inActivePage).toBe(true);

    // Leaving record pages removes it.
    await page.evaluate((url) => (window as unknown as { sandboxLightning: { navigate(u: string): void } }).sandboxLightning.navigate(url), server.listUrl());
    await page.waitForFunction(() => document.querySelectorAll('dealsight-panel').length === 0, { timeout: 10_000 });
  });
});
