import type { IsoDate } from '../../lib/crm/opportunity';
import type { AmountForecast, CloseDateForecast } from '../../lib/engine/forecast';
import type { PanelData } from '../../lib/panel-data';
import { RangeChart, type RangeMarker } from '../charts/RangeChart';
import { Banner } from '../ui/Banner';
import { Card, type HeadingLevel } from '../ui/Card';
import { useLocale, type LocaleTools } from '../ui/locale';
import { PanelMessage } from './PanelMessage';

export interface ForecastPanelProps {
  /** `PanelData.forecast`, or null. */
  forecast: PanelData['forecast'];
  /** `PanelData.forecastMessage`: why there is no forecast. */
  message?: string | null;
  /** Today's date, for the timeline's "today" marker; none without it. */
  today?: IsoDate | null;
  /** The deal's own currency (`Opportunity.currency`): its CRM amount is written in it. */
  currency?: string | null;
  level?: HeadingLevel;
}

const DAY_MS = 86_400_000;

function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * The sentence for a likely slip: a CRM close date before the predicted range, or (an open
 * deal's) in the past. Exported for the popup's tooltip and for tests.
 */
export function slipText(tools: LocaleTools, close: CloseDateForecast): string | null {
  if (!close.slip || close.crmCloseDate === null) return null;
  const params = { crm: tools.date(close.crmCloseDate), low: tools.date(close.p10), high: tools.date(close.p90) };
  return close.crmCloseDate < close.p10 ? tools.t('panels_forecast_slipBefore', params) : tools.t('panels_forecast_slipPast', params);
}

/**
 * Forecast: the predicted close date (P50) with its P10–P90 range on a small timeline with
 * the CRM close date and today, a slip warning, and the predicted amount (P50, P10–P90)
 * against the CRM amount.
 */
export function ForecastPanel({ forecast, message, today = null, currency = null, level = 2 }: ForecastPanelProps) {
  const tools = useLocale();
  const { t } = tools;
  const title = t('panels_forecast_title');
  if (!forecast || (!forecast.closeDate && !forecast.amount)) {
    return (
      <Card title={title} level={level} name="forecast">
        <PanelMessage>{message ?? t('panels_forecast_none')}</PanelMessage>
      </Card>
    );
  }
  const Sub = `h${Math.min(level + 1, 6)}` as 'h3';
  return (
    <Card title={title} level={level} name="forecast">
      <div class="flex flex-col gap-4">
        <CloseDatePart close={forecast.closeDate} today={today} Sub={Sub} tools={tools} />
        <div class="border-t border-slate-100 pt-3 dark:border-slate-800">
          <AmountPart amount={forecast.amount} crmCurrency={currency} Sub={Sub} tools={tools} />
        </div>
      </div>
    </Card>
  );
}

function Headline({ label, value, range, field }: { label: string; value: string; range: string; field: string }) {
  return (
    <div class="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
      <p class="text-xl font-semibold tracking-tight text-slate-900 tabular-nums dark:text-white" data-field={field}>
        <span class="sr-only">{label} </span>
        {value}
      </p>
      <p class="text-xs text-slate-600 tabular-nums dark:text-slate-300" data-field={`${field}-range`}>
        {range}
      </p>
    </div>
  );
}

function CloseDatePart({ close, today, Sub, tools }: { close: CloseDateForecast | null; today: IsoDate | null; Sub: 'h3'; tools: LocaleTools }) {
  const { t } = tools;
  const heading = <Sub class="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-200">{t('panels_forecast_closeDate')}</Sub>;
  if (!close) {
    return (
      <section data-forecast="close-date">
        {heading}
        <p class="text-xs text-slate-500 dark:text-slate-400">{t('panels_forecast_noCloseDate')}</p>
      </section>
    );
  }
  const slip = slipText(tools, close);
  const markers: RangeMarker[] = [];
  if (close.crmCloseDate) {
    markers.push({
      value: dayNumber(close.crmCloseDate),
      shape: 'diamond',
      emphasis: close.slip ? 'alert' : 'normal',
      label: t('panels_forecast_crmMarker', { value: tools.date(close.crmCloseDate) }),
    });
  }
  if (today) markers.push({ value: dayNumber(today), shape: 'line', label: t('panels_forecast_todayMarker', { value: tools.date(today) }) });
  const range = t('panels_forecast_range', { low: tools.date(close.p10), high: tools.date(close.p90) });
  return (
    <section data-forecast="close-date">
      {heading}
      <Headline label={t('panels_forecast_predictedClose')} value={tools.date(close.p50)} range={range} field="close-p50" />
      {slip ? (
        <Banner tone="warning" role="note" name="slip" class="mt-2" title={t('panels_forecast_slipTitle')}>
          <span data-field="slip">{slip}</span>
        </Banner>
      ) : null}
      <RangeChart
        class="mt-3"
        low={dayNumber(close.p10)}
        mid={dayNumber(close.p50)}
        high={dayNumber(close.p90)}
        markers={markers}
        rangeLabel={t('panels_forecast_rangeLegend')}
        midLabel={t('panels_forecast_midLegend', { value: tools.date(close.p50) })}
      />
      {close.crmCloseDate && close.slipDays !== null && close.slipDays !== 0 ? (
        <p class="mt-2 text-xs text-slate-600 dark:text-slate-300" data-field="slip-days">
          {close.slipDays > 0 ? t('panels_forecast_laterThanCrm', { count: close.slipDays }) : t('panels_forecast_earlierThanCrm', { count: -close.slipDays })}
        </p>
      ) : null}
      {close.basis !== 'forest' ? (
        <p class="mt-1 text-xs text-slate-500 dark:text-slate-400" data-field="basis">
          {close.basis === 'overdue' ? t('panels_forecast_basisOverdue') : t('panels_forecast_basisAllWins')}
        </p>
      ) : null}
    </section>
  );
}

function AmountPart({ amount, crmCurrency, Sub, tools }: { amount: AmountForecast | null; crmCurrency: string | null; Sub: 'h3'; tools: LocaleTools }) {
  const { t } = tools;
  const heading = <Sub class="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-200">{t('panels_forecast_amount')}</Sub>;
  if (!amount) {
    return (
      <section data-forecast="amount">
        {heading}
        <p class="text-xs text-slate-500 dark:text-slate-400">{t('panels_forecast_noAmount')}</p>
      </section>
    );
  }
  const money = (value: number | null): string => tools.money(value, amount.currency);
  const markers: RangeMarker[] =
    amount.crmAmount !== null && amount.crmAmount > 0 && amount.difference !== null
      ? [{ value: amount.crmAmount, shape: 'diamond', label: t('panels_forecast_crmMarker', { value: money(amount.crmAmount) }) }]
      : [];
  return (
    <section data-forecast="amount">
      {heading}
      <Headline
        label={t('panels_forecast_predictedAmount')}
        value={money(amount.p50)}
        range={t('panels_forecast_range', { low: money(amount.p10), high: money(amount.p90) })}
        field="amount-p50"
      />
      {amount.p10 > 0 && amount.p90 > 0 ? (
        <RangeChart
          class="mt-3"
          scale="log"
          low={amount.p10}
          mid={amount.p50}
          high={amount.p90}
          markers={markers}
          rangeLabel={t('panels_forecast_rangeLegend')}
          midLabel={t('panels_forecast_midLegend', { value: money(amount.p50) })}
        />
      ) : null}
      <p class="mt-2 text-xs text-slate-600 dark:text-slate-300" data-field="amount-compare">
        {amountComparison(tools, amount, crmCurrency)}
      </p>
    </section>
  );
}

/** "CRM amount $114,800: 34% above the prediction". */
export function amountComparison(tools: LocaleTools, amount: AmountForecast, crmCurrency: string | null = null): string {
  const { t } = tools;
  if (amount.crmAmount === null) return t('panels_forecast_noCrmAmount');
  // Without a difference the CRM amount may be in another currency than the range: write it in its own.
  const crm = tools.money(amount.crmAmount, amount.difference === null ? (crmCurrency ?? amount.currency) : amount.currency);
  if (amount.difference === null) return t('panels_forecast_crmAmountOnly', { amount: crm });
  const share = tools.percent(Math.abs(amount.difference));
  if (share === tools.percent(0)) return t('panels_forecast_crmAmountSame', { amount: crm });
  return amount.difference > 0
    ? t('panels_forecast_crmAmountAbove', { amount: crm, diff: share })
    : t('panels_forecast_crmAmountBelow', { amount: crm, diff: share });
}
