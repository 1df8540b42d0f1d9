/**
 * Header names as keys. Exports spell the same column "Close Date", "close_date",
 * "CloseDate" or "Close date:", so matching ignores case, spaces, underscores and
 * punctuation; attribute keys are camelCase so they read well in code and stay stable
 * from one import of the same report to the next.
 */

/** Lower case letters and digits only: "Probability (%)" → "probability". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * camelCase of a header: "Billing State/Province" → "billingStateProvince",
 * "Comp_size" → "compSize", "RFI" → "rfi"; words already in camelCase keep their humps.
 */
export function camelCaseKey(header: string): string {
  const words = header.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words
    .map((word, i) => {
      const base = word === word.toUpperCase() ? word.toLowerCase() : word;
      const head = i === 0 ? base.charAt(0).toLowerCase() : base.charAt(0).toUpperCase();
      return head + base.slice(1);
    })
    .join('');
}

/** A key not yet in `used` (and adds it): "product", then "product2", "product3". */
export function uniqueKey(wanted: string, used: Set<string>): string {
  let key = wanted;
  for (let n = 2; used.has(key); n++) key = `${wanted}${n}`;
  used.add(key);
  return key;
}

/** How a header is shown in messages: itself, or its position when it is empty. */
export function columnLabel(header: string, index: number): string {
  return header === '' ? `Column ${index + 1}` : header;
}
