/**
 * Quick wins (issue 16, after the opportunity-intelligence product's "quick wins" list): the
 * open deals most worth a rep's time this week. The rule, which the popup's tooltip states:
 * - likely to win: Win Potential at least `QUICK_WIN_MIN_WIN`, and at least 1.5 times the
 *   org's win rate (so a quick win stands out in an org that wins most of its deals too);
 * - closing soon: the predicted close (or, without a prediction, the CRM's close date)
 *   within `QUICK_WIN_DAYS` days of the scores' day, and not before it;
 * - moving: not stalled in its stage, and not at risk.
 * Ordered by expected value (Win Potential × amount, deals without an amount last), then by
 * the sooner close; at most `QUICK_WIN_LIMIT` of them.
 */
import { daysBetween, type IsoDate } from '../crm/opportunity';
import type { PipelineRow } from '../panel-data';

export const QUICK_WIN_MIN_WIN = 0.5;
export const QUICK_WIN_LIFT = 1.5;
export const QUICK_WIN_DAYS = 30;
export const QUICK_WIN_LIMIT = 25;

/** The Win Potential a quick win needs in an org that wins `baseRate` of its closed deals (never above 0.9). */
export function quickWinBar(baseRate: number | null): number {
  return Math.min(0.9, Math.max(QUICK_WIN_MIN_WIN, (baseRate ?? 0) * QUICK_WIN_LIFT));
}

/** The day a deal is expected to close: the prediction, else the CRM's date. */
function expectedClose(row: PipelineRow): IsoDate | null {
  return row.predictedClose ?? row.closeDate;
}

/** Whether one open row is a quick win as of `asOf`. */
export function isQuickWin(row: PipelineRow, asOf: IsoDate, bar: number): boolean {
  if (row.winPotential === null || row.winPotential < bar) return false;
  const close = expectedClose(row);
  if (close === null) return false;
  const days = daysBetween(asOf, close);
  if (days < 0 || days > QUICK_WIN_DAYS) return false;
  return row.stalled !== true && row.health !== 'at-risk';
}

/** The quick wins among open rows, best first. */
export function quickWins(rows: readonly PipelineRow[], asOf: IsoDate, baseRate: number | null): PipelineRow[] {
  const bar = quickWinBar(baseRate);
  const value = (row: PipelineRow): number => (row.amount === null ? -1 : (row.winPotential ?? 0) * row.amount);
  return rows
    .filter((row) => isQuickWin(row, asOf, bar))
    .sort((a, b) => value(b) - value(a) || (expectedClose(a) ?? '').localeCompare(expectedClose(b) ?? '') || a.id.localeCompare(b.id))
    .slice(0, QUICK_WIN_LIMIT);
}
