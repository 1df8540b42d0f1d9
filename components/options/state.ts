/**
 * What the options page shows, as signals: connections with their models and field
 * mappings, the job log, and the storage estimate. It reads them through the page's
 * source (source.ts) and follows the background's events (job progress, data changes);
 * the sections read and write through the same source (`state.source`).
 */
import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { EventToPage } from '../../lib/messages';
import type { ConnectionRecord, FieldMappingRecord, JobRecord, JobStatus, ModelRecord } from '../../lib/store/schema';
import type { OptionsData, OptionsSource } from './source';

export type StorageUse = OptionsData['storage'];

/** How many jobs of the log the page keeps (active ones and recent history). */
export const JOB_LOG_LIMIT = 30;

const ACTIVE: ReadonlySet<JobStatus> = new Set(['queued', 'running']);

export function isActive(job: JobRecord): boolean {
  return ACTIVE.has(job.status);
}

/** Later states win when a stored job and an event disagree (the event may be newer). */
function stage(job: JobRecord): number {
  return job.status === 'queued' ? 0 : job.status === 'running' ? 1 : 2;
}

function newer(a: JobRecord, b: JobRecord): JobRecord {
  if (stage(a) !== stage(b)) return stage(a) > stage(b) ? a : b;
  return a.done >= b.done ? a : b;
}

export class OptionsState {
  readonly phase = signal<'loading' | 'ready' | 'error'>('loading');
  readonly loadError = signal<string | null>(null);
  readonly connections = signal<ConnectionRecord[]>([]);
  readonly models = signal<ReadonlyMap<string, ModelRecord>>(new Map());
  readonly mappings = signal<ReadonlyMap<string, FieldMappingRecord>>(new Map());
  /** Newest first. */
  readonly jobs = signal<JobRecord[]>([]);
  readonly storage = signal<StorageUse | null>(null);

  /** Running first, then queued in the order they will run. */
  readonly activeJobs = computed(() => this.jobs.value.filter(isActive).sort((a, b) => stage(b) - stage(a) || (a.id ?? 0) - (b.id ?? 0)));

  private loading: Promise<void> | null = null;
  private reloadAgain = false;
  /** Job events newer than what the store last returned: merged over it until it catches up. */
  private live = new Map<number, JobRecord>();

  /** Where the page reads and writes: the store and the background, or a test's fake. */
  constructor(readonly source: OptionsSource) {}

  connection(id: string): ConnectionRecord | undefined {
    return this.connections.value.find((c) => c.id === id);
  }

  job(id: number): JobRecord | undefined {
    return this.jobs.value.find((j) => j.id === id);
  }

  /** Reads everything again. Calls made while a load runs coalesce into one more load. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        void this.reload();
      }
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const { connections, models, mappings, jobs, storage } = await this.source.load(JOB_LOG_LIMIT);
      this.connections.value = [...connections].sort((a, b) => a.label.localeCompare(b.label));
      this.models.value = models;
      this.mappings.value = mappings;
      this.jobs.value = this.mergeJobs(jobs);
      this.storage.value = storage;
      this.loadError.value = null;
      this.phase.value = 'ready';
    } catch (error) {
      this.loadError.value = error instanceof Error ? error.message : String(error);
      if (this.phase.value === 'loading') this.phase.value = 'error';
    }
  }

  private mergeJobs(stored: readonly JobRecord[]): JobRecord[] {
    const byId = new Map<number, JobRecord>();
    for (const job of stored) if (job.id !== undefined) byId.set(job.id, job);
    for (const [id, job] of this.live) {
      const known = byId.get(id);
      if (known && newer(known, job) === known) {
        // The store has caught up with this event.
        this.live.delete(id);
        continue;
      }
      byId.set(id, job);
    }
    return [...byId.values()].sort((a, b) => (b.id ?? 0) - (a.id ?? 0)).slice(0, JOB_LOG_LIMIT);
  }

  /** Applies one event from the background. */
  handle(event: EventToPage): void {
    if (event.type === 'data-changed') {
      void this.reload();
      return;
    }
    const job = event.job;
    if (job.id === undefined) return;
    this.live.set(job.id, job);
    const before = this.job(job.id);
    this.jobs.value = this.mergeJobs(this.jobs.value.filter((j) => j.id !== job.id));
    // A job that just finished has changed what the store holds (data, models, the log).
    if (before && isActive(before) && !isActive(job)) void this.reload();
    if (!before && !isActive(job)) void this.reload();
  }

  /** After 'delete-all': the jobs seen in events are gone from the store too. */
  forgetJobs(): void {
    this.live.clear();
  }

  /** Loads the page's data and follows the background; returns the function that stops it. */
  start(): () => void {
    const stop = this.source.subscribe((event) => this.handle(event));
    void this.reload();
    return stop;
  }
}

export const OptionsContext = createContext<OptionsState | null>(null);

export function useOptions(): OptionsState {
  const state = useContext(OptionsContext);
  if (!state) throw new Error('useOptions: no OptionsContext.Provider above this component');
  return state;
}
