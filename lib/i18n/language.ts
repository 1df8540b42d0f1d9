/**
 * Which language Dealsight speaks: the browser's UI language (`i18n.getUILanguage()`, which
 * Chromium's `--lang` and Firefox's language packs set), else `navigator.language` (workers
 * and the offscreen document have no `i18n` API but follow the same setting). German for any
 * `de` locale (de, de-DE, de-AT, de-CH…), English otherwise. No browser-API import: the engine
 * worker and the unit tests read it too, and lib/ stays free of `webextension-polyfill`.
 */

/** The languages Dealsight has dictionaries for (lib/i18n/<language>/). */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

interface I18nApi {
  getUILanguage?: () => string;
}

/** The browser's UI locale (BCP 47, e.g. "de-DE"), or undefined where nothing says (Node). */
export function uiLocale(): string | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  try {
    const ui = g.browser?.i18n?.getUILanguage?.() ?? g.chrome?.i18n?.getUILanguage?.();
    if (ui) return ui.replace(/_/g, '-');
  } catch {
    // A context without the API behind the object (some test shims): use navigator's.
  }
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : undefined;
}

/** The dictionary language for a locale: German for de and de-*, English for anything else. */
export function languageOf(locale: string | undefined): Language {
  return locale !== undefined && /^de(?:[-_]|$)/i.test(locale) ? 'de' : 'en';
}
