/**
 * Links to Salesforce records from extension pages. The background remembers which page
 * origin (`https://acme.lightning.force.com`) belongs to which connected org when a tab
 * asks for a panel or connects the org; pages link a record to its Lightning page there.
 */

/** The settings key of the origin → connection id map (written by entrypoints/background/salesforce.ts). */
export const SALESFORCE_ORIGINS_SETTING = 'salesforce:origins';

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The origins remembered for a connection, https ones first (a localhost sandbox org in e2e builds is http). */
export function originsOf(map: unknown, connectionId: string): string[] {
  if (typeof map !== 'object' || map === null) return [];
  const origins: string[] = [];
  for (const [origin, id] of Object.entries(map as Record<string, unknown>)) {
    if (id !== connectionId) continue;
    try {
      const url = new URL(origin);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin) origins.push(origin);
    } catch {
      // Not an origin: skip it (the map is data).
    }
  }
  return origins.sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')) || (a < b ? -1 : a > b ? 1 : 0));
}

/** An opportunity's Lightning record page, or null when the id is not a Salesforce id. */
export function salesforceRecordUrl(origin: string, opportunityId: string): string | null {
  if (!SALESFORCE_ID.test(opportunityId)) return null;
  return `${origin}/lightning/r/Opportunity/${opportunityId}/view`;
}
