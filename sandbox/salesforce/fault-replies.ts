import type { ActiveFault } from '../kit/faults';
import { jsonReply, type Reply } from '../kit/http';
import { gatewayErrorReply } from '../kit/serve';

/** The reply a fault sends instead of the real one (slow, malformed and disconnect are handled around it). */
export function faultReply(fault: ActiveFault): Reply | null {
  switch (fault.kind) {
    case 'session-expired':
      return jsonReply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    case 'rate-limit':
      return jsonReply(429, [{ message: 'ConcurrentPerOrgLongTxn Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], {
        'Retry-After': String(fault.retryAfter ?? 1),
      });
    case 'request-limit':
      return jsonReply(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    case 'server-error':
      if (fault.status === 500) {
        return jsonReply(500, [
          {
            message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1902346017-84213 (-1271380372)',
            errorCode: 'UNKNOWN_EXCEPTION',
          },
        ]);
      }
      if (fault.status === 503) {
        return jsonReply(503, [{ message: 'Server is unavailable. Please try again later.', errorCode: 'SERVER_UNAVAILABLE' }], {
          'Retry-After': String(fault.retryAfter ?? 1),
        });
      }
      return gatewayErrorReply(fault.status === 502 ? 502 : 504);
    default:
      return null;
  }
}
