/**
 * A small in-memory HubSpot portal behind a recording fake `fetch`, speaking HubSpot's
 * real shapes: account details, deal pipelines, owners (paged), the deals search (filter
 * groups, hs_object_id sort, `after` paging and the 10,000-result cap answered with 400),
 * v4 association batch reads, object batch reads (≤ 100 inputs), single deals and the
 * archived list. Faults decide a reply before the portal does. A fake clock and sleep make
 * every wait exact.
 */
import type { FetchLike } from '../../../lib/crm/shared/fetch';

export interface Recorded {
  method: string;
  path: string;
  url: URL;
  body: Record<string, unknown> | null;
  headers: Record<string, string>;
  /** The fake clock's time when the request was sent. */
  at: number;
}

export type Fault = (request: Recorded) => Response | null;

export interface FakeObject {
  id: string;
  properties: Record<string, string | null>;
  archivedAt?: string;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers } });
}

export function hsError(status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ status: 'error', message, correlationId: '3f2e-fake', category, ...extra }, status, headers);
}

/** A clock whose sleep moves time on and records the wait. */
export function fakeClock(start = Date.parse('2025-06-15T12:00:00Z')) {
  const clock = { t: start, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
}

export const PIPELINES = {
  results: [
    {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      stages: [
        { id: 'appointmentscheduled', label: 'Appointment scheduled', displayOrder: 0, archived: false, metadata: { isClosed: 'false', probability: '0.2' } },
        { id: 'contractsent', label: 'Contract sent', displayOrder: 1, archived: false, metadata: { isClosed: 'false', probability: '0.9' } },
        { id: 'closedwon', label: 'Closed won', displayOrder: 2, archived: false, metadata: { isClosed: 'true', probability: '1.0' } },
        { id: 'closedlost', label: 'Closed lost', displayOrder: 3, archived: false, metadata: { isClosed: 'true', probability: '0.0' } },
      ],
    },
    {
      id: '7654321',
      label: 'Renewals',
      displayOrder: 1,
      archived: false,
      stages: [
        { id: '1001', label: 'Negotiation', displayOrder: 0, archived: false, metadata: { isClosed: 'false', probability: '0.5' } },
        { id: '1002', label: 'Closed won', displayOrder: 1, archived: false, metadata: { isClosed: 'true', probability: '1.0' } },
        { id: '1003', label: 'Churned', displayOrder: 2, archived: false, metadata: { isClosed: 'true', probability: '1.0' } },
      ],
    },
  ],
};

export const OWNERS = [
  { id: '501', email: 'dana@acme.test', type: 'PERSON', firstName: 'Dana', lastName: 'Reyes', userId: 9001, archived: false, teams: [{ id: '77', name: 'East', primary: true }] },
  { id: '502', email: 'sam@acme.test', type: 'PERSON', firstName: 'Sam', lastName: 'Ortiz', userId: 9002, archived: false, teams: [] },
];
export const ARCHIVED_OWNERS = [{ id: '503', email: 'lee@acme.test', type: 'PERSON', firstName: 'Lee', lastName: 'Chan', userId: 9003, archived: true, teams: [{ id: '78', name: 'West', primary: false }] }];

const NUMERIC = new Set(['hs_object_id']);
const TIME = new Set(['closedate', 'createdate', 'hs_lastmodifieddate']);

export class FakePortal {
  deals: FakeObject[] = [];
  archived: FakeObject[] = [];
  companies = new Map<string, FakeObject>();
  contacts = new Map<string, FakeObject>();
  /** deal id → [company id, primary?][] */
  dealCompanies = new Map<string, { id: string; primary?: boolean }[]>();
  dealContacts = new Map<string, string[]>();
  pipelines: unknown = PIPELINES;
  owners: unknown[] = OWNERS;
  archivedOwners: unknown[] = ARCHIVED_OWNERS;
  faults: Fault[] = [];
  readonly requests: Recorded[] = [];
  readonly fetch: FetchLike;

  constructor(readonly now: () => number = () => 0) {
    this.fetch = async (url, init) => {
      const u = new URL(url);
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
      const request: Recorded = { method: init.method ?? 'GET', path: u.pathname, url: u, body, headers, at: this.now() };
      this.requests.push(request);
      for (const fault of this.faults) {
        const reply = fault(request);
        if (reply !== null) return reply;
      }
      return this.answer(request);
    };
  }

  /** Search requests sent, in order. */
  get searches(): Recorded[] {
    return this.requests.filter((r) => r.path === '/crm/v3/objects/deals/search');
  }

  private answer(r: Recorded): Response {
    const limits = { 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '189', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' };
    if (r.path === '/account-info/v3/details') {
      return json({ portalId: 4215837, accountType: 'STANDARD', timeZone: 'US/Eastern', companyCurrency: 'USD', additionalCurrencies: [], utcOffset: '-05:00', utcOffsetMilliseconds: -18000000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' });
    }
    if (r.path === '/crm/v3/pipelines/deals') return json(this.pipelines, 200, limits);
    if (r.path === '/crm/v3/owners') {
      const list = r.url.searchParams.get('archived') === 'true' ? this.archivedOwners : this.owners;
      return json(this.paged(list, r.url, 100), 200, limits);
    }
    if (r.path === '/crm/v3/objects/deals/search' && r.body) return this.search(r.body);
    const one = /^\/crm\/v3\/objects\/deals\/(\d+)$/.exec(r.path);
    if (one) {
      const deal = this.deals.find((d) => d.id === one[1]);
      if (!deal) return hsError(404, 'OBJECT_NOT_FOUND', 'resource not found');
      return json(this.object(deal, (r.url.searchParams.get('properties') ?? '').split(',')), 200, limits);
    }
    if (r.path === '/crm/v3/objects/deals' && r.url.searchParams.get('archived') === 'true') {
      return json(this.paged(this.archived.map((d) => ({ ...this.object(d, ['hs_object_id']), archived: true, archivedAt: d.archivedAt })), r.url, 100), 200, limits);
    }
    const list = /^\/crm\/v3\/objects\/(deals|companies|contacts)$/.exec(r.path);
    if (list) return json({ results: [] }, 200, limits);
    const assoc = /^\/crm\/v4\/associations\/deals\/(companies|contacts)\/batch\/read$/.exec(r.path);
    if (assoc && r.body) {
      const inputs = r.body.inputs as { id: string }[];
      if (inputs.length > 1000) return hsError(400, 'VALIDATION_ERROR', 'Batch input limit is 1000');
      const results = inputs.flatMap(({ id }) => {
        const to =
          assoc[1] === 'companies'
            ? (this.dealCompanies.get(id) ?? []).map((c) => ({ toObjectId: Number(c.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: c.primary ? 5 : 341, label: c.primary ? 'Primary' : null }] }))
            : (this.dealContacts.get(id) ?? []).map((c) => ({ toObjectId: Number(c), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] }));
        return to.length === 0 ? [] : [{ from: { id }, to }];
      });
      return json({ status: 'COMPLETE', results, startedAt: '2025-06-15T12:00:00Z', completedAt: '2025-06-15T12:00:00Z' }, 200, limits);
    }
    const batch = /^\/crm\/v3\/objects\/(companies|contacts)\/batch\/read$/.exec(r.path);
    if (batch && r.body) {
      const inputs = r.body.inputs as { id: string }[];
      if (inputs.length > 100) return hsError(400, 'VALIDATION_ERROR', 'Batch input limit is 100');
      const store = batch[1] === 'companies' ? this.companies : this.contacts;
      const props = r.body.properties as string[];
      const results = inputs.flatMap(({ id }) => {
        const o = store.get(id);
        return o ? [this.object(o, props)] : [];
      });
      return json({ status: 'COMPLETE', results, startedAt: '2025-06-15T12:00:00Z', completedAt: '2025-06-15T12:00:00Z' }, 200, limits);
    }
    return hsError(404, 'OBJECT_NOT_FOUND', `no route for ${r.method} ${r.path}`);
  }

  private object(o: FakeObject, properties: readonly string[]) {
    const props: Record<string, string | null> = {};
    for (const p of properties) if (p !== '') props[p] = o.properties[p] ?? null;
    props.hs_object_id = o.id;
    return { id: o.id, properties: props, createdAt: '2024-01-01T00:00:00Z', updatedAt: o.properties.hs_lastmodifieddate ?? '2024-01-01T00:00:00Z', archived: false };
  }

  private paged(list: readonly unknown[], url: URL, max: number) {
    const limit = Math.min(max, Number(url.searchParams.get('limit') ?? max));
    const start = Number(url.searchParams.get('after') ?? 0);
    const results = list.slice(start, start + limit);
    return { results, ...(start + limit < list.length ? { paging: { next: { after: String(start + limit) } } } : {}) };
  }

  private search(body: Record<string, unknown>): Response {
    const limit = Number(body.limit ?? 10);
    const after = Number(body.after ?? 0);
    if (limit > 200) return hsError(400, 'VALIDATION_ERROR', 'limit must be at most 200');
    if (after + limit > 10_000) return hsError(400, 'VALIDATION_ERROR', 'There was a problem with the request.', { errors: [{ message: 'Paging beyond 10,000 results is not supported.' }] });
    const groups = body.filterGroups as { filters: { propertyName: string; operator: string; value?: string; values?: string[] }[] }[];
    const matches = this.deals.filter((d) => groups.length === 0 || groups.some((g) => g.filters.every((f) => this.test(d, f))));
    const sort = (body.sorts as { propertyName: string; direction: string }[] | undefined)?.[0];
    if (sort?.propertyName === 'hs_object_id') matches.sort((a, b) => Number(a.id) - Number(b.id));
    const results = matches.slice(after, after + limit).map((d) => this.object(d, body.properties as string[]));
    const next = after + limit < matches.length ? { paging: { next: { after: String(after + limit) } } } : {};
    return json({ total: matches.length, results, ...next });
  }

  private test(d: FakeObject, f: { propertyName: string; operator: string; value?: string; values?: string[] }): boolean {
    const raw = f.propertyName === 'hs_object_id' ? d.id : d.properties[f.propertyName];
    if (raw == null) return false;
    const num = (v: string) => (NUMERIC.has(f.propertyName) ? Number(v) : TIME.has(f.propertyName) ? (/^\d+$/.test(v) ? Number(v) : Date.parse(v)) : Number.NaN);
    switch (f.operator) {
      case 'EQ':
        return raw === f.value;
      case 'IN':
        return (f.values ?? []).includes(raw);
      case 'GT':
        return num(raw) > num(f.value ?? '');
      case 'GTE':
        return num(raw) >= num(f.value ?? '');
      default:
        throw new Error(`fake portal: operator ${f.operator}`);
    }
  }
}
