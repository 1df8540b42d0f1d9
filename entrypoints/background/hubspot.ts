/**
 * The background's HubSpot handlers (issue 6): connect a portal with a private app token
 * from the options page, answer the deal pages' content script (panel, board and list
 * chips) from the store, and fetch a deal the store does not hold through the API. A
 * HubSpot page's URL names its portal, so the connection is found without a session.
 */
import { apiBaseFor, DEFAULT_API_BASE, isHubSpotError, parseHubSpotUrl, type HostOptions } from '../../lib/crm/hubspot';
import { connectPortal, getHubSpotCredentials, hubspotCodeOf, hubspotConnectionId } from '../../lib/jobs/hubspot';
import type { ErrorReply, RecordChip } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { DealsightDb } from '../../lib/store/db';
import { getConnection, getModel, getOpportunity, getScores } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';
import type { FetchLike } from '../../lib/crm/shared/fetch';
import type { TabInfo } from './salesforce';

export interface HubSpotDeps {
  db: DealsightDb;
  hostOptions: HostOptions;
  fetch: FetchLike;
  now(): string;
  getTab(tabId: number): Promise<TabInfo | undefined>;
  enqueue(kind: JobRecord['kind'], connectionId: string, params: JobRecord['params']): Promise<number>;
  panel(connectionId: string, opportunityId: string): Promise<PanelData>;
  /** A deal the store does not hold: fetched with the portal's stored token, stored and scored. */
  recordPanel(connectionId: string, opportunityId: string): Promise<PanelData>;
}

export const HUBSPOT_MESSAGES = {
  notConnected: 'This HubSpot portal is not connected to Dealsight yet. Paste a private app token in the options page.',
  notSynced: 'This HubSpot portal has not finished its first sync yet. Wait for it, or sync again in the options page.',
  notADeal: 'This page is not a deal record.',
  wrongOrigin: 'The record address is not on the page it came from.',
  noTab: 'Only a page in a browser tab can ask for record data.',
  noToken: 'Paste the private app access token from HubSpot (Settings › Integrations › Private Apps).',
} as const;

/** True for a URL on a HubSpot page (the app hosts, or a HubSpot-shaped path on localhost in e2e builds). */
export function isHubSpotPage(url: string, hostOptions: HostOptions): boolean {
  return parseHubSpotUrl(url, hostOptions).kind !== 'other';
}

function errorReply(error: unknown): ErrorReply {
  const message = error instanceof Error ? error.message : String(error);
  const code = hubspotCodeOf(error);
  return code ? { ok: false, code, error: message } : { ok: false, error: message };
}

/**
 * 'connect-hubspot': checks the token (and every scope) against the portal, keeps it, and
 * starts the first sync. The API is api.hubapi.com, or, for an e2e build's localhost
 * sandbox tab, that page's own origin (design.md's e2e contract).
 */
export async function connectHubSpotPortal(deps: HubSpotDeps, token: string, tabId: number | undefined): Promise<{ ok: true; connectionId: string; jobId: number } | ErrorReply> {
  if (typeof token !== 'string' || token.trim() === '') return { ok: false, error: HUBSPOT_MESSAGES.noToken };
  if (token.length > 4096 || /\s/.test(token.trim())) return { ok: false, error: 'That is not a HubSpot access token: it has spaces or is far too long. Copy it again from the private app in HubSpot.' };
  let apiBase = DEFAULT_API_BASE;
  let knownPortalId: string | undefined;
  if (tabId !== undefined) {
    const tab = await deps.getTab(tabId);
    const base = tab?.url ? apiBaseFor(tab.url, deps.hostOptions) : null;
    if (!tab?.url || !base) return { ok: false, error: 'That tab is not a HubSpot page (or it was closed). Open HubSpot in a tab and try again.' };
    apiBase = base;
    // The page's URL names its portal: the fallback when the API serves no account details.
    const page = parseHubSpotUrl(tab.url, deps.hostOptions);
    if (page.kind !== 'other') knownPortalId = page.portalId;
  }
  try {
    const { connectionId } = await connectPortal(deps, token, apiBase, knownPortalId);
    const jobId = await deps.enqueue('sync', connectionId, { apiBase, portalId: connectionId.slice('hubspot:'.length) });
    return { ok: true, connectionId, jobId };
  } catch (error) {
    if (isHubSpotError(error)) return errorReply(error);
    return { ok: false, error: `HubSpot could not be reached: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** 'sync-crm' for a HubSpot connection: a sync with the stored token. */
export async function syncHubSpotPortal(deps: HubSpotDeps, connectionId: string): Promise<{ ok: true; jobId: number } | ErrorReply> {
  const credentials = await getHubSpotCredentials(deps.db, connectionId);
  if (!credentials) return { ok: false, code: 'session-expired', error: HUBSPOT_MESSAGES.noToken };
  return { ok: true, jobId: await deps.enqueue('sync', connectionId, { apiBase: credentials.apiBase, portalId: credentials.portalId }) };
}

/** The sender's tab, when `url` is on its origin: a content script may only ask about its own page. */
function sameOrigin(url: string, tab: TabInfo | undefined): ErrorReply | null {
  if (!tab?.url) return { ok: false, error: HUBSPOT_MESSAGES.noTab };
  try {
    return new URL(url).origin === new URL(tab.url).origin ? null : { ok: false, error: HUBSPOT_MESSAGES.wrongOrigin };
  } catch {
    return { ok: false, error: HUBSPOT_MESSAGES.wrongOrigin };
  }
}

/** 'get-record-panel' on a HubSpot deal page: the store's panel, or the deal fetched and scored. */
export async function getDealPanel(deps: HubSpotDeps, url: string, tab: TabInfo | undefined): Promise<{ ok: true; panel: PanelData } | ErrorReply> {
  const refused = sameOrigin(url, tab);
  if (refused) return refused;
  const page = parseHubSpotUrl(url, deps.hostOptions);
  if (page.kind !== 'deal') return { ok: false, code: 'not-an-opportunity', error: HUBSPOT_MESSAGES.notADeal };
  const connectionId = hubspotConnectionId(page.portalId);
  if (!(await getConnection(deps.db, connectionId)) && !(await getHubSpotCredentials(deps.db, connectionId))) {
    return { ok: false, code: 'not-connected', error: HUBSPOT_MESSAGES.notConnected };
  }
  if (!(await getModel(deps.db, connectionId))) return { ok: false, code: 'not-synced', error: HUBSPOT_MESSAGES.notSynced };
  try {
    if (await getOpportunity(deps.db, connectionId, page.dealId)) return { ok: true, panel: await deps.panel(connectionId, page.dealId) };
    return { ok: true, panel: await deps.recordPanel(connectionId, page.dealId) };
  } catch (error) {
    return errorReply(error);
  }
}

/** 'get-record-scores' on a HubSpot board or list: chips for the deal ids the store has scores for. */
export async function getDealScores(deps: HubSpotDeps, url: string, ids: readonly string[], tab: TabInfo | undefined): Promise<{ ok: true; scores: Record<string, RecordChip> } | ErrorReply> {
  const refused = sameOrigin(url, tab);
  if (refused) return refused;
  const page = parseHubSpotUrl(url, deps.hostOptions);
  if (page.kind === 'other') return { ok: false, error: HUBSPOT_MESSAGES.notADeal };
  const connectionId = hubspotConnectionId(page.portalId);
  if (!(await getConnection(deps.db, connectionId))) return { ok: false, code: 'not-connected', error: HUBSPOT_MESSAGES.notConnected };
  const wanted = [...new Set(ids.slice(0, 2000).filter((id): id is string => typeof id === 'string' && /^\d{1,20}$/.test(id)))];
  const scores: Record<string, RecordChip> = {};
  for (const row of await getScores(deps.db, connectionId, wanted)) scores[row.id] = { winPotential: row.winPotential, repeatBuyerPotential: row.repeatBuyerPotential };
  return { ok: true, scores };
}
