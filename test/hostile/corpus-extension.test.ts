/**
 * The hostile corpus through the extension's import: the options page's file checks and
 * read (`readCsvFile`, as CsvConnection calls it), the upload (`putUpload`, the bytes), and
 * the runner's import job, with the real engine API in a worker thread and the store on
 * fake IndexedDB. Before each import the connection holds stored deals; a refused file
 * leaves them exactly as they were, a read one replaces them with what its row says. A
 * job still running past the bound is cancelled (its worker terminated) and fails the case.
 */
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../components/options/connections/csv-file';
import type { Opportunity } from '../../lib/crm/opportunity';
import { JobRunner } from '../../lib/jobs/runner';
import { createJob, getConnection, listOpportunities, putUpload, replaceConnectionData } from '../../lib/store/repo';
import type { ImportChoices, JobRecord } from '../../lib/store/schema';
import { HOSTILE_CASES, type HostileCase } from '../../scripts/hostile/corpus';
import { ensureCorpus } from '../../scripts/hostile/write';
import { threadWorker } from '../jobs/thread-worker';
import { connection, freshDb, mapping, opp } from '../store/helpers';
import { CASE_BOUND_MS, expectRead, expectRefusal } from './expectations';

const dir = ensureCorpus();
const { db } = freshDb();
const workers: Array<ReturnType<typeof threadWorker>> = [];
const runner = new JobRunner(db, {
  createWorker: () => {
    const worker = threadWorker();
    workers.push(worker);
    return worker;
  },
  report: () => undefined,
});
afterAll(() => {
  for (const worker of workers) if (!worker.terminated) worker.terminate();
  db.close();
});

/** The deals a connection holds before the hostile import: what must not be lost. */
async function storeDeals(connectionId: string, count: number): Promise<Opportunity[]> {
  const deals = Array.from({ length: count }, (_, i) =>
    opp(`kept-${i}`, { isClosed: i % 3 !== 0, isWon: i % 3 === 1, stage: i % 3 === 0 ? 'Negotiation' : i % 3 === 1 ? 'Closed Won' : 'Closed Lost' }),
  );
  await replaceConnectionData(db, connection(connectionId, 'kept.csv'), deals, mapping(connectionId));
  return listOpportunities(db, connectionId);
}

function job(connectionId: string, uploadId: number, fileName: string): Omit<JobRecord, 'id'> {
  return {
    kind: 'import',
    connectionId,
    status: 'queued',
    step: null,
    done: 0,
    total: 0,
    createdAt: '2026-11-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    summary: null,
    error: null,
    attempts: 0,
    params: { uploadId, fileName },
  };
}

/** Imports bytes as the page does (upload, then the job); a job past the bound is cancelled and reported as a hang. */
async function importBytes(connectionId: string, fileName: string, bytes: ArrayBuffer, choices?: ImportChoices): Promise<JobRecord> {
  const uploadId = await putUpload(db, fileName, bytes, choices);
  const id = await createJob(db, job(connectionId, uploadId, fileName));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), CASE_BOUND_MS);
  });
  const ended = await Promise.race([runner.run(id), hang]);
  clearTimeout(timer);
  if (ended === 'hang') {
    await runner.cancel(id);
    throw new Error(`the import of ${fileName} was still running after ${CASE_BOUND_MS / 1000} s`);
  }
  // No uploaded file stays behind, however the import ended.
  expect(await db.uploads.count()).toBe(0);
  return ended;
}

/** Plain data all the way down: what the store, Comlink and the pages can carry (a `toString` currency once was a function). */
function plainData(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(plainData);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value as Record<string, unknown>).every(plainData);
}

const typeOf = (file: string): string => (file.endsWith('.txt') ? 'text/plain' : 'text/csv');

describe('the hostile corpus through the extension: the page, the upload, the import job', () => {
  it.each(HOSTILE_CASES.map((c, i) => [c.file, c, i] as const))('%s', async (_, c: HostileCase, index: number) => {
    const connectionId = `csv-${index}`;
    const stored = c.expect.kind === 'read' ? (c.expect.stored ?? 12) : 12;
    const before = await storeDeals(connectionId, stored);
    const path = join(dir, c.file);
    // The page: a File from the disk, lazily (the 200 MB case is never read).
    const file = new File([await openAsBlob(path)], c.file, { type: typeOf(c.file) });
    const reading = await readCsvFile(file);

    if (c.expect.kind === 'refused') {
      if (c.expect.by === 'page') {
        expect(reading.ok).toBe(false);
        if (!reading.ok) expectRefusal(reading.message, c.expect.message);
      } else {
        expect(reading.ok, 'the page reads the file; the importer refuses it').toBe(true);
        if (!reading.ok) return;
        const ended = await importBytes(connectionId, c.file, reading.bytes);
        expect(ended.status).toBe('failed');
        expectRefusal((ended.error ?? '').replace(`${c.file}: `, ''), c.expect.message);
      }
      // Nothing stored lost.
      expect(await listOpportunities(db, connectionId)).toEqual(before);
      expect((await getConnection(db, connectionId))?.label).toBe('kept.csv');
      return;
    }

    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    let ended = await importBytes(connectionId, c.file, reading.bytes);
    if (c.expect.opportunities < stored / 2) {
      // Far fewer than are stored: the job refuses until the user agrees, and keeps every stored deal.
      expect(ended.status).toBe('failed');
      expect(ended.error).toBe(
        `${c.file} has ${c.expect.opportunities} usable opportunities (${c.expect.rejected} rows rejected) and would replace the ${stored} stored: nothing was changed. ` +
          'Import it again from the options page and confirm to replace them.',
      );
      expect(await listOpportunities(db, connectionId)).toEqual(before);
      ended = await importBytes(connectionId, c.file, reading.bytes, { replaceFewer: true });
    }
    expect(ended.status, ended.error ?? '').toBe('done');
    const imported = await listOpportunities(db, connectionId);
    const summary = (await getConnection(db, connectionId))?.lastImport;
    expectRead(c.expect, { opportunities: imported.length, rejected: summary?.rejected ?? [], warnings: summary?.warnings ?? [] });
    expect(imported.every(plainData)).toBe(true);
    expect(imported.some((o) => o.id.startsWith('kept-'))).toBe(false);
  });

  it('keeps columns named like Object methods, and values that are their names, as data', async () => {
    // Read by the cases above; what they stored, looked at closely.
    const headers = await listOpportunities(db, `csv-${HOSTILE_CASES.findIndex((c) => c.file === 'prototype-headers.csv')}`);
    expect(Object.keys(headers[0]?.attributes ?? {}).sort()).toEqual([
      'constructor',
      'hasOwnProperty',
      'industry',
      'proto',
      'prototype',
      'toString',
      'valueOf',
    ]);
    const values = await listOpportunities(db, `csv-${HOSTILE_CASES.findIndex((c) => c.file === 'prototype-values.csv')}`);
    expect(new Set(values.map((o) => o.type))).toEqual(new Set(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']));
    expect(values.filter((o) => o.stage === 'constructor').every((o) => !o.isClosed)).toBe(true);
    const currencies = await listOpportunities(db, `csv-${HOSTILE_CASES.findIndex((c) => c.file === 'currency-oddities.csv')}`);
    expect(currencies.every((o) => o.currency === null || /^[A-Z]{3}$/.test(o.currency))).toBe(true);
  });

  it('reads UTF-16 exports as written: names, amounts and dates', async () => {
    const utf16 = await listOpportunities(db, `csv-${HOSTILE_CASES.findIndex((c) => c.file === 'excel-unicode-text-utf16le.txt')}`);
    const deal = utf16.find((o) => o.id === '00600007');
    expect(deal).toMatchObject({ name: 'Müller 7', amount: 7500.5, currency: 'EUR', closeDate: '2024-08-08' });
    const latin = await listOpportunities(db, `csv-${HOSTILE_CASES.findIndex((c) => c.file === 'windows-1252.csv')}`);
    expect(new Set(latin.map((o) => o.name))).toEqual(new Set(['Müller GmbH', 'Café Señor', 'Zürich AG', '€ Deal']));
  });

  it('reads the stages the user confirmed in the stage map', async () => {
    const bytes = readFileSync(join(dir, 'stages-that-mean-lost.csv'));
    await storeDeals('csv-stages', 12);
    const ended = await importBytes('csv-stages', 'stages-that-mean-lost.csv', new Uint8Array(bytes).buffer, {
      stages: [
        ['Dead', 'open'],
        ['Lost (duplicate)', 'lost'],
      ],
    });
    expect(ended.status).toBe('done');
    const deals = await listOpportunities(db, 'csv-stages');
    expect(deals.filter((o) => o.stage === 'Dead').map((o) => o.isClosed)).toEqual([false, false]);
    expect(deals.filter((o) => o.stage === 'Disqualified').every((o) => o.isClosed && !o.isWon)).toBe(true);
    const warnings = (await getConnection(db, 'csv-stages'))?.lastImport?.warnings ?? [];
    expect(warnings).toContainEqual(expect.stringMatching(/^Stage: 5 stages are read as lost because their names say so: "Disqualified"/));
  });
});
