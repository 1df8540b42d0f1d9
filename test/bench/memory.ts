/**
 * Child process of `npm run bench`: generates 50,000 sandbox opportunities and trains all
 * models (Win Potential, personas, forecasts) on them, then prints its peak resident memory, so the number is this job's
 * alone (design.md budget: ≤ 300 MB while training 50k opportunities).
 */
import { ForecastModel } from '../../lib/engine/forecast';
import { discoverPersonas } from '../../lib/engine/personas';
import { WinModel } from '../../lib/engine/win';
import { generateSandbox } from '../../lib/sandbox/generate';

const size = Number(process.argv[2] ?? 50_000);
const before = process.resourceUsage().maxRSS * 1024;
const org = generateSandbox({ seed: 7, opportunities: size });
const closed = org.opportunities.filter((o) => o.isClosed);
const withData = process.memoryUsage().rss;
WinModel.train(closed, { encoder: { open: org.opportunities.filter((o) => !o.isClosed) } });
discoverPersonas(org.opportunities);
ForecastModel.train(closed);
console.log(JSON.stringify({ size, startRss: before, dataRss: withData, peakRss: process.resourceUsage().maxRSS * 1024 }));
