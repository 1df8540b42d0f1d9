/**
 * Settings (lib/store/schema.ts `SETTINGS`: each one's type, default, scope and version)
 * and the per-connection field mappings of the options page. A value is data read back
 * from IndexedDB: an older version's is migrated, anything its setting refuses reads as
 * the default, and a connection's settings are deleted with it (the `connectionId` index).
 */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { quoted, reading, writing, nowIso } from './guard';
import {
  SETTINGS,
  settingKey,
  type ConnectionSettingName,
  type ConnectionSettings,
  type ConnectionSettingValues,
  type FieldMappingRecord,
  type GlobalSettingName,
  type SettingDef,
  type SettingName,
  type SettingRecord,
  type SettingValue,
} from './schema';

/** A stored record's value as `def` reads it: migrated from an older version, checked, or the default. */
export function readValue<T>(def: SettingDef<T>, record: Pick<SettingRecord, 'value' | 'version'> | undefined): T {
  if (record === undefined) return def.default;
  let value = record.value;
  const version = typeof record.version === 'number' ? record.version : 1;
  if (version < def.version) value = def.migrate ? def.migrate(value, version) : undefined;
  const parsed = value === undefined ? undefined : def.parse(value);
  return parsed === undefined ? def.default : parsed;
}

function describe(name: string, connectionId: string | null): string {
  return connectionId === null ? `the setting ${quoted(name)}` : `the setting ${quoted(name)} of ${quoted(connectionId)}`;
}

async function read<K extends SettingName>(db: DealsightDb, name: K, connectionId: string | null): Promise<SettingValue<K>> {
  const def = SETTINGS[name] as SettingDef<SettingValue<K>>;
  return reading(describe(name, connectionId), async () => readValue(def, await db.settings.get(settingKey(name, connectionId))));
}

async function write<K extends SettingName>(db: DealsightDb, name: K, connectionId: string | null, value: SettingValue<K>): Promise<void> {
  const def = SETTINGS[name] as SettingDef<SettingValue<K>>;
  await writing(db, describe(name, connectionId), [db.settings], async () => {
    await db.settings.put({ key: settingKey(name, connectionId), name, connectionId, version: def.version, value });
  });
}

async function remove(db: DealsightDb, name: SettingName, connectionId: string | null): Promise<void> {
  await writing(db, describe(name, connectionId), [db.settings], async () => {
    await db.settings.delete(settingKey(name, connectionId));
  });
}

/** One of the extension's own settings (the at-risk switch, the popup's view). */
export function getSetting<K extends GlobalSettingName>(db: DealsightDb, name: K): Promise<SettingValue<K>> {
  return read(db, name, null);
}

export function setSetting<K extends GlobalSettingName>(db: DealsightDb, name: K, value: SettingValue<K>): Promise<void> {
  return write(db, name, null, value);
}

/** The settings of one connection, typed by name; they are deleted with the connection. */
export function connectionSettings(db: DealsightDb, connectionId: string): ConnectionSettings {
  return {
    connectionId,
    get: (name) => read(db, name, connectionId) as Promise<ConnectionSettingValues[typeof name]>,
    set: (name, value) => write(db, name, connectionId, value),
    delete: (name) => remove(db, name, connectionId),
  };
}

/** One setting across every connection that has it stored: `[connectionId, value]` pairs. */
export async function listConnectionSetting<K extends ConnectionSettingName>(db: DealsightDb, name: K): Promise<Array<[string, SettingValue<K>]>> {
  const def = SETTINGS[name] as SettingDef<SettingValue<K>>;
  return reading(`the setting ${quoted(name)} of every connection`, async () => {
    const records = await db.settings.where('connectionId').above('').toArray();
    return records.filter((r) => r.name === name && r.connectionId !== null).map((r) => [r.connectionId as string, readValue(def, r)]);
  });
}

/** Every connection that has a setting stored (a connection's credentials can exist before its first record does). */
export async function listSettingConnections(db: DealsightDb): Promise<string[]> {
  return reading('the connections with settings', async () => {
    const ids = (await db.settings.where('connectionId').above('').toArray()).map((r) => r.connectionId as string);
    return [...new Set(ids)];
  });
}

export async function getFieldMapping(db: DealsightDb, connectionId: string): Promise<FieldMappingRecord | undefined> {
  return reading(`the field mapping of ${quoted(connectionId)}`, () => db.fieldMappings.get(connectionId));
}

/**
 * Sets the attribute keys the user unticked and, when given, the set-aside keys the user
 * put back (`kept`), returning the updated mapping. Keys the mapping does not have are
 * dropped (an import may have removed the field meanwhile): excluded keys must be fields,
 * kept keys fields or leaky ones. A key both excluded and kept is excluded (unticking wins).
 * Both lists follow the mapping's order. Without `kept` the stored one stays, less any key
 * now excluded.
 */
export async function setExcludedFields(
  db: DealsightDb,
  connectionId: string,
  excluded: readonly string[],
  kept?: readonly string[],
): Promise<FieldMappingRecord> {
  return writing(db, `the field mapping of ${quoted(connectionId)}`, [db.fieldMappings], async () => {
    const mapping = await db.fieldMappings.get(connectionId);
    if (!mapping) {
      throw new StoreError('missing', `The connection ${quoted(connectionId)} has no field mapping yet: import its data first.`);
    }
    const wanted = new Set(excluded);
    const fieldKeys = mapping.fields.map((f) => f.key);
    const nextExcluded = fieldKeys.filter((key) => wanted.has(key));
    const putBack = new Set(kept ?? mapping.kept ?? []);
    const known = [...new Set([...fieldKeys, ...mapping.leaky.map((l) => l.key)])];
    const updated: FieldMappingRecord = {
      ...mapping,
      excluded: nextExcluded,
      kept: known.filter((key) => putBack.has(key) && !wanted.has(key)),
      updatedAt: nowIso(),
    };
    await db.fieldMappings.put(updated);
    return updated;
  });
}
