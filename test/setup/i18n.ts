/**
 * Loads every area's messages for the unit tests, as each extension page does
 * (lib/i18n/all.ts), and writes them in English whatever the machine's locale: the component
 * tests assert English text. test/components/i18n-languages.test.ts covers German.
 */
import { setMessageLanguage } from '../../lib/i18n';
import '../../lib/i18n/all';

setMessageLanguage('en');
