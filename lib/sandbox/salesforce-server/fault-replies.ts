import type { ActiveFault } from './faults';
import { htmlReply, jsonReply, type Reply } from './http';

/** The reply a fault sends instead of the real one (slow, malformed and disconnect are handled around it). */
export function faultReply(fault: ActiveFault): Reply | null {
  switch (fault.kind) {
    case 'session-expired':
      return jsonReply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    case 'rate-limit':
      return jsonReply(429, [{ message: 'ConcurrentPerOrgLongTxn Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], {
        'Retry-After': String(fault.retryAfter),
      });
    case 'request-limit':
      return jsonReply(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    case 'server-error':
      if (fault.status === 500) {
        return jsonReply(500, [
          { message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1902346017-84213 (-1271380372)', errorCode: 'UNKNOWN_EXCEPTION' },
        ]);
      }
      if (fault.status === 503) {
        return jsonReply(503, [{ message: 'Server is unavailable. Please try again later.', errorCode: 'SERVER_UNAVAILABLE' }], {
          'Retry-After': String(fault.retryAfter),
        });
      }
      // A gateway in front of the org answers in HTML, not Salesforce's JSON.
      return htmlReply(fault.status, `<html><head><title>${fault.status}</title></head><body><h1>${fault.status} ${fault.status === 502 ? 'Bad Gateway' : 'Gateway Timeout'}</h1></body></html>`);
    default:
      return null;
  }
}

/** The real reply, cut off halfway (a dropped proxy buffer, a truncated body). */
export function truncateReply(reply: Reply): Reply {
  const body = reply.body.length > 1 ? reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) : '{"totalSize":';
  return { ...reply, status: 200, headers: { ...reply.headers, 'Content-Type': 'application/json;charset=UTF-8' }, body };
}
