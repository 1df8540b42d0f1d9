import type { Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import { FaultController } from '../kit/faults';
import { plantHostileRecords, type HostileEdits } from '../kit/hostile';
import type { Reply, Request } from '../kit/http';
import { inProcessFetch, type RecordedRequest, type SandboxFetch } from '../kit/in-process';
import { listen, type Pipeline as KitPipeline } from '../kit/serve';
import { stableHash } from '../kit/timeline';
import type { SandboxOrg } from '../../lib/sandbox/types';
import { HubSpotError, resourceNotFound } from './errors';
import { faultReply } from './fault-replies';
import { toHubSpotOrg } from './hubspot-org';
import { misbehave, redirectReply, type PagingMisbehaviour } from './misbehave';
import { checkedPaging, checkedRedirect, resolveOptions, type HubSpotServerOptions } from './options';
import { optionError } from '../kit/options';
import { boardPath, companyPath, dealPath, legacyCompanyPath, legacyDealPath, listPath, workspacePath } from './pages/urls';
import type { Pipeline } from './pipelines';
import { iso } from './properties';
import { RateLimits } from './rate-limits';
import { handleApi } from './routes/api';
import { handleControl } from './routes/control';
import { handlePage } from './routes/pages';
import { Grants, type Scope } from './scopes';
import type { ServerState } from './state';
import { SeededRecords, type HubSpotRecordSet } from './seeded-records';
import { CrmStore, type DealChanges } from './store';
import { AccessToken } from './token';

/**
 * A local HubSpot for unit tests, e2e tests, benchmarks and the demo: the CRM API a
 * Service Key or private app syncs from (date-based versions, in the portal's hublet) and
 * HubSpot-like pages a content script overlays, over one
 * generated org mapped to HubSpot's objects (deals in two pipelines, companies, contacts,
 * owners with teams) or over seeded records, with real rate limits and faults on demand.
 * `createHubSpotSandbox` answers in-process through `fetch`; `startHubSpotServer` also
 * listens on node:http.
 */
export interface HubSpotSandbox {
  /** The org as served, with HubSpot ids: deals' ids are `server.org.opportunities[i].id`. Seeded records have none: this throws. */
  readonly org: SandboxOrg;
  /** The Hub ID in page URLs and the account's details. */
  readonly portalId: number;
  /** The private app's current access token. */
  readonly token: string;
  /** The Service Key: the credential HubSpot offers now that private apps cannot be created. */
  readonly serviceKey: string;
  /** Scopes the token has now. */
  readonly scopes: Scope[];
  /** Scopes the Service Key has now. */
  readonly serviceKeyScopes: Scope[];
  /** The hublet the portal lives in. */
  readonly hublet: string;
  /** The generated account's pipelines (seeded records: this throws; read the API). */
  readonly pipelines: readonly Pipeline[];
  /** Which records carry hostile names or odd values (by HubSpot id). */
  readonly hostile: HostileEdits;
  readonly faults: FaultController;
  /** Calls the server in-process (see ../kit/in-process.ts): any origin, the server's paths. */
  readonly fetch: SandboxFetch;
  /** Every request made through `fetch`, in order, with the server's clock (`now`) at each. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Every API request that reached the server's API routes, in-process or over HTTP (a
   * browser's), by method and path (the hublet prefix included, the query left out; a
   * fault's reply stands in before the routes and is not listed); the last 100,000.
   */
  readonly apiCalls: readonly ApiCall[];
  /** A deal's properties as the API serves them now. */
  dealProperties(dealId: string): Record<string, string | null>;
  /**
   * Edits deals as a user would (HubSpot property names; `dealstage` moves the stage
   * history) and moves their `hs_lastmodifieddate` past every earlier one. Returns it.
   */
  touch(ids: readonly string[], changes?: DealChanges): string;
  /** Adds open deals on existing companies, created now. */
  addDeals(count: number): Opportunity[];
  /** Archives (deletes) deals. Returns the archive time. */
  archive(ids: readonly string[]): string;
  /** Seeded records only: adds records, or replaces those with the same id (see seeded-records.ts). */
  putRecords(records: HubSpotRecordSet): void;
  /** Rotates the token (the old one answers 401 EXPIRED_AUTHENTICATION); returns the new one. */
  rotateToken(): string;
  /** Rotates the Service Key likewise. */
  rotateServiceKey(): string;
  revokeScopes(scopes: readonly Scope[]): void;
  grantScopes(scopes: readonly Scope[]): void;
  revokeServiceKeyScopes(scopes: readonly Scope[]): void;
  grantServiceKeyScopes(scopes: readonly Scope[]): void;
  /** Sets today's API call count (to test behaviour near the daily limit). */
  setDailyUsage(used: number): void;
  /** Makes the API's paging misbehave (misbehave.ts: 'repeat-cursor', 'endless'; on the paths `path` matches, else all), or behave again (null). */
  setPaging(mode: PagingMisbehaviour | null, path?: RegExp): void;
  /** Redirects every API request to `url` (a 302; misbehave.ts), or stops (null). */
  setRedirect(url: string | null): void;
}

/** The sandbox listening on node:http, with the addresses of its pages. */
export interface HubSpotServer extends HubSpotSandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash: the API base and the pages' origin. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** `/contacts/{portalId}/record/0-3/{dealId}` on this server. */
  recordUrl(dealId: string): string;
  /** `/contacts/{portalId}/deal/{dealId}`: the older deal URL. */
  legacyRecordUrl(dealId: string): string;
  /** `/contacts/{portalId}/record/0-2/{companyId}`: a company's record page. */
  companyUrl(companyId: string): string;
  /** `/contacts/{portalId}/company/{companyId}`: the older company URL. */
  legacyCompanyUrl(companyId: string): string;
  /** The deals board, of the Sales Pipeline or of `pipelineId`. */
  boardUrl(pipelineId?: string): string;
  /** The deals list (page 1, or `page`). */
  listUrl(page?: number): string;
  /** The Sales Workspace's deals table (`/prospecting/{portalId}/deals`). */
  workspaceUrl(): string;
  close(): Promise<void>;
}

/** One API request as the server saw it. */
export interface ApiCall {
  method: string;
  path: string;
}

const MAX_API_CALLS = 100_000;

interface Created {
  sandbox: HubSpotSandbox;
  pipeline: KitPipeline;
  host: string;
  port: number;
}

export function createHubSpotSandbox(options: HubSpotServerOptions = {}): HubSpotSandbox {
  return create(options).sandbox;
}

export async function startHubSpotServer(options: HubSpotServerOptions = {}): Promise<HubSpotServer> {
  const { sandbox, pipeline, host, port: wanted } = create(options);
  const { url, port, close } = await listen(pipeline, { host, port: wanted });
  const { portalId } = sandbox;
  // The same object, with its addresses: its getters stay live.
  return Object.defineProperties(
    sandbox,
    Object.getOwnPropertyDescriptors({
      url,
      port,
      host,
      recordUrl: (id: string) => `${url}${dealPath(portalId, id)}`,
      legacyRecordUrl: (id: string) => `${url}${legacyDealPath(portalId, id)}`,
      companyUrl: (id: string) => `${url}${companyPath(portalId, id)}`,
      legacyCompanyUrl: (id: string) => `${url}${legacyCompanyPath(portalId, id)}`,
      boardUrl: (pipelineId?: string) => `${url}${boardPath(portalId, pipelineId)}`,
      listUrl: (page?: number) => `${url}${listPath(portalId, page)}`,
      workspaceUrl: () => `${url}${workspacePath(portalId)}`,
      close,
    }),
  ) as HubSpotServer;
}

function create(options: HubSpotServerOptions): Created {
  const o = resolveOptions(options);
  const seeded = o.records !== null;
  // Seeded, the generated org only gives the account its ids and default pipelines.
  const generated = o.org ?? generateSandbox({ seed: o.seed, opportunities: seeded ? 1 : o.opportunities });
  const { org, ids, deals } = toHubSpotOrg(generated);
  const hostile: HostileEdits = o.hostile && !seeded ? plantHostileRecords(org) : { opportunityNames: {}, accountNames: {}, nullAmount: [], noAccount: [] };
  const crm = new CrmStore(org, ids, deals);
  const records = o.records === null ? null : new SeededRecords(o.records, () => crm.pipelineBodies());
  const store = records === null ? crm : null;
  const token = new AccessToken(o.token);
  const serviceKey = new AccessToken(o.serviceKey, 'service-key');
  const portalId = o.portalId ?? 20_000_000 + (stableHash(`${org.seed}:portal`) % 30_000_000);
  const state: ServerState = {
    store,
    api: records ?? crm,
    token,
    grants: new Grants(o.scopes),
    serviceKey,
    serviceKeyGrants: new Grants(o.serviceKeyScopes),
    hublet: o.hublet,
    limits: new RateLimits({ searchPerSecond: o.searchPerSecond, perTenSeconds: o.perTenSeconds, daily: o.daily, dailyHeaders: o.dailyLimitHeaders }, o.now),
    faults: new FaultController({
      // The API: any version, under a hublet's prefix or not.
      defaultPath: /^\/(?:_hublet\/[a-z]{2}\d{1,3}\/)?(?:crm|account-info|oauth)\//,
      // HubSpot's 429s carry no Retry-After unless a fault asks for one.
      defaultRetryAfter: null,
      expire: () => token.rotate(),
    }),
    portalId,
    appId: 1_000_000 + (stableHash(`${org.seed}:app`) % 9_000_000),
    appUserId: ids.userIdOfOwner.get(org.users[0]?.id ?? '') ?? 1,
    renderDelayMs: o.renderDelayMs,
    misbehave: { paging: o.paging, pagingPath: o.pagingPath, redirectTo: o.redirectTo },
    apiCalls: [],
  };
  const pipeline: KitPipeline = {
    faults: state.faults,
    control: (request) => handleControl(state, request),
    faultReply,
    route: (request) => route(state, request),
    internalError: (error) => new HubSpotError(500, 'INTERNAL_ERROR', `Sandbox server error: ${error.message}`).reply(),
  };
  const { fetch, requests } = inProcessFetch(pipeline, { now: o.now, annotate: (r) => r });
  const account = (what: string): CrmStore => {
    if (store === null) throw new Error(`${what}: this sandbox serves seeded records; change them with putRecords`);
    return store;
  };
  const opportunityOf = (id: string): Opportunity => {
    const deal = account('dealProperties').deals.get(id);
    if (deal === undefined) throw new Error(`No deal with id "${id}"`);
    return deal.opportunity;
  };
  const sandbox: HubSpotSandbox = {
    get org() {
      return account('org').org;
    },
    portalId,
    get token() {
      return token.value;
    },
    get serviceKey() {
      return serviceKey.value;
    },
    get scopes() {
      return state.grants.scopes;
    },
    get serviceKeyScopes() {
      return state.serviceKeyGrants.scopes;
    },
    hublet: o.hublet,
    get pipelines() {
      return account('pipelines').pipelines;
    },
    hostile,
    faults: state.faults,
    fetch,
    requests,
    apiCalls: state.apiCalls,
    dealProperties: (id) => {
      opportunityOf(id);
      return { ...(account('dealProperties').deals.get(id)?.properties ?? {}) };
    },
    touch: (dealIds, changes) => iso(account('touch').touch(dealIds, changes)),
    addDeals: (count) =>
      account('addDeals')
        .addDeals(count)
        .map((d) => d.opportunity),
    archive: (dealIds) => iso(account('archive').archive(dealIds)),
    putRecords: (set) => {
      if (records === null)
        throw new Error(
          'putRecords: only a sandbox of seeded records (the "records" option) takes raw records; a generated account changes through touch, addDeals and archive',
        );
      records.put(set);
    },
    rotateToken: () => token.rotate(),
    rotateServiceKey: () => serviceKey.rotate(),
    revokeScopes: (scopes) => state.grants.revoke(scopes),
    grantScopes: (scopes) => state.grants.grant(scopes),
    revokeServiceKeyScopes: (scopes) => state.serviceKeyGrants.revoke(scopes),
    grantServiceKeyScopes: (scopes) => state.serviceKeyGrants.grant(scopes),
    setDailyUsage: (used) => state.limits.setDailyUsage(used),
    setPaging: (mode, path) => {
      state.misbehave.paging = checkedPaging(mode, optionError('setPaging'));
      state.misbehave.pagingPath = path ?? null;
    },
    setRedirect: (url) => {
      state.misbehave.redirectTo = checkedRedirect(url, optionError('setRedirect'));
    },
  };
  return { sandbox, pipeline, host: o.host, port: o.port };
}

async function route(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname;
  if (/^\/(?:_hublet\/[^/]+\/)?(?:crm|account-info|oauth)\//.test(path)) {
    if (state.apiCalls.length >= MAX_API_CALLS) state.apiCalls.shift();
    state.apiCalls.push({ method: request.method, path });
    const { paging, pagingPath, redirectTo } = state.misbehave;
    if (redirectTo !== null) return redirectReply(redirectTo);
    if (paging === null || (pagingPath !== null && !pagingPath.test(path))) return handleApi(state, request);
    // The body is read twice (the API, then the misbehaviour): over HTTP it is a stream, read once.
    const body = request.text();
    const again: Request = { ...request, text: () => body };
    return misbehave(paging, again, await handleApi(state, again), (r) => handleApi(state, r));
  }
  return handlePage(state, request) ?? resourceNotFound().reply();
}
