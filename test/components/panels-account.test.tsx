// @vitest-environment happy-dom
/**
 * The account panel renders a worked roll-up exactly: the health, the open opportunities
 * (Win Potential, Repeat Buyer Potential, health, predicted close, each linking to its
 * record), the expected won amount, the won and lost history, repeat purchases, lifetime
 * value and closest persona. CRM text renders as text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AccountPanel } from '../../components/panels/AccountPanel';
import { LocaleProvider } from '../../components/ui/locale';
import type { AccountPanelData } from '../../lib/pipeline/account-panel';
import { rollUpAccount, type AccountDeal } from '../../lib/pipeline/account-rollup';
import { score } from '../store/helpers';
import { cleanup, getByRole, mount, text } from './panels-dom';
import { LOCALE } from './panels-fixtures';

afterEach(cleanup);

const C = 'sandbox';
function deal(id: string, outcome: AccountDeal['outcome'], over: Partial<AccountDeal> = {}): AccountDeal {
  const { scoredAt: _s, isOpen: _o, ...row } = score(C, id, { currency: 'USD' });
  return { ...row, outcome, ...over };
}

/** Two open deals (one with a CRM page, one without), two wins, one loss. */
const DEALS: AccountDeal[] = [
  deal('o1', 'open', {
    name: 'Renewal <b>2027</b>',
    amount: 40_000,
    winPotential: 0.625,
    repeatBuyerPotential: 71.4,
    health: 'on-track',
    predictedClose: '2027-03-15',
    crmUrl: 'https://acme.lightning.force.com/lightning/r/Opportunity/006A/view',
  }),
  deal('o2', 'open', { name: 'Upsell', amount: 10_000, winPotential: 0.3, repeatBuyerPotential: null, health: 'at-risk', predictedClose: null }),
  deal('w1', 'won', { amount: 25_000, closeDate: '2025-06-30', personaId: 'p2', personaName: 'Finance leads' }),
  deal('w2', 'won', { amount: 15_000, closeDate: '2026-02-10', personaId: 'p2', personaName: 'Finance leads' }),
  deal('l1', 'lost', { amount: 9_000, closeDate: '2026-05-01' }),
];

const ACCOUNT: AccountPanelData = { connectionId: C, accountId: 'acme', name: 'Acme <Corp>', crmUrl: null, rollup: rollUpAccount(DEALS) };

function renderPanel(account = ACCOUNT) {
  return mount(
    <LocaleProvider locale={LOCALE}>
      <AccountPanel account={account} linkFor={(d) => d.crmUrl ?? `detail.html?c=${d.connectionId}&id=${d.id}`} />
    </LocaleProvider>,
  ).container;
}

const field = (c: Element, name: string) => c.querySelector(`[data-account-field="${name}"]`);

describe('AccountPanel, worked roll-up', () => {
  it('shows the figures of rollUpAccount, formatted', () => {
    const c = renderPanel();
    getByRole(c, 'heading', 'Account: Acme <Corp>');
    // 40,000 of 50,000 open is on track, 10,000 (a fifth) at risk: needs attention.
    expect(text(field(c, 'health'))).toBe('Account healthNeeds attention');
    expect(text(field(c, 'expectedWon')?.querySelector('dd'))).toBe('$28,000');
    expect(text(field(c, 'won')?.querySelector('dd'))).toBe('2');
    expect(text(field(c, 'lost')?.querySelector('dd'))).toBe('1');
    expect(text(field(c, 'winRate')?.querySelector('dd'))).toBe('67%');
    expect(text(field(c, 'lastWin')?.querySelector('dd'))).toBe('Feb 10, 2026');
    expect(text(field(c, 'lifetimeValue')?.querySelector('dd'))).toBe('$40,000');
    expect(text(field(c, 'repeatPurchases')?.querySelector('dd'))).toBe('1 time');
    expect(text(field(c, 'persona')?.querySelector('dd'))).toBe('Finance leads');
    expect(field(c, 'expectedWon')?.getAttribute('data-value')).toBe('28000');
  });

  it('lists the open opportunities with their scores, each linking to its record', () => {
    const c = renderPanel();
    expect(text(c.querySelector('[data-account-section="open"] h3'))).toBe('2 open opportunities');
    const rows = Array.from(c.querySelectorAll('[data-account-deal]'));
    expect(rows.map((r) => Array.from(r.children).map((cell) => text(cell)))).toEqual([
      ['Renewal <b>2027</b>', '63%', '71', 'On track', 'Mar 15, 2027'],
      ['Upsell', '30%', '—', 'At risk', '—'],
    ]);
    // CRM text is text: no element made of a deal's name.
    expect(c.querySelector('b')).toBeNull();
    expect(rows.map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual([
      'https://acme.lightning.force.com/lightning/r/Opportunity/006A/view',
      'detail.html?c=sandbox&id=o2',
    ]);
    // No CRM page for a sandbox account: no "open the account" link.
    expect(c.querySelector('[data-action="open-account"]')).toBeNull();
  });

  it("links the account's CRM page when it has one, and says when it has no deals", () => {
    const c = renderPanel({ ...ACCOUNT, crmUrl: 'https://acme.lightning.force.com/lightning/r/Account/001A/view' });
    expect(c.querySelector('[data-action="open-account"]')?.getAttribute('href')).toBe('https://acme.lightning.force.com/lightning/r/Account/001A/view');
    cleanup();
    const empty = renderPanel({ ...ACCOUNT, name: null, rollup: rollUpAccount([]) });
    getByRole(empty, 'heading', 'Account');
    expect(text(empty)).toContain('Dealsight has no opportunities of this account.');
    expect(text(field(empty, 'health'))).toBe('Account healthNo health yet: no open deal has one');
    expect(text(field(empty, 'winRate')?.querySelector('dd'))).toBe('—');
  });
});
