/**
 * The last guard before a value leaves the browser in a lead-search URL or on the
 * clipboard. The types already keep records out (filters are built from persona
 * attributes, never from opportunities); this drops anything that still looks like
 * contact data, e.g. a CRM whose "title" field holds "Jane Doe <jane@acme.com>".
 * Names cannot be recognised reliably, which is why only well-known attribute keys
 * are read at all (lib/leads/filters.ts).
 */

const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}/i;
/** Runs of digits with the separators phone numbers are written with. */
const PHONE_RUN = /\+?[\d(][\d\s().-]*\d/g;
const PHONE_MIN_DIGITS = 7;
/** Longer than any title, industry or place name: free text, not a category. */
export const MAX_VALUE_LENGTH = 100;

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function looksLikePhoneNumber(value: string): boolean {
  for (const run of value.match(PHONE_RUN) ?? []) {
    if (run.replace(/\D/g, '').length >= PHONE_MIN_DIGITS) return true;
  }
  return false;
}

/** Whether a value may be sent to a lead-search provider. */
export function isShareable(value: string): boolean {
  return value.length > 0 && value.length <= MAX_VALUE_LENGTH && !looksLikeEmail(value) && !looksLikePhoneNumber(value);
}

/** Trimmed, shareable, case-insensitively distinct values, in their first order. */
export function shareableValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const value = raw.replace(/\s+/g, ' ').trim();
    const folded = value.toLowerCase();
    if (!isShareable(value) || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(value);
  }
  return kept;
}
