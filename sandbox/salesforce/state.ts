import type { ApiUsage } from './api-usage';
import type { SandboxDatabase } from './database';
import type { FaultController } from '../kit/faults';
import type { QueryCursors } from './query-cursors';
import type { LightningPageOptions } from './pages/page-options';
import type { OAuthServer } from './oauth';
import type { Session } from './session';

/** What the request handlers share: the data, the session, the counters and the settings. */
export interface ServerState {
  db: SandboxDatabase;
  session: Session;
  /** The OAuth apps, codes and tokens (oauth.ts). */
  oauth: OAuthServer;
  /**
   * API Access Control: the REST API refuses the browser session ("This session is not
   * valid for use with the REST API"); only OAuth tokens of allowed apps get in.
   */
  apiAccessControl: boolean;
  /** The `instance_url` of token replies; null: the server's own origin. */
  oauthInstanceUrl: string | null;
  faults: FaultController;
  usage: ApiUsage;
  cursors: QueryCursors;
  /** The newest API version served, as a number (62 for "62.0"). */
  apiVersion: number;
  /** "Today" for SOQL date literals and the pages' relative dates. */
  today: string;
  /** How long the Lightning-like pages take to render their content, in ms. */
  renderDelayMs: number;
  /** The page shapes served when neither the query string nor a cookie asks for one (pages/page-options.ts). */
  pageDefaults: LightningPageOptions;
  /** Whether pages carry a Content-Security-Policy like Lightning's. */
  contentSecurityPolicy: boolean;
  /** Fixed records per query batch, by lower-case object name (the `batchSizes` option). */
  batchSizes: ReadonlyMap<string, number>;
  /** Ordered results go out reversed (the `reverseOrderBy` option). */
  reverseOrderBy: boolean;
}
