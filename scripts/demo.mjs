#!/usr/bin/env node
// `npm run demo`: the main job on built-in sample data. Generates a seeded sandbox org,
// writes it as a Salesforce report export, ranks its open pipeline with Win Potential and
// shows how well the model did on the deals it had not seen. (The extension demo with the
// sandbox CRM server replaces this once the Salesforce issue lands.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'dealsight.mjs');
const csv = join(mkdtempSync(join(tmpdir(), 'dealsight-demo-')), 'sandbox.csv');

function run(title, args) {
  process.stdout.write(`\n━━ ${title}\n$ dealsight ${args.join(' ')}\n\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    process.stderr.write(`demo: "dealsight ${args[0]}" failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

run('1. Generate a sandbox org (seeded) as a Salesforce opportunity report export', ['sandbox', '--seed', '7', '--opportunities', '10000', '--out', csv]);
run('2. Rank the open pipeline by Win Potential', ['analyze', csv, '--top', '15']);
run('3. How well would it have predicted the newest deals?', ['evaluate', csv, '--split', 'time']);
process.stdout.write(`\nThe sandbox export is at ${csv}: try \`npx dealsight analyze ${csv} --all\`.\n`);
