import type { Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import { FaultController } from '../kit/faults';
import { plantHostileRecords, type HostileEdits } from '../kit/hostile';
import type { Reply, Request } from '../kit/http';
import { listen } from '../kit/serve';
import { stableHash } from '../kit/timeline';
import type { SandboxOrg } from '../../lib/sandbox/types';
import { HubSpotError, resourceNotFound } from './errors';
import { faultReply } from './fault-replies';
import { toHubSpotOrg } from './hubspot-org';
import { resolveOptions, type HubSpotServerOptions } from './options';
import { boardPath, dealPath, legacyDealPath, listPath } from './pages/urls';
import type { Pipeline } from './pipelines';
import { iso } from './properties';
import { RateLimits } from './rate-limits';
import { handleApi } from './routes/api';
import { handleControl } from './routes/control';
import { handlePage } from './routes/pages';
import { Grants, type Scope } from './scopes';
import type { ServerState } from './state';
import { CrmStore, type DealChanges } from './store';
import { AccessToken } from './token';

/**
 * A local HubSpot for e2e tests, benchmarks and the demo: the CRM API a private app syncs
 * from and HubSpot-like pages a content script overlays, over one generated org mapped to
 * HubSpot's objects (deals in two pipelines, companies, contacts, owners with teams), with
 * real rate limits and faults on demand. node:http only.
 */
export interface HubSpotServer {
  /** `http://127.0.0.1:PORT`, no trailing slash: the API base and the pages' origin. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The org as served, with HubSpot ids: deals' ids are `server.org.opportunities[i].id`. */
  readonly org: SandboxOrg;
  /** The Hub ID in page URLs and /account-info/v3/details. */
  readonly portalId: number;
  /** The private app's current access token. */
  readonly token: string;
  /** Scopes the token has now. */
  readonly scopes: Scope[];
  readonly pipelines: readonly Pipeline[];
  /** Which records carry hostile names or odd values (by HubSpot id). */
  readonly hostile: HostileEdits;
  readonly faults: FaultController;
  /** `/contacts/{portalId}/record/0-3/{dealId}` on this server. */
  recordUrl(dealId: string): string;
  /** `/contacts/{portalId}/deal/{dealId}`: the older deal URL. */
  legacyRecordUrl(dealId: string): string;
  /** The deals board, of the Sales Pipeline or of `pipelineId`. */
  boardUrl(pipelineId?: string): string;
  /** The deals list (page 1, or `page`). */
  listUrl(page?: number): string;
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
  /** Rotates the token (the old one answers 401 EXPIRED_AUTHENTICATION); returns the new one. */
  rotateToken(): string;
  revokeScopes(scopes: readonly Scope[]): void;
  grantScopes(scopes: readonly Scope[]): void;
  /** Sets today's API call count (to test behaviour near the daily limit). */
  setDailyUsage(used: number): void;
  close(): Promise<void>;
}

export async function startHubSpotServer(options: HubSpotServerOptions = {}): Promise<HubSpotServer> {
  const o = resolveOptions(options);
  const generated = o.org ?? generateSandbox({ seed: o.seed, opportunities: o.opportunities });
  const { org, ids, deals } = toHubSpotOrg(generated);
  const hostile: HostileEdits = o.hostile ? plantHostileRecords(org) : { opportunityNames: {}, accountNames: {}, nullAmount: [], noAccount: [] };
  const store = new CrmStore(org, ids, deals);
  const token = new AccessToken(o.token);
  const portalId = o.portalId ?? 20_000_000 + (stableHash(`${org.seed}:portal`) % 30_000_000);
  const state: ServerState = {
    store,
    token,
    grants: new Grants(o.scopes),
    limits: new RateLimits({ searchPerSecond: o.searchPerSecond, perTenSeconds: o.perTenSeconds, daily: o.daily }),
    faults: new FaultController({
      defaultPath: /^\/(?:crm\/v[34]|account-info\/v3|oauth\/v2)\//,
      // HubSpot's 429s carry no Retry-After unless a fault asks for one.
      defaultRetryAfter: null,
      expire: () => token.rotate(),
    }),
    portalId,
    appId: 1_000_000 + (stableHash(`${org.seed}:app`) % 9_000_000),
    appUserId: ids.userIdOfOwner.get(org.users[0]?.id ?? '') ?? 1,
    renderDelayMs: o.renderDelayMs,
  };
  const { url, port, close } = await listen(
    {
      faults: state.faults,
      control: (request) => handleControl(state, request),
      faultReply,
      route: (request) => route(state, request),
      internalError: (error) => new HubSpotError(500, 'INTERNAL_ERROR', `Sandbox server error: ${error.message}`).reply(),
    },
    { host: o.host, port: o.port },
  );
  const opportunityOf = (id: string): Opportunity => {
    const deal = store.deals.get(id);
    if (deal === undefined) throw new Error(`No deal with id "${id}"`);
    return deal.opportunity;
  };
  return {
    url,
    port,
    host: o.host,
    get org() {
      return store.org;
    },
    portalId,
    get token() {
      return token.value;
    },
    get scopes() {
      return state.grants.scopes;
    },
    pipelines: store.pipelines,
    hostile,
    faults: state.faults,
    recordUrl: (id) => `${url}${dealPath(portalId, id)}`,
    legacyRecordUrl: (id) => `${url}${legacyDealPath(portalId, id)}`,
    boardUrl: (pipelineId) => `${url}${boardPath(portalId, pipelineId)}`,
    listUrl: (page) => `${url}${listPath(portalId, page)}`,
    dealProperties: (id) => {
      opportunityOf(id);
      return { ...(store.deals.get(id)?.properties ?? {}) };
    },
    touch: (dealIds, changes) => iso(store.touch(dealIds, changes)),
    addDeals: (count) => store.addDeals(count).map((d) => d.opportunity),
    archive: (dealIds) => iso(store.archive(dealIds)),
    rotateToken: () => token.rotate(),
    revokeScopes: (scopes) => state.grants.revoke(scopes),
    grantScopes: (scopes) => state.grants.grant(scopes),
    setDailyUsage: (used) => state.limits.setDailyUsage(used),
    close,
  };
}

async function route(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname;
  if (path.startsWith('/crm/') || path.startsWith('/account-info/') || path.startsWith('/oauth/')) return handleApi(state, request);
  return handlePage(state, request) ?? resourceNotFound().reply();
}
