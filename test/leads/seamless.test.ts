import { describe, expect, it } from 'vitest';
import { leadFilters, type LeadFilter } from '../../lib/leads/filters';
import { seamlessClipboardSummary, seamlessSearchUrl } from '../../lib/leads/seamless';
import { category, OPERATIONS_PERSONA } from './fixtures';

const without = (filters: LeadFilter[], ...ids: string[]): LeadFilter[] => filters.map((f) => (ids.includes(f.id) ? { ...f, enabled: false } : f));

describe('seamlessSearchUrl', () => {
  it('opens the contact search with the job titles, joined by |', () => {
    const url = seamlessSearchUrl(leadFilters(OPERATIONS_PERSONA));
    expect(url).toBe('https://login.seamless.ai/search/contacts?page=1&titles=VP%20Operations|Director%20of%20Operations');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('titles')?.split('|')).toEqual(['VP Operations', 'Director of Operations']);
  });

  it('encodes special characters and keeps a title’s own | from splitting it', () => {
    const filters = leadFilters({ attributes: [category('buyerTitle', ['Head of R&D', 'Directeur Île-de-France', 'IT | Ops Manager'])] });
    const url = seamlessSearchUrl(filters);
    expect(url).toBe('https://login.seamless.ai/search/contacts?page=1&titles=Head%20of%20R%26D|Directeur%20%C3%8Ele-de-France|IT%20Ops%20Manager');
    expect(new URL(url).searchParams.get('titles')?.split('|')).toEqual(['Head of R&D', 'Directeur Île-de-France', 'IT Ops Manager']);
  });

  it('opens the plain search page without ticked titles', () => {
    expect(seamlessSearchUrl(without(leadFilters(OPERATIONS_PERSONA), 'title:buyerTitle'))).toBe('https://login.seamless.ai/search/contacts');
    expect(seamlessSearchUrl([])).toBe('https://login.seamless.ai/search/contacts');
  });
});

describe('seamlessClipboardSummary', () => {
  it('lists every ticked filter, then how to paste them', () => {
    expect(seamlessClipboardSummary(leadFilters(OPERATIONS_PERSONA))).toBe(
      [
        'Job titles: VP Operations, Director of Operations',
        'Seniority: VP, Director',
        'Industry: Healthcare, Research Services',
        'Company size: 201–1,000 employees',
        'Annual revenue: 10M–50M',
        'Location: California, Texas (United States)',
        '',
        'How to use: Seamless.AI opens with the job titles filled in. For each other line, type the value into the filter of the same name in the search panel and pick the closest suggestion.',
      ].join('\n'),
    );
  });

  it('leaves unticked filters out', () => {
    const filters = without(leadFilters(OPERATIONS_PERSONA), 'title:buyerTitle', 'revenue:revenue', 'location:state', 'industry:industry');
    expect(seamlessClipboardSummary(filters)).toBe(
      [
        'Seniority: VP, Director',
        'Company size: 201–1,000 employees',
        'Location: United States',
        '',
        'How to use: for each line, type the value into the filter of the same name in Seamless.AI’s search panel and pick the closest suggestion.',
      ].join('\n'),
    );
  });

  it('says so when nothing is ticked', () => {
    expect(seamlessClipboardSummary([])).toBe('No filters selected: Seamless.AI opens its contact search without filters.');
  });
});
