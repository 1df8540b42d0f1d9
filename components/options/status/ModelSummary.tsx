/**
 * A connection's last training: when, on how many deals, which models are ready, how many
 * personas were found, and the engine's notes ("7 more won deals needed").
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/format';
import { ago, dayOf } from '../time';
import type { ConnectionRecord, ModelRecord } from '../../../lib/store/schema';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { useNow } from '../useNow';
import { Badge } from '../../ui';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';

export function personaCount(model: ModelRecord): { total: number; teams: number } {
  const org = model.personas.org?.personas.length ?? 0;
  const teams = model.personas.teams.reduce((sum, group) => sum + group.personas.length, 0);
  return { total: org + teams, teams };
}

export function ModelSummary({ connection, model }: { connection: ConnectionRecord; model: ModelRecord | undefined }) {
  const state = useOptions();
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const training = state.activeJobs.value.some((job) => job.connectionId === connection.id);
  const stale = model !== undefined && model.dataVersion < connection.dataVersion;

  async function retrain(): Promise<void> {
    setStarting(true);
    setError(null);
    try {
      const reply = await state.source.send({ type: 'start-train', connectionId: connection.id });
      if (!reply.ok) setError(t('options_modelsRetrainFailed', { error: reply.error }));
    } catch (caught) {
      setError(t('options_modelsRetrainFailed', { error: errorText(caught) }));
    }
    setStarting(false);
  }

  const titleId = `model-${connection.id}-title`;
  return (
    <article class={`${cls.card} space-y-4`} aria-labelledby={titleId} data-testid="model-summary">
      <header class="flex flex-wrap items-start gap-x-3 gap-y-2">
        <div class="min-w-0 flex-1">
          <h4 id={titleId} class="truncate text-sm font-semibold text-slate-900 dark:text-white" title={connection.label}>
            {connection.label}
          </h4>
          <p class={`text-xs ${cls.muted}`}>
            {model ? (
              <time dateTime={model.trainedAt} title={dayOf(model.trainedAt)}>
                {t('options_modelsTrained', { when: ago(model.trainedAt, now) })}
              </time>
            ) : (
              t('options_modelsNotTrained')
            )}
          </p>
        </div>
        {stale && (
          <span title={t('options_modelsOutOfDateHint')}>
            <Badge tone="warning">{t('options_modelsOutOfDate')}</Badge>
          </span>
        )}
        <button
          type="button"
          class={cls.secondary}
          disabled={training || starting}
          aria-label={t('options_modelsRetrainLabel', { label: connection.label })}
          onClick={() => void retrain()}
        >
          {t('options_modelsRetrain')}
        </button>
      </header>

      {model && (
        <>
          <dl class="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label={t('options_modelsClosed')} value={model.counts.closed} />
            <Stat label={t('options_modelsWon')} value={model.counts.won} tone="text-emerald-700 dark:text-emerald-300" />
            <Stat label={t('options_modelsLost')} value={model.counts.lost} tone="text-rose-700 dark:text-rose-300" />
            <Stat label={t('options_modelsOpen')} value={model.counts.open} />
          </dl>
          <dl class="grid gap-2 text-sm sm:grid-cols-3">
            <Readiness label={t('options_modelsWin')} ready={model.win !== null} />
            <Readiness label={t('options_modelsForecast')} ready={model.forecast !== null} />
            <Personas model={model} />
          </dl>
          <Notes model={model} />
        </>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </article>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div class="rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
      <dt class={`text-xs ${cls.muted}`}>{label}</dt>
      <dd class={`text-lg font-semibold tabular-nums ${tone ?? 'text-slate-900 dark:text-white'}`}>{formatNumber(value)}</dd>
    </div>
  );
}

function Readiness({ label, ready }: { label: string; ready: boolean }) {
  return (
    <Fact label={label}>
      <Badge tone={ready ? 'positive' : 'warning'} icon={ready ? 'check' : 'warning'}>
        {ready ? t('options_modelsReady') : t('options_modelsNotReady')}
      </Badge>
    </Fact>
  );
}

function Personas({ model }: { model: ModelRecord }) {
  const { total, teams } = personaCount(model);
  return (
    <Fact label={t('options_modelsPersonas')}>
      {total > 0 ? (
        <Badge tone="accent">
          {teams > 0 ? t('options_modelsPersonaTeams', { count: total, teams: formatNumber(teams) }) : t('options_modelsPersonaCount', { count: total })}
        </Badge>
      ) : (
        <Badge tone="warning" icon="warning">
          {t('options_modelsNotReady')}
        </Badge>
      )}
    </Fact>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="flex flex-col items-start gap-1 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-700">
      <dt class="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Notes({ model }: { model: ModelRecord }) {
  const notes = [...model.notes];
  const insufficient = model.personas.insufficient?.message;
  if (insufficient && !notes.includes(insufficient)) notes.push(insufficient);
  if (notes.length === 0) return null;
  return (
    <div>
      <p class={`text-xs font-semibold tracking-wide uppercase ${cls.muted}`}>{t('options_modelsNotes')}</p>
      <ul class="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700 dark:text-slate-300">
        {notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
