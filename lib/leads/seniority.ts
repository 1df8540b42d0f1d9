/**
 * Job titles → Apollo's seniority levels, by keywords. Apollo's people search takes
 * these exact values in `personSeniorities[]` (the `person_seniorities` of its People
 * API Search: owner, founder, c_suite, partner, vp, head, director, manager, senior,
 * entry, intern). Seamless.AI's seniority filter uses readable names (C-Level, VP, …),
 * so the clipboard summary shows SENIORITY_LABELS.
 */

export const APOLLO_SENIORITIES = ['owner', 'founder', 'c_suite', 'partner', 'vp', 'head', 'director', 'manager', 'senior', 'entry', 'intern'] as const;
export type ApolloSeniority = (typeof APOLLO_SENIORITIES)[number];

export const SENIORITY_LABELS: Readonly<Record<ApolloSeniority, string>> = {
  owner: 'Owner',
  founder: 'Founder',
  c_suite: 'C-Suite',
  partner: 'Partner',
  vp: 'VP',
  head: 'Head',
  director: 'Director',
  manager: 'Manager',
  senior: 'Senior',
  entry: 'Entry',
  intern: 'Intern',
};

/** "Product Owner" and the like own a backlog, not the company. */
const NOT_AN_OWNER = /\b(product|process|business|data|service|system|platform|content|risk|control|account)\s+owner\b/gi;
/** CEO, CFO, CIO, CTO, COO, CISO, CHRO…: matched case-sensitively so words such as "Coo" do not count. */
const C_SUITE_ACRONYM = /\bC[A-Z]{1,3}O\b/;

/**
 * Tried in order; the first that matches decides, so a title naming two levels gets the
 * higher one ("Senior Director" → director, "Assistant Vice President" → vp), and the
 * partner rule comes after manager ("Channel Partner Manager" → manager).
 */
const RULES: ReadonlyArray<readonly [ApolloSeniority, RegExp]> = [
  ['owner', /\b(co-?)?owner\b|\bproprietor\b/i],
  ['founder', /\b(co-?)?founder\b/i],
  ['c_suite', /\bchief\b(?!\s+of\s+staff)|(?<!vice[\s-]+)\bpresident\b|\bchair(man|woman|person)?\b/i],
  ['c_suite', C_SUITE_ACRONYM],
  ['vp', /\bvice[\s-]+president\b|\b[sea]?vp\b|\bv\.\s?p\b/i],
  ['head', /\bhead\b/i],
  ['director', /\bdirector\b/i],
  ['manager', /\b(manager|mgr)\b/i],
  ['partner', /\bpartner\b/i],
  ['intern', /\bintern(ship)?\b/i],
  ['senior', /\b(senior|sr|principal)\b|\blead\b(?!\s+gen)/i],
  ['entry', /\b(junior|jr|associate|assistant|analyst|coordinator|specialist|representative|trainee|graduate)\b/i],
];

/** The Apollo seniority a title reads as, or null when no keyword says. */
export function seniorityOf(title: string): ApolloSeniority | null {
  const text = title.replace(NOT_AN_OWNER, ' ');
  for (const [seniority, pattern] of RULES) if (pattern.test(text)) return seniority;
  return null;
}

/** The distinct seniorities of some titles, in Apollo's order (most senior first). */
export function senioritiesOf(titles: readonly string[]): ApolloSeniority[] {
  const found = new Set(titles.map(seniorityOf));
  return APOLLO_SENIORITIES.filter((s) => found.has(s));
}
