/** Settings (key → value) and the per-connection field mappings of the options page. */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { quoted, reading, writing, nowIso } from './guard';
import type { FieldMappingRecord } from './schema';

export async function getSetting<T>(db: DealsightDb, key: string, fallback: T): Promise<T> {
  return reading(`the setting ${quoted(key)}`, async () => {
    const record = await db.settings.get(key);
    return record === undefined ? fallback : (record.value as T);
  });
}

export async function setSetting(db: DealsightDb, key: string, value: unknown): Promise<void> {
  await writing(db, `the setting ${quoted(key)}`, [db.settings], async () => {
    await db.settings.put({ key, value });
  });
}

export async function deleteSetting(db: DealsightDb, key: string): Promise<void> {
  await writing(db, `the setting ${quoted(key)}`, [db.settings], async () => {
    await db.settings.delete(key);
  });
}

export async function getFieldMapping(db: DealsightDb, connectionId: string): Promise<FieldMappingRecord | undefined> {
  return reading(`the field mapping of ${quoted(connectionId)}`, () => db.fieldMappings.get(connectionId));
}

/**
 * Sets the attribute keys the user unticked, returning the updated mapping. Keys the
 * mapping does not have are dropped (an import may have removed the field meanwhile);
 * the rest are kept in the mapping's field order.
 */
export async function setExcludedFields(db: DealsightDb, connectionId: string, excluded: readonly string[]): Promise<FieldMappingRecord> {
  return writing(db, `the field mapping of ${quoted(connectionId)}`, [db.fieldMappings], async () => {
    const mapping = await db.fieldMappings.get(connectionId);
    if (!mapping) {
      throw new StoreError('missing', `The connection ${quoted(connectionId)} has no field mapping yet: import its data first.`);
    }
    const wanted = new Set(excluded);
    const updated: FieldMappingRecord = {
      ...mapping,
      excluded: mapping.fields.map((f) => f.key).filter((key) => wanted.has(key)),
      updatedAt: nowIso(),
    };
    await db.fieldMappings.put(updated);
    return updated;
  });
}
