import { describe, expect, it } from 'vitest';
import { STANDARD_OPPORTUNITY_TYPES, type Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import { caseSafeId, KEY_PREFIX } from '../../lib/sandbox/ids';
import { stageDefinition } from '../../lib/sandbox/stages';

const org = generateSandbox({ seed: 7, opportunities: 10_000 });
const { opportunities, accounts, users, asOf } = org;

describe('generateSandbox: determinism and options', () => {
  it('gives a deep-equal org for the same options, and a different one for another seed', () => {
    const a = generateSandbox({ seed: 42, opportunities: 1_500 });
    const b = generateSandbox({ seed: 42, opportunities: 1_500 });
    const c = generateSandbox({ seed: 43, opportunities: 1_500 });
    expect(b).toEqual(a);
    expect(c.opportunities.map((o) => o.name)).not.toEqual(a.opportunities.map((o) => o.name));
    expect(c.accounts.map((o) => o.name)).not.toEqual(a.accounts.map((o) => o.name));
  });

  it('defaults to a fixed as-of day and USD', () => {
    const small = generateSandbox({ seed: 1, opportunities: 10 });
    expect(small.asOf).toBe('2026-09-30');
    expect(small.currency).toBe('USD');
    expect(small.opportunities.every((o) => o.currency === 'USD')).toBe(true);
  });

  it('moves the whole history with asOf', () => {
    const earlier = generateSandbox({ seed: 3, opportunities: 500, asOf: '2024-03-31' });
    expect(earlier.asOf).toBe('2024-03-31');
    for (const o of earlier.opportunities) {
      expect(o.createdDate! <= '2024-03-31').toBe(true);
      expect(o.createdDate! >= '2021-03-30').toBe(true);
    }
  });

  it('keeps amounts at their usual magnitude in another currency', () => {
    const usd = generateSandbox({ seed: 5, opportunities: 2_000 });
    const jpy = generateSandbox({ seed: 5, opportunities: 2_000, currency: 'JPY' });
    const median = (o: Opportunity[]): number => {
      const sorted = o.map((x) => x.amount ?? 0).sort((x, y) => x - y);
      return sorted[Math.floor(sorted.length / 2)] as number;
    };
    expect(jpy.opportunities.every((o) => o.currency === 'JPY')).toBe(true);
    expect(median(jpy.opportunities) / median(usd.opportunities)).toBeGreaterThan(120);
    expect(median(jpy.opportunities) / median(usd.opportunities)).toBeLessThan(180);
    expect(jpy.products.find((p) => p.name === 'Platform')?.listPrice).toBe(6_300_000);
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => generateSandbox({ seed: Number.NaN, opportunities: 10 })).toThrow(/seed/);
    expect(() => generateSandbox({ seed: 1, opportunities: 0 })).toThrow(/opportunities/);
    expect(() => generateSandbox({ seed: 1, opportunities: 2.5 })).toThrow(/opportunities/);
    expect(() => generateSandbox({ seed: 1, opportunities: 10, asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => generateSandbox({ seed: 1, opportunities: 10, currency: 'usd' })).toThrow(/currency/);
    expect(() => generateSandbox({ seed: 1, opportunities: 10, personas: 6 })).toThrow(/personas/);
  });

  it('plants 3 to 5 personas, ⌊n/2⌋ of them high-repeat', () => {
    for (const n of [3, 4, 5]) {
      const small = generateSandbox({ seed: 11, opportunities: 50, personas: n });
      expect(small.truth.personas).toHaveLength(n);
      expect(small.truth.personas.filter((p) => p.repeat === 'high')).toHaveLength(Math.floor(n / 2));
      expect(small.truth.winModel.personas).toEqual(small.truth.personas.map((p) => p.profile));
    }
  });
});

describe('generateSandbox: the org', () => {
  it('has exactly the requested number of opportunities, of all five types, about a fifth open', () => {
    expect(opportunities).toHaveLength(10_000);
    expect(generateSandbox({ seed: 9, opportunities: 1 }).opportunities).toHaveLength(1);
    const types = new Set(opportunities.map((o) => o.type));
    expect([...types].sort()).toEqual([...STANDARD_OPPORTUNITY_TYPES].sort());
    const openShare = opportunities.filter((o) => !o.isClosed).length / opportunities.length;
    expect(openShare).toBeGreaterThan(0.15);
    expect(openShare).toBeLessThan(0.25);
    expect(opportunities.every((o) => o.source === 'sandbox')).toBe(true);
  });

  it('gives every record a unique, case-safe 18-character id with its key prefix', () => {
    const check = (ids: string[], prefix: string): void => {
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(/^[0-9A-Za-z]{18}$/);
        expect(id.startsWith(prefix)).toBe(true);
        expect(caseSafeId(id.slice(0, 15))).toBe(id);
      }
    };
    check(
      opportunities.map((o) => o.id),
      KEY_PREFIX.opportunity,
    );
    check(
      accounts.map((a) => a.id),
      KEY_PREFIX.account,
    );
    check(
      users.map((u) => u.id),
      KEY_PREFIX.user,
    );
    check(
      org.products.map((p) => p.id),
      KEY_PREFIX.product,
    );
    check(
      org.contacts.map((c) => c.id),
      KEY_PREFIX.contact,
    );
    check(
      org.contactRoles.map((r) => r.id),
      KEY_PREFIX.contactRole,
    );
  });

  it('keeps stage, closed and won flags, probability and forecast category consistent', () => {
    for (const o of opportunities) {
      const stage = stageDefinition(o.stage!);
      expect(o.isClosed).toBe(stage.isClosed);
      expect(o.isWon).toBe(stage.isWon);
      expect(o.probability).toBe(stage.probability / 100);
      expect(o.forecastCategory).toBe(stage.forecastCategory);
    }
  });

  it('dates deals in the three years before asOf, closed ones in the past, open ones with CRM close dates', () => {
    let slipping = 0;
    for (const o of opportunities) {
      expect(o.createdDate! >= '2023-09-29' && o.createdDate! <= asOf).toBe(true);
      expect(o.closeDate! >= o.createdDate!).toBe(true);
      if (o.isClosed) expect(o.closeDate! <= asOf).toBe(true);
      else if (o.closeDate! < asOf) slipping++;
    }
    const open = opportunities.filter((o) => !o.isClosed).length;
    expect(slipping).toBeGreaterThan(0.03 * open);
    expect(slipping).toBeLessThan(0.3 * open);
  });

  it('records ordered stage histories that end in the current stage', () => {
    for (const o of opportunities) {
      const history = o.stageHistory;
      expect(history.length).toBeGreaterThan(0);
      expect(history[0]?.enteredAt).toBe(o.createdDate);
      for (let i = 1; i < history.length; i++) expect(history[i]!.enteredAt >= history[i - 1]!.enteredAt).toBe(true);
      expect(history.at(-1)?.stage).toBe(o.stage);
      expect(history.at(-1)?.enteredAt).toBe(o.stageEnteredDate);
      expect(o.stageEnteredDate! <= asOf).toBe(true);
      expect(history.slice(0, -1).every((h) => !stageDefinition(h.stage).isClosed)).toBe(true);
      if (o.isClosed) expect(o.stageEnteredDate).toBe(o.closeDate);
    }
  });

  it('has deals with a customer only after a won new-customer deal of the same account', () => {
    const firstWin = new Map<string, string>();
    for (const o of opportunities) {
      if (o.type !== 'new customer' || !o.isWon) continue;
      const known = firstWin.get(o.account!.id);
      if (known === undefined || o.closeDate! < known) firstWin.set(o.account!.id, o.closeDate!);
    }
    const later = opportunities.filter((o) => o.type !== 'new customer');
    expect(later.length).toBeGreaterThan(1_000);
    for (const o of later) {
      const won = firstWin.get(o.account!.id);
      expect(won, `${o.id} (${o.type}) has no earlier won new-customer deal`).toBeDefined();
      expect(won! <= o.createdDate!).toBe(true);
    }
  });

  it('creates records in id order: ids increase with created dates', () => {
    for (let i = 1; i < opportunities.length; i++) {
      expect(opportunities[i]!.createdDate! >= opportunities[i - 1]!.createdDate!).toBe(true);
    }
  });

  it('has 4–6 teams of 3–8 reps, each team in one territory, every territory covered', () => {
    const head = users.filter((u) => u.role === 'executive');
    expect(head).toHaveLength(1);
    const managers = users.filter((u) => u.role === 'manager');
    expect(managers.length).toBeGreaterThanOrEqual(4);
    expect(managers.length).toBeLessThanOrEqual(6);
    for (const m of managers) {
      expect(m.manager?.id).toBe(head[0]!.id);
      const reps = users.filter((u) => u.role === 'rep' && u.manager?.id === m.id);
      expect(reps.length).toBeGreaterThanOrEqual(3);
      expect(reps.length).toBeLessThanOrEqual(8);
      expect(reps.every((r) => r.territory === m.territory)).toBe(true);
    }
    expect(new Set(managers.map((m) => m.territory))).toEqual(new Set(['NA East', 'NA West', 'EMEA', 'APAC']));
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length);
  });

  it('links deals to their owner, the owner’s manager and territory, and the account’s facts', () => {
    const userById = new Map(users.map((u) => [u.id, u]));
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    for (const o of opportunities) {
      const owner = userById.get(o.owner!.id)!;
      expect(owner.role).toBe('rep');
      expect(o.owner!.name).toBe(owner.name);
      expect(o.ownerManager).toEqual(owner.manager);
      expect(o.territory).toBe(owner.territory);
      expect(userById.has(o.createdBy!.id)).toBe(true);
      const account = accountById.get(o.account!.id)!;
      expect(o.account!.name).toBe(account.name);
      expect(account.territory).toBe(o.territory);
      expect(o.attributes).toMatchObject({
        industry: account.industry,
        employees: account.employees,
        revenue: account.annualRevenue,
        country: account.country,
        state: account.state,
      });
      expect(o.amount! > 0).toBe(true);
    }
    expect(accounts.every((a) => a.createdDate <= asOf && userById.get(a.ownerId)?.role === 'rep')).toBe(true);
  });

  it('has a corporate hierarchy for some accounts', () => {
    const ids = new Set(accounts.map((a) => a.id));
    const children = accounts.filter((a) => a.parentId !== null);
    expect(children.length).toBeGreaterThan(0.02 * accounts.length);
    expect(children.every((a) => ids.has(a.parentId!) && a.parentId !== a.id)).toBe(true);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(accounts.length);
  });

  it('names each deal’s primary contact, whose title and role are the buyer attributes', () => {
    expect(org.contactRoles).toHaveLength(opportunities.length);
    const contactById = new Map(org.contacts.map((c) => [c.id, c]));
    const roleByOpportunity = new Map(org.contactRoles.map((r) => [r.opportunityId, r]));
    for (const o of opportunities) {
      const role = roleByOpportunity.get(o.id)!;
      const contact = contactById.get(role.contactId)!;
      expect(role.isPrimary).toBe(true);
      expect(role.role).toBe(o.attributes['buyerRole']);
      expect(contact.title).toBe(o.attributes['buyerTitle']);
      expect(contact.accountId).toBe(o.account!.id);
      expect(contact.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@[a-z0-9]+\.example$/);
    }
  });

  it('makes days open grow with amount and be shorter for renewals than for first deals', () => {
    const closed = opportunities.filter((o) => o.isClosed);
    const days = (o: Opportunity): number => (Date.parse(o.closeDate!) - Date.parse(o.createdDate!)) / 86_400_000;
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const firstDeals = closed.filter((o) => o.type === 'new customer');
    const amounts = median(firstDeals.map((o) => o.amount!));
    const small = median(firstDeals.filter((o) => o.amount! < amounts).map(days));
    const large = median(firstDeals.filter((o) => o.amount! >= amounts).map(days));
    expect(large / small).toBeGreaterThan(1.2);
    expect(median(closed.filter((o) => o.type === 'renewal').map(days))).toBeLessThan(median(firstDeals.map(days)));
  });
});
