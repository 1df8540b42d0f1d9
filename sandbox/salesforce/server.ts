import type { Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import type { SandboxOrg } from '../../lib/sandbox/types';
import { ApiUsage } from './api-usage';
import { formatDateTime } from './clock';
import { SandboxDatabase, type OpportunityChanges } from './database';
import { faultReply } from './fault-replies';
import { FaultController } from '../kit/faults';
import { plantHostileRecords, type HostileEdits } from '../kit/hostile';
import { jsonReply, type Reply, type Request } from '../kit/http';
import { listen } from '../kit/serve';
import { IdSequence } from './id-sequence';
import { resolveOptions, type SalesforceServerOptions } from './options';
import { QueryCursors } from './query-cursors';
import { handleApi } from './routes/api';
import { handleControl } from './routes/control';
import { handlePage } from './routes/pages';
import { SERVER_KEY_PREFIX } from './schema';
import { Session } from './session';
import type { ServerState } from './state';

/**
 * A local Salesforce for e2e tests, benchmarks and the demo: the REST API a connector
 * syncs from and Lightning-like pages a content script overlays, over one generated org,
 * with faults on demand. node:http only.
 */
export interface SalesforceServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The newest API version served, e.g. "62.0". */
  readonly apiVersion: string;
  /** The org as served: the generator's, with the hostile edits and every later change. */
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
  /** The fake login: sets the `sid` cookie and redirects to `startURL` (default: the opportunity list). */
  loginUrl(startURL?: string): string;
  /** `/lightning/r/Opportunity/{id}/view` on this server. */
  recordUrl(id: string): string;
  /** `/lightning/o/Opportunity/list` on this server. */
  listUrl(): string;
  /** `/services/data/vXX.X{path}` on this server. */
  apiUrl(path?: string): string;
  /**
   * Changes opportunities as a user would (Salesforce field names; StageName also sets
   * IsClosed, IsWon, Probability and the forecast category, and adds history) and bumps
   * their SystemModstamp past every earlier one. Returns the new SystemModstamp.
   */
  touch(ids: readonly string[], changes?: OpportunityChanges): string;
  /** Adds open opportunities on existing accounts, created now. */
  addOpportunities(count: number): Opportunity[];
  /** Sets the API usage count (to test behaviour near the daily limit). */
  setApiUsage(used: number): void;
  close(): Promise<void>;
}

export async function startSalesforceServer(options: SalesforceServerOptions = {}): Promise<SalesforceServer> {
  const o = resolveOptions(options);
  const org = o.org === null ? generateSandbox({ seed: o.seed, opportunities: o.opportunities }) : structuredClone(o.org);
  const hostile: HostileEdits = o.hostile ? plantHostileRecords(org) : { opportunityNames: {}, accountNames: {}, nullAmount: [], noAccount: [] };
  const db = new SandboxDatabase(org, { multiCurrency: o.multiCurrency, territories: o.territories });
  const session = new Session(db.orgId);
  const state: ServerState = {
    db,
    session,
    faults: new FaultController({ defaultPath: /^\/services\/data\/v\d+\.\d+(?:\/|$)/, defaultRetryAfter: 1, expire: () => session.rotate() }),
    usage: new ApiUsage(o.apiLimit),
    cursors: new QueryCursors(new IdSequence(SERVER_KEY_PREFIX.queryLocator, db.orgId.slice(3, 5), 62 ** 5)),
    apiVersion: o.apiVersion,
    today: o.today ?? org.asOf,
    renderDelayMs: o.renderDelayMs,
    contentSecurityPolicy: o.contentSecurityPolicy,
  };

  const { url, port, close } = await listen(
    {
      faults: state.faults,
      control: (request) => handleControl(state, request),
      faultReply,
      route: (request) => route(state, request),
      internalError: (error) => jsonReply(500, [{ message: `Sandbox server error: ${error.message}`, errorCode: 'UNKNOWN_EXCEPTION' }]),
    },
    { host: o.host, port: o.port },
  );
  const version = `${o.apiVersion}.0`;

  return {
    url,
    port,
    host: o.host,
    apiVersion: version,
    org,
    orgId: db.orgId,
    get sid() {
      return session.id;
    },
    get apiUsage() {
      return state.usage.count;
    },
    hostile,
    faults: state.faults,
    loginUrl: (startURL) => `${url}/login${startURL === undefined ? '' : `?startURL=${encodeURIComponent(startURL)}`}`,
    recordUrl: (id) => `${url}/lightning/r/Opportunity/${id}/view`,
    listUrl: () => `${url}/lightning/o/Opportunity/list`,
    apiUrl: (path = '') => `${url}/services/data/v${version}${path}`,
    touch: (ids, changes) => formatDateTime(db.touch(ids, changes)),
    addOpportunities: (count) => db.addOpportunities(count),
    setApiUsage: (used) => state.usage.set(used),
    close,
  };
}

async function route(state: ServerState, request: Request): Promise<Reply> {
  if (request.url.pathname.startsWith('/services/data')) return handleApi(state, request);
  return handlePage(state, request) ?? jsonReply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
}
