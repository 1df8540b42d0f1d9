/**
 * The shape of a message dictionary. Keys are `<area>_<name>` in letters, digits and
 * underscores only, unique ignoring case: that is what a `_locales/<lang>/messages.json`
 * message name may be (https://developer.chrome.com/docs/extensions/reference/api/i18n),
 * so a dictionary can be written out as one without renaming anything.
 */

/** A message whose wording depends on a number: one form per `Intl.PluralRules` category. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  /** Required: the form every language has. */
  readonly other: string;
}

/** Plain text with `{name}` placeholders, or plural forms chosen by the `count` parameter. */
export type Message = string | PluralMessage;

export type Dictionary = Readonly<Record<string, Message>>;

/**
 * Another language's dictionary for an English area `E`: exactly E's keys (a missing or extra
 * key is a type error), a plural message where E has one. The placeholders are compared by
 * test/components/i18n-languages.test.ts (text types cannot be checked without fixing them).
 */
export type Translation<E extends Dictionary> = { readonly [K in keyof E]: E[K] extends string ? string : PluralMessage };
