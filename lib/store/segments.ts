/** Saved popup filters (schema v2). Names are unique: saving under an existing name replaces it. */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { nowIso, quoted, reading, writing } from './guard';
import type { SegmentRecord } from './schema';

/** Segments by name. */
export async function listSegments(db: DealsightDb): Promise<SegmentRecord[]> {
  return reading('the saved segments', () => db.segments.orderBy('name').toArray());
}

/** Saves `filters` under `name` (trimmed), replacing a segment of that name; returns its id. */
export async function saveSegment(db: DealsightDb, name: string, filters: Record<string, unknown>): Promise<number> {
  const trimmed = name.trim();
  if (trimmed === '') throw new StoreError('write', 'A saved segment needs a name. Nothing already stored was changed.');
  return writing(db, `the segment ${quoted(trimmed)}`, [db.segments], async () => {
    const existing = await db.segments.where('name').equals(trimmed).first();
    if (existing?.id !== undefined) {
      await db.segments.put({ ...existing, filters });
      return existing.id;
    }
    return (await db.segments.add({ name: trimmed, filters, createdAt: nowIso() })) as number;
  });
}

export async function deleteSegment(db: DealsightDb, id: number): Promise<void> {
  await writing(db, `saved segment #${id}`, [db.segments], () => db.segments.delete(id));
}
