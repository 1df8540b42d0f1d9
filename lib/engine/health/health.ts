/**
 * An open opportunity's health, with reasons a rep can act on (issue 16): on track, needs
 * attention or at risk, from the signals its health profile (./profile.ts) switches on. One
 * 'risk' signal (Win Potential far under the org's win rate, a close date already past) puts
 * the deal at risk; 'attention' signals (stalled in its stage, a close date before the
 * predicted range, an amount far outside it, no stage change for long) each need a look, and
 * `attentionForRisk` of them together are a risk too. Pure: the same facts give the same
 * health, and every reason carries the numbers it was decided on.
 */
import { daysBetween, type IsoDate } from '../../crm/opportunity';
import { SEVERITY, SIGNALS, type HealthProfile, type HealthSignal, type Severity } from './profile';

export type HealthLevel = 'on-track' | 'needs-attention' | 'at-risk';

/** What is known of an open deal on the day asked; null where a model or the CRM does not say. */
export interface HealthFacts {
  asOf: IsoDate;
  winPotential: number | null;
  /** The org's win rate among closed deals. */
  baseRate: number | null;
  stage: string | null;
  /** Days in the current stage, and the won deals' stalled bound there (lib/engine/stage-times.ts). */
  daysInStage: number | null;
  stalledAfterDays: number | null;
  crmCloseDate: IsoDate | null;
  predictedClose: { p10: IsoDate; p90: IsoDate } | null;
  /** The CRM close date is before the predicted range (the forecast's own rule). */
  slip: boolean;
  crmAmount: number | null;
  predictedAmount: { p10: number; p90: number } | null;
  /** The day of the last stage change, else the day the deal was created. */
  lastChange: IsoDate | null;
}

export type HealthReason =
  | { signal: 'low-win'; severity: Severity; winPotential: number; baseRate: number }
  | { signal: 'past-close'; severity: Severity; closeDate: IsoDate; daysPast: number }
  | { signal: 'stalled'; severity: Severity; stage: string; days: number; boundDays: number }
  | { signal: 'slip'; severity: Severity; closeDate: IsoDate; p10: IsoDate; p90: IsoDate }
  | { signal: 'amount-off'; severity: Severity; amount: number; p10: number; p90: number; direction: 'above' | 'below' }
  | { signal: 'no-change'; severity: Severity; since: IsoDate; days: number };

export interface Health {
  level: HealthLevel;
  /** Most serious first, then in the profile's order. */
  reasons: HealthReason[];
}

function check(signal: HealthSignal, facts: HealthFacts, threshold: number): HealthReason | null {
  const severity = SEVERITY[signal];
  switch (signal) {
    case 'low-win':
      return facts.winPotential !== null && facts.baseRate !== null && facts.baseRate > 0 && facts.winPotential < facts.baseRate * threshold
        ? { signal, severity, winPotential: facts.winPotential, baseRate: facts.baseRate }
        : null;
    case 'past-close': {
      if (facts.crmCloseDate === null) return null;
      const daysPast = daysBetween(facts.crmCloseDate, facts.asOf);
      return daysPast > threshold ? { signal, severity, closeDate: facts.crmCloseDate, daysPast } : null;
    }
    case 'stalled':
      return facts.stage !== null && facts.daysInStage !== null && facts.stalledAfterDays !== null && facts.daysInStage > facts.stalledAfterDays
        ? { signal, severity, stage: facts.stage, days: facts.daysInStage, boundDays: facts.stalledAfterDays }
        : null;
    case 'slip':
      return facts.slip && facts.crmCloseDate !== null && facts.predictedClose !== null
        ? { signal, severity, closeDate: facts.crmCloseDate, p10: facts.predictedClose.p10, p90: facts.predictedClose.p90 }
        : null;
    case 'amount-off': {
      const range = facts.predictedAmount;
      if (facts.crmAmount === null || range === null) return null;
      if (facts.crmAmount > range.p90 * (1 + threshold))
        return { signal, severity, amount: facts.crmAmount, p10: range.p10, p90: range.p90, direction: 'above' };
      if (facts.crmAmount < range.p10 * (1 - threshold))
        return { signal, severity, amount: facts.crmAmount, p10: range.p10, p90: range.p90, direction: 'below' };
      return null;
    }
    case 'no-change': {
      if (facts.lastChange === null) return null;
      const days = daysBetween(facts.lastChange, facts.asOf);
      return days > threshold ? { signal, severity, since: facts.lastChange, days } : null;
    }
  }
}

/** The health of an open deal under a profile. */
export function healthOf(facts: HealthFacts, profile: HealthProfile): Health {
  const reasons: HealthReason[] = [];
  for (const signal of SIGNALS) {
    const setting = profile.signals[signal];
    if (!setting.enabled) continue;
    const reason = check(signal, facts, setting.threshold);
    if (reason) reasons.push(reason);
  }
  reasons.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'risk' ? -1 : 1));
  const risks = reasons.filter((r) => r.severity === 'risk').length;
  const attention = reasons.length - risks;
  const level: HealthLevel = risks > 0 || attention >= profile.attentionForRisk ? 'at-risk' : attention > 0 ? 'needs-attention' : 'on-track';
  return { level, reasons };
}

/** Health levels from the best to the worst, for sorting and filters. */
export const HEALTH_LEVELS: readonly HealthLevel[] = ['on-track', 'needs-attention', 'at-risk'];
