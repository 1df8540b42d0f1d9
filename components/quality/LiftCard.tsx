import type { Backtest } from '../../lib/engine/quality';
import { ColumnChart } from '../charts/ColumnChart';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';

/** Win rate by decile of score, with the overall rate as the reference line, and the same as a table. */
export function LiftCard({ backtest }: { backtest: Backtest }) {
  const { t, number, percent } = useLocale();
  const top = backtest.lift[0];
  const columns = backtest.lift.map((bin) => ({
    key: String(bin.group),
    value: bin.rate,
    tick: String(bin.group),
    title: t('quality_liftBar', { group: String(bin.group), count: bin.count, rate: percent(bin.rate), lift: number(bin.lift, 2) }),
  }));
  return (
    <Card title={t('quality_liftTitle')} name="lift">
      <p class="mb-3 text-xs text-slate-600 dark:text-slate-300">{t('quality_liftBody')}</p>
      <ColumnChart
        name="lift"
        columns={columns}
        max={1}
        reference={{ value: backtest.overall.rate, label: t('quality_liftOverall', { rate: percent(backtest.overall.rate) }) }}
        label={t('quality_liftAlt', { test: number(backtest.test), rate: percent(top?.rate ?? Number.NaN), lift: number(top?.lift ?? Number.NaN, 2) })}
        xLabel={t('quality_liftX')}
        yLabel={t('quality_liftY')}
        formatTick={(v) => percent(v)}
      />
      <details class="mt-2 text-xs text-slate-600 dark:text-slate-300">
        <summary class="cursor-pointer select-none">{t('quality_liftTableCaption')}</summary>
        <table class="mt-2 w-full max-w-sm text-right tabular-nums" data-testid="lift-table">
          <thead>
            <tr class="text-slate-500 dark:text-slate-400">
              <th scope="col" class="text-left font-medium">
                {t('quality_liftTableGroup')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_liftTableDeals')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_liftTableWon')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_liftTableLift')}
              </th>
            </tr>
          </thead>
          <tbody>
            {backtest.lift.map((bin) => (
              <tr key={bin.group}>
                <th scope="row" class="text-left font-normal">
                  {bin.group}
                </th>
                <td>{number(bin.count)}</td>
                <td>{percent(bin.rate)}</td>
                <td>{number(bin.lift, 2)}×</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
