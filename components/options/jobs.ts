/** How the page names jobs and reads their progress. */
import type { JobRecord } from '../../lib/store/schema';
import { t, JOB_KIND_LABEL } from './i18n';
import { jobStep } from '../../lib/i18n/job-text';

export function jobTitle(job: Pick<JobRecord, 'kind'>): string {
  return t(JOB_KIND_LABEL[job.kind]);
}

/**
 * The job's count when it has one worth showing: the runner reports a step without a
 * count as 0 of 1 ("Reading the CSV file"), which reads better as an indeterminate bar.
 */
export function jobTotal(job: JobRecord): number {
  return job.status === 'running' && job.total > 1 ? job.total : 0;
}

/** "Reading rows · 1,200 of 8,800", or the step alone when it has no count. */
export function jobProgressText(job: JobRecord): string {
  const step = jobStep(job, t) ?? (job.status === 'queued' ? t('options_jobsWaiting') : t('options_jobsStarting'));
  return jobTotal(job) > 0 ? `${step} · ${t('options_jobsProgress', { done: job.done, total: job.total })}` : step;
}
