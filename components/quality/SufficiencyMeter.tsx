import { MIN_LOSSES, MIN_WINS, type Sufficiency } from '../../lib/engine/sufficiency';
import { Bar } from '../ui/Bar';
import { useLocale } from '../ui/locale';

/**
 * Won and lost deals against the 20/20 minimum (lib/engine/sufficiency.ts): one meter
 * each, with what is still needed in words.
 */
export function SufficiencyMeter({ sufficiency }: { sufficiency: Sufficiency }) {
  const { t, number } = useLocale();
  const rows = [
    { name: 'wins', label: t('quality_meterWins'), have: sufficiency.wins, need: MIN_WINS, missing: sufficiency.winsNeeded },
    { name: 'losses', label: t('quality_meterLosses'), have: sufficiency.losses, need: MIN_LOSSES, missing: sufficiency.lossesNeeded },
  ];
  return (
    <ul class="space-y-3" data-testid="sufficiency-meter">
      {rows.map((row) => (
        <li key={row.name} data-meter={row.name}>
          <div class="mb-1 flex items-baseline justify-between gap-2 text-sm">
            <span class="font-medium">{row.label}</span>
            <span class="text-slate-600 tabular-nums dark:text-slate-300">
              {row.missing > 0
                ? t('quality_meterValue', { have: number(row.have), need: number(row.need) })
                : t('quality_meterValueEnough', { have: number(row.have), need: number(row.need) })}
              {' · '}
              <span class={row.missing > 0 ? 'font-semibold text-amber-700 dark:text-amber-300' : 'text-emerald-700 dark:text-emerald-300'}>
                {row.missing > 0 ? t('quality_meterNeeded', { count: row.missing }) : t('quality_meterEnough')}
              </span>
            </span>
          </div>
          <div
            role="meter"
            aria-label={row.label}
            aria-valuemin={0}
            aria-valuemax={row.need}
            aria-valuenow={Math.min(row.have, row.need)}
            aria-valuetext={t('quality_meterValue', { have: number(row.have), need: number(row.need) })}
          >
            <Bar fraction={row.have / row.need} tone={row.missing > 0 ? 'warning' : 'positive'} />
          </div>
        </li>
      ))}
    </ul>
  );
}
