/** Strings of the shared UI primitives (components/ui), German: every key of ../en/common.ts. */
import type { common as en } from '../en/common';
import type { Translation } from '../types';

export const common = {
  common_loading: 'Wird geladen…',
  common_retry: 'Erneut versuchen',
} as const satisfies Translation<typeof en>;
