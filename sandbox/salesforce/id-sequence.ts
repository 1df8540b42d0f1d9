import { caseSafeId } from '../../lib/sandbox/ids';

/**
 * Ids for the records the sandbox server adds to the generated org (stage history, query
 * locators, the org itself, opportunities added later): the same shape as the generator's
 * (key prefix, pod, `0`, a 9-character base-62 counter, case-safe suffix), so a connector
 * sees one org, not two.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const COUNTER_WIDTH = 9;

export function encodeBase62(value: number, width = COUNTER_WIDTH): string {
  let text = '';
  let rest = Math.floor(value);
  while (rest > 0) {
    text = BASE62.charAt(rest % 62) + text;
    rest = Math.floor(rest / 62);
  }
  return text.padStart(width, '0');
}

export function decodeBase62(text: string): number {
  let value = 0;
  for (const c of text) {
    const digit = BASE62.indexOf(c);
    if (digit < 0) throw new Error(`Not a base-62 digit: "${c}" in "${text}"`);
    value = value * 62 + digit;
  }
  return value;
}

/** The counter of a generator-shaped id (characters 6–14). */
export function idCounter(id: string): number {
  return decodeBase62(id.slice(6, 15));
}

/** The 2-character pod of an id (characters 3–4). */
export function podOf(id: string): string {
  return id.slice(3, 5);
}

/** Hands out increasing 18-character ids with one key prefix. */
export class IdSequence {
  private counter: number;

  constructor(
    private readonly prefix: string,
    private readonly pod: string,
    /** The counter of the first id handed out. */
    start: number,
  ) {
    if (!/^[0-9A-Za-z]{3}$/.test(prefix)) throw new Error(`IdSequence: a key prefix is 3 characters, got "${prefix}"`);
    if (!/^[0-9A-Za-z]{2}$/.test(pod)) throw new Error(`IdSequence: a pod is 2 characters, got "${pod}"`);
    this.counter = start - 1;
  }

  /** A sequence that continues after the largest of `ids` (which share its prefix). */
  static after(prefix: string, pod: string, ids: Iterable<string>, fallbackStart: number): IdSequence {
    let max = -1;
    for (const id of ids) max = Math.max(max, idCounter(id));
    return new IdSequence(prefix, pod, max < 0 ? fallbackStart : max + 1);
  }

  next(): string {
    this.counter += 1;
    return caseSafeId(`${this.prefix}${this.pod}0${encodeBase62(this.counter)}`);
  }
}

/** 15- or 18-character Salesforce id shape (letters and digits only). */
export function isSalesforceId(value: string): boolean {
  return /^[0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?$/.test(value);
}

/** The 18-character form of a 15- or 18-character id; null for anything else. */
export function toId18(value: string): string | null {
  if (!isSalesforceId(value)) return null;
  return value.length === 18 ? value : caseSafeId(value);
}
