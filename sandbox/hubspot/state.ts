import type { FaultController } from '../kit/faults';
import type { ApiData } from './api-data';
import type { Misbehaviour } from './misbehave';
import type { RateLimits } from './rate-limits';
import type { Grants } from './scopes';
import type { CrmStore } from './store';
import type { AccessToken } from './token';

/** What the request handlers share: the records, the credentials, the counters and the settings. */
export interface ServerState {
  /** The generated account; null when the server serves seeded records. */
  store: CrmStore | null;
  /** What the API serves: `store`, or the seeded records. */
  api: ApiData;
  /** The legacy private app's access token, and its scopes. */
  token: AccessToken;
  grants: Grants;
  /** The Service Key, and its scopes (only scopes its creator has: the account-service-keys doc). */
  serviceKey: AccessToken;
  serviceKeyGrants: Grants;
  /** The hublet the portal lives in (na1, eu1, …): other hublets' hosts answer 488. */
  hublet: string;
  limits: RateLimits;
  faults: FaultController;
  portalId: number;
  /** The private app's id and the user who created it, for the token-info endpoint. */
  appId: number;
  appUserId: number;
  /** How long the pages take to render their content, in ms. */
  renderDelayMs: number;
  /** How the API misbehaves now (misbehave.ts), for the client's bounds. */
  misbehave: Misbehaviour;
  /** Every API request answered (method and path), oldest first: server.ts `apiCalls`. */
  apiCalls: Array<{ method: string; path: string }>;
}
