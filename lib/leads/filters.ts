/**
 * Lead-search filters drawn from a persona (issue #7, "Find leads"): what the personas
 * page lists with a tick box each, and what the Apollo and Seamless.AI builders read.
 *
 * Only persona attributes go in, never an opportunity, a recent win or a member id: the
 * parameter is `Pick<Persona, 'attributes'>`, and of those only the well-known keys are
 * read (a custom CRM field could hold a contact's name). Every value also passes the
 * attribute guard (lib/leads/attribute-guard.ts): the field's name must not speak of a
 * person, and each value must look like what it claims to be (a title, an industry, a
 * place) and carry no contact data. What the guard leaves out is reported with the reason.
 */
import { WELL_KNOWN_ATTRIBUTES } from '../crm/opportunity';
import type { Persona } from '../engine/personas';
import type { PersonaAttribute, ValueRange } from '../engine/personas/describe';
import { employeeRangeLabel, revenueRangeLabel } from './format';
import { isPersonField, screenValues, type DroppedValue, type ScreenedKind } from './attribute-guard';
import { SENIORITY_LABELS, senioritiesOf, type ApolloSeniority } from './seniority';

/**
 * `keyword` (company keywords) is never drawn from a persona: the only attributes that
 * could feed it are custom CRM fields, which may hold anything, names included. The
 * builders accept it for keywords the user types on the personas page.
 */
export type LeadFilterKind = 'title' | 'seniority' | 'employees' | 'industry' | 'location' | 'revenue' | 'keyword';

export interface LeadFilter {
  /** Stable within a persona: `${kind}:${sourceAttribute}` ("location:state"). */
  id: string;
  kind: LeadFilterKind;
  /** As the user reads it: "Titles: VP Operations, Director of Operations". */
  label: string;
  /**
   * Category kinds: the values themselves (titles, industry names, places, keywords);
   * seniority: Apollo's seniority values (`ApolloSeniority`); employees and revenue: the
   * readable range ("201–1,000"), with the numbers in `range`.
   */
  values: string[];
  /** Employees and revenue: the persona's range, (min, max] as the engine's bands; null otherwise. */
  range: ValueRange | null;
  /** The persona attribute key the filter comes from. */
  sourceAttribute: string;
  /** Ticked; the user may untick a filter before a search opens. */
  enabled: boolean;
}

const K = WELL_KNOWN_ATTRIBUTES;

function attribute(attributes: readonly PersonaAttribute[], key: string, kind: PersonaAttribute['kind']): PersonaAttribute | undefined {
  return attributes.find((a) => a.key === key && a.kind === kind && Array.isArray(a.values));
}

/** What a persona's attributes give a lead search: the filters, and the values left out with why. */
export interface LeadFilterReport {
  filters: LeadFilter[];
  dropped: DroppedValue[];
}

function categoryFilter(
  attributes: readonly PersonaAttribute[],
  key: string,
  kind: LeadFilterKind,
  screen: ScreenedKind,
  caption: string,
  dropped: DroppedValue[],
): LeadFilter | null {
  const source = attribute(attributes, key, 'category');
  if (!source) return null;
  const screened = screenValues(screen, source, source.values);
  dropped.push(...screened.dropped);
  const values = screened.kept;
  if (values.length === 0) return null;
  return { id: `${kind}:${key}`, kind, label: `${caption}: ${values.join(', ')}`, values, range: null, sourceAttribute: key, enabled: true };
}

function usableRange(range: ValueRange | null | undefined): ValueRange | null {
  if (!range) return null;
  const ok = (x: number | null): boolean => x === null || Number.isFinite(x);
  if (!ok(range.min) || !ok(range.max) || (range.min === null && range.max === null)) return null;
  if (range.min !== null && range.max !== null && range.max <= range.min) return null;
  return { min: range.min, max: range.max };
}

function rangeFilter(
  attributes: readonly PersonaAttribute[],
  key: string,
  kind: LeadFilterKind,
  describe: (range: ValueRange) => string,
  caption: (text: string) => string,
  dropped: DroppedValue[],
): LeadFilter | null {
  const source = attribute(attributes, key, 'range');
  if (source && isPersonField(source.label)) {
    dropped.push({ key, label: source.label, value: null, reason: 'person-field' });
    return null;
  }
  const range = usableRange(source?.range);
  if (!range) return null;
  const text = describe(range);
  return { id: `${kind}:${key}`, kind, label: caption(text), values: [text], range, sourceAttribute: key, enabled: true };
}

function seniorityFilter(titles: LeadFilter | null): LeadFilter | null {
  if (!titles) return null;
  const seniorities: ApolloSeniority[] = senioritiesOf(titles.values);
  if (seniorities.length === 0) return null;
  return {
    id: `seniority:${titles.sourceAttribute}`,
    kind: 'seniority',
    label: `Seniority: ${seniorities.map((s) => SENIORITY_LABELS[s]).join(', ')}`,
    values: seniorities,
    range: null,
    sourceAttribute: titles.sourceAttribute,
    enabled: true,
  };
}

/**
 * The lead-search filters a persona's attributes translate to, all ticked, in a fixed
 * order: titles, seniority, industry, company size, revenue, country, state. Attributes
 * with no lead-search counterpart (product, buyer role, custom fields) give none. With
 * them, every value the attribute guard left out, and why.
 */
export function leadFilterReport(persona: Pick<Persona, 'attributes'>): LeadFilterReport {
  // The type already says so; this names the mistake when plain JSON is passed.
  if (!Array.isArray(persona.attributes as unknown)) throw new TypeError('leadFilters takes a persona (its attributes list), not a CRM record');
  const attributes = persona.attributes;
  const dropped: DroppedValue[] = [];
  const titles = categoryFilter(attributes, K.buyerTitle, 'title', 'title', 'Titles', dropped);
  const filters = [
    titles,
    seniorityFilter(titles),
    categoryFilter(attributes, K.industry, 'industry', 'industry', 'Industry', dropped),
    rangeFilter(attributes, K.employees, 'employees', employeeRangeLabel, (t) => `Company size: ${t} employees`, dropped),
    rangeFilter(attributes, K.revenue, 'revenue', revenueRangeLabel, (t) => `Annual revenue: ${t}`, dropped),
    categoryFilter(attributes, K.country, 'location', 'country', 'Country', dropped),
    categoryFilter(attributes, K.state, 'location', 'region', 'State/Province', dropped),
  ].filter((f): f is LeadFilter => f !== null);
  return { filters, dropped };
}

/** The filters alone (see leadFilterReport). */
export function leadFilters(persona: Pick<Persona, 'attributes'>): LeadFilter[] {
  return leadFilterReport(persona).filters;
}

/** The ticked filters of one kind. */
export function enabledOfKind(filters: readonly LeadFilter[], kind: LeadFilterKind): LeadFilter[] {
  return filters.filter((f) => f.enabled && f.kind === kind);
}
