import type { OutcomeCandidate } from './outcome-column';

/**
 * The one error an import throws: the file as a whole cannot be imported (empty, no
 * header, no outcome, no ids). It names what is missing and the headers it saw, so the
 * rep can fix the export instead of guessing. Row-level defects are never thrown.
 */
export class CsvImportError extends Error {
  override name = 'CsvImportError';

  constructor(
    message: string,
    /** The header as read, empty when the file had none. */
    readonly headers: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * The refusal of a file whose outcome column cannot be told (none recognized, or two
 * could be): it carries the columns that could hold it, so the options page can ask the
 * user to pick one instead of refusing the file (issue 15).
 */
export class OutcomeUnknownError extends CsvImportError {
  override name = 'OutcomeUnknownError';

  constructor(
    message: string,
    headers: readonly string[],
    /** Columns of two to a few distinct values, the likeliest first. */
    readonly candidates: readonly OutcomeCandidate[],
  ) {
    super(message, headers);
  }
}
