// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { formatPoints, WinPanel } from '../../components/panels/WinPanel';
import { LocaleProvider, localeTools } from '../../components/ui/locale';
import { formatPercent } from '../../lib/format';
import { setMessageLanguage } from '../../lib/i18n';
import type { PanelData } from '../../lib/panel-data';
import { allByData, byData, cleanup, getByRole, mount, text } from './panels-dom';
import { enginePanels, LOCALE, workedPanel } from './panels-fixtures';

afterEach(cleanup);

function renderPanel(win: PanelData['win'], message: string | null = null, locale = LOCALE) {
  return mount(
    <LocaleProvider locale={locale}>
      <WinPanel win={win} message={message} currency="USD" />
    </LocaleProvider>,
  ).container;
}

describe('WinPanel, worked example', () => {
  const worked = workedPanel().win;

  it('shows the calibrated percentage, the band in words and the org average', () => {
    const c = renderPanel(worked);
    getByRole(c, 'heading', 'Win Potential');
    expect(text(byData(c, 'field', 'probability'))).toBe('42%');
    expect(text(byData(c, 'field', 'band'))).toBe('Medium');
    // The band's badge says "Band: Medium" to a screen reader; colour is never the only signal.
    expect(text(byData(c, 'field', 'band').parentElement)).toBe('Band: Medium');
    expect(text(byData(c, 'field', 'base-rate'))).toBe('Org average 40%');
    expect(text(c)).toContain('near the usual odds');
  });

  it('lists the factors raising and lowering it with signed points', () => {
    const c = renderPanel(worked);
    const raising = byData(c, 'factors', 'raising');
    const lowering = byData(c, 'factors', 'lowering');
    expect(text(getByRole(raising, 'heading'))).toBe('Raising it');
    expect(text(getByRole(lowering, 'heading'))).toBe('Lowering it');
    expect(getByRole(raising, 'list').tagName).toBe('UL');
    expect(allByData(raising, 'factor').map(text)).toEqual(['+12 pts Lead source: Partner Referral', '+1 pt Industry: Healthcare']);
    // The amount factor is money in the deal's currency; under one point keeps a decimal.
    expect(allByData(lowering, 'factor').map(text)).toEqual(['−7 pts Amount: $114,800', '−0.6 pts Created month: December']);
  });

  it('draws factor bars to scale of the strongest factor, hidden from assistive tech', () => {
    const c = renderPanel(worked);
    const widths = allByData(c, 'factor').map((f) => (f.querySelector('[aria-hidden="true"] > div') as HTMLElement).style.width);
    expect(widths).toEqual(['100.00%', '8.10%', '57.70%', '4.86%']);
  });

  it('formats points and percentages for the locale', () => {
    const c = renderPanel(worked, null, 'de-DE');
    expect(text(byData(c, 'field', 'probability'))).toBe('42 %');
    expect(allByData(c, 'factor').map((f) => text(byData(f, 'field', 'points')))).toEqual(['+12 pts', '+1 pt', '−7 pts', '−0,6 pts']);
    expect(text(byData(c, 'factor', 'amount'))).toContain('114.800 $');
  });

  it('says so when nothing moves it either way', () => {
    const c = renderPanel({ probability: 0.4, band: 'medium', baseRate: 0.4, raising: [], lowering: [] });
    expect(text(byData(c, 'factors', 'raising'))).toContain('Nothing raises it noticeably.');
    expect(text(byData(c, 'factors', 'lowering'))).toContain('Nothing lowers it noticeably.');
  });

  it('shows the winMessage when there is no Win Potential', () => {
    const message =
      'Not enough closed deals to predict wins yet: 12 won and 17 lost so far; 8 more won deals and 3 more lost deals needed (at least 20 of each).';
    const c = renderPanel(null, message);
    expect(text(byData(c, 'panel-message'))).toBe(message);
    expect(c.querySelector('[data-field="probability"]')).toBeNull();
  });
});

describe('formatPoints', () => {
  const tools = localeTools(LOCALE);
  it.each([
    [0.12, '+12 pts'],
    [0.1249, '+12 pts'],
    [0.0095, '+1 pt'],
    [0.009, '+0.9 pts'],
    [0.005, '+0.5 pts'],
    [-0.2, '−20 pts'],
    [-0.01, '−1 pt'],
  ])('%f → %s', (impact, expected) => {
    expect(formatPoints(tools, impact)).toBe(expected);
  });
});

describe('WinPanel, engine numbers', () => {
  it.each(['slipping', 'onTrack', 'unlikely'] as const)('renders the %s deal’s probability, band and factors exactly', (which) => {
    const win = enginePanels()[which].win;
    if (!win) throw new Error('the sample deal has Win Potential');
    const c = renderPanel(win);
    const tools = localeTools(LOCALE);
    expect(text(byData(c, 'field', 'probability'))).toBe(formatPercent(win.probability, { locale: LOCALE }));
    expect(text(byData(c, 'field', 'band'))).toBe({ high: 'High', medium: 'Medium', low: 'Low' }[win.band]);
    expect(text(byData(c, 'field', 'base-rate'))).toBe(`Org average ${formatPercent(win.baseRate, { locale: LOCALE })}`);
    const raising = allByData(byData(c, 'factors', 'raising'), 'factor');
    const lowering = allByData(byData(c, 'factors', 'lowering'), 'factor');
    expect(raising.map((f) => f.dataset.factor)).toEqual(win.raising.map((f) => f.key));
    expect(lowering.map((f) => f.dataset.factor)).toEqual(win.lowering.map((f) => f.key));
    for (const f of raising) expect(text(byData(f, 'field', 'points'))).toMatch(/^\+/);
    for (const f of lowering) expect(text(byData(f, 'field', 'points'))).toMatch(/^−/);
    raising.forEach((el, i) => expect(text(byData(el, 'field', 'points'))).toBe(formatPoints(tools, win.raising[i]!.impact)));
  });
});

describe('WinPanel for a deal scored as it stands today (issue 18)', () => {
  afterEach(() => setMessageLanguage('en'));
  const today: NonNullable<PanelData['win']> = {
    probability: 0.31,
    band: 'medium',
    baseRate: 0.4,
    raising: [{ key: 'leadSource', label: 'Lead source', value: 'Partner Referral', impact: 0.05 }],
    lowering: [
      {
        key: 'attr:asOfDaysInStage',
        label: 'Where it stands',
        value: 'in Negotiation for 34 days, longer than 80% of won deals like it',
        impact: -0.2,
        standing: { kind: 'daysInStage', stage: 'Negotiation', days: 34, medianDays: 12, longerThanMostWon: true },
      },
      {
        key: 'attr:asOfClosePushes',
        label: 'Where it stands',
        value: 'close date pushed 3 times, 70 days in all',
        impact: -0.08,
        standing: { kind: 'pushes', pushes: 3, days: 70 },
      },
      {
        key: 'attr:asOfPace',
        label: 'Where it stands',
        value: 'earlier stages took 2.1× as long as won deals like it',
        impact: -0.06,
        standing: { kind: 'pace', ratio: 2.1 },
      },
    ],
    today: { stageBlind: 0.58, trainedOn: 1234 },
  };

  it('says the number is where the deal stands today, with its stage-blind number beside it, and words the reasons', () => {
    const c = renderPanel(today);
    expect(text(byData(c, 'field', 'probability'))).toBe('31%');
    expect(text(byData(c, 'field', 'today'))).toBe(
      'As it stands today: stage, days in it, close-date pushes. Learned from 1,234 closed deals with their stage history. From its own fields alone: 58%',
    );
    expect(allByData(byData(c, 'factors', 'lowering'), 'factor').map(text)).toEqual([
      '−20 pts Where it stands: in Negotiation for 34 days, longer than 80% of won deals like it',
      '−8 pts Where it stands: close date pushed 3 times, 70 days in all',
      '−6 pts Where it stands: earlier stages took 2.1× as long as won deals like it',
    ]);
  });

  it('words where it stands in German, from the facts rather than the engine’s English phrase', () => {
    setMessageLanguage('de');
    const c = renderPanel(today, null, 'de-DE');
    expect(text(byData(c, 'field', 'stage-blind'))).toBe('Allein aus den eigenen Feldern: 58 %');
    expect(allByData(byData(c, 'factors', 'lowering'), 'factor').map(text)).toEqual([
      '−20 Pkt. Wo er steht: seit 34 Tagen in Negotiation, länger als 80 % der gewonnenen Deals dieser Art',
      '−8 Pkt. Wo er steht: Abschlusstermin 3-mal verschoben, um 70 Tage insgesamt',
      '−6 Pkt. Wo er steht: frühere Phasen dauerten 2,1-mal so lange wie bei gewonnenen Deals dieser Art',
    ]);
  });

  it('shows no such line for a stage-blind score', () => {
    const c = renderPanel({ ...today, today: undefined });
    expect(c.querySelector('[data-field="today"]')).toBeNull();
  });
});

describe('WinPanel, at the extremes', () => {
  it('never shows a deal as certain either way: 99.7% reads 99% and 0.2% reads 1%', () => {
    const sure = renderPanel({ probability: 0.997, band: 'high', baseRate: 0.4, raising: [], lowering: [], today: { stageBlind: 0.002, trainedOn: 50 } });
    expect(text(byData(sure, 'field', 'probability'))).toBe('99%');
    expect(text(byData(sure, 'field', 'stage-blind'))).toBe('From its own fields alone: 1%');
  });
});
