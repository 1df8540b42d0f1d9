/** The at-risk notification's strings (lib/alerts), German: every key of ../en/alerts.ts. */
import type { alerts as en } from '../en/alerts';
import type { Translation } from '../types';

export const alerts = {
  alerts_title: { one: '{count} Deal neu gefährdet', other: '{count} Deals neu gefährdet' },
  alerts_atRisk: 'Zustand gefährdet',
  alerts_winDrop: 'Gewinnchance {before} → {after}',
  alerts_slip: 'Abschluss wahrscheinlich nach dem {date}',
  alerts_line: '{name}: {reasons}',
  alerts_more: { one: 'und {count} weiterer', other: 'und {count} weitere' },
} as const satisfies Translation<typeof en>;
