/**
 * Part of `npm run bench` (and runnable alone: `node bin/run-ts.mjs test/bench/hostile.ts`):
 * hostile files against ordinary files of the same size (issue 14). A file built to make
 * the importer slow must take about what an ordinary export of its size takes: a megabyte
 * of digits in one Amount cell, 50,000 duplicate headers (refused) and 1,990 (read), a
 * UTF-16 export against the same rows in UTF-8; and an ordinary export of 190 MB, just
 * under the 200 MB both importers take, through `dealsight check` (too slow for the unit
 * suite on a 2-core machine: tens of seconds and gigabytes), against one of 19 MB.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCsv } from '../../lib/crm/csv/import';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Row = (cells: string[]) => void;

const encoder = new TextEncoder();
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The least of `runs` timings of an import (or its refusal): the machine's noise is all upward. */
function importMs(bytes: Uint8Array, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
      importCsv(bytes);
    } catch {
      // A refusal is an outcome too: its time is what is measured.
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** An ordinary Salesforce report export of about `bytes` bytes (sandbox rows). */
function ordinaryOfSize(report: string, bytes: number): Uint8Array {
  const lines = report.split('\r\n');
  const out: string[] = [lines[0] ?? ''];
  let size = out[0]?.length ?? 0;
  for (let i = 1; size < bytes; i = i + 1 < lines.length - 1 ? i + 1 : 1) {
    const line = lines[i] ?? '';
    out.push(line.replace(/^"[^"]*"/, `"X${out.length}"`));
    size += line.length + 2;
  }
  return encoder.encode(`${out.join('\r\n')}\r\n`);
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 + i * 2] = c & 0xff;
    bytes[3 + i * 2] = c >> 8;
  }
  return bytes;
}

function compare(row: Row, label: string, hostile: Uint8Array, report: string): void {
  const hostileMs = importMs(hostile);
  const ordinaryMs = importMs(ordinaryOfSize(report, hostile.length));
  row([`${label} (${mb(hostile.length)})`, ms(hostileMs), `ordinary: ${ms(ordinaryMs)}`, `×${(hostileMs / ordinaryMs).toFixed(2)}`]);
}

/** Writes an ordinary export of about `bytes` bytes, streamed (never held whole). */
function writeOrdinary(path: string, report: string, bytes: number): void {
  const [header, ...rows] = report.split('\r\n').filter((l) => l !== '');
  const fd = openSync(path, 'w');
  let written = writeSync(fd, `${header}\r\n`);
  for (let pass = 0; written < bytes; pass++) {
    const block = rows.map((line, i) => line.replace(/^"[^"]*"/, `"P${pass}-${i}"`)).join('\r\n');
    written += writeSync(fd, `${block}\r\n`);
  }
  closeSync(fd);
}

/** `dealsight check` on a file: wall time and the process's peak memory, by /usr/bin/time. */
function checkCommand(path: string): { seconds: number; peakMb: number; ok: boolean } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(ROOT, 'bin/dealsight.mjs'), 'check', path, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const [seconds = NaN, kilobytes = NaN] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { seconds, peakMb: kilobytes / 1024, ok: run.status === 0 };
}

export function benchHostile(row: Row): void {
  const report = toSalesforceReportCsv(generateSandbox({ seed: 5, opportunities: 10_000 }));
  const lines = report.split('\r\n');
  const header = lines[0] ?? '';
  const amountColumn = header.split(',').indexOf('"Amount"');
  const someRows = lines.slice(1, 41);

  // One Amount cell of a million digits ending in a letter (hours before issue 14).
  const digits = someRows.map((line, i) =>
    i === 5
      ? line
          .split(',')
          .map((cell, c) => (c === amountColumn ? `${'1'.repeat(1_000_000)}x` : cell))
          .join(',')
      : line,
  );
  compare(row, 'an Amount cell of 1,000,000 digits and a letter', encoder.encode([header, ...digits].join('\r\n')), report);

  // 50,000 duplicate headers: refused, naming the count (never finished before).
  const wide = [`${header}${',"Note"'.repeat(50_000)}`, ...someRows.slice(0, 3).map((line) => `${line}${',n'.repeat(50_000)}`)].join('\r\n');
  compare(row, '50,000 columns named "Note": refused', encoder.encode(wide), report);
  const notes = [`${header}${',"Note"'.repeat(1_990)}`, ...someRows.map((line) => `${line}${',n'.repeat(1_990)}`)].join('\r\n');
  compare(row, '1,990 columns named "Note": read', encoder.encode(notes), report);

  // Excel's "Unicode Text" (UTF-16 LE with a byte-order mark) against the same rows in UTF-8.
  const sixteen = utf16le(report.replaceAll(',', '\t'));
  const sixteenMs = importMs(sixteen, 3);
  const eightMs = importMs(encoder.encode(report.replaceAll(',', '\t')), 3);
  row([`10,000 deals in UTF-16 LE (${mb(sixteen.length)})`, ms(sixteenMs), `same in UTF-8: ${ms(eightMs)}`, `×${(sixteenMs / eightMs).toFixed(2)}`]);
  compare(row, '  the same UTF-16 file, against an ordinary UTF-8 one of its size', sixteen, report);

  // An ordinary export just under the 200 MB limit, through the CLI, against one a tenth of its size.
  const work = mkdtempSync(join(tmpdir(), 'dealsight-hostile-bench-'));
  try {
    for (const size of [19_000_000, 190_000_000]) {
      const path = join(work, `export-${size}.csv`);
      writeOrdinary(path, report, size);
      const run = checkCommand(path);
      row([`dealsight check on an ordinary ${mb(size)} export`, `${run.seconds.toFixed(1)} s`, `peak ${run.peakMb.toFixed(0)} MB`, run.ok ? 'read' : 'FAILED']);
      rmSync(path);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('hostile.ts')) {
  const row: Row = (cells) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(58) : c.padStart(18))).join(''));
  row(['hostile file (issue 14)', 'import', 'against', 'ratio']);
  benchHostile(row);
}
