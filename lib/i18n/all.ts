/**
 * Loads every area's messages, in every language, into lib/i18n: imported once by each
 * extension page and the background (their bundles may hold every string). CRM content
 * scripts do not import it.
 */
import { messageLanguage, registerMessages } from './index';
import type { Dictionary } from './types';
import * as de from './de';
import * as en from './en';

registerMessages('en', ...Object.values(en as Record<string, Dictionary>));
registerMessages('de', ...Object.values(de as Record<string, Dictionary>));

// The page says which language it is in (screen readers, hyphenation, the browser's
// translate offer); the HTML files say "en" until this runs.
if (typeof document !== 'undefined') document.documentElement.lang = messageLanguage();
