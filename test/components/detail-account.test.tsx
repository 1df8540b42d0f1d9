// @vitest-environment happy-dom
/**
 * The detail page and the account (issue 16): a record's page links its account's view,
 * `detail.html?c=…&account=…` parses to it, and the view shows the background's account
 * panel, its deals linking to their CRM record or their detail page.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountApp } from '../../entrypoints/detail/AccountApp';
import { DetailView } from '../../entrypoints/detail/DetailView';
import { accountHref, parseDetailParams } from '../../entrypoints/detail/params';
import { BackgroundReplyError } from '../../entrypoints/detail/source';
import type { AccountPanelData } from '../../lib/pipeline/account-panel';
import { rollUpAccount } from '../../lib/pipeline/account-rollup';
import { score } from '../store/helpers';
import { cleanup, getByRole, mount, text } from './panels-dom';
import { LOCALE, workedPanel } from './panels-fixtures';

afterEach(cleanup);

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

describe('the detail page and its account', () => {
  it("links a record's account to the account view of its connection", () => {
    const c = mount(<DetailView status={{ kind: 'ready', panel: workedPanel(), refreshing: false }} locale={LOCALE} />).container;
    const link = c.querySelector('[data-action="open-account"]');
    expect(text(link)).toBe('Account: Northwind Health');
    expect(link?.getAttribute('href')).toBe('detail.html?c=csv-1&account=acc-1');
    cleanup();
    const none = mount(
      <DetailView status={{ kind: 'ready', panel: workedPanel({ opportunity: { ...workedPanel().opportunity, account: null } }), refreshing: false }} />,
    ).container;
    expect(none.querySelector('[data-action="open-account"]')).toBeNull();
  });

  it('parses the account view, before a record', () => {
    expect(parseDetailParams('?c=sandbox&account=acme%20corp')).toEqual({ kind: 'account', connectionId: 'sandbox', accountId: 'acme corp' });
    expect(parseDetailParams(`?${accountHref('csv-1', 'a&b').split('?')[1]}`)).toEqual({ kind: 'account', connectionId: 'csv-1', accountId: 'a&b' });
    expect(parseDetailParams('?c=sandbox&id=o1')).toEqual({ kind: 'record', connectionId: 'sandbox', opportunityId: 'o1' });
    expect(parseDetailParams('?account=acme')).toEqual({ kind: 'invalid' });
  });

  it("shows the background's account panel, deals linking to their record, and not-synced as such", async () => {
    const { scoredAt: _s, isOpen: _o, ...row } = score('sandbox', 'o1', { name: 'Expansion', amount: 1000, currency: 'USD', winPotential: 0.5 });
    const account: AccountPanelData = {
      connectionId: 'sandbox',
      accountId: 'acme',
      name: 'Acme',
      crmUrl: null,
      rollup: rollUpAccount([{ ...row, outcome: 'open' }]),
    };
    const asked: string[] = [];
    const source = {
      getAccount: async (c: string, a: string) => {
        asked.push(`${c}/${a}`);
        return account;
      },
      subscribe: () => () => undefined,
      openOptions: () => undefined,
    };
    const c = mount(<AccountApp source={source} connectionId="sandbox" accountId="acme" locale={LOCALE} />).container;
    await settle();
    expect(asked).toEqual(['sandbox/acme']);
    getByRole(c, 'heading', 'Account: Acme');
    expect(c.querySelector('[data-account-deal="o1"] a')?.getAttribute('href')).toBe('detail.html?c=sandbox&id=o1');
    expect(text(c.querySelector('[data-account-field="expectedWon"] dd'))).toBe('$500');
    cleanup();
    const failing = { ...source, getAccount: () => Promise.reject(new BackgroundReplyError('no data', 'not-synced')) };
    const d = mount(<AccountApp source={failing} connectionId="sandbox" accountId="acme" locale={LOCALE} />).container;
    await settle();
    expect(d.querySelector('[data-account-field]')).toBeNull();
    expect(text(d)).not.toBe('');
  });
});
