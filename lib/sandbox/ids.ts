import type { Random } from '../seeded/random';

/**
 * Salesforce-shaped record ids, so that the sandbox exercises the same id handling as a
 * real org: the URL detection of Lightning pages, 15 → 18 character normalization and
 * key-prefix checks. An id is a 3-character key prefix, a 2-character pod, a reserved
 * `0`, a 9-character base-62 counter, and the 3-character case-safe suffix.
 */

/** Key prefixes of the objects the sandbox holds. */
export const KEY_PREFIX = {
  account: '001',
  contact: '003',
  user: '005',
  opportunity: '006',
  opportunityHistory: '008',
  contactRole: '00K',
  product: '01t',
} as const;
export type KeyPrefix = (typeof KEY_PREFIX)[keyof typeof KEY_PREFIX];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Pods seen in real orgs' ids; which one an org gets is part of its seed. */
const PODS = ['5g', '5f', '8d', '3t', '4W', 'Hs', '2E', '7Q'];
const COUNTER_WIDTH = 9;

/**
 * The 18-character case-safe form of a 15-character id: each 5-character chunk adds one
 * character that encodes which of its letters are upper case, so the id survives
 * case-insensitive tools (Salesforce's documented algorithm).
 */
export function caseSafeId(id15: string): string {
  if (id15.length !== 15) throw new Error(`caseSafeId: expected a 15-character id, got "${id15}"`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(flags);
  }
  return id15 + suffix;
}

/**
 * Hands out unique ids per key prefix, increasing in creation order like a real org's,
 * with small gaps (other records of the org take the numbers between).
 */
export class SalesforceIdFactory {
  private readonly pod: string;
  private readonly counters = new Map<string, number>();

  constructor(private readonly rng: Random) {
    this.pod = rng.pick(PODS);
  }

  next(prefix: KeyPrefix): string {
    let counter = this.counters.get(prefix);
    // Start high enough that ids have a realistic mix of digits and letters.
    counter = counter === undefined ? 62 ** 4 * (8 + this.rng.int(40)) + this.rng.int(62 ** 4) : counter + 1 + this.rng.int(3);
    this.counters.set(prefix, counter);
    return caseSafeId(`${prefix}${this.pod}0${base62(counter, COUNTER_WIDTH)}`);
  }
}

function base62(value: number, width: number): string {
  let text = '';
  let rest = value;
  while (rest > 0) {
    text = BASE62.charAt(rest % 62) + text;
    rest = Math.floor(rest / 62);
  }
  return text.padStart(width, '0');
}
