/**
 * The scopes Dealsight reads with (the README and the options page list them), each with
 * the calls that need it: the same names for a Service Key and a legacy private app.
 * `GET /account-info/{version}/details`, the connection check, needs none. A Service Key
 * can only be given scopes its creator has in HubSpot (changelog "Service keys"), so a key
 * made by a user who cannot see companies lacks `crm.objects.companies.read`: the check
 * names it.
 * https://developers.hubspot.com/docs/api/scopes
 */
import { API_PATHS } from './api-paths';

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
  { scope: 'crm.objects.deals.read', path: `${API_PATHS.objects('deals')}?limit=1&properties=hs_object_id` },
  { scope: 'crm.objects.companies.read', path: `${API_PATHS.objects('companies')}?limit=1&properties=hs_object_id` },
  { scope: 'crm.objects.contacts.read', path: `${API_PATHS.objects('contacts')}?limit=1&properties=hs_object_id` },
  { scope: 'crm.objects.owners.read', path: `${API_PATHS.owners}?limit=1` },
];
