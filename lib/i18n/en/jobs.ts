/**
 * The job runner's and queue's strings (lib/jobs), English: steps, summaries and errors of
 * imports, sandbox loads, syncs and trainings. The runner stores them as message keys with
 * parameters (lib/i18n/ref.ts) beside their English text, and pages show them in the
 * user's language. `jobs_during_*` is a step inside a sentence ("while …").
 */
import type { Dictionary } from '../types';

export const jobs = {
  jobs_step_import: 'Reading the CSV file',
  jobs_step_sandbox: 'Generating sandbox data',
  jobs_step_store: 'Saving opportunities',
  jobs_step_win: 'Training Win Potential',
  jobs_step_personas: 'Finding Repeat Buyer Personas',
  jobs_step_forecast: 'Training close-date and amount forecasts',
  jobs_step_similar: 'Indexing similar deals',
  jobs_step_score: 'Scoring opportunities',
  jobs_step_quality: 'Backtesting Win Potential on the newest closed deals',
  jobs_step_replay: 'Replaying Win Potential as of each past month',
  jobs_step_sync: 'Syncing from {crm}',

  jobs_during_import: 'reading the CSV file',
  jobs_during_sandbox: 'generating sandbox data',
  jobs_during_store: 'saving opportunities',
  jobs_during_win: 'training Win Potential',
  jobs_during_personas: 'finding Repeat Buyer Personas',
  jobs_during_forecast: 'training close-date and amount forecasts',
  jobs_during_similar: 'indexing similar deals',
  jobs_during_score: 'scoring opportunities',
  jobs_during_quality: 'backtesting Win Potential on the newest closed deals',
  jobs_during_replay: 'replaying Win Potential as of past months',
  jobs_during_sync: 'syncing from {crm}',

  jobs_cancelled: 'Cancelled',

  jobs_summary_imported: { one: '{count} opportunity imported from {file}.', other: '{count} opportunities imported from {file}.' },
  jobs_summary_importedRejected: {
    one: '{count} opportunity imported from {file}, {rejected} rows rejected.',
    other: '{count} opportunities imported from {file}, {rejected} rows rejected.',
  },
  jobs_summary_sandbox: { one: '{count} sandbox opportunity generated.', other: '{count} sandbox opportunities generated.' },
  jobs_summary_trained: 'Trained on {closed} closed deals ({won} won); {open} open deals scored.',
  jobs_summary_noWin: 'Win Potential needs more closed deals.',
  jobs_summary_personas: { one: '{count} Repeat Buyer Persona.', other: '{count} Repeat Buyer Personas.' },
  jobs_sync_summary: '{how}: {parts}; {stored} stored.',
  jobs_sync_full: 'Full sync',
  jobs_sync_fullResumed: 'Full sync (resumed)',
  jobs_sync_incremental: 'Incremental sync',
  jobs_sync_incrementalResumed: 'Incremental sync (resumed)',
  jobs_sync_changedOpportunities: { one: '{count} opportunity new or changed', other: '{count} opportunities new or changed' },
  jobs_sync_changedDeals: { one: '{count} deal new or changed', other: '{count} deals new or changed' },
  jobs_sync_deleted: '{count} deleted',
  jobs_sync_archived: '{count} archived',
  jobs_sync_dropped: '{count} closed before {date} dropped',
  jobs_sync_rejected: '{count} rejected',

  jobs_error_noRows: '{file}: the file has a header but no data rows',
  jobs_error_allRejected: '{file}: no usable opportunities; every row was rejected (first: line {line}: {reason})',
  jobs_error_noData: 'there is no data for {connection} yet: import a file or load sandbox data first',
  jobs_error_crashed: 'the engine worker crashed: {detail}',
  jobs_error_unknown: 'unknown error',
  jobs_error_unreadable: 'the engine worker sent a message that could not be read',
  jobs_error_retrying: '{error}; retrying',
  jobs_error_stalled: 'no progress for {duration}: Dealsight stopped the job so that the others can run',
  jobs_error_stalledWhile: 'no progress for {duration} while {during}: Dealsight stopped the job so that the others can run',
  jobs_error_engineFailed: 'The engine could not run the job: {error}',
  jobs_error_engineSilent: 'The engine stopped answering: no report for {duration}. Dealsight stopped the job so that the others can run.',
  jobs_error_noJob: 'There is no job {id}.',

  jobs_duration_ms: '{count} ms',
  jobs_duration_seconds: { one: '{count} second', other: '{count} seconds' },
  jobs_duration_minutes: { one: '{count} minute', other: '{count} minutes' },
} as const satisfies Dictionary;
