/** How much this browser profile's storage Dealsight uses (navigator.storage.estimate via the store). */
import { t } from '../i18n';
import { formatBytes } from '../bytes';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { ProgressBar } from '../ui/ProgressBar';

export function StorageUse() {
  const state = useOptions();
  const estimate = state.storage.value as { usage?: number; quota?: number } | null;
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  return (
    <div class="space-y-2">
      <h3 class={cls.h3}>{t('options_dataStorage')}</h3>
      {usage === undefined ? (
        <p class={`text-sm ${cls.muted}`}>{t('options_dataStorageUnknown')}</p>
      ) : quota ? (
        <div class="max-w-md space-y-1.5" data-testid="storage">
          <ProgressBar
            label={t('options_dataStorageLabel')}
            done={usage}
            total={quota}
            valueText={t('options_dataStorageOf', { used: formatBytes(usage), quota: formatBytes(quota) })}
          />
          <p class="text-sm text-slate-700 tabular-nums dark:text-slate-300">
            {t('options_dataStorageOf', { used: formatBytes(usage), quota: formatBytes(quota) })}
          </p>
        </div>
      ) : (
        <p class="text-sm text-slate-700 tabular-nums dark:text-slate-300" data-testid="storage">
          {t('options_dataStorageUsed', { used: formatBytes(usage) })}
        </p>
      )}
    </div>
  );
}
