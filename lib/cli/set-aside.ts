/**
 * The columns the models do not read, as the CLI says them: those set aside as known only
 * at the close (each with why, and how to put one back), then the rest in one line each
 * group. Shared by `evaluate` and `analyze`.
 */
import { SET_ASIDE_RULES, type DroppedFeature } from '../engine/encode';

export function describeSetAside(dropped: readonly DroppedFeature[]): string[] {
  const setAside = dropped.filter((d) => d.rule !== undefined && SET_ASIDE_RULES.has(d.rule));
  const excluded = dropped.filter((d) => d.rule === 'excluded');
  const other = dropped.filter((d) => !setAside.includes(d) && !excluded.includes(d));
  const lines: string[] = [];
  if (setAside.length > 0) {
    lines.push('  Set aside as known only at the close (--include COLS puts one back):');
    for (const d of setAside) lines.push(`    ${d.label}: ${d.reason}`);
  } else lines.push('  No column was set aside as known only at the close.');
  if (excluded.length > 0) lines.push(`  Left out by --exclude: ${excluded.map((d) => d.label).join(', ')}`);
  for (const d of other) lines.push(`  Not used: ${d.label}: ${d.reason}`);
  return lines;
}
