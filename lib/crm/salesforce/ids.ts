/**
 * Salesforce record ids: 15 characters, case-sensitive, as the UI shows them, or 18
 * characters with a case-safe suffix, as the API returns them. Dealsight keys every
 * record by the 18-character form, so an id read from a URL (often 15) and one from the
 * API name the same record.
 *
 * The suffix adds one character per 5-character chunk whose bits say which of the
 * chunk's characters are upper-case letters (Salesforce's CASESAFEID algorithm).
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/i;

/** The three suffix characters for a 15-character id. */
function suffixOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const code = id15.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * Restores the case of the first 15 characters from the suffix: what a tool that
 * upper- or lower-cased an 18-character id lost, the suffix still knows.
 */
function restoreCase(id18: string): string | null {
  let restored = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(id18.charAt(15 + chunk).toUpperCase());
    if (bits < 0) return null;
    for (let i = 0; i < 5; i++) {
      const c = id18.charAt(chunk * 5 + i);
      const upper = (bits & (1 << i)) !== 0;
      if (upper && !/[a-z]/i.test(c)) return null;
      restored += upper ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return restored;
}

/**
 * The 18-character form of a 15- or 18-character id, or null when the text is not an
 * id (wrong length, other characters, or an 18-character id whose suffix contradicts it).
 */
export function toId18(id: string): string | null {
  const text = id.trim();
  if (!ID_SHAPE.test(text)) return null;
  if (text.length === 15) return text + suffixOf(text);
  const head = text.slice(0, 15);
  const suffix = text.slice(15).toUpperCase();
  if (suffixOf(head) === suffix) return head + suffix;
  const restored = restoreCase(text);
  return restored !== null && suffixOf(restored) === suffix ? restored + suffix : null;
}

/** The 15-character, case-sensitive form (what Classic URLs and reports show). */
export function toId15(id: string): string | null {
  return toId18(id)?.slice(0, 15) ?? null;
}

/** Whether two ids name the same record, whatever their length. */
export function sameId(a: string, b: string): boolean {
  const x = toId18(a);
  return x !== null && x === toId18(b);
}

/** Key prefixes (an id's first three characters) of the objects Dealsight reads. */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '005': 'User',
  '006': 'Opportunity',
  '00D': 'Organization',
};

/** The object an id belongs to by its key prefix, or null for prefixes Dealsight does not know. */
export function objectOfId(id: string): string | null {
  return KEY_PREFIXES[id.slice(0, 3)] ?? null;
}
