import type { AttributeValue } from '../crm/opportunity';
import type { Random } from '../seeded/random';
import type { EmployeeBand, PersonaProfile, PlantedPersona } from './types';

/**
 * The repeat-buyer personas planted in the sandbox. Each is a profile over the attributes
 * a persona card shows (industry, head count, country, buyer title, product); a persona's
 * accounts and first deals tend to that profile, and the win-probability function rewards
 * fit to any profile, so the personas stand out among won deals.
 */

/** Head-count bands as persona cards and lead searches speak of them. */
export const EMPLOYEE_BANDS: readonly EmployeeBand[] = [
  { label: '1–50', min: 1, max: 50 },
  { label: '51–200', min: 51, max: 200 },
  { label: '201–1,000', min: 201, max: 1000 },
  { label: '1,001–5,000', min: 1001, max: 5000 },
  { label: '5,001–20,000', min: 5001, max: 20000 },
  { label: '20,001+', min: 20001, max: null },
];

/** Index into `EMPLOYEE_BANDS`, or -1 when the head count is unknown. */
export function employeeBandIndex(employees: number | null): number {
  if (employees === null || !Number.isFinite(employees) || employees < 1) return -1;
  for (let i = 0; i < EMPLOYEE_BANDS.length; i++) {
    const max = (EMPLOYEE_BANDS[i] as EmployeeBand).max;
    if (max === null || employees <= max) return i;
  }
  return EMPLOYEE_BANDS.length - 1;
}

function band(label: string): EmployeeBand {
  const found = EMPLOYEE_BANDS.find((b) => b.label === label);
  if (!found) throw new Error(`Unknown employee band ${label}`);
  return found;
}

/**
 * The pool a seed picks personas from. They differ in every attribute but product, so
 * each is recoverable by clustering and each has defining attributes to test for.
 */
export const PERSONA_TEMPLATES: readonly PersonaProfile[] = [
  { industry: 'Healthcare', employeeBand: band('1,001–5,000'), country: 'United States', buyerTitle: 'VP Operations', product: 'Platform' },
  { industry: 'Manufacturing', employeeBand: band('201–1,000'), country: 'Germany', buyerTitle: 'Director of IT', product: 'Integration Hub' },
  { industry: 'Banking', employeeBand: band('5,001–20,000'), country: 'United Kingdom', buyerTitle: 'CFO', product: 'Analytics Cloud' },
  { industry: 'Retail', employeeBand: band('1,001–5,000'), country: 'Canada', buyerTitle: 'Chief Digital Officer', product: 'Workflow Automation' },
  { industry: 'Technology', employeeBand: band('51–200'), country: 'Australia', buyerTitle: 'CTO', product: 'Security & Compliance' },
  { industry: 'Transportation', employeeBand: band('201–1,000'), country: 'Netherlands', buyerTitle: 'VP Supply Chain', product: 'Workflow Automation' },
  {
    industry: 'Insurance',
    employeeBand: band('5,001–20,000'),
    country: 'France',
    buyerTitle: 'Chief Information Security Officer',
    product: 'Security & Compliance',
  },
  { industry: 'Biotechnology', employeeBand: band('201–1,000'), country: 'Japan', buyerTitle: 'Head of Data', product: 'Analytics Cloud' },
];

/**
 * How much each attribute counts toward fit. Account facts (industry, size, country) weigh
 * a little more than per-deal ones, as they do for a persona card.
 */
export const PERSONA_ATTRIBUTE_WEIGHTS = {
  industry: 0.25,
  employeeBand: 0.2,
  country: 0.2,
  buyerTitle: 0.175,
  product: 0.175,
} as const;

/** Share of all accounts drawn from some persona; the rest are background. */
const PERSONA_ACCOUNT_SHARE = 0.5;

export function personaLabel(profile: PersonaProfile): string {
  return [profile.industry, `${profile.employeeBand.label} employees`, profile.country, profile.buyerTitle, profile.product].join(' · ');
}

/**
 * Picks `count` personas from the templates. The first ⌊count/2⌋ in the seeded order are
 * high-repeat, the rest low-repeat, so every org has both kinds to tell apart.
 */
export function plantPersonas(rng: Random, count: number): PlantedPersona[] {
  const templates = rng.shuffle([...PERSONA_TEMPLATES]).slice(0, count);
  const jitter = templates.map(() => rng.uniform(0.8, 1.2));
  const total = jitter.reduce((a, b) => a + b, 0);
  const highCount = Math.floor(count / 2);
  return templates.map((profile, i) => ({
    id: `persona-${i + 1}`,
    label: personaLabel(profile),
    profile,
    repeat: i < highCount ? 'high' : 'low',
    accountShare: round((PERSONA_ACCOUNT_SHARE * (jitter[i] as number)) / total, 4),
  }));
}

export interface PersonaFit {
  /** Weighted share of the best persona's attributes that match, 0..1. */
  fit: number;
  /** Index of that persona, or -1 when there are none. */
  persona: number;
}

/**
 * Best fit of a deal's attributes to the personas: for each persona, the weighted share
 * of its five attributes the deal matches exactly (head count by band); the best wins.
 * It reads only `attributes`, so it is the same on a generated deal and on its CSV row.
 */
export function personaFit(attributes: Readonly<Record<string, AttributeValue>>, personas: readonly PersonaProfile[]): PersonaFit {
  const employees = attributes['employees'];
  const bandIndex = employeeBandIndex(typeof employees === 'number' ? employees : null);
  const bandLabel = bandIndex < 0 ? null : (EMPLOYEE_BANDS[bandIndex] as EmployeeBand).label;
  let best = 0;
  let bestIndex = personas.length > 0 ? 0 : -1;
  for (let i = 0; i < personas.length; i++) {
    const p = personas[i] as PersonaProfile;
    let fit = 0;
    if (attributes['industry'] === p.industry) fit += PERSONA_ATTRIBUTE_WEIGHTS.industry;
    if (bandLabel === p.employeeBand.label) fit += PERSONA_ATTRIBUTE_WEIGHTS.employeeBand;
    if (attributes['country'] === p.country) fit += PERSONA_ATTRIBUTE_WEIGHTS.country;
    if (attributes['buyerTitle'] === p.buyerTitle) fit += PERSONA_ATTRIBUTE_WEIGHTS.buyerTitle;
    if (attributes['product'] === p.product) fit += PERSONA_ATTRIBUTE_WEIGHTS.product;
    if (fit > best) {
      best = fit;
      bestIndex = i;
    }
  }
  return { fit: round(best, 6), persona: bestIndex };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
