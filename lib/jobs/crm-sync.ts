/**
 * The job runner's CRM work, the same for every CRM: a sync stored page by page (each page
 * with its checkpoint and cursor in one transaction, so an interrupted sync resumes from
 * the last stored page), then the field mapping over everything stored; and one record
 * fetched on demand for its panel. What differs between CRMs is the connector's
 * (lib/crm/registry.ts).
 */
import type { CrmConnector, JobParams, JobSecrets } from '../crm/connector';
import { CodedError } from '../crm/shared/coded-error';
import { fieldMapping } from '../crm/shared/attributes';
import type { FetchLike } from '../crm/shared/fetch';
import type { Opportunity } from '../crm/opportunity';
import type { DealsightDb } from '../store/db';
import { connectionSettings, getConnection, getSyncState, listOpportunities, upsertConnectionData, type ConnectionInput } from '../store/repo';
import { ref, type MessageRef } from '../i18n/ref';
import './text';

export interface CrmWork {
  db: DealsightDb;
  fetch: FetchLike;
  now: () => string;
  /** Progress of the sync (done, total); `newStep` when the connector moved to another step. */
  onProgress: (done: number, total: number, newStep: boolean) => void;
}

/** Syncs a CRM connection into the store. Returns a summary sentence (a message); training follows in the runner. */
export async function runCrmSync(
  crm: CrmConnector,
  work: CrmWork,
  job: { connectionId: string; params: JobParams },
  secrets: JobSecrets,
  signal?: AbortSignal,
): Promise<MessageRef> {
  const { connectionId } = job;
  const [state, existing] = await Promise.all([getSyncState(work.db, connectionId), getConnection(work.db, connectionId)]);
  const label = existing?.label ?? `${crm.label} (${crm.place} ${connectionId.slice(connectionId.indexOf(':') + 1)})`;
  const input = (rows: number): ConnectionInput => ({
    id: connectionId,
    kind: crm.kind,
    label,
    syncedAt: existing?.syncedAt ?? null,
    lastImport: existing?.lastImport ?? { fileName: null, format: crm.kind, rows, rejected: [], warnings: [] },
  });
  const outcome = await crm.sync({
    connectionId,
    params: job.params,
    secrets,
    settings: connectionSettings(work.db, connectionId),
    fetch: work.fetch,
    now: work.now,
    signal,
    checkpoint: state?.checkpoint ?? null,
    cursor: state?.cursor ?? null,
    onProgress: work.onProgress,
    onPage: async (page) => {
      await upsertConnectionData(work.db, input(page.done), page.opportunities, page.deleted, null, {
        connectionId,
        checkpoint: page.checkpoint,
        cursor: page.cursor,
      });
    },
  });
  // Closed deals before the window of a full sync (an earlier, longer window) go.
  const stored = await listOpportunities(work.db, connectionId);
  const before = outcome.dropClosedBefore;
  const outside = before === null ? [] : stored.filter((o) => o.isClosed && o.closeDate !== null && o.closeDate < before).map((o) => o.id);
  const gone = new Set(outside);
  const all = gone.size > 0 ? stored.filter((o) => !gone.has(o.id)) : stored;
  // The field mapping over everything stored (this run's records are only the changed ones).
  const { fields, leaky } = fieldMapping(all, outcome.attributes);
  await upsertConnectionData(
    work.db,
    {
      id: connectionId,
      kind: crm.kind,
      label: outcome.name ?? label,
      syncedAt: work.now(),
      lastImport: {
        fileName: null,
        format: crm.kind,
        rows: all.length,
        rejected: outcome.rejected.map((r, i) => ({
          line: i + 1,
          reason: `${r.id ? `${crm.nouns.record} ${r.id}` : `a ${crm.nouns.record} without an id`}: ${r.reason}`,
        })),
        warnings: outcome.warnings,
      },
    },
    [],
    outside,
    { connectionId, fields, leaky },
    { connectionId, checkpoint: outcome.checkpoint, cursor: null },
    // Pages already bumped the version when anything changed; dropping old deals changes the data too.
    { bumpVersion: outside.length > 0 },
  );
  // The CRM's nouns (lib/crm/*/connector.ts) pick the messages: HubSpot archives deals, Salesforce deletes opportunities.
  const deals = crm.nouns.records === 'deals';
  const parts: MessageRef[] = [ref(deals ? 'jobs_sync_changedDeals' : 'jobs_sync_changedOpportunities', { count: outcome.changed })];
  if (outcome.deleted > 0) parts.push(ref(crm.nouns.removed === 'archived' ? 'jobs_sync_archived' : 'jobs_sync_deleted', { count: outcome.deleted }));
  if (outside.length > 0 && before !== null) parts.push(ref('jobs_sync_dropped', { count: outside.length, date: before }));
  if (outcome.rejected.length > 0) parts.push(ref('jobs_sync_rejected', { count: outcome.rejected.length }));
  const how =
    outcome.mode === 'full'
      ? outcome.resumed
        ? 'jobs_sync_fullResumed'
        : 'jobs_sync_full'
      : outcome.resumed
        ? 'jobs_sync_incrementalResumed'
        : 'jobs_sync_incremental';
  return ref('jobs_sync_summary', { how: ref(how), parts, stored: all.length });
}

/** Fetches one record through the CRM's API and stores it (without bumping dataVersion: the models stay valid). */
export async function fetchCrmRecord(
  crm: CrmConnector,
  work: Pick<CrmWork, 'db' | 'fetch' | 'now'>,
  connectionId: string,
  recordId: string,
  access: { params: JobParams; secrets: JobSecrets },
): Promise<Opportunity> {
  const found = await crm.fetchRecord(
    { connectionId, params: access.params, secrets: access.secrets, settings: connectionSettings(work.db, connectionId), fetch: work.fetch, now: work.now },
    recordId,
  );
  const existing = await getConnection(work.db, connectionId);
  if (!existing) throw new CodedError(`This ${crm.label} ${crm.place} is not connected yet.`, 'not-connected');
  await upsertConnectionData(work.db, existing, [found], [], null, null, { bumpVersion: false });
  return found;
}
