/**
 * The ErrorCode a content script shows as a state for any CRM's failure (a CodedError's
 * own code, or the state its connector reads from its own errors); the offscreen runner
 * sends it with the error across the message bridge.
 */
import type { ErrorCode } from '../crm/connector';
import { CRM_LIST } from '../crm/registry';
import { CodedError } from '../crm/shared/coded-error';

export function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof CodedError) return error.code;
  for (const crm of CRM_LIST) {
    const code = crm.errorCode(error);
    if (code !== undefined) return code;
  }
  return undefined;
}
