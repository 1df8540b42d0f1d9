/**
 * The English dictionaries, one file per area. Adding an area is one line here:
 * `export { popup } from './popup';`, where popup.ts exports `popup`, a `Dictionary`
 * whose keys all start with `popup_` (test/components/i18n.test.ts checks the prefix and the names).
 */
export { common } from './common';
export { panels } from './panels';
export { options } from './options';
export { popup } from './popup';
export { overlay } from './overlay';
export { personas } from './personas';
export { alerts } from './alerts';
export { quality } from './quality';
export { jobs } from './jobs';
export { background } from './background';
