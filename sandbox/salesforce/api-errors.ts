/**
 * REST error replies as Salesforce sends them: a JSON array of `{message, errorCode}`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */

export interface ApiErrorBody {
  message: string;
  errorCode: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ApiErrorBody[] {
    return [{ message: this.message, errorCode: this.errorCode }];
  }
}

export const sessionInvalid = (): ApiError => new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
/** A browser session under API Access Control or a High-Assurance session policy (../../shared/crm-evidence.md). */
export const notForRest = (): ApiError => new ApiError(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API');
export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
export const methodNotAllowed = (method: string, allowed: string): ApiError =>
  new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed}`, { Allow: allowed });
export const requestLimitExceeded = (): ApiError => new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
