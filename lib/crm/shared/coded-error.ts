import type { ErrorCode } from '../connector';

/** An error that carries the state a content script shows for it (not connected, session expired, …). */
export class CodedError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
