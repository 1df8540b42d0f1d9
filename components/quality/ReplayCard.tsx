import type { Contender, ContenderScore, ReplayResult } from '../../lib/engine/asof/replay';
import { LineChart, type LineSeries } from '../charts/LineChart';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';
import { fixed } from './format';

const CONTENDERS: ReadonlyArray<{
  name: Contender;
  key: 'quality_replayAsOf' | 'quality_replayStageBlind' | 'quality_replayCrm';
  style: Omit<LineSeries, 'name' | 'label' | 'values'>;
}> = [
  {
    name: 'asOf',
    key: 'quality_replayAsOf',
    style: { stroke: 'stroke-indigo-600 dark:stroke-indigo-400', fill: 'fill-indigo-600 dark:fill-indigo-400', marker: 'circle' },
  },
  {
    name: 'stageBlind',
    key: 'quality_replayStageBlind',
    style: { stroke: 'stroke-amber-600 dark:stroke-amber-400', fill: 'fill-amber-600 dark:fill-amber-400', dash: '5 3', marker: 'square' },
  },
  {
    name: 'crm',
    key: 'quality_replayCrm',
    style: { stroke: 'stroke-slate-500 dark:stroke-slate-400', fill: 'fill-slate-500 dark:fill-slate-400', dash: '1.5 3', marker: 'diamond' },
  },
];

/** A replay day under the axis: its month and year ("Nov 25"); the tooltip gives the whole date. */
function monthOf(day: string, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The lowest AUC a point reaches, rounded down to a tenth (the axis starts there, never above 0.5). */
function axisMin(result: ReplayResult): number {
  const aucs = result.points.flatMap((p) => Object.values(p.scores).map((s) => s.auc)).filter(Number.isFinite);
  return Math.min(0.5, Math.floor(Math.min(...aucs, 1) * 10) / 10);
}

/**
 * The replay backtest (issue 18): at past days, Win Potential as the deals stood then, the
 * stage-blind Win Potential and the CRM's own probability, each judged on how the deals open
 * that day ended. A chart of each one's AUC over the days, then the days together in a table.
 */
export function ReplayCard({ replay, message }: { replay: ReplayResult | null | undefined; message: string | null | undefined }) {
  const tools = useLocale();
  const { t, number, date, locale } = tools;
  if (!replay || replay.points.length === 0) {
    return (
      <Card title={t('quality_replayTitle')} name="replay" class="lg:col-span-2">
        <p class="text-sm text-slate-600 dark:text-slate-300" data-testid="replay-message">
          {message ?? replay?.notes[0] ?? t('quality_replayNone')}
        </p>
      </Card>
    );
  }
  const present = CONTENDERS.filter((c) => replay.pooled[c.name] !== undefined);
  const series: LineSeries[] = present.map((c) => ({
    name: c.name,
    label: t(c.key),
    values: replay.points.map((p) => p.scores[c.name]?.auc ?? null),
    ...c.style,
  }));
  const min = axisMin(replay);
  const yTicks = Array.from({ length: Math.round((1 - min) * 10) + 1 }, (_, i) => Math.round((min + i / 10) * 10) / 10);
  const first = replay.points[0];
  const last = replay.points.at(-1);
  const scored = replay.points.reduce((sum, p) => sum + p.scored, 0);
  const asOf = replay.pooled.asOf;
  const row = (name: Contender, label: string, s: ContenderScore) => (
    <tr key={name} data-contender={name}>
      <th scope="row" class="text-left font-normal">
        {label}
      </th>
      <td>{fixed(s.auc, 3, locale)}</td>
      <td>{fixed(s.brier, 3, locale)}</td>
      <td>{fixed(s.ece, 3, locale)}</td>
      <td>{number(s.lift, 2)}×</td>
    </tr>
  );
  return (
    <Card title={t('quality_replayTitle')} name="replay" class="lg:col-span-2">
      <p class="mb-3 max-w-3xl text-sm text-slate-700 dark:text-slate-200" data-testid="replay-words">
        {t('quality_replayBody', { count: replay.points.length, from: date(first?.asOf ?? null), to: date(last?.asOf ?? null), deals: number(scored) })}
        {asOf ? ` ${t('quality_replayHeadline', { auc: fixed(asOf.auc, 3, locale), lift: number(asOf.lift, 2) })}` : null}
      </p>
      <div class="grid items-start gap-x-8 gap-y-4 xl:grid-cols-[minmax(0,36rem)_minmax(0,1fr)]">
        <LineChart
          series={series}
          categories={replay.points.map((p) => monthOf(p.asOf, locale))}
          min={min}
          max={1}
          yTicks={yTicks}
          label={t('quality_replayAlt', { count: replay.points.length })}
          yLabel={t('quality_replayY')}
          formatTick={(v) => fixed(v, 1, locale)}
          describePoint={(s, i, auc) => {
            const p = replay.points[i];
            return t('quality_replayPoint', { contender: s.label, date: date(p?.asOf ?? null), auc: fixed(auc, 3, locale), count: p?.scored ?? 0 });
          }}
        />
        <table class="w-full max-w-lg text-right text-xs tabular-nums text-slate-700 dark:text-slate-200" data-testid="replay-table">
          <caption class="mb-1 text-left text-slate-500 dark:text-slate-400">{t('quality_replayTableCaption', { deals: number(scored) })}</caption>
          <thead>
            <tr class="text-slate-500 dark:text-slate-400">
              <th scope="col" class="text-left font-medium">
                {t('quality_replayTableWho')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_metricAuc')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_metricBrier')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_metricEce')}
              </th>
              <th scope="col" class="font-medium">
                {t('quality_replayTableLift')}
              </th>
            </tr>
          </thead>
          <tbody>{present.map((c) => row(c.name, t(c.key), replay.pooled[c.name] as ContenderScore))}</tbody>
        </table>
      </div>
      {replay.notes.length > 0 ? (
        <ul class="mt-3 list-disc space-y-1 pl-5 text-xs text-slate-600 dark:text-slate-300" data-testid="replay-notes">
          {replay.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
