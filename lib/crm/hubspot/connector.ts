/**
 * HubSpot as a CRM connector (lib/crm/connector.ts), issues 6 and 13: a portal is
 * connected with a Service Key (or an existing private app's token), checked (every missing
 * scope named at once) and kept in the extension's own IndexedDB — local to this browser
 * profile, never in synced storage — as the connection's `hubspot.credentials` setting,
 * with the API host of the portal's hublet. A HubSpot page's URL names its portal, so pages
 * find their connection without a session.
 */
import type { ApiAccess, ConnectFailure, Connected, CrmConnector, CrmSettings, ErrorCode, FetchRun, PageConnection, SyncOutcome, SyncRun } from '../connector';
import { CodedError } from '../shared/coded-error';
import type { Opportunity } from '../opportunity';
import { HubSpotClient } from './client';
import { connectHubSpot } from './connect';
import { isHubSpotError } from './errors';
import { apiBaseFor, apiOriginPattern, DEFAULT_API_BASE, hubletApiBase, hubletOfApiBase, hubletOfToken, HUBSPOT_HOSTS } from './hosts';
import { isLocalHost } from '../shared/hosts';
import type { RateLimitInfo } from './limits';
import { parseHubSpotUrl, portalOfUrl } from './pages';
import { ATTRIBUTE_COLUMNS } from './properties';
import type { StageOverrides } from './stages';
import type { HubSpotCredentials, HubSpotStatus } from './status';
import { fetchDeal, prepareHubSpot, syncHubSpot, type HubSpotContext } from './sync';

export const HUBSPOT_MESSAGES = {
  notConnected: 'This HubSpot portal is not connected to Dealsight yet. Paste a HubSpot Service Key in the options page.',
  notSynced: 'This HubSpot portal has not finished its first sync yet. Wait for it, or sync again in the options page.',
  notADeal: 'This page is not a deal record.',
  noToken: 'Paste a Service Key from HubSpot (Settings › Integrations › Service Keys), or an existing private app’s access token.',
  notAToken: 'That is not a HubSpot key: it has spaces or is far too long. Copy it again from HubSpot (Settings › Integrations › Service Keys).',
  notAHubSpotTab: 'That tab is not a HubSpot page (or it was closed). Open HubSpot in a tab and try again.',
  noStoredToken: 'Dealsight has no HubSpot key for this portal: paste it in the options page.',
  noApiHost: (host: string) => `The browser has not allowed Dealsight to reach ${host}, so HubSpot was not connected. Connect again and allow it.`,
  otherPortal: (pinned: string, shown: string) =>
    `This tab was opened on HubSpot portal ${pinned}, so Dealsight answers it for that portal only. Open portal ${shown}’s page in a tab of its own.`,
} as const;

/** `hubspot:<portalId>`: one connection per portal, so each portal's data is kept apart. */
export function hubspotConnectionId(portalId: string): string {
  return `hubspot:${portalId}`;
}

/** The content-script state a HubSpot failure shows: a bad token reads like an expired session (reconnect in the options). */
export function hubspotCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof CodedError) return error.code;
  if (!isHubSpotError(error)) return undefined;
  if (error.state === 'token-invalid' || error.state === 'token-expired' || error.state === 'token-missing') return 'session-expired';
  if (error.state === 'missing-scopes' || error.state === 'forbidden') return 'no-api-access';
  return undefined;
}

function client(fetch: SyncRun['fetch'], credentials: Pick<HubSpotCredentials, 'token' | 'apiBase'>, onMove?: (apiBase: string) => void): HubSpotClient {
  return new HubSpotClient({ token: credentials.token, apiBase: credentials.apiBase, fetch, ...(onMove ? { onMove } : {}) });
}

/**
 * A client for a stored connection: when a 488 moves it to the portal's hublet (the portal
 * moved region since it was connected), the connection remembers the new API host.
 */
function storedClient(run: FetchRun, credentials: HubSpotCredentials): { api: HubSpotClient; saved: () => Promise<void> } {
  let moved: Promise<void> = Promise.resolve();
  const api = client(run.fetch, credentials, (apiBase) => {
    credentials.apiBase = apiBase;
    moved = run.settings.set('hubspot.credentials', { ...credentials, apiBase });
  });
  return { api, saved: () => moved };
}

async function credentialsOf(settings: CrmSettings): Promise<HubSpotCredentials> {
  const credentials = await settings.get('hubspot.credentials');
  if (!credentials) throw new CodedError(HUBSPOT_MESSAGES.noStoredToken, 'session-expired');
  return credentials;
}

async function recordStatus(settings: CrmSettings, now: string, credentials: HubSpotCredentials, patch: Partial<HubSpotStatus>): Promise<void> {
  const previous = await settings.get('hubspot.status');
  await settings.set('hubspot.status', {
    apiBase: credentials.apiBase,
    portalId: credentials.portalId,
    uiDomain: previous?.uiDomain ?? null,
    currency: previous?.currency ?? null,
    limits: previous?.limits ?? null,
    state: 'ok',
    message: null,
    ...patch,
    checkedAt: now,
  });
}

async function failed(settings: CrmSettings, now: string, credentials: HubSpotCredentials, error: unknown, limits: RateLimitInfo | null): Promise<never> {
  const state: HubSpotStatus['state'] =
    isHubSpotError(error) && (error.state === 'token-invalid' || error.state === 'token-expired' || error.state === 'missing-scopes') ? error.state : 'error';
  await recordStatus(settings, now, credentials, {
    state,
    message: error instanceof Error ? error.message : String(error),
    ...(limits ? { limits } : {}),
  }).catch(() => undefined);
  throw error;
}

function sorted(overrides: StageOverrides): Array<[string, string]> {
  return Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Contexts (portal, pipelines, owners) of recent on-demand fetches, per connection. */
const contexts = new Map<string, { at: number; context: HubSpotContext }>();
const CONTEXT_TTL_MS = 10 * 60_000;

/** `app.hubspot.com` and the regional `app-<region><n>.hubspot.com`: the only app hosts a record link may name. */
const APP_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;

/** Where a portal's record pages are: its `uiDomain`, else its hublet's app host; a local sandbox's own origin (e2e). */
function appOrigin(apiBase: string, uiDomain: string | null): string {
  if (isLocalHost(apiBase)) return new URL(apiBase).origin;
  if (uiDomain && APP_HOST.test(uiDomain)) return `https://${uiDomain}`;
  const hublet = hubletOfApiBase(apiBase);
  return hublet === null || hublet === 'na1' ? 'https://app.hubspot.com' : `https://app-${hublet}.hubspot.com`;
}

/** A HubSpot deal's record page on `appOrigin`, or null when the ids are not HubSpot's. */
export function hubspotRecordUrl(appOrigin: string, portalId: string, dealId: string): string | null {
  if (!/^\d{1,12}$/.test(portalId) || !/^\d{1,20}$/.test(dealId)) return null;
  return `${appOrigin}/contacts/${portalId}/record/0-3/${dealId}`;
}

/** A HubSpot company's record page (object type 0-2: lib/crm/hubspot/pages.ts) on `appOrigin`, or null when the ids are not HubSpot's. */
export function hubspotCompanyUrl(appOrigin: string, portalId: string, companyId: string): string | null {
  if (!/^\d{1,12}$/.test(portalId) || !/^\d{1,20}$/.test(companyId)) return null;
  return `${appOrigin}/contacts/${portalId}/record/0-2/${companyId}`;
}

const portalOf = (connectionId: string): string => connectionId.slice(connectionId.indexOf(':') + 1);

export const hubspotConnector: CrmConnector = {
  kind: 'hubspot',
  label: 'HubSpot',
  place: 'portal',
  nouns: { record: 'deal', records: 'deals', removed: 'archived' },
  messages: { notARecord: HUBSPOT_MESSAGES.notADeal, notConnected: HUBSPOT_MESSAGES.notConnected, notSynced: HUBSPOT_MESSAGES.notSynced },
  hosts: HUBSPOT_HOSTS,
  connectionId: hubspotConnectionId,

  page(url, options) {
    const page = parseHubSpotUrl(url, options);
    if (page.kind === 'deal') return { kind: 'record', id: page.dealId, object: 'opportunity', instance: page.portalId };
    if (page.kind === 'company') return { kind: 'record', id: page.companyId, object: 'account', instance: page.portalId };
    // The Sales Workspace's deal tables get chips like the deals index.
    if (page.kind === 'deals-index' || page.kind === 'sales-workspace') return { kind: 'list', instance: page.portalId };
    return null;
  },

  recordId: (raw) => (/^\d{1,20}$/.test(raw) ? raw : null),

  async recordLinks(settings) {
    const status = await settings.get('hubspot.status');
    if (!status) return null;
    // The pages are on the portal's own app host (`uiDomain` from its account details; the
    // sandbox's own origin in e2e builds).
    const origin = appOrigin(status.apiBase, status.uiDomain);
    return (id) => hubspotRecordUrl(origin, status.portalId, id);
  },

  async accountLinks(settings) {
    const status = await settings.get('hubspot.status');
    if (!status) return null;
    const origin = appOrigin(status.apiBase, status.uiDomain);
    return (id) => hubspotCompanyUrl(origin, status.portalId, id);
  },

  errorCode: hubspotCodeOf,

  /**
   * Checks the key (and every scope) against the portal, on its hublet's API host, keeps
   * both, and says how to sync. The first host is the one the token names (`pat-eu1-…`),
   * else api.hubapi.com, or, for an e2e build's localhost sandbox tab, that page's own
   * origin (design.md's e2e contract). The options page asked the browser for that host in
   * the click that sent this. A portal whose details (or a 488) name another hublet moves
   * to that hublet's host if the browser allows it already; otherwise nothing is kept and
   * the reply names the host, which the options page asks for in the user's next click
   * (a permission prompt needs a click of its own: the first one was spent before the
   * region was known), then connects again.
   */
  async connect(request, env): Promise<Connected | ConnectFailure> {
    const token = request.token;
    if (typeof token !== 'string' || token.trim() === '') return { ok: false, error: HUBSPOT_MESSAGES.noToken };
    if (token.length > 4096 || /\s/.test(token.trim())) return { ok: false, error: HUBSPOT_MESSAGES.notAToken };
    const trimmed = token.trim();
    let apiBase = hubletApiBase(hubletOfToken(trimmed) ?? 'na1');
    let knownPortalId: string | undefined;
    if (request.tabId !== undefined) {
      const tab = await env.getTab(request.tabId);
      const base = tab?.url ? apiBaseFor(tab.url, env.hostOptions) : null;
      if (!tab?.url || !base) return { ok: false, error: HUBSPOT_MESSAGES.notAHubSpotTab };
      // A sandbox tab's origin is its API; on HubSpot's own hosts the token still names the hublet.
      if (base !== DEFAULT_API_BASE) apiBase = base;
      // The page's URL names its portal: the fallback when the API serves no account details.
      const page = parseHubSpotUrl(tab.url, env.hostOptions);
      if (page.kind !== 'other') knownPortalId = page.portalId;
    }
    const permitted = async (base: string): Promise<boolean> => (env.hasHostPermission ? env.hasHostPermission(base) : true);
    const needs = (base: string): ConnectFailure => ({
      ok: false,
      error: HUBSPOT_MESSAGES.noApiHost(new URL(base).host),
      origins: [apiOriginPattern(base)],
    });
    if (!(await permitted(apiBase))) return needs(apiBase);
    try {
      const api = new HubSpotClient({ token: trimmed, apiBase, fetch: env.fetch, mayMoveTo: permitted });
      const portal = await connectHubSpot(api, undefined, knownPortalId, permitted);
      const connectionId = hubspotConnectionId(portal.portalId);
      const credentials: HubSpotCredentials = { token: trimmed, apiBase: api.apiBase, portalId: portal.portalId };
      const settings = env.settings(connectionId);
      await settings.set('hubspot.credentials', credentials);
      await recordStatus(settings, env.now(), credentials, { uiDomain: portal.uiDomain, currency: portal.currency });
      return { ok: true, connectionId, params: { apiBase: api.apiBase, portalId: portal.portalId } };
    } catch (error) {
      if (!isHubSpotError(error)) return { ok: false, error: `HubSpot could not be reached: ${error instanceof Error ? error.message : String(error)}` };
      const code = hubspotCodeOf(error);
      return {
        ok: false,
        error: error.message,
        ...(code ? { code } : {}),
        ...(error.state === 'wrong-hublet' && error.hubletApiBase ? { origins: [apiOriginPattern(error.hubletApiBase)] } : {}),
      };
    }
  },

  /**
   * The portal of the page's URL: connected when the store holds it or a token for it. Every
   * portal shares the app's origin, so a page can `pushState` to another portal's URL: a
   * tab is answered for the portal its content script pinned it to (`tab.pinnedUrl`: the
   * address the document was loaded at, or the first portal it showed) and any other
   * portal's URL in it gets the not-connected state, never that portal's data.
   */
  async pageConnection(url, tab, env): Promise<PageConnection> {
    const page = parseHubSpotUrl(url, env.hostOptions);
    if (page.kind === 'other') return { ok: false, error: HUBSPOT_MESSAGES.notADeal };
    const pinned = tab.pinnedUrl === undefined ? null : portalOfUrl(tab.pinnedUrl, env.hostOptions);
    if (pinned !== null && pinned !== page.portalId) return { ok: false, code: 'not-connected', error: HUBSPOT_MESSAGES.otherPortal(pinned, page.portalId) };
    const connectionId = hubspotConnectionId(page.portalId);
    if (await env.isConnected(connectionId)) return { ok: true, connectionId };
    if (page.kind === 'deal' && (await env.settings(connectionId).get('hubspot.credentials'))) return { ok: true, connectionId };
    return { ok: false, code: 'not-connected', error: HUBSPOT_MESSAGES.notConnected };
  },

  /** The runner reads the portal's stored token itself: nothing to hand over. */
  async pageAccess(_url, _tab, connectionId): Promise<ApiAccess> {
    return { ok: true, params: { portalId: portalOf(connectionId) } };
  },

  async syncRequest(connectionId, env): Promise<ApiAccess> {
    const credentials = await env.settings(connectionId).get('hubspot.credentials');
    if (!credentials) return { ok: false, code: 'session-expired', error: HUBSPOT_MESSAGES.noToken };
    return { ok: true, params: { apiBase: credentials.apiBase, portalId: credentials.portalId } };
  },

  async secretsForJob() {
    return {};
  },

  async sync(run: SyncRun): Promise<SyncOutcome> {
    const credentials = await credentialsOf(run.settings);
    const { api, saved } = storedClient(run, credentials);
    try {
      const [overrides, status] = await Promise.all([run.settings.get('hubspot.stages'), run.settings.get('hubspot.status')]);
      // A new stage mapping changes stored deals' outcomes: read every deal again (an
      // incremental sync would only bring the deals changed since).
      const remap = status?.stageOverrides !== undefined && JSON.stringify(sorted(status.stageOverrides)) !== JSON.stringify(sorted(overrides));
      const result = await syncHubSpot({
        client: api,
        checkpoint: remap ? null : run.checkpoint,
        cursor: remap ? null : run.cursor,
        stageOverrides: overrides,
        knownPortalId: credentials.portalId,
        signal: run.signal,
        onProgress: (p) => run.onProgress(p.done, p.total ?? 0, p.step !== 'deals'),
        onPage: (page) => run.onPage(page),
      });
      await saved();
      await recordStatus(run.settings, run.now(), credentials, {
        uiDomain: result.portal.uiDomain,
        currency: result.portal.currency,
        limits: result.limits,
        stages: result.stages.map((stage) => ({
          id: stage.id,
          label: `${stage.pipelineLabel} › ${stage.label}`,
          probability: stage.probability,
          hubspotOutcome: stage.hubspotOutcome,
          overridden: stage.overridden,
        })),
        stageOverrides: overrides,
      });
      return {
        mode: result.mode,
        resumed: result.resumed,
        changed: result.opportunities.length,
        deleted: result.deleted?.length ?? 0,
        rejected: result.rejected,
        warnings: result.warnings,
        checkpoint: result.checkpoint,
        attributes: ATTRIBUTE_COLUMNS,
        dropClosedBefore: null,
        name: null,
      };
    } catch (error) {
      await saved().catch(() => undefined);
      return failed(run.settings, run.now(), credentials, error, api.lastRateLimit);
    }
  },

  async fetchRecord(run: FetchRun, dealId: string): Promise<Opportunity> {
    const credentials = await credentialsOf(run.settings);
    const { api, saved } = storedClient(run, credentials);
    try {
      const overrides = await run.settings.get('hubspot.stages');
      const cached = contexts.get(run.connectionId);
      const context =
        cached && Date.now() - cached.at < CONTEXT_TTL_MS
          ? cached.context
          : await prepareHubSpot(api, { stageOverrides: overrides, knownPortalId: credentials.portalId });
      contexts.set(run.connectionId, { at: Date.now(), context });
      const found = await fetchDeal(api, dealId, { context });
      await saved();
      if (!found.opportunity) {
        const why = found.missing
          ? 'HubSpot has no such deal (deleted, archived, or not visible to this key)'
          : (found.rejected?.reason ?? 'HubSpot did not return it');
        throw new Error(`Deal ${dealId} could not be read: ${why}.`);
      }
      return found.opportunity;
    } catch (error) {
      await saved().catch(() => undefined);
      if (hubspotCodeOf(error) !== undefined) await failed(run.settings, run.now(), credentials, error, api.lastRateLimit);
      throw error;
    }
  },
};
