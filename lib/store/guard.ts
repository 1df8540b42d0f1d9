/**
 * The two doors every store function goes through: `writing` runs its work in one
 * read-write transaction (all of it or none of it, design.md house rule 5) and `reading`
 * runs a read; both turn any failure into a `StoreError` the UI can show.
 */
import Dexie, { type Table } from 'dexie';
import type { DealsightDb } from './db';
import { toStoreError } from './errors';

export async function writing<T>(db: DealsightDb, what: string, tables: Table[], work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', tables, work);
  } catch (error) {
    throw toStoreError(error, 'write', what);
  }
}

export async function reading<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, 'read', what);
  }
}

/** Runs reads of several tables in one read-only transaction, so they see one state. */
export async function readingTogether<T>(db: DealsightDb, what: string, tables: Table[], work: () => Promise<T>): Promise<T> {
  return reading(what, () => db.transaction('r', tables, work));
}

/**
 * The primary-key range of one connection in a table whose key starts with `connectionId`.
 * Deleting by this range is a single IDBObjectStore.delete(range) in Dexie, not a cursor
 * over 50k records.
 */
export function connectionRange<T, K>(table: Table<T, K>, connectionId: string) {
  return table.where(':id').between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true);
}

/**
 * Records per bulkPut inside a transaction: big enough to keep IndexedDB busy, small
 * enough that 50k opportunities never build one huge request list.
 */
export const CHUNK = 2_000;

/** Puts `items` mapped by `toRecord` in chunks; call inside `writing`. */
export async function putInChunks<S, T, K>(table: Table<T, K>, items: readonly S[], toRecord: (item: S) => T): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const end = Math.min(items.length, start + CHUNK);
    const chunk = new Array<T>(end - start);
    for (let i = start; i < end; i++) chunk[i - start] = toRecord(items[i] as S);
    await table.bulkPut(chunk);
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A name as messages quote it: `"deals.csv"`. */
export function quoted(text: string): string {
  return `"${text}"`;
}
