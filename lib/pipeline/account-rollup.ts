/**
 * One account's opportunities rolled up (issue 16, the customer-success product's account
 * widget, whose opportunities feed the account's health): its open deals, its won and lost
 * history, how often it bought again and what it has spent, the persona its won deals are
 * closest to, the expected won amount of its open pipeline, and a health from its open
 * deals'. Pure: computed from the pipeline rows the store keeps (one per opportunity, open
 * and closed), so the panel shows the store's numbers.
 */
import type { IsoDate } from '../crm/opportunity';
import type { HealthLevel } from '../engine/health/health';
import type { PipelineRow } from '../panel-data';

/** The share of the open pipeline (by amount, or by count when amounts are missing) at risk that makes the account at risk. */
export const ACCOUNT_RISK_SHARE = 1 / 3;

/** One of the account's opportunities: its pipeline row and how it stands. */
export type AccountDeal = PipelineRow & { outcome: 'open' | 'won' | 'lost' };

export interface AccountRollup {
  open: AccountDeal[];
  won: number;
  lost: number;
  /** Won ÷ closed; null with no closed deal. */
  winRate: number | null;
  /** Sum of won amounts in the account's currency; null when no won deal has an amount or currencies differ. */
  lifetimeValue: number | null;
  currency: string | null;
  lastWin: IsoDate | null;
  /** Won deals after the first: how often the account bought again. */
  repeatPurchases: number;
  /** The persona most of its won deals belong to (ties: the first in name order); null without one. */
  personaId: string | null;
  personaName: string | null;
  /** Σ Win Potential × amount over open deals with both; null when none has both. */
  expectedWon: number | null;
  health: HealthLevel | null;
}

export function rollUpAccount(deals: readonly AccountDeal[]): AccountRollup {
  const open = deals.filter((r) => r.outcome === 'open');
  const closed = deals.filter((r) => r.outcome !== 'open');
  const won = closed.filter((r) => r.outcome === 'won');
  const currencies = new Set(won.map((r) => r.currency).filter((c): c is string => c !== null));
  const amounts = won.map((r) => r.amount).filter((a): a is number => a !== null);
  const lifetimeValue = amounts.length > 0 && currencies.size <= 1 ? amounts.reduce((a, b) => a + b, 0) : null;
  const lastWin = won.reduce<IsoDate | null>((latest, r) => (r.closeDate !== null && (latest === null || r.closeDate > latest) ? r.closeDate : latest), null);
  const personas = new Map<string, { name: string | null; count: number }>();
  for (const r of won) {
    if (r.personaId === null) continue;
    const entry = personas.get(r.personaId) ?? { name: r.personaName, count: 0 };
    entry.count += 1;
    personas.set(r.personaId, entry);
  }
  const top = [...personas].sort(([a, x], [b, y]) => y.count - x.count || (x.name ?? a).localeCompare(y.name ?? b))[0];
  const valued = open.filter((r) => r.amount !== null && r.winPotential !== null);
  return {
    open,
    won: won.length,
    lost: closed.length - won.length,
    winRate: closed.length > 0 ? won.length / closed.length : null,
    lifetimeValue,
    currency: currencies.size === 1 ? ([...currencies][0] as string) : null,
    lastWin,
    repeatPurchases: Math.max(0, won.length - 1),
    personaId: top?.[0] ?? null,
    personaName: top?.[1].name ?? null,
    expectedWon: valued.length > 0 ? valued.reduce((sum, r) => sum + (r.winPotential as number) * (r.amount as number), 0) : null,
    health: accountHealth(open),
  };
}

/**
 * An account's health from its open deals': at risk when at least a third of its open
 * pipeline is at risk (by amount where every open deal has one, else by count); needs
 * attention when any open deal is at risk or at least a third needs attention; else on
 * track. Null without open deals that have a health.
 */
export function accountHealth(open: readonly PipelineRow[]): HealthLevel | null {
  const rated = open.filter((r) => r.health !== undefined && r.health !== null);
  if (rated.length === 0) return null;
  const byAmount = rated.every((r) => r.amount !== null && r.amount > 0);
  const weight = (r: PipelineRow): number => (byAmount ? (r.amount as number) : 1);
  const total = rated.reduce((sum, r) => sum + weight(r), 0);
  const share = (level: HealthLevel): number => rated.filter((r) => r.health === level).reduce((sum, r) => sum + weight(r), 0) / total;
  if (share('at-risk') >= ACCOUNT_RISK_SHARE) return 'at-risk';
  if (share('at-risk') > 0 || share('needs-attention') >= ACCOUNT_RISK_SHARE) return 'needs-attention';
  return 'on-track';
}
