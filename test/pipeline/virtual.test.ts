import { describe, expect, it } from 'vitest';
import { rowsPerPage, scrollToReveal, visibleRange } from '../../lib/pipeline';

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    // 400 px of 44 px rows at the top: rows 0–9 show (row 9 partly), + 4 overscan below.
    expect(visibleRange(0, 400, 44, 10_000, 4)).toEqual({ start: 0, end: 14 });
    // Scrolled to 4,400 px (row 100 at the top): rows 100–109, overscan 96–113.
    expect(visibleRange(4400, 400, 44, 10_000, 4)).toEqual({ start: 96, end: 114 });
    // The end of the list.
    expect(visibleRange(439_600, 400, 44, 10_000, 4)).toEqual({ start: 9986, end: 10_000 });
  });

  it('handles short and empty lists and odd inputs', () => {
    expect(visibleRange(0, 400, 44, 3, 4)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 400, 44, 0, 4)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 400, 44, 100, 0)).toEqual({ start: 0, end: 10 });
    expect(visibleRange(10_000, 400, 44, 100, 0)).toEqual({ start: 99, end: 100 });
    expect(visibleRange(0, 0, 44, 100, 2)).toEqual({ start: 0, end: 3 });
  });
});

describe('scrollToReveal', () => {
  it('moves as little as possible to show a row whole', () => {
    expect(scrollToReveal(5, 0, 400, 44)).toBe(0);
    // Row 9 spans 396–440: scroll so its bottom meets the viewport's.
    expect(scrollToReveal(9, 0, 400, 44)).toBe(40);
    // Row 2 is above a viewport at 200: bring its top up.
    expect(scrollToReveal(2, 200, 400, 44)).toBe(88);
  });
});

describe('rowsPerPage', () => {
  it('counts whole rows, at least one', () => {
    expect(rowsPerPage(400, 44)).toBe(9);
    expect(rowsPerPage(10, 44)).toBe(1);
  });
});
