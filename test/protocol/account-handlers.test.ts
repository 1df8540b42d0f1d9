/**
 * The account panel as the background answers it (entrypoints/background/account.ts): a
 * content script on a Salesforce Account page gets that account's deals from the real store
 * (fake-indexeddb) rolled up exactly as `rollUpAccount` rolls up the same rows, and nothing
 * for another page or origin; an extension page gets any account, a file's by its
 * normalized name.
 */
import { describe, expect, it } from 'vitest';
import { accountPanel, pageAccountPanel } from '../../entrypoints/background/account';
import type { CrmDeps } from '../../entrypoints/background/crm';
import type { TabInfo } from '../../lib/crm/connector';
import type { PanelData } from '../../lib/panel-data';
import { rollUpAccount, type AccountDeal } from '../../lib/pipeline/account-rollup';
import { saveModels, saveScores, upsertConnectionData } from '../../lib/store/repo';
import type { ScoreRecord } from '../../lib/store/schema';
import { connectorEnv } from '../crm/connector-env';
import { connection, freshDb, mapping, model, opp, score } from '../store/helpers';

const ORG = '00D5g000001aBcDEAU';
const SID = `${ORG.slice(0, 15)}!AQsecret`;
const LIGHTNING = 'https://acme.lightning.force.com';
const API = 'https://acme.my.salesforce.com';
const CONN = `salesforce:${ORG}`;
const ACME = '0015g00000XyZabAAF';
const OTHER = '0015g00000XyZacAAF';
const accountUrl = (id = ACME) => `${LIGHTNING}/lightning/r/Account/${id}/view`;

function setup() {
  const { db } = freshDb();
  const tab: TabInfo & { url: string } = { id: 1, url: accountUrl() };
  const deps: CrmDeps = {
    db,
    hostOptions: { localhost: false },
    env: () => connectorEnv(db, { tabs: [tab], cookies: { [`${LIGHTNING}/`]: SID, [`${API}/`]: SID } }),
    enqueue: async () => 1,
    logSkipped: async () => undefined,
    panel: async () => ({}) as PanelData,
    recordPanel: async () => ({}) as PanelData,
  };
  return { db, deps, sender: { url: tab.url, tab } };
}

const acme = { id: ACME, name: 'Acme Corp' };
/** The worked account: two open deals, two won, one lost; one deal of another account. */
const OPPS = [
  opp('0065g0000000001AAA', { source: 'salesforce', account: acme, isClosed: false }),
  opp('0065g0000000002AAA', { source: 'salesforce', account: acme, isClosed: false }),
  opp('0065g0000000003AAA', { source: 'salesforce', account: acme, isClosed: true, isWon: true }),
  opp('0065g0000000004AAA', { source: 'salesforce', account: acme, isClosed: true, isWon: true }),
  opp('0065g0000000005AAA', { source: 'salesforce', account: acme, isClosed: true, isWon: false }),
  opp('0065g0000000006AAA', { source: 'salesforce', account: { id: OTHER, name: 'Globex' }, isClosed: false }),
];
const SCORES: ScoreRecord[] = [
  score(CONN, '0065g0000000001AAA', {
    accountName: 'Acme Corp',
    amount: 10_000,
    currency: 'USD',
    winPotential: 0.5,
    health: 'on-track',
    predictedClose: '2027-02-01',
  }),
  score(CONN, '0065g0000000002AAA', { accountName: 'Acme Corp', amount: 30_000, currency: 'USD', winPotential: 0.2, health: 'at-risk' }),
  score(CONN, '0065g0000000003AAA', { isOpen: 0, amount: 20_000, currency: 'USD', closeDate: '2026-03-01', personaId: 'p1', personaName: 'Ops buyers' }),
  score(CONN, '0065g0000000004AAA', { isOpen: 0, amount: 5_000, currency: 'USD', closeDate: '2026-09-15', personaId: 'p1', personaName: 'Ops buyers' }),
  score(CONN, '0065g0000000005AAA', { isOpen: 0, amount: 7_000, currency: 'USD', closeDate: '2026-10-01' }),
  score(CONN, '0065g0000000006AAA', { amount: 99_000, currency: 'USD', winPotential: 0.9 }),
];

async function stored(db: CrmDeps['db']) {
  await upsertConnectionData(db, { ...connection(CONN, 'Acme org'), kind: 'salesforce' }, OPPS, [], mapping(CONN), null);
  await saveModels(db, model(CONN), []);
  await saveScores(db, CONN, SCORES);
}

/** The account's rows as the store keeps them, with their outcomes: what rollUpAccount is given. */
function expectedDeals(): AccountDeal[] {
  const outcome = ['open', 'open', 'won', 'won', 'lost'] as const;
  return SCORES.slice(0, 5).map(({ scoredAt: _s, isOpen: _o, ...row }, i) => ({ ...row, outcome: outcome[i]! }));
}

describe('get-account-panel', () => {
  it("answers the Account page's account with rollUpAccount over the store's rows, and its Lightning page", async () => {
    const { db, deps, sender } = setup();
    await stored(db);
    const reply = await pageAccountPanel(deps, accountUrl(), sender);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const { account } = reply;
    expect(account).toMatchObject({ connectionId: CONN, accountId: ACME, name: 'Acme Corp', crmUrl: `${LIGHTNING}/lightning/r/Account/${ACME}/view` });
    expect(account.rollup).toEqual(rollUpAccount(expectedDeals()));
    // The worked numbers.
    expect(account.rollup.open.map((d) => d.id)).toEqual(['0065g0000000001AAA', '0065g0000000002AAA']);
    expect(account.rollup).toMatchObject({
      won: 2,
      lost: 1,
      lifetimeValue: 25_000,
      currency: 'USD',
      lastWin: '2026-09-15',
      repeatPurchases: 1,
      personaId: 'p1',
      personaName: 'Ops buyers',
      expectedWon: 0.5 * 10_000 + 0.2 * 30_000,
      health: 'at-risk',
    });
    expect(account.rollup.winRate).toBeCloseTo(2 / 3, 12);
  });

  it('refuses another origin and other pages, and says not-connected before the org is', async () => {
    const { db, deps, sender } = setup();
    expect(await pageAccountPanel(deps, accountUrl(), sender)).toMatchObject({ ok: false, code: 'not-connected' });
    await stored(db);
    expect(await pageAccountPanel(deps, `https://evil.lightning.force.com/lightning/r/Account/${ACME}/view`, sender)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not on the page/),
    });
    expect(await pageAccountPanel(deps, `${LIGHTNING}/lightning/r/Opportunity/0065g0000000001AAA/view`, sender)).toMatchObject({
      ok: false,
      code: 'not-an-opportunity',
    });
  });
});

describe('get-account', () => {
  it("answers any account of a connection; a file's account by its normalized name; refuses bad ids", async () => {
    const { db, deps } = setup();
    await stored(db);
    const other = await accountPanel(db, CONN, OTHER);
    expect(other.ok && other.account.rollup.open.map((d) => d.id)).toEqual(['0065g0000000006AAA']);
    expect(other.ok && other.account.rollup.expectedWon).toBe(0.9 * 99_000);

    // A file: the account's id is its normalized name; a row spelled otherwise still belongs to it.
    const FILE = 'csv';
    await upsertConnectionData(
      db,
      connection(FILE),
      [opp('a', { account: { id: 'initech', name: 'Initech' }, isClosed: true, isWon: true }), opp('b', { account: { id: 'initech', name: 'INITECH' } })],
      [],
      mapping(FILE),
      null,
    );
    await saveModels(db, model(FILE), []);
    await saveScores(db, FILE, [
      score(FILE, 'a', { isOpen: 0, amount: 100, currency: 'EUR' }),
      score(FILE, 'b', { amount: 50, currency: 'EUR', winPotential: 0.4 }),
    ]);
    const file = await accountPanel(db, FILE, 'initech');
    expect(file).toMatchObject({ ok: true, account: { name: 'INITECH', crmUrl: null, rollup: { won: 1, lost: 0, lifetimeValue: 100, expectedWon: 20 } } });
    // By name when no deal carries the id asked (an account id the store keys under the name).
    const byName = await accountPanel(db, FILE, 'Initech');
    expect(byName.ok && byName.account.rollup.won).toBe(1);

    expect(await accountPanel(db, CONN, '')).toMatchObject({ ok: false });
    expect(await accountPanel(db, CONN, 'x'.repeat(513))).toMatchObject({ ok: false });
    expect(await accountPanel(db, 'csv:none', 'initech')).toMatchObject({ ok: false, code: 'not-synced' });
    void deps;
  });
});
