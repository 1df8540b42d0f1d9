/**
 * Files waiting to be imported. A page cannot hand a 50 MB file to the background through
 * `runtime.sendMessage` (Chrome limits message size), so it stores the text here and sends
 * the upload's id; the import job takes it.
 */
import type { DealsightDb } from './db';
import { StoreError } from './errors';
import { nowIso, quoted, writing } from './guard';
import type { ImportChoices, UploadRecord } from './schema';

/** Keeps a file for its import job: its bytes (the importer decodes them) or its text, with what the user confirmed. */
export async function putUpload(db: DealsightDb, fileName: string, content: string | ArrayBuffer, choices?: ImportChoices): Promise<number> {
  const record: UploadRecord =
    typeof content === 'string' ? { fileName, text: content, createdAt: nowIso() } : { fileName, bytes: content, createdAt: nowIso() };
  if (choices !== undefined) record.choices = choices;
  return writing(db, `the file ${quoted(fileName)}`, [db.uploads], async () => {
    return (await db.uploads.add(record)) as number;
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

/**
 * Deletes the uploads no import will take: those no queued or running import job names,
 * once older than `graceMs` (a page that just put one is about to send its 'start-import').
 * The background runs it at start-up: a file left by a page closed before sending, or by an
 * import that died with its runner, would otherwise stay in IndexedDB for good.
 */
export async function pruneUploads(db: DealsightDb, graceMs = 60_000): Promise<number> {
  const cutoff = new Date(Date.now() - graceMs).toISOString();
  return writing(db, 'the uploaded files', [db.uploads, db.jobs], async () => {
    const waiting = new Set(
      (await db.jobs.where('status').anyOf('queued', 'running').toArray()).filter((j) => j.kind === 'import').map((j) => Number(j.params.uploadId)),
    );
    return db.uploads.filter((u) => u.createdAt < cutoff && !waiting.has(u.id as number)).delete();
  });
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
