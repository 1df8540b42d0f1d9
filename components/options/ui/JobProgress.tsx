/**
 * One job's progress: its step, a bar and the count. The text is a polite live region, so
 * a screen reader hears the step change without every tick of the bar.
 */
import type { JobRecord } from '../../../lib/store/schema';
import { jobProgressText, jobTitle, jobTotal } from '../jobs';
import { ProgressBar } from './ProgressBar';

export function JobProgress({ job, title, size = 'md' }: { job: JobRecord; title?: string; size?: 'sm' | 'md' }) {
  const name = title ?? jobTitle(job);
  const text = jobProgressText(job);
  return (
    <div class="space-y-1.5">
      <div class="flex items-baseline justify-between gap-3 text-sm">
        <span class="min-w-0 truncate font-medium text-slate-800 dark:text-slate-100">{name}</span>
      </div>
      <ProgressBar label={name} done={job.done} total={jobTotal(job)} valueText={text} tone={job.status === 'queued' ? 'muted' : 'accent'} size={size} />
      <p class="text-xs text-slate-600 tabular-nums dark:text-slate-400" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
