// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { RepeatBuyerPanel } from '../../components/panels/RepeatBuyerPanel';
import { LocaleProvider } from '../../components/ui/locale';
import { formatPercent } from '../../lib/format';
import { setMessageLanguage } from '../../lib/i18n';
import type { PanelData } from '../../lib/panel-data';
import { allByData, allByRole, byData, cleanup, getByRole, mount, text } from './panels-dom';
import { enginePanels, LOCALE, workedPanel } from './panels-fixtures';

afterEach(cleanup);

function renderPanel(repeatBuyer: PanelData['repeatBuyer'], message: string | null = null, locale = LOCALE) {
  return mount(
    <LocaleProvider locale={locale}>
      <RepeatBuyerPanel repeatBuyer={repeatBuyer} message={message} />
    </LocaleProvider>,
  ).container;
}

describe('RepeatBuyerPanel, worked example', () => {
  const worked = workedPanel().repeatBuyer;

  it('shows the score as a labelled gauge, and the persona', () => {
    const c = renderPanel(worked);
    const region = getByRole(c, 'region', 'Repeat Buyer Potential');
    expect(getByRole(region, 'heading', 'Repeat Buyer Potential').tagName).toBe('H2');
    getByRole(c, 'img', 'Repeat Buyer Potential 76 out of 100, against the persona Priya Raman');
    expect(text(byData(c, 'field', 'persona-name'))).toBe('Priya Raman');
    expect(text(byData(c, 'field', 'persona-company'))).toBe('Northwind Health');
    expect(text(byData(c, 'field', 'persona-phrase'))).toBe('Healthcare · 1,001–5,000 employees · United States');
    expect(text(c)).toContain('Buys again: 25%');
    expect(text(c)).toContain('Aligned deals won: 63%');
    expect(text(c)).toContain('From 21 won deals');
    expect(text(c)).toContain('Matches 85% of the persona, weighted by how often its accounts buy again: 76.');
  });

  it('lists the attributes in order of importance, Ideal against Aligned, with their values in text', () => {
    const c = renderPanel(worked);
    const list = getByRole(c, 'list', 'Persona attributes, most important first');
    expect(list.tagName).toBe('OL');
    const rows = allByData(list, 'attribute');
    expect(rows.map((r) => r.dataset.attribute)).toEqual(['industry', 'employees', 'country', 'buyerTitle']);
    // Known keys get the dictionary's label; a CRM's own label stays as written.
    expect(rows.map((r) => text(r.querySelector('p')))).toEqual([
      'Industry weight 40%',
      'Employees weight 30%',
      'Billing Country weight 20%',
      'Buyer title weight 10%',
    ]);
    expect(rows.map((r) => byData(r, 'match').dataset.match)).toEqual(['match', 'near', 'none', 'missing']);
    expect(rows.map((r) => text(byData(r, 'match')))).toEqual(['Match', 'Near', 'No match', 'Not set']);
    expect(rows.map((r) => text(byData(r, 'field', 'ideal')))).toEqual(['Healthcare', '1,001–5,000', 'United States', 'CFO or VP Finance']);
    expect(rows.map((r) => text(byData(r, 'field', 'actual')))).toEqual(['Healthcare', '16,000', 'Canada', 'not set on this deal']);
    // Each row reads "Ideal … Aligned …" in text; the bars themselves are hidden from assistive tech.
    for (const row of rows) {
      expect(text(row)).toMatch(/Ideal .* Aligned /);
      for (const bar of row.querySelectorAll('.rounded-full.overflow-hidden')) expect(bar.getAttribute('aria-hidden')).toBe('true');
    }
  });

  it('draws the bars to scale: Ideal = weight / top weight, Aligned = weight × match', () => {
    const c = renderPanel(worked);
    const widths = allByData(c, 'attribute').map((row) => [...row.querySelectorAll<HTMLElement>('[aria-hidden="true"] > div')].map((bar) => bar.style.width));
    expect(widths).toEqual([
      ['100.00%', '100.00%'],
      ['75.00%', '37.50%'],
      ['50.00%', '0.00%'],
      ['25.00%', '0.00%'],
    ]);
  });

  it('writes the deal’s numbers for the locale', () => {
    const c = renderPanel(worked, null, 'de-DE');
    expect(text(byData(byData(c, 'attribute', 'employees'), 'field', 'actual'))).toBe('16.000');
    expect(text(byData(c, 'attribute', 'industry'))).toContain('weight 40 %');
  });

  it('shows the persona’s avatar as an SVG image, or its initials', () => {
    const c = renderPanel(worked);
    // The test persona's name is not what its id's card would draw: initials, not a mismatched face.
    expect(c.querySelector('img')).toBeNull();
    expect(c.textContent).toContain('PR');
  });

  it('says why when there is no persona', () => {
    const c = renderPanel(null, 'Repeat Buyer Personas need at least 30 won deals; 12 so far.');
    expect(text(byData(c, 'panel-message'))).toBe('Repeat Buyer Personas need at least 30 won deals; 12 so far.');
    expect(allByRole(c, 'img')).toHaveLength(0);
  });
});

describe('RepeatBuyerPanel, engine numbers', () => {
  it('renders the engine’s score, persona and breakdown exactly', () => {
    const panel = enginePanels().slipping;
    const rb = panel.repeatBuyer;
    if (!rb) throw new Error('the sample deal has a persona');
    const c = renderPanel(rb);
    getByRole(c, 'img', `Repeat Buyer Potential ${Math.round(rb.alignment.score)} out of 100, against the persona ${rb.persona.name}`);
    expect(text(byData(c, 'field', 'persona-phrase'))).toBe(rb.persona.phrase);
    const rows = allByData(c, 'attribute');
    expect(rows.map((r) => r.dataset.attribute)).toEqual(rb.alignment.breakdown.map((a) => a.key));
    rows.forEach((row, i) => {
      const a = rb.alignment.breakdown[i]!;
      expect(text(row)).toContain(`weight ${formatPercent(a.weight, { locale: LOCALE })}`);
      expect(text(byData(row, 'field', 'ideal'))).toBe(a.ideal);
    });
    // The sandbox persona's card reproduces its name, so its portrait is drawn as an <img> of an SVG data URL.
    const avatar = c.querySelector('img');
    expect(avatar?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(avatar?.getAttribute('alt')).toBe('');
  });
});

describe('RepeatBuyerPanel in German', () => {
  afterEach(() => setMessageLanguage('en'));

  it('words the persona phrase from its parts in the message language, values as the data has them', () => {
    const worked = workedPanel().repeatBuyer;
    if (!worked) throw new Error('the worked example has a persona');
    const persona = {
      ...worked.persona,
      phraseParts: [
        { key: 'industry', value: 'Healthcare' },
        { key: 'employees', value: '1,001–5,000' },
        { key: 'buyerTitle', value: 'VP Operations' },
      ],
    };
    setMessageLanguage('de');
    const c = renderPanel({ ...worked, persona }, null, 'de-DE');
    expect(text(byData(c, 'field', 'persona-phrase'))).toBe('Healthcare · 1,001–5,000 Mitarbeiter · Käufer: VP Operations');
    getByRole(c, 'region', 'Wiederkaufpotenzial');
  });
});
