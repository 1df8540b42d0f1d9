/**
 * A job's step, summary and error as a page shows them: in the page's language from the
 * messages the runner stored (lib/jobs/text.ts), else the stored English text (older
 * records; a CRM's own error, which its connector words).
 */
import type { Translator } from './index';
import { shownText, type MessageRef } from './ref';

export interface JobTexts {
  step?: string | null;
  stepText?: MessageRef | null;
  summary?: string | null;
  summaryText?: MessageRef[] | null;
  error?: string | null;
  errorText?: MessageRef | null;
}

export const jobStep = (job: JobTexts, tr: Translator): string | null => shownText(job.stepText, job.step ?? null, tr);
export const jobSummary = (job: JobTexts, tr: Translator): string | null => shownText(job.summaryText, job.summary ?? null, tr);
export const jobError = (job: JobTexts, tr: Translator): string | null => shownText(job.errorText, job.error ?? null, tr);
