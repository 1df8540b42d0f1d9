import { useRef, useState } from 'preact/hooks';
import type { JobKind, JobRecord } from '../../../lib/store/schema';
import { isActive, useOptions } from '../state';

export interface TrackedJob {
  job: JobRecord | undefined;
  /** The job this card started was seen and has since left the log (everything was deleted). */
  gone: boolean;
  track: (id: number | null) => void;
}

/**
 * The job a connection card follows: the one it started, or else (after a page reload)
 * the newest running or queued job of its kind, so progress survives closing the tab.
 */
export function useTrackedJob(kind: JobKind): TrackedJob {
  const state = useOptions();
  const [started, setStarted] = useState<number | null>(null);
  const seen = useRef<number | null>(null);
  const job = started !== null ? state.job(started) : state.jobs.value.find((j) => j.kind === kind && isActive(j));
  if (job?.id !== undefined) seen.current = job.id;
  const gone = started !== null && job === undefined && seen.current === started;
  const track = (id: number | null): void => {
    seen.current = null;
    setStarted(id);
  };
  return { job, gone, track };
}

/** The train or score job that follows an import, while it runs. */
export function useFollowUp(job: JobRecord | undefined): JobRecord | undefined {
  const state = useOptions();
  if (!job || job.status !== 'done') return undefined;
  return state.activeJobs.value.find((j) => j.connectionId === job.connectionId && (j.kind === 'train' || j.kind === 'score'));
}
