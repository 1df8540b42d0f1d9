/**
 * Runs `dealsight` as a user does: a real Node process on bin/dealsight.mjs from the
 * repository root, stdout and stderr apart. `--json` output of a few thousand deals runs
 * past Node's default 1 MB pipe buffer, so the buffer is raised.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  /** Null when the process was killed (its time ran out). */
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runDealsight(args: readonly string[], timeoutMs = 120_000): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/dealsight.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
