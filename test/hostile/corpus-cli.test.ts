/**
 * The hostile corpus through the CLI: `dealsight check <file> --json`, a real process, for
 * every case of scripts/hostile/corpus.ts. Each ends as its row says (exit 0 with what was
 * read, or exit 1 with its one-line refusal), within a bound that catches a hang (the
 * process is killed past it), and prints no control character of the file raw.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES, type HostileCase } from '../../scripts/hostile/corpus';
import { ensureCorpus } from '../../scripts/hostile/write';
import { CASE_BOUND_MS, expectRead, expectRefusal, RAW_CONTROLS } from './expectations';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs the CLI; past `bound` ms it is killed and the run says it timed out. */
function dealsight(args: string[], bound = CASE_BOUND_MS): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/dealsight.mjs'), ...args], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, bound);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

interface CheckJson {
  opportunities: number;
  rejected: { line: number; reason: string }[];
  warnings: string[];
  stageMap: { stage: string; outcome: string; basis: string }[];
}

describe('the hostile corpus through `dealsight check`', () => {
  const dir = ensureCorpus();

  it.each(HOSTILE_CASES.map((c) => [c.file, c] as const))('%s', async (_, c: HostileCase) => {
    const run = await dealsight(['check', join(dir, c.file), '--json']);
    expect(run.timedOut, `still running after ${CASE_BOUND_MS / 1000} s`).toBe(false);
    // Nothing of the file drives the terminal: escapes reach it as \u001b.
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
    if (c.expect.kind === 'refused') {
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      const error = lines.at(-1) ?? '';
      expect(error.startsWith('dealsight check: ')).toBe(true);
      // The CLI names the file before the importer's message.
      const message = error.slice('dealsight check: '.length).replace(`${c.file}: `, '');
      expectRefusal(message, c.expect.message);
      return;
    }
    expect(run.status, run.stderr.slice(-500)).toBe(0);
    const got = JSON.parse(run.stdout) as CheckJson;
    expectRead(c.expect, got);
  });

  it('says when most rows were rejected (the extension asks first; the CLI reports)', async () => {
    const run = await dealsight(['check', join(dir, 'rejected-93-of-120.csv')]);
    expect(run.stderr).toContain('note: 93 of 120 rows (78%) were rejected: the file may be broken or not the export you meant');
  });

  it('shows the stage map with the proposals, and reads the stages as --stages says', async () => {
    const file = join(dir, 'stages-that-mean-lost.csv');
    const before = await dealsight(['check', file]);
    expect(before.stderr).toContain('Dead → lost, proposed: the name says "dead" (2)');
    expect(before.stderr).toContain("run again with --stages 'Lost (duplicate) = open'");
    const after = await dealsight(['check', file, '--json', '--stages', 'dead = open; Lost (duplicate) = won']);
    const map = (JSON.parse(after.stdout) as CheckJson).stageMap;
    expect(map.find((e) => e.stage === 'Dead')).toMatchObject({ outcome: 'open', basis: 'chosen' });
    expect(map.find((e) => e.stage === 'Lost (duplicate)')).toMatchObject({ outcome: 'won', basis: 'chosen' });
    expect(map.find((e) => e.stage === 'Disqualified')).toMatchObject({ outcome: 'lost', basis: 'proposed' });
    // The same from a file of lines, with a comment and a stage holding "=".
    const stagesFile = join(mkdtempSync(join(tmpdir(), 'dealsight-stages-')), 'stages.txt');
    writeFileSync(stagesFile, '# our pipeline\nDead = open\n\nCancelled = won\nA=B = lost\n');
    const fromFile = JSON.parse((await dealsight(['check', file, '--json', '--stages', stagesFile])).stdout) as CheckJson & { warnings: string[] };
    expect(fromFile.stageMap.find((e) => e.stage === 'Dead')).toMatchObject({ outcome: 'open', basis: 'chosen' });
    expect(fromFile.stageMap.find((e) => e.stage === 'Cancelled')).toMatchObject({ outcome: 'won', basis: 'chosen' });
    expect(fromFile.warnings).toContain('The stage map names "A=B", which no row of Stage has.');
    const bad = await dealsight(['check', file, '--stages', 'Dead = maybe']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`dealsight check: "Dead = maybe" in --stages should read 'Stage = won', 'Stage = lost' or 'Stage = open'`);
  });

  it('prints escapes from the data as \\u001b, never raw', async () => {
    const run = await dealsight(['check', join(dir, 'terminal-escapes.csv')]);
    expect(run.stderr).toContain('line 4 "\\u001b[2J\\u001b[31mTBD\\u001b]0;pwned\\u0007"');
    expect(run.stderr).toContain('Close Date "\\u009b31m\\u202eTBD" is not a date');
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
  });

  it('answers `dealsight constructor` and `--toString` with one line, no stack', async () => {
    const command = await dealsight(['constructor']);
    expect(command.status).toBe(2);
    expect(command.stderr).toBe('dealsight: unknown command "constructor" (commands: analyze, check, evaluate, sandbox, help)\n');
    const flag = await dealsight(['check', join(dir, 'formula-cells.csv'), '--toString']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('dealsight check: unknown option --toString (options: --json, --stages, --outcome)\n');
  });
});
