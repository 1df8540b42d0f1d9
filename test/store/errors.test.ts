import Dexie from 'dexie';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealsightDb } from '../../lib/store/db';
import { StoreError, toStoreError } from '../../lib/store/errors';
import { createJob, getSetting, putUpload, saveScores, setSetting } from '../../lib/store/repo';
import { freshDb, job, score } from './helpers';

const FULL =
  'Your browser\'s storage for Dealsight is full: the setting "popup.view" could not be saved. ' +
  'Free some space (delete a connection you no longer use on the options page, or clear data other sites keep), then try again. ' +
  'Nothing already stored was changed.';

describe('toStoreError', () => {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('maps a QuotaExceededError, bare or wrapped by Dexie', () => {
    for (const error of [
      quota,
      new Dexie.QuotaExceededError('The quota has been exceeded.'),
      new Dexie.AbortError('Transaction aborted', quota),
      new Dexie.BulkError('bulkPut(): 1 of 2000 operations failed', { 17: quota }),
      new Dexie.AbortError('Transaction aborted', new Dexie.BulkError('bulkPut failed', { 0: quota })),
      Object.assign(new Error('The transaction was aborted'), { name: 'AbortError', inner: { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' } }),
    ]) {
      const mapped = toStoreError(error, 'write', 'the setting "popup.view"');
      expect(mapped).toBeInstanceOf(StoreError);
      expect(mapped.kind).toBe('quota');
      expect(mapped.message).toBe(FULL);
      expect(mapped.cause).toBe(error);
    }
  });

  it('maps a VersionError to a version error', () => {
    const mapped = toStoreError(
      new Dexie.OpenFailedError('Open failed', new Dexie.VersionError('The requested version (10) is less than the existing version (30).')),
      'read',
      'the list of connections',
    );
    expect(mapped.kind).toBe('version');
    expect(mapped.message).toBe(
      "Dealsight's stored data was written by a newer version of Dealsight than this one, so this version cannot open it. Update the extension; nothing stored was changed.",
    );
  });

  it('names the real cause of a failed write or read', () => {
    expect(
      toStoreError(new Dexie.AbortError('Transaction aborted', new Dexie.ConstraintError('Key already exists in the object store.')), 'write', 'job #3')
        .message,
    ).toBe('Dealsight could not save job #3: a record with the same key is already stored. Nothing already stored was changed.');
    expect(toStoreError(new Dexie.DatabaseClosedError('Database has been closed'), 'read', 'the job log')).toMatchObject({
      kind: 'read',
      message: 'Dealsight could not read the job log: the database was closed (the extension is reloading or being updated); try again.',
    });
    expect(toStoreError(new Dexie.MissingAPIError('IndexedDB API missing'), 'read', 'the job log').message).toBe(
      'Dealsight could not read the job log: IndexedDB is not available here (a private window may block it).',
    );
    expect(toStoreError('weird', 'read', 'the job log').message).toBe('Dealsight could not read the job log: the browser reported "weird".');
  });

  it('passes a StoreError through', () => {
    const missing = new StoreError('missing', 'gone');
    expect(toStoreError(missing, 'write', 'x')).toBe(missing);
  });
});

describe('write failures reach the caller as StoreErrors, with the earlier data intact', () => {
  let db: DealsightDb;
  beforeEach(() => {
    ({ db } = freshDb());
  });
  afterEach(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('a full quota on a table write', async () => {
    await setSetting(db, 'popup.view', 'light');
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(setSetting(db, 'popup.view', 'dark')).rejects.toMatchObject({ name: 'StoreError', kind: 'quota', message: FULL });
    vi.restoreAllMocks();
    expect(await getSetting(db, 'popup.view')).toBe('light');
  });

  it('a full quota reported by IndexedDB itself in the middle of a bulk write', async () => {
    await saveScores(db, 'c', [score('c', 'old')]);
    const rows = Array.from({ length: 3_000 }, (_, i) => score('c', `s${i}`));
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === 2_500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(saveScores(db, 'c', rows)).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect((await db.scores.toArray()).map((s) => s.id)).toEqual(['old']);
  });

  it('a value that cannot be stored', async () => {
    const error = await setSetting(db, 'popup.view', () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('write');
    expect((error as StoreError).message).toMatch(
      /^Dealsight could not save the setting "popup\.view": a value cannot be stored \(.+\)\. Nothing already stored was changed\.$/,
    );
  });

  it('an upload too big for the disk', async () => {
    vi.spyOn(db.uploads, 'add').mockRejectedValue(new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError')));
    await expect(putUpload(db, 'huge.csv', 'x')).rejects.toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(/^Your browser's storage for Dealsight is full: the file "huge\.csv" could not be saved\./),
    });
  });

  it('a job log write on a closed database', async () => {
    db.close();
    await expect(createJob(db, job())).rejects.toMatchObject({ kind: 'write', message: expect.stringContaining('the database was closed') });
  });
});
