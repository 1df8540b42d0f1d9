// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { amountComparison, ForecastPanel, slipText } from '../../components/panels/ForecastPanel';
import { LocaleProvider, localeTools } from '../../components/ui/locale';
import type { AmountForecast, CloseDateForecast } from '../../lib/engine/forecast';
import { formatDate, formatMoney } from '../../lib/format';
import type { PanelData } from '../../lib/panel-data';
import { allByRole, byData, cleanup, getByRole, mount, text } from './panels-dom';
import { enginePanels, LOCALE, workedPanel } from './panels-fixtures';

afterEach(cleanup);

function renderPanel(
  forecast: PanelData['forecast'],
  options: { message?: string | null; today?: string | null; locale?: string; currency?: string | null } = {},
) {
  return mount(
    <LocaleProvider locale={options.locale ?? LOCALE}>
      <ForecastPanel forecast={forecast} message={options.message ?? null} today={options.today ?? '2026-03-10'} currency={options.currency ?? 'USD'} />
    </LocaleProvider>,
  ).container;
}

const worked = workedPanel().forecast!;
const close = worked.closeDate!;
const amount = worked.amount!;
const tools = localeTools(LOCALE);

describe('ForecastPanel, close date', () => {
  it('shows P50 with the P10–P90 range and warns of a slip in words', () => {
    const c = renderPanel(worked);
    getByRole(c, 'heading', 'Forecast');
    getByRole(c, 'heading', 'Close date');
    expect(text(byData(c, 'field', 'close-p50'))).toBe('Predicted close date: May 1, 2026');
    expect(text(byData(c, 'field', 'close-p50-range'))).toBe('Likely Apr 10, 2026 – Jun 2, 2026');
    const slip = byData(c, 'banner', 'slip');
    expect(slip.getAttribute('role')).toBe('note');
    expect(text(slip)).toBe('Likely to slip CRM close date Mar 3, 2026 is before the predicted range (Apr 10, 2026 – Jun 2, 2026).');
    expect(text(byData(c, 'field', 'slip-days'))).toBe('Predicted 59 days after the CRM close date.');
  });

  it('draws the timeline with the CRM date and today, and lists them in its legend', () => {
    const c = renderPanel(worked);
    const section = byData(c, 'forecast', 'close-date');
    const svg = section.querySelector('svg[data-chart="range"]');
    expect(svg).not.toBeNull();
    expect(svg?.querySelector('rect')).not.toBeNull();
    expect(svg?.querySelector('polygon')).not.toBeNull();
    const legend = getByRole(section, 'list');
    expect(allByRole(legend, 'listitem').map(text)).toEqual(['Likely range (P10–P90)', 'Predicted May 1, 2026', 'CRM Mar 3, 2026', 'Today Mar 10, 2026']);
  });

  it('says when a CRM date inside the range has passed on an open deal', () => {
    const past: CloseDateForecast = { ...close, crmCloseDate: '2026-04-20', slip: true, slipDays: 11 };
    expect(slipText(tools, past)).toBe('CRM close date Apr 20, 2026 has passed and the deal is still open; predicted Apr 10, 2026 – Jun 2, 2026.');
  });

  it('shows no warning without a slip, and the difference the other way', () => {
    const onTime: CloseDateForecast = { ...close, crmCloseDate: '2026-05-08', slip: false, slipDays: -7 };
    const c = renderPanel({ ...worked, closeDate: onTime });
    expect(c.querySelector('[data-banner="slip"]')).toBeNull();
    expect(text(byData(c, 'field', 'slip-days'))).toBe('Predicted 7 days before the CRM close date.');
    expect(slipText(tools, onTime)).toBeNull();
  });

  it('explains a range from all won deals or from the slowest ones', () => {
    expect(text(byData(renderPanel({ ...worked, closeDate: { ...close, basis: 'overdue' } }), 'field', 'basis'))).toBe(
      'Open longer than almost every won deal took: the range follows the slowest won deals.',
    );
    expect(renderPanel(worked).querySelector('[data-field="basis"]')).toBeNull();
  });

  it('writes dates for the locale', () => {
    const c = renderPanel(worked, { locale: 'de-DE' });
    expect(text(byData(c, 'field', 'close-p50'))).toBe('Predicted close date: 01.05.2026');
    expect(text(byData(c, 'banner', 'slip'))).toContain('03.03.2026');
  });
});

describe('ForecastPanel, amount', () => {
  it('shows P50, the range and the CRM amount against it', () => {
    const c = renderPanel(worked);
    expect(text(byData(c, 'field', 'amount-p50'))).toBe('Predicted amount: $85,700');
    expect(text(byData(c, 'field', 'amount-p50-range'))).toBe('Likely $40,000 – $238,200');
    expect(text(byData(c, 'field', 'amount-compare'))).toBe('CRM amount $114,800: 34% above the prediction.');
  });

  it.each<[Partial<AmountForecast>, string | null, string]>([
    [{ crmAmount: 60_000, difference: -0.2999 }, 'USD', 'CRM amount $60,000: 30% below the prediction.'],
    [{ crmAmount: 85_900, difference: 0.0023 }, 'USD', 'CRM amount $85,900: in line with the prediction.'],
    [{ crmAmount: 90_000, difference: null }, 'EUR', 'CRM amount €90,000, in another currency than the forecast.'],
    [{ crmAmount: null, difference: null }, 'USD', 'No amount in the CRM yet.'],
  ])('compares %o', (change, crmCurrency, expected) => {
    expect(amountComparison(tools, { ...amount, ...change }, crmCurrency)).toBe(expected);
  });
});

describe('ForecastPanel, partial data', () => {
  it('shows the forecastMessage without a forecast', () => {
    const c = renderPanel(null, { message: 'The forecasts need at least 30 won deals.' });
    expect(text(byData(c, 'panel-message'))).toBe('The forecasts need at least 30 won deals.');
  });

  it('says which part is missing', () => {
    const c = renderPanel({ ...worked, closeDate: null });
    expect(text(byData(c, 'forecast', 'close-date'))).toBe('Close date No close-date forecast for this deal: it has no created date.');
    expect(text(byData(c, 'field', 'amount-p50'))).toBe('Predicted amount: $85,700');
    const noAmount = renderPanel({ ...worked, amount: null });
    expect(text(byData(noAmount, 'forecast', 'amount'))).toBe('Amount if won No amount forecast for this deal.');
  });
});

describe('ForecastPanel, engine numbers', () => {
  it.each(['slipping', 'onTrack'] as const)('renders the %s deal’s forecast exactly', (which) => {
    const forecast = enginePanels()[which].forecast;
    const cd = forecast?.closeDate;
    const am = forecast?.amount;
    if (!cd || !am) throw new Error('the sample deal has both forecasts');
    const c = renderPanel(forecast);
    const date = (d: string): string => formatDate(d, { locale: LOCALE });
    const money = (m: number): string => formatMoney(m, am.currency, { locale: LOCALE });
    expect(text(byData(c, 'field', 'close-p50'))).toBe(`Predicted close date: ${date(cd.p50)}`);
    expect(text(byData(c, 'field', 'close-p50-range'))).toBe(`Likely ${date(cd.p10)} – ${date(cd.p90)}`);
    expect(text(byData(c, 'field', 'amount-p50'))).toBe(`Predicted amount: ${money(am.p50)}`);
    expect(text(byData(c, 'field', 'amount-p50-range'))).toBe(`Likely ${money(am.p10)} – ${money(am.p90)}`);
    if (which === 'slipping') {
      expect(cd.slip).toBe(true);
      expect(text(byData(c, 'field', 'slip'))).toBe(
        `CRM close date ${date(cd.crmCloseDate!)} is before the predicted range (${date(cd.p10)} – ${date(cd.p90)}).`,
      );
    } else {
      expect(c.querySelector('[data-field="slip"]')).toBeNull();
    }
  });
});
