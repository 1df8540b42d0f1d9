/**
 * The runner's and queue's words as messages (lib/i18n/en/jobs.ts): a job record keeps each
 * step, summary and error as a MessageRef for pages to show in the user's language, and as
 * English text for logs, the CLI and older readers. The English area is registered here, as
 * the runner (offscreen document, Firefox's background page) loads no page's dictionaries.
 */
import { registerMessages, type MessageKey } from '../i18n';
import { jobs } from '../i18n/en/jobs';
import { ref, type MessageRef } from '../i18n/ref';
import type { TrainStep } from '../../workers/engine-api';

registerMessages('en', jobs);

/** A step of a job: the engine's training steps, the runner's own, or a CRM sync. */
export type Step = TrainStep | 'import' | 'sandbox' | 'store' | { sync: string };

type PlainStep = Exclude<Step, { sync: string }>;

const STEP_KEYS: Record<PlainStep, MessageKey> = {
  import: 'jobs_step_import',
  sandbox: 'jobs_step_sandbox',
  store: 'jobs_step_store',
  win: 'jobs_step_win',
  personas: 'jobs_step_personas',
  forecast: 'jobs_step_forecast',
  similar: 'jobs_step_similar',
  score: 'jobs_step_score',
  quality: 'jobs_step_quality',
  replay: 'jobs_step_replay',
};

const DURING_KEYS: Record<PlainStep, MessageKey> = {
  import: 'jobs_during_import',
  sandbox: 'jobs_during_sandbox',
  store: 'jobs_during_store',
  win: 'jobs_during_win',
  personas: 'jobs_during_personas',
  forecast: 'jobs_during_forecast',
  similar: 'jobs_during_similar',
  score: 'jobs_during_score',
  quality: 'jobs_during_quality',
  replay: 'jobs_during_replay',
};

/** "Training Win Potential", "Syncing from Salesforce". */
export function stepText(step: Step): MessageRef {
  return typeof step === 'object' ? ref('jobs_step_sync', { crm: step.sync }) : ref(STEP_KEYS[step]);
}

/** The same step inside a sentence: "while training Win Potential". */
export function duringText(step: Step): MessageRef {
  return typeof step === 'object' ? ref('jobs_during_sync', { crm: step.sync }) : ref(DURING_KEYS[step]);
}

/** "5 minutes", "90 seconds", "250 ms": a bound in the words a job's error uses. */
export function durationText(ms: number): MessageRef {
  if (ms < 1_000) return ref('jobs_duration_ms', { count: Math.round(ms) });
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 === 0 && seconds >= 60) return ref('jobs_duration_minutes', { count: seconds / 60 });
  return ref('jobs_duration_seconds', { count: seconds });
}
