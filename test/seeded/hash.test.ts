import { describe, expect, it } from 'vitest';
import { cyrb53 } from '../../lib/seeded/hash';

describe('cyrb53 (persona ids and persona cards)', () => {
  it('gives the reference outputs (bryc, github.com/bryc/code, jshash/experimental/cyrb53.js)', () => {
    expect(cyrb53('a')).toBe(7929297801672961);
    expect(cyrb53('b')).toBe(8684336938537663);
    expect(cyrb53('revenge')).toBe(4051478007546757);
    expect(cyrb53('revenue')).toBe(8309097637345594);
    expect(cyrb53('revenue', 1)).toBe(8697026808958300);
  });
});
