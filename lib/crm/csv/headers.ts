/**
 * Header names as keys. Exports spell the same column "Close Date", "close_date",
 * "CloseDate" or "Close date:", so matching ignores case, spaces, underscores and
 * punctuation; attribute keys are camelCase so they read well in code and stay stable
 * from one import of the same report to the next.
 */
import { clipText } from './excerpt';

/** Lower case letters and digits only: "Probability (%)" → "probability". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * camelCase of a header: "Billing State/Province" → "billingStateProvince",
 * "Comp_size" → "compSize", "RFI" → "rfi"; words already in camelCase keep their humps.
 */
export function camelCaseKey(header: string): string {
  // A header of a megabyte keys every opportunity's attribute: a prefix tells columns apart as well.
  const words = header
    .slice(0, MAX_KEY_CHARS * 4)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const key = words
    .map((word, i) => {
      const base = word === word.toUpperCase() ? word.toLowerCase() : word;
      const head = i === 0 ? base.charAt(0).toLowerCase() : base.charAt(0).toUpperCase();
      return head + base.slice(1);
    })
    .join('');
  return key.slice(0, MAX_KEY_CHARS);
}

/**
 * Attribute keys, each given once: "product", then "product2", "product3". Each base
 * remembers its next suffix, so 50,000 columns named "Note" cost 50,000 steps, not the
 * 1.25 billion of counting up from 2 for every one of them (issue 14).
 */
export class UniqueKeys {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  /** `wanted` if no column has it yet, else `wanted` with the first free suffix from 2. */
  take(wanted: string): string {
    let key = wanted;
    if (this.used.has(key)) {
      let n = this.nextSuffix.get(wanted) ?? 2;
      while (this.used.has(`${wanted}${n}`)) n++;
      key = `${wanted}${n}`;
      this.nextSuffix.set(wanted, n + 1);
    }
    this.used.add(key);
    return key;
  }
}

/** Characters of a header kept in its attribute key: keys are stored on every opportunity. */
export const MAX_KEY_CHARS = 64;

/** How a header is shown in messages and lists: itself (cut to about 60 characters), or its position when it is empty. */
export function columnLabel(header: string, index: number): string {
  return header === '' ? `Column ${index + 1}` : clipText(header);
}
