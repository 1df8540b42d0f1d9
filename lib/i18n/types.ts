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
