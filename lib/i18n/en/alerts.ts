/** The at-risk notification's strings (lib/alerts), English. */
import type { Dictionary } from '../types';

export const alerts = {
  alerts_title: { one: '{count} deal newly at risk', other: '{count} deals newly at risk' },
  alerts_atRisk: 'health at risk',
  alerts_winDrop: 'Win Potential {before} → {after}',
  alerts_slip: 'likely closes after {date}',
  alerts_line: '{name}: {reasons}',
  alerts_more: { one: 'and {count} more', other: 'and {count} more' },
} as const satisfies Dictionary;
