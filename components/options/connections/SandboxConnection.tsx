/**
 * "Try with sandbox data": a seed and a size, then 'start-sandbox'. The generated org
 * replaces the previous sandbox connection; real connections are untouched.
 */
import { useId, useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { JobProgress } from '../ui/JobProgress';
import { Notice } from '../ui/Notice';
import { useFollowUp, useTrackedJob } from './useTrackedJob';
import { jobError, jobSummary } from '../../../lib/i18n/job-text';

export const SANDBOX_SIZES = [1_000, 10_000, 50_000] as const;
export const DEFAULT_SEED = 7;
const MAX_SEED = 2 ** 31 - 1;

/** The seed as a whole number in range, or null. */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const seed = Number(trimmed);
  return seed <= MAX_SEED ? seed : null;
}

export function SandboxConnection() {
  const state = useOptions();
  const id = useId();
  const [seedText, setSeedText] = useState(String(DEFAULT_SEED));
  const [size, setSize] = useState<number>(10_000);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const { job, track } = useTrackedJob('sandbox');
  const followUp = useFollowUp(job);
  const seed = parseSeed(seedText);
  const running = starting || (job !== undefined && (job.status === 'queued' || job.status === 'running'));
  const existing = state.connections.value.find((c) => c.kind === 'sandbox');

  async function start(event: Event): Promise<void> {
    event.preventDefault();
    if (seed === null || running) return;
    setError(null);
    setStarting(true);
    try {
      const reply = await state.source.send({ type: 'start-sandbox', seed, opportunities: size });
      if (reply.ok) track(reply.jobId);
      else setError(t('options_sandboxStartFailed', { error: reply.error }));
    } catch (caught) {
      setError(t('options_sandboxStartFailed', { error: errorText(caught) }));
    } finally {
      setStarting(false);
    }
  }

  return (
    <form class="space-y-4" onSubmit={(event) => void start(event)} noValidate>
      <div class="flex flex-wrap items-start gap-x-6 gap-y-4">
        <div class="space-y-1">
          <label for={`${id}-seed`} class={cls.label}>
            {t('options_sandboxSeed')}
          </label>
          <input
            id={`${id}-seed`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            class={`${cls.input} w-28 tabular-nums`}
            value={seedText}
            aria-invalid={seed === null}
            aria-describedby={`${id}-seed-hint`}
            onInput={(event) => setSeedText(event.currentTarget.value)}
          />
          <p id={`${id}-seed-hint`} class={`text-xs ${seed === null ? 'text-rose-600 dark:text-rose-400' : cls.muted}`}>
            {seed === null ? t('options_sandboxSeedInvalid', { max: MAX_SEED }) : t('options_sandboxSeedHint')}
          </p>
        </div>
        <fieldset class="space-y-1">
          <legend class={cls.label}>{t('options_sandboxSize')}</legend>
          <div class="flex flex-wrap gap-2 pt-1">
            {SANDBOX_SIZES.map((n) => (
              <label
                key={n}
                class="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm has-checked:border-indigo-500 has-checked:bg-indigo-50 has-checked:text-indigo-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 dark:border-slate-600 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950 dark:has-checked:text-indigo-100"
              >
                <input
                  type="radio"
                  name={`${id}-size`}
                  value={n}
                  checked={size === n}
                  class="accent-indigo-600 dark:accent-indigo-400"
                  onChange={() => setSize(n)}
                />
                <span class="tabular-nums">{t('options_sandboxSizeOption', { count: n })}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="flex flex-wrap items-center gap-3">
        <button type="submit" class={cls.primary} disabled={seed === null || running}>
          {t('options_sandboxStart')}
        </button>
        {existing && <p class={`text-xs ${cls.muted}`}>{t('options_sandboxReplaces', { label: existing.label })}</p>}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {job && <SandboxStatus job={job} followUp={followUp} />}
    </form>
  );
}

function SandboxStatus({ job, followUp }: { job: NonNullable<ReturnType<typeof useTrackedJob>['job']>; followUp: ReturnType<typeof useFollowUp> }) {
  switch (job.status) {
    case 'queued':
    case 'running':
      return (
        <div data-testid="sandbox-progress">
          <JobProgress job={job} title={t('options_sandboxLoading')} />
        </div>
      );
    case 'failed':
      return <Notice tone="error">{t('options_sandboxFailed', { error: jobError(job, t) ?? t('options_commonUnknownError') })}</Notice>;
    case 'cancelled':
      return <Notice tone="info">{t('options_sandboxCancelled')}</Notice>;
    case 'done':
      return (
        <div class="space-y-3">
          <Notice tone="success">
            <p>{t('options_sandboxDone')}</p>
            {jobSummary(job, t) && <p class="text-xs opacity-80">{jobSummary(job, t)}</p>}
          </Notice>
          {followUp && <JobProgress job={followUp} size="sm" />}
        </div>
      );
  }
}
