// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealPanels, type DealPanelsProps } from '../../components/panels/DealPanels';
import type { PanelData } from '../../lib/panel-data';
import { allByData, allByRole, byData, cleanup, click, getByRole, mount, text } from './panels-dom';
import { checkSufficiency, LOCALE, NOW, workedPanel, workedState } from './panels-fixtures';

afterEach(cleanup);

function renderPanels(panel: PanelData, props: Partial<DealPanelsProps> = {}) {
  return mount(<DealPanels panel={panel} locale={LOCALE} now={NOW} {...props} />).container;
}

/** The panels shown, by their `data-panel` names. */
function panelsShown(c: HTMLElement): string[] {
  return allByData(c, 'panel').map((p) => p.dataset.panel ?? '');
}

describe('DealPanels states', () => {
  it('ready: every panel, with the as-of day and training time', () => {
    const c = renderPanels(workedPanel());
    expect(panelsShown(c)).toEqual(['repeat-buyer', 'win', 'forecast', 'similar']);
    expect(
      allByRole(c, 'heading')
        .filter((h) => h.tagName === 'H2')
        .map(text),
    ).toEqual(['Repeat Buyer Potential', 'Win Potential', 'Forecast', 'Recent similar opportunities']);
    expect(text(byData(c, 'field', 'meta'))).toBe('Scores as of Mar 9, 2026 · models trained 3 days ago');
  });

  it('loading: a skeleton announced once', () => {
    const c = renderPanels(workedState({ kind: 'loading' }));
    expect(text(getByRole(c, 'status'))).toBe('Loading deal intelligence…');
    expect(panelsShown(c)).toEqual([]);
  });

  it('not synced: says what to do, and the button opens the options page', () => {
    const onOpenOptions = vi.fn();
    const c = renderPanels(workedState({ kind: 'not-synced', connectionLabel: 'Q3 export.csv' }), { onOpenOptions });
    const state = byData(c, 'state', 'not-synced');
    expect(text(getByRole(state, 'heading'))).toBe('No data yet');
    expect(text(state)).toContain('Q3 export.csv has not been synced yet.');
    expect(text(state)).toContain('Import a CSV or try sandbox data to see deal intelligence here.');
    click(getByRole(state, 'button', 'Open Dealsight settings'));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    expect(panelsShown(c)).toEqual([]);
  });

  it('not synced without an options action: no dead button', () => {
    const c = renderPanels(workedState({ kind: 'not-synced', connectionLabel: null }));
    expect(allByRole(c, 'button')).toHaveLength(0);
  });

  it('not enough data: exactly how many more wins and losses, and the panels that do have data', () => {
    const sufficiency = checkSufficiency(12, 17);
    const c = renderPanels(
      workedState(
        { kind: 'not-enough-data', sufficiency, personasMessage: 'Repeat Buyer Personas need at least 30 won deals; 12 so far.' },
        { win: null, winMessage: sufficiency.message, forecast: null, forecastMessage: 'No forecast.' },
      ),
    );
    const state = byData(c, 'state', 'not-enough-data');
    expect(text(byData(state, 'field', 'needed'))).toBe('8 more won deals and 3 more lost deals needed.');
    expect(allByData(state, 'meter').map(text)).toEqual(['12 won deals of 20', '17 lost deals of 20']);
    expect(text(state)).toContain('Repeat Buyer Personas need at least 30 won deals; 12 so far.');
    expect(panelsShown(c)).toEqual(['repeat-buyer', 'similar']);
  });

  it.each([
    [19, 25, '1 more won deal needed.', ['19 won deals of 20', '25 lost deals of 20']],
    [30, 0, '20 more lost deals needed.', ['30 won deals of 20', '0 lost deals of 20']],
    [1, 19, '19 more won deals and 1 more lost deal needed.', ['1 won deal of 20', '19 lost deals of 20']],
  ])('not enough data with %i wins and %i losses', (wins, losses, needed, meters) => {
    const c = renderPanels(workedState({ kind: 'not-enough-data', sufficiency: checkSufficiency(wins, losses), personasMessage: null }));
    expect(text(byData(c, 'field', 'needed'))).toBe(needed);
    expect(allByData(c, 'meter').map(text)).toEqual(meters);
  });

  it('out of date: a banner with the training age and changes, numbers still shown, retrain on request', () => {
    const onRetrain = vi.fn();
    const c = renderPanels(workedState({ kind: 'out-of-date', trainedAt: '2026-02-24T15:00:00Z', changedSince: 42 }), { onRetrain });
    const banner = byData(c, 'banner', 'out-of-date');
    expect(banner.getAttribute('role')).toBe('status');
    expect(text(banner)).toBe('Scores may be out of date Models trained 2 weeks ago; 42 records changed since. Retrain');
    click(getByRole(banner, 'button', 'Retrain'));
    expect(onRetrain).toHaveBeenCalledTimes(1);
    expect(panelsShown(c)).toEqual(['repeat-buyer', 'win', 'forecast', 'similar']);
    expect(text(byData(c, 'field', 'probability'))).toBe('42%');
    const one = renderPanels(workedState({ kind: 'out-of-date', trainedAt: '2026-03-07T15:00:00Z', changedSince: 1 }));
    expect(text(byData(one, 'field', 'out-of-date'))).toBe('Models trained 3 days ago; 1 record changed since.');
    const none = renderPanels(workedState({ kind: 'out-of-date', trainedAt: '2026-03-09T15:00:00Z', changedSince: 0 }));
    expect(text(byData(none, 'field', 'out-of-date'))).toBe('Models trained yesterday.');
  });

  it('not found: names the record', () => {
    const c = renderPanels(workedState({ kind: 'not-found', opportunityId: '006XYZ' }), { onOpenOptions: () => undefined });
    const state = byData(c, 'state', 'not-found');
    expect(text(getByRole(state, 'heading'))).toBe('Opportunity not found');
    expect(text(state)).toContain('Dealsight has no opportunity 006XYZ in this connection.');
    getByRole(state, 'button', 'Open Dealsight settings');
  });

  it('error: the message as an alert, and a retry', () => {
    const onRetry = vi.fn();
    const c = renderPanels(workedState({ kind: 'error', message: 'The engine worker stopped (out of memory).' }), { onRetry });
    const alert = getByRole(c, 'alert');
    expect(text(getByRole(alert, 'heading'))).toBe('Deal intelligence could not be loaded');
    expect(text(alert)).toContain('The engine worker stopped (out of memory).');
    click(getByRole(alert, 'button', 'Try again'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('partial data: each panel shows its own message', () => {
    const c = renderPanels(
      workedPanel({
        repeatBuyer: null,
        repeatBuyerMessage: 'No personas yet.',
        win: null,
        winMessage: 'No win model yet.',
        forecast: null,
        forecastMessage: 'No forecast yet.',
        similar: null,
      }),
    );
    expect(panelsShown(c)).toEqual(['repeat-buyer', 'win', 'forecast', 'similar']);
    expect(allByData(c, 'panel-message').map(text)).toEqual([
      'No personas yet.',
      'No win model yet.',
      'No forecast yet.',
      'Similar deals appear once closed deals are imported.',
    ]);
  });
});

describe('DealPanels theme, locale and outline', () => {
  it.each(['light', 'dark', 'auto'] as const)('sets the %s theme on its root', (theme) => {
    const c = renderPanels(workedPanel(), { theme });
    const root = c.firstElementChild as HTMLElement;
    expect(root.dataset.dsTheme).toBe(theme);
    expect(root.style.colorScheme).toBe(theme === 'auto' ? 'light dark' : theme);
  });

  it('formats everything for the locale', () => {
    const c = renderPanels(workedPanel(), { locale: 'de-DE' });
    expect(text(byData(c, 'field', 'probability'))).toBe('42 %');
    expect(text(byData(c, 'field', 'amount-p50'))).toBe('Predicted amount: 85.700 $');
    expect(text(byData(c, 'field', 'meta'))).toBe('Scores as of 09.03.2026 · models trained vor 3 Tagen');
  });

  it('nests its headings under the level it is given', () => {
    const c = renderPanels(workedPanel(), { level: 3 });
    expect(getByRole(c, 'heading', 'Win Potential').tagName).toBe('H3');
    expect(getByRole(c, 'heading', 'Raising it').tagName).toBe('H4');
  });

  it('links similar deals to their detail pages by default, or through linkFor', () => {
    const c = renderPanels(workedPanel());
    expect(getByRole(c, 'link', 'Contoso Clinics - Platform').getAttribute('href')).toBe('detail.html?c=csv-1&id=006W1');
    const crm = renderPanels(workedPanel(), { linkFor: (d) => `https://app.hubspot.com/contacts/1/deal/${d.id}` });
    expect(getByRole(crm, 'link', /Contoso Clinics - Platform/).getAttribute('href')).toBe('https://app.hubspot.com/contacts/1/deal/006W1');
  });

  it('every button is a <button type="button"> and every panel a labelled region', () => {
    const c = renderPanels(workedState({ kind: 'out-of-date', trainedAt: '2026-03-01T00:00:00Z', changedSince: 3 }), { onRetrain: () => undefined });
    for (const button of c.querySelectorAll('button')) expect(button.getAttribute('type')).toBe('button');
    expect(allByRole(c, 'region').map((r) => (r as HTMLElement).dataset.panel)).toEqual(['repeat-buyer', 'win', 'forecast', 'similar']);
  });
});
