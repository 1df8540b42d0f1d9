/**
 * The HubSpot work the background and the job runner do (issue 6): connect a portal with a
 * private app token (checked, then kept in the extension's own IndexedDB — local to this
 * browser profile, never in synced storage), sync it page by page with checkpoints so an
 * interrupted sync resumes, and fetch one deal on demand for its panel.
 */
import {
  HubSpotClient,
  connectHubSpot,
  fetchDeal,
  isHubSpotError,
  prepareHubSpot,
  syncHubSpot,
  type HubSpotContext,
  type PortalInfo,
  type RateLimitInfo,
  type StageOutcome,
  type StageOverrides,
  type SyncProgress,
} from '../crm/hubspot';
import type { Opportunity } from '../crm/opportunity';
import type { FetchLike } from '../crm/shared/fetch';
import type { ErrorCode } from '../messages';
import type { DealsightDb } from '../store/db';
import { deleteSetting, getConnection, getSetting, getSyncState, listOpportunities, setSetting, upsertConnectionData, type ConnectionInput } from '../store/repo';
import type { JobRecord } from '../store/schema';
import { fieldMapping } from '../crm/shared/attributes';
import { ATTRIBUTE_COLUMNS } from '../crm/hubspot/properties';
import { CodedError } from './salesforce';

/** `hubspot:<portalId>`: one connection per portal, so each portal's data is kept apart. */
export function hubspotConnectionId(portalId: string): string {
  return `hubspot:${portalId}`;
}

/** The token and API host of a connected portal. The token is a secret: only the runner and the background read it. */
export interface HubSpotCredentials {
  token: string;
  apiBase: string;
  portalId: string;
}

/** The options page's view of a portal: last state, rate limits, portal details. */
export interface HubSpotStatus {
  apiBase: string;
  portalId: string;
  uiDomain: string | null;
  currency: string | null;
  limits: RateLimitInfo | null;
  /** 'ok', or the state the last sync or fetch ended in. */
  state: 'ok' | 'token-invalid' | 'token-expired' | 'missing-scopes' | 'error';
  message: string | null;
  checkedAt: string;
  /** The portal's stages as of the last sync, for the options page's outcome mapping. */
  stages?: Array<{ id: string; label: string; probability: number | null; hubspotOutcome: StageOutcome | null; overridden: boolean }>;
  /** The stage mapping the last completed sync used: a new one re-reads every deal. */
  stageOverrides?: StageOverrides;
}

export const credentialsKey = (connectionId: string): string => `hubspot:credentials:${connectionId}`;
export const hubspotStatusKey = (connectionId: string): string => `hubspot:status:${connectionId}`;
/** The user's outcome per stage id (`won`/`lost`/`open`), overriding "closed with probability 1 is won". */
export const stageOverridesKey = (connectionId: string): string => `hubspot:stages:${connectionId}`;

export async function getHubSpotCredentials(db: DealsightDb, connectionId: string): Promise<HubSpotCredentials | null> {
  const value = await getSetting<HubSpotCredentials | null>(db, credentialsKey(connectionId), null);
  return value && typeof value.token === 'string' && typeof value.apiBase === 'string' ? value : null;
}

export async function getHubSpotStatus(db: DealsightDb, connectionId: string): Promise<HubSpotStatus | null> {
  return getSetting<HubSpotStatus | null>(db, hubspotStatusKey(connectionId), null);
}

/** The content-script state a HubSpot failure shows: a bad token reads like an expired session (reconnect in the options). */
export function hubspotCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof CodedError) return error.code;
  if (!isHubSpotError(error)) return undefined;
  if (error.state === 'token-invalid' || error.state === 'token-expired' || error.state === 'token-missing') return 'session-expired';
  if (error.state === 'missing-scopes' || error.state === 'forbidden') return 'no-api-access';
  return undefined;
}

export interface HubSpotWork {
  db: DealsightDb;
  fetch: FetchLike;
  now: () => string;
  onProgress: (progress: SyncProgress) => void;
}

function client(work: Pick<HubSpotWork, 'fetch'>, credentials: Pick<HubSpotCredentials, 'token' | 'apiBase'>): HubSpotClient {
  return new HubSpotClient({ token: credentials.token, apiBase: credentials.apiBase, fetch: work.fetch });
}

async function recordStatus(work: Pick<HubSpotWork, 'db' | 'now'>, connectionId: string, credentials: HubSpotCredentials, patch: Partial<HubSpotStatus>): Promise<void> {
  const previous = await getHubSpotStatus(work.db, connectionId);
  const status: HubSpotStatus = {
    apiBase: credentials.apiBase,
    portalId: credentials.portalId,
    uiDomain: previous?.uiDomain ?? null,
    currency: previous?.currency ?? null,
    limits: previous?.limits ?? null,
    state: 'ok',
    message: null,
    ...patch,
    checkedAt: work.now(),
  };
  await setSetting(work.db, hubspotStatusKey(connectionId), status);
}

async function failed(work: Pick<HubSpotWork, 'db' | 'now'>, connectionId: string, credentials: HubSpotCredentials, error: unknown, limits: RateLimitInfo | null): Promise<never> {
  const state: HubSpotStatus['state'] = isHubSpotError(error) && (error.state === 'token-invalid' || error.state === 'token-expired' || error.state === 'missing-scopes') ? error.state : 'error';
  await recordStatus(work, connectionId, credentials, { state, message: error instanceof Error ? error.message : String(error), ...(limits ? { limits } : {}) }).catch(() => undefined);
  throw error;
}

/**
 * Checks a token against the portal (the cheapest calls, every missing scope named at
 * once) and keeps it for the portal's connection. Throws HubSpotError's typed states;
 * nothing is stored unless the token works.
 */
export async function connectPortal(work: Pick<HubSpotWork, 'db' | 'fetch' | 'now'>, token: string, apiBase: string, knownPortalId?: string): Promise<{ connectionId: string; portal: PortalInfo }> {
  const trimmed = token.trim();
  const portal = await connectHubSpot(client(work, { token: trimmed, apiBase }), undefined, knownPortalId);
  const connectionId = hubspotConnectionId(portal.portalId);
  const credentials: HubSpotCredentials = { token: trimmed, apiBase, portalId: portal.portalId };
  await setSetting(work.db, credentialsKey(connectionId), credentials);
  await recordStatus(work, connectionId, credentials, { uiDomain: portal.uiDomain, currency: portal.currency });
  return { connectionId, portal };
}

/** Forgets a portal's token (its data stays until the connection is removed). */
export async function forgetToken(db: DealsightDb, connectionId: string): Promise<void> {
  await deleteSetting(db, credentialsKey(connectionId));
}

async function credentialsFor(db: DealsightDb, connectionId: string): Promise<HubSpotCredentials> {
  const credentials = await getHubSpotCredentials(db, connectionId);
  if (!credentials) throw new CodedError('Dealsight has no HubSpot access token for this portal: paste it in the options page.', 'session-expired');
  return credentials;
}

/**
 * Syncs the portal into its connection: each page is stored with the checkpoint and cursor
 * in one transaction, so an interrupted sync resumes from the last stored page. Returns a
 * summary line; training follows in the runner.
 */
export async function runHubSpotSync(work: HubSpotWork, job: JobRecord, signal?: AbortSignal): Promise<string> {
  const connectionId = job.connectionId;
  const credentials = await credentialsFor(work.db, connectionId);
  const api = client(work, credentials);
  try {
    const [state, existing, overrides, status] = await Promise.all([
      getSyncState(work.db, connectionId),
      getConnection(work.db, connectionId),
      getSetting<StageOverrides>(work.db, stageOverridesKey(connectionId), {}),
      getHubSpotStatus(work.db, connectionId),
    ]);
    // A new stage mapping changes stored deals' outcomes: read every deal again (an
    // incremental sync would only bring the deals changed since).
    const remap = status?.stageOverrides !== undefined && JSON.stringify(sorted(status.stageOverrides)) !== JSON.stringify(sorted(overrides));
    const label = existing?.label ?? `HubSpot (portal ${credentials.portalId})`;
    const input = (rows: number): ConnectionInput => ({
      id: connectionId,
      kind: 'hubspot',
      label,
      syncedAt: existing?.syncedAt ?? null,
      lastImport: existing?.lastImport ?? { fileName: null, format: 'hubspot', rows, rejected: [], warnings: [] },
    });
    const result = await syncHubSpot({
      client: api,
      checkpoint: remap ? null : (state?.checkpoint ?? null),
      cursor: remap ? null : (state?.cursor ?? null),
      stageOverrides: overrides,
      knownPortalId: credentials.portalId,
      signal,
      onProgress: work.onProgress,
      onPage: async (page) => {
        await upsertConnectionData(work.db, input(page.done), page.opportunities, page.deleted, null, { connectionId, checkpoint: page.checkpoint, cursor: page.cursor });
      },
    });
    const all = await listOpportunities(work.db, connectionId);
    const { fields, leaky } = fieldMapping(all, ATTRIBUTE_COLUMNS);
    await upsertConnectionData(
      work.db,
      {
        id: connectionId,
        kind: 'hubspot',
        label,
        syncedAt: work.now(),
        lastImport: {
          fileName: null,
          format: 'hubspot',
          rows: all.length,
          rejected: result.rejected.map((r, i) => ({ line: i + 1, reason: `${r.id ? `deal ${r.id}` : 'a deal without an id'}: ${r.reason}` })),
          warnings: result.warnings,
        },
      },
      [],
      [],
      { connectionId, fields, leaky },
      { connectionId, checkpoint: result.checkpoint, cursor: null },
      { bumpVersion: false },
    );
    await recordStatus(work, connectionId, credentials, {
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
    const changed = result.opportunities.length.toLocaleString('en-US');
    const deleted = result.deleted && result.deleted.length > 0 ? `, ${result.deleted.length.toLocaleString('en-US')} archived` : '';
    const rejected = result.rejected.length > 0 ? `, ${result.rejected.length.toLocaleString('en-US')} rejected` : '';
    const how = result.mode === 'full' ? 'Full sync' : 'Incremental sync';
    return `${how}${result.resumed ? ' (resumed)' : ''}: ${changed} deals new or changed${deleted}${rejected}; ${all.length.toLocaleString('en-US')} stored.`;
  } catch (error) {
    return failed(work, connectionId, credentials, error, api.lastRateLimit);
  }
}

function sorted(overrides: StageOverrides): Array<[string, string]> {
  return Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Contexts (portal, pipelines, owners) of recent on-demand fetches, per connection. */
const contexts = new Map<string, { at: number; context: HubSpotContext }>();
const CONTEXT_TTL_MS = 10 * 60_000;

/** Fetches one deal through the API and stores it (without bumping dataVersion). */
export async function fetchHubSpotDeal(work: Pick<HubSpotWork, 'db' | 'fetch' | 'now'>, connectionId: string, dealId: string): Promise<Opportunity> {
  const credentials = await credentialsFor(work.db, connectionId);
  const api = client(work, credentials);
  try {
    const overrides = await getSetting<StageOverrides>(work.db, stageOverridesKey(connectionId), {});
    const cached = contexts.get(connectionId);
    const context = cached && Date.now() - cached.at < CONTEXT_TTL_MS ? cached.context : await prepareHubSpot(api, { stageOverrides: overrides, knownPortalId: credentials.portalId });
    contexts.set(connectionId, { at: Date.now(), context });
    const found = await fetchDeal(api, dealId, { context });
    if (!found.opportunity) {
      const why = found.missing ? 'HubSpot has no such deal (deleted, archived, or not visible to this private app)' : (found.rejected?.reason ?? 'HubSpot did not return it');
      throw new Error(`Deal ${dealId} could not be read: ${why}.`);
    }
    const existing = await getConnection(work.db, connectionId);
    if (!existing) throw new CodedError('This HubSpot portal is not connected yet.', 'not-connected');
    await upsertConnectionData(work.db, existing, [found.opportunity], [], null, null, { bumpVersion: false });
    return found.opportunity;
  } catch (error) {
    if (hubspotCodeOf(error) !== undefined) await failed(work, connectionId, credentials, error, api.lastRateLimit);
    throw error;
  }
}
