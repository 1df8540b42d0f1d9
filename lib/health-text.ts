/**
 * An open deal's health and days in stage in words a rep can act on (issue 16): the popup's
 * tooltips, the panels, and the export's "Health reasons" column all say the same thing.
 * Numbers are formatted for the user's locale; the stage is CRM text and only ever fills a
 * parameter. Types only from the engine, so the overlay can show it without engine code.
 */
import type { HealthLevel, HealthReason } from './engine/health/health';
import type { IsoDate } from './crm/opportunity';
import { formatDate, formatMoney, formatPercent } from './format';
import { t as globalT, type Translator } from './i18n';

/** How words and numbers are written: the browser's locale by default; a panel passes its own (components/ui/locale). */
export interface TextTools {
  t: Translator;
  money(amount: number | null, currency: string | null): string;
  percent(share: number | null): string;
  date(date: IsoDate | null): string;
}

const BROWSER: TextTools = {
  t: globalT,
  money: (amount, currency) => formatMoney(amount, currency),
  percent: (share) => formatPercent(share),
  date: (date) => formatDate(date),
};

const LEVEL_KEY = {
  'on-track': 'panels_health_onTrack',
  'needs-attention': 'panels_health_needsAttention',
  'at-risk': 'panels_health_atRisk',
} as const satisfies Record<HealthLevel, string>;

/** "On track", "Needs attention", "At risk". */
export function healthLabel(level: HealthLevel, { t }: TextTools = BROWSER): string {
  return t(LEVEL_KEY[level]);
}

/** One reason as a sentence: "Win Potential 12%, under half the org's 31%". `currency` is the deal's, for amounts. */
export function healthReasonText(reason: HealthReason, currency: string | null, tools: TextTools = BROWSER): string {
  const { t, percent, date, money } = tools;
  switch (reason.signal) {
    case 'low-win': {
      const params = { win: percent(reason.winPotential), base: percent(reason.baseRate) };
      return reason.winPotential < reason.baseRate / 2 ? t('panels_health_lowWinHalf', params) : t('panels_health_lowWin', params);
    }
    case 'past-close':
      return t('panels_health_pastClose', { count: reason.daysPast, date: date(reason.closeDate) });
    case 'stalled':
      return t('panels_health_stalled', { stage: reason.stage, count: reason.days, bound: Math.round(reason.boundDays) });
    case 'slip':
      return t('panels_health_slip', { date: date(reason.closeDate), p10: date(reason.p10), p90: date(reason.p90) });
    case 'amount-off': {
      const params = { amount: money(reason.amount, currency), p10: money(reason.p10, currency), p90: money(reason.p90, currency) };
      return reason.direction === 'above' ? t('panels_health_amountAbove', params) : t('panels_health_amountBelow', params);
    }
    case 'no-change':
      return t('panels_health_noChange', { count: reason.days, date: date(reason.since) });
  }
}

/** Every reason, one per line; "No warning signs" when there is none. */
export function healthReasonsText(reasons: readonly HealthReason[], currency: string | null, tools: TextTools = BROWSER): string {
  return reasons.length === 0 ? tools.t('panels_health_noReasons') : reasons.map((r) => healthReasonText(r, currency, tools)).join('\n');
}

/** What is known of a deal's time in its stage. */
export interface StageTimeFacts {
  stage: string | null;
  days: number | null;
  medianDays: number | null;
  stalledAfterDays: number | null;
}

/** The popup's tooltip: "Negotiation for 34 days; won deals: median 12, stalled after 20". */
export function stageTimeShort(facts: StageTimeFacts, { t }: TextTools = BROWSER): string | null {
  if (facts.days === null) return null;
  const stage = facts.stage ?? t('panels_stage_unknown');
  const head = t('panels_stage_for', { stage, count: facts.days });
  if (facts.medianDays === null) return t('panels_stage_noWon', { head });
  const median = Math.round(facts.medianDays);
  return facts.stalledAfterDays === null
    ? t('panels_stage_wonMedian', { head, median })
    : t('panels_stage_wonMedianBound', { head, median, bound: Math.round(facts.stalledAfterDays) });
}

/** The panel's sentence: "Negotiation for 34 days; deals that won spent a median 12 days there". */
export function stageTimeLong(facts: StageTimeFacts, { t }: TextTools = BROWSER): string | null {
  if (facts.days === null) return null;
  const head = t('panels_stage_for', { stage: facts.stage ?? t('panels_stage_unknown'), count: facts.days });
  if (facts.medianDays === null) return t('panels_stage_noWon', { head });
  return t('panels_stage_wonSpent', { head, count: Math.round(facts.medianDays) });
}
