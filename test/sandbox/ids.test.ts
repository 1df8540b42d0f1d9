import { describe, expect, it } from 'vitest';
import { Random } from '../../lib/seeded/random';
import { caseSafeId, KEY_PREFIX, SalesforceIdFactory } from '../../lib/sandbox/ids';

describe('caseSafeId', () => {
  it('appends the documented case-safe suffix', () => {
    // Chunks "001A0" (upper case at 3 → I), "00000" (→ A), "6Vm9r" (upper case at 1 → C).
    expect(caseSafeId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(caseSafeId('00000000000000A')).toBe('00000000000000AAAQ');
    expect(caseSafeId('ABCDEABCDEABCDE')).toBe('ABCDEABCDEABCDE555');
  });

  it('rejects ids that are not 15 characters', () => {
    expect(() => caseSafeId('001A0000006Vm9rIAC')).toThrow(/15-character/);
  });
});

describe('SalesforceIdFactory', () => {
  it('hands out increasing, unique ids per prefix, the same for the same seed', () => {
    const a = new SalesforceIdFactory(new Random(5));
    const b = new SalesforceIdFactory(new Random(5));
    const ids = Array.from({ length: 500 }, () => a.next(KEY_PREFIX.opportunity));
    expect(Array.from({ length: 500 }, () => b.next(KEY_PREFIX.opportunity))).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    const counters = ids.map((id) => id.slice(6, 15));
    const base62 = (s: string): number => [...s].reduce((n, c) => n * 62 + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.indexOf(c), 0);
    for (let i = 1; i < counters.length; i++) expect(base62(counters[i]!)).toBeGreaterThan(base62(counters[i - 1]!));
    expect(a.next(KEY_PREFIX.account).startsWith('001')).toBe(true);
  });
});
