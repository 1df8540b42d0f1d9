/**
 * The personas page's strings: lib/i18n's `t()` (the area is lib/i18n/en/personas.ts).
 * Components use `useLocale().t`, so numbers follow the page's locale; this is for code
 * outside a component tree (the page title).
 */
export { t as tpe } from '../../lib/i18n';
export type { PersonasKey } from '../../lib/i18n/en/personas';
