/**
 * Writes the hostile corpus to disk, each file streamed chunk by chunk (the largest is over
 * 200 MB and is never held in memory). Files are rewritten only when the corpus changed: a
 * stamp records the hash of corpus.ts. Two test files may ask at once: one writes while
 * the other waits on a lock directory.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cyrb53 } from '../../lib/seeded/hash';
import { HOSTILE_CASES, type HostileCase } from './corpus';

export const CORPUS_DIR = fileURLToPath(new URL('../../test/fixtures/hostile/', import.meta.url));
const SOURCE = fileURLToPath(new URL('./corpus.ts', import.meta.url));
const STAMP = '.stamp';
const LOCK = '.writing';
/** A lock older than this was left by a killed writer. */
const STALE_LOCK_MS = 10 * 60_000;

/** The corpus's version: a change to any case rewrites every file. */
function version(): string {
  return String(cyrb53(readFileSync(SOURCE, 'utf8')));
}

/** Writes one case's file through a temporary name, so a reader never sees half of it. */
export function writeCase(dir: string, c: HostileCase): string {
  const path = join(dir, c.file);
  const temporary = `${path}.partial`;
  const fd = openSync(temporary, 'w');
  try {
    for (const chunk of c.content()) writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return path;
}

function current(dir: string, stamp: string): boolean {
  const path = join(dir, STAMP);
  return existsSync(path) && readFileSync(path, 'utf8') === stamp && HOSTILE_CASES.every((c) => existsSync(join(dir, c.file)));
}

/** Makes sure every case's file is on disk and current; returns the directory. */
export function ensureCorpus(dir = CORPUS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const stamp = version();
  if (current(dir, stamp)) return dir;
  const lock = join(dir, LOCK);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      // Another process is writing: wait for it, then use what it wrote.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (current(dir, stamp)) return dir;
    }
  }
  try {
    if (!current(dir, stamp)) {
      for (const c of HOSTILE_CASES) writeCase(dir, c);
      writeFileSync(join(dir, STAMP), stamp);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}
