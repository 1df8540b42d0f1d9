/**
 * Seamless.AI has no documented search URL (its public API is POST-only). Its web app's
 * contact search does read `titles` from the query string, several titles joined by
 * `|`: public scripts from two unrelated projects open
 * `https://login.seamless.ai/search/contacts?page=1&titles=CEO|…` that way. The other
 * filters appear in such URLs only as Seamless.AI's internal numeric ids (`seniorities=1|2`,
 * `employeeSizes=3|2`, `industries=112`) or with its own spelling of places
 * ("United States of America"), neither of which a persona's values can be mapped to
 * reliably; so those go on the clipboard, as a summary the user pastes into the filters.
 */
import { WELL_KNOWN_ATTRIBUTES } from '../crm/opportunity';
import { enabledOfKind, type LeadFilter } from './filters';
import { shareableValues } from './privacy';
import { APOLLO_SENIORITIES, SENIORITY_LABELS, type ApolloSeniority } from './seniority';

export const SEAMLESS_CONTACT_SEARCH = 'https://login.seamless.ai/search/contacts';

function valuesOf(filters: readonly LeadFilter[]): string[] {
  return shareableValues(filters.flatMap((f) => f.values));
}

/**
 * Seamless.AI's contact search with the ticked job titles filled in, or the plain search
 * page when no title is ticked. The `|` between titles stays as it is (a title's own `|`
 * becomes a space), so the list splits whether the app decodes before or after splitting.
 */
export function seamlessSearchUrl(filters: readonly LeadFilter[]): string {
  const titles = valuesOf(enabledOfKind(filters, 'title'))
    .map((t) => t.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
  if (titles.length === 0) return SEAMLESS_CONTACT_SEARCH;
  return `${SEAMLESS_CONTACT_SEARCH}?page=1&titles=${titles.map(encodeURIComponent).join('|')}`;
}

function seniorityLabels(filters: readonly LeadFilter[]): string[] {
  const wanted = new Set(filters.flatMap((f) => f.values));
  const known: readonly ApolloSeniority[] = APOLLO_SENIORITIES;
  return known.filter((s) => wanted.has(s)).map((s) => SENIORITY_LABELS[s]);
}

/** "California, Texas (United States)" when states are ticked too; the places otherwise. */
function locationText(filters: readonly LeadFilter[]): string {
  const countries = valuesOf(filters.filter((f) => f.sourceAttribute === WELL_KNOWN_ATTRIBUTES.country));
  const states = valuesOf(filters.filter((f) => f.sourceAttribute === WELL_KNOWN_ATTRIBUTES.state));
  const others = valuesOf(filters.filter((f) => f.sourceAttribute !== WELL_KNOWN_ATTRIBUTES.country && f.sourceAttribute !== WELL_KNOWN_ATTRIBUTES.state));
  const places = states.length > 0 && countries.length > 0 ? [`${states.join(', ')} (${countries.join(', ')})`] : [...states, ...countries];
  return [...places, ...others].join(', ');
}

/**
 * The ticked filters as lines to paste into Seamless.AI's search filters, then how to do
 * it. Only lines with values appear, in this order: job titles, seniority, industry,
 * keywords, company size, annual revenue, location.
 */
export function seamlessClipboardSummary(filters: readonly LeadFilter[]): string {
  const line = (caption: string, text: string): string | null => (text.length > 0 ? `${caption}: ${text}` : null);
  const titles = valuesOf(enabledOfKind(filters, 'title'));
  const lines = [
    line('Job titles', titles.join(', ')),
    line('Seniority', seniorityLabels(enabledOfKind(filters, 'seniority')).join(', ')),
    line('Industry', valuesOf(enabledOfKind(filters, 'industry')).join(', ')),
    line('Keywords', valuesOf(enabledOfKind(filters, 'keyword')).join(', ')),
    line(
      'Company size',
      valuesOf(enabledOfKind(filters, 'employees'))
        .map((v) => `${v} employees`)
        .join(', '),
    ),
    line('Annual revenue', valuesOf(enabledOfKind(filters, 'revenue')).join(', ')),
    line('Location', locationText(enabledOfKind(filters, 'location'))),
  ].filter((l): l is string => l !== null);
  if (lines.length === 0) return 'No filters selected: Seamless.AI opens its contact search without filters.';
  const note =
    titles.length > 0
      ? 'How to use: Seamless.AI opens with the job titles filled in. For each other line, type the value into the filter of the same name in the search panel and pick the closest suggestion.'
      : 'How to use: for each line, type the value into the filter of the same name in Seamless.AI’s search panel and pick the closest suggestion.';
  return `${lines.join('\n')}\n\n${note}`;
}
