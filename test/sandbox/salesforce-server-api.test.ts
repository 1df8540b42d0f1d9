import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { releaseLabel } from '../../sandbox/salesforce/versions';

let server: SalesforceServer;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 7, opportunities: 200, multiCurrency: true });
});
afterAll(async () => {
  await server.close();
});

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${server.sid}` });
async function api(path: string, headers: Record<string, string> = auth(), init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers });
}
async function json<T = unknown>(path: string): Promise<T> {
  const reply = await api(path);
  expect(reply.status, path).toBe(200);
  return (await reply.json()) as T;
}

describe('versions', () => {
  it("lists every version from 31.0 up to the server's, without authentication", async () => {
    const reply = await fetch(`${server.url}/services/data/`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const versions = (await reply.json()) as { label: string; url: string; version: string }[];
    expect(versions).toHaveLength(62 - 31 + 1);
    expect(versions[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    expect(versions.at(-1)).toEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
    // The versions list does not count against the API allowance.
    expect(reply.headers.get('sforce-limit-info')).toBeNull();
  });

  it("names releases in Salesforce's three-a-year cycle", () => {
    expect([20, 21, 22, 23, 60, 64, 66].map(releaseLabel)).toEqual([
      "Winter '11",
      "Spring '11",
      "Summer '11",
      "Winter '12",
      "Spring '24",
      "Summer '25",
      "Spring '26",
    ]);
  });

  it("404s a version newer than the server's, and answers the resource list of its own", async () => {
    const newer = await api('/services/data/v63.0/limits');
    expect(newer.status).toBe(404);
    expect(await newer.json()).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    expect(await json('/services/data/v62.0/')).toEqual({
      limits: '/services/data/v62.0/limits',
      query: '/services/data/v62.0/query',
      queryAll: '/services/data/v62.0/queryAll',
      sobjects: '/services/data/v62.0/sobjects',
    });
    // Older versions are served too: a connector may pin one.
    expect((await api('/services/data/v58.0/limits')).status).toBe(200);
  });
});

describe('authorization', () => {
  const invalid = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

  it("401s without a Bearer token, with a wrong one, and with another org's", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: `Bearer ${server.sid}x` },
      { Authorization: server.sid },
    ];
    for (const headers of attempts) {
      const reply = await api('/services/data/v62.0/limits', headers);
      expect(reply.status).toBe(401);
      expect(await reply.json()).toEqual(invalid);
    }
  });

  it('accepts the session as Bearer (and as the older OAuth scheme)', async () => {
    expect((await api('/services/data/v62.0/limits')).status).toBe(200);
    expect((await api('/services/data/v62.0/limits', { Authorization: `OAuth ${server.sid}` })).status).toBe(200);
  });

  it('starts the sid with the 15-character org id, then "!"', () => {
    expect(server.orgId).toMatch(/^00D[0-9A-Za-z]{15}$/);
    expect(server.sid.startsWith(`${server.orgId.slice(0, 15)}!`)).toBe(true);
  });

  it('is read-only: other methods get 405 with the allowed ones', async () => {
    const reply = await api('/services/data/v62.0/sobjects/Opportunity', { ...auth(), 'Content-Type': 'application/json' }, { method: 'POST', body: '{}' });
    expect(reply.status).toBe(405);
    expect(((await reply.json()) as { errorCode: string }[])[0]?.errorCode).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('API usage', () => {
  it('counts each authenticated call in Sforce-Limit-Info and in /limits', async () => {
    const first = await api('/services/data/v62.0/limits');
    const used = Number(/^api-usage=(\d+)\/15000$/.exec(first.headers.get('sforce-limit-info') ?? '')?.[1]);
    expect(used).toBe(server.apiUsage);
    const limits = (await first.json()) as Record<string, { Max: number; Remaining: number }>;
    expect(limits['DailyApiRequests']).toEqual({ Max: 15000, Remaining: 15000 - used });

    const second = await api('/services/data/v62.0/sobjects/');
    expect(second.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 1}/15000`);
    // A 401 is not a call the org pays for.
    await api('/services/data/v62.0/limits', {});
    const third = await api('/services/data/v62.0/query?q=SELECT+Id+FROM+Foo');
    expect(third.status).toBe(400);
    expect(third.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 2}/15000`);
  });
});

describe('sobjects and describe', () => {
  interface DescribeField {
    name: string;
    label: string;
    type: string;
    custom: boolean;
    nillable: boolean;
    referenceTo: string[];
    relationshipName: string | null;
    picklistValues: { value: string; label: string; active: boolean; defaultValue: boolean }[];
    soapType: string;
  }
  interface Describe {
    name: string;
    keyPrefix: string;
    queryable: boolean;
    fields: DescribeField[];
    childRelationships: { childSObject: string; field: string; relationshipName: string | null }[];
  }

  it("lists the org's objects with their urls", async () => {
    const body = await json<{ encoding: string; maxBatchSize: number; sobjects: { name: string; keyPrefix: string; urls: Record<string, string> }[] }>(
      '/services/data/v62.0/sobjects/',
    );
    expect(body.encoding).toBe('UTF-8');
    expect(body.sobjects.map((o) => o.name)).toEqual([
      'Opportunity',
      'Account',
      'User',
      'Contact',
      'OpportunityContactRole',
      'OpportunityStage',
      'OpportunityHistory',
      'Territory2',
    ]);
    const opportunity = body.sobjects[0];
    expect(opportunity?.keyPrefix).toBe('006');
    expect(opportunity?.urls).toEqual({
      rowTemplate: '/services/data/v62.0/sobjects/Opportunity/{ID}',
      describe: '/services/data/v62.0/sobjects/Opportunity/describe',
      sobject: '/services/data/v62.0/sobjects/Opportunity',
    });
  });

  it('describes Opportunity: typed fields, picklists, references and custom fields', async () => {
    const d = await json<Describe>('/services/data/v62.0/sobjects/Opportunity/describe');
    expect(d.name).toBe('Opportunity');
    expect(d.keyPrefix).toBe('006');
    const byName = new Map(d.fields.map((f) => [f.name, f]));
    expect(byName.get('Amount')).toMatchObject({ type: 'currency', soapType: 'xsd:double', nillable: true, custom: false });
    expect(byName.get('CloseDate')).toMatchObject({ type: 'date', nillable: false });
    expect(byName.get('SystemModstamp')).toMatchObject({ type: 'datetime', soapType: 'xsd:dateTime' });
    expect(byName.get('AccountId')).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' });
    expect(byName.get('OwnerId')).toMatchObject({ type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' });
    expect(byName.get('Territory2Id')).toMatchObject({ referenceTo: ['Territory2'], relationshipName: 'Territory2' });
    expect(byName.get('CurrencyIsoCode')?.picklistValues.map((p) => p.value)).toEqual(['USD']);
    expect(byName.get('StageName')?.picklistValues.map((p) => p.value)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Id. Decision Makers',
      'Perception Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(byName.get('StageName')?.picklistValues[0]).toEqual({
      active: true,
      defaultValue: false,
      label: 'Prospecting',
      validFor: null,
      value: 'Prospecting',
    });
    expect(byName.get('Type')?.picklistValues.map((p) => p.value)).toEqual([
      'New Customer',
      'Existing Customer - Upgrade',
      'Existing Customer - Cross-Sell',
      'Existing Customer - Renewal',
      'Existing Customer - Downgrade',
    ]);
    expect(byName.get('ForecastCategoryName')?.picklistValues.map((p) => p.value)).toEqual(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']);
    const leadSources = byName.get('LeadSource')?.picklistValues.map((p) => p.value) ?? [];
    for (const o of server.org.opportunities) if (o.leadSource !== null) expect(leadSources).toContain(o.leadSource);
    expect(byName.get('Region__c')).toMatchObject({ custom: true, type: 'picklist', label: 'Region' });
    expect(byName.get('Region__c')?.picklistValues.map((p) => p.value)).toEqual(['North America', 'EMEA', 'APAC']);
    expect(byName.get('Primary_Product__c')).toMatchObject({ custom: true, type: 'picklist' });
    expect(d.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'OpportunityContactRole', field: 'OpportunityId', relationshipName: 'OpportunityContactRoles' }),
    );
  });

  it('describes Account with the firmographic fields', async () => {
    const d = await json<Describe>('/services/data/v62.0/sobjects/account/describe');
    const types = Object.fromEntries(d.fields.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      Name: 'string',
      Industry: 'picklist',
      NumberOfEmployees: 'int',
      AnnualRevenue: 'currency',
      BillingCountry: 'string',
      BillingState: 'string',
      ParentId: 'reference',
    });
    const industries = d.fields.find((f) => f.name === 'Industry')?.picklistValues.map((p) => p.value) ?? [];
    for (const a of server.org.accounts) expect(industries).toContain(a.industry);
  });

  it('404s an unknown object', async () => {
    const reply = await api('/services/data/v62.0/sobjects/Lead__c/describe');
    expect(reply.status).toBe(404);
    expect(await reply.json()).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  });
});

describe('record retrieval', () => {
  it('returns one record with every field, or the ones asked for, by 18- or 15-character id', async () => {
    const o = server.org.opportunities.find((x) => x.isClosed && x.isWon && x.account !== null);
    if (o === undefined) throw new Error('the org has no won deal');
    const full = await json<Record<string, unknown>>(`/services/data/v62.0/sobjects/Opportunity/${o.id}`);
    expect(full).toMatchObject({
      attributes: { type: 'Opportunity', url: `/services/data/v62.0/sobjects/Opportunity/${o.id}` },
      Id: o.id,
      Name: o.name,
      AccountId: o.account?.id,
      Amount: o.amount,
      CurrencyIsoCode: 'USD',
      StageName: 'Closed Won',
      IsClosed: true,
      IsWon: true,
      Probability: 100,
      ForecastCategoryName: 'Closed',
      ForecastCategory: 'Closed',
      CloseDate: o.closeDate,
      OwnerId: o.owner?.id,
    });
    expect(String(full['CreatedDate'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/);
    expect(String(full['CreatedDate']).slice(0, 10)).toBe(o.createdDate);
    const some = await json<Record<string, unknown>>(`/services/data/v62.0/sobjects/Opportunity/${o.id.slice(0, 15)}?fields=Name,StageName`);
    expect(Object.keys(some)).toEqual(['attributes', 'Name', 'StageName']);
  });

  it('404s a missing record and 400s an unknown field', async () => {
    expect((await api('/services/data/v62.0/sobjects/Opportunity/006000000000000AAA')).status).toBe(404);
    const o = server.org.opportunities[0];
    const reply = await api(`/services/data/v62.0/sobjects/Opportunity/${o?.id}?fields=Nope`);
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_FIELD');
  });
});
