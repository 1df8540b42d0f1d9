/**
 * The private app scopes Dealsight reads with (the README lists them), each with the calls
 * that need it. `GET /account-info/v3/details`, the connection check, needs none.
 * https://developers.hubspot.com/docs/api/scopes
 */
export const REQUIRED_SCOPES = [
  /** Deals search and read, deal pipelines and stages, archived deals. */
  'crm.objects.deals.read',
  /** Associated companies: industry, employees, revenue, country, state. */
  'crm.objects.companies.read',
  /** Associated contacts: job titles for buyer titles. */
  'crm.objects.contacts.read',
  /** Owners and their teams. */
  'crm.objects.owners.read',
] as const;

export type RequiredScope = (typeof REQUIRED_SCOPES)[number];

/** One cheap call per scope: a 403 MISSING_SCOPES on it means the token lacks the scope. */
export const SCOPE_PROBES: ReadonlyArray<{ scope: RequiredScope; path: string }> = [
  { scope: 'crm.objects.deals.read', path: '/crm/v3/objects/deals?limit=1&properties=hs_object_id' },
  { scope: 'crm.objects.companies.read', path: '/crm/v3/objects/companies?limit=1&properties=hs_object_id' },
  { scope: 'crm.objects.contacts.read', path: '/crm/v3/objects/contacts?limit=1&properties=hs_object_id' },
  { scope: 'crm.objects.owners.read', path: '/crm/v3/owners?limit=1' },
];
