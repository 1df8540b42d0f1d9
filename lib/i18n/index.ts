/**
 * User-facing strings, in one place: `t('panels_win_title')`, `t('panels_win_orgAverage',
 * { rate: '40%' })`. Dictionaries live per language and area in `<language>/<area>.ts`
 * (`en/panels.ts`, `de/panels.ts`), listed in `<language>/index.ts` (one line per area), so
 * the popup, options and panels each own a file.
 *
 * - The language is the browser's UI language (./language.ts): German for any `de` locale,
 *   English otherwise; a key a German dictionary lacks would show in English (a test and the
 *   `Translation` type keep them complete). Numbers follow the same locale (lib/format).
 * - Placeholders are `{name}`. The parameters a message needs are checked at compile time
 *   from the English dictionary's literal types: a missing or misspelt parameter is a type
 *   error. Every language's message has the same placeholders (test/components/i18n-languages.test.ts).
 * - A number parameter is written with the user's locale (lib/format, up to 2 decimals).
 *   Money, percentages and dates are formatted by the caller (lib/format) and passed as text.
 * - A plural message is `{ one, other, … }`; the form is chosen by `Intl.PluralRules` of the
 *   message's language on the `count` parameter.
 * - Keys are valid `_locales` `messages.json` names (letters, digits, `_`, unique ignoring
 *   case); the manifest's own name and description are in public/_locales.
 */
import { formatNumber } from '../format';
import { common } from './en/common';
import { overlay } from './en/overlay';
import { panels } from './en/panels';
import { LANGUAGES, languageOf, uiLocale, type Language } from './language';
import type * as en from './en';
import type { Dictionary, Message, PluralMessage } from './types';

export type { Dictionary, Message, PluralMessage } from './types';

export { LANGUAGES, languageOf, uiLocale, type Language } from './language';

type Areas = typeof en;

/** Every message key of every area. */
export type MessageKey = { [A in keyof Areas]: keyof Areas[A] & string }[keyof Areas];

type MessageOf<K extends MessageKey> = { [A in keyof Areas]: K extends keyof Areas[A] ? Areas[A][K] : never }[keyof Areas];

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type PlaceholdersOf<M> = M extends string ? Placeholders<M> : M extends PluralMessage ? 'count' | Placeholders<Exclude<M[keyof M], undefined>> : never;

/** The parameters a message takes: none, or an object naming each placeholder (`count` is a number). */
export type ParamsFor<K extends MessageKey> = [PlaceholdersOf<MessageOf<K>>] extends [never]
  ? []
  : [params: { [P in PlaceholdersOf<MessageOf<K>>]: P extends 'count' ? number : string | number }];

/** Keys of messages without parameters (labels kept in lookup tables). */
export type PlainMessageKey = { [K in MessageKey]: ParamsFor<K> extends [] ? K : never }[MessageKey];

/** Looks up and fills a message; `locale` is the locale numbers are written in. */
export interface Translator {
  <K extends MessageKey>(key: K, ...params: ParamsFor<K>): string;
  readonly locale: string | undefined;
}

/**
 * The messages loaded so far, by language and key. The English areas every UI needs
 * (common, panels, overlay) are here from the start. An extension page and the background
 * load every area of every language with `import 'lib/i18n/all'`. A CRM content script
 * carries English only (the other areas' strings, or a second language, would eat its 60 KB
 * budget: test/e2e/content-bundle.e2e.ts) and, in German, asks the background for the
 * German CONTENT_AREAS before it shows anything (components/overlay/run.ts).
 */
const CATALOGS: Record<Language, Record<string, Message>> = { en: { ...common, ...panels, ...overlay }, de: {} };

/** The areas a CRM content script shows. */
export const CONTENT_AREAS = ['common', 'panels', 'overlay'] as const;

/** The messages of the content areas in `language`, as loaded here (the background has them all). */
export function contentMessages(language: Language): Dictionary {
  const prefixes = CONTENT_AREAS.map((area) => `${area}_`);
  return Object.fromEntries(Object.entries(CATALOGS[language]).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}

/** Whether `value` names a language Dealsight has dictionaries for. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The English messages loaded so far (the reference every language mirrors). */
export const MESSAGES: Dictionary = CATALOGS.en;

/** The messages of `language` loaded so far. */
export function messagesOf(language: Language): Dictionary {
  return CATALOGS[language];
}

/** Adds areas' messages in `language` (lib/i18n/all.ts adds every area of every language). */
export function registerMessages(language: Language, ...dictionaries: Dictionary[]): void {
  for (const dictionary of dictionaries) Object.assign(CATALOGS[language], dictionary);
}

let current: Language = languageOf(uiLocale());

/** The language messages are written in: the browser's UI language unless set. */
export function messageLanguage(): Language {
  return current;
}

/** Chooses the message language (tests, the CLI; the browser's UI language otherwise). */
export function setMessageLanguage(language: Language): void {
  current = language;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function pick(message: Message, count: unknown, language: Language): string {
  if (typeof message === 'string') return message;
  const n = typeof count === 'number' ? count : Number.NaN;
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const form = Number.isFinite(n) ? message[rules.select(n)] : undefined;
  return form ?? message.other;
}

/**
 * A translator whose numbers are written for `locale` (default: the browser's) and whose
 * messages are in `language` (default: the message language at each call).
 */
export function translator(locale?: string, language?: Language): Translator {
  const translate = (key: string, params?: Readonly<Record<string, string | number>>): string => {
    const lang = language ?? current;
    const message = CATALOGS[lang][key] ?? CATALOGS.en[key];
    // An unknown key shows itself: visible in the UI and in tests, never a blank.
    if (message === undefined) return key;
    const text = pick(message, params?.count, CATALOGS[lang][key] === undefined ? 'en' : lang);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value, { locale, digits: 2 }) : value;
    });
  };
  return Object.assign(translate, { locale }) as unknown as Translator;
}

/** Messages with numbers in the browser's locale. Components prefer `useLocale().t`. */
export const t: Translator = translator();
