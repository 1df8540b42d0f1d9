import type { Backtest } from '../../lib/engine/quality';
import { CalibrationChart } from '../charts/CalibrationChart';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';

/** The reliability curve of the backtest's predictions. */
export function CalibrationCard({ backtest }: { backtest: Backtest }) {
  const { t, number, percent } = useLocale();
  return (
    <Card title={t('quality_calibrationTitle')} name="calibration">
      <p class="mb-3 text-xs text-slate-600 dark:text-slate-300">{t('quality_calibrationBody')}</p>
      <CalibrationChart
        bins={backtest.calibration}
        label={t('quality_calibrationAlt', { test: number(backtest.test) })}
        xLabel={t('quality_calibrationX')}
        yLabel={t('quality_calibrationY')}
        perfectLabel={t('quality_calibrationPerfect')}
        formatTick={(f) => percent(f)}
        describePoint={(bin) =>
          t('quality_calibrationPoint', {
            from: percent(bin.from),
            to: percent(bin.to),
            count: bin.count,
            predicted: percent(bin.meanPredicted),
            observed: percent(bin.observedRate),
          })
        }
      />
    </Card>
  );
}
