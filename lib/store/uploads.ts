/**
 * Files waiting to be imported. A page cannot hand a 50 MB file to the background through
 * `runtime.sendMessage` (Chrome limits message size), so it stores the text here and sends
 * the upload's id; the import job takes it.
 */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { nowIso, quoted, writing } from './guard';
import type { UploadRecord } from './schema';

export async function putUpload(db: DealsightDb, fileName: string, text: string): Promise<number> {
  return writing(db, `the file ${quoted(fileName)}`, [db.uploads], async () => {
    return (await db.uploads.add({ fileName, text, createdAt: nowIso() })) as number;
  });
}

/** Reads and deletes an upload in one transaction; a 'missing' StoreError when it is gone. */
export async function takeUpload(db: DealsightDb, id: number): Promise<UploadRecord> {
  return writing(db, `uploaded file #${id}`, [db.uploads], async () => {
    const upload = await db.uploads.get(id);
    if (!upload) {
      throw new StoreError('missing', `The uploaded file (#${id}) is no longer waiting to be imported. Choose the file again.`);
    }
    await db.uploads.delete(id);
    return upload;
  });
}

/** Deletes uploads older than `maxAgeMs` that no import took (a page closed before sending). */
export async function pruneUploads(db: DealsightDb, maxAgeMs = 24 * 3_600_000): Promise<number> {
  const cutoff = new Date(Date.now() - maxAgeMs).toISOString();
  return writing(db, 'the uploaded files', [db.uploads], () => db.uploads.filter((u) => u.createdAt < cutoff).delete());
}

/** Reads an upload without deleting it (an import reads, then deletes once it is done with it). */
export async function getUpload(db: DealsightDb, id: number): Promise<UploadRecord> {
  const upload = await db.uploads.get(id);
  if (!upload) throw new StoreError('missing', `The uploaded file (#${id}) is no longer waiting to be imported. Choose the file again.`);
  return upload;
}

export async function deleteUpload(db: DealsightDb, id: number): Promise<void> {
  await writing(db, `uploaded file #${id}`, [db.uploads], () => db.uploads.delete(id));
}
