/**
 * E2E BUILD ONLY (main.tsx imports it behind `import.meta.env.MODE === 'e2e'`): a popup
 * source with a sandbox org generated and analyzed in the page, so the popup can be
 * screenshotted and timed with real engine output without the job runner or the store.
 *
 *   popup.html?demo=pipeline&n=3000&rows=10000&connections=2
 *
 * - `demo`: pipeline (default) | empty | not-scored | insufficient | outdated | job | error
 * - `n`: sandbox opportunities to generate (open and closed; default 3000)
 * - `rows`: repeat the open deals (with new ids) up to this many rows, for 10k-row timing
 * - `connections`: how many connections to list (the selector shows from 2)
 * - `seed`: the sandbox seed (default 7)
 *
 * Timings land in `performance` marks/measures named `dealsight:popup:*`.
 */
import type { EventToPage } from '../../lib/messages';
import type { PipelineView } from '../../lib/pipeline/segments';
import { DEFAULT_VIEW } from '../../lib/pipeline/segments';
import type { ConnectionRecord, JobRecord, ModelRecord, ScoreRecord, SegmentRecord } from '../../lib/store/schema';
import type { PopupData, PopupSource } from './source';

type Scenario = 'pipeline' | 'empty' | 'not-scored' | 'insufficient' | 'outdated' | 'job' | 'error';
const SCENARIOS: readonly Scenario[] = ['pipeline', 'empty', 'not-scored', 'insufficient', 'outdated', 'job', 'error'];

const now = (): string => new Date().toISOString();

function connection(id: string, label: string, dataVersion: number): ConnectionRecord {
  return { id, kind: 'sandbox', label, createdAt: now(), syncedAt: now(), dataVersion, lastImport: null };
}

function runningJob(connectionId: string, done: number): JobRecord {
  return {
    id: 42,
    kind: 'train',
    connectionId,
    params: {},
    status: 'running',
    step: 'Training Win Potential',
    done,
    total: 100,
    createdAt: now(),
    startedAt: now(),
    finishedAt: null,
    summary: null,
    error: null,
    attempts: 0,
  };
}

async function generate(seed: number, opportunities: number, connectionId: string): Promise<{ model: ModelRecord; rows: ScoreRecord[] }> {
  const [{ generateSandbox }, { analyze }, { nameAnalysis }, { modelRecord, scoreRows }] = await Promise.all([
    import('../../lib/sandbox/generate'),
    import('../../lib/engine/analyze'),
    import('../../lib/persona-card/name'),
    import('../../lib/jobs/build'),
  ]);
  performance.mark('dealsight:popup:demo-start');
  const org = generateSandbox({ seed, opportunities });
  const analysis = nameAnalysis(analyze(org.opportunities, { seed, similar: 0 }));
  const trainedAt = now();
  const model = modelRecord(connectionId, analysis, 1, trainedAt);
  const rows = scoreRows(connectionId, analysis, trainedAt).filter((r) => r.isOpen === 1);
  performance.measure('dealsight:popup:demo-analyze', 'dealsight:popup:demo-start');
  return { model, rows };
}

/** The open deals repeated (new ids, "· 2" suffixes) up to `count` rows. */
function repeatRows(rows: ScoreRecord[], count: number): ScoreRecord[] {
  if (rows.length === 0 || count <= rows.length) return rows;
  const out: ScoreRecord[] = [];
  for (let i = 0; out.length < count; i++) {
    const copy = Math.floor(i / rows.length);
    const row = rows[i % rows.length] as ScoreRecord;
    out.push(copy === 0 ? row : { ...row, id: `${row.id}-${copy}`, name: `${row.name} · ${copy + 1}` });
  }
  return out;
}

export function demoSource(params: URLSearchParams): PopupSource {
  const scenario = SCENARIOS.includes(params.get('demo') as Scenario) ? (params.get('demo') as Scenario) : 'pipeline';
  const seed = Number(params.get('seed') ?? 7) || 7;
  const opportunities = Number(params.get('n') ?? 3000) || 3000;
  const rowCount = Number(params.get('rows') ?? 0) || 0;
  const connectionCount = Math.max(1, Number(params.get('connections') ?? 1) || 1);
  const id = 'sandbox';
  let view: PipelineView = DEFAULT_VIEW;
  const me = new Map<string, string | null>();
  let segments: SegmentRecord[] = [];
  let nextSegmentId = 1;
  const listeners = new Set<(event: EventToPage) => void>();
  let generated: Promise<{ model: ModelRecord; rows: ScoreRecord[] }> | null = null;

  const connections = (dataVersion: number): ConnectionRecord[] =>
    Array.from({ length: connectionCount }, (_, i) =>
      i === 0 ? connection(id, `Sandbox (seed ${seed})`, dataVersion) : connection(`csv-${i}`, `deals-export-${i}.csv`, 1),
    );

  return {
    async loadView() {
      return view;
    },
    async saveView(next) {
      view = next;
    },
    async load(): Promise<PopupData> {
      const base = { segments, jobs: [] as JobRecord[], me: me.get(id) ?? null };
      switch (scenario) {
        case 'error':
          throw new Error('Dealsight could not read the pipeline of "sandbox": the database was closed while reading it.');
        case 'empty':
          return { ...base, connections: [], connection: null, model: null, rows: [] };
        case 'not-scored': {
          const list = connections(1);
          return { ...base, connections: list, connection: list[0] ?? null, model: null, rows: [], jobs: [runningJob(id, 37)] };
        }
        case 'insufficient': {
          generated ??= generate(seed, 60, id);
          // 60 deals have too few wins and losses to train Win Potential: no rows either.
          const { model } = await generated;
          const list = connections(1);
          return { ...base, connections: list, connection: list[0] ?? null, model, rows: [] };
        }
        default: {
          generated ??= generate(seed, opportunities, id);
          const { model, rows } = await generated;
          const list = connections(scenario === 'outdated' ? 2 : 1);
          performance.mark('dealsight:popup:rows-loaded');
          return {
            ...base,
            connections: list,
            connection: list[0] ?? null,
            model,
            rows: repeatRows(rows, rowCount),
            jobs: scenario === 'job' ? [runningJob(id, 64)] : [],
          };
        }
      }
    },
    async saveMe(connectionId, name) {
      me.set(connectionId, name);
    },
    async saveSegment(name, filters) {
      const existing = segments.find((s) => s.name === name);
      if (existing) existing.filters = filters;
      else segments = [...segments, { id: nextSegmentId++, name, filters, createdAt: now() }].sort((a, b) => a.name.localeCompare(b.name));
      return segments;
    },
    async deleteSegment(segmentId) {
      segments = segments.filter((s) => s.id !== segmentId);
      return segments;
    },
    subscribe(onEvent) {
      listeners.add(onEvent);
      return () => listeners.delete(onEvent);
    },
    async ping() {
      return 'demo';
    },
    async openRecord(row) {
      // Nowhere to go in the demo: remember the last one for the e2e script to read.
      document.documentElement.dataset.opened = `${row.connectionId}/${row.id}`;
    },
    async openOptions() {
      document.documentElement.dataset.opened = 'options';
    },
    async retrain() {
      const job = runningJob(id, 5);
      for (const listener of listeners) listener({ type: 'job', job });
    },
  };
}
