/**
 * Apollo people search opened on a persona's filters. Apollo documents no web-app URL;
 * its app keeps the search in the hash route's query string, and these parameters were
 * checked against URLs copied from the app in public repositories and Apollo's API
 * (whose people-search fields mirror them: person_titles, person_seniorities,
 * organization_num_employees_ranges, organization_locations,
 * organization_industry_tag_ids, q_organization_keyword_tags, revenue_range):
 *
 * - `personTitles[]`, `personSeniorities[]`: repeated, one value each;
 * - `organizationNumEmployeesRanges[]`: `min,max` head-count buckets, open-ended `10001,`;
 * - `organizationLocations[]`: where the company is, since the CRM's country and state
 *   are the account's address, not the buyer's (Apollo's `personLocations[]` would also
 *   drop buyers who work remotely);
 * - `organizationIndustryTagIds[]` where an industry's tag id is verified, else
 *   `qOrganizationKeywordTags[]` with the name (lib/leads/apollo-industries.ts);
 * - `revenueRange[min]`, `revenueRange[max]`: whole amounts. Apollo's revenue is in US
 *   dollars; the CRM's annual revenue is in its own currency, which the persona does not record,
 *   so a non-USD org should untick the revenue filter (the label shows the amounts).
 *
 * Values are percent-encoded (spaces as %20, as Apollo writes them; `+` would not read
 * as a space in a hash route), keys keep their brackets as in Apollo's own URLs.
 */
import type { ValueRange } from '../engine/personas/describe';
import { WELL_KNOWN_ATTRIBUTES } from '../crm/opportunity';
import { apolloIndustryTagId } from './apollo-industries';
import { enabledOfKind, type LeadFilter } from './filters';
import { headCountBounds } from './format';
import { shareableValues } from './privacy';
import { APOLLO_SENIORITIES, type ApolloSeniority } from './seniority';

export const APOLLO_PEOPLE_SEARCH = 'https://app.apollo.io/#/people';

/** Apollo's company-size buckets, inclusive; `max: null` is the open-ended top one. */
export const APOLLO_EMPLOYEE_BUCKETS: ReadonlyArray<{ min: number; max: number | null }> = [
  { min: 1, max: 10 },
  { min: 11, max: 20 },
  { min: 21, max: 50 },
  { min: 51, max: 100 },
  { min: 101, max: 200 },
  { min: 201, max: 500 },
  { min: 501, max: 1000 },
  { min: 1001, max: 2000 },
  { min: 2001, max: 5000 },
  { min: 5001, max: 10000 },
  { min: 10001, max: null },
];

/** Every Apollo bucket that overlaps a persona's head-count range, as `min,max` strings. */
export function apolloEmployeeRanges(range: ValueRange): string[] {
  const { from, to } = headCountBounds(range);
  return APOLLO_EMPLOYEE_BUCKETS.filter((b) => b.min <= to && (b.max === null || b.max >= from)).map((b) => `${b.min},${b.max ?? ''}`);
}

type Param = readonly [key: string, value: string];

function repeated(key: string, values: readonly string[]): Param[] {
  return values.map((value) => [key, value] as const);
}

function valuesOf(filters: readonly LeadFilter[]): string[] {
  return shareableValues(filters.flatMap((f) => f.values));
}

function industryParams(filters: readonly LeadFilter[]): Param[] {
  const ids: string[] = [];
  const keywords: string[] = [];
  for (const name of valuesOf(filters)) {
    const id = apolloIndustryTagId(name);
    if (id === null) keywords.push(name);
    else if (!ids.includes(id)) ids.push(id);
  }
  return [...repeated('organizationIndustryTagIds[]', ids), ...repeated('qOrganizationKeywordTags[]', keywords)];
}

/**
 * Company locations. Apollo ORs the values of one parameter, so country and state cannot
 * both be listed as they are: "United States" would let in every state. With a state
 * ticked the states alone are sent, qualified by the country when there is exactly one
 * ("California, United States", as Apollo spells a place in a country).
 */
function locationParams(filters: readonly LeadFilter[]): Param[] {
  const ofSource = (key: string): string[] => valuesOf(filters.filter((f) => f.sourceAttribute === key));
  const countries = ofSource(WELL_KNOWN_ATTRIBUTES.country);
  const states = ofSource(WELL_KNOWN_ATTRIBUTES.state);
  const others = valuesOf(filters.filter((f) => f.sourceAttribute !== WELL_KNOWN_ATTRIBUTES.country && f.sourceAttribute !== WELL_KNOWN_ATTRIBUTES.state));
  const places = states.length === 0 ? countries : countries.length === 1 ? states.map((s) => `${s}, ${countries[0]}`) : states;
  return repeated('organizationLocations[]', [...places, ...others]);
}

function revenueParams(filters: readonly LeadFilter[]): Param[] {
  const range = filters.find((f) => f.range !== null)?.range;
  if (!range) return [];
  const params: Param[] = [];
  if (range.min !== null && Number.isFinite(range.min)) params.push(['revenueRange[min]', String(Math.round(range.min))]);
  if (range.max !== null && Number.isFinite(range.max)) params.push(['revenueRange[max]', String(Math.round(range.max))]);
  return params;
}

function employeeParams(filters: readonly LeadFilter[]): Param[] {
  const ranges = new Set(filters.flatMap((f) => (f.range ? apolloEmployeeRanges(f.range) : [])));
  // In Apollo's order, whatever the order of the filters.
  const ordered = APOLLO_EMPLOYEE_BUCKETS.map((b) => `${b.min},${b.max ?? ''}`).filter((r) => ranges.has(r));
  return repeated('organizationNumEmployeesRanges[]', ordered);
}

function seniorityParams(filters: readonly LeadFilter[]): Param[] {
  const wanted = new Set(filters.flatMap((f) => f.values));
  const known: readonly ApolloSeniority[] = APOLLO_SENIORITIES;
  return repeated(
    'personSeniorities[]',
    known.filter((s) => wanted.has(s)),
  );
}

/** The Apollo people-search URL for the ticked filters (`page=1` first, then one parameter group per kind). */
export function apolloSearchUrl(filters: readonly LeadFilter[]): string {
  const params: Param[] = [
    ['page', '1'],
    ...repeated('personTitles[]', valuesOf(enabledOfKind(filters, 'title'))),
    ...seniorityParams(enabledOfKind(filters, 'seniority')),
    ...industryParams(enabledOfKind(filters, 'industry')),
    ...repeated('qOrganizationKeywordTags[]', valuesOf(enabledOfKind(filters, 'keyword'))),
    ...employeeParams(enabledOfKind(filters, 'employees')),
    ...revenueParams(enabledOfKind(filters, 'revenue')),
    ...locationParams(enabledOfKind(filters, 'location')),
  ];
  // An industry without a tag id and a keyword filter can name the same tag.
  const seen = new Set<string>();
  const distinct = params.filter(([key, value]) => !seen.has(`${key}=${value}`) && seen.add(`${key}=${value}`));
  return `${APOLLO_PEOPLE_SEARCH}?${distinct.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
