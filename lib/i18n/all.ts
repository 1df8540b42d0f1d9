/**
 * Loads every area's messages, in every language, into lib/i18n: imported once by each
 * extension page and the background (their bundles may hold every string). CRM content
 * scripts do not import it.
 */
import { registerMessages } from './index';
import type { Dictionary } from './types';
import * as de from './de';
import * as en from './en';

registerMessages('en', ...Object.values(en as Record<string, Dictionary>));
registerMessages('de', ...Object.values(de as Record<string, Dictionary>));
