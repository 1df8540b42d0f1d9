/**
 * One account's opportunities with their pipeline rows (issue 16, the account panel): the
 * opportunities whose `account.id` is the account's id (a Salesforce AccountId, a HubSpot
 * company id, a file's normalized account name), else, when none carries that id, those
 * whose account name normalizes to the account's (a file whose rows name the account
 * without an id, or an id the page names that the store keeps under the name).
 */
import { normalizeLabel } from '../crm/opportunity';
import type { AccountDeal } from '../pipeline/account-rollup';
import type { DealsightDb } from './db';
import { connectionRange, quoted, readingTogether } from './guard';

export interface AccountDeals {
  /** The account's name as the store knows it (its accounts table, else its deals'), or null when nothing names it. */
  name: string | null;
  /** Each of its opportunities that has a pipeline row, with its outcome; in id order. */
  deals: AccountDeal[];
}

export async function getAccountDeals(db: DealsightDb, connectionId: string, accountId: string): Promise<AccountDeals> {
  return readingTogether(db, `the deals of account ${quoted(accountId)}`, [db.opportunities, db.accounts, db.scores], async () => {
    const account = await db.accounts.get([connectionId, accountId]);
    const all = await connectionRange(db.opportunities, connectionId).toArray();
    let matched = all.filter((r) => r.opportunity.account?.id === accountId);
    if (matched.length === 0) {
      const key = normalizeLabel(account?.name ?? accountId);
      matched = key === '' ? [] : all.filter((r) => r.opportunity.account !== null && normalizeLabel(r.opportunity.account.name) === key);
    }
    const rows = await db.scores.bulkGet(matched.map((r): [string, string] => [connectionId, r.id]));
    const deals: AccountDeal[] = [];
    matched.forEach((r, i) => {
      const row = rows[i];
      if (row === undefined) return;
      const o = r.opportunity;
      const { scoredAt: _scoredAt, isOpen: _isOpen, ...pipeline } = row;
      deals.push({ ...pipeline, outcome: !o.isClosed ? 'open' : o.isWon ? 'won' : 'lost' });
    });
    const name = account?.name ?? matched.find((r) => r.opportunity.account !== null)?.opportunity.account?.name ?? null;
    return { name, deals };
  });
}
