import { describe, expect, it } from 'vitest';
import { leadFilters } from '../../lib/leads/filters';
import { isShareable, looksLikeEmail, looksLikePhoneNumber, shareableValues } from '../../lib/leads/privacy';
import { category } from './fixtures';

describe('privacy guard', () => {
  it('recognises email addresses', () => {
    expect(looksLikeEmail('jane.doe@acme.com')).toBe(true);
    expect(looksLikeEmail('Jane Doe <jane@acme.co.uk>')).toBe(true);
    expect(looksLikeEmail('R&D @ Acme')).toBe(false);
    expect(looksLikeEmail('VP Operations')).toBe(false);
  });

  it('recognises phone numbers but not ranges, years or codes', () => {
    expect(looksLikePhoneNumber('+1 (415) 555-0100')).toBe(true);
    expect(looksLikePhoneNumber('+44 20 7946 0958')).toBe(true);
    expect(looksLikePhoneNumber('call 415.555.0100')).toBe(true);
    expect(looksLikePhoneNumber('555-0100')).toBe(true);
    expect(looksLikePhoneNumber('1,001–5,000')).toBe(false);
    expect(looksLikePhoneNumber('10,001+')).toBe(false);
    expect(looksLikePhoneNumber('SIC 7372')).toBe(false);
    expect(looksLikePhoneNumber('Director, EMEA 2024')).toBe(false);
  });

  it('keeps trimmed, distinct, short values', () => {
    expect(shareableValues(['  VP   Sales ', 'vp sales', '', 'x'.repeat(101), 'CFO'])).toEqual(['VP Sales', 'CFO']);
    expect(isShareable('x'.repeat(100))).toBe(true);
  });

  it('drops emails and phone numbers that reached persona attributes', () => {
    const filters = leadFilters({
      attributes: [
        category('buyerTitle', ['VP Sales', 'jane.doe@acme.com', '+1 (415) 555-0100']),
        category('industry', ['Retail', 'sales@retailer.com']),
        category('state', ['555 123 4567', 'Ohio']),
      ],
    });
    expect(filters.map((f) => [f.id, f.values])).toEqual([
      ['title:buyerTitle', ['VP Sales']],
      ['seniority:buyerTitle', ['vp']],
      ['industry:industry', ['Retail']],
      ['location:state', ['Ohio']],
    ]);
    expect(JSON.stringify(filters)).not.toMatch(/@|555/);
  });

  it('gives no filter when every value is dropped', () => {
    expect(leadFilters({ attributes: [category('buyerTitle', ['jane@acme.com'])] })).toEqual([]);
  });
});
