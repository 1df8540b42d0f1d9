import { PipelineInsightsTab } from '../insights/PipelineInsightsTab';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { useLocale } from '../ui/locale';
import { Spinner } from '../ui/Spinner';
import { ThemeRoot, type Theme } from '../ui/ThemeRoot';
import { ModelQualityTab } from './ModelQualityTab';
import { Tabs } from './Tabs';
import type { InsightsActions, QualityStatus, QualityTab } from './types';

export interface QualityPageProps {
  status: QualityStatus;
  tab: QualityTab;
  onTabChange: (tab: QualityTab) => void;
  onConnectionChange: (connectionId: string) => void;
  onOpenOptions: () => void;
  onRetrain: () => void;
  onRetry: () => void;
  /** A line under the header (retraining started, or why it did not). */
  notice?: { tone: 'accent' | 'negative'; text: string } | null;
  iconUrl?: string;
  theme?: Theme;
  /** The insights tab's segments and "me"; without them its filters still work, unsaved. */
  insights?: InsightsActions;
}

/**
 * The model-quality page: one page with two tabs over the same connection and training,
 * "Model quality" (is Win Potential worth trusting on this data?) and "Pipeline insights"
 * (what the open pipeline holds). Loading, error and no-data states stand in for both.
 */
export function QualityPage({
  status,
  tab,
  onTabChange,
  onConnectionChange,
  onOpenOptions,
  onRetrain,
  onRetry,
  notice,
  iconUrl,
  theme = 'auto',
  insights,
}: QualityPageProps) {
  const { t, number, relative } = useLocale();
  const data = status.kind === 'ready' ? status.data : null;
  const connection = data?.connection ?? null;
  const model = data?.model ?? null;

  let body;
  if (status.kind === 'loading') {
    body = (
      <div class="flex justify-center py-16" data-state="loading">
        <Spinner label={t('quality_loading')} />
      </div>
    );
  } else if (status.kind === 'error') {
    body = <ErrorState name="error" title={t('quality_errorTitle')} message={status.message} onRetry={onRetry} />;
  } else if (!connection) {
    body = (
      <EmptyState
        name="no-data"
        title={t('quality_noDataTitle')}
        actions={
          <Button variant="primary" onClick={onOpenOptions}>
            {t('quality_openSettings')}
          </Button>
        }
      >
        {t('quality_noDataBody')}
      </EmptyState>
    );
  } else if (!model) {
    body = (
      <EmptyState
        name="not-trained"
        icon="clock"
        title={t('quality_notTrainedTitle')}
        actions={<Button onClick={onOpenOptions}>{t('quality_openSettings')}</Button>}
      >
        {t('quality_notTrainedBody', { connection: connection.label })}
      </EmptyState>
    );
  } else {
    body = (
      <Tabs
        idPrefix="quality"
        label={t('quality_tabsLabel')}
        tabs={[
          { key: 'quality', label: t('quality_tabQuality') },
          { key: 'insights', label: t('quality_tabInsights') },
        ]}
        selected={tab}
        onSelect={onTabChange}
      >
        {connection.dataVersion !== model.dataVersion ? (
          <Banner
            tone="warning"
            role="status"
            name="out-of-date"
            class="mb-4"
            action={
              <Button size="sm" icon="refresh" onClick={onRetrain}>
                {t('quality_retrain')}
              </Button>
            }
          >
            {t('quality_outOfDate')}
          </Banner>
        ) : null}
        {tab === 'quality' ? (
          <ModelQualityTab model={model} onOpenOptions={onOpenOptions} onRetrain={onRetrain} />
        ) : (
          <PipelineInsightsTab
            key={connection.id}
            connectionLabel={connection.label}
            model={model}
            openRows={data?.openRows ?? []}
            personas={data?.personas ?? []}
            filters={data?.filters}
            segments={data?.segments}
            me={data?.me ?? null}
            actions={insights}
          />
        )}
      </Tabs>
    );
  }

  return (
    <ThemeRoot theme={theme} class="min-h-screen bg-slate-50 dark:bg-slate-950">
      <div class="mx-auto max-w-6xl px-4 py-5 sm:px-6">
        <header class="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
          <div class="flex min-w-0 items-center gap-2.5">
            {iconUrl ? <img src={iconUrl} alt="" width={28} height={28} class="size-7" /> : null}
            <div class="min-w-0 leading-tight">
              <p class="text-xs font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">{t('quality_appName')}</p>
              <h1 class="text-lg font-semibold tracking-tight">{t('quality_heading')}</h1>
            </div>
          </div>
          {data && connection ? (
            <div class="ml-auto flex min-w-0 flex-wrap items-center gap-3 text-sm">
              {data.connections.length > 1 ? (
                <label class="flex items-center gap-2">
                  <span class="text-slate-600 dark:text-slate-300">{t('quality_connectionLabel')}</span>
                  <select
                    class="max-w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
                    value={connection.id}
                    onChange={(event) => onConnectionChange(event.currentTarget.value)}
                    data-testid="connection"
                  >
                    {data.connections.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <span class="max-w-64 truncate font-medium" title={connection.label} data-testid="connection">
                  {connection.label}
                </span>
              )}
              {model ? (
                <span class="text-xs text-slate-500 dark:text-slate-400" title={model.trainedAt} data-testid="trained-at">
                  {t('quality_trainedAt', { when: relative(model.trainedAt), closed: number(model.counts.closed) })}
                </span>
              ) : null}
            </div>
          ) : null}
        </header>
        {notice ? (
          <p
            role="status"
            class={notice.tone === 'negative' ? 'mb-3 text-sm text-rose-700 dark:text-rose-300' : 'mb-3 text-sm text-indigo-700 dark:text-indigo-300'}
          >
            {notice.text}
          </p>
        ) : null}
        <main>{body}</main>
      </div>
    </ThemeRoot>
  );
}
