/**
 * Child process of `npm run bench` (issue 15, item 5, "Scale"): `analyze` on a large real
 * file of closed deals (IBM Sales Win Loss, 78,025), read in place, then prints the CPU time
 * of each step and the process's peak resident memory as JSON, so the numbers are this
 * job's alone. CPU time, not wall time: the machine is shared.
 *
 *   node bin/run-ts.mjs test/bench/scale.ts <file.csv>
 */
import { readFileSync } from 'node:fs';
import { importCsv } from '../../lib/crm/csv/import';
import { analyze, type AnalyzeStep } from '../../lib/engine/analyze';

export interface ScaleRun {
  deals: number;
  closed: number;
  /** CPU ms of each step, in the order they ran (time before the first report counts to the first step). */
  steps: Array<{ step: AnalyzeStep; cpuMs: number }>;
  /** CPU ms of the whole `analyze` call. */
  cpuMs: number;
  /** Bytes: resident memory before reading the file, after importing it, and the process's peak. */
  startRss: number;
  dataRss: number;
  peakRss: number;
}

const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const file = process.argv[2];
if (!file) throw new Error('usage: scale.ts <file.csv>');
const startRss = process.resourceUsage().maxRSS * 1024;
const imported = importCsv(readFileSync(file), { source: 'csv' });
const dataRss = process.memoryUsage().rss;
const steps: ScaleRun['steps'] = [];
const begin = cpu();
let mark = begin;
const analysis = analyze(imported.opportunities, {
  fields: imported.fields,
  exclude: imported.leakyAttributes.map((l) => l.key),
  onProgress: (step) => {
    const last = steps.at(-1);
    if (last?.step === step) return;
    const now = cpu();
    if (last) last.cpuMs += now - mark;
    // The work before a step's first report (the win model's encoder, say) is that step's.
    steps.push({ step, cpuMs: last ? 0 : now - mark });
    mark = now;
  },
});
const end = cpu();
const last = steps.at(-1);
if (last) last.cpuMs += end - mark;
const run: ScaleRun = {
  deals: analysis.results.length,
  closed: analysis.results.filter((r) => r.opportunity.isClosed).length,
  steps,
  cpuMs: end - begin,
  startRss,
  dataRss,
  peakRss: process.resourceUsage().maxRSS * 1024,
};
console.log(JSON.stringify(run));
