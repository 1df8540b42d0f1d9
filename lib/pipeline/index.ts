/**
 * The popup's pure pipeline logic: columns, sorting, filtering, search, filter options,
 * saved segments and the remembered view, and the virtual list's arithmetic. No DOM, no
 * browser APIs, no store: components/pipeline renders it, entrypoints/popup loads it.
 */
export * from './columns';
export * from './filter';
export * from './index-rows';
export * from './options';
export * from './record-url';
export * from './search';
export * from './segments';
export * from './sort';
export * from './stage-order';
export * from './status';
export * from './virtual';
