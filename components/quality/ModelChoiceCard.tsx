import type { DroppedFeature } from '../../lib/engine/encode';
import type { WinConfig } from '../../lib/engine/win';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';
import { fixed } from './format';

/**
 * Which configuration serves Win Potential and why (issue 15 item 2), and the fields set
 * aside as known only at the close, one line each with the reason (item 4).
 */
export function ModelChoiceCard({ config, setAside }: { config: WinConfig | null; setAside: readonly DroppedFeature[] }) {
  const { t, percent, locale } = useLocale();
  const served = config?.candidates.find((c) => c.forest === config.forest);
  const forestAlone = config?.candidates.find((c) => c.forest === 1);
  const name =
    config === null || config.forest === 1
      ? t('quality_configForest')
      : config.forest === 0
        ? t('quality_configLinear')
        : t('quality_configBlend', { forest: percent(config.forest), linear: percent(1 - config.forest) });
  return (
    <Card title={t('quality_modelTitle')} name="model-choice">
      <p class="text-sm text-slate-700 dark:text-slate-200" data-testid="config">
        {config === null || config.candidates.length === 0 || !served || !forestAlone
          ? t('quality_configOnly', { config: name })
          : t('quality_configChosen', {
              config: name,
              loss: fixed(served.logLoss, 4, locale),
              forest: fixed(forestAlone.logLoss, 4, locale),
              linear: fixed(config.candidates.find((c) => c.forest === 0)?.logLoss ?? Number.NaN, 4, locale),
            })}
      </p>
      <h3 class="mt-4 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{t('quality_setAsideTitle')}</h3>
      {setAside.length === 0 ? (
        <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t('quality_setAsideNone')}</p>
      ) : (
        <ul class="mt-1 space-y-1 text-sm" data-testid="set-aside">
          {setAside.map((d) => (
            <li key={d.key} data-field={d.key}>
              <span class="font-medium text-slate-900 dark:text-slate-100">{d.label}</span>
              <span class="text-slate-600 dark:text-slate-300">: {d.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('quality_setAsideHint')}</p>
    </Card>
  );
}
