/**
 * The options page's strings: lib/i18n's `t` over its dictionary, lib/i18n/en/options.ts
 * (`{name}` parameters checked at compile time, numbers written with lib/format,
 * `{ one, other }` chosen by Intl.PluralRules on `count`), plus the tables that name
 * kinds and statuses.
 */
import type { AttributeKind, SourceKind } from '../../lib/crm/opportunity';
import { t, type ParamsFor } from '../../lib/i18n';
import type { options } from '../../lib/i18n/en/options';
import type { JobKind, JobStatus } from '../../lib/store/schema';

export { t };

export type OptionsKey = keyof typeof options;

/** A message that takes no parameters (headings, labels): what a table of keys may hold. */
export type PlainKey = { [K in OptionsKey]: ParamsFor<K> extends [] ? K : never }[OptionsKey];

/** An error as a sentence fragment for `{error}`. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return t('options_commonUnknownError');
}

export const KIND_LABEL = {
  csv: 'options_kindCsv',
  sandbox: 'options_kindSandbox',
  salesforce: 'options_kindSalesforce',
  hubspot: 'options_kindHubspot',
} as const satisfies Record<SourceKind, OptionsKey>;

export const JOB_KIND_LABEL = {
  import: 'options_jobsKindImport',
  sandbox: 'options_jobsKindSandbox',
  sync: 'options_jobsKindSync',
  train: 'options_jobsKindTrain',
  score: 'options_jobsKindScore',
} as const satisfies Record<JobKind, OptionsKey>;

export const JOB_STATUS_LABEL = {
  queued: 'options_jobsStatusQueued',
  running: 'options_jobsStatusRunning',
  done: 'options_jobsStatusDone',
  failed: 'options_jobsStatusFailed',
  cancelled: 'options_jobsStatusCancelled',
} as const satisfies Record<JobStatus, OptionsKey>;

export const FIELD_KIND_LABEL = {
  category: 'options_mappingsKindCategory',
  number: 'options_mappingsKindNumber',
  date: 'options_mappingsKindDate',
  boolean: 'options_mappingsKindBoolean',
} as const satisfies Record<AttributeKind, OptionsKey>;
