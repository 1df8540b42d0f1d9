import { formatNumber } from '../../lib/format';
import { t } from './i18n';

const UNITS = ['options_bytesB', 'options_bytesKB', 'options_bytesMB', 'options_bytesGB', 'options_bytesTB'] as const;

/** 1_234_567 → "1.2 MB" (decimal units, as browsers and operating systems show file sizes). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return t(UNITS[unit] ?? 'options_bytesB', { n: formatNumber(value, { digits }) });
}
