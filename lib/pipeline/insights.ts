/**
 * Pipeline insights (issue 7): the open pipeline broken down by persona, type and
 * territory, the spread of its Win Potential, and each persona's win rate. Pure functions
 * of the stored score rows and persona records, so the page computes them as it reads.
 */
import type { PipelineRow } from '../panel-data';
import type { PersonaRecord } from '../store/schema';

export type BreakdownField = 'persona' | 'type' | 'territory';

export interface BreakdownGroup {
  /** The value grouped on (a persona id, a type, a territory); null for deals without one. */
  key: string | null;
  /** As people read it (a persona's name); null for deals without one. */
  label: string | null;
  deals: number;
  /** Sum of the amounts in the pipeline's main currency (deals in other currencies are left out of it). */
  amount: number;
  /** Deals with an amount in another currency, not in `amount`. */
  otherCurrency: number;
  /** Mean Win Potential of the group's scored deals; null when none is scored. */
  meanWin: number | null;
  /** Sum of amount × Win Potential over the scored deals in the main currency: the expected won amount. */
  expected: number;
}

export interface Breakdown {
  field: BreakdownField;
  /** The currency most amounts are in; null without amounts. */
  currency: string | null;
  /** Largest group first (by deals, then amount, then name); "none" last. */
  groups: BreakdownGroup[];
}

/** The currency most of the rows' amounts are in (the first in name order on a tie); null without amounts. */
export function mainCurrency(rows: readonly PipelineRow[]): string | null {
  const counts = new Map<string, number>();
  for (const row of rows) if (row.amount !== null && Number.isFinite(row.amount)) counts.set(row.currency ?? '', (counts.get(row.currency ?? '') ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [currency, count] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count > bestCount) {
      best = currency;
      bestCount = count;
    }
  }
  return best === '' ? null : best;
}

function groupKey(row: PipelineRow, field: BreakdownField): { key: string | null; label: string | null } {
  switch (field) {
    case 'persona':
      return { key: row.personaId, label: row.personaName ?? row.personaId };
    case 'type':
      return { key: row.type, label: row.type };
    case 'territory':
      return { key: row.territory, label: row.territory };
  }
}

/** Open deals grouped by persona, type or territory. */
export function breakdown(rows: readonly PipelineRow[], field: BreakdownField): Breakdown {
  const currency = mainCurrency(rows);
  const groups = new Map<string | null, BreakdownGroup & { scored: number; winSum: number }>();
  for (const row of rows) {
    const { key, label } = groupKey(row, field);
    let group = groups.get(key);
    if (!group) {
      group = { key, label, deals: 0, amount: 0, otherCurrency: 0, meanWin: null, expected: 0, scored: 0, winSum: 0 };
      groups.set(key, group);
    }
    group.deals += 1;
    const hasAmount = row.amount !== null && Number.isFinite(row.amount);
    const inMain = hasAmount && (row.currency ?? null) === currency;
    if (inMain) group.amount += row.amount as number;
    else if (hasAmount) group.otherCurrency += 1;
    if (row.winPotential !== null && Number.isFinite(row.winPotential)) {
      group.scored += 1;
      group.winSum += row.winPotential;
      if (inMain) group.expected += (row.amount as number) * row.winPotential;
    }
  }
  const list = [...groups.values()].map(({ scored, winSum, ...group }) => ({ ...group, meanWin: scored > 0 ? winSum / scored : null }));
  list.sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return b.deals - a.deals || b.amount - a.amount || ((a.label ?? '') < (b.label ?? '') ? -1 : (a.label ?? '') > (b.label ?? '') ? 1 : 0);
  });
  return { field, currency, groups: list };
}

export interface HistogramBin {
  /** Lower and upper edge (0..1); the last bin includes 1. */
  from: number;
  to: number;
  count: number;
}

/** Win Potential of the rows in `bins` equal-width bins over [0, 1], and how many rows have none. */
export function scoreHistogram(rows: readonly PipelineRow[], bins = 10): { bins: HistogramBin[]; unscored: number; scored: number } {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`scoreHistogram: bins must be a positive integer, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  let unscored = 0;
  for (const row of rows) {
    const p = row.winPotential;
    if (p === null || !Number.isFinite(p)) {
      unscored++;
      continue;
    }
    counts[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))]! += 1;
  }
  return { bins: counts.map((count, b) => ({ from: b / bins, to: (b + 1) / bins, count })), unscored, scored: rows.length - unscored };
}

export interface PersonaWinRate {
  id: string;
  name: string;
  /** Won share of the closed deals aligned with the persona; null when none was. */
  winRate: number | null;
  /** Closed deals aligned with the persona (what the rate is out of). */
  closed: number;
  /** Won deals in the persona's cluster. */
  size: number;
  /** Open deals whose best-aligned org persona it is. */
  open: number;
}

/** The org personas' win rates, best first (personas without a rate last), with their open deals. */
export function personaWinRates(personas: readonly PersonaRecord[], openRows: readonly PipelineRow[]): PersonaWinRate[] {
  const open = new Map<string, number>();
  for (const row of openRows) if (row.personaId) open.set(row.personaId, (open.get(row.personaId) ?? 0) + 1);
  return personas
    .filter((record) => record.level === 'org')
    .map(({ persona }) => ({
      id: persona.id,
      name: persona.name,
      winRate: persona.winRate,
      closed: persona.alignedClosed,
      size: persona.size,
      open: open.get(persona.id) ?? 0,
    }))
    .sort((a, b) => (b.winRate ?? -1) - (a.winRate ?? -1) || b.closed - a.closed || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
