import type { FeatureWeight } from '../../lib/engine/quality';
import { Bar } from '../ui/Bar';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';

const SHOWN = 10;

/** The win model's feature importance: the fields it leans on most, as shares. */
export function ImportanceCard({ importance, closed }: { importance: readonly FeatureWeight[]; closed: number }) {
  const { t, number, percent } = useLocale();
  const shown = importance.slice(0, SHOWN);
  const largest = Math.max(...shown.map((f) => f.importance), 0);
  return (
    <Card title={t('quality_importanceTitle')} name="importance">
      <p class="mb-3 text-xs text-slate-600 dark:text-slate-300">{t('quality_importanceBody', { closed: number(closed) })}</p>
      <ol class="space-y-2" data-testid="importance">
        {shown.map((feature) => (
          <li key={feature.key} class="grid grid-cols-[minmax(0,9rem)_1fr_3rem] items-center gap-2 text-sm" data-feature={feature.key}>
            <span class="truncate" title={feature.label}>
              {feature.label}
            </span>
            <Bar fraction={largest > 0 ? feature.importance / largest : 0} />
            <span class="text-right text-slate-600 tabular-nums dark:text-slate-300">{percent(feature.importance)}</span>
          </li>
        ))}
      </ol>
      {importance.length > SHOWN ? (
        <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('quality_importanceMore', { count: importance.length - SHOWN })}</p>
      ) : null}
    </Card>
  );
}
