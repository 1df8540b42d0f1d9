// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detailHref, detailLinkFor } from '../../components/panels/links';
import { SimilarPanel, type SimilarLink } from '../../components/panels/SimilarPanel';
import { LocaleProvider } from '../../components/ui/locale';
import type { SimilarResult } from '../../lib/engine/similar';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { allByData, allByRole, byData, cleanup, getByRole, mount, text } from './panels-dom';
import { enginePanels, LOCALE, workedPanel } from './panels-fixtures';

afterEach(cleanup);

function renderPanel(similar: SimilarResult | null, linkFor: SimilarLink = detailLinkFor('csv-1'), locale = LOCALE) {
  return mount(
    <LocaleProvider locale={locale}>
      <SimilarPanel similar={similar} linkFor={linkFor} />
    </LocaleProvider>,
  ).container;
}

const worked = workedPanel().similar!;

describe('SimilarPanel, worked example', () => {
  it('lists wins and losses under their own headings', () => {
    const c = renderPanel(worked);
    getByRole(c, 'region', 'Recent similar opportunities');
    const wins = byData(c, 'similar', 'wins');
    const losses = byData(c, 'similar', 'losses');
    expect(text(getByRole(wins, 'heading'))).toBe('Wins (1)');
    expect(text(getByRole(losses, 'heading'))).toBe('Losses (1)');
    expect(getByRole(wins, 'list', 'Wins').tagName).toBe('UL');
    expect(getByRole(losses, 'list', 'Losses').tagName).toBe('UL');
  });

  it('shows each deal’s name as a link, its account, close date, amount and similarity', () => {
    const c = renderPanel(worked);
    const win = byData(c, 'deal', '006W1');
    const link = getByRole(win, 'link', 'Contoso Clinics - Platform');
    expect(link.getAttribute('href')).toBe('detail.html?c=csv-1&id=006W1');
    expect(link.hasAttribute('target')).toBe(false);
    expect(text(win)).toContain('Contoso Clinics · Closed Jan 15, 2026 · $31,100');
    expect(text(byData(win, 'field', 'similarity'))).toBe('81% similar');
    expect(text(byData(c, 'deal', '006L1'))).toContain('Same account');
  });

  it('has chips for what each deal shares and what differs', () => {
    const c = renderPanel(worked);
    const chips = getByRole(byData(c, 'deal', '006W1'), 'list', 'Compared with this deal');
    expect(allByRole(chips, 'listitem').map(text)).toEqual(['Shares Industry: Healthcare', 'Differs Employees: 51–200 vs theirs 1,001–5,000']);
    const loss = getByRole(byData(c, 'deal', '006L1'), 'list', 'Compared with this deal');
    expect(allByRole(loss, 'listitem').map(text)).toEqual(['Shares Owner: Kevin Allen', 'Differs Lead source: Partner Referral vs theirs Web']);
  });

  it('links to the CRM through linkFor, in a new tab', () => {
    const c = renderPanel(worked, (deal) => `https://acme.lightning.force.com/lightning/r/Opportunity/${deal.id}/view`);
    const link = getByRole(byData(c, 'deal', '006W1'), 'link', 'Contoso Clinics - Platform (opens in a new tab)');
    expect(link.getAttribute('href')).toBe('https://acme.lightning.force.com/lightning/r/Opportunity/006W1/view');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows a name without a link when linkFor gives none', () => {
    const c = renderPanel(worked, () => null);
    expect(allByRole(c, 'link')).toHaveLength(0);
    expect(text(byData(c, 'deal', '006W1'))).toContain('Contoso Clinics - Platform');
  });

  it('says when a list is empty, and when there is nothing to compare with', () => {
    const c = renderPanel({ wins: worked.wins, losses: [] });
    expect(text(byData(c, 'similar', 'losses'))).toBe('Losses (0) No similar lost deals.');
    expect(text(byData(renderPanel(null), 'panel-message'))).toBe('Similar deals appear once closed deals are imported.');
  });

  it('builds detail links that escape their parameters', () => {
    expect(detailHref('csv 1', 'a&b=c')).toBe('detail.html?c=csv+1&id=a%26b%3Dc');
  });
});

describe('SimilarPanel, CRM text stays text', () => {
  it('renders hostile names as text and creates no element from them', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const deal = {
      ...worked.wins[0]!,
      name: hostile,
      accountName: '<script>alert(2)</script>',
      shared: [{ key: 'attr:industry', label: '<b>industry</b>', value: '<i>x</i>' }],
    };
    const c = renderPanel({ wins: [deal], losses: [] });
    expect(text(getByRole(c, 'link'))).toBe(hostile);
    expect(text(c)).toContain('<script>alert(2)</script>');
    expect(text(c)).toContain('<b>industry</b>: <i>x</i>');
    expect(c.querySelectorAll('img, script, b, i')).toHaveLength(0);
  });
});

describe('SimilarPanel, engine numbers', () => {
  it('renders the engine’s similar deals exactly', () => {
    const panel = enginePanels().slipping;
    const similar = panel.similar!;
    const c = renderPanel(similar, detailLinkFor(panel.connectionId));
    for (const [kind, deals] of [
      ['wins', similar.wins],
      ['losses', similar.losses],
    ] as const) {
      const items = allByData(byData(c, 'similar', kind), 'deal');
      expect(items.map((i) => i.dataset.deal)).toEqual(deals.map((d) => d.id));
      items.forEach((item, i) => {
        const d = deals[i]!;
        expect(getByRole(item, 'link').getAttribute('href')).toBe(detailHref(panel.connectionId, d.id));
        expect(text(item)).toContain(`Closed ${formatDate(d.closeDate, { locale: LOCALE })}`);
        expect(text(item)).toContain(formatMoney(d.amount, d.currency, { locale: LOCALE }));
        expect(text(byData(item, 'field', 'similarity'))).toBe(`${formatPercent(d.similarity, { locale: LOCALE })} similar`);
        expect(allByRole(item, 'listitem')).toHaveLength(d.shared.length + d.different.length);
      });
    }
  });
});
