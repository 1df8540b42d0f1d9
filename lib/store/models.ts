/** Trained models and personas: written whole by the train job, read by the pages and the runner. */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { connectionRange, quoted, reading, writing } from './guard';
import type { ModelRecord, PersonaRecord } from './schema';

export async function getModel(db: DealsightDb, connectionId: string): Promise<ModelRecord | undefined> {
  return reading(`the models of ${quoted(connectionId)}`, () => db.models.get(connectionId));
}

export async function listPersonas(db: DealsightDb, connectionId: string): Promise<PersonaRecord[]> {
  return reading(`the personas of ${quoted(connectionId)}`, () => connectionRange(db.personas, connectionId).toArray());
}

/**
 * Replaces the connection's models and personas in one transaction, and drops its cached
 * panels (they were computed by the old models).
 */
export async function saveModels(db: DealsightDb, model: ModelRecord, personas: readonly PersonaRecord[]): Promise<void> {
  const id = model.connectionId;
  const what = `the trained models of ${quoted(id)}`;
  const stranger = personas.find((p) => p.connectionId !== id);
  if (stranger) {
    throw new StoreError(
      'write',
      `Dealsight could not save ${what}: persona ${quoted(stranger.id)} belongs to ${quoted(stranger.connectionId)}. Nothing already stored was changed.`,
    );
  }
  await writing(db, what, [db.models, db.personas, db.panels], async () => {
    await Promise.all([connectionRange(db.personas, id).delete(), connectionRange(db.panels, id).delete()]);
    await db.models.put(model);
    await db.personas.bulkPut([...personas]);
  });
}
