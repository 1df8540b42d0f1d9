import { quantile } from '../../lib/engine/metrics';
import type { PipelineRow } from '../../lib/panel-data';
import { scoreHistogram } from '../../lib/pipeline/insights';
import { ColumnChart } from '../charts/ColumnChart';
import { countMax } from '../charts/plot';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';

/** The open pipeline's Win Potential, in bands of 10 points. */
export function ScoreHistogramCard({ rows }: { rows: readonly PipelineRow[] }) {
  const { t, number, percent } = useLocale();
  const histogram = scoreHistogram(rows);
  const scores = rows.map((r) => r.winPotential).filter((p): p is number => p !== null && Number.isFinite(p));
  return (
    <Card title={t('quality_insightsHistTitle')} name="score-histogram">
      {scores.length > 0 ? (
        <>
          <p class="mb-3 text-xs text-slate-600 dark:text-slate-300">
            {t('quality_insightsHistSummary', { count: scores.length, median: percent(quantile(scores, 0.5)) })}
          </p>
          <ColumnChart
            name="score-histogram"
            columns={histogram.bins.map((bin) => ({
              key: String(bin.from),
              value: bin.count,
              tick: percent(bin.from),
              title: t('quality_insightsHistBar', { from: percent(bin.from), to: percent(bin.to), count: bin.count }),
            }))}
            label={t('quality_insightsHistAlt', { deals: number(histogram.scored) })}
            xLabel={t('quality_insightsHistX')}
            yLabel={t('quality_insightsHistY')}
            max={countMax(Math.max(...histogram.bins.map((b) => b.count)))}
            edgeTicks={[...histogram.bins.map((b) => percent(b.from)), percent(1)]}
            formatTick={(v) => number(v)}
          />
        </>
      ) : null}
      {histogram.unscored > 0 ? (
        <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('quality_insightsUnscored', { count: histogram.unscored })}</p>
      ) : null}
    </Card>
  );
}
