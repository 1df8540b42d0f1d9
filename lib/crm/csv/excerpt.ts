/**
 * Bounded quotes of file content in messages. A warning or a refusal names the value or
 * the headers it is about, but a 50 KB cell or a header of 100,000 names echoed whole
 * makes a one-line message megabytes long, and is stored with the import's summary
 * (issue 14). Values are cut to about 60 characters, lists to about 20 names.
 */

/** Characters of a value quoted before it is cut. */
export const QUOTED_CHARS = 60;
/** Names listed before "and N more". */
export const LISTED_NAMES = 20;

/** `"value"`, or its first characters and its length when longer than `QUOTED_CHARS`. */
export function quoteValue(value: string): string {
  return `"${clipText(value)}"${value.length > QUOTED_CHARS ? ` (${value.length.toLocaleString('en-US')} characters)` : ''}`;
}

/** A value as shown inside a message: cut with an ellipsis past `max` characters. */
export function clipText(value: string, max = QUOTED_CHARS): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** `a, b, c`, or the first `LISTED_NAMES` and "and N more"; each name clipped. */
export function listNames(names: readonly string[], max = LISTED_NAMES): string {
  const shown = names.slice(0, max).map((n) => clipText(n));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more.toLocaleString('en-US')} more` : shown.join(', ');
}
