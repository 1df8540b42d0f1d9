/**
 * Deals newly at risk after a sync (issue 7, "Notifications"; issue 16): an open deal whose
 * health (lib/engine/health, under the connection's health profile) is now 'at-risk' and was
 * not at the previous training, so the notification and the popup's Health column say the
 * same thing, with the health's reasons. Rows scored before health existed carry none; for
 * them the earlier rule stands: the P50 close date moved past the CRM close date (a new
 * slip), or Win Potential fell by 20 points or more. Pure: the runner compares the scores
 * before and after a training, the background words and shows them. Deals new to this
 * training are not "newly" at risk: there is nothing to compare.
 */
import type { HealthReason } from '../engine/health/health';
import { formatPercent } from '../format';
import { healthReasonText } from '../health-text';
import { registerMessages, t } from '../i18n';
import { alerts as deAlerts } from '../i18n/de/alerts';
import { alerts } from '../i18n/en/alerts';
import type { PipelineRow } from '../panel-data';

// Its own strings travel with it: the background notifies without loading every area.
registerMessages('en', alerts);
registerMessages('de', deAlerts);

/** A fall of this much Win Potential (0–1) between two trainings puts a deal at risk. */
export const WIN_DROP = 0.2;

/** 'health': the health turned at-risk (its reasons in `healthReasons`); the others: the rule for rows without health. */
export type RiskReason = 'health' | 'slip' | 'win-drop';

export interface AtRiskDeal {
  connectionId: string;
  id: string;
  name: string;
  accountName: string | null;
  amount: number | null;
  currency: string | null;
  reasons: RiskReason[];
  /** Win Potential before and after (0–1), when both exist. */
  winBefore: number | null;
  winAfter: number | null;
  closeDate: string | null;
  predictedClose: string | null;
  /** Why the health is at risk, when that is the reason. */
  healthReasons?: HealthReason[];
}

type Row = Pick<
  PipelineRow,
  'connectionId' | 'id' | 'name' | 'accountName' | 'amount' | 'currency' | 'winPotential' | 'slip' | 'closeDate' | 'predictedClose' | 'health' | 'healthReasons'
>;

/** Why `row` is newly at risk against `old`, or nothing. */
function reasonsOf(old: Row, row: Row): RiskReason[] {
  if (old.health && row.health) return row.health === 'at-risk' && old.health !== 'at-risk' ? ['health'] : [];
  const reasons: RiskReason[] = [];
  if (row.slip && !old.slip) reasons.push('slip');
  // A small epsilon: 0.62 → 0.42 is a 20-point drop even in floating point.
  if (old.winPotential !== null && row.winPotential !== null && old.winPotential - row.winPotential >= WIN_DROP - 1e-9) reasons.push('win-drop');
  return reasons;
}

/** `next`'s open deals that are at risk now and were not in `previous`; biggest amounts first. */
export function newlyAtRisk(previous: readonly Row[], next: readonly Row[]): AtRiskDeal[] {
  const before = new Map(previous.map((row) => [row.id, row]));
  const out: AtRiskDeal[] = [];
  for (const row of next) {
    const old = before.get(row.id);
    if (!old) continue;
    const reasons = reasonsOf(old, row);
    if (reasons.length === 0) continue;
    out.push({
      connectionId: row.connectionId,
      id: row.id,
      name: row.name,
      accountName: row.accountName,
      amount: row.amount,
      currency: row.currency,
      reasons,
      winBefore: old.winPotential,
      winAfter: row.winPotential,
      closeDate: row.closeDate,
      predictedClose: row.predictedClose,
      ...(reasons.includes('health') ? { healthReasons: row.healthReasons ?? [] } : {}),
    });
  }
  return out.sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || a.name.localeCompare(b.name));
}

/**
 * One line per deal for a notification: "Acme renewal: Win Potential 62% → 38%; likely closes
 * after Mar 31", or, by health, its two most serious reasons ("Acme renewal: Win Potential 12%,
 * under half the org's 31%; Close date … passed 5 days ago").
 */
export function riskLine(deal: AtRiskDeal, formatDate: (iso: string) => string = (iso) => iso): string {
  const parts: string[] = [];
  if (deal.reasons.includes('health')) {
    const reasons = (deal.healthReasons ?? []).slice(0, 2).map((r) => healthReasonText(r, deal.currency));
    parts.push(...(reasons.length > 0 ? reasons : [t('alerts_atRisk')]));
  }
  if (deal.reasons.includes('win-drop') && deal.winBefore !== null && deal.winAfter !== null) {
    parts.push(t('alerts_winDrop', { before: formatPercent(deal.winBefore), after: formatPercent(deal.winAfter) }));
  }
  if (deal.reasons.includes('slip') && deal.closeDate) parts.push(t('alerts_slip', { date: formatDate(deal.closeDate) }));
  return t('alerts_line', { name: deal.name, reasons: parts.join('; ') });
}

/** The notification's title and up to `max` lines, with "and N more" when there are more. */
export function riskMessage(deals: readonly AtRiskDeal[], max = 4, formatDate?: (iso: string) => string): { title: string; lines: string[] } | null {
  if (deals.length === 0) return null;
  const lines = deals.slice(0, max).map((deal) => riskLine(deal, formatDate));
  if (deals.length > max) lines.push(t('alerts_more', { count: deals.length - max }));
  return { title: t('alerts_title', { count: deals.length }), lines };
}

export interface AtRiskRecord {
  /** The job whose training found them. */
  jobId: number | null;
  at: string;
  deals: AtRiskDeal[];
}
