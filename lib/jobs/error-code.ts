/**
 * The ErrorCode a content script shows as a state for any CRM's failure (a CodedError's
 * own code, Salesforce's session and API-access states, HubSpot's token and scope states);
 * the offscreen runner sends it with the error across the message bridge.
 */
import type { ErrorCode } from '../messages';
import { hubspotCodeOf } from './hubspot';
import { codeOf } from './salesforce';

export function errorCodeOf(error: unknown): ErrorCode | undefined {
  return codeOf(error) ?? hubspotCodeOf(error);
}
