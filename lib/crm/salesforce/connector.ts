/**
 * Salesforce as a CRM connector (lib/crm/connector.ts): an org is connected with the
 * user's own browser session, found in the cookie jar the way Salesforce Inspector does
 * (session.ts), and synced through the REST API. The session (`sid`) is read when needed
 * and handed to the runner in memory; it is never stored (issue 5, "Connection").
 */
import type {
  ApiAccess,
  Connected,
  CrmConnector,
  CrmSettings,
  ConnectorEnv,
  ErrorCode,
  Failure,
  FetchRun,
  JobParams,
  JobSecrets,
  PageConnection,
  SyncOutcome,
  SyncRun,
  TabInfo,
} from '../connector';
import { CodedError } from '../shared/coded-error';
import type { Opportunity } from '../opportunity';
import { SalesforceClient } from './client';
import { isSalesforceError } from './errors';
import type { CustomFieldInput } from './fields';
import { SALESFORCE_HOSTS } from './hosts';
import { toId18 } from './ids';
import type { ApiLimits } from './limits';
import { parseSalesforceUrl } from './pages';
import { preferredOrigin, salesforceRecordUrl } from './record-links';
import { findSession, type SessionResult } from './session';
import type { SalesforceStatus } from './status';
import { fetchOpportunities, prepareSalesforce, syncSalesforce, type SalesforceContext } from './sync';

/** A Salesforce org's API session, found from the user's logged-in tab; held in memory only. */
export interface SalesforceSession {
  apiBase: string;
  sid: string;
  orgId: string;
}

export const SALESFORCE_MESSAGES = {
  notConnected: 'This Salesforce org is not connected to Dealsight yet. Connect it in the options page.',
  notSynced: 'This Salesforce org has not finished its first sync yet. Wait for it, or sync again in the options page.',
  notAnOpportunity: 'This page is not an opportunity record.',
  otherOrg: 'The Salesforce session of this page belongs to another org. Open Salesforce to reconnect.',
  noSessionForSync: 'Open this Salesforce org in a tab and log in, then sync again: Dealsight syncs with your Salesforce session, which it never stores.',
  noSessionForJob: 'The Salesforce session is not available to this job (the browser restarted since it was queued). Open Salesforce to reconnect.',
  closedTab: 'That tab is closed, or Dealsight may not read its address. Open Salesforce in a tab and try again.',
} as const;

/** `salesforce:<orgId>`: one connection per org, so each org's data is kept apart. */
export function salesforceConnectionId(orgId: string): string {
  return `salesforce:${orgId}`;
}

/** The state a content script shows for a Salesforce failure: the session's and API access's. */
export function salesforceCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof CodedError) return error.code;
  if (isSalesforceError(error) && (error.state === 'session-expired' || error.state === 'no-api-access')) return error.state;
  return undefined;
}

function session(env: Pick<ConnectorEnv, 'getCookie' | 'hostOptions'>, url: string, storeId: string | undefined): Promise<SessionResult> {
  return findSession(url, (u, name) => env.getCookie(u, name, storeId), env.hostOptions);
}

function sessionFailure(result: Extract<SessionResult, { ok: false }>): Failure {
  return result.state === 'not-salesforce' ? { ok: false, error: result.message } : { ok: false, code: 'session-expired', error: result.message };
}

/** Remembers that `origin` shows the org of `connectionId` (links to its records open there). */
async function rememberOrigin(settings: CrmSettings, origin: string): Promise<void> {
  const known = await settings.get('salesforce.origins');
  if (!known.includes(origin)) await settings.set('salesforce.origins', [...known, origin]);
}

/** The live sessions of the open Salesforce tabs, by connection id (one per org). */
async function liveSessions(env: ConnectorEnv): Promise<Map<string, SalesforceSession>> {
  const live = new Map<string, SalesforceSession>();
  for (const tab of await env.tabs()) {
    if (!tab.url) continue;
    const found = await session(env, tab.url, tab.cookieStoreId);
    if (found.ok) live.set(salesforceConnectionId(found.orgId), { apiBase: found.apiBase, sid: found.sid, orgId: found.orgId });
  }
  return live;
}

function sessionOf(params: JobParams, secrets: JobSecrets): SalesforceSession {
  const { apiBase, orgId } = params;
  if (typeof apiBase !== 'string' || typeof orgId !== 'string') throw new Error('the job names no Salesforce org (apiBase, orgId)');
  if (!secrets.sid) throw new CodedError(SALESFORCE_MESSAGES.noSessionForJob, 'session-expired');
  return { apiBase, orgId, sid: secrets.sid };
}

async function recordStatus(
  settings: CrmSettings,
  now: string,
  session: Pick<SalesforceSession, 'apiBase' | 'orgId'>,
  patch: Partial<SalesforceStatus>,
): Promise<void> {
  const previous = await settings.get('salesforce.status');
  await settings.set('salesforce.status', {
    apiBase: session.apiBase,
    orgId: session.orgId,
    orgName: previous?.orgName ?? null,
    apiVersion: previous?.apiVersion ?? null,
    limits: previous?.limits ?? null,
    state: 'ok',
    message: null,
    ...patch,
    checkedAt: now,
  });
}

/** Records a failure's state for the options page, then rethrows it. */
async function failed(
  settings: CrmSettings,
  now: string,
  session: Pick<SalesforceSession, 'apiBase' | 'orgId'>,
  error: unknown,
  limits: ApiLimits | null,
): Promise<never> {
  const code = salesforceCodeOf(error);
  const state = code === 'session-expired' || code === 'no-api-access' ? code : 'error';
  await recordStatus(settings, now, session, { state, message: error instanceof Error ? error.message : String(error), ...(limits ? { limits } : {}) }).catch(
    () => undefined,
  );
  throw error;
}

/** Contexts of recent on-demand fetches, per API host: describe and stages cost several calls. */
const contexts = new Map<string, { at: number; context: SalesforceContext }>();
const CONTEXT_TTL_MS = 10 * 60_000;

export const salesforceConnector: CrmConnector = {
  kind: 'salesforce',
  label: 'Salesforce',
  place: 'org',
  nouns: { record: 'opportunity', records: 'opportunities', removed: 'deleted' },
  messages: { notARecord: SALESFORCE_MESSAGES.notAnOpportunity, notConnected: SALESFORCE_MESSAGES.notConnected, notSynced: SALESFORCE_MESSAGES.notSynced },
  hosts: SALESFORCE_HOSTS,
  connectionId: salesforceConnectionId,

  page(url, options) {
    const page = parseSalesforceUrl(url, options);
    if (page.kind === 'record') return { kind: 'record', id: page.id18, object: page.object === 'Opportunity' ? 'opportunity' : 'other', instance: null };
    if (page.kind === 'list') return page.object === 'Opportunity' ? { kind: 'list', instance: null } : null;
    return null;
  },

  recordId: (raw) => toId18(raw),

  /** The org's Lightning pages on an origin a tab showed it on, else on its API host. */
  async recordLinks(settings) {
    const [origins, status] = await Promise.all([settings.get('salesforce.origins'), settings.get('salesforce.status')]);
    const origin = preferredOrigin(origins) ?? status?.apiBase ?? null;
    return origin === null ? null : (id) => salesforceRecordUrl(origin, id);
  },

  errorCode: salesforceCodeOf,

  async connect(request, env): Promise<Connected | Failure> {
    if (request.tabId === undefined) return { ok: false, error: 'Connect Salesforce from one of its open tabs.' };
    const tab = await env.getTab(request.tabId);
    if (!tab?.url) return { ok: false, error: SALESFORCE_MESSAGES.closedTab };
    const found = await session(env, tab.url, tab.cookieStoreId);
    if (!found.ok) return sessionFailure(found);
    const connectionId = salesforceConnectionId(found.orgId);
    await rememberOrigin(env.settings(connectionId), new URL(tab.url).origin);
    return { ok: true, connectionId, params: { apiBase: found.apiBase, orgId: found.orgId }, secrets: { sid: found.sid } };
  },

  /** The connection of the tab's org: from a remembered origin (no cookie read), else from its session's org id. */
  async pageConnection(url, tab: TabInfo, env): Promise<PageConnection> {
    const origin = new URL(url).origin;
    for (const [connectionId, origins] of await env.settingOfAll('salesforce.origins')) {
      if (origins.includes(origin) && (await env.isConnected(connectionId))) return { ok: true, connectionId };
    }
    const found = await session(env, url, tab.cookieStoreId);
    // Logged out of an org that is connected cannot be told apart from one never connected without its id.
    if (!found.ok) return { ok: false, code: 'not-connected', error: SALESFORCE_MESSAGES.notConnected };
    const connectionId = salesforceConnectionId(found.orgId);
    if (!(await env.isConnected(connectionId))) return { ok: false, code: 'not-connected', error: SALESFORCE_MESSAGES.notConnected };
    await rememberOrigin(env.settings(connectionId), origin);
    return { ok: true, connectionId };
  },

  async pageAccess(url, tab, connectionId, env): Promise<ApiAccess> {
    const live = await session(env, url, tab.cookieStoreId);
    if (!live.ok) return sessionFailure(live);
    if (salesforceConnectionId(live.orgId) !== connectionId) return { ok: false, code: 'session-expired', error: SALESFORCE_MESSAGES.otherOrg };
    return { ok: true, params: { apiBase: live.apiBase, orgId: live.orgId }, secrets: { sid: live.sid } };
  },

  async syncRequest(connectionId, env): Promise<ApiAccess> {
    const live = (await liveSessions(env)).get(connectionId);
    if (!live) return { ok: false, code: 'session-expired', error: SALESFORCE_MESSAGES.noSessionForSync };
    return { ok: true, params: { apiBase: live.apiBase, orgId: live.orgId }, secrets: { sid: live.sid } };
  },

  async secretsForJob(params, env) {
    const { apiBase, orgId } = params;
    if (typeof apiBase !== 'string' || typeof orgId !== 'string') return undefined;
    for (const tab of await env.tabs()) {
      if (!tab.url) continue;
      const found = await session(env, tab.url, tab.cookieStoreId);
      if (found.ok && found.orgId === orgId && found.apiBase === apiBase) return { sid: found.sid };
    }
    return undefined;
  },

  async sync(run: SyncRun): Promise<SyncOutcome> {
    const session = sessionOf(run.params, run.secrets);
    const api = new SalesforceClient({ apiBase: session.apiBase, sid: session.sid, fetch: run.fetch });
    try {
      const [customFields, years, status] = await Promise.all([
        run.settings.get('salesforce.customFields'),
        run.settings.get('salesforce.years'),
        run.settings.get('salesforce.status'),
      ]);
      // A new window, or new custom fields, need every deal read again: an incremental sync
      // would only bring the deals changed since, leaving the rest without the new field.
      const windowChanged = status?.years !== undefined && status.years !== years;
      const fieldsChanged = status?.customFields !== undefined && JSON.stringify(status.customFields) !== JSON.stringify(customFields);
      const fresh = windowChanged || fieldsChanged;
      const result = await syncSalesforce({
        client: api,
        checkpoint: fresh ? null : run.checkpoint,
        cursor: fresh ? null : run.cursor,
        years,
        customFields,
        // Records per page: the job may ask for fewer (tests; orgs with wide records).
        ...(typeof run.params.batchSize === 'number' ? { batchSize: run.params.batchSize } : {}),
        signal: run.signal,
        onProgress: (p) => run.onProgress(p.done, p.total ?? 0, p.step !== 'opportunities'),
        onPage: (page) => run.onPage(page),
      });
      await recordStatus(run.settings, run.now(), session, {
        orgName: result.org?.name ?? null,
        apiVersion: result.apiVersion,
        limits: result.limits,
        years,
        customFields: customFields as CustomFieldInput[],
        customFieldChoices: result.customFieldChoices,
      });
      return {
        mode: result.mode,
        resumed: result.resumed,
        changed: result.opportunities.length,
        deleted: result.deleted?.length ?? 0,
        rejected: result.rejected,
        warnings: result.warnings,
        checkpoint: result.checkpoint,
        attributes: result.plan.attributes,
        // A full sync read the whole window: deals closed before it (an earlier, longer window) go.
        dropClosedBefore: result.mode === 'full' ? result.closedSince : null,
        name: result.org?.name ?? null,
      };
    } catch (error) {
      return failed(run.settings, run.now(), session, error, api.lastLimits);
    }
  },

  async fetchRecord(run: FetchRun, id: string): Promise<Opportunity> {
    const session = sessionOf(run.params, run.secrets);
    const api = new SalesforceClient({ apiBase: session.apiBase, sid: session.sid, fetch: run.fetch });
    try {
      const cached = contexts.get(session.apiBase);
      const customFields = await run.settings.get('salesforce.customFields');
      const context = cached && Date.now() - cached.at < CONTEXT_TTL_MS ? cached.context : await prepareSalesforce(api, { customFields });
      contexts.set(session.apiBase, { at: Date.now(), context });
      const batch = await fetchOpportunities(api, context, [id]);
      const found = batch.opportunities[0];
      if (!found) {
        const why = batch.rejected[0]?.reason ?? 'Salesforce did not return it (deleted, or not visible to you)';
        throw new Error(`Opportunity ${id} could not be read: ${why}.`);
      }
      return found;
    } catch (error) {
      if (salesforceCodeOf(error) !== undefined) await failed(run.settings, run.now(), session, error, api.lastLimits);
      throw error;
    }
  },
};
