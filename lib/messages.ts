/**
 * The message protocol between the extension's own contexts: one file, types only (plus
 * the guards and bounds every receiver applies), so every sender and receiver agree on it
 * (design.md, house rule 2).
 *
 * Names say the direction, as in Dark Reader, and each kind of sender has its own union:
 * the background trusts each only as far as it must (entrypoints/background/senders.ts
 * tells them apart; ARCHITECTURE.md has the table).
 * - `ContentMessage`: what a CRM content script may ask: the panel and chips of the page
 *   it runs on, and to open the options or one listed extension page. Content scripts run
 *   beside pages Dealsight does not control, so they get nothing else.
 * - `PageMessage`: what the extension's own pages (popup, options, personas, quality,
 *   detail) ask: jobs, connections, any connection's panel, deleting everything.
 * - `RunnerMessage`: what the job runner (Chrome's offscreen document) reports: job
 *   progress. Firefox runs the runner in the background page itself and calls it directly.
 * - `MessageToRunner`: what the background asks the runner.
 * - `EventToPage`: what the background pushes to open extension pages over a
 *   `runtime.Port` named `PAGE_EVENTS_PORT`; `EventToContent`: to CRM tabs.
 * Web pages cannot reach any of these: the manifest has no `externally_connectable`.
 */
import type { CrmKind, ErrorCode, JobParams, JobSecrets, OAuthConnect } from './crm/connector';
import type { JobRecord } from './store/schema';
import type { PanelData } from './panel-data';
import type { AccountPanelData } from './pipeline/account-panel';
import type { HealthLevel } from './engine/health/health';
import type { Dictionary } from './i18n/types';

export type { ErrorCode, JobSecrets };

// ─── Content script → background ────────────────────────────────────────────────────────

/**
 * The panel data of the record on the sender's page. The background works out the
 * connection from the sender's tab (its CRM host, session or URL), answers from the store,
 * or fetches the record through the CRM's API and scores it.
 */
export interface GetRecordPanelMessage {
  type: 'get-record-panel';
  /** The page's URL (the content script's `location.href`); it must be the sender's own page. */
  url: string;
  /**
   * The URL the tab's CRM instance is pinned to (components/overlay/url-pin.ts): the
   * address the document was loaded at, which the page's own `history.pushState` cannot
   * change, or, when that names no instance, the first URL the page showed that does. A CRM
   * whose URLs name the instance (a HubSpot portal) answers the tab for that instance only.
   * Checked against the sender's origin; at most 4,096 characters.
   */
  pinnedUrl?: string;
}

/**
 * The account panel of the Salesforce Account or HubSpot company page the sender is on:
 * the account's opportunities in the store, rolled up. Guarded as `get-record-panel`: the
 * URL must be the sender's own page, the connection comes from the page.
 */
export interface GetAccountPanelMessage {
  type: 'get-account-panel';
  url: string;
  /** As in GetRecordPanelMessage. */
  pinnedUrl?: string;
}

/** From a CRM list or board: small scores for the records whose links are on the page. */
export interface GetRecordScoresMessage {
  type: 'get-record-scores';
  url: string;
  ids: string[];
  /** As in GetRecordPanelMessage. */
  pinnedUrl?: string;
}

/** From a panel's "Open options" button: content scripts cannot open the options page themselves. */
export interface OpenOptionsMessage {
  type: 'open-options';
}

/** Extension pages a CRM content script may ask the background to open (entrypoints/background/pages.ts checks the query). */
export type ExtensionPage = 'personas';

/**
 * From a panel's link to an extension page ("Persona details and leads"): a CRM page
 * cannot open `chrome-extension://` pages itself (they are not web-accessible). The
 * background opens only the pages listed in `ExtensionPage`, with only their known
 * query parameters.
 */
export interface OpenExtensionPageMessage {
  type: 'open-extension-page';
  page: ExtensionPage;
  /** The page's query parameters (`{ c, tab, persona }` for the personas page). */
  query: Record<string, string>;
}

/**
 * The panels' and overlay's messages in a language other than English (lib/i18n/index.ts,
 * CONTENT_AREAS): a content script carries English only, within its 60 KB budget, and asks
 * for German once as it starts, before it shows anything.
 */
export interface GetMessagesMessage {
  type: 'get-messages';
  /** A language of lib/i18n/language.ts LANGUAGES; anything else is answered with an error. */
  language: string;
}

export type ContentMessage =
  GetRecordPanelMessage | GetAccountPanelMessage | GetRecordScoresMessage | OpenOptionsMessage | OpenExtensionPageMessage | GetMessagesMessage;

// ─── Extension page → background ────────────────────────────────────────────────────────

/** Asks the background whether it is alive; the popup shows the answer as its status. */
export interface PingMessage {
  type: 'ping';
}

/** Imports a CSV file a page has put in the store's `uploads` table. */
export interface StartImportMessage {
  type: 'start-import';
  uploadId: number;
}

/** Loads a generated sandbox org ("Try with sandbox data"); `SANDBOX_BOUNDS` bounds both numbers. */
export interface StartSandboxMessage {
  type: 'start-sandbox';
  seed: number;
  opportunities: number;
}

/** Retrains and rescores a connection (after its field mapping changed). */
export interface StartTrainMessage {
  type: 'start-train';
  connectionId: string;
}

export interface CancelJobMessage {
  type: 'cancel-job';
  jobId: number;
}

/** The panel data of any record of any connection: from the cache, or computed on a miss. */
export interface GetPanelMessage {
  type: 'get-panel';
  connectionId: string;
  opportunityId: string;
}

/** The account panel of any account of any connection (the detail page's account view); `accountId` at most `MAX_ACCOUNT_ID` characters. */
export interface GetAccountMessage {
  type: 'get-account';
  connectionId: string;
  accountId: string;
}

/** Deletes every record of every connection, models and jobs included. */
export interface DeleteAllMessage {
  type: 'delete-all';
}

/**
 * Connects (or reconnects) a CRM instance and starts its first sync: with the session of
 * an open tab (`tabId`: Salesforce), a token (HubSpot; `tabId` then names an e2e build's
 * localhost sandbox whose API to use), or an OAuth sign-in (`oauth`: Salesforce, the app's
 * consumer key and where to sign in; the background opens the browser's auth window).
 */
export interface ConnectCrmMessage {
  type: 'connect-crm';
  crm: CrmKind;
  tabId?: number;
  token?: string;
  oauth?: OAuthConnect;
}

/** "Sync now" on a connected CRM instance (a Salesforce org needs an open tab for its session). */
export interface SyncCrmMessage {
  type: 'sync-crm';
  connectionId: string;
}

export type PageMessage =
  | PingMessage
  | StartImportMessage
  | StartSandboxMessage
  | StartTrainMessage
  | CancelJobMessage
  | GetPanelMessage
  | GetAccountMessage
  | DeleteAllMessage
  | ConnectCrmMessage
  | SyncCrmMessage
  | OpenOptionsMessage;

/** Everything a page or content script may send the background (each sender kind only its own). */
export type MessageToBackground = ContentMessage | PageMessage;

/** A list view's chip for one record. */
export interface RecordChip {
  winPotential: number | null;
  repeatBuyerPotential: number | null;
  /** The deal's health (issue 16), null when it has none; absent from older answers. */
  health?: HealthLevel | null;
}

/** A failure the sender can show: what went wrong, in a sentence, and a code for the known states. */
export interface ErrorReply {
  ok: false;
  error: string;
  code?: ErrorCode;
}

/** The background's answer to each message type. */
export interface BackgroundReplies {
  ping: { ok: true; version: string };
  'start-import': { ok: true; jobId: number } | ErrorReply;
  'start-sandbox': { ok: true; jobId: number } | ErrorReply;
  'start-train': { ok: true; jobId: number } | ErrorReply;
  'cancel-job': { ok: true } | ErrorReply;
  'get-panel': { ok: true; panel: PanelData } | ErrorReply;
  'get-account': { ok: true; account: AccountPanelData } | ErrorReply;
  'get-account-panel': { ok: true; account: AccountPanelData } | ErrorReply;
  'delete-all': { ok: true } | ErrorReply;
  'get-record-panel': { ok: true; panel: PanelData } | ErrorReply;
  'get-record-scores': { ok: true; scores: Record<string, RecordChip> } | ErrorReply;
  /** `origins`: host permissions the options page asks for in the next click before connecting again (a HubSpot portal in another hublet). */
  'connect-crm': { ok: true; connectionId: string; jobId: number } | (ErrorReply & { origins?: string[] });
  'sync-crm': { ok: true; jobId: number } | ErrorReply;
  'open-options': { ok: true } | ErrorReply;
  'open-extension-page': { ok: true } | ErrorReply;
  'get-messages': { ok: true; messages: Dictionary } | ErrorReply;
}

export type BackgroundReply<M extends MessageToBackground> = BackgroundReplies[M['type']];

/** Each sender kind's message types, as data: what the background checks a message against. */
export const CONTENT_MESSAGE_TYPES = [
  'get-record-panel',
  'get-account-panel',
  'get-record-scores',
  'open-options',
  'open-extension-page',
  'get-messages',
] as const satisfies ReadonlyArray<ContentMessage['type']>;
export const PAGE_MESSAGE_TYPES = [
  'ping',
  'start-import',
  'start-sandbox',
  'start-train',
  'cancel-job',
  'get-panel',
  'get-account',
  'delete-all',
  'connect-crm',
  'sync-crm',
  'open-options',
] as const satisfies ReadonlyArray<PageMessage['type']>;

/** True for a value shaped like a message some sender may send the background (any other is ignored). */
export function isMessageToBackground(value: unknown): value is MessageToBackground {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && ((CONTENT_MESSAGE_TYPES as readonly string[]).includes(type) || (PAGE_MESSAGE_TYPES as readonly string[]).includes(type));
}

/**
 * What "Try with sandbox data" may ask for: a seed the options page accepts and at most
 * the largest org it offers (a bigger one would only hold the job queue and the memory).
 */
export const SANDBOX_BOUNDS = { seed: { min: 0, max: 2 ** 31 - 1 }, opportunities: { min: 100, max: 50_000 } } as const;

// ─── Background ↔ job runner ────────────────────────────────────────────────────────────

/** How the runner reaches a CRM's API for one job or record: params the job log may keep, secrets it may not. */
export interface ApiAccessForRunner {
  params: JobParams;
  secrets?: JobSecrets;
}

/** Background → job runner (offscreen document). `target` keeps them apart from other messages. */
export type MessageToRunner =
  | { target: 'offscreen'; type: 'run-job'; jobId: number; secrets?: JobSecrets }
  | { target: 'offscreen'; type: 'cancel-job'; jobId: number }
  | { target: 'offscreen'; type: 'compute-panel'; connectionId: string; opportunityId: string }
  /** A record not in the store yet: fetch it through the CRM's API, store it, score it. */
  | { target: 'offscreen'; type: 'record-panel'; connectionId: string; opportunityId: string; access: ApiAccessForRunner };

/** The job runner's answer; `code` is set for the failures a content script shows as a state. */
export type RunnerReply = { ok: true; value: unknown } | { ok: false; error: string; code?: ErrorCode } | undefined;

/** Job runner → background: a job's progress and end. */
export type RunnerMessage = { target: 'background'; type: 'job-update'; job: JobRecord };

export function isRunnerMessage(value: unknown): value is RunnerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RunnerMessage>;
  return v.target === 'background' && v.type === 'job-update' && typeof v.job === 'object' && v.job !== null;
}

// ─── Background → pages and content scripts ─────────────────────────────────────────────

/** Background → open extension pages, over the `PAGE_EVENTS_PORT` port. */
export type EventToPage = { type: 'job'; job: JobRecord } | { type: 'data-changed'; connectionId: string | null };

export const PAGE_EVENTS_PORT = 'dealsight:events';

/**
 * Background → CRM content scripts (tabs.sendMessage): the store changed (a sync or
 * training finished, data was deleted), so a shown panel or chips should ask again.
 */
export interface EventToContent {
  target: 'content';
  type: 'data-changed';
  connectionId: string | null;
}

export function isEventToContent(value: unknown): value is EventToContent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<EventToContent>;
  return v.target === 'content' && v.type === 'data-changed' && (v.connectionId === null || typeof v.connectionId === 'string');
}
