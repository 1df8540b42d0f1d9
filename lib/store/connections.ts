/**
 * Connections and their data as a whole: list them, replace one's data with a fresh
 * import or sync (one transaction), delete one, delete everything.
 */
import type { Opportunity } from '../crm/opportunity';
import type { DealsightDb } from './db';
import { deriveAccounts, deriveStageHistory, deriveUsers } from './derive';
import { StoreError } from './errors';
import { CHUNK, connectionRange, nowIso, putInChunks, quoted, reading, writing } from './guard';
import { withUserChoices } from './mapping-choices';
import type { ConnectionRecord, FieldMappingRecord, OpportunityRecord } from './schema';

export async function listConnections(db: DealsightDb): Promise<ConnectionRecord[]> {
  return reading('the list of connections', () => db.connections.toArray());
}

export async function getConnection(db: DealsightDb, id: string): Promise<ConnectionRecord | undefined> {
  return reading(`the connection ${quoted(id)}`, () => db.connections.get(id));
}

/** What an import passes: `createdAt` and `dataVersion` are the store's to keep. */
export type ConnectionInput = Omit<ConnectionRecord, 'dataVersion' | 'createdAt'> & Partial<Pick<ConnectionRecord, 'dataVersion' | 'createdAt'>>;

/** The importer's mapping; the user's `excluded` and `kept` keys are kept by the store. */
export type FieldMappingInput = Omit<FieldMappingRecord, 'updatedAt' | 'excluded' | 'kept'>;

/**
 * Replaces everything a connection holds from its source with `opportunities`: the
 * opportunities, and the accounts, users and stage-history rows derived from them
 * (./derive.ts). In the same transaction it bumps the connection's `dataVersion`, sets
 * `syncedAt` (now, unless given), keeps `createdAt`, writes the field mapping keeping the
 * user's excluded and put-back keys that still exist, drops the cached panels (they embed the old
 * opportunity), and drops the scores of deals that are gone or changed between open and
 * closed (the popup must not list a closed deal; the next score job rewrites the rest).
 * Models and personas stay until retrained: `dataVersion` tells they are out of date.
 *
 * All or nothing: on any failure nothing changes and a `StoreError` says why.
 */
export async function replaceConnectionData(
  db: DealsightDb,
  connection: ConnectionInput,
  opportunities: readonly Opportunity[],
  mapping: FieldMappingInput,
): Promise<ConnectionRecord> {
  const id = connection.id;
  const what = `the data of ${quoted(connection.label || id)}`;
  validateImport(what, connection, opportunities, mapping);
  const tables = [db.connections, db.opportunities, db.accounts, db.users, db.stageHistory, db.fieldMappings, db.panels, db.scores];
  return writing(db, what, tables, async () => {
    const now = nowIso();
    const previous = await db.connections.get(id);
    const previousMapping = await db.fieldMappings.get(id);

    await Promise.all([
      connectionRange(db.opportunities, id).delete(),
      connectionRange(db.accounts, id).delete(),
      connectionRange(db.users, id).delete(),
      connectionRange(db.stageHistory, id).delete(),
      connectionRange(db.panels, id).delete(),
    ]);

    await writeOpportunities(db, id, opportunities);

    await dropStaleScores(db, id, opportunities);

    const record: ConnectionRecord = {
      ...connection,
      createdAt: previous?.createdAt ?? connection.createdAt ?? now,
      dataVersion: Math.max(previous?.dataVersion ?? 0, connection.dataVersion ?? 0) + 1,
      syncedAt: connection.syncedAt ?? now,
    };
    await db.connections.put(record);

    await db.fieldMappings.put(withUserChoices(mapping, previousMapping, now));
    return record;
  });
}

/**
 * Writes opportunities with the rows derived from them (stage history, accounts, users)
 * inside the caller's transaction. Chunked so that no second copy of 50k opportunities (or
 * their 250k stage rows) is built. Accounts and users take the latest names (a CRM rename).
 */
export async function writeOpportunities(db: DealsightDb, connectionId: string, opportunities: readonly Opportunity[]): Promise<void> {
  for (let start = 0; start < opportunities.length; start += CHUNK) {
    const chunk = opportunities.slice(start, start + CHUNK);
    await db.opportunities.bulkPut(chunk.map((o): OpportunityRecord => ({ connectionId, id: o.id, isClosed: o.isClosed ? 1 : 0, opportunity: o })));
    await db.stageHistory.bulkPut(deriveStageHistory(connectionId, chunk));
  }
  await putInChunks(db.accounts, deriveAccounts(connectionId, opportunities), (a) => a);
  await putInChunks(db.users, deriveUsers(connectionId, opportunities), (u) => u);
}

function validateImport(what: string, connection: ConnectionInput, opportunities: readonly Opportunity[], mapping: FieldMappingInput): void {
  if (!connection.id) throw new StoreError('write', `Dealsight could not save ${what}: the connection has no id. Nothing already stored was changed.`);
  if (mapping.connectionId !== connection.id) {
    throw new StoreError(
      'write',
      `Dealsight could not save ${what}: its field mapping belongs to ${quoted(mapping.connectionId)}, not ${quoted(connection.id)}. Nothing already stored was changed.`,
    );
  }
  const firstIndex = new Map<string, number>();
  opportunities.forEach((o, i) => {
    const earlier = firstIndex.get(o.id);
    if (earlier !== undefined) {
      throw new StoreError(
        'write',
        `Dealsight could not save ${what}: opportunity id ${quoted(o.id)} appears twice (records ${earlier + 1} and ${i + 1}). Nothing already stored was changed.`,
      );
    }
    firstIndex.set(o.id, i);
  });
}

/** Deletes the scores whose deal is gone, or is now closed while scored open (or the reverse). */
async function dropStaleScores(db: DealsightDb, connectionId: string, opportunities: readonly Opportunity[]): Promise<void> {
  const closed = new Map<string, boolean>();
  for (const o of opportunities) closed.set(o.id, o.isClosed);
  const [open, notOpen] = await Promise.all([
    db.scores.where('[connectionId+isOpen]').equals([connectionId, 1]).primaryKeys(),
    db.scores.where('[connectionId+isOpen]').equals([connectionId, 0]).primaryKeys(),
  ]);
  const stale = [...open.filter(([, id]) => closed.get(id) !== false), ...notOpen.filter(([, id]) => closed.get(id) !== true)];
  if (stale.length > 0) await db.scores.bulkDelete(stale);
}

/**
 * Deletes a connection and everything stored for it. Its finished jobs go from the log;
 * a queued or running job stays (the background cancels it first) so the runner's
 * updates still find their record.
 */
export async function deleteConnection(db: DealsightDb, id: string): Promise<void> {
  const tables = [
    db.connections,
    db.opportunities,
    db.accounts,
    db.users,
    db.stageHistory,
    db.models,
    db.personas,
    db.scores,
    db.panels,
    db.syncState,
    db.fieldMappings,
    db.jobs,
    db.settings,
  ];
  await writing(db, `the deletion of connection ${quoted(id)}`, tables, async () => {
    await Promise.all([
      connectionRange(db.opportunities, id).delete(),
      connectionRange(db.accounts, id).delete(),
      connectionRange(db.users, id).delete(),
      connectionRange(db.stageHistory, id).delete(),
      connectionRange(db.personas, id).delete(),
      connectionRange(db.scores, id).delete(),
      connectionRange(db.panels, id).delete(),
      db.connections.delete(id),
      db.models.delete(id),
      db.syncState.delete(id),
      db.fieldMappings.delete(id),
      // Its settings (a HubSpot token, sync choices, status): they name their connection.
      db.settings.where('connectionId').equals(id).delete(),
      db.jobs
        .where('connectionId')
        .equals(id)
        .filter((job) => job.status !== 'queued' && job.status !== 'running')
        .delete(),
    ]);
  });
}

/** Empties every table in one transaction: connections, data, models, jobs, settings, segments, uploads. */
export async function deleteAll(db: DealsightDb): Promise<void> {
  await writing(db, "the deletion of all of Dealsight's data", db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
