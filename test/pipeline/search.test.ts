import { describe, expect, it } from 'vitest';
import { matchesTerms, normalizeSearchText, searchHaystack, searchTerms } from '../../lib/pipeline';

describe('normalizeSearchText', () => {
  it('drops case, accents and extra spaces', () => {
    expect(normalizeSearchText('  José   MÜLLER ')).toBe('jose muller');
    expect(normalizeSearchText('Crème Brûlée Ltd.')).toBe('creme brulee ltd.');
    expect(normalizeSearchText('Ångström Åkerlund')).toBe('angstrom akerlund');
  });

  it('folds letters that do not decompose', () => {
    expect(normalizeSearchText('Straße Øresund Łódź Æther')).toBe('strasse oresund lodz aether');
  });
});

describe('search', () => {
  const haystack = searchHaystack(['Renewal 2026', 'Zoë Café', 'Łukasz Nowak']);

  it('matches every term anywhere in name, account or owner', () => {
    expect(matchesTerms(haystack, searchTerms('zoe'))).toBe(true);
    expect(matchesTerms(haystack, searchTerms('CAFE renewal'))).toBe(true);
    expect(matchesTerms(haystack, searchTerms('lukasz'))).toBe(true);
    expect(matchesTerms(haystack, searchTerms('renewal upsell'))).toBe(false);
  });

  it('never matches across two fields', () => {
    expect(matchesTerms(haystack, searchTerms('2026 zoe'))).toBe(true);
    expect(haystack.includes('2026 zoe')).toBe(false);
    expect(matchesTerms(haystack, searchTerms('cafe lukasz'))).toBe(true);
  });

  it('treats a blank query as no filter and skips empty fields', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(matchesTerms('anything', [])).toBe(true);
    expect(searchHaystack(['A', null, '', 'B'])).toBe('a\u0000b');
  });
});
