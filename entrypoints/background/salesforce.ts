/**
 * The background's Salesforce handlers: connect an org from a tab, answer a content
 * script's record panel and list chips, and the daily incremental sync. Browser APIs come
 * in through `SalesforceDeps` (index.ts passes the real ones; tests pass fakes).
 *
 * The session (`sid`) is read from the cookie jar when needed and handed to the runner in
 * memory; it is never stored (issue 5, "Connection").
 */
import { findSession, parseSalesforceUrl, toId18, type HostOptions, type SessionResult } from '../../lib/crm/salesforce';
import { SALESFORCE_ORIGINS_SETTING } from '../../lib/crm/salesforce/record-links';
import { CodedError, salesforceConnectionId, type SalesforceSession } from '../../lib/jobs/salesforce';
import type { JobSecrets } from '../../lib/jobs/runner';
import type { ErrorReply, RecordChip } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { DealsightDb } from '../../lib/store/db';
import { getConnection, getModel, getOpportunity, getScores, getSetting, listConnections, setSetting } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';

/** Tab URL patterns of Salesforce pages (the manifest's host permissions). */
export const SALESFORCE_TAB_PATTERNS = ['https://*.salesforce.com/*', 'https://*.force.com/*', 'https://*.visualforce.com/*', 'https://*.my.site.com/*'];
export const LOCAL_TAB_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'];

export interface TabInfo {
  id?: number;
  url?: string;
  /** Firefox containers; Chrome's tabs share the default store. */
  cookieStoreId?: string;
}

export interface SalesforceDeps {
  db: DealsightDb;
  hostOptions: HostOptions;
  getTab(tabId: number): Promise<TabInfo | undefined>;
  /** Open tabs on Salesforce hosts. */
  salesforceTabs(): Promise<TabInfo[]>;
  getCookie(url: string, name: string, storeId: string | undefined): Promise<string | null>;
  enqueue(kind: JobRecord['kind'], connectionId: string, params: JobRecord['params'], secrets?: JobSecrets): Promise<number>;
  /** A job the alarm did not run, in the job log with the reason. */
  logSkipped(kind: JobRecord['kind'], connectionId: string, reason: string): Promise<void>;
  /** The existing get-panel path: the cache, or the runner on a miss. */
  panel(connectionId: string, opportunityId: string): Promise<PanelData>;
  recordPanel(connectionId: string, opportunityId: string, session: SalesforceSession): Promise<PanelData>;
}

export const SALESFORCE_MESSAGES = {
  notConnected: 'This Salesforce org is not connected to Dealsight yet. Connect it in the options page.',
  notSynced: 'This Salesforce org has not finished its first sync yet. Wait for it, or sync again in the options page.',
  notAnOpportunity: 'This page is not an opportunity record.',
  wrongOrigin: 'The record address is not on the page it came from.',
  noTab: 'Only a page in a browser tab can ask for record data.',
} as const;

function session(deps: SalesforceDeps, url: string, storeId: string | undefined): Promise<SessionResult> {
  return findSession(url, (u, name) => deps.getCookie(u, name, storeId), deps.hostOptions);
}

function sessionError(result: Extract<SessionResult, { ok: false }>): ErrorReply {
  return result.state === 'not-salesforce' ? { ok: false, error: result.message } : { ok: false, code: 'session-expired', error: result.message };
}

async function rememberOrigin(deps: SalesforceDeps, origin: string, connectionId: string): Promise<void> {
  const map = await getSetting<Record<string, string>>(deps.db, SALESFORCE_ORIGINS_SETTING, {});
  if (map[origin] === connectionId) return;
  await setSetting(deps.db, SALESFORCE_ORIGINS_SETTING, { ...map, [origin]: connectionId });
}

/** 'connect-crm': the org of the tab's session, connected (or reconnected) and synced. */
export async function connectCrm(deps: SalesforceDeps, tabId: number): Promise<{ ok: true; connectionId: string; jobId: number } | ErrorReply> {
  const tab = await deps.getTab(tabId);
  if (!tab?.url) return { ok: false, error: 'That tab is closed, or Dealsight may not read its address. Open Salesforce in a tab and try again.' };
  const found = await session(deps, tab.url, tab.cookieStoreId);
  if (!found.ok) return sessionError(found);
  const connectionId = salesforceConnectionId(found.orgId);
  await rememberOrigin(deps, new URL(tab.url).origin, connectionId);
  const jobId = await deps.enqueue('sync', connectionId, { apiBase: found.apiBase, orgId: found.orgId }, { sid: found.sid });
  return { ok: true, connectionId, jobId };
}

interface Resolved {
  connectionId: string | null;
  session: SessionResult | null;
}

/** The connection of the sender tab's org: from the remembered origin, else from its session's org id. */
async function resolve(deps: SalesforceDeps, tab: TabInfo & { url: string }): Promise<Resolved> {
  const origin = new URL(tab.url).origin;
  const map = await getSetting<Record<string, string>>(deps.db, SALESFORCE_ORIGINS_SETTING, {});
  const known = map[origin];
  if (known && (await getConnection(deps.db, known))) return { connectionId: known, session: null };
  const found = await session(deps, tab.url, tab.cookieStoreId);
  if (!found.ok) return { connectionId: null, session: found };
  const id = salesforceConnectionId(found.orgId);
  if (!(await getConnection(deps.db, id))) return { connectionId: null, session: found };
  await rememberOrigin(deps, origin, id);
  return { connectionId: id, session: found };
}

/** The sender's tab, when `url` is on its origin: a content script may only ask about its own page. */
function senderTab(url: string, tab: TabInfo | undefined): (TabInfo & { url: string }) | ErrorReply {
  if (!tab?.url) return { ok: false, error: SALESFORCE_MESSAGES.noTab };
  let same = false;
  try {
    same = new URL(url).origin === new URL(tab.url).origin;
  } catch {
    same = false;
  }
  return same ? { ...tab, url: tab.url } : { ok: false, error: SALESFORCE_MESSAGES.wrongOrigin };
}

/** 'get-record-panel': the store's panel, or the record fetched through the API and scored. */
export async function getRecordPanel(deps: SalesforceDeps, url: string, tab: TabInfo | undefined): Promise<{ ok: true; panel: PanelData } | ErrorReply> {
  const sender = senderTab(url, tab);
  if ('ok' in sender) return sender;
  const page = parseSalesforceUrl(url, deps.hostOptions);
  if (page.kind !== 'record' || page.object !== 'Opportunity') return { ok: false, code: 'not-an-opportunity', error: SALESFORCE_MESSAGES.notAnOpportunity };
  const { connectionId, session: found } = await resolve(deps, sender);
  if (connectionId === null) {
    // Logged out of an org that is connected cannot be told apart from one never connected without its id.
    return { ok: false, code: 'not-connected', error: SALESFORCE_MESSAGES.notConnected };
  }
  if (!(await getModel(deps.db, connectionId))) return { ok: false, code: 'not-synced', error: SALESFORCE_MESSAGES.notSynced };
  if (await getOpportunity(deps.db, connectionId, page.id18)) return { ok: true, panel: await deps.panel(connectionId, page.id18) };

  const live = found ?? (await session(deps, sender.url, sender.cookieStoreId));
  if (!live.ok) return sessionError(live);
  if (salesforceConnectionId(live.orgId) !== connectionId) return { ok: false, code: 'session-expired', error: 'The Salesforce session of this page belongs to another org. Open Salesforce to reconnect.' };
  try {
    return { ok: true, panel: await deps.recordPanel(connectionId, page.id18, { apiBase: live.apiBase, sid: live.sid, orgId: live.orgId }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof CodedError ? { ok: false, code: error.code, error: message } : { ok: false, error: message };
  }
}

/** 'get-record-scores': chips for the ids the store has scores for; unknown ids are left out. */
export async function getRecordScores(
  deps: SalesforceDeps,
  url: string,
  ids: readonly string[],
  tab: TabInfo | undefined,
): Promise<{ ok: true; scores: Record<string, RecordChip> } | ErrorReply> {
  const sender = senderTab(url, tab);
  if ('ok' in sender) return sender;
  const { connectionId } = await resolve(deps, sender);
  if (connectionId === null) return { ok: false, code: 'not-connected', error: SALESFORCE_MESSAGES.notConnected };
  // Chips are asked by the id in the page's links, 15 or 18 characters: answer under the id asked.
  const asked = new Map<string, string[]>();
  for (const raw of ids.slice(0, 2000)) {
    const id18 = typeof raw === 'string' ? toId18(raw) : null;
    if (id18 !== null) asked.set(id18, [...(asked.get(id18) ?? []), raw]);
  }
  const scores: Record<string, RecordChip> = {};
  for (const row of await getScores(deps.db, connectionId, [...asked.keys()])) {
    for (const raw of asked.get(row.id) ?? []) scores[raw] = { winPotential: row.winPotential, repeatBuyerPotential: row.repeatBuyerPotential };
  }
  return { ok: true, scores };
}

/** The session of a queued sync whose in-memory secret died with an earlier service worker: read again from an open tab of its org. */
export async function sessionForJob(deps: SalesforceDeps, job: JobRecord): Promise<JobSecrets | undefined> {
  const { apiBase, orgId } = job.params;
  if (typeof apiBase !== 'string' || typeof orgId !== 'string') return undefined;
  for (const tab of await deps.salesforceTabs()) {
    if (!tab.url) continue;
    const found = await session(deps, tab.url, tab.cookieStoreId);
    if (found.ok && found.orgId === orgId && found.apiBase === apiBase) return { sid: found.sid };
  }
  return undefined;
}

/** The live sessions of the open Salesforce tabs, by connection id (one per org). */
async function liveSessions(deps: SalesforceDeps): Promise<Map<string, SalesforceSession>> {
  const live = new Map<string, SalesforceSession>();
  for (const tab of await deps.salesforceTabs()) {
    if (!tab.url) continue;
    const found = await session(deps, tab.url, tab.cookieStoreId);
    if (found.ok) live.set(salesforceConnectionId(found.orgId), { apiBase: found.apiBase, sid: found.sid, orgId: found.orgId });
  }
  return live;
}

export const NO_SESSION_FOR_SYNC = 'Open this Salesforce org in a tab and log in, then sync again: Dealsight syncs with your Salesforce session, which it never stores.';

/** 'sync-crm': a sync of a connected org now, with the session of one of its open tabs. */
export async function syncCrm(deps: SalesforceDeps, connectionId: string): Promise<{ ok: true; jobId: number } | ErrorReply> {
  const connection = await getConnection(deps.db, connectionId);
  if (!connection || connection.kind !== 'salesforce') return { ok: false, error: `There is no connected Salesforce org ${connectionId}.` };
  const live = (await liveSessions(deps)).get(connectionId);
  if (!live) return { ok: false, code: 'session-expired', error: NO_SESSION_FOR_SYNC };
  return { ok: true, jobId: await deps.enqueue('sync', connectionId, { apiBase: live.apiBase, orgId: live.orgId }, { sid: live.sid }) };
}

export const NO_TAB_REASON = 'Skipped the daily Salesforce sync: it needs your Salesforce session, and no Salesforce tab of this org was open. Open Salesforce, or sync from the options page.';

/** The daily alarm: an incremental sync per connected org that has a live session in an open tab. */
export async function dailySalesforceSync(deps: SalesforceDeps): Promise<void> {
  const orgs = (await listConnections(deps.db)).filter((c) => c.kind === 'salesforce');
  if (orgs.length === 0) return;
  const live = await liveSessions(deps);
  for (const org of orgs) {
    const s = live.get(org.id);
    if (s) await deps.enqueue('sync', org.id, { apiBase: s.apiBase, orgId: s.orgId }, { sid: s.sid });
    else await deps.logSkipped('sync', org.id, NO_TAB_REASON);
  }
}
