/** A connector's resume point per connection, so an interrupted sync continues where it stopped. */
import type { DealsightDb } from './db';
import { nowIso, quoted, reading, writing } from './guard';
import type { SyncStateRecord } from './schema';

export async function getSyncState(db: DealsightDb, connectionId: string): Promise<SyncStateRecord | undefined> {
  return reading(`the sync checkpoint of ${quoted(connectionId)}`, () => db.syncState.get(connectionId));
}

/** Stores the checkpoint and cursor; `updatedAt` is set to now. */
export async function putSyncState(db: DealsightDb, state: Omit<SyncStateRecord, 'updatedAt'>): Promise<SyncStateRecord> {
  const record: SyncStateRecord = { connectionId: state.connectionId, checkpoint: state.checkpoint, cursor: state.cursor, updatedAt: nowIso() };
  await writing(db, `the sync checkpoint of ${quoted(state.connectionId)}`, [db.syncState], async () => {
    await db.syncState.put(record);
  });
  return record;
}
