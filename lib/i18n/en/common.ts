/**
 * Strings of the shared UI primitives (components/ui), English. Keys follow lib/i18n's
 * rules: `common_` prefix, `_locales`-safe names, `{name}` parameters.
 */
import type { Dictionary } from '../types';

export const common = {
  common_loading: 'Loading…',
  common_retry: 'Try again',
} as const satisfies Dictionary;
