/** The CSV connector's public surface: import, the readers it is built from, and the writer. */
export { importCsv, formatRejection, type ImportOptions, type ImportResult, type RejectedRow } from './import';
export { CsvImportError } from './errors';
export { parseCsv, sniffDelimiter, CsvParseError, type CsvRow, type CsvProblem, type Delimiter, type ParsedCsv } from './parse';
export { toCsv, type CsvCell } from './write';
export { parseNumber, decimalEvidence, decideDecimalSeparator, type DecimalSeparator, type ParsedNumber } from './numbers';
export { parseDate, dateOrderEvidence, type DateOrder } from './dates';
export { decideDateOrder, type DateOrderBasis, type DateOrderDecision } from './date-order';
export { parseBoolean } from './booleans';
export { classifyStage, resolveOutcome, type StageOutcome } from './outcome';
export { detectFormat, SALESFORCE, HUBSPOT, GENERIC, type CsvFormat, type FormatName, type StandardField } from './formats';
export type { ColumnMapping, ColumnTarget } from './mapping';
export type { Reading } from './reading';
