/**
 * A small in-memory Salesforce org behind a recording fake `fetch`: enough of the REST API
 * for the sync (versions, describe, query with query locators, queryAll) to run against,
 * with the records it holds and faults on demand. It reads the WHERE clauses the sync
 * writes (window, SystemModstamp, IN lists) with regular expressions, not a SOQL parser.
 */
import type { SalesforceRecord } from '../../../lib/crm/salesforce/client';
import { toId18 } from '../../../lib/crm/salesforce/ids';
import { ACCOUNT_DESCRIBE, MANAGER, OPPORTUNITY_DESCRIBE, OWNER, STAGE_RECORDS } from './fixtures';
import { json, recordingFetch, sfError, type RecordedRequest } from './fake-fetch';

export interface FakeOrgOptions {
  /** Opportunity records per page, whatever the client asks (Salesforce may send fewer than asked). */
  pageSize?: number;
  /** Honour ORDER BY (a real org does); false sends the records in reverse. */
  ordered?: boolean;
}

/** Decides a reply before the org does; null lets the org answer. */
export type Fault = (request: RecordedRequest) => Response | null;

const ORG_ID = '00D5g000001aBcDEAU';

export function id18(prefix: string, n: number): string {
  return toId18(`${prefix}5g0000${String(n).padStart(6, '0')}`) as string;
}

export class FakeOrg {
  opportunities: SalesforceRecord[] = [];
  deleted: SalesforceRecord[] = [];
  history: SalesforceRecord[] = [];
  contactRoles: SalesforceRecord[] = [];
  lineItems: SalesforceRecord[] = [];
  stages: SalesforceRecord[] = STAGE_RECORDS;
  users: SalesforceRecord[] = [
    { Id: OWNER, Name: 'Dana Reyes', ManagerId: MANAGER },
    { Id: MANAGER, Name: 'Sam Ortiz', ManagerId: null },
  ];
  opportunityDescribe: unknown = OPPORTUNITY_DESCRIBE;
  faults: Fault[] = [];
  /** Objects this org answers 400 INVALID_TYPE for. */
  unsupported = new Set<string>();
  calls = 0;
  readonly fetch;
  readonly requests;
  private readonly locators = new Map<string, { records: SalesforceRecord[]; size: number }>();
  private locatorCount = 0;

  constructor(private readonly options: FakeOrgOptions = {}) {
    const { fetch, requests } = recordingFetch((r) => this.answer(r));
    this.fetch = fetch;
    this.requests = requests;
  }

  /** The Opportunity queries asked, in order. */
  get opportunityQueries(): string[] {
    return this.requests.flatMap((r) => (r.soql !== null && / FROM Opportunity /.test(r.soql) && !r.soql.includes('IsDeleted') ? [r.soql] : []));
  }

  expireLocators(): void {
    this.locators.clear();
  }

  private answer(request: RecordedRequest): Response {
    for (const fault of this.faults) {
      const reply = fault(request);
      if (reply !== null) return reply;
    }
    this.calls++;
    const headers = { 'Sforce-Limit-Info': `api-usage=${this.calls}/15000` };
    const { path } = request;
    if (path === '/services/data/') return json([{ label: "Spring '24", url: '/services/data/v60.0', version: '60.0' }]);
    if (path === '/services/data/v60.0/sobjects/Opportunity/describe') return json(this.opportunityDescribe, { headers });
    if (path === '/services/data/v60.0/sobjects/Account/describe') return json(ACCOUNT_DESCRIBE, { headers });
    const more = /^\/services\/data\/v60\.0\/query\/(01gFAKE\d+)-(\d+)$/.exec(path);
    if (more?.[1] && more[2]) {
      const found = this.locators.get(more[1]);
      if (found === undefined) return sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return json(this.page(more[1], found.records, found.size, Number(more[2])), { headers });
    }
    if ((path === '/services/data/v60.0/query' || path === '/services/data/v60.0/queryAll') && request.soql !== null) {
      const object = /\bFROM (\w+)/.exec(request.soql)?.[1] ?? '';
      if (this.unsupported.has(object)) return sfError(400, 'INVALID_TYPE', `sObject type '${object}' is not supported.`, headers);
      const records = this.select(object, request.soql);
      const locator = `01gFAKE${++this.locatorCount}`;
      const size = object === 'Opportunity' ? (this.options.pageSize ?? 2000) : 2000;
      this.locators.set(locator, { records, size });
      return json(this.page(locator, records, size, 0), { headers });
    }
    return sfError(404, 'NOT_FOUND', 'The requested resource does not exist', headers);
  }

  private page(locator: string, records: SalesforceRecord[], size: number, offset: number) {
    const end = offset + size;
    const done = end >= records.length;
    return {
      totalSize: records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v60.0/query/${locator}-${end}` }),
      records: records.slice(offset, end).map((r) => structuredClone(r)),
    };
  }

  private select(object: string, soql: string): SalesforceRecord[] {
    const ids = /\bIN \(([^)]*)\)/.exec(soql)?.[1]?.split(',').map((s) => s.trim().replace(/^'|'$/g, ''));
    const inIds = (field: string) => (r: SalesforceRecord) => ids === undefined || ids.includes(String(r[field]));
    switch (object) {
      case 'Opportunity':
        return this.selectOpportunities(soql, inIds('Id'));
      case 'OpportunityStage':
        return this.stages;
      case 'OpportunityHistory':
        return this.history.filter(inIds('OpportunityId'));
      case 'OpportunityContactRole':
        return this.contactRoles.filter(inIds('OpportunityId'));
      case 'OpportunityLineItem':
        return this.lineItems.filter(inIds('OpportunityId'));
      case 'User':
        return this.users.filter(inIds('Id'));
      case 'Organization':
        return [{ Id: ORG_ID, Name: 'Acme Corp', DefaultCurrencyIsoCode: 'EUR', IsSandbox: false }];
      default:
        return [];
    }
  }

  private selectOpportunities(soql: string, inIds: (r: SalesforceRecord) => boolean): SalesforceRecord[] {
    const since = /SystemModstamp >= (\S+)/.exec(soql)?.[1];
    const modifiedSince = (r: SalesforceRecord) => since === undefined || Date.parse(String(r.SystemModstamp).replace('+0000', 'Z')) >= Date.parse(since);
    if (soql.includes('IsDeleted = true')) return this.deleted.filter(modifiedSince);
    const closedSince = /CloseDate >= (\d{4}-\d{2}-\d{2})/.exec(soql)?.[1];
    const inWindow = (r: SalesforceRecord) => closedSince === undefined || r.IsClosed === false || String(r.CloseDate) >= closedSince;
    const rows = this.opportunities.filter((r) => inIds(r) && inWindow(r) && modifiedSince(r));
    if (!soql.includes('ORDER BY SystemModstamp')) return rows;
    const key = (r: SalesforceRecord) => `${String(r.SystemModstamp)} ${String(r.Id)}`;
    const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return this.options.ordered === false ? sorted.reverse() : sorted;
  }
}

/** An opportunity record as the API sends it, with its account, owner and manager. */
export function opportunityRecord(n: number, fields: { stage: string; closed: boolean; won: boolean; closeDate: string; modstamp: string; amount?: number }): SalesforceRecord {
  const id = id18('006', n);
  return {
    attributes: { type: 'Opportunity', url: `/services/data/v60.0/sobjects/Opportunity/${id}` },
    Id: id,
    Name: `Deal ${n}`,
    AccountId: id18('001', n),
    Account: { attributes: { type: 'Account' }, Name: `Account ${n}`, Industry: n % 2 ? 'Retail' : 'Banking', NumberOfEmployees: 100 * n, AnnualRevenue: null, BillingCountry: 'France', BillingState: null },
    Amount: fields.amount ?? 1000 * n,
    StageName: fields.stage,
    IsClosed: fields.closed,
    IsWon: fields.won,
    Type: 'New Customer',
    ForecastCategoryName: fields.closed ? (fields.won ? 'Closed' : 'Omitted') : 'Pipeline',
    Probability: fields.closed ? (fields.won ? 100 : 0) : 10,
    CloseDate: fields.closeDate,
    CreatedDate: '2024-01-15T09:00:00.000+0000',
    LastStageChangeDate: null,
    OwnerId: OWNER,
    Owner: { attributes: { type: 'User' }, Name: 'Dana Reyes', ManagerId: MANAGER, Manager: { attributes: { type: 'User' }, Name: 'Sam Ortiz' } },
    CreatedById: OWNER,
    CreatedBy: { attributes: { type: 'User' }, Name: 'Dana Reyes' },
    Territory2: null,
    LeadSource: 'Web',
    SystemModstamp: fields.modstamp,
  };
}
