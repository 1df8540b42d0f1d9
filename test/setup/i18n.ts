/** Loads every area's messages for the unit tests, as each extension page does (lib/i18n/all.ts). */
import '../../lib/i18n/all';
