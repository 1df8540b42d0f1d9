/** Finished jobs, newest first: what each did or why it failed. */
import { ago, dayOf } from '../time';
import type { JobRecord } from '../../../lib/store/schema';
import { t, JOB_STATUS_LABEL } from '../i18n';
import { isActive, useOptions } from '../state';
import { useNow } from '../useNow';
import { Badge, type Tone as BadgeTone } from '../../ui';
import { cls } from '../ui/classes';
import { jobTitle } from '../jobs';
import { jobError, jobSummary } from '../../../lib/i18n/job-text';

const TONE: Record<JobRecord['status'], BadgeTone> = { queued: 'neutral', running: 'accent', done: 'positive', failed: 'negative', cancelled: 'neutral' };
const SHOWN = 10;

export function JobHistory() {
  const state = useOptions();
  const now = useNow();
  const finished = state.jobs.value.filter((job) => !isActive(job)).slice(0, SHOWN);
  if (finished.length === 0) return null;
  return (
    <details class="group" open={finished[0]?.status === 'failed'}>
      <summary
        class={`inline-flex cursor-pointer list-none items-center gap-1.5 rounded text-sm font-medium text-slate-700 select-none hover:text-slate-900 dark:text-slate-300 dark:hover:text-white ${cls.focus}`}
      >
        <span aria-hidden="true" class="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {t('options_jobsHistory')}
      </summary>
      <ul class="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="job-history">
        {finished.map((job) => {
          const connection = state.connection(job.connectionId);
          const when = job.finishedAt ?? job.createdAt;
          return (
            <li key={job.id} class="flex items-start gap-3 py-2">
              <div class="w-20 shrink-0 pt-px">
                <Badge tone={TONE[job.status]}>{t(JOB_STATUS_LABEL[job.status])}</Badge>
              </div>
              <div class="min-w-0 flex-1">
                <p class="text-slate-900 dark:text-slate-100">
                  <span class="font-medium">{jobTitle(job)}</span>
                  {connection && <span class="text-slate-600 dark:text-slate-400"> · {connection.label}</span>}
                </p>
                {(jobError(job, t) ?? jobSummary(job, t)) && (
                  <p class={`break-words text-xs ${job.status === 'failed' ? 'text-rose-700 dark:text-rose-300' : cls.muted}`}>
                    {jobError(job, t) ?? jobSummary(job, t)}
                  </p>
                )}
              </div>
              <time class={`shrink-0 text-xs whitespace-nowrap ${cls.muted}`} dateTime={when} title={dayOf(when)}>
                {ago(when, now)}
              </time>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
