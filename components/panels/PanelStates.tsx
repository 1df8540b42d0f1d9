/**
 * What the panels show instead of (or above) their numbers, one component per
 * `PanelState` kind. Actions are callbacks, so the same states work on an extension page
 * (which can open the options page itself) and in a content script (which asks the background).
 */
import type { Sufficiency } from '../../lib/engine/sufficiency';
import { Banner } from '../ui/Banner';
import { Bar } from '../ui/Bar';
import { Button } from '../ui/Button';
import type { HeadingLevel } from '../ui/Card';
import { cx } from '../ui/cx';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { Icon } from '../ui/icons';
import { useLocale } from '../ui/locale';
import { Skeleton } from '../ui/Skeleton';
import { useId } from 'preact/hooks';

export interface StateActions {
  /** Opens the options page (import a CSV, try sandbox data). The button shows only when given. */
  onOpenOptions?: () => void;
  /** Asks again (after an error). */
  onRetry?: () => void;
  /** Retrains the models (out of date). */
  onRetrain?: () => void;
}

function OptionsButton({ onOpenOptions, variant = 'primary' }: { onOpenOptions?: () => void; variant?: 'primary' | 'secondary' }) {
  const { t } = useLocale();
  if (!onOpenOptions) return null;
  return (
    <Button variant={variant} onClick={onOpenOptions}>
      {t('panels_state_openOptions')}
    </Button>
  );
}

/** No data in this connection yet: import a CSV or try the sandbox. */
export function NotSynced({
  connectionLabel,
  onOpenOptions,
  level = 2,
}: { connectionLabel: string | null } & Pick<StateActions, 'onOpenOptions'> & { level?: HeadingLevel }) {
  const { t } = useLocale();
  return (
    <EmptyState
      name="not-synced"
      level={level}
      icon="database"
      title={t('panels_state_notSyncedTitle')}
      actions={<OptionsButton onOpenOptions={onOpenOptions} />}
    >
      {connectionLabel ? <p>{t('panels_state_notSyncedConnection', { connection: connectionLabel })}</p> : null}
      <p>{t('panels_state_notSyncedBody')}</p>
    </EmptyState>
  );
}

/** The record is not in the store. */
export function NotFound({ opportunityId, onOpenOptions, onRetry, level = 2 }: { opportunityId: string; level?: HeadingLevel } & StateActions) {
  const { t } = useLocale();
  return (
    <EmptyState
      name="not-found"
      level={level}
      icon="info"
      title={t('panels_state_notFoundTitle')}
      actions={
        <>
          {onRetry ? (
            <Button icon="refresh" onClick={onRetry}>
              {t('common_retry')}
            </Button>
          ) : null}
          <OptionsButton onOpenOptions={onOpenOptions} variant="secondary" />
        </>
      }
    >
      <p class="break-words">{t('panels_state_notFoundBody', { id: opportunityId })}</p>
    </EmptyState>
  );
}

/** The background answered an error: its message and a retry. */
export function PanelError({ message, onRetry, level = 2 }: { message: string; onRetry?: () => void; level?: HeadingLevel }) {
  const { t } = useLocale();
  return <ErrorState name="error" level={level} title={t('panels_state_errorTitle')} message={message} onRetry={onRetry} />;
}

/** Too few closed deals to train: exactly how many more wins and losses are needed, as text and as two meters. */
export function NotEnoughData({
  sufficiency,
  personasMessage,
  onOpenOptions,
  level = 2,
}: { sufficiency: Sufficiency; personasMessage: string | null; level?: HeadingLevel } & Pick<StateActions, 'onOpenOptions'>) {
  const tools = useLocale();
  const { t } = tools;
  const id = useId();
  const Heading = `h${level}` as 'h2';
  const { wins, losses, winsNeeded, lossesNeeded } = sufficiency;
  // The minimum is what is had plus what is missing; a satisfied side is drawn on the other's scale.
  const target = Math.max(winsNeeded > 0 ? wins + winsNeeded : 0, lossesNeeded > 0 ? losses + lossesNeeded : 0, 1);
  const moreWins = t('panels_state_moreWins', { count: winsNeeded });
  const moreLosses = t('panels_state_moreLosses', { count: lossesNeeded });
  const needed =
    winsNeeded > 0 && lossesNeeded > 0
      ? t('panels_state_neededBoth', { wins: moreWins, losses: moreLosses })
      : winsNeeded > 0
        ? t('panels_state_neededOne', { what: moreWins })
        : lossesNeeded > 0
          ? t('panels_state_neededOne', { what: moreLosses })
          : null;
  const meters = [
    { key: 'wins', text: t('panels_state_haveWins', { count: wins, target }), have: wins, done: winsNeeded === 0 },
    { key: 'losses', text: t('panels_state_haveLosses', { count: losses, target }), have: losses, done: lossesNeeded === 0 },
  ];
  return (
    <section
      aria-labelledby={id}
      data-state="not-enough-data"
      class="rounded-xl border border-amber-200 bg-amber-50/60 p-4 dark:border-amber-900 dark:bg-amber-950/40"
    >
      <div class="flex items-start gap-2">
        <Icon name="info" class="mt-0.5 size-5 text-amber-600 dark:text-amber-400" />
        <div class="min-w-0">
          <Heading id={id} class="text-sm font-semibold text-slate-900 dark:text-slate-100">
            {t('panels_state_notEnoughTitle')}
          </Heading>
          {needed ? (
            <p class="mt-1 text-[0.8125rem] font-medium text-slate-800 dark:text-slate-100" data-field="needed">
              {needed}
            </p>
          ) : null}
          <p class="mt-1 text-[0.8125rem] text-slate-700 dark:text-slate-300">{t('panels_state_notEnoughBody')}</p>
        </div>
      </div>
      <ul class="mt-3 flex flex-col gap-2 pl-7">
        {meters.map((m) => (
          <li key={m.key} data-meter={m.key}>
            <p class="mb-1 flex items-center gap-1 text-xs text-slate-700 dark:text-slate-200">
              {m.done ? <Icon name="check" class="size-3.5 text-emerald-600 dark:text-emerald-400" /> : null}
              {m.text}
            </p>
            <Bar fraction={m.have / target} tone={m.done ? 'positive' : 'warning'} size="sm" class="bg-white dark:bg-slate-800" />
          </li>
        ))}
      </ul>
      {personasMessage ? <p class="mt-3 pl-7 text-xs text-slate-600 dark:text-slate-300">{personasMessage}</p> : null}
      {onOpenOptions ? (
        <div class="mt-3 pl-7">
          <OptionsButton onOpenOptions={onOpenOptions} variant="secondary" />
        </div>
      ) : null}
    </section>
  );
}

/** Above the numbers when the models are older than the data: when they were trained and how much changed. */
export function OutOfDateBanner({
  trainedAt,
  changedSince,
  now,
  onRetrain,
}: { trainedAt: string; changedSince: number; now: number } & Pick<StateActions, 'onRetrain'>) {
  const tools = useLocale();
  const { t } = tools;
  const trained = tools.relative(trainedAt, now);
  return (
    <Banner
      tone="warning"
      icon="clock"
      role="status"
      name="out-of-date"
      title={t('panels_state_outOfDateTitle')}
      action={
        onRetrain ? (
          <Button size="sm" icon="refresh" onClick={onRetrain}>
            {t('panels_state_retrain')}
          </Button>
        ) : null
      }
    >
      <span data-field="out-of-date">
        {changedSince > 0 ? t('panels_state_outOfDateChanged', { trained, count: changedSince }) : t('panels_state_outOfDateBody', { trained })}
      </span>
    </Banner>
  );
}

/** Grey blocks in the panels' shapes while the data loads; announced once as "Loading deal intelligence…". */
export function DealPanelsSkeleton({ class: className }: { class?: string }) {
  const { t } = useLocale();
  const block = 'rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700/80 dark:bg-slate-900';
  return (
    <div class={cx('@container', className)} data-state="loading">
      <p role="status" class="sr-only">
        {t('panels_state_loading')}
      </p>
      <div aria-hidden="true" class="grid gap-3 @3xl:grid-cols-2">
        <div class={block}>
          <Skeleton class="h-3.5 w-40" />
          <div class="mt-4 flex items-center gap-3">
            <Skeleton shape="circle" class="size-16" />
            <Skeleton shape="circle" class="size-11" />
            <div class="flex flex-1 flex-col gap-2">
              <Skeleton class="h-3.5 w-3/4" />
              <Skeleton class="h-3 w-1/2" />
            </div>
          </div>
          <div class="mt-4 flex flex-col gap-3">
            {[0.9, 0.7, 0.5].map((w) => (
              <div key={w} class="flex flex-col gap-1.5">
                <Skeleton class="h-3 w-1/3" />
                <Skeleton class="h-1.5" width={w} />
              </div>
            ))}
          </div>
        </div>
        <div class={block}>
          <Skeleton class="h-3.5 w-28" />
          <Skeleton class="mt-4 h-8 w-20" />
          <Skeleton class="mt-3 h-2" />
          <div class="mt-4 flex flex-col gap-2">
            <Skeleton class="h-3 w-5/6" />
            <Skeleton class="h-3 w-2/3" />
            <Skeleton class="h-3 w-3/4" />
          </div>
        </div>
        <div class={block}>
          <Skeleton class="h-3.5 w-24" />
          <Skeleton class="mt-4 h-6 w-32" />
          <Skeleton class="mt-3 h-4" />
        </div>
        <div class={block}>
          <Skeleton class="h-3.5 w-48" />
          <Skeleton class="mt-4 h-3 w-2/3" />
          <Skeleton class="mt-2 h-3 w-1/2" />
          <Skeleton class="mt-4 h-3 w-3/5" />
        </div>
      </div>
    </div>
  );
}
