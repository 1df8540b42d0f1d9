/**
 * HubSpot as a CRM connector (lib/crm/connector.ts), issue 6: a portal is connected with
 * a private app token, checked (every missing scope named at once) and kept in the
 * extension's own IndexedDB — local to this browser profile, never in synced storage —
 * as the connection's `hubspot.credentials` setting. A HubSpot page's URL names its
 * portal, so pages find their connection without a session.
 */
import type { ApiAccess, Connected, CrmConnector, CrmSettings, ErrorCode, Failure, FetchRun, PageConnection, SyncOutcome, SyncRun } from '../connector';
import { CodedError } from '../shared/coded-error';
import type { Opportunity } from '../opportunity';
import { HubSpotClient } from './client';
import { connectHubSpot } from './connect';
import { isHubSpotError } from './errors';
import { apiBaseFor, DEFAULT_API_BASE, HUBSPOT_HOSTS } from './hosts';
import type { RateLimitInfo } from './limits';
import { parseHubSpotUrl } from './pages';
import { ATTRIBUTE_COLUMNS } from './properties';
import type { StageOverrides } from './stages';
import type { HubSpotCredentials, HubSpotStatus } from './status';
import { fetchDeal, prepareHubSpot, syncHubSpot, type HubSpotContext } from './sync';

export const HUBSPOT_MESSAGES = {
  notConnected: 'This HubSpot portal is not connected to Dealsight yet. Paste a private app token in the options page.',
  notSynced: 'This HubSpot portal has not finished its first sync yet. Wait for it, or sync again in the options page.',
  notADeal: 'This page is not a deal record.',
  noToken: 'Paste the private app access token from HubSpot (Settings › Integrations › Private Apps).',
  notAToken: 'That is not a HubSpot access token: it has spaces or is far too long. Copy it again from the private app in HubSpot.',
  notAHubSpotTab: 'That tab is not a HubSpot page (or it was closed). Open HubSpot in a tab and try again.',
  noStoredToken: 'Dealsight has no HubSpot access token for this portal: paste it in the options page.',
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

function client(fetch: SyncRun['fetch'], credentials: Pick<HubSpotCredentials, 'token' | 'apiBase'>): HubSpotClient {
  return new HubSpotClient({ token: credentials.token, apiBase: credentials.apiBase, fetch });
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

/** A HubSpot deal's record page on `appOrigin`, or null when the ids are not HubSpot's. */
export function hubspotRecordUrl(appOrigin: string, portalId: string, dealId: string): string | null {
  if (!/^\d{1,12}$/.test(portalId) || !/^\d{1,20}$/.test(dealId)) return null;
  return `${appOrigin}/contacts/${portalId}/record/0-3/${dealId}`;
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
    // The Sales Workspace's deal tables get chips like the deals index.
    if (page.kind === 'deals-index' || page.kind === 'sales-workspace') return { kind: 'list', instance: page.portalId };
    return null;
  },

  recordId: (raw) => (/^\d{1,20}$/.test(raw) ? raw : null),

  async recordLinks(settings) {
    const status = await settings.get('hubspot.status');
    if (!status) return null;
    // api.hubapi.com serves every region's API; the pages are on the portal's own app host
    // (`uiDomain` from its account details; the sandbox's own origin in e2e builds).
    const origin =
      status.apiBase === DEFAULT_API_BASE
        ? `https://${status.uiDomain && APP_HOST.test(status.uiDomain) ? status.uiDomain : 'app.hubspot.com'}`
        : status.apiBase;
    return (id) => hubspotRecordUrl(origin, status.portalId, id);
  },

  errorCode: hubspotCodeOf,

  /**
   * Checks the token (and every scope) against the portal, keeps it, and says how to sync.
   * The API is api.hubapi.com, or, for an e2e build's localhost sandbox tab, that page's
   * own origin (design.md's e2e contract).
   */
  async connect(request, env): Promise<Connected | Failure> {
    const token = request.token;
    if (typeof token !== 'string' || token.trim() === '') return { ok: false, error: HUBSPOT_MESSAGES.noToken };
    if (token.length > 4096 || /\s/.test(token.trim())) return { ok: false, error: HUBSPOT_MESSAGES.notAToken };
    let apiBase = DEFAULT_API_BASE;
    let knownPortalId: string | undefined;
    if (request.tabId !== undefined) {
      const tab = await env.getTab(request.tabId);
      const base = tab?.url ? apiBaseFor(tab.url, env.hostOptions) : null;
      if (!tab?.url || !base) return { ok: false, error: HUBSPOT_MESSAGES.notAHubSpotTab };
      apiBase = base;
      // The page's URL names its portal: the fallback when the API serves no account details.
      const page = parseHubSpotUrl(tab.url, env.hostOptions);
      if (page.kind !== 'other') knownPortalId = page.portalId;
    }
    try {
      const trimmed = token.trim();
      const portal = await connectHubSpot(client(env.fetch, { token: trimmed, apiBase }), undefined, knownPortalId);
      const connectionId = hubspotConnectionId(portal.portalId);
      const credentials: HubSpotCredentials = { token: trimmed, apiBase, portalId: portal.portalId };
      const settings = env.settings(connectionId);
      await settings.set('hubspot.credentials', credentials);
      await recordStatus(settings, env.now(), credentials, { uiDomain: portal.uiDomain, currency: portal.currency });
      return { ok: true, connectionId, params: { apiBase, portalId: portal.portalId } };
    } catch (error) {
      if (!isHubSpotError(error)) return { ok: false, error: `HubSpot could not be reached: ${error instanceof Error ? error.message : String(error)}` };
      const code = hubspotCodeOf(error);
      return { ok: false, error: error.message, ...(code ? { code } : {}) };
    }
  },

  /** The portal of the page's URL: connected when the store holds it or a token for it. */
  async pageConnection(url, _tab, env): Promise<PageConnection> {
    const page = parseHubSpotUrl(url, env.hostOptions);
    if (page.kind === 'other') return { ok: false, error: HUBSPOT_MESSAGES.notADeal };
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
    const api = client(run.fetch, credentials);
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
      return failed(run.settings, run.now(), credentials, error, api.lastRateLimit);
    }
  },

  async fetchRecord(run: FetchRun, dealId: string): Promise<Opportunity> {
    const credentials = await credentialsOf(run.settings);
    const api = client(run.fetch, credentials);
    try {
      const overrides = await run.settings.get('hubspot.stages');
      const cached = contexts.get(run.connectionId);
      const context =
        cached && Date.now() - cached.at < CONTEXT_TTL_MS
          ? cached.context
          : await prepareHubSpot(api, { stageOverrides: overrides, knownPortalId: credentials.portalId });
      contexts.set(run.connectionId, { at: Date.now(), context });
      const found = await fetchDeal(api, dealId, { context });
      if (!found.opportunity) {
        const why = found.missing
          ? 'HubSpot has no such deal (deleted, archived, or not visible to this private app)'
          : (found.rejected?.reason ?? 'HubSpot did not return it');
        throw new Error(`Deal ${dealId} could not be read: ${why}.`);
      }
      return found.opportunity;
    } catch (error) {
      if (hubspotCodeOf(error) !== undefined) await failed(run.settings, run.now(), credentials, error, api.lastRateLimit);
      throw error;
    }
  },
};
