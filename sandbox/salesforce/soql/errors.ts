/**
 * SOQL errors as Salesforce reports them: an errorCode, and a message that quotes the
 * query with a caret under the offending token and "ERROR at Row:r:Column:c".
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */

export type SoqlErrorCode = 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR' | 'NUMBER_OUTSIDE_VALID_RANGE';

export class SoqlError extends Error {
  constructor(
    readonly errorCode: SoqlErrorCode,
    /** The explanation, without the query excerpt. */
    readonly detail: string,
    /** Character offset of the offending token in the query, when there is one. */
    readonly position: number | null = null,
  ) {
    super(detail);
    this.name = 'SoqlError';
  }

  /** The message Salesforce would send: the query line, a caret, the row and column, the detail. */
  messageFor(query: string): string {
    if (this.position === null) return this.detail;
    const before = query.slice(0, this.position);
    const row = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const column = this.position - lineStart + 1;
    const lineEnd = query.indexOf('\n', this.position);
    const line = query.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${this.detail}`;
  }
}
