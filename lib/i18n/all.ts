/**
 * Loads every area's messages into lib/i18n: imported once by each extension page and the
 * background (their bundles may hold every string). CRM content scripts do not import it.
 */
import { registerMessages } from './index';
import type { Dictionary } from './types';
import * as en from './en';

registerMessages(...Object.values(en as Record<string, Dictionary>));
