/**
 * The Salesforce work the job runner does: a sync (full, incremental or resumed) stored
 * page by page, and one record fetched on demand for its panel. The session (`sid`) comes
 * in memory only, from the background: it is never written to the store, the job log or
 * any message that is persisted (issue 5, "Connection").
 */
import {
  DEFAULT_YEARS,
  SalesforceClient,
  fetchOpportunities,
  fieldMapping,
  isSalesforceError,
  prepareSalesforce,
  syncSalesforce,
  type ApiLimits,
  type CustomFieldChoice,
  type CustomFieldInput,
  type FetchLike,
  type SalesforceContext,
  type SyncProgress,
} from '../crm/salesforce';
import type { Opportunity } from '../crm/opportunity';
import type { DealsightDb } from '../store/db';
import { getConnection, getSetting, getSyncState, listOpportunities, setSetting, upsertConnectionData, type ConnectionInput } from '../store/repo';
import type { CrmSession, ErrorCode } from '../messages';
import type { JobRecord } from '../store/schema';

/** What the background hands the runner with a Salesforce job; never persisted. */
/** A Salesforce org's API session (the protocol's CrmSession). */
export type SalesforceSession = CrmSession;

/** `salesforce:<orgId>`: one connection per org, so each org's data is kept apart. */
export function salesforceConnectionId(orgId: string): string {
  return `salesforce:${orgId}`;
}

/** The options page's view of an org's connection: last state, API usage, API version. */
export interface SalesforceStatus {
  apiBase: string;
  orgId: string;
  orgName: string | null;
  apiVersion: string | null;
  limits: ApiLimits | null;
  /** 'ok', or the code of the state the last sync or fetch ended in. */
  state: 'ok' | Extract<ErrorCode, 'session-expired' | 'no-api-access'> | 'error';
  message: string | null;
  checkedAt: string;
  /** The closed-deal window (years) of the last completed sync; a new setting forces a full sync. */
  years?: number;
  /** The org's custom Opportunity fields a user may add, as of the last sync. */
  customFieldChoices?: CustomFieldChoice[];
  /** The custom-field setting of the last completed sync: a new choice forces a full sync. */
  customFields?: CustomFieldInput[];
}

export const statusKey = (connectionId: string): string => `salesforce:status:${connectionId}`;
/** Custom fields the user chose for an org (CustomFieldInput[]), set in the options page. */
export const customFieldsKey = (connectionId: string): string => `salesforce:customFields:${connectionId}`;
/** How many years of closed deals an org's sync reads (a whole number, DEFAULT_YEARS when unset). */
export const yearsKey = (connectionId: string): string => `salesforce:years:${connectionId}`;
/** The choices the options page offers for the closed-deal window. */
export const YEAR_CHOICES = [1, 2, 3, 4, 5, 7, 10] as const;

/** The org's window setting, checked: anything but a whole number of 1–50 years is the default. */
export async function getSyncYears(db: DealsightDb, connectionId: string): Promise<number> {
  const value = await getSetting<unknown>(db, yearsKey(connectionId), DEFAULT_YEARS);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 50 ? value : DEFAULT_YEARS;
}

export async function getSalesforceStatus(db: DealsightDb, connectionId: string): Promise<SalesforceStatus | null> {
  return getSetting<SalesforceStatus | null>(db, statusKey(connectionId), null);
}

/** An error that carries the ErrorCode a content script shows as a state. */
export class CodedError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

export function codeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof CodedError) return error.code;
  if (isSalesforceError(error) && (error.state === 'session-expired' || error.state === 'no-api-access')) return error.state;
  return undefined;
}

export const NO_SESSION_MESSAGE = 'The Salesforce session is not available to this job (the browser restarted since it was queued). Open Salesforce to reconnect.';

export interface SalesforceWork {
  db: DealsightDb;
  fetch: FetchLike;
  now: () => string;
  onProgress: (progress: SyncProgress) => void;
}

function client(work: SalesforceWork, session: SalesforceSession): SalesforceClient {
  return new SalesforceClient({ apiBase: session.apiBase, sid: session.sid, fetch: work.fetch });
}

async function recordStatus(work: SalesforceWork, connectionId: string, session: SalesforceSession, patch: Partial<SalesforceStatus>): Promise<void> {
  const previous = await getSalesforceStatus(work.db, connectionId);
  const status: SalesforceStatus = {
    apiBase: session.apiBase,
    orgId: session.orgId,
    orgName: previous?.orgName ?? null,
    apiVersion: previous?.apiVersion ?? null,
    limits: previous?.limits ?? null,
    state: 'ok',
    message: null,
    ...patch,
    checkedAt: work.now(),
  };
  await setSetting(work.db, statusKey(connectionId), status);
}

/** Records a failure's state for the options page, then rethrows it. */
async function failed(work: SalesforceWork, connectionId: string, session: SalesforceSession, error: unknown, limits: ApiLimits | null): Promise<never> {
  const code = codeOf(error);
  const state = code === 'session-expired' || code === 'no-api-access' ? code : 'error';
  await recordStatus(work, connectionId, session, { state, message: error instanceof Error ? error.message : String(error), ...(limits ? { limits } : {}) }).catch(() => undefined);
  throw error;
}

/**
 * Syncs the org into its connection: each page is stored with the checkpoint and cursor
 * in one transaction, so an interrupted sync resumes from the last stored page. Returns a
 * summary line; training follows in the runner.
 */
export async function runSalesforceSync(work: SalesforceWork, job: JobRecord, session: SalesforceSession, signal?: AbortSignal): Promise<string> {
  const connectionId = job.connectionId;
  const api = client(work, session);
  try {
    const [state, existing, customFields, years, status] = await Promise.all([
      getSyncState(work.db, connectionId),
      getConnection(work.db, connectionId),
      getSetting<CustomFieldInput[]>(work.db, customFieldsKey(connectionId), []),
      getSyncYears(work.db, connectionId),
      getSalesforceStatus(work.db, connectionId),
    ]);
    // A new window, or new custom fields, need every deal read again: an incremental sync
    // would only bring the deals changed since, leaving the rest without the new field.
    const windowChanged = status?.years !== undefined && status.years !== years;
    const fieldsChanged = status?.customFields !== undefined && JSON.stringify(status.customFields) !== JSON.stringify(customFields);
    const fresh = windowChanged || fieldsChanged;
    const label = existing?.label ?? `Salesforce (${new URL(session.apiBase).host})`;
    const input = (rows: number): ConnectionInput => ({
      id: connectionId,
      kind: 'salesforce',
      label,
      syncedAt: existing?.syncedAt ?? null,
      lastImport: existing?.lastImport ?? { fileName: null, format: 'salesforce', rows, rejected: [], warnings: [] },
    });
    const result = await syncSalesforce({
      client: api,
      checkpoint: fresh ? null : (state?.checkpoint ?? null),
      cursor: fresh ? null : (state?.cursor ?? null),
      years,
      customFields,
      // Records per page: the job may ask for fewer (tests; orgs with wide records).
      ...(typeof job.params.batchSize === 'number' ? { batchSize: job.params.batchSize } : {}),
      signal,
      onProgress: work.onProgress,
      onPage: async (page) => {
        await upsertConnectionData(work.db, input(page.done), page.opportunities, page.deleted, null, { connectionId, checkpoint: page.checkpoint, cursor: page.cursor });
      },
    });
    // A full sync read the whole window: deals closed before it (an earlier, longer window) go.
    const stored = await listOpportunities(work.db, connectionId);
    const outside = result.mode === 'full' ? stored.filter((o) => o.isClosed && o.closeDate !== null && o.closeDate < result.closedSince).map((o) => o.id) : [];
    const gone = new Set(outside);
    const all = gone.size > 0 ? stored.filter((o) => !gone.has(o.id)) : stored;
    // The field mapping over everything stored (this run's records are only the changed ones).
    const { fields, leaky } = fieldMapping(all, result.plan.attributes);
    const warnings = [...result.warnings];
    await upsertConnectionData(
      work.db,
      {
        id: connectionId,
        kind: 'salesforce',
        label: result.org?.name ?? label,
        syncedAt: work.now(),
        lastImport: {
          fileName: null,
          format: 'salesforce',
          rows: all.length,
          rejected: result.rejected.map((r, i) => ({ line: i + 1, reason: `${r.id ?? 'a record without an id'}: ${r.reason}` })),
          warnings,
        },
      },
      [],
      outside,
      { connectionId, fields, leaky },
      { connectionId, checkpoint: result.checkpoint, cursor: null },
      // Pages already bumped the version when anything changed; dropping old deals changes the data too.
      { bumpVersion: outside.length > 0 },
    );
    await recordStatus(work, connectionId, session, {
      orgName: result.org?.name ?? null,
      apiVersion: result.apiVersion,
      limits: result.limits,
      years,
      customFields,
      customFieldChoices: result.customFieldChoices,
    });
    const changed = result.opportunities.length.toLocaleString('en-US');
    const deleted = result.deleted && result.deleted.length > 0 ? `, ${result.deleted.length.toLocaleString('en-US')} deleted` : '';
    const dropped = outside.length > 0 ? `, ${outside.length.toLocaleString('en-US')} closed before ${result.closedSince} dropped` : '';
    const rejected = result.rejected.length > 0 ? `, ${result.rejected.length.toLocaleString('en-US')} rejected` : '';
    const how = result.mode === 'full' ? 'Full sync' : 'Incremental sync';
    return `${how}${result.resumed ? ' (resumed)' : ''}: ${changed} opportunities new or changed${deleted}${dropped}${rejected}; ${all.length.toLocaleString('en-US')} stored.`;
  } catch (error) {
    return failed(work, connectionId, session, error, api.lastLimits);
  }
}

/** Contexts of recent on-demand fetches, per API host: describe and stages cost several calls. */
const contexts = new Map<string, { at: number; context: SalesforceContext }>();
const CONTEXT_TTL_MS = 10 * 60_000;

/** Fetches one opportunity through the API and stores it (without bumping dataVersion). */
export async function fetchSalesforceRecord(work: SalesforceWork, connectionId: string, opportunityId: string, session: SalesforceSession): Promise<Opportunity> {
  const api = client(work, session);
  try {
    const cached = contexts.get(session.apiBase);
    const customFields = await getSetting<CustomFieldInput[]>(work.db, customFieldsKey(connectionId), []);
    const context = cached && Date.now() - cached.at < CONTEXT_TTL_MS ? cached.context : await prepareSalesforce(api, { customFields });
    contexts.set(session.apiBase, { at: Date.now(), context });
    const batch = await fetchOpportunities(api, context, [opportunityId]);
    const found = batch.opportunities[0];
    if (!found) {
      const why = batch.rejected[0]?.reason ?? 'Salesforce did not return it (deleted, or not visible to you)';
      throw new Error(`Opportunity ${opportunityId} could not be read: ${why}.`);
    }
    const existing = await getConnection(work.db, connectionId);
    if (!existing) throw new CodedError('This Salesforce org is not connected yet.', 'not-connected');
    await upsertConnectionData(work.db, existing, [found], [], null, null, { bumpVersion: false });
    return found;
  } catch (error) {
    if (codeOf(error) !== undefined) await failed(work, connectionId, session, error, api.lastLimits);
    throw error;
  }
}
