import { describe, expect, it } from 'vitest';
import { findSession, orgIdOfSid, SESSION_MESSAGES, type GetCookie } from '../../../lib/crm/salesforce/session';

const ORG = '00D5g000001aBcD';
const ORG18 = '00D5g000001aBcDEAU';
const OTHER_ORG = '00D5g000009zZzZ';

/** A cookie jar keyed by origin, recording what was asked. */
function jar(cookies: Record<string, string>): { getCookie: GetCookie; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    getCookie: async (url, name) => {
      asked.push(`${url} ${name}`);
      return cookies[new URL(url).origin] ?? null;
    },
  };
}

describe('orgIdOfSid', () => {
  it('reads the org id before the "!"', () => {
    expect(orgIdOfSid(`${ORG}!AQ4AQFakeToken`)).toBe(ORG18);
    expect(orgIdOfSid('no-bang-here')).toBeNull();
    expect(orgIdOfSid('005xx0000012345!AQ')).toBeNull();
  });
});

describe('findSession', () => {
  it('uses the My Domain session of the org named by the Lightning cookie', async () => {
    const { getCookie, asked } = jar({
      'https://acme.lightning.force.com': `${ORG}!lightning-session`,
      'https://acme.my.salesforce.com': `${ORG}!api-session`,
    });
    const found = await findSession('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', getCookie);
    expect(found).toEqual({ ok: true, apiBase: 'https://acme.my.salesforce.com', sid: `${ORG}!api-session`, orgId: ORG18 });
    expect(asked).toEqual(['https://acme.lightning.force.com/ sid', 'https://acme.my.salesforce.com/ sid']);
  });

  it('maps sandbox hosts', async () => {
    const { getCookie } = jar({
      'https://acme--uat.sandbox.lightning.force.com': `${ORG}!x`,
      'https://acme--uat.sandbox.my.salesforce.com': `${ORG}!sandbox-api`,
    });
    const found = await findSession('https://acme--uat.sandbox.lightning.force.com/lightning/o/Opportunity/list', getCookie);
    expect(found).toMatchObject({ ok: true, apiBase: 'https://acme--uat.sandbox.my.salesforce.com', sid: `${ORG}!sandbox-api` });
  });

  it('refuses a My Domain session of another org', async () => {
    const { getCookie } = jar({
      'https://acme.lightning.force.com': `${ORG}!x`,
      'https://acme.my.salesforce.com': `${OTHER_ORG}!y`,
    });
    expect(await findSession('https://acme.lightning.force.com/lightning/page/home', getCookie)).toEqual({
      ok: false,
      state: 'not-logged-in',
      message: SESSION_MESSAGES.notLoggedIn,
    });
  });

  it('is not logged in without the My Domain cookie', async () => {
    const { getCookie } = jar({ 'https://acme.lightning.force.com': `${ORG}!x` });
    expect(await findSession('https://acme.lightning.force.com/lightning/page/home', getCookie)).toMatchObject({ ok: false, state: 'not-logged-in' });
    expect(await findSession('https://acme.lightning.force.com/lightning/page/home', jar({}).getCookie)).toMatchObject({ ok: false, state: 'not-logged-in' });
  });

  it('uses the tab host itself when it is the API host', async () => {
    const { getCookie, asked } = jar({ 'https://acme.my.salesforce.com': `${ORG}!classic` });
    expect(await findSession('https://acme.my.salesforce.com/0065g00000AbCdE', getCookie)).toEqual({
      ok: true,
      apiBase: 'https://acme.my.salesforce.com',
      sid: `${ORG}!classic`,
      orgId: ORG18,
    });
    expect(asked).toEqual(['https://acme.my.salesforce.com/ sid']);
  });

  it('says when the page is not Salesforce', async () => {
    const { getCookie, asked } = jar({});
    expect(await findSession('https://example.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', getCookie)).toEqual({
      ok: false,
      state: 'not-salesforce',
      message: SESSION_MESSAGES.notSalesforce,
    });
    expect(asked).toEqual([]);
  });

  it('on localhost, uses the page origin and its own sid (the e2e contract)', async () => {
    const withOrg = jar({ 'http://localhost:4100': `${ORG}!local` });
    expect(await findSession('http://localhost:4100/lightning/r/Opportunity/0065g00000AbCdEAAV/view', withOrg.getCookie)).toEqual({
      ok: true,
      apiBase: 'http://localhost:4100',
      sid: `${ORG}!local`,
      orgId: ORG18,
    });
    const opaque = jar({ 'http://127.0.0.1:5000': 'opaque-token' });
    expect(await findSession('http://127.0.0.1:5000/lightning/o/Opportunity/list', opaque.getCookie)).toEqual({
      ok: true,
      apiBase: 'http://127.0.0.1:5000',
      sid: 'opaque-token',
      orgId: '127.0.0.1:5000',
    });
    expect(await findSession('http://localhost:4100/lightning/o/Opportunity/list', jar({}).getCookie)).toMatchObject({ ok: false, state: 'not-logged-in' });
    expect(await findSession('http://localhost:4100/x', withOrg.getCookie, { localhost: false })).toMatchObject({ ok: false, state: 'not-salesforce' });
  });

  it("brings every other sid cookie of the org on the API host (a stale one can hide a fresh one), none of another org's", async () => {
    const { getCookie } = jar({
      'https://acme.lightning.force.com': `${ORG}!lightning`,
      'https://acme.my.salesforce.com': `${ORG}!stale`,
    });
    const domains: string[] = [];
    const getAll = async (name: string, domain: string) => {
      domains.push(`${domain} ${name}`);
      return [`${ORG}!stale`, `${OTHER_ORG}!theirs`, `${ORG}!fresh`, ` ${ORG}!fresh `, ''];
    };
    expect(await findSession('https://acme.lightning.force.com/lightning/page/home', getCookie, {}, getAll)).toEqual({
      ok: true,
      apiBase: 'https://acme.my.salesforce.com',
      sid: `${ORG}!stale`,
      moreSids: [`${ORG}!fresh`],
      orgId: ORG18,
    });
    expect(domains).toEqual(['acme.my.salesforce.com sid']);
    // A browser that cannot list cookies still has the one.
    const failing = async () => {
      throw new Error('no getAll');
    };
    expect(await findSession('https://acme.lightning.force.com/lightning/page/home', getCookie, {}, failing)).toEqual({
      ok: true,
      apiBase: 'https://acme.my.salesforce.com',
      sid: `${ORG}!stale`,
      orgId: ORG18,
    });
  });

  it('reads no cookie through Microsoft Defender for Cloud Apps: the session cannot be read there', async () => {
    const { getCookie, asked } = jar({ 'https://acme.lightning.force.com.mcas.ms': `${ORG}!proxied` });
    expect(await findSession('https://acme.lightning.force.com.mcas.ms/lightning/page/home', getCookie)).toEqual({
      ok: false,
      state: 'unreadable',
      message: SESSION_MESSAGES.unreadable('acme.lightning.force.com.mcas.ms'),
    });
    expect(asked).toEqual([]);
  });
});
