/**
 * What a page of deals needs besides its own properties: the associated companies (the
 * associations batch read, then companies batch read in 100s) and contacts (their job
 * titles). Companies are read once per sync: deals of one account share them.
 */
import type { AssociatedIds, HubSpotClient, HubSpotObject } from './client';
import { COMPANY_PROPERTIES, CONTACT_PROPERTIES } from './properties';

export interface Related {
  dealCompanies: Map<string, AssociatedIds>;
  companies: Map<string, HubSpotObject>;
  dealContacts: Map<string, AssociatedIds>;
  contacts: Map<string, HubSpotObject>;
}

export function emptyRelated(): Related {
  return { dealCompanies: new Map(), companies: new Map(), dealContacts: new Map(), contacts: new Map() };
}

/** Adds the associations of `dealIds` and the records they point to that `related` lacks. */
export async function loadRelated(client: HubSpotClient, dealIds: readonly string[], related: Related, signal?: AbortSignal): Promise<void> {
  if (dealIds.length === 0) return;
  const companiesOf = await client.associations('deals', 'companies', dealIds, signal);
  const contactsOf = await client.associations('deals', 'contacts', dealIds, signal);
  for (const [id, a] of companiesOf) related.dealCompanies.set(id, a);
  for (const [id, a] of contactsOf) related.dealContacts.set(id, a);
  // The mapping uses a deal's primary company (else its first); read just those.
  const companyIds = [...companiesOf.values()].flatMap((a) => [...a.primary, ...a.ids].slice(0, 1)).filter((id) => !related.companies.has(id));
  for (const c of await client.batchRead('companies', companyIds, COMPANY_PROPERTIES, signal)) related.companies.set(c.id, c);
  const contactIds = [...contactsOf.values()].flatMap((a) => a.ids).filter((id) => !related.contacts.has(id));
  for (const c of await client.batchRead('contacts', contactIds, CONTACT_PROPERTIES, signal)) related.contacts.set(c.id, c);
}
