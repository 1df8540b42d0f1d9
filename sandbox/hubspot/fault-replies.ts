import type { ActiveFault } from '../kit/faults';
import { jsonReply, type Reply } from '../kit/http';
import { gatewayErrorReply } from '../kit/serve';
import { HubSpotError, rateLimited, tokenExpired } from './errors';

/**
 * The reply a fault sends instead of the real one, in HubSpot's shapes (slow, malformed
 * and disconnect are handled around it):
 *
 * | kind            | reply                                                             |
 * |-----------------|-------------------------------------------------------------------|
 * | session-expired | 401 EXPIRED_AUTHENTICATION (the token itself stays valid)         |
 * | rate-limit      | 429 RATE_LIMIT, policy TEN_SECONDLY_ROLLING; Retry-After if given |
 * | request-limit   | 429 RATE_LIMIT, policy DAILY                                      |
 * | server-error    | 500 / 503 in HubSpot's JSON, 502 / 504 as a gateway's HTML        |
 */
export function faultReply(fault: ActiveFault): Reply | null {
  const retryAfter: Record<string, string> = fault.retryAfter === null ? {} : { 'Retry-After': String(fault.retryAfter) };
  switch (fault.kind) {
    case 'session-expired':
      return tokenExpired(Date.now() - 1000).reply();
    case 'rate-limit':
      return rateLimited('TEN_SECONDLY_ROLLING', retryAfter).reply();
    case 'request-limit':
      return rateLimited('DAILY', retryAfter).reply();
    case 'server-error':
      if (fault.status === 500) return new HubSpotError(500, 'INTERNAL_ERROR', 'internal error').reply();
      if (fault.status === 503) return jsonReply(503, { status: 'error', message: 'Service Unavailable', category: 'SERVICE_UNAVAILABLE' }, retryAfter);
      return gatewayErrorReply(fault.status === 502 ? 502 : 504);
    default:
      return null;
  }
}
