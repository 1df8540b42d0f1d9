/**
 * Dealsight speaks the browser's language (issue 17, item 3), in real Chromium: started with
 * `--lang=de` (and LANGUAGE=de) the options page and the popup are German, with German
 * numbers; started in English, the same pages are English. The CRM panels' German (which
 * the content scripts ask the background for) is shown by `npm run demo -- --headless`
 * (demo-output/de-*.png). Needs Chromium's German language pack (Debian: chromium-l10n).
 */
import type { Page } from 'puppeteer';
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/browser/launch';

let session: ExtensionSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

async function page(path: string, lang: string): Promise<Page> {
  session = await launchWithExtension({ lang });
  const opened = await session.openExtensionPage(path);
  const ui = await opened.evaluate('chrome.i18n.getUILanguage()');
  expect(ui, lang === 'de' ? 'Chromium has no German language pack (Debian: apt-get install chromium-l10n)' : 'the UI language').toMatch(
    new RegExp(`^${lang}`),
  );
  return opened;
}

const text = (p: Page): Promise<string> => p.evaluate(() => document.body.innerText);

describe("Dealsight follows the browser's language", () => {
  it.each([
    ['de', 'Dealsight-Einstellungen', 'Verbindungen', 'CSV-Export importieren', 'Import a CSV export'],
    ['en', 'Dealsight settings', 'Connections', 'Import a CSV export', 'CSV-Export importieren'],
  ])('the options page in %s', async (lang, title, section, csv, other) => {
    const options = await page('options.html', lang);
    await options.waitForFunction((wanted: string) => document.body.innerText.includes(wanted), { timeout: 30_000, polling: 100 }, csv);
    expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual([lang, title]);
    const body = await text(options);
    expect(body).toContain(section);
    expect(body).not.toContain(other);
  });

  it.each([
    ['de', 'Offene Pipeline', /\d\.\d{3}\s\$/, 'Open pipeline'],
    ['en', 'Open pipeline', /\$\d{1,3},\d{3}/, 'Offene Pipeline'],
  ])('the popup in %s, with its numbers', async (lang, heading, amount, other) => {
    // The e2e build's demo source: generated data scored in the page, no job runner.
    const popup = await page('popup.html?demo=pipeline&n=600', lang);
    await popup.waitForFunction(`document.querySelectorAll('[role="row"]').length > 2`, { timeout: 60_000, polling: 200 });
    const body = await text(popup);
    expect(body).toContain(heading);
    expect(body).not.toContain(other);
    expect(body).toMatch(amount);
  });
});
