import type { Backtest } from '../../lib/engine/quality';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';
import { fixed } from './format';

/** The time-split backtest in plain words, then its numbers beside the base rate's. */
export function BacktestCard({ backtest }: { backtest: Backtest }) {
  const tools = useLocale();
  const { t, number, percent, date, locale } = tools;
  const intro =
    backtest.since === null
      ? t('quality_backtestNoDates', { test: number(backtest.test), train: number(backtest.train) })
      : t(backtest.orderedBy === 'createdDate' ? 'quality_backtestCreatedSince' : 'quality_backtestClosedSince', {
          test: number(backtest.test),
          train: number(backtest.train),
          since: date(backtest.since),
        });
  const gapPoints = number(backtest.calibrationError * 100, 1);
  const tiles = [
    { name: 'auc', label: t('quality_metricAuc'), value: fixed(backtest.win.auc, 3, locale), hint: t('quality_metricAucHint') },
    {
      name: 'brier',
      label: t('quality_metricBrier'),
      value: fixed(backtest.win.brier, 3, locale),
      hint: t('quality_metricBrierHint', { baseline: fixed(backtest.baseline.brier, 3, locale) }),
    },
    {
      name: 'logloss',
      label: t('quality_metricLogLoss'),
      value: fixed(backtest.win.logLoss, 3, locale),
      hint: t('quality_metricLogLossHint', { baseline: fixed(backtest.baseline.logLoss, 3, locale) }),
    },
    {
      name: 'ece',
      label: t('quality_metricEce'),
      value: fixed(backtest.calibrationError, 3, locale),
      hint:
        backtest.calibrationFloor === undefined
          ? t('quality_metricEceHintOld')
          : t('quality_metricEceHint', { floor: fixed(backtest.calibrationFloor, 3, locale) }),
    },
    { name: 'test', label: t('quality_metricTest'), value: number(backtest.test), hint: t('quality_metricTestHint', { train: number(backtest.train) }) },
  ];
  return (
    <Card title={t('quality_backtestTitle')} name="backtest" class="lg:col-span-2">
      <div class="max-w-3xl space-y-1.5 text-sm text-slate-700 dark:text-slate-200" data-testid="backtest-words">
        <p>{intro}</p>
        <ul class="list-disc space-y-1 pl-5">
          <li data-fact="fifths">
            {t('quality_backtestTopFifth', {
              deals: number(backtest.topFifth.deals),
              top: percent(backtest.topFifth.rate),
              overall: percent(backtest.overall.rate),
              bottom: percent(backtest.bottomFifth.rate),
            })}
          </li>
          <li data-fact="ranking">{t('quality_backtestRanking', { auc: percent(backtest.win.auc) })}</li>
          <li data-fact="calibration">
            {t('quality_backtestCalibration', { predicted: percent(backtest.meanPredicted), observed: percent(backtest.observedRate), gap: gapPoints })}
          </li>
        </ul>
      </div>
      <dl class="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        {tiles.map((tile) => (
          <div
            key={tile.name}
            class="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset dark:bg-slate-800/60 dark:ring-slate-700"
            data-metric={tile.name}
          >
            <dt class="text-xs font-medium text-slate-600 dark:text-slate-300">{tile.label}</dt>
            <dd class="mt-0.5 text-2xl font-semibold tracking-tight tabular-nums" data-value>
              {tile.value}
            </dd>
            <dd class="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{tile.hint}</dd>
          </div>
        ))}
      </dl>
      <p class="mt-3 text-xs text-slate-500 dark:text-slate-400">{t('quality_backtestSame')}</p>
    </Card>
  );
}
