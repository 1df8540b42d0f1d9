/**
 * What a file would import, read before it is stored: the options page asks the user about
 * it first when it has something to ask (stages proposed as lost, far fewer deals than are
 * stored; issue 14; the outcome column, recognized or not to be told; issue 15). A full
 * import, whose opportunities are dropped: only what the page shows crosses back from the
 * worker.
 */
import { CsvImportError } from './errors';
import { importCsv, type ImportResult, type StageMapEntry } from './import';
import type { CsvEncoding } from './encoding';
import { OutcomeUnknownError, type OutcomeCandidate, type OutcomeColumn } from './outcome-column';

export interface CsvReview {
  opportunities: number;
  rejected: number;
  warnings: number;
  encoding: CsvEncoding | null;
  stageMap: StageMapEntry[];
  stageMapOmitted: number;
  /** The won/lost column the outcome is read from, and its won value; null when the Stage, Won and Closed columns give it. */
  outcome: OutcomeColumn | null;
  /**
   * The importer cannot tell the outcome (no column, or two could): the user picks one of
   * `outcomeCandidates`. The counts are then those of the likeliest candidate.
   */
  outcomeUnknown: boolean;
  /** Columns that could hold the outcome, the likeliest first. */
  outcomeCandidates: OutcomeCandidate[];
}

/** The review, or the one-line refusal the import would give. */
export type CsvReviewReply = { ok: true; review: CsvReview } | { ok: false; message: string };

export function reviewCsv(content: string | ArrayBuffer | Uint8Array): CsvReviewReply {
  try {
    return { ok: true, review: reviewOf(importCsv(content), false) };
  } catch (error) {
    // An outcome the importer cannot tell is a question for the user, not a refusal, when some column could hold it.
    const first = error instanceof OutcomeUnknownError ? error.candidates[0] : undefined;
    if (first !== undefined) {
      try {
        const provisional = importCsv(content, { outcome: { column: first.header, won: first.suggestedWon ?? first.values[0]?.value } });
        return { ok: true, review: { ...reviewOf(provisional, true), outcomeCandidates: [...(error as OutcomeUnknownError).candidates] } };
      } catch (retry) {
        if (!(retry instanceof CsvImportError)) throw retry;
      }
    }
    if (error instanceof CsvImportError) return { ok: false, message: error.message };
    throw error;
  }
}

function reviewOf(result: ImportResult, outcomeUnknown: boolean): CsvReview {
  return {
    opportunities: result.opportunities.length,
    rejected: result.rejected.length,
    warnings: result.warnings.length,
    encoding: result.encoding,
    stageMap: result.stageMap,
    stageMapOmitted: result.stageMapOmitted,
    outcome: outcomeUnknown ? null : result.outcome,
    outcomeUnknown,
    outcomeCandidates: result.outcomeCandidates,
  };
}

/** Whether the review has a question for the user: a stage proposed as lost. */
export function hasProposedStages(review: CsvReview): boolean {
  return review.stageMap.some((e) => e.basis === 'proposed');
}

/** Whether the review has the outcome column to show or to ask: read from a won/lost column, or not to be told. */
export function asksAboutOutcome(review: CsvReview): boolean {
  return review.outcomeUnknown || review.outcome !== null;
}
