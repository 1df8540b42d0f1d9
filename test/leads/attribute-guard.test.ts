/**
 * The attribute guard (lib/leads/attribute-guard.ts): lead searches carry attributes of the
 * buyer's role and company, never a person. Each kind of value must look like what it claims
 * to be, and a field whose name speaks of a person gives nothing.
 */
import { describe, expect, it } from 'vitest';
import { apolloSearchUrl, leadFilterReport, seamlessClipboardSummary, seamlessSearchUrl } from '../../lib/leads';
import { isPersonField, screenValues, SHOWN_LENGTH } from '../../lib/leads/attribute-guard';
import { isKnownIndustry } from '../../lib/leads/known-industries';
import { isKnownCountry, isKnownRegion } from '../../lib/leads/known-places';
import { looksLikeTitle } from '../../lib/leads/known-titles';
import { category, range } from './fixtures';

const field = (label: string, key = 'buyerTitle') => ({ key, label });

describe('what each kind of value must look like', () => {
  it('titles: a role, function or level word, in the languages CRM data comes in', () => {
    for (const title of [
      'VP Operations',
      'Head of R&D',
      'CFO',
      'Director, IT',
      'Chief Digital Officer',
      'Procurement Manager',
      'Co-Founder',
      'Sr. Data Engineer',
    ]) {
      expect(looksLikeTitle(title), title).toBe(true);
    }
    for (const title of ['Directeur Île-de-France', 'Geschäftsführer', 'Leiterin Einkauf', 'Gerente de Compras', 'Hoofd Inkoop']) {
      expect(looksLikeTitle(title), title).toBe(true);
    }
    for (const name of ['Jane Doe', 'John Smith', 'Priya Raman', 'Müller, Hans', 'O’Brien', 'Jane', 'x']) expect(looksLikeTitle(name), name).toBe(false);
  });

  it('industries: the lead tool’s, the CRMs’ and common names, however "and" is written', () => {
    for (const name of [
      'Healthcare',
      'Hospital & Health Care',
      'Food and Beverages',
      'Information Technology & Services',
      'Banking',
      'Arts & Crafts',
      'Not For Profit',
    ]) {
      expect(isKnownIndustry(name), name).toBe(true);
    }
    for (const name of ['Jane Doe', 'Acme Corp', 'Call back Tuesday', 'Arts & Crafts = Fun']) expect(isKnownIndustry(name), name).toBe(false);
  });

  it('countries: names in four languages, common aliases, ISO codes in capitals', () => {
    for (const name of ['Germany', 'Deutschland', 'Allemagne', 'Alemania', 'United States', 'USA', 'UK', 'South Korea', 'Côte d’Ivoire', 'DE', 'US']) {
      expect(isKnownCountry(name), name).toBe(true);
    }
    // Two lower-case letters are not a code: initials, a word.
    for (const name of ['Jane Doe', 'us', 'de', 'Atlantis', 'Smith']) expect(isKnownCountry(name), name).toBe(false);
  });

  it('states and provinces: region lists, postal codes in capitals', () => {
    for (const name of ['California', 'CA', 'Ontario', 'Île-de-France', 'Bavaria', 'Bayern', 'New South Wales', 'Karnataka', 'Tokyo', 'Zürich']) {
      expect(isKnownRegion(name), name).toBe(true);
    }
    for (const name of ['Jane Doe', 'ca', 'Springfield', 'Gotham']) expect(isKnownRegion(name), name).toBe(false);
  });
});

describe('fields whose name speaks of a person', () => {
  it('gives nothing from them, however their values look', () => {
    for (const label of ['Champion Name', 'championName', 'champion_title', 'Contact Email', 'Primary Contact', 'Contact', 'Buyer Name', 'Phone', 'E-mail']) {
      expect(isPersonField(label), label).toBe(true);
      expect(screenValues('title', field(label), ['VP Operations'])).toEqual({
        kept: [],
        dropped: [{ key: 'buyerTitle', label, value: null, reason: 'person-field' }],
      });
    }
  });

  it('reads the standard columns that name the buyer’s title or role after the contact, with their values screened', () => {
    for (const label of ['Primary Contact Title', 'Contact Title', 'contact role', 'Buyer title', 'Job Title']) expect(isPersonField(label), label).toBe(false);
    expect(screenValues('title', field('Contact Title'), ['VP Sales', 'Jane Doe', 'vp sales', ' VP  Sales '])).toEqual({
      kept: ['VP Sales'],
      dropped: [{ key: 'buyerTitle', label: 'Contact Title', value: 'Jane Doe', reason: 'not-a-title' }],
    });
  });
});

describe('screenValues', () => {
  it('names contact data without showing it, and cuts free text', () => {
    const long = `Director of ${'very '.repeat(30)}long things`;
    const { kept, dropped } = screenValues('title', field('Buyer title'), ['jane@acme.com', 'VP Sales +1 (415) 555-0100', long, 7, null, 'CTO']);
    expect(kept).toEqual(['CTO']);
    expect(dropped).toEqual([
      { key: 'buyerTitle', label: 'Buyer title', value: null, reason: 'contact-data' },
      { key: 'buyerTitle', label: 'Buyer title', value: null, reason: 'contact-data' },
      { key: 'buyerTitle', label: 'Buyer title', value: `${long.slice(0, SHOWN_LENGTH - 1)}…`, reason: 'too-long' },
    ]);
  });
});

describe('leadFilterReport', () => {
  /** A file whose "Contact Title" column holds names, mapped as the buyer title, beside a champion field and places with a name among them. */
  const persona = {
    attributes: [
      { ...category('buyerTitle', ['Jane Doe', 'VP Operations', 'John Smith']), label: 'Contact Title' },
      { ...category('industry', ['Healthcare', 'Jane Doe']), label: 'Industry' },
      { ...range('employees', { min: 200, max: 1000 }, '201–1,000'), label: 'Champion Name' },
      { ...category('country', ['United States', 'John Smith']), label: 'Country' },
      { ...category('state', ['California', 'Jane']), label: 'State' },
    ],
  };

  it('keeps the attributes, reports every value left out, and no person reaches a search', () => {
    const { filters, dropped } = leadFilterReport(persona);
    expect(filters.map((f) => f.label)).toEqual([
      'Titles: VP Operations',
      'Seniority: VP',
      'Industry: Healthcare',
      'Country: United States',
      'State/Province: California',
    ]);
    expect(dropped).toEqual([
      { key: 'buyerTitle', label: 'Contact Title', value: 'Jane Doe', reason: 'not-a-title' },
      { key: 'buyerTitle', label: 'Contact Title', value: 'John Smith', reason: 'not-a-title' },
      { key: 'industry', label: 'Industry', value: 'Jane Doe', reason: 'not-an-industry' },
      { key: 'employees', label: 'Champion Name', value: null, reason: 'person-field' },
      { key: 'country', label: 'Country', value: 'John Smith', reason: 'not-a-country' },
      { key: 'state', label: 'State', value: 'Jane', reason: 'not-a-region' },
    ]);
    for (const out of [apolloSearchUrl(filters), seamlessSearchUrl(filters), seamlessClipboardSummary(filters)]) {
      expect(out).not.toMatch(/Jane|John|Smith|Doe/);
    }
  });
});
