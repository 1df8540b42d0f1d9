import { describe, expect, it } from 'vitest';
import { evenSpread, pick } from '../../lib/engine/even-spread';

describe('evenSpread', () => {
  it('keeps every index when there are no more than asked for', () => {
    expect(Array.from(evenSpread(4, 10))).toEqual([0, 1, 2, 3]);
    expect(Array.from(evenSpread(4, 4))).toEqual([0, 1, 2, 3]);
  });

  it('spreads the indices over the whole range, first included', () => {
    expect(Array.from(evenSpread(10, 4))).toEqual([0, 2, 5, 7]);
    expect(Array.from(evenSpread(78_025, 20_000)).at(-1)).toBeGreaterThanOrEqual(78_025 - 4);
  });

  it('picks the values at the indices, in the input’s array type', () => {
    const picked = pick(Float64Array.from([0.5, 1.5, 2.5, 3.5]), Int32Array.from([3, 0]));
    expect(picked).toBeInstanceOf(Float64Array);
    expect(Array.from(picked)).toEqual([3.5, 0.5]);
  });
});
