/**
 * Readable ranges for lead filters. Persona ranges are the engine's bands, (min, max]:
 * the lower edge belongs to the band below (lib/engine/personas/describe.ts), so a
 * head-count range {min: 200, max: 1000} is 201–1,000 employees.
 */
import type { ValueRange } from '../engine/personas/describe';

/** The smallest and largest whole head count in a range (1 at least; Infinity when open). */
export function headCountBounds(range: ValueRange): { from: number; to: number } {
  const from = range.min === null ? 1 : Math.max(1, Math.floor(range.min) + 1);
  const to = range.max === null ? Infinity : Math.floor(range.max);
  return { from, to };
}

/** "201–1,000", "5,001+", "1–50". */
export function employeeRangeLabel(range: ValueRange): string {
  const { from, to } = headCountBounds(range);
  const plain = (n: number): string => n.toLocaleString('en-US');
  return to === Infinity ? `${plain(from)}+` : `${plain(from)}–${plain(to)}`;
}

/** "500K", "12.5M", "2B". */
export function compactAmount(x: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (Math.abs(x) >= size) return `${Number((x / size).toFixed(1))}${suffix}`;
  }
  return String(Math.round(x));
}

/** "10M–50M", "up to 5M", "100M+" (amounts in the CRM's own currency). */
export function revenueRangeLabel(range: ValueRange): string {
  if (range.min === null && range.max !== null) return `up to ${compactAmount(range.max)}`;
  if (range.min !== null && range.max === null) return `${compactAmount(range.min)}+`;
  if (range.min !== null && range.max !== null) return `${compactAmount(range.min)}–${compactAmount(range.max)}`;
  return 'any';
}
