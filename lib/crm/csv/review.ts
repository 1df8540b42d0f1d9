/**
 * What a file would import, read before it is stored: the options page asks the user about
 * it first when it has something to ask (stages proposed as lost, far fewer deals than are
 * stored; issue 14). A full import, whose opportunities are dropped: only what the page
 * shows crosses back from the worker.
 */
import { CsvImportError } from './errors';
import { importCsv, type StageMapEntry } from './import';
import type { CsvEncoding } from './encoding';

export interface CsvReview {
  opportunities: number;
  rejected: number;
  warnings: number;
  encoding: CsvEncoding | null;
  stageMap: StageMapEntry[];
  stageMapOmitted: number;
}

/** The review, or the one-line refusal the import would give. */
export type CsvReviewReply = { ok: true; review: CsvReview } | { ok: false; message: string };

export function reviewCsv(content: string | ArrayBuffer | Uint8Array): CsvReviewReply {
  try {
    const result = importCsv(content);
    return {
      ok: true,
      review: {
        opportunities: result.opportunities.length,
        rejected: result.rejected.length,
        warnings: result.warnings.length,
        encoding: result.encoding,
        stageMap: result.stageMap,
        stageMapOmitted: result.stageMapOmitted,
      },
    };
  } catch (error) {
    if (error instanceof CsvImportError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Whether the review has a question for the user: a stage proposed as lost. */
export function hasProposedStages(review: CsvReview): boolean {
  return review.stageMap.some((e) => e.basis === 'proposed');
}
