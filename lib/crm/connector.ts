/**
 * One CRM as the background and the job runner see it: the twin of the content side's
 * `CrmAdapter` (components/overlay/adapter.ts). Each CRM implements this once, in its own
 * folder (lib/crm/<crm>/connector.ts), and lib/crm/registry.ts lists them; the
 * background, the runner, the options page and the popup ask the registry, never test a
 * CRM's name. Types only.
 *
 * A connector touches neither the store nor the browser: what it needs of either is lent
 * to it (`ConnectorEnv` in the background, `SyncRun`/`FetchRun` in the runner), so it stays
 * testable against the sandbox servers with nothing else running.
 */
import type { AttributeColumn } from './shared/attributes';
import type { FetchLike } from './shared/fetch';
import type { CrmHosts, HostOptions } from './shared/hosts';
import type { RejectedRecord } from './shared/sync';
import type { IsoDate, Opportunity } from './opportunity';
import type { ConnectionSettingName, ConnectionSettings, SettingValue } from '../store/schema';

export type CrmKind = 'salesforce' | 'hubspot';

/** Failures a page or content script shows as a state of its own, not as a plain error. */
export type ErrorCode =
  /** No model yet for this connection: import, load or sync first. */
  | 'not-synced'
  /** No connection for this CRM org yet: connect it in the options page (or from the panel). */
  | 'not-connected'
  /** The page is a CRM record, but not an opportunity or deal. */
  | 'not-an-opportunity'
  /** The CRM session or token is missing or expired: open the CRM, or replace the token. */
  | 'session-expired'
  /** The session works but has no API access (profile permission, API access control, scopes). */
  | 'no-api-access';

/** What a job needs but must never be stored (the job log is persisted): a sync's CRM session. */
export interface JobSecrets {
  /** The Salesforce session (`sid` cookie) for a sync job or a record fetch. */
  sid?: string;
  /** Other `sid` cookies of the same org, tried in turn when `sid` is refused (a stale cookie beside a fresh one). */
  moreSids?: string[];
  /** An OAuth access token the connect flow just got (the runner refreshes its own from the stored refresh token otherwise). */
  accessToken?: string;
}

/** A job's parameters as the job log keeps them (plain JSON values). */
export type JobParams = Record<string, string | number | boolean | null>;

/** A browser tab as a connector needs it. */
export interface TabInfo {
  id?: number;
  url?: string;
  /** Firefox containers; Chrome's tabs share the default store. */
  cookieStoreId?: string;
  /**
   * For a content script's request: the URL the tab's CRM instance is pinned to (on the
   * sender's origin; lib/messages.ts `pinnedUrl`), whatever the page's `pushState` showed
   * since. A connector whose URLs name the instance (a HubSpot portal) answers the tab for
   * the instance this names only.
   */
  pinnedUrl?: string;
}

/** A record's page in its CRM, or null when the id is not one of the CRM's. */
export type RecordLinker = (recordId: string) => string | null;

/** What a CRM page shows, as the background needs it. */
export type CrmPage =
  /**
   * A record page: `id` as the store keys it; `instance` is the org or portal when the URL
   * names it. `account`: a Salesforce Account or a HubSpot company, whose page gets the
   * account panel (its id as opportunities name their account: `Opportunity.account.id`).
   */
  | { kind: 'record'; id: string; object: 'opportunity' | 'account' | 'other'; instance: string | null }
  /** A view of records that gets chips (a list view, a board). */
  | { kind: 'list'; instance: string | null };

/** An answer a connector gives the background that the sender shows. */
export type Failure = { ok: false; error: string; code?: ErrorCode };

/** A connector's settings of one connection, typed by the store's schema (lib/store/schema.ts `SETTINGS`). */
export type CrmSettings = ConnectionSettings;

/** What the background lends a connector: the browser and the store, as far as a connector needs them. */
export interface ConnectorEnv {
  hostOptions: HostOptions;
  fetch: FetchLike;
  now(): string;
  getTab(tabId: number): Promise<TabInfo | undefined>;
  /** Open tabs on this CRM's page hosts (and on the local hosts in e2e builds). */
  tabs(): Promise<TabInfo[]>;
  getCookie(url: string, name: string, storeId: string | undefined): Promise<string | null>;
  /** The values of every cookie called `name` on `domain` and under it (any path); absent where the browser cannot list them. */
  getAllCookies?(name: string, domain: string, storeId: string | undefined): Promise<string[]>;
  /**
   * Opens the CRM's sign-in page in the browser's auth window (`identity.launchWebAuthFlow`,
   * interactive) and resolves with the URL it was sent back to; absent without the identity API.
   */
  launchWebAuthFlow?(url: string): Promise<string>;
  /** The callback URL the browser's auth window catches (`identity.getRedirectURL()`). */
  oauthRedirectUrl?(): string;
  settings(connectionId: string): CrmSettings;
  /** One setting of every connection that has it (a Salesforce page origin → its org). */
  settingOfAll<K extends ConnectionSettingName>(name: K): Promise<Array<[connectionId: string, value: SettingValue<K>]>>;
  /** Whether the store holds this connection. */
  isConnected(connectionId: string): Promise<boolean>;
  /**
   * Whether the browser lets the background call this API base's origin (granted at
   * install, or an optional host permission granted since). Absent (tests): yes.
   */
  hasHostPermission?(apiBase: string): Promise<boolean>;
}

/** What the options page sends to connect: the tab whose session to use, and/or a token, or an OAuth app to sign in with. */
export interface ConnectRequest {
  tabId?: number;
  token?: string;
  /** Sign in through the CRM's OAuth flow (Salesforce): the app's consumer key and where to sign in. */
  oauth?: OAuthConnect;
}

/** An OAuth sign-in as the user asks for it. */
export interface OAuthConnect {
  /** The External Client App's (or Connected App's) consumer key. */
  clientId: string;
  /** `login.salesforce.com`, `test.salesforce.com` or the org's My Domain, as typed. */
  loginHost: string;
}

export type Connected = { ok: true; connectionId: string; params: JobParams; secrets?: JobSecrets };

/**
 * A connect that cannot go on until the browser grants more hosts (a HubSpot portal in
 * another hublet): the options page asks for `origins` in the user's next click, then
 * connects again.
 */
export type ConnectFailure = Failure & { origins?: string[] };

/** How to reach a connected instance's API now: the job's params and in-memory secrets, or why not. */
export type ApiAccess = { ok: true; params: JobParams; secrets?: JobSecrets } | Failure;

/** The connection a CRM page belongs to. */
export type PageConnection = { ok: true; connectionId: string } | Failure;

/** What the job runner lends a connector for any API work: one connection's params, secrets and settings. */
export interface FetchRun {
  connectionId: string;
  params: JobParams;
  secrets: JobSecrets;
  settings: CrmSettings;
  fetch: FetchLike;
  now(): string;
}

/** What the job runner lends a connector for a sync. */
export interface SyncRun extends FetchRun {
  signal?: AbortSignal;
  /** Where the last completed sync ended, and where an interrupted one stopped. */
  checkpoint: string | null;
  cursor: string | null;
  onProgress(done: number, total: number, newStep: boolean): void;
  /** Stores one page of records with its resume point, in one transaction; awaited before the next page. */
  onPage(page: { opportunities: Opportunity[]; deleted: string[]; checkpoint: string | null; cursor: string | null; done: number }): Promise<void>;
}

/** How a sync went, in the terms every CRM shares. */
export interface SyncOutcome {
  mode: 'full' | 'incremental';
  resumed: boolean;
  /** New and changed records of this run. */
  changed: number;
  deleted: number;
  rejected: RejectedRecord[];
  warnings: string[];
  checkpoint: string | null;
  /** The attributes the connector fills, for the field mapping over everything stored. */
  attributes: readonly AttributeColumn[];
  /** After a full sync: closed records before this day are outside the window and go. */
  dropClosedBefore: IsoDate | null;
  /** The org's or portal's name, when the CRM said it. */
  name: string | null;
}

export interface CrmConnector {
  kind: CrmKind;
  /** "Salesforce". */
  label: string;
  /** What one customer's instance is called: an org, a portal. */
  place: 'org' | 'portal';
  /** Its records, as sync summaries name them. */
  nouns: { record: string; records: string; removed: string };
  /** What a panel says on this CRM's pages when it has nothing to show. */
  messages: { notARecord: string; notConnected: string; notSynced: string };
  /** Its hosts: the manifest, content scripts and tab queries are derived from these. */
  hosts: CrmHosts;
  /** `<kind>:<instance id>`: one connection per org or portal, so their data never mixes. */
  connectionId(instanceId: string): string;
  /** What a page URL shows, or null when it is not this CRM's page Dealsight reads. */
  page(url: string, options: HostOptions): CrmPage | null;
  /** A record id as the store keys it, from one a page shows, or null when it is not one of this CRM's ids. */
  recordId(raw: string): string | null;
  /**
   * Where a connection's records open in the CRM (its page origin as remembered from its
   * pages, or its API host), or null when nothing says yet. The linker returns null for an
   * id that is not one of this CRM's.
   */
  recordLinks(settings: CrmSettings): Promise<RecordLinker | null>;
  /** Where a connection's accounts (Salesforce Accounts, HubSpot companies) open in the CRM, by the id opportunities name them with; null as for `recordLinks`. */
  accountLinks(settings: CrmSettings): Promise<RecordLinker | null>;
  /** The state a content script shows for one of this CRM's failures. */
  errorCode(error: unknown): ErrorCode | undefined;
  /** Checks the credentials of a connect request, keeps what the connection needs, and says how to sync it. */
  connect(request: ConnectRequest, env: ConnectorEnv): Promise<Connected | ConnectFailure>;
  /** The connection of the CRM page at `url` in `tab`. */
  pageConnection(url: string, tab: TabInfo, env: ConnectorEnv): Promise<PageConnection>;
  /** How to fetch a record the store lacks for the page at `url` of `connectionId` (its session must be that instance's). */
  pageAccess(url: string, tab: TabInfo, connectionId: string, env: ConnectorEnv): Promise<ApiAccess>;
  /** A sync of a connected instance now, or why it cannot run now. */
  syncRequest(connectionId: string, env: ConnectorEnv): Promise<ApiAccess>;
  /** The secrets of a queued sync whose in-memory secrets died with an earlier service worker. */
  secretsForJob(params: JobParams, env: ConnectorEnv): Promise<JobSecrets | undefined>;
  /** A sync (full, incremental or resumed): pages go through `run.onPage`; the connector keeps its own status. */
  sync(run: SyncRun): Promise<SyncOutcome>;
  /** One record through the API, mapped (stored by the caller). */
  fetchRecord(run: FetchRun, id: string): Promise<Opportunity>;
  /**
   * Undoes at the CRM what connecting did, before the connection is removed (Salesforce:
   * revokes an OAuth refresh token). Throws when the CRM could not be told; a connection
   * with nothing to undo resolves at once.
   */
  disconnect?(settings: CrmSettings, fetch: FetchLike): Promise<void>;
}
