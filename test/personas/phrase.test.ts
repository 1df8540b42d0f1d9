import { describe, expect, it } from 'vitest';
import { attributePhrase, personaPhrase, PHRASE_ATTRIBUTES } from '../../components/personas/phrase';
import { translator } from '../../lib/i18n';
import { category, HEALTHCARE, range } from './fixtures';

const t = translator('en-US');

describe('attributePhrase', () => {
  it('names industries, countries and states by their value alone', () => {
    expect(attributePhrase(t, category('industry', ['Healthcare']))).toBe('Healthcare');
    expect(attributePhrase(t, category('country', ['United States', 'Canada']))).toBe('United States or Canada');
    expect(attributePhrase(t, category('state', ['California']))).toBe('California');
  });

  it('says what a number counts and who the buyers are', () => {
    expect(attributePhrase(t, range('employees', { min: 1000, max: 5000 }, '1,001–5,000'))).toBe('1,001–5,000 employees');
    expect(attributePhrase(t, range('revenue', { min: 1e7, max: 5e7 }, '10M–50M'))).toBe('10M–50M annual revenue');
    expect(attributePhrase(t, category('buyerTitle', ['VP Operations']))).toBe('VP Operations buyers');
    expect(attributePhrase(t, category('buyerRole', ['Economic Buyer']))).toBe('Economic Buyer as buyer role');
    expect(attributePhrase(t, category('product', ['Platform']))).toBe('buys Platform');
  });

  it('labels a custom field with its own label, as text', () => {
    expect(attributePhrase(t, category('attr:Segment__c', ['<b>Enterprise</b>'], 0.2, 'Segment'))).toBe('Segment: <b>Enterprise</b>');
  });
});

describe('personaPhrase', () => {
  it('joins the most important attributes with middle dots, in the engine’s order', () => {
    expect(personaPhrase(t, HEALTHCARE.attributes)).toBe('Healthcare · 1,001–5,000 employees · United States · VP Operations buyers');
  });

  it('names at most PHRASE_ATTRIBUTES by default, or as many as asked', () => {
    const many = [...HEALTHCARE.attributes, category('product', ['Platform'])];
    expect(PHRASE_ATTRIBUTES).toBe(4);
    expect(personaPhrase(t, many).split(' · ')).toHaveLength(4);
    expect(personaPhrase(t, many, 2)).toBe('Healthcare · 1,001–5,000 employees');
    expect(personaPhrase(t, many, 10)).toBe('Healthcare · 1,001–5,000 employees · United States · VP Operations buyers · buys Platform');
  });

  it('skips attributes without a value and is empty without attributes', () => {
    expect(
      personaPhrase(t, [
        { key: 'industry', label: 'industry', value: '  ' },
        { key: 'country', label: 'country', value: 'Germany' },
      ]),
    ).toBe('Germany');
    expect(personaPhrase(t, [])).toBe('');
  });
});
