/**
 * Incremental writes of a CRM sync: one page of new and changed opportunities (and the
 * ids deleted in the CRM) merged into what a connection holds, with the sync's resume
 * point, in one transaction. A sync stopped after any page therefore resumes from exactly
 * what was stored (design.md, house rule 5); `replaceConnectionData` is for whole imports.
 */
import type { Opportunity } from '../crm/opportunity';
import { writeOpportunities, type ConnectionInput, type FieldMappingInput } from './connections';
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { nowIso, quoted, writing } from './guard';
import { withUserChoices } from './mapping-choices';
import type { ConnectionRecord, SyncStateRecord } from './schema';

export interface UpsertOptions {
  /**
   * Bump `dataVersion` (default true). An on-demand fetch of one record for its panel
   * passes false: it adds no training data the models depend on, and a bump would mark
   * every panel of the connection out of date until the next train.
   */
  bumpVersion?: boolean;
}

/**
 * Puts `opportunities` (new or changed) and deletes `deletedIds` for `connection`, with
 * the accounts, users and stage-history rows of the changed records. In the same
 * transaction: the connection record (created when new, `dataVersion` bumped, `createdAt`
 * kept), the field mapping when given (null keeps the stored one; the user's excluded
 * keys that still exist are kept), the sync state when given (null leaves it), and the
 * cached panels and scores of the touched records are dropped (a changed deal must not
 * show its old panel; a deleted one must leave the pipeline).
 *
 * All or nothing: on any failure nothing changes and a `StoreError` says why.
 */
export async function upsertConnectionData(
  db: DealsightDb,
  connection: ConnectionInput,
  opportunities: readonly Opportunity[],
  deletedIds: readonly string[],
  mapping: FieldMappingInput | null,
  syncState: Omit<SyncStateRecord, 'updatedAt'> | null,
  options: UpsertOptions = {},
): Promise<ConnectionRecord> {
  const id = connection.id;
  const what = `the data of ${quoted(connection.label || id)}`;
  validate(what, connection, opportunities, mapping, syncState);
  const tables = [db.connections, db.opportunities, db.accounts, db.users, db.stageHistory, db.fieldMappings, db.panels, db.scores, db.syncState];
  return writing(db, what, tables, async () => {
    const now = nowIso();
    const previous = await db.connections.get(id);

    const touched = [...new Set([...opportunities.map((o) => o.id), ...deletedIds])];
    const keys = touched.map((oid): [string, string] => [id, oid]);
    if (keys.length > 0) {
      await Promise.all([db.panels.bulkDelete(keys), db.scores.bulkDelete(keys)]);
      // A changed deal's stage history is rewritten whole, so rows of stages it no longer lists go.
      for (const oid of touched) {
        await db.stageHistory.where('[connectionId+opportunityId]').equals([id, oid]).delete();
      }
    }
    const changed = new Set(opportunities.map((o) => o.id));
    const gone = deletedIds.filter((oid) => !changed.has(oid));
    if (gone.length > 0) await db.opportunities.bulkDelete(gone.map((oid): [string, string] => [id, oid]));

    // The changed deals, and the accounts and users they name (the latest names win).
    await writeOpportunities(db, id, opportunities);

    const bump = options.bumpVersion ?? true;
    const base = Math.max(previous?.dataVersion ?? 0, connection.dataVersion ?? 0);
    const record: ConnectionRecord = {
      ...connection,
      createdAt: previous?.createdAt ?? connection.createdAt ?? now,
      dataVersion: bump || previous === undefined ? base + 1 : base,
      syncedAt: connection.syncedAt ?? previous?.syncedAt ?? null,
    };
    await db.connections.put(record);

    if (mapping !== null) {
      const previousMapping = await db.fieldMappings.get(id);
      await db.fieldMappings.put(withUserChoices(mapping, previousMapping, now));
    }
    if (syncState !== null) {
      await db.syncState.put({ connectionId: id, checkpoint: syncState.checkpoint, cursor: syncState.cursor, updatedAt: now });
    }
    return record;
  });
}

function validate(
  what: string,
  connection: ConnectionInput,
  opportunities: readonly Opportunity[],
  mapping: FieldMappingInput | null,
  syncState: Omit<SyncStateRecord, 'updatedAt'> | null,
): void {
  const fail = (why: string) => new StoreError('write', `Dealsight could not save ${what}: ${why}. Nothing already stored was changed.`);
  if (!connection.id) throw fail('the connection has no id');
  if (mapping !== null && mapping.connectionId !== connection.id)
    throw fail(`its field mapping belongs to ${quoted(mapping.connectionId)}, not ${quoted(connection.id)}`);
  if (syncState !== null && syncState.connectionId !== connection.id)
    throw fail(`its sync checkpoint belongs to ${quoted(syncState.connectionId)}, not ${quoted(connection.id)}`);
  const seen = new Map<string, number>();
  opportunities.forEach((o, i) => {
    const earlier = seen.get(o.id);
    if (earlier !== undefined) throw fail(`opportunity id ${quoted(o.id)} appears twice (records ${earlier + 1} and ${i + 1})`);
    seen.set(o.id, i);
  });
}
