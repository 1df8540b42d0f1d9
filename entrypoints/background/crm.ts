/**
 * The background's CRM handlers, the same for every CRM (what differs is asked of the
 * connector: lib/crm/registry.ts): connect an instance from the options page, sync it now
 * or daily, and answer a content script's record panel and list chips from the store,
 * fetching a record the store lacks through the CRM's API. Browser APIs come in through
 * `CrmDeps` (index.ts passes the real ones; tests pass fakes).
 */
import type { ConnectorEnv, CrmConnector, JobParams, JobSecrets, TabInfo } from '../../lib/crm/connector';
import { crmOfConnection, crmOfPage, CRMS } from '../../lib/crm/registry';
import { CodedError } from '../../lib/crm/shared/coded-error';
import type { HostOptions } from '../../lib/crm/shared/hosts';
import type { ConnectCrmMessage, ErrorReply, RecordChip } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { DealsightDb } from '../../lib/store/db';
import { getConnection, getModel, getOpportunity, getScores, listConnections, listSettingConnections } from '../../lib/store/repo';
import type { JobKind, JobRecord } from '../../lib/store/schema';
import { t } from '../../lib/i18n';

export interface CrmDeps {
  db: DealsightDb;
  /** The e2e build treats localhost as a CRM (design.md); production never does. */
  hostOptions: HostOptions;
  /** The browser and the store as one CRM's connector may use them. */
  env(crm: CrmConnector): ConnectorEnv;
  enqueue(kind: JobKind, connectionId: string, params: JobParams, secrets?: JobSecrets): Promise<number>;
  /** A job that was not run, in the job log with the reason. */
  logSkipped(kind: JobKind, connectionId: string, reason: string): Promise<void>;
  /** A stored record's panel: the cache, or the runner on a miss. */
  panel(connectionId: string, opportunityId: string): Promise<PanelData>;
  /** A record not in the store: fetched through the CRM's API, stored and scored by the runner. */
  recordPanel(connectionId: string, opportunityId: string, access: { params: JobParams; secrets?: JobSecrets }): Promise<PanelData>;
}

export const CRM_MESSAGES = {
  // In the asking page's language (the background speaks the browser's, as the page does).
  get notARecord(): string {
    return t('background_notARecord');
  },
  wrongOrigin: 'The record address is not on the page it came from.',
  unknownCrm: 'Dealsight does not connect to that CRM.',
  badOAuth: 'An OAuth sign-in needs a consumer key and a login host.',
} as const;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function failureOf(crm: CrmConnector, error: unknown): ErrorReply {
  const code = error instanceof CodedError ? error.code : crm.errorCode(error);
  return code ? { ok: false, code, error: messageOf(error) } : { ok: false, error: messageOf(error) };
}

/** 'connect-crm': checks the credentials with the CRM's connector, then queues the first sync. */
export async function connectCrm(
  deps: CrmDeps,
  request: Pick<ConnectCrmMessage, 'crm' | 'tabId' | 'token' | 'oauth'>,
): Promise<{ ok: true; connectionId: string; jobId: number } | (ErrorReply & { origins?: string[] })> {
  const crm = Object.prototype.hasOwnProperty.call(CRMS, request.crm) ? CRMS[request.crm] : null;
  if (!crm) return { ok: false, error: CRM_MESSAGES.unknownCrm };
  const oauth = request.oauth;
  if (oauth !== undefined && (typeof oauth !== 'object' || oauth === null || typeof oauth.clientId !== 'string' || typeof oauth.loginHost !== 'string')) {
    return { ok: false, error: CRM_MESSAGES.badOAuth };
  }
  const connected = await crm.connect(
    { tabId: request.tabId, token: request.token, ...(oauth ? { oauth: { clientId: oauth.clientId, loginHost: oauth.loginHost } } : {}) },
    deps.env(crm),
  );
  if (!connected.ok) return connected;
  const jobId = await deps.enqueue('sync', connected.connectionId, connected.params, connected.secrets);
  return { ok: true, connectionId: connected.connectionId, jobId };
}

/** 'sync-crm': a sync of a connected CRM instance now, or why it cannot run now. */
export async function syncCrm(deps: CrmDeps, connectionId: string): Promise<{ ok: true; jobId: number } | ErrorReply> {
  const crm = crmOfConnection(connectionId);
  const connection = await getConnection(deps.db, connectionId);
  if (!crm || !connection || connection.kind !== crm.kind)
    return {
      ok: false,
      error: t('background_notConnected', {
        crm: crm ? crm.label : 'CRM',
        place: crm?.place === 'portal' ? t('overlay_placePortal') : t('overlay_placeOrg'),
        id: connectionId,
      }),
    };
  const request = await crm.syncRequest(connectionId, deps.env(crm));
  if (!request.ok) return request;
  return { ok: true, jobId: await deps.enqueue('sync', connectionId, request.params, request.secrets) };
}

/** `url`, when it is on the sender's own page (a content script may only ask about the page it runs in). */
function ownPage(url: string, pageUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}

/** 'get-record-panel': the store's panel, or the record fetched through the CRM's API and scored. */
export async function recordPanel(deps: CrmDeps, url: string, sender: { url: string; tab: TabInfo }): Promise<{ ok: true; panel: PanelData } | ErrorReply> {
  if (!ownPage(url, sender.url)) return { ok: false, error: CRM_MESSAGES.wrongOrigin };
  const found = crmOfPage(url, deps.hostOptions);
  if (!found) return { ok: false, code: 'not-an-opportunity', error: CRM_MESSAGES.notARecord };
  const { crm, page } = found;
  if (page.kind !== 'record' || page.object !== 'opportunity') return { ok: false, code: 'not-an-opportunity', error: crm.messages.notARecord };
  const env = deps.env(crm);
  try {
    const connection = await crm.pageConnection(url, sender.tab, env);
    if (!connection.ok) return connection;
    const { connectionId } = connection;
    if (!(await getModel(deps.db, connectionId))) return { ok: false, code: 'not-synced', error: crm.messages.notSynced };
    if (await getOpportunity(deps.db, connectionId, page.id)) return { ok: true, panel: await deps.panel(connectionId, page.id) };
    const access = await crm.pageAccess(url, sender.tab, connectionId, env);
    if (!access.ok) return access;
    return { ok: true, panel: await deps.recordPanel(connectionId, page.id, access) };
  } catch (error) {
    return failureOf(crm, error);
  }
}

/** Chips are asked for by the ids in the page's links; at most this many per request. */
const MAX_CHIP_IDS = 2000;

/** 'get-record-scores': chips for the ids the store has scores for, under the id asked; unknown ids are left out. */
export async function recordScores(
  deps: CrmDeps,
  url: string,
  ids: readonly unknown[],
  sender: { url: string; tab: TabInfo },
): Promise<{ ok: true; scores: Record<string, RecordChip> } | ErrorReply> {
  if (!ownPage(url, sender.url)) return { ok: false, error: CRM_MESSAGES.wrongOrigin };
  const found = crmOfPage(url, deps.hostOptions);
  if (!found) return { ok: false, error: CRM_MESSAGES.notARecord };
  const { crm } = found;
  const connection = await crm.pageConnection(url, sender.tab, deps.env(crm));
  if (!connection.ok) return connection;
  // A page may show one record under two ids (Salesforce's 15 and 18 characters): answer each as asked.
  const asked = new Map<string, string[]>();
  for (const raw of Array.isArray(ids) ? ids.slice(0, MAX_CHIP_IDS) : []) {
    const id = typeof raw === 'string' ? crm.recordId(raw) : null;
    if (id !== null) asked.set(id, [...(asked.get(id) ?? []), raw as string]);
  }
  const scores: Record<string, RecordChip> = {};
  for (const row of await getScores(deps.db, connection.connectionId, [...asked.keys()])) {
    for (const raw of asked.get(row.id) ?? [])
      scores[raw] = { winPotential: row.winPotential, repeatBuyerPotential: row.repeatBuyerPotential, health: row.health ?? null };
  }
  return { ok: true, scores };
}

/** Why the daily sync of a connection did not run, as the job log says it. */
export function dailySkipReason(crm: CrmConnector, why: string): string {
  return t('background_dailySkipped', { crm: crm.label, why });
}

/**
 * The daily alarm: an incremental sync of every CRM connection that can sync now (a
 * Salesforce org with an open tab, a HubSpot portal with its token), a logged skip for the
 * others; and a retraining of every connection whose data changed since its models.
 */
export async function dailyRefresh(deps: CrmDeps): Promise<void> {
  for (const connection of await listConnections(deps.db)) {
    const crm = crmOfConnection(connection.id);
    if (crm && connection.kind === crm.kind) {
      const request = await crm.syncRequest(connection.id, deps.env(crm));
      // The sync trains when it ends.
      if (request.ok) {
        await deps.enqueue('sync', connection.id, request.params, request.secrets);
        continue;
      }
      await deps.logSkipped('sync', connection.id, dailySkipReason(crm, request.error));
    }
    const model = await getModel(deps.db, connection.id);
    if (!model || model.dataVersion !== connection.dataVersion) await deps.enqueue('train', connection.id, {});
  }
}

/**
 * Before everything is deleted: undo at each CRM what connecting did (revoke OAuth tokens),
 * best effort; returns what could not be undone, one line each.
 */
export async function disconnectAll(deps: Pick<CrmDeps, 'db' | 'env'>): Promise<string[]> {
  const failures: string[] = [];
  for (const connection of await listConnectionsAndSecrets(deps.db)) {
    const crm = crmOfConnection(connection);
    if (!crm?.disconnect) continue;
    const env = deps.env(crm);
    try {
      await crm.disconnect(env.settings(connection), env.fetch);
    } catch (error) {
      failures.push(`${crm.label} ${connection}: ${messageOf(error)}`);
    }
  }
  return failures;
}

/** Every connection id with stored data or stored settings (an OAuth sign-in whose first sync failed has no record yet). */
async function listConnectionsAndSecrets(db: DealsightDb): Promise<string[]> {
  return [...new Set([...(await listConnections(db)).map((c) => c.id), ...(await listSettingConnections(db))])];
}

/** The secrets of a queued job whose in-memory secrets died with an earlier background (a sync's session). */
export async function secretsForJob(deps: Pick<CrmDeps, 'env'>, job: Pick<JobRecord, 'kind' | 'connectionId' | 'params'>): Promise<JobSecrets | undefined> {
  if (job.kind !== 'sync') return undefined;
  const crm = crmOfConnection(job.connectionId);
  return crm ? crm.secretsForJob(job.params, deps.env(crm)) : undefined;
}
