/** Cached panel data per record: written on a miss, dropped whenever the data or the models change. */
import type { DealsightDb } from './db';
import { quoted, reading, writing } from './guard';
import type { PanelRecord } from './schema';

export async function getPanel(db: DealsightDb, connectionId: string, id: string): Promise<PanelRecord | undefined> {
  return reading(`the panel of ${quoted(id)}`, () => db.panels.get([connectionId, id]));
}

/**
 * Caches a panel. Returns false, storing nothing, when the connection's models were
 * retrained after the panel was computed (its `trainedAt` is not the stored model's):
 * a panel computed during a train job must not outlive the job's cache drop.
 */
export async function putPanel(db: DealsightDb, record: PanelRecord): Promise<boolean> {
  return writing(db, `the panel of ${quoted(record.id)}`, [db.models, db.panels], async () => {
    const model = await db.models.get(record.connectionId);
    if (model && model.trainedAt !== record.trainedAt) return false;
    await db.panels.put(record);
    return true;
  });
}
