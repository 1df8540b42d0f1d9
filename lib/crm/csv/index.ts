/** The CSV connector's public surface: import, the readers it is built from, and the writer. */
export { importCsv, formatRejection, type ImportOptions, type ImportResult, type RejectedRow, type StageMapEntry } from './import';
export { decodeCsv, CsvEncodingError, type CsvEncoding, type DecodedCsv } from './encoding';
export { reviewCsv, hasProposedStages, asksAboutOutcome, type CsvReview, type CsvReviewReply } from './review';
export { replacesWithFarFewer } from './replacing';
export { MAX_CSV_BYTES } from './limits';
export { CsvImportError } from './errors';
export {
  isOutcomeName,
  MAX_OUTCOME_VALUES,
  OutcomeUnknownError,
  type OutcomeCandidate,
  type OutcomeChoice,
  type OutcomeColumn,
  type OutcomeColumnBasis,
} from './outcome-column';
export { parseCsv, sniffDelimiter, CsvParseError, MAX_COLUMNS, type CsvRow, type CsvProblem, type Delimiter, type ParsedCsv } from './parse';
export { toCsv, neutralizeFormulas, type CsvCell, type CsvDelimiter, type CsvWriteOptions } from './write';
export { parseNumber, decimalEvidence, decideDecimalSeparator, type DecimalSeparator, type ParsedNumber } from './numbers';
export { parseDate, dateOrderEvidence, type DateOrder } from './dates';
export { decideDateOrder, type DateOrderBasis, type DateOrderDecision } from './date-order';
export { parseBoolean } from './booleans';
export { classifyStage, readStage, resolveOutcome, type StageBasis, type StageChoice, type StageOutcome } from './outcome';
export { detectFormat, SALESFORCE, HUBSPOT, GENERIC, type CsvFormat, type FormatName, type StandardField } from './formats';
export type { ColumnMapping, ColumnTarget } from './mapping';
export type { Reading } from './reading';
