/** A running or queued job: its progress and a Cancel button ('cancel-job'). */
import { useState } from 'preact/hooks';
import type { JobRecord } from '../../../lib/store/schema';
import { errorText, t, JOB_STATUS_LABEL } from '../i18n';
import { jobTitle } from '../jobs';
import { useOptions } from '../state';
import { Badge } from '../../ui';
import { cls } from '../ui/classes';
import { JobProgress } from '../ui/JobProgress';

export function JobRow({ job }: { job: JobRecord & { id: number } }) {
  const state = useOptions();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connection = state.connection(job.connectionId);
  const title = connection ? `${jobTitle(job)} · ${connection.label}` : jobTitle(job);

  async function cancel(): Promise<void> {
    setCancelling(true);
    setError(null);
    try {
      const reply = await state.source.send({ type: 'cancel-job', jobId: job.id });
      if (!reply.ok) setError(t('options_jobsCancelFailed', { error: reply.error }));
    } catch (caught) {
      setError(t('options_jobsCancelFailed', { error: errorText(caught) }));
    }
    setCancelling(false);
  }

  return (
    <li class="flex items-start gap-4 py-3 first:pt-0 last:pb-0" data-testid="job-row">
      <div class="min-w-0 flex-1 space-y-1">
        <JobProgress job={job} title={title} />
        {job.attempts > 0 && <p class="text-xs text-amber-700 dark:text-amber-300">{t('options_jobsRetried', { count: job.attempts })}</p>}
        {error && (
          <p role="alert" class="text-xs text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
      </div>
      <div class="flex shrink-0 flex-col items-end gap-2">
        <Badge tone={job.status === 'running' ? 'accent' : 'neutral'}>{t(JOB_STATUS_LABEL[job.status])}</Badge>
        <button
          type="button"
          class={cls.secondary}
          disabled={cancelling}
          aria-label={t('options_jobsCancelLabel', { job: title })}
          onClick={() => void cancel()}
        >
          {cancelling ? t('options_jobsCancelling') : t('options_jobsCancel')}
        </button>
      </div>
    </li>
  );
}
