/** Where a synced record opens in its CRM, from what the store knows of its connection. */
import { describe, expect, it } from 'vitest';
import { hubspotRecordUrl } from '../../lib/crm/hubspot/connector';
import type { HubSpotStatus } from '../../lib/crm/hubspot/status';
import type { SalesforceStatus } from '../../lib/crm/salesforce/status';
import { crmLinker } from '../../lib/jobs/crm-links';
import { connectionSettings } from '../../lib/store/repo';
import { freshDb } from '../store/helpers';

const SF = 'salesforce:00D5g000001aBcDEAU';
const HS = 'hubspot:4215837';
const OPP = '0065g00000AbCdEAAV';

describe('crmLinker', () => {
  it("opens a Salesforce record on the org's remembered page origin, else on its API host", async () => {
    const { db } = freshDb();
    expect(await crmLinker(db, { id: SF, kind: 'salesforce' })).toBeNull();
    await connectionSettings(db, SF).set('salesforce.status', { apiBase: 'https://acme.my.salesforce.com', orgId: '00D5g000001aBcDEAU' } as SalesforceStatus);
    expect((await crmLinker(db, { id: SF, kind: 'salesforce' }))?.(OPP)).toBe(`https://acme.my.salesforce.com/lightning/r/Opportunity/${OPP}/view`);
    await connectionSettings(db, SF).set('salesforce.origins', ['https://acme.lightning.force.com']);
    await connectionSettings(db, 'salesforce:other').set('salesforce.origins', ['https://other.lightning.force.com']);
    const link = await crmLinker(db, { id: SF, kind: 'salesforce' });
    expect(link?.(OPP)).toBe(`https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view`);
    expect(link?.('not an id')).toBeNull();
  });

  it("opens a HubSpot deal on the portal's app host, or on the sandbox's own origin", async () => {
    const { db } = freshDb();
    expect(await crmLinker(db, { id: HS, kind: 'hubspot' })).toBeNull();
    await connectionSettings(db, HS).set('hubspot.status', {
      apiBase: 'https://api.hubapi.com',
      portalId: '4215837',
      uiDomain: 'app-eu1.hubspot.com',
    } as HubSpotStatus);
    expect((await crmLinker(db, { id: HS, kind: 'hubspot' }))?.('9001')).toBe('https://app-eu1.hubspot.com/contacts/4215837/record/0-3/9001');
    // An unexpected uiDomain is not followed: the default app host instead.
    await connectionSettings(db, HS).set('hubspot.status', {
      apiBase: 'https://api.hubapi.com',
      portalId: '4215837',
      uiDomain: 'evil.example',
    } as HubSpotStatus);
    expect((await crmLinker(db, { id: HS, kind: 'hubspot' }))?.('9001')).toBe('https://app.hubspot.com/contacts/4215837/record/0-3/9001');
    await connectionSettings(db, HS).set('hubspot.status', { apiBase: 'http://127.0.0.1:5174', portalId: '4215837', uiDomain: null } as HubSpotStatus);
    expect((await crmLinker(db, { id: HS, kind: 'hubspot' }))?.('9001')).toBe('http://127.0.0.1:5174/contacts/4215837/record/0-3/9001');
    expect(hubspotRecordUrl('https://app.hubspot.com', '4215837', '../x')).toBeNull();
  });

  it('has no CRM page for files and sandbox data', async () => {
    const { db } = freshDb();
    expect(await crmLinker(db, { id: 'csv', kind: 'csv' })).toBeNull();
    expect(await crmLinker(db, { id: 'sandbox', kind: 'sandbox' })).toBeNull();
  });
});
