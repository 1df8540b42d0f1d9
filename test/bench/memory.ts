/**
 * Child process of `npm run bench`: generates 50,000 sandbox opportunities and trains Win
 * Potential on them, then prints its peak resident memory, so the number is this job's
 * alone (design.md budget: ≤ 300 MB while training 50k opportunities).
 */
import { WinModel } from '../../lib/engine/win';
import { generateSandbox } from '../../lib/sandbox/generate';

const size = Number(process.argv[2] ?? 50_000);
const before = process.resourceUsage().maxRSS * 1024;
const org = generateSandbox({ seed: 7, opportunities: size });
const closed = org.opportunities.filter((o) => o.isClosed);
WinModel.train(closed, { encoder: { open: org.opportunities.filter((o) => !o.isClosed) } });
console.log(JSON.stringify({ size, startRss: before, peakRss: process.resourceUsage().maxRSS * 1024 }));
