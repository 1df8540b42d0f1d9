/**
 * Links to Salesforce records from extension pages. The background remembers the page
 * origins (`https://acme.lightning.force.com`) each connected org was seen on, when a tab
 * connects the org or asks for a panel (the `salesforce.origins` setting); pages link a
 * record to its Lightning page there.
 */

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The origins among `origins` that are web origins, https ones first (a localhost sandbox org in e2e builds is http). */
export function webOrigins(origins: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const origin of origins) {
    if (typeof origin !== 'string') continue;
    try {
      const url = new URL(origin);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin) out.push(origin);
    } catch {
      // Not an origin: skip it (the list is data).
    }
  }
  return out.sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The origin to link an org's records on, or null when none is known. */
export function preferredOrigin(origins: readonly unknown[]): string | null {
  return webOrigins(origins)[0] ?? null;
}

/** An opportunity's Lightning record page, or null when the id is not a Salesforce id. */
export function salesforceRecordUrl(origin: string, opportunityId: string): string | null {
  if (!SALESFORCE_ID.test(opportunityId)) return null;
  return `${origin}/lightning/r/Opportunity/${opportunityId}/view`;
}

/**
 * An account's Lightning record page (`/lightning/r/Account/<id>/view`, the form public code
 * links accounts with: code ids 62214367125, 56778129705), or null when the id is not a Salesforce id.
 */
export function salesforceAccountUrl(origin: string, accountId: string): string | null {
  if (!SALESFORCE_ID.test(accountId)) return null;
  return `${origin}/lightning/r/Account/${accountId}/view`;
}
