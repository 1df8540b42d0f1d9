/**
 * `.ci/run` stops when `npm install` leaves the work tree different from the commit
 * (issue 17 item 4); the check is `.ci/check-clean-tree`, run here on a scratch repository.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CHECK = resolve(import.meta.dirname, '../../.ci/check-clean-tree');

let repo: string;

async function git(...args: string[]): Promise<void> {
  await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo });
}

async function check(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('bash', [CHECK, 'npm install'], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeEach(async () => {
  repo = mkdtempSync(join(tmpdir(), 'dealsight-clean-tree-'));
  await git('init', '-q');
  writeFileSync(join(repo, 'package-lock.json'), '{\n  "lockfileVersion": 3\n}\n');
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
  await git('add', '-A');
  await git('commit', '-qm', 'lockfile');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('.ci/check-clean-tree', () => {
  it('passes when the install changed nothing but ignored files', async () => {
    mkdirSync(join(repo, 'node_modules/wxt'), { recursive: true });
    writeFileSync(join(repo, 'node_modules/wxt/package.json'), '{}');
    const result = await check();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('git status is clean after npm install');
  });

  it('fails with the diff stat and one error line when the lockfile was rewritten', async () => {
    writeFileSync(join(repo, 'package-lock.json'), '{\n  "lockfileVersion": 3,\n  "packages": {}\n}\n');
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/package-lock\.json \| 3 \+\+-/);
    expect(result.stdout).toContain(' M package-lock.json');
    expect(result.stderr.trim().split('\n')).toEqual([
      'error: npm install changed the work tree (1 paths, above): commit what it writes, or fix what rewrote it',
    ]);
  });

  it('fails on a new untracked file', async () => {
    writeFileSync(join(repo, 'stray.json'), '{}');
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('?? stray.json');
    expect(result.stderr).toMatch(/^error: npm install changed the work tree/);
  });
});
