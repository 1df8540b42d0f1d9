/**
 * Salesforce as a CRM connector (lib/crm/connector.ts): an org is connected with the
 * user's own browser session, found in the cookie jar the way Salesforce Inspector does
 * (session.ts), and synced through the REST API. The session (`sid`) is read when needed
 * and handed to the runner in memory; it is never stored (issue 5, "Connection").
 *
 * An org that refuses the browser session for the API (API Access Control, High-Assurance
 * sessions) connects with OAuth instead (issue 13; oauth.ts): the background runs the
 * authorization-code flow with PKCE in the browser's auth window, keeps the refresh token
 * as the connection's `salesforce.oauth` setting (this profile only, deleted with the
 * connection, revoked at Salesforce first by `disconnect`), and hands the first access
 * token to the runner in memory; the runner refreshes its own (auth.ts). Once an org has
 * OAuth credentials, every sync and fetch of it uses them: no tab needs to be open.
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
  OAuthConnect,
  PageConnection,
  SyncOutcome,
  SyncRun,
  TabInfo,
} from '../connector';
import { CodedError } from '../shared/coded-error';
import type { Opportunity } from '../opportunity';
import { forgetAccessToken, oauthAuth, primeAccessToken, sessionAuth, type ApiAuth } from './auth';
import { SalesforceClient } from './client';
import { isSalesforceError, MESSAGES, SalesforceError } from './errors';
import type { CustomFieldInput } from './fields';
import { apiHostFor, isLocalHost, oauthBaseFor, SALESFORCE_HOSTS } from './hosts';
import { toId18 } from './ids';
import type { ApiLimits } from './limits';
import { authorizeUrl, checkClientId, exchangeCode, isOAuthError, OAUTH_MESSAGES, pkceChallenge, randomToken, readCallback, revokeToken } from './oauth';
import { parseSalesforceUrl } from './pages';
import { preferredOrigin, salesforceRecordUrl, salesforceAccountUrl } from './record-links';
import { findSession, type SessionResult } from './session';
import type { SalesforceOAuth, SalesforceStatus } from './status';
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

function session(env: Pick<ConnectorEnv, 'getCookie' | 'getAllCookies' | 'hostOptions'>, url: string, storeId: string | undefined): Promise<SessionResult> {
  const getAll = env.getAllCookies;
  return findSession(
    url,
    (u, name) => env.getCookie(u, name, storeId),
    env.hostOptions,
    getAll ? (name, domain) => getAll.call(env, name, domain, storeId) : undefined,
  );
}

function sessionFailure(result: Extract<SessionResult, { ok: false }>): Failure {
  if (result.state === 'not-salesforce') return { ok: false, error: result.message };
  // Behind Microsoft Defender for Cloud Apps the session exists but cannot be read: OAuth is the way in.
  if (result.state === 'unreadable') return { ok: false, code: 'no-api-access', error: result.message };
  return { ok: false, code: 'session-expired', error: result.message };
}

/** A found session as a job's secrets: the `sid`, and the org's other `sid` cookies when there are any. */
function secretsOf(found: Extract<SessionResult, { ok: true }>): JobSecrets {
  return found.moreSids ? { sid: found.sid, moreSids: found.moreSids } : { sid: found.sid };
}

/** The OAuth sign-in of a connection, or null for one that uses the browser session. */
function oauthOf(settings: CrmSettings): Promise<SalesforceOAuth | null> {
  return settings.get('salesforce.oauth');
}

/** Remembers that `origin` shows the org of `connectionId` (links to its records open there). */
async function rememberOrigin(settings: CrmSettings, origin: string): Promise<void> {
  const known = await settings.get('salesforce.origins');
  if (!known.includes(origin)) await settings.set('salesforce.origins', [...known, origin]);
}

/** The live sessions of the open Salesforce tabs, by connection id (one per org). */
async function liveSessions(env: ConnectorEnv): Promise<Map<string, { apiBase: string; orgId: string; secrets: JobSecrets }>> {
  const live = new Map<string, { apiBase: string; orgId: string; secrets: JobSecrets }>();
  for (const tab of await env.tabs()) {
    if (!tab.url) continue;
    const found = await session(env, tab.url, tab.cookieStoreId);
    if (found.ok) live.set(salesforceConnectionId(found.orgId), { apiBase: found.apiBase, orgId: found.orgId, secrets: secretsOf(found) });
  }
  return live;
}

function sessionOf(params: JobParams, secrets: JobSecrets): SalesforceSession {
  const { apiBase, orgId } = params;
  if (typeof apiBase !== 'string' || typeof orgId !== 'string') throw new Error('the job names no Salesforce org (apiBase, orgId)');
  if (!secrets.sid) throw new CodedError(SALESFORCE_MESSAGES.noSessionForJob, 'session-expired');
  return { apiBase, orgId, sid: secrets.sid };
}

/** How a job reaches the org's API: its OAuth sign-in when it has one, else the session the job was given. */
interface ApiRoute {
  apiBase: string;
  orgId: string;
  auth: ApiAuth;
  mode: 'session' | 'oauth';
}

async function routeOf(run: FetchRun): Promise<ApiRoute> {
  const oauth = await oauthOf(run.settings);
  if (oauth) {
    if (run.secrets.accessToken) primeAccessToken(run.connectionId, oauth.refreshToken, run.secrets.accessToken);
    // A refreshed token's instance_url must be Salesforce's; a local one only for a local (e2e) connection.
    const hostOptions = { localhost: isLocalHost(oauth.instanceUrl) };
    return {
      apiBase: oauth.instanceUrl,
      orgId: oauth.orgId,
      auth: oauthAuth({ connectionId: run.connectionId, settings: run.settings, fetch: run.fetch, hostOptions }),
      mode: 'oauth',
    };
  }
  const live = sessionOf(run.params, run.secrets);
  return { apiBase: live.apiBase, orgId: live.orgId, auth: sessionAuth(live.apiBase, [live.sid, ...(run.secrets.moreSids ?? [])]), mode: 'session' };
}

/** An OAuth token refused for the API says so in OAuth's terms (the app is not allowed), not the session's. */
function inTermsOf(route: ApiRoute, error: unknown): unknown {
  if (route.mode === 'oauth' && isSalesforceError(error) && error.needsOAuth) {
    return new SalesforceError('no-api-access', MESSAGES.oauthBlocked, {
      status: error.status,
      code: error.code,
      detail: error.detail,
      request: error.request,
    });
  }
  return error;
}

async function recordStatus(
  settings: CrmSettings,
  now: string,
  session: Pick<SalesforceSession, 'apiBase' | 'orgId'>,
  patch: Partial<SalesforceStatus>,
): Promise<void> {
  // (`auth` and `needsOAuth` come in the patch: the route of the call that ended here.)
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
async function failed(settings: CrmSettings, now: string, route: ApiRoute, error: unknown, limits: ApiLimits | null): Promise<never> {
  const code = salesforceCodeOf(error);
  const state = code === 'session-expired' || code === 'no-api-access' ? code : 'error';
  // The org refuses the browser session for the API: the options page offers OAuth.
  const needsOAuth = route.mode === 'session' && isSalesforceError(error) && error.needsOAuth;
  await recordStatus(settings, now, route, {
    state,
    message: error instanceof Error ? error.message : String(error),
    auth: route.mode,
    needsOAuth,
    ...(limits ? { limits } : {}),
  }).catch(() => undefined);
  throw error;
}

/** The message for an auth window that ended without a callback (closed, or its page failed). */
function flowFailure(error: unknown, authBase: string, redirectUri: string): string {
  const text = error instanceof Error ? error.message : String(error);
  // Chrome: "The user did not approve access."; Firefox: "User cancelled or denied access."
  if (/approve|cancel|denied|closed/i.test(text)) return `${OAUTH_MESSAGES.closed} ${OAUTH_MESSAGES.redirectMismatch(redirectUri)}`;
  // Chrome: "Authorization page could not be loaded."
  if (/could not be loaded|load/i.test(text)) return OAUTH_MESSAGES.noReply(new URL(authBase).host);
  return OAUTH_MESSAGES.failed('the sign-in', text);
}

/**
 * Connects an org with OAuth: the authorization-code flow with PKCE in the browser's auth
 * window, the code exchanged for tokens, the refresh token kept as the connection's
 * setting (a refresh token it replaces is revoked), the access token handed to the first
 * sync in memory.
 */
async function connectWithOAuth(ask: OAuthConnect, env: ConnectorEnv): Promise<Connected | Failure> {
  let clientId: string;
  try {
    clientId = checkClientId(ask.clientId);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const authBase = typeof ask.loginHost === 'string' && ask.loginHost.length <= 512 ? oauthBaseFor(ask.loginHost, env.hostOptions) : null;
  if (authBase === null) return { ok: false, error: OAUTH_MESSAGES.badLoginHost };
  if (!env.launchWebAuthFlow || !env.oauthRedirectUrl) return { ok: false, error: OAUTH_MESSAGES.noBrowserFlow };
  const redirectUri = env.oauthRedirectUrl();
  const app = { clientId, authBase };
  // RFC 7636: a verifier of 43–128 characters; 48 random bytes give 64.
  const verifier = randomToken(48);
  const state = randomToken(16);
  let callback: string;
  try {
    callback = await env.launchWebAuthFlow(authorizeUrl({ app, redirectUri, challenge: await pkceChallenge(verifier), state }));
  } catch (error) {
    return { ok: false, error: flowFailure(error, authBase, redirectUri) };
  }
  try {
    const code = readCallback(callback, state, redirectUri, new URL(authBase).host);
    const grant = await exchangeCode(env.fetch, app, { code, verifier, redirectUri }, env.hostOptions);
    if (grant.orgId === null) return { ok: false, error: OAUTH_MESSAGES.unreadable('the sign-in (no org id)') };
    const connectionId = salesforceConnectionId(grant.orgId);
    const settings = env.settings(connectionId);
    const previous = await oauthOf(settings);
    const stored: SalesforceOAuth = {
      clientId,
      authBase,
      instanceUrl: grant.instanceUrl,
      orgId: grant.orgId,
      userId: grant.userId,
      refreshToken: grant.refreshToken,
      scope: grant.scope,
      connectedAt: env.now(),
    };
    await settings.set('salesforce.oauth', stored);
    // Signing in again replaces the earlier refresh token: revoke it rather than leave it valid.
    if (previous && previous.refreshToken !== stored.refreshToken) await revokeToken(env.fetch, previous, previous.refreshToken).catch(() => undefined);
    await recordStatus(settings, env.now(), { apiBase: grant.instanceUrl, orgId: grant.orgId }, { auth: 'oauth', needsOAuth: false });
    return { ok: true, connectionId, params: { apiBase: grant.instanceUrl, orgId: grant.orgId }, secrets: { accessToken: grant.accessToken } };
  } catch (error) {
    if (isOAuthError(error)) return { ok: false, error: error.message };
    return { ok: false, error: OAUTH_MESSAGES.failed('the sign-in', error instanceof Error ? error.message : String(error)) };
  }
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
    if (page.kind === 'record') {
      const object = page.object === 'Opportunity' ? 'opportunity' : page.object === 'Account' ? 'account' : 'other';
      return { kind: 'record', id: page.id18, object, instance: null };
    }
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

  /** The org's Account pages, on the origin its opportunities open on. */
  async accountLinks(settings) {
    const [origins, status] = await Promise.all([settings.get('salesforce.origins'), settings.get('salesforce.status')]);
    const origin = preferredOrigin(origins) ?? status?.apiBase ?? null;
    return origin === null ? null : (id) => salesforceAccountUrl(origin, id);
  },

  errorCode: salesforceCodeOf,

  async connect(request, env): Promise<Connected | Failure> {
    if (request.oauth !== undefined) return connectWithOAuth(request.oauth, env);
    if (request.tabId === undefined) return { ok: false, error: 'Connect Salesforce from one of its open tabs.' };
    const tab = await env.getTab(request.tabId);
    if (!tab?.url) return { ok: false, error: SALESFORCE_MESSAGES.closedTab };
    const found = await session(env, tab.url, tab.cookieStoreId);
    if (!found.ok) return sessionFailure(found);
    const connectionId = salesforceConnectionId(found.orgId);
    await rememberOrigin(env.settings(connectionId), new URL(tab.url).origin);
    return { ok: true, connectionId, params: { apiBase: found.apiBase, orgId: found.orgId }, secrets: secretsOf(found) };
  },

  /**
   * The connection of the tab's org: from a remembered origin (no cookie read), else from
   * its session's org id, else (no readable session: logged out, or behind Microsoft
   * Defender) an OAuth connection whose API host is the page's.
   */
  async pageConnection(url, tab: TabInfo, env): Promise<PageConnection> {
    const origin = new URL(url).origin;
    for (const [connectionId, origins] of await env.settingOfAll('salesforce.origins')) {
      if (origins.includes(origin) && (await env.isConnected(connectionId))) return { ok: true, connectionId };
    }
    const found = await session(env, url, tab.cookieStoreId);
    if (found.ok) {
      const connectionId = salesforceConnectionId(found.orgId);
      if (!(await env.isConnected(connectionId))) return { ok: false, code: 'not-connected', error: SALESFORCE_MESSAGES.notConnected };
      await rememberOrigin(env.settings(connectionId), origin);
      return { ok: true, connectionId };
    }
    const apiBase = apiHostFor(url, env.hostOptions);
    for (const [connectionId, oauth] of await env.settingOfAll('salesforce.oauth')) {
      if (oauth !== null && oauth.instanceUrl === apiBase && (await env.isConnected(connectionId))) {
        await rememberOrigin(env.settings(connectionId), origin);
        return { ok: true, connectionId };
      }
    }
    if (found.state === 'unreadable') return sessionFailure(found);
    // Logged out of an org that is connected cannot be told apart from one never connected without its id.
    return { ok: false, code: 'not-connected', error: SALESFORCE_MESSAGES.notConnected };
  },

  async pageAccess(url, tab, connectionId, env): Promise<ApiAccess> {
    // An OAuth connection needs no session: the runner refreshes its own token.
    const oauth = await oauthOf(env.settings(connectionId));
    if (oauth) return { ok: true, params: { apiBase: oauth.instanceUrl, orgId: oauth.orgId } };
    const live = await session(env, url, tab.cookieStoreId);
    if (!live.ok) return sessionFailure(live);
    if (salesforceConnectionId(live.orgId) !== connectionId) return { ok: false, code: 'session-expired', error: SALESFORCE_MESSAGES.otherOrg };
    return { ok: true, params: { apiBase: live.apiBase, orgId: live.orgId }, secrets: secretsOf(live) };
  },

  async syncRequest(connectionId, env): Promise<ApiAccess> {
    const oauth = await oauthOf(env.settings(connectionId));
    if (oauth) return { ok: true, params: { apiBase: oauth.instanceUrl, orgId: oauth.orgId } };
    const live = (await liveSessions(env)).get(connectionId);
    if (!live) return { ok: false, code: 'session-expired', error: SALESFORCE_MESSAGES.noSessionForSync };
    return { ok: true, params: { apiBase: live.apiBase, orgId: live.orgId }, secrets: live.secrets };
  },

  async secretsForJob(params, env) {
    const { apiBase, orgId } = params;
    if (typeof apiBase !== 'string' || typeof orgId !== 'string') return undefined;
    // The runner reads an OAuth connection's refresh token itself.
    if (await oauthOf(env.settings(salesforceConnectionId(orgId)))) return {};
    for (const tab of await env.tabs()) {
      if (!tab.url) continue;
      const found = await session(env, tab.url, tab.cookieStoreId);
      if (found.ok && found.orgId === orgId && found.apiBase === apiBase) return secretsOf(found);
    }
    return undefined;
  },

  async sync(run: SyncRun): Promise<SyncOutcome> {
    const route = await routeOf(run);
    const api = new SalesforceClient({ apiBase: route.apiBase, auth: route.auth, fetch: run.fetch });
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
      await recordStatus(run.settings, run.now(), route, {
        auth: route.mode,
        needsOAuth: false,
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
      return failed(run.settings, run.now(), route, inTermsOf(route, error), api.lastLimits);
    }
  },

  async fetchRecord(run: FetchRun, id: string): Promise<Opportunity> {
    const route = await routeOf(run);
    const api = new SalesforceClient({ apiBase: route.apiBase, auth: route.auth, fetch: run.fetch });
    try {
      const cached = contexts.get(route.apiBase);
      const customFields = await run.settings.get('salesforce.customFields');
      const context = cached && Date.now() - cached.at < CONTEXT_TTL_MS ? cached.context : await prepareSalesforce(api, { customFields });
      contexts.set(route.apiBase, { at: Date.now(), context });
      const batch = await fetchOpportunities(api, context, [id]);
      const found = batch.opportunities[0];
      if (!found) {
        const why = batch.rejected[0]?.reason ?? 'Salesforce did not return it (deleted, or not visible to you)';
        throw new Error(`Opportunity ${id} could not be read: ${why}.`);
      }
      return found;
    } catch (thrown) {
      const error = inTermsOf(route, thrown);
      if (salesforceCodeOf(error) !== undefined) await failed(run.settings, run.now(), route, error, api.lastLimits);
      throw error;
    }
  },

  /** Revokes an OAuth connection's refresh token (and so its access tokens) at Salesforce; a session connection has nothing to undo. */
  async disconnect(settings, fetch) {
    const oauth = await oauthOf(settings);
    if (!oauth) return;
    await revokeToken(fetch, oauth, oauth.refreshToken);
    forgetAccessToken(settings.connectionId);
  },
};
