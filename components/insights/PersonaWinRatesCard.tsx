import type { PipelineRow } from '../../lib/panel-data';
import { personaWinRates } from '../../lib/pipeline/insights';
import type { PersonaRecord } from '../../lib/store/schema';
import { Bar } from '../ui/Bar';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';

/** Each org persona's win rate among the closed deals aligned with it, against the org's. */
export function PersonaWinRatesCard({
  personas,
  openRows,
  orgWinRate,
}: {
  personas: readonly PersonaRecord[];
  openRows: readonly PipelineRow[];
  orgWinRate: number | null;
}) {
  const { t, number, percent } = useLocale();
  const rates = personaWinRates(personas, openRows);
  return (
    <Card title={t('quality_personaWinTitle')} name="persona-win-rates">
      {rates.length === 0 ? (
        <p class="text-sm text-slate-600 dark:text-slate-300">{t('quality_noPersonas')}</p>
      ) : (
        <>
          <p class="mb-3 text-xs text-slate-600 dark:text-slate-300">{t('quality_personaWinBody', { rate: percent(orgWinRate) })}</p>
          <ul class="space-y-2.5" data-testid="persona-win-rates">
            {rates.map((rate) => (
              <li key={rate.id} data-persona={rate.id}>
                <div class="flex items-baseline justify-between gap-2 text-sm">
                  <span class="truncate font-medium" title={rate.name}>
                    {rate.name}
                  </span>
                  <span class="shrink-0 text-slate-600 tabular-nums dark:text-slate-300" data-cell="rate">
                    {rate.winRate === null
                      ? t('quality_personaNoRate')
                      : t('quality_personaWinRow', { rate: percent(rate.winRate), closed: number(rate.closed) })}
                  </span>
                </div>
                <Bar
                  fraction={rate.winRate ?? 0}
                  tone={orgWinRate !== null && rate.winRate !== null && rate.winRate >= orgWinRate ? 'positive' : 'neutral'}
                  class="mt-1"
                />
                <p class="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{t('quality_personaOpen', { count: rate.open })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
