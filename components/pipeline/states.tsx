/**
 * What the popup shows instead of, or above, the ranked pipeline: loading, no data yet,
 * not scored yet, not enough closed deals, out of date (with a running job's progress),
 * and errors in words.
 */
import type { ComponentChildren } from 'preact';
import type { JobRecord } from '../../lib/store/schema';
import { BUTTON, PRIMARY_BUTTON } from './controls';
import { tp } from './i18n';
import { jobStep } from '../../lib/i18n/job-text';

/** Skeleton rows where the grid will be, so the popup does not jump when data arrives. */
export function LoadingState() {
  return (
    <div class="flex flex-1 flex-col gap-0 border-t border-slate-200 dark:border-slate-700" role="status" aria-live="polite" data-state="loading">
      <span class="sr-only">{tp('popup_loading')}</span>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} class="flex h-11 items-center gap-4 border-b border-slate-100 px-3 dark:border-slate-800" aria-hidden="true">
          <div class="flex w-40 flex-col gap-1.5">
            <div class="h-2.5 w-32 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
            <div class="h-2 w-20 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
          </div>
          {[56, 72, 64, 48, 60, 56, 72].map((w, j) => (
            <div key={j} class="h-2.5 animate-pulse rounded bg-slate-100 dark:bg-slate-800" style={{ width: `${w}px` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A centred message with an optional action: the popup's full-size states. */
export function StateMessage({
  icon,
  title,
  children,
  action,
  state,
}: {
  icon: 'inbox' | 'clock' | 'chart' | 'alert';
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
  state: string;
}) {
  const alert = icon === 'alert';
  return (
    <div class="flex flex-1 flex-col items-center justify-center gap-3 px-10 py-8 text-center" data-state={state} role={alert ? 'alert' : undefined}>
      <div
        class={`flex size-11 items-center justify-center rounded-full ${
          alert ? 'bg-rose-50 text-rose-600 dark:bg-rose-400/10 dark:text-rose-400' : 'bg-sky-50 text-sky-600 dark:bg-sky-400/10 dark:text-sky-400'
        }`}
        aria-hidden="true"
      >
        <StateIcon name={icon} />
      </div>
      <h2 class="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children && <div class="max-w-md text-xs leading-relaxed text-slate-600 dark:text-slate-300">{children}</div>}
      {action && <div class="mt-1 flex items-center gap-2">{action}</div>}
    </div>
  );
}

/** No data yet: the way to the options page, or the progress of the first import. */
export function EmptyState({ onOpenOptions, job }: { onOpenOptions: () => void; job?: JobRecord | null }) {
  return (
    <StateMessage
      state="empty"
      icon="inbox"
      title={tp('popup_emptyTitle')}
      action={
        job ? undefined : (
          <button type="button" class={PRIMARY_BUTTON} onClick={onOpenOptions}>
            {tp('popup_emptyAction')}
          </button>
        )
      }
    >
      <p>{tp('popup_emptyBody')}</p>
      {job && (
        <div class="mt-4 w-80 text-left text-sky-900 dark:text-sky-100">
          <JobProgress job={job} />
        </div>
      )}
    </StateMessage>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <StateMessage
      state="error"
      icon="alert"
      title={tp('popup_errorTitle')}
      action={
        <button type="button" class={BUTTON} onClick={onRetry}>
          {tp('popup_retry')}
        </button>
      }
    >
      <p>{message}</p>
    </StateMessage>
  );
}

export type BannerTone = 'info' | 'warning' | 'error';

const TONE: Record<BannerTone, string> = {
  info: 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-400/30 dark:bg-sky-400/10 dark:text-sky-100',
  warning: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100',
  error: 'border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-400/30 dark:bg-rose-400/10 dark:text-rose-100',
};

/** A one- or two-line notice above the grid. */
export function Banner({
  tone,
  title,
  children,
  action,
  state,
}: {
  tone: BannerTone;
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
  state: string;
}) {
  return (
    <div
      class={`mx-3 mb-2 flex items-start gap-2 rounded-md border px-3 py-2 text-xs ${TONE[tone]}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-state={state}
    >
      <div class="min-w-0 flex-1">
        <p class="font-semibold">{title}</p>
        {children && <div class="mt-0.5 opacity-90">{children}</div>}
      </div>
      {action && <div class="shrink-0 self-center">{action}</div>}
    </div>
  );
}

/** A running or queued job: its step and a progress bar (indeterminate until it knows its total). */
export function JobProgress({ job }: { job: JobRecord }) {
  const known = job.total > 0;
  const share = known ? Math.max(0, Math.min(1, job.done / job.total)) : null;
  const label = job.status === 'queued' ? tp('popup_jobQueued') : (jobStep(job, tp) ?? tp('popup_jobQueued'));
  return (
    <div class="flex flex-col gap-1" data-testid="job-progress">
      <div class="flex items-baseline justify-between gap-3">
        <span>{label}</span>
        {known && <span class="tabular-nums opacity-80">{tp('popup_jobProgress', { done: job.done, total: job.total })}</span>}
      </div>
      <div
        class="h-1.5 overflow-hidden rounded-full bg-sky-200/70 dark:bg-sky-400/20"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? job.total : undefined}
        aria-valuenow={known ? job.done : undefined}
      >
        <div
          class={`h-full rounded-full bg-sky-600 transition-[width] duration-300 dark:bg-sky-400 ${share === null ? 'w-1/3 animate-pulse' : ''}`}
          style={share === null ? undefined : { width: `${(share * 100).toFixed(1)}%` }}
        />
      </div>
    </div>
  );
}

function StateIcon({ name }: { name: 'inbox' | 'clock' | 'chart' | 'alert' }) {
  const paths: Record<typeof name, string> = {
    inbox:
      'M3 13.5 5.2 6.6A1.5 1.5 0 0 1 6.63 5.5h10.74a1.5 1.5 0 0 1 1.43 1.1L21 13.5M3 13.5V18a1.5 1.5 0 0 0 1.5 1.5h15A1.5 1.5 0 0 0 21 18v-4.5M3 13.5h4.5l1.5 2.25h6l1.5-2.25H21',
    clock: 'M12 6.75V12l3.75 2.25M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z',
    chart: 'M4.5 19.5h15M7.5 16.5v-4.5M12 16.5V7.5M16.5 16.5v-7.5',
    alert: 'M12 8.25v4.5m0 3h.01M10.29 3.86 1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0Z',
  };
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
