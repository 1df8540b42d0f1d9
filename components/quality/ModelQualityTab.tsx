import { MIN_WINS } from '../../lib/engine/sufficiency';
import type { ModelRecord } from '../../lib/store/schema';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { EmptyState } from '../ui/EmptyState';
import { useLocale } from '../ui/locale';
import { BacktestCard } from './BacktestCard';
import { CalibrationCard } from './CalibrationCard';
import { DriftCard } from './DriftCard';
import { ImportanceCard } from './ImportanceCard';
import { LiftCard } from './LiftCard';
import { ModelChoiceCard } from './ModelChoiceCard';
import { ReplayCard } from './ReplayCard';
import { SufficiencyMeter } from './SufficiencyMeter';

export interface ModelQualityTabProps {
  model: ModelRecord;
  onOpenOptions: () => void;
  onRetrain: () => void;
}

/**
 * The "Model quality" tab: with too few closed deals, the sufficiency meter is the whole
 * story; otherwise the backtest in words and numbers, its calibration and lift, what the
 * model leans on, and whether the open pipeline still looks like the training data.
 */
export function ModelQualityTab({ model, onOpenOptions, onRetrain }: ModelQualityTabProps) {
  const { t, number } = useLocale();
  const report = model.quality;
  if (!report) {
    return (
      <EmptyState
        name="no-report"
        icon="refresh"
        title={t('quality_noReportTitle')}
        actions={
          <Button variant="primary" icon="refresh" onClick={onRetrain}>
            {t('quality_retrain')}
          </Button>
        }
      >
        {t('quality_noReportBody')}
      </EmptyState>
    );
  }
  const { sufficiency } = report;
  if (!sufficiency.enough) {
    return (
      <section
        data-state="not-enough-data"
        aria-labelledby="not-enough-title"
        class="mx-auto max-w-xl rounded-xl border border-amber-200 bg-white p-5 dark:border-amber-900 dark:bg-slate-900"
      >
        <h2 id="not-enough-title" class="text-base font-semibold">
          {t('quality_notEnoughTitle')}
        </h2>
        <p class="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-300">{t('quality_notEnoughBody', { min: MIN_WINS })}</p>
        <SufficiencyMeter sufficiency={sufficiency} />
        <p class="mt-4 text-sm text-slate-700 dark:text-slate-200">{sufficiency.message}</p>
        <div class="mt-4">
          <Button onClick={onOpenOptions}>{t('quality_openSettings')}</Button>
        </div>
      </section>
    );
  }
  return (
    <div class="grid gap-4 lg:grid-cols-2">
      {report.backtest ? (
        <>
          <BacktestCard backtest={report.backtest} />
          <CalibrationCard backtest={report.backtest} />
          <LiftCard backtest={report.backtest} />
        </>
      ) : (
        <Banner tone="warning" role="status" name="no-backtest" title={t('quality_backtestMissingTitle')} class="lg:col-span-2">
          {report.backtestMessage}
        </Banner>
      )}
      {report.importance.length > 0 ? <ImportanceCard importance={report.importance} closed={model.counts.closed} /> : null}
      {report.model ? <ModelChoiceCard config={report.model.config} setAside={report.model.setAside} /> : null}
      <Card title={t('quality_sufficiencyTitle')} name="sufficiency">
        <SufficiencyMeter sufficiency={sufficiency} />
        <p class="mt-3 text-xs text-slate-600 dark:text-slate-300">
          {t('quality_enoughBody', { won: number(sufficiency.wins), lost: number(sufficiency.losses), min: MIN_WINS })}
        </p>
      </Card>
      <DriftCard drift={report.drift} message={report.driftMessage} />
      {report.replay !== undefined ? <ReplayCard replay={report.replay} message={report.replayMessage} /> : null}
    </div>
  );
}
