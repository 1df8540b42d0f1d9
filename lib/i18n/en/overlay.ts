/**
 * The CRM overlay's own strings (entrypoints/*.content): its frame and the states the
 * background reports as error codes. The panels' strings are in panels.ts.
 */
import type { Dictionary } from '../types';

export const overlay = {
  overlay_brand: 'Dealsight',
  overlay_show: 'Show',
  overlay_hide: 'Hide',
  overlay_retry: 'Retry',
  overlay_openOptions: 'Open options',
  // What each CRM calls a customer's instance (lib/crm/*/connector.ts, `place`).
  overlay_placeOrg: 'org',
  overlay_placePortal: 'portal',
  overlay_notConnectedTitle: 'Connect Dealsight to this {crm} {place}',
  overlay_notConnectedBody:
    'Dealsight has no data for this {place} yet. Connect it in Dealsight’s options to see Repeat Buyer Potential, Win Potential and forecasts here.',
  overlay_notOpportunity: 'Dealsight shows its panels on opportunity records.',
  overlay_sessionExpiredTitle: '{crm} session expired',
  overlay_sessionExpiredBody: 'Log in to {crm} again, then reload this page.',
  overlay_noApiTitle: 'No API access',
  overlay_noApiBody: 'Your {crm} user cannot use the REST API (the “API Enabled” permission). Ask your admin, or import a CSV in Dealsight’s options.',
  overlay_noAnchor: 'Dealsight could not find this page’s record header, so its panel floats here.',
  overlay_copyStructure: 'Copy page structure',
  overlay_structureCopied: 'Copied: paste it into your bug report. It holds the page’s layout only, no names or data.',
  // A list chip's health (issue 16), where the row has room for it: short, as the popup's column says it.
  overlay_chipHealth_onTrack: 'On track',
  overlay_chipHealth_needsAttention: 'Attention',
  overlay_chipHealth_atRisk: 'At risk',
  overlay_chipHealthLabel: 'Health: {level}',
  overlay_chipHealthLong_needsAttention: 'needs attention',
  overlay_chipHealthLong_onTrack: 'on track',
  overlay_chipHealthLong_atRisk: 'at risk',
  overlay_structureManual: 'Copy this into your bug report (the page’s layout only, no names or data):',
  // List-view and board chips (components/overlay/list-chips.ts): short, beside a record's name.
  overlay_chipWin: 'Win {percent}',
  overlay_chipWinLabel: 'Win Potential {percent}',
  overlay_chipRbp: 'RBP {score}',
  overlay_chipRbpLabel: 'Repeat Buyer Potential {score} of 100',
} as const satisfies Dictionary;
