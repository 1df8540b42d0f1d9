/**
 * Attributes known only at or after the close must never be win-model features: a model
 * that learns "Loss Reason is filled → lost" scores perfectly on history and is useless
 * on open deals (issue 2, leakage rule). This is the rule by name; the engine adds a
 * data-driven one (fields filled on closed deals but empty on open ones).
 */
import { normalizeLabel } from './opportunity';

export interface LeakyAttribute {
  key: string;
  label: string;
  reason: string;
}

interface Rule {
  pattern: RegExp;
  reason: string;
}

/** Matched against the label with camelCase split, lower case, punctuation as spaces. */
const RULES: readonly Rule[] = [
  {
    pattern: /\b(loss|lost|won|win|closed?|churn) reasons?\b|\breasons? (for )?(loss|losing|lost|win|winning|won|clos(e|ed|ing))\b/,
    reason: 'records why the deal closed',
  },
  { pattern: /\blost to\b/, reason: 'is filled when the deal is lost' },
  {
    pattern: /^(stage|deal stage|status|probability|forecast|forecast category|won|closed|is won|is closed|is closed won|outcome|result)$/,
    reason: 'carries the outcome',
  },
  { pattern: /\bexpected revenue\b/, reason: 'is amount × probability, which follows the stage' },
  { pattern: /^age$|\bdays? (to|until) clos|\bdays open\b|\bsales cycle\b|\btime to close\b/, reason: 'counts days up to the close' },
  {
    pattern: /\bstage duration\b|\b(days|time) (spent )?in (the )?(current |last |latest |this )?(sales )?stage\b|\b(cumulative|latest) time in\b/,
    reason: 'counts days in the stage the deal was in last, which is the closing stage on closed deals',
  },
  // Measures of the finished sales cycle (IBM's "Sales Win Loss" sample: ../shared/data/README.md).
  {
    pattern: /\bstage change count\b|\b(number|count) of stage (changes|moves)\b|\bstage changes\b/,
    reason: 'counts stage changes up to the close',
  },
  { pattern: /\bratio (of )?days\b|\bto total days\b/, reason: "is a share of the whole sales cycle's days, known at its end" },
  {
    pattern: /\btotal days\b|\bdays identified through\b|\bdays (through|to) (closing|close)\b/,
    reason: 'counts days over the whole sales cycle, known at its end',
  },
  // X Education's leads (../shared/data/README.md): the sales team's status and ratings of a lead change as it is worked.
  {
    pattern: /^tags?$|\bstatus tags?\b|\b(lead|deal|sales|opportunity) status\b/,
    reason: "is the sales team's current status of the deal; on closed deals it says how it ended",
  },
  {
    pattern: /\b(lead|deal|opportunity|prospect) (quality|profile|grade|rating|temperature)\b|\b(activity|profile|engagement) (index|score)\b/,
    reason: 'rates the deal as the sales team works it; on closed deals the rating reflects how it ended',
  },
  { pattern: /\bfiscal (period|quarter|year|month|week)\b|\bclose (month|quarter|year|week)\b/, reason: 'is derived from the close date' },
  { pattern: /\blast stage change\b|\bdate (entered|exited)\b|\bstage (change|entered) date\b/, reason: 'dates stage changes up to the close' },
  { pattern: /^close date$|\bactual close\b|\bdate (closed|won|lost)\b|\b(closed|won|lost) (date|on|at)\b/, reason: 'is the close date' },
  { pattern: /\bnext step\b/, reason: 'is updated as the deal moves; on closed deals it records the end' },
  {
    pattern: /\blast (notable )?(modified|updated|activity|contacted|touch)\b|\bmodified (date|at|on)\b|\bupdated (date|at|on)\b/,
    reason: 'was last set after the close on closed deals',
  },
];

/** Why a column with this label is known only at the close, or null when nothing says so. */
export function closeTimeReason(label: string): string | null {
  const words = normalizeLabel(label.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
  return RULES.find((rule) => rule.pattern.test(words))?.reason ?? null;
}

/** The attributes whose label says they are set at or after the close. */
export function knownOnlyAtClose(fields: readonly { key: string; label: string }[]): LeakyAttribute[] {
  return fields.flatMap((f) => {
    const reason = closeTimeReason(f.label);
    return reason === null ? [] : [{ key: f.key, label: f.label, reason }];
  });
}
