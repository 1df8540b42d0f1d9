/** Scores: one row per scored opportunity, the popup's pipeline. */
import Dexie from 'dexie';
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { connectionRange, putInChunks, quoted, readingTogether, reading, writing } from './guard';
import type { ScoreRecord } from './schema';

/**
 * The open deals' score records of one connection, or of every connection when
 * `connectionId` is undefined; in connection then opportunity-id order (the popup sorts).
 */
export async function listPipeline(db: DealsightDb, connectionId?: string): Promise<ScoreRecord[]> {
  if (connectionId !== undefined) {
    return reading(`the pipeline of ${quoted(connectionId)}`, () => db.scores.where('[connectionId+isOpen]').equals([connectionId, 1]).toArray());
  }
  return readingTogether(db, 'the pipeline', [db.connections, db.scores], async () => {
    const ids = (await db.connections.toCollection().primaryKeys()) as string[];
    const parts = await Promise.all(ids.map((id) => db.scores.where('[connectionId+isOpen]').equals([id, 1]).toArray()));
    return parts.flat();
  });
}

/**
 * The `limit` open deals with the best Win Potential, best first, read from the v2 index
 * `[connectionId+isOpen+winPotential]`. Deals without a Win Potential (no win model) are
 * not in that index; they follow, in id order, to fill the page.
 */
export async function topPipeline(db: DealsightDb, connectionId: string, limit: number): Promise<ScoreRecord[]> {
  return reading(`the pipeline of ${quoted(connectionId)}`, async () => {
    const ranked = await db.scores
      .where('[connectionId+isOpen+winPotential]')
      .between([connectionId, 1, Dexie.minKey], [connectionId, 1, Dexie.maxKey])
      .reverse()
      .limit(limit)
      .toArray();
    if (ranked.length >= limit) return ranked;
    const unranked = await db.scores
      .where('[connectionId+isOpen]')
      .equals([connectionId, 1])
      .filter((s) => s.winPotential === null)
      .limit(limit - ranked.length)
      .toArray();
    return ranked.concat(unranked);
  });
}

/** The score of one opportunity, open or closed. */
export async function getScore(db: DealsightDb, connectionId: string, id: string): Promise<ScoreRecord | undefined> {
  return reading(`the scores of ${quoted(id)}`, () => db.scores.get([connectionId, id]));
}

/** The scores of the given opportunities that exist, in the order asked (a list view's chips). */
export async function getScores(db: DealsightDb, connectionId: string, ids: readonly string[]): Promise<ScoreRecord[]> {
  return reading(`the scores of ${quoted(connectionId)}`, async () => {
    const rows = await db.scores.bulkGet(ids.map((id): [string, string] => [connectionId, id]));
    return rows.filter((r): r is ScoreRecord => r !== undefined);
  });
}

/** Replaces all of the connection's scores in one transaction. */
export async function saveScores(db: DealsightDb, connectionId: string, rows: readonly ScoreRecord[]): Promise<void> {
  const what = `the scores of ${quoted(connectionId)}`;
  const stranger = rows.find((r) => r.connectionId !== connectionId);
  if (stranger) {
    throw new StoreError(
      'write',
      `Dealsight could not save ${what}: the score of ${quoted(stranger.id)} belongs to ${quoted(stranger.connectionId)}. Nothing already stored was changed.`,
    );
  }
  await writing(db, what, [db.scores], async () => {
    await connectionRange(db.scores, connectionId).delete();
    await putInChunks(db.scores, rows, (r) => r);
  });
}
