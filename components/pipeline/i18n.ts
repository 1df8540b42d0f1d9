/**
 * The popup's strings: lib/i18n's `t()` (the popup area is lib/i18n/en/popup.ts), plus the
 * key types the popup's label tables use.
 */
import type { popup, PopupKey } from '../../lib/i18n/en/popup';
import type { PluralMessage } from '../../lib/i18n/types';

export { t as tp } from '../../lib/i18n';
export type { PopupKey };

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type PlaceholdersOf<M> = M extends string ? Placeholders<M> : M extends PluralMessage ? 'count' | Placeholders<Exclude<M[keyof M], undefined>> : never;

/** The keys whose messages take no parameters (for tables of labels). */
export type PopupPlainKey = { [K in PopupKey]: [PlaceholdersOf<(typeof popup)[K]>] extends [never] ? K : never }[PopupKey];
