/**
 * Where a synced record opens in its CRM, from what the store knows of the connection:
 * a Salesforce org's page origin (remembered when a tab asked for a panel, else its API
 * host), a HubSpot portal's app host (`uiDomain` from its account details; the sandbox's
 * own origin in e2e builds). Null for files and sandbox data, which have no CRM page.
 */
import { DEFAULT_API_BASE } from '../crm/hubspot/hosts';
import { originsOf, SALESFORCE_ORIGINS_SETTING, salesforceRecordUrl } from '../crm/salesforce/record-links';
import type { DealsightDb } from '../store/db';
import { getSetting } from '../store/repo';
import type { ConnectionRecord } from '../store/schema';
import { getHubSpotStatus } from './hubspot';
import { getSalesforceStatus } from './salesforce';

export type RecordLinker = (opportunityId: string) => string | null;

/** A HubSpot deal's record page on `appOrigin`, or null when the ids are not HubSpot's. */
export function hubspotRecordUrl(appOrigin: string, portalId: string, dealId: string): string | null {
  if (!/^\d{1,12}$/.test(portalId) || !/^\d{1,20}$/.test(dealId)) return null;
  return `${appOrigin}/contacts/${portalId}/record/0-3/${dealId}`;
}

export async function crmLinker(db: DealsightDb, connection: Pick<ConnectionRecord, 'id' | 'kind'>): Promise<RecordLinker | null> {
  if (connection.kind === 'salesforce') {
    const [origins, status] = await Promise.all([getSetting<unknown>(db, SALESFORCE_ORIGINS_SETTING, {}), getSalesforceStatus(db, connection.id)]);
    const origin = originsOf(origins, connection.id)[0] ?? status?.apiBase ?? null;
    return origin ? (id) => salesforceRecordUrl(origin, id) : null;
  }
  if (connection.kind === 'hubspot') {
    const status = await getHubSpotStatus(db, connection.id);
    if (!status) return null;
    // api.hubapi.com serves every region's API; the pages are on the portal's own app host.
    const origin = status.apiBase === DEFAULT_API_BASE ? `https://${status.uiDomain && /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/.test(status.uiDomain) ? status.uiDomain : 'app.hubspot.com'}` : status.apiBase;
    return (id) => hubspotRecordUrl(origin, status.portalId, id);
  }
  return null;
}
