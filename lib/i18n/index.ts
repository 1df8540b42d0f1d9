/**
 * User-facing strings, in one place: `t('panels_win_title')`, `t('panels_win_orgAverage',
 * { rate: '40%' })`. Dictionaries live per area in `en/<area>.ts` and are listed in
 * `en/index.ts` (one line per area), so the popup, options and panels each own a file.
 *
 * - Placeholders are `{name}`. The parameters a message needs are checked at compile time
 *   from the dictionary's literal types: a missing or misspelt parameter is a type error.
 * - A number parameter is written with the user's locale (lib/format, up to 2 decimals).
 *   Money, percentages and dates are formatted by the caller (lib/format) and passed as text.
 * - A plural message is `{ one, other, … }`; the form is chosen by `Intl.PluralRules` of the
 *   message language on the `count` parameter.
 * - Ready for `_locales`: keys are valid `messages.json` names (letters, digits, `_`, unique
 *   ignoring case), so a generator can write `{name}` as `$name$` with a `placeholders`
 *   entry, and a plural message as one name per form (`<key>_one`, `<key>_other`).
 *   Only English exists so far; `MESSAGE_LANGUAGE` is the language of the dictionaries.
 */
import { formatNumber } from '../format';
import { common } from './en/common';
import { overlay } from './en/overlay';
import { panels } from './en/panels';
import type * as en from './en';
import type { Dictionary, Message, PluralMessage } from './types';

export type { Dictionary, Message, PluralMessage } from './types';

/** The language the dictionaries are written in (plural rules follow it, not the number locale). */
export const MESSAGE_LANGUAGE = 'en';

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
 * The messages loaded so far, by key. The areas every UI needs (common, panels, overlay)
 * are here from the start; an extension page loads the rest with `import 'lib/i18n/all'`.
 * The CRM content scripts load nothing more: the other areas' strings (options, popup,
 * personas, quality) would be most of their 60 KB budget.
 */
export const MESSAGES: Dictionary = { ...common, ...panels, ...overlay };

/** Adds areas' messages (lib/i18n/all.ts adds every area). */
export function registerMessages(...dictionaries: Dictionary[]): void {
  for (const dictionary of dictionaries) Object.assign(MESSAGES, dictionary);
}

const pluralRules = new Intl.PluralRules(MESSAGE_LANGUAGE);

function pick(message: Message, count: unknown): string {
  if (typeof message === 'string') return message;
  const n = typeof count === 'number' ? count : Number.NaN;
  const form = Number.isFinite(n) ? message[pluralRules.select(n)] : undefined;
  return form ?? message.other;
}

/** A translator whose numbers are written for `locale` (default: the browser's). */
export function translator(locale?: string): Translator {
  const translate = (key: string, params?: Readonly<Record<string, string | number>>): string => {
    const message = MESSAGES[key];
    // An unknown key shows itself: visible in the UI and in tests, never a blank.
    if (message === undefined) return key;
    const text = pick(message, params?.count);
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
