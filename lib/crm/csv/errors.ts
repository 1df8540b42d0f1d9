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
