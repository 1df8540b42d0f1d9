/** An account's opportunities rolled up (lib/pipeline/account-rollup.ts) from a worked set: history, lifetime value, persona, expected won amount and health. */
import { describe, expect, it } from 'vitest';
import { accountHealth, rollUpAccount, type AccountDeal } from '../../lib/pipeline/account-rollup';
import { row } from './fixtures';

/** A deal of the account: the pipeline fixture's row, with this file's defaults (an amount, a close date, the account). */
function deal(id: string, outcome: AccountDeal['outcome'], over: Partial<AccountDeal> = {}): AccountDeal {
  return { ...row({ id, connectionId: 'c', accountName: 'Acme', amount: 10_000, closeDate: '2026-01-01' }), outcome, ...over };
}

const DEALS: AccountDeal[] = [
  deal('w1', 'won', { amount: 20_000, closeDate: '2025-03-01', personaId: 'p-ops', personaName: 'Operations buyers' }),
  deal('w2', 'won', { amount: 15_000, closeDate: '2025-11-15', personaId: 'p-ops', personaName: 'Operations buyers' }),
  deal('w3', 'won', { amount: 5_000, closeDate: '2025-07-01', personaId: 'p-it', personaName: 'IT leaders' }),
  deal('l1', 'lost', { amount: 50_000, closeDate: '2025-12-01' }),
  deal('o1', 'open', { amount: 40_000, winPotential: 0.5, health: 'on-track' }),
  deal('o2', 'open', { amount: 20_000, winPotential: 0.25, health: 'at-risk' }),
  deal('o3', 'open', { amount: null, winPotential: 0.9, health: 'needs-attention' }),
];

describe('rollUpAccount', () => {
  it('sums up the history, the repeat purchases and the open pipeline', () => {
    const rollup = rollUpAccount(DEALS);
    expect(rollup.open.map((d) => d.id)).toEqual(['o1', 'o2', 'o3']);
    expect(rollup).toMatchObject({
      won: 3,
      lost: 1,
      winRate: 0.75,
      lifetimeValue: 40_000,
      currency: 'USD',
      lastWin: '2025-11-15',
      repeatPurchases: 2,
      personaId: 'p-ops',
      personaName: 'Operations buyers',
      // 0.5 × 40,000 + 0.25 × 20,000; o3 has no amount.
      expectedWon: 25_000,
      // o3 has no amount, so shares are by count: 1 of 3 at risk → at risk.
      health: 'at-risk',
    });
  });

  it('says nothing it cannot know: no closed deal, mixed currencies, no open deal', () => {
    const rollup = rollUpAccount([deal('w', 'won', { currency: 'EUR' }), deal('w2', 'won', { currency: 'USD' })]);
    expect(rollup).toMatchObject({ winRate: 1, lifetimeValue: null, currency: null, expectedWon: null, health: null, open: [] });
    expect(rollUpAccount([deal('o', 'open')])).toMatchObject({ won: 0, lost: 0, winRate: null, lastWin: null, repeatPurchases: 0, personaId: null });
  });
});

describe('accountHealth', () => {
  const open = (id: string, amount: number | null, health: AccountDeal['health']) => deal(id, 'open', { amount, health });

  it('weighs by amount when every open deal has one', () => {
    // 30,000 of 100,000 at risk: under a third, so the account needs attention.
    expect(accountHealth([open('a', 70_000, 'on-track'), open('b', 30_000, 'at-risk')])).toBe('needs-attention');
    // 40,000 of 100,000: a third or more, at risk.
    expect(accountHealth([open('a', 60_000, 'on-track'), open('b', 40_000, 'at-risk')])).toBe('at-risk');
  });

  it('needs attention when a third needs it, and is on track otherwise', () => {
    expect(accountHealth([open('a', 1, 'on-track'), open('b', 1, 'on-track'), open('c', 1, 'needs-attention')])).toBe('needs-attention');
    expect(accountHealth([open('a', 3, 'on-track'), open('b', 1, 'needs-attention')])).toBe('on-track');
    expect(accountHealth([open('a', 1, null)])).toBeNull();
  });
});
