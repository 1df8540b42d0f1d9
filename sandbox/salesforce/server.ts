import type { Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import type { SandboxOrg } from '../../lib/sandbox/types';
import { ApiUsage } from './api-usage';
import { formatDateTime } from './clock';
import { SandboxDatabase, type OpportunityChanges } from './database';
import type { SeedRecord } from './seeded-records';
import { faultReply } from './fault-replies';
import { FaultController } from '../kit/faults';
import { plantHostileRecords, type HostileEdits } from '../kit/hostile';
import { jsonReply, type Reply, type Request } from '../kit/http';
import { inProcessFetch, type RecordedRequest, type SandboxFetch } from '../kit/in-process';
import { listen, type Pipeline } from '../kit/serve';
import { IdSequence } from './id-sequence';
import { resolveOptions, type SalesforceServerOptions } from './options';
import { QueryCursors } from './query-cursors';
import { OAuthServer, type OAuthAppOption, type OAuthSnapshot, type ResolvedOAuthApp } from './oauth';
import { handleApi } from './routes/api';
import { handleOAuth } from './routes/oauth';
import { handleControl } from './routes/control';
import { handlePage } from './routes/pages';
import { SERVER_KEY_PREFIX } from './schema';
import { Session } from './session';
import type { LightningPageOptions } from './pages/page-options';
import type { ServerState } from './state';

/** A request to the sandbox, with the SOQL of a query decoded. */
export interface SalesforceRequest extends RecordedRequest {
  /** The `q` parameter of /query and /queryAll, else null. */
  soql: string | null;
}

/**
 * A local Salesforce for unit tests, e2e tests, benchmarks and the demo: the REST API a
 * connector syncs from and Lightning-like pages a content script overlays, over one
 * generated org (or seeded records), with faults on demand. `createSalesforceSandbox`
 * answers in-process through `fetch`; `startSalesforceServer` also listens on node:http.
 */
export interface SalesforceSandbox {
  /** The newest API version served, e.g. "62.0". */
  readonly apiVersion: string;
  /** The org as served: the generator's, with the hostile edits and every later change. An org of seeded records has none: this throws. */
  readonly org: SandboxOrg;
  /** The 18-character organization id; the sid starts with its first 15 characters. */
  readonly orgId: string;
  /** The current session id: what the `sid` cookie holds and `Authorization: Bearer` must carry. */
  readonly sid: string;
  /** API calls counted so far (the N of `Sforce-Limit-Info: api-usage=N/MAX`). */
  readonly apiUsage: number;
  /** Which records carry hostile names or odd values. */
  readonly hostile: HostileEdits;
  readonly faults: FaultController;
  /** Calls the server in-process (see ../kit/in-process.ts): any origin, the server's paths. */
  readonly fetch: SandboxFetch;
  /** Every request made through `fetch`, in order. */
  readonly requests: readonly SalesforceRequest[];
  /**
   * Changes opportunities as a user would (Salesforce field names; StageName also sets
   * IsClosed, IsWon, Probability and the forecast category, and adds history) and bumps
   * their SystemModstamp past every earlier one. Returns the new SystemModstamp.
   */
  touch(ids: readonly string[], changes?: OpportunityChanges): string;
  /** Adds open opportunities on existing accounts, created now. */
  addOpportunities(count: number): Opportunity[];
  /** Seeded records only: adds records to an object, or replaces those with the same Id (see seeded-records.ts). */
  putRecords(object: string, records: readonly SeedRecord[]): void;
  /** Seeded records only: deletes records (/queryAll still sees them), their SystemModstamp set to `at` (ISO 8601; now by default). Returns it. */
  deleteRecords(object: string, ids: readonly string[], at?: string): string;
  /** Sets the API usage count (to test behaviour near the daily limit). */
  setApiUsage(used: number): void;
  /** Forgets every open query locator, as when they expire. */
  expireQueryLocators(): void;
  /** The OAuth side (oauth.ts): apps, and what was issued and revoked. */
  readonly oauth: SandboxOAuth;
  /** Turns API Access Control on or off (the `apiAccessControl` option). */
  setApiAccessControl(on: boolean): void;
}

export interface SandboxOAuth {
  /** The 18-character id of the user who signs in. */
  readonly userId: string;
  /** Adds an External Client App (or replaces the one with its consumer key). */
  register(app: OAuthAppOption): ResolvedOAuthApp;
  /** Ends every access token (their session timeout); refresh tokens keep working. Returns how many ended. */
  expireAccessTokens(): number;
  /** The refresh and access tokens issued so far, with their state. */
  snapshot(): OAuthSnapshot;
}

/** The sandbox listening on node:http, with the addresses of its pages. */
export interface SalesforceServer extends SalesforceSandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The fake login: sets the `sid` cookie and redirects to `startURL` (default: the opportunity list). */
  loginUrl(startURL?: string): string;
  /** `/lightning/r/Opportunity/{id}/view` on this server. */
  recordUrl(id: string): string;
  /** `/lightning/o/Opportunity/list` on this server. */
  listUrl(): string;
  /**
   * `path` on this server in a page shape (pages/page-options.ts), e.g.
   * `pageUrl(\`/lightning/r/Opportunity/${id}/view\`, { app: 'console', theme: 'dark' })`;
   * the reply remembers the options in cookies for the pages that follow.
   */
  pageUrl(path: string, shape?: Partial<LightningPageOptions> & { cached?: number }): string;
  /** Classic's detail page of a record, `/{15-character id}`. */
  classicRecordUrl(id: string): string;
  /** Classic's opportunity list view, `/006?fcf=…`. */
  classicListUrl(): string;
  /** `/services/data/vXX.X{path}` on this server. */
  apiUrl(path?: string): string;
  close(): Promise<void>;
}

interface Created {
  sandbox: SalesforceSandbox;
  pipeline: Pipeline;
  host: string;
  port: number;
}

export function createSalesforceSandbox(options: SalesforceServerOptions = {}): SalesforceSandbox {
  return create(options).sandbox;
}

export async function startSalesforceServer(options: SalesforceServerOptions = {}): Promise<SalesforceServer> {
  const { sandbox, pipeline, host, port: wanted } = create(options);
  const { url, port, close } = await listen(pipeline, { host, port: wanted });
  // The same object, with its addresses: its getters stay live.
  return Object.defineProperties(
    sandbox,
    Object.getOwnPropertyDescriptors({
      url,
      port,
      host,
      loginUrl: (startURL?: string) => `${url}/login${startURL === undefined ? '' : `?startURL=${encodeURIComponent(startURL)}`}`,
      recordUrl: (id: string) => `${url}/lightning/r/Opportunity/${id}/view`,
      listUrl: () => `${url}/lightning/o/Opportunity/list`,
      pageUrl: (path: string, shape: Partial<LightningPageOptions> & { cached?: number } = {}) => {
        const target = new URL(path, url);
        for (const [key, value] of Object.entries(shape)) if (value !== undefined) target.searchParams.set(key, String(value));
        return target.href;
      },
      classicRecordUrl: (id: string) => `${url}/${id.slice(0, 15)}`,
      classicListUrl: () => `${url}/006?fcf=00B000000000001`,
      apiUrl: (path = '') => `${url}/services/data/v${sandbox.apiVersion}${path}`,
      close,
    }),
  ) as SalesforceServer;
}

function create(options: SalesforceServerOptions): Created {
  const o = resolveOptions(options);
  const seeded = o.records !== null;
  // Seeded, the generated org only gives the schema its picklists and the org its id.
  const org = o.org === null ? generateSandbox({ seed: o.seed, opportunities: seeded ? 1 : o.opportunities }) : structuredClone(o.org);
  const hostile: HostileEdits = o.hostile && !seeded ? plantHostileRecords(org) : { opportunityNames: {}, accountNames: {}, nullAmount: [], noAccount: [] };
  const db = new SandboxDatabase(org, { multiCurrency: o.multiCurrency, territories: o.territories, customFields: o.customFields, seeded });
  if (o.records !== null) db.seed(o.records);
  const session = new Session(db.orgId, o.sessionId);
  const oauth = new OAuthServer(db.orgId, org.users[0]?.id ?? '005000000000001AAA', o.oauthApps);
  const state: ServerState = {
    db,
    session,
    oauth,
    apiAccessControl: o.apiAccessControl,
    oauthInstanceUrl: o.oauthInstanceUrl,
    faults: new FaultController({ defaultPath: /^\/services\/data\/v\d+\.\d+(?:\/|$)/, defaultRetryAfter: 1, expire: () => session.rotate() }),
    usage: new ApiUsage(o.apiLimit),
    cursors: new QueryCursors(new IdSequence(SERVER_KEY_PREFIX.queryLocator, db.orgId.slice(3, 5), 62 ** 5)),
    apiVersion: o.apiVersion,
    today: o.today ?? org.asOf,
    renderDelayMs: o.renderDelayMs,
    pageDefaults: o.pages,
    contentSecurityPolicy: o.contentSecurityPolicy,
    batchSizes: o.batchSizes,
    reverseOrderBy: o.reverseOrderBy,
  };
  const pipeline: Pipeline = {
    faults: state.faults,
    control: (request) => handleControl(state, request),
    faultReply,
    route: (request) => route(state, request),
    internalError: (error) => jsonReply(500, [{ message: `Sandbox server error: ${error.message}`, errorCode: 'UNKNOWN_EXCEPTION' }]),
  };
  const { fetch, requests } = inProcessFetch(pipeline, { now: Date.now, annotate: (r) => ({ ...r, soql: r.query.get('q') }) });
  const version = `${o.apiVersion}.0`;

  const sandbox: SalesforceSandbox = {
    apiVersion: version,
    get org() {
      if (db.seeded) throw new Error('This sandbox serves seeded records: it has no generated org');
      return org;
    },
    orgId: db.orgId,
    get sid() {
      return session.id;
    },
    get apiUsage() {
      return state.usage.count;
    },
    hostile,
    faults: state.faults,
    fetch,
    requests,
    touch: (ids, changes) => formatDateTime(db.touch(ids, changes)),
    addOpportunities: (count) => db.addOpportunities(count),
    putRecords: (object, records) => db.put(object, records),
    deleteRecords: (object, ids, at) => {
      const ms = at === undefined ? undefined : Date.parse(at.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (ms !== undefined && Number.isNaN(ms)) throw new Error(`deleteRecords: "${at}" is not an ISO 8601 date and time`);
      return formatDateTime(db.remove(object, ids, ms));
    },
    setApiUsage: (used) => state.usage.set(used),
    expireQueryLocators: () => state.cursors.expireAll(),
    oauth: {
      userId: oauth.userId,
      register: (app) => oauth.register(app),
      expireAccessTokens: () => oauth.expireAccessTokens(),
      snapshot: () => oauth.snapshot(),
    },
    setApiAccessControl: (on) => {
      state.apiAccessControl = on;
    },
  };
  return { sandbox, pipeline, host: o.host, port: o.port };
}

async function route(state: ServerState, request: Request): Promise<Reply> {
  if (request.url.pathname.startsWith('/services/data')) return handleApi(state, request);
  if (request.url.pathname.startsWith('/services/oauth2/')) return handleOAuth(state, request);
  // Seeded records are for the API: the pages show a generated org.
  const page = state.db.seeded ? null : handlePage(state, request);
  return page ?? jsonReply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
}
