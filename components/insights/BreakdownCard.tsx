import type { PipelineRow } from '../../lib/panel-data';
import { breakdown, type BreakdownField } from '../../lib/pipeline/insights';
import { Bar } from '../ui/Bar';
import { Card } from '../ui/Card';
import { useLocale } from '../ui/locale';

const SHOWN = 8;

const TITLE = { persona: 'quality_insightsByPersona', type: 'quality_insightsByType', territory: 'quality_insightsByTerritory' } as const;
const COLUMN = { persona: 'quality_colPersona', type: 'quality_colType', territory: 'quality_colTerritory' } as const;
const NONE = { persona: 'quality_noPersona', type: 'quality_noType', territory: 'quality_noTerritory' } as const;

/** The open pipeline grouped by one field: deals, amount, average and expected Win Potential. */
export function BreakdownCard({ rows, field }: { rows: readonly PipelineRow[]; field: BreakdownField }) {
  const { t, number, money, percent } = useLocale();
  const { currency, groups } = breakdown(rows, field);
  const largest = Math.max(1, ...groups.map((g) => g.deals));
  return (
    <Card title={t(TITLE[field])} name={`by-${field}`}>
      <div class="overflow-x-auto">
        <table class="w-full min-w-[28rem] text-sm" data-testid={`breakdown-${field}`}>
          <thead>
            <tr class="border-b border-slate-200 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" class="py-1.5 pr-3 text-left font-medium">
                {t(COLUMN[field])}
              </th>
              <th scope="col" class="py-1.5 pr-3 text-right font-medium">
                {t('quality_colDeals')}
              </th>
              <th scope="col" class="py-1.5 pr-3 text-right font-medium">
                {t('quality_colAmount')}
              </th>
              <th scope="col" class="py-1.5 pr-3 text-right font-medium">
                {t('quality_colMeanWin')}
              </th>
              <th scope="col" class="py-1.5 text-right font-medium">
                {t('quality_colExpected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.slice(0, SHOWN).map((group) => (
              <tr key={group.key ?? ''} class="border-b border-slate-100 align-top last:border-0 dark:border-slate-800" data-group={group.key ?? ''}>
                <th scope="row" class="py-1.5 pr-3 text-left font-normal">
                  <span class={group.key === null ? 'text-slate-500 italic dark:text-slate-400' : 'font-medium'}>{group.label ?? t(NONE[field])}</span>
                  <Bar fraction={group.deals / largest} size="sm" class="mt-1 max-w-40" />
                </th>
                <td class="py-1.5 pr-3 text-right tabular-nums" data-cell="deals">
                  {number(group.deals)}
                </td>
                <td class="py-1.5 pr-3 text-right tabular-nums" data-cell="amount">
                  {money(group.amount, currency, true)}
                  {group.otherCurrency > 0 ? (
                    <span class="block text-xs text-slate-500 dark:text-slate-400">{t('quality_otherCurrency', { count: group.otherCurrency })}</span>
                  ) : null}
                </td>
                <td class="py-1.5 pr-3 text-right tabular-nums" data-cell="mean-win">
                  {percent(group.meanWin)}
                </td>
                <td class="py-1.5 text-right tabular-nums" data-cell="expected">
                  {money(group.expected, currency, true)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {groups.length > SHOWN ? (
        <p class="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('quality_breakdownMore', { count: groups.length - SHOWN })}</p>
      ) : null}
    </Card>
  );
}
