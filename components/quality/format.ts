/** Number formats the quality page needs beyond components/ui's: fixed decimals (AUC as the CLI prints it) and drift buckets. */
import type { DriftBucket } from '../../lib/engine/drift';
import type { LocaleTools } from '../ui/locale';

const fixedFormats = new Map<string, Intl.NumberFormat>();

/** `value` with exactly `digits` decimals in the locale ("0.754"; "0,754" in German); "–" when not finite. */
export function fixed(value: number, digits: number, locale: string | undefined): string {
  if (!Number.isFinite(value)) return '–';
  const key = `${locale}|${digits}`;
  let format = fixedFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedFormats.set(key, format);
  }
  return format.format(value);
}

/** A drift bucket as people read it: the category, "(empty)", or a range of values. */
export function bucketLabel(bucket: DriftBucket, tools: LocaleTools): string {
  const { t, number } = tools;
  switch (bucket.kind) {
    case 'level':
      return bucket.value;
    case 'empty':
      return t('quality_driftEmpty');
    case 'range': {
      const n = (v: number): string => number(v, Math.abs(v) >= 100 ? 0 : 2);
      if (bucket.from === null && bucket.to !== null) return t('quality_driftBelow', { to: n(bucket.to) });
      if (bucket.to === null && bucket.from !== null) return t('quality_driftAbove', { from: n(bucket.from) });
      if (bucket.from !== null && bucket.to !== null) return t('quality_driftRange', { from: n(bucket.from), to: n(bucket.to) });
      return t('quality_driftEmpty');
    }
  }
}
