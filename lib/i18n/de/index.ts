/**
 * The German dictionaries, one file per area, mirroring ../en/index.ts: each area exports
 * a `Translation` of its English dictionary (every key, nothing more).
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
