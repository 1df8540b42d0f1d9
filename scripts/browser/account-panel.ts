/**
 * The account panel (issue 16) as e2e tests and the demo meet it: what the panel on a CRM
 * page shows, read from its closed shadow root through ./shadow.ts, and what it should show,
 * computed from the extension's store with the panel's own function (`rollUpAccount` over
 * the account's stored opportunities and their pipeline rows, as
 * lib/store/account-deals.ts selects them by the account's id).
 */
import type { Page } from 'puppeteer';
import { rollUpAccount, type AccountDeal, type AccountRollup } from '../../lib/pipeline/account-rollup';
import type { OpportunityRecord, ScoreRecord } from '../../lib/store/schema';
import { evaluateWithRoots } from './shadow';
import { readTable } from './store-reader';

/** One open opportunity's row in the panel: its id, the raw values (`data-value`) of its cells and its link. */
export interface ShownAccountDeal {
  id: string;
  name: string;
  href: string | null;
  winPotential: string;
  repeatBuyerPotential: string;
  health: string;
  predictedClose: string;
}

/** What the page's one account panel shows, or null while there is none with the account state. */
export interface ShownAccountPanel {
  /** The raw value (`data-value`) of every figure, by its name, health among them. */
  fields: Record<string, string>;
  deals: ShownAccountDeal[];
  /** The "Open in the CRM" link. */
  crmUrl: string | null;
  title: string;
  theme: string | null;
}

/** A script for `evaluateWithRoots`: the one `dealsight-panel` host's account panel. */
const READ_PANEL = `(() => {
  const hosts = document.querySelectorAll('dealsight-panel');
  if (hosts.length !== 1) return null;
  const root = rootOf(hosts[0]);
  const frame = root && root.querySelector('[data-overlay-state]');
  if (!frame || frame.getAttribute('data-overlay-state') !== 'account') return null;
  const card = root.querySelector('[data-account-section="open"]');
  if (!card) return null;
  const fields = {};
  root.querySelectorAll('[data-account-field]').forEach((el) => { fields[el.getAttribute('data-account-field')] = el.getAttribute('data-value') ?? ''; });
  const deals = Array.from(root.querySelectorAll('[data-account-deal]')).map((tr) => {
    const cells = tr.querySelectorAll('td');
    const link = tr.querySelector('a[data-deal-link]');
    return {
      id: tr.getAttribute('data-account-deal'),
      name: tr.querySelector('th').textContent,
      href: link ? link.href : null,
      winPotential: cells[0].getAttribute('data-value'),
      repeatBuyerPotential: cells[1].getAttribute('data-value'),
      health: cells[2].getAttribute('data-value'),
      predictedClose: cells[3].getAttribute('data-value'),
    };
  });
  const open = root.querySelector('a[data-action="open-account"]');
  const themed = root.querySelector('[data-ds-theme]');
  const heading = root.querySelector('h2');
  return { fields, deals, crmUrl: open ? open.href : null, title: heading ? heading.textContent : '', theme: themed ? themed.getAttribute('data-ds-theme') : null };
})()`;

export function readAccountPanel(page: Page): Promise<ShownAccountPanel | null> {
  return evaluateWithRoots(page, READ_PANEL) as Promise<ShownAccountPanel | null>;
}

/** Waits until the page shows one account panel (polling the closed root), and returns it. */
export async function waitForAccountPanel(page: Page, timeoutMs = 60_000): Promise<ShownAccountPanel> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const shown = await readAccountPanel(page);
    if (shown !== null) return shown;
    if (Date.now() > until) throw new Error(`No account panel within ${timeoutMs} ms on ${page.url()}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The stored opportunities of a connection and their pipeline rows, read from an extension page. */
export interface StoredPipeline {
  opportunities: OpportunityRecord[];
  scores: Map<string, ScoreRecord>;
}

export async function readStoredPipeline(extensionPage: Page, connectionPrefix: string): Promise<StoredPipeline> {
  const opportunities = (await readTable<OpportunityRecord>(extensionPage, 'opportunities')).filter((r) => r.connectionId.startsWith(connectionPrefix));
  const scores = (await readTable<ScoreRecord>(extensionPage, 'scores')).filter((r) => r.connectionId.startsWith(connectionPrefix));
  return { opportunities, scores: new Map(scores.map((s) => [s.id, s])) };
}

/** The account's opportunities with pipeline rows, in id order, as the background gives them to `rollUpAccount`. */
export function accountDeals(stored: StoredPipeline, accountId: string): AccountDeal[] {
  return stored.opportunities
    .filter((r) => r.opportunity.account?.id === accountId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((r) => {
      const row = stored.scores.get(r.id);
      if (row === undefined) return [];
      const { scoredAt: _scoredAt, isOpen: _isOpen, ...pipeline } = row;
      const o = r.opportunity;
      return [{ ...pipeline, outcome: !o.isClosed ? ('open' as const) : o.isWon ? ('won' as const) : ('lost' as const) }];
    });
}

/** The account the store knows most about: the most open deals with Win Potential, then the most closed ones (ties: the smaller id). */
export function richestAccount(stored: StoredPipeline, skip: ReadonlySet<string> = new Set()): { id: string; name: string } {
  const counts = new Map<string, { name: string; open: number; closed: number }>();
  for (const r of stored.opportunities) {
    const account = r.opportunity.account;
    const row = stored.scores.get(r.id);
    if (account === null || row === undefined || skip.has(account.id)) continue;
    const entry = counts.get(account.id) ?? { name: account.name, open: 0, closed: 0 };
    if (r.opportunity.isClosed) entry.closed += 1;
    else if (row.winPotential !== null) entry.open += 1;
    counts.set(account.id, entry);
  }
  const [best] = [...counts].sort(([a, x], [b, y]) => y.open - x.open || y.closed - x.closed || (a < b ? -1 : 1));
  if (best === undefined) throw new Error('The store holds no opportunity with an account.');
  return { id: best[0], name: best[1].name };
}

/** A figure's raw value as the panel writes it (`data-value`): the number's own text, '' for null. */
const raw = (value: number | string | null): string => (value === null ? '' : String(value));

/** What the panel must show for `rollup`, in the panel's raw values: compare with `readAccountPanel`'s answer. */
export function expectedPanel(rollup: AccountRollup): Pick<ShownAccountPanel, 'fields'> & { deals: Array<Omit<ShownAccountDeal, 'href' | 'name'>> } {
  return {
    fields: {
      health: raw(rollup.health),
      expectedWon: raw(rollup.expectedWon),
      won: raw(rollup.won),
      lost: raw(rollup.lost),
      winRate: raw(rollup.winRate),
      lastWin: raw(rollup.lastWin),
      lifetimeValue: raw(rollup.lifetimeValue),
      repeatPurchases: raw(rollup.repeatPurchases),
      persona: raw(rollup.personaId),
    },
    deals: rollup.open.map((d) => ({
      id: d.id,
      winPotential: raw(d.winPotential),
      repeatBuyerPotential: raw(d.repeatBuyerPotential),
      health: raw(d.health ?? null),
      predictedClose: raw(d.predictedClose),
    })),
  };
}

export { rollUpAccount };
