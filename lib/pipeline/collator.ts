/**
 * How the pipeline compares text, for sorting (sort.ts, through the index's collator) and
 * for the filters' choices (options.ts). Its own file so that index-rows.ts and sort.ts do
 * not import each other (issue 11: no cycles).
 */
let defaultCollator: Intl.Collator | null = null;
/** Case- and accent-insensitive, numbers in text by value ("Deal 9" before "Deal 10"). */
export function pipelineCollator(locale?: string): Intl.Collator {
  if (locale !== undefined) return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  defaultCollator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return defaultCollator;
}
