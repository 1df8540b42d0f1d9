/**
 * Which state the popup is in, from what the store holds: no data, not scored yet, not
 * enough closed deals, no open deals, or the pipeline; and the notices above it (a job
 * running, models older than the data, no Win Potential and why, the last job failed).
 */
import { checkSufficiency } from '../engine/sufficiency';
import type { ConnectionRecord, JobRecord, ModelRecord } from '../store/schema';

export type PipelineScreen = 'no-connection' | 'not-scored' | 'not-enough-data' | 'no-open-deals' | 'pipeline';

export interface PipelineStatus {
  screen: PipelineScreen;
  /**
   * The connection's job in progress (running first, else the next queued), for a progress
   * bar; without a connection, any job in progress (the first import creating one).
   */
  activeJob: JobRecord | null;
  /** The models were trained on older data than the connection now holds. */
  outOfDate: boolean;
  /** Why there is no Win Potential (the model record's note), when the win model is missing. */
  winMessage: string | null;
  /** The connection's latest job, when it failed and nothing is running. */
  failedJob: JobRecord | null;
}

export interface StatusInput {
  connection: ConnectionRecord | null;
  model: ModelRecord | null;
  rowCount: number;
  jobs: readonly JobRecord[];
}

const NOT_ENOUGH = /^not enough/i;

/** The sentence saying how many more wins and losses the win model needs. */
export function winMissingMessage(model: ModelRecord): string {
  const note = model.notes.find((n) => NOT_ENOUGH.test(n));
  if (note) return note;
  const sufficiency = checkSufficiency(model.counts.won, model.counts.lost);
  if (!sufficiency.enough) return sufficiency.message;
  return model.notes[0] ?? sufficiency.message;
}

const byId = (a: JobRecord, b: JobRecord): number => (a.id ?? 0) - (b.id ?? 0);

/** The newest running job, else the next queued one. */
function activeOf(jobs: readonly JobRecord[]): JobRecord | null {
  return (
    jobs
      .filter((j) => j.status === 'running')
      .sort(byId)
      .at(-1) ??
    jobs.filter((j) => j.status === 'queued').sort(byId)[0] ??
    null
  );
}

export function pipelineStatus({ connection, model, rowCount, jobs }: StatusInput): PipelineStatus {
  // No connection yet: a first import or sandbox job is creating one; show its progress.
  if (connection === null) return { screen: 'no-connection', activeJob: activeOf(jobs), outOfDate: false, winMessage: null, failedJob: null };
  const own = jobs.filter((j) => j.connectionId === connection.id);
  const activeJob = activeOf(own);
  const latest = [...own].sort(byId).at(-1) ?? null;
  const failedJob = activeJob === null && latest?.status === 'failed' ? latest : null;
  const outOfDate = model !== null && model.dataVersion < connection.dataVersion;
  const winMessage = model !== null && model.win === null ? winMissingMessage(model) : null;
  let screen: PipelineScreen = 'pipeline';
  if (rowCount === 0) screen = model === null ? 'not-scored' : model.win === null ? 'not-enough-data' : 'no-open-deals';
  return { screen, activeJob, outOfDate, winMessage, failedJob };
}

/** The job list with `job` added or replacing the record of the same id, newest first. */
export function mergeJob(jobs: readonly JobRecord[], job: JobRecord): JobRecord[] {
  const rest = jobs.filter((j) => j.id === undefined || j.id !== job.id);
  return [job, ...rest].sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
}

/**
 * The connection to show: the one the user last looked at while it exists, else the most
 * recently synced (then the newest), so a fresh import is what the popup opens on.
 */
export function chooseConnection(connections: readonly ConnectionRecord[], preferred: string | null): ConnectionRecord | null {
  const kept = preferred === null ? undefined : connections.find((c) => c.id === preferred);
  if (kept) return kept;
  let best: ConnectionRecord | null = null;
  for (const c of connections) {
    if (best === null) best = c;
    else {
      const a = c.syncedAt ?? '';
      const b = best.syncedAt ?? '';
      if (a > b || (a === b && c.createdAt > best.createdAt)) best = c;
    }
  }
  return best;
}
