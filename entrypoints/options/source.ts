/**
 * The options page's source, as every page has one here: `OptionsSource` is declared with
 * the sections that use it (components/options/source.ts), since components never import
 * an entrypoint; the real one is store-source.ts.
 */
export type { BrowserTab, CsvReviewAnswer, OptionalPermissions, OptionsData, OptionsSource, RemovedConnection } from '../../components/options/source';
