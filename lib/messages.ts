/**
 * The message protocol between the extension's own contexts: one file, types only (plus
 * one guard), so every sender and receiver agree on it (design.md, house rule 2).
 *
 * Names say the direction, as in Dark Reader:
 * - `…ToBackground`: what a page or content script asks the background
 *   (`runtime.sendMessage`); `BackgroundReplies[type]` is the answer.
 * - `…ToOffscreen`: what the background asks the job runner (Chrome's offscreen document;
 *   Firefox runs the runner in the background page itself and calls it directly).
 * - `…FromRunner`: what the job runner reports back (progress, results).
 * - `EventToPage`: what the background pushes to open extension pages over a
 *   `runtime.Port` named `PAGE_EVENTS_PORT`.
 * Only the extension's own contexts may send any of these: the background checks every
 * sender, and the manifest has no `externally_connectable`, so web pages cannot reach it.
 */
import type { JobRecord } from './store/schema';
import type { PanelData } from './panel-data';

/** Asks the background whether it is alive; the popup shows the answer as its status. */
export interface PingToBackground {
  type: 'ping';
}

/** Imports a CSV file a page has put in the store's `uploads` table. */
export interface StartImportToBackground {
  type: 'start-import';
  uploadId: number;
}

/** Loads a generated sandbox org ("Try with sandbox data"). */
export interface StartSandboxToBackground {
  type: 'start-sandbox';
  seed: number;
  opportunities: number;
}

/** Retrains and rescores a connection (after its field mapping changed). */
export interface StartTrainToBackground {
  type: 'start-train';
  connectionId: string;
}

export interface CancelJobToBackground {
  type: 'cancel-job';
  jobId: number;
}

/** The panel data of one record: from the cache, or computed on a miss. */
export interface GetPanelToBackground {
  type: 'get-panel';
  connectionId: string;
  opportunityId: string;
}

/** Deletes every record of every connection, models and jobs included. */
export interface DeleteAllToBackground {
  type: 'delete-all';
}

/**
 * From a CRM content script: the panel data of the record on the sender's page. The
 * background works out the connection from the sender's tab (its CRM host and session),
 * answers from the store, or fetches the record through the CRM's API and scores it.
 */
export interface GetRecordPanelToBackground {
  type: 'get-record-panel';
  /** The page's URL (the content script's `location.href`). */
  url: string;
}

/** From a CRM list view: small scores for the records whose links are on the page. */
export interface GetRecordScoresToBackground {
  type: 'get-record-scores';
  url: string;
  ids: string[];
}

/** From a CRM panel's "Open options" button: content scripts cannot open the options page themselves. */
export interface OpenOptionsToBackground {
  type: 'open-options';
}

/** Extension pages a CRM content script may ask the background to open (entrypoints/background/pages.ts checks the query). */
export type ExtensionPage = 'personas';

/**
 * From a CRM panel's link to an extension page ("Persona details and leads"): a CRM page
 * cannot open `chrome-extension://` pages itself (they are not web-accessible). The
 * background opens only the pages listed in `ExtensionPage`, with only their known
 * query parameters.
 */
export interface OpenExtensionPageToBackground {
  type: 'open-extension-page';
  page: ExtensionPage;
  /** The page's query parameters (`{ c, tab, persona }` for the personas page). */
  query: Record<string, string>;
}

/** Connects (or reconnects) the CRM org of a tab the user has open and starts a sync. */
export interface ConnectCrmToBackground {
  type: 'connect-crm';
  /** The tab whose CRM session to use. */
  tabId: number;
}

/**
 * From the options page's "Sync now" on a connected org: an incremental sync with the
 * session of an open tab of that org (the session is never stored, so a tab must be open).
 */
export interface SyncCrmToBackground {
  type: 'sync-crm';
  connectionId: string;
}

/**
 * From the options page: connect a HubSpot portal with a private app token (checked, then
 * kept in the extension's store) and start its first sync. `tabId`: an open HubSpot tab
 * whose API to use (an e2e build's localhost sandbox); without it, api.hubapi.com.
 */
export interface ConnectHubSpotToBackground {
  type: 'connect-hubspot';
  token: string;
  tabId?: number;
}

/** Every message the background accepts. */
export type MessageToBackground =
  | PingToBackground
  | StartImportToBackground
  | StartSandboxToBackground
  | StartTrainToBackground
  | CancelJobToBackground
  | GetPanelToBackground
  | DeleteAllToBackground
  | GetRecordPanelToBackground
  | GetRecordScoresToBackground
  | ConnectCrmToBackground
  | SyncCrmToBackground
  | ConnectHubSpotToBackground
  | OpenOptionsToBackground
  | OpenExtensionPageToBackground;

/** Failures a page or content script shows as a state of its own, not as a plain error. */
export type ErrorCode =
  | 'not-synced'
  /** No connection for this CRM org yet: connect it in the options page (or from the panel). */
  | 'not-connected'
  /** The page is a CRM record, but not an opportunity or deal. */
  | 'not-an-opportunity'
  /** The CRM session is missing or expired: open the CRM to log in again. */
  | 'session-expired'
  /** The session works but has no API access (profile permission, API access control). */
  | 'no-api-access';

/** A list view's chip for one record. */
export interface RecordChip {
  winPotential: number | null;
  repeatBuyerPotential: number | null;
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
  'delete-all': { ok: true } | ErrorReply;
  'get-record-panel': { ok: true; panel: PanelData } | ErrorReply;
  'get-record-scores': { ok: true; scores: Record<string, RecordChip> } | ErrorReply;
  'connect-crm': { ok: true; connectionId: string; jobId: number } | ErrorReply;
  'sync-crm': { ok: true; jobId: number } | ErrorReply;
  'connect-hubspot': { ok: true; connectionId: string; jobId: number } | ErrorReply;
  'open-options': { ok: true } | ErrorReply;
  'open-extension-page': { ok: true } | ErrorReply;
}

export type BackgroundReply<M extends MessageToBackground> = BackgroundReplies[M['type']];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageToBackground['type']>([
  'ping',
  'start-import',
  'start-sandbox',
  'start-train',
  'cancel-job',
  'get-panel',
  'delete-all',
  'get-record-panel',
  'get-record-scores',
  'connect-crm',
  'sync-crm',
  'connect-hubspot',
  'open-options',
  'open-extension-page',
]);

/** True for a value shaped like a message the background accepts (any other is ignored). */
export function isMessageToBackground(value: unknown): value is MessageToBackground {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}

/** What a job needs but must never be stored (the job log is persisted): a sync's CRM session. */
export interface JobSecrets {
  /** The Salesforce session (`sid` cookie) for a sync job. */
  sid?: string;
}

/** A CRM org's API session, found from the user's logged-in tab; held in memory only. */
export interface CrmSession {
  apiBase: string;
  sid: string;
  orgId: string;
}

/** Background → job runner (offscreen document). `target` keeps them apart from page messages. */
export type MessageToOffscreen =
  | { target: 'offscreen'; type: 'run-job'; jobId: number; secrets?: JobSecrets }
  | { target: 'offscreen'; type: 'cancel-job'; jobId: number }
  | { target: 'offscreen'; type: 'compute-panel'; connectionId: string; opportunityId: string }
  /** A record not in the store yet: fetch it through the CRM's API, store it, score it. */
  | { target: 'offscreen'; type: 'record-panel'; connectionId: string; opportunityId: string; session?: CrmSession };

/** The job runner's answer; `code` is set for the failures a content script shows as a state. */
export type OffscreenReply = { ok: true; value: unknown } | { ok: false; error: string; code?: ErrorCode } | undefined;

/** Job runner → background. */
export type MessageFromRunner =
  | { target: 'background'; type: 'job-update'; job: JobRecord }
  | { target: 'background'; type: 'panel'; connectionId: string; opportunityId: string; panel: PanelData | null; error: string | null };

/** Background → open extension pages, over the `PAGE_EVENTS_PORT` port. */
export type EventToPage =
  | { type: 'job'; job: JobRecord }
  | { type: 'data-changed'; connectionId: string | null };

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
