import type { DriftLevel, DriftReport } from '../../lib/engine/drift';
import { Badge } from '../ui/Badge';
import { Banner } from '../ui/Banner';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';
import type { Tone } from '../ui/tone';
import { bucketLabel, fixed } from './format';

const LEVEL_TONE: Record<DriftLevel, Tone> = { stable: 'positive', watch: 'neutral', moved: 'warning' };
const SHOWN = 8;

/** Population stability of each attribute between the closed deals and the open pipeline, with a warning naming what moved. */
export function DriftCard({ drift, message }: { drift: DriftReport | null; message: string | null }) {
  const tools = useLocale();
  const { t, number, percent, locale } = tools;
  if (!drift) {
    return (
      <Card title={t('quality_driftTitle')} name="drift" class="lg:col-span-2">
        <p class="text-sm text-slate-600 dark:text-slate-300">{t('quality_driftNone', { message: message ?? '' })}</p>
      </Card>
    );
  }
  const warn = fixed(drift.warnAbove, 2, locale);
  const watch = fixed(drift.watchAbove, 2, locale);
  return (
    <Card title={t('quality_driftTitle')} name="drift" class="lg:col-span-2">
      {drift.moved.length > 0 ? (
        <Banner tone="warning" role="status" name="drift-warning" title={t('quality_driftWarnTitle')} class="mb-3">
          {t('quality_driftWarnBody', { names: drift.moved.join(', ') })}
        </Banner>
      ) : (
        <p class="mb-3 text-sm text-emerald-800 dark:text-emerald-200" data-banner="drift-stable">
          {t('quality_driftStable', { warn })}
        </p>
      )}
      <p class="mb-3 text-xs text-slate-600 dark:text-slate-300">
        {t('quality_driftExplain', { closed: number(drift.closed), open: number(drift.open), watch, warn })}
      </p>
      <div class="overflow-x-auto">
        <table class="w-full min-w-[32rem] text-sm" data-testid="drift-table">
          <thead>
            <tr class="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" class="py-1.5 pr-3 font-medium">
                {t('quality_colAttribute')}
              </th>
              <th scope="col" class="py-1.5 pr-3 text-right font-medium">
                {t('quality_colPsi')}
              </th>
              <th scope="col" class="py-1.5 pr-3 font-medium">
                {t('quality_colStatus')}
              </th>
              <th scope="col" class="py-1.5 font-medium">
                {t('quality_colMove')}
              </th>
            </tr>
          </thead>
          <tbody>
            {drift.features.slice(0, SHOWN).map((feature) => {
              const shift = feature.shifts[0];
              return (
                <tr
                  key={feature.key}
                  class="border-b border-slate-100 last:border-0 dark:border-slate-800"
                  data-feature={feature.key}
                  data-level={feature.level}
                >
                  <th scope="row" class="max-w-48 truncate py-1.5 pr-3 text-left font-medium" title={feature.label}>
                    {feature.label}
                  </th>
                  <td class="py-1.5 pr-3 text-right tabular-nums">{fixed(feature.psi, 3, locale)}</td>
                  <td class="py-1.5 pr-3">
                    <Badge tone={LEVEL_TONE[feature.level]}>{t(`quality_driftLevel_${feature.level}`)}</Badge>
                  </td>
                  <td class="py-1.5 text-slate-600 dark:text-slate-300">
                    {shift
                      ? t('quality_driftShift', { bucket: bucketLabel(shift.bucket, tools), closed: percent(shift.closed), open: percent(shift.open) })
                      : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {drift.skipped.map((s) => (
        <p key={s.key} class="mt-2 text-xs text-slate-500 dark:text-slate-400">
          {t('quality_driftSkipped', { label: s.label, reason: s.reason })}
        </p>
      ))}
    </Card>
  );
}
