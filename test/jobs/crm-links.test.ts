/** Where a synced record opens in its CRM, from what the store knows of its connection. */
import { describe, expect, it } from 'vitest';
import { SALESFORCE_ORIGINS_SETTING } from '../../lib/crm/salesforce/record-links';
import { crmLinker, hubspotRecordUrl } from '../../lib/jobs/crm-links';
import { hubspotStatusKey } from '../../lib/jobs/hubspot';
import { statusKey } from '../../lib/jobs/salesforce';
import { setSetting } from '../../lib/store/repo';
import { freshDb } from '../store/helpers';

const SF = 'salesforce:00D5g000001aBcDEAU';
const HS = 'hubspot:4215837';
const OPP = '0065g00000AbCdEAAV';

describe('crmLinker', () => {
  it("opens a Salesforce record on the org's remembered page origin, else on its API host", async () => {
    const { db } = freshDb();
    expect(await crmLinker(db, { id: SF, kind: 'salesforce' })).toBeNull();
    await setSetting(db, statusKey(SF), { apiBase: 'https://acme.my.salesforce.com', orgId: '00D5g000001aBcDEAU' });
    expect((await crmLinker(db, { id: SF, kind: 'salesforce' }))?.(OPP)).toBe(`https://acme.my.salesforce.com/lightning/r/Opportunity/${OPP}/view`);
    await setSetting(db, SALESFORCE_ORIGINS_SETTING, { 'https://acme.lightning.force.com': SF, 'https://other.lightning.force.com': 'salesforce:other' });
    const link = await crmLinker(db, { id: SF, kind: 'salesforce' });
    expect(link?.(OPP)).toBe(`https://acme.lightning.force.com/lightning/r/Opportunity/${OPP}/view`);
    expect(link?.('not an id')).toBeNull();
  });

  it("opens a HubSpot deal on the portal's app host, or on the sandbox's own origin", async () => {
    const { db } = freshDb();
    expect(await crmLinker(db, { id: HS, kind: 'hubspot' })).toBeNull();
    await setSetting(db, hubspotStatusKey(HS), { apiBase: 'https://api.hubapi.com', portalId: '4215837', uiDomain: 'app-eu1.hubspot.com' });
    expect((await crmLinker(db, { id: HS, kind: 'hubspot' }))?.('9001')).toBe('https://app-eu1.hubspot.com/contacts/4215837/record/0-3/9001');
    // An unexpected uiDomain is not followed: the default app host instead.
    await setSetting(db, hubspotStatusKey(HS), { apiBase: 'https://api.hubapi.com', portalId: '4215837', uiDomain: 'evil.example' });
    expect((await crmLinker(db, { id: HS, kind: 'hubspot' }))?.('9001')).toBe('https://app.hubspot.com/contacts/4215837/record/0-3/9001');
    await setSetting(db, hubspotStatusKey(HS), { apiBase: 'http://127.0.0.1:5174', portalId: '4215837', uiDomain: null });
    expect((await crmLinker(db, { id: HS, kind: 'hubspot' }))?.('9001')).toBe('http://127.0.0.1:5174/contacts/4215837/record/0-3/9001');
    expect(hubspotRecordUrl('https://app.hubspot.com', '4215837', '../x')).toBeNull();
  });

  it('has no CRM page for files and sandbox data', async () => {
    const { db } = freshDb();
    expect(await crmLinker(db, { id: 'csv', kind: 'csv' })).toBeNull();
    expect(await crmLinker(db, { id: 'sandbox', kind: 'sandbox' })).toBeNull();
  });
});
