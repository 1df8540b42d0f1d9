import { randomUUID } from 'node:crypto';
import { jsonReply, type Reply } from '../kit/http';

/**
 * Error replies in HubSpot's shape: `{ status: "error", message, correlationId, category,
 * … }`, with `subCategory`, `context`, `errors` and `links` where HubSpot sends them.
 * https://developers.hubspot.com/docs/api/error-handling
 */
export class HubSpotError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HubSpotError';
  }

  /** HubSpot's body; an error without a category (the 488) has none in it. */
  reply(): Reply {
    return jsonReply(
      this.status,
      { status: 'error', message: this.message, correlationId: randomUUID(), ...(this.category === '' ? {} : { category: this.category }), ...this.extra },
      this.headers,
    );
  }
}

const AUTH_HELP = 'This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export const credentialsNotFound = (): HubSpotError => new HubSpotError(401, 'INVALID_AUTHENTICATION', `Authentication credentials not found. ${AUTH_HELP}`);

export function tokenExpired(expiredAt: number, now = Date.now()): HubSpotError {
  const seconds = Math.max(0, Math.floor((now - expiredAt) / 1000));
  const [amount, unit] = seconds < 120 ? [seconds, 'second'] : seconds < 7200 ? [Math.floor(seconds / 60), 'minute'] : [Math.floor(seconds / 3600), 'hour'];
  return new HubSpotError(401, 'EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${amount} ${unit}(s) ago.`, {
    context: { 'expire time': [new Date(expiredAt).toISOString()] },
  });
}

export const missingScopes = (scopes: readonly string[]): HubSpotError =>
  new HubSpotError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [...scopes] } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );

export const rateLimited = (policyName: 'SECONDLY' | 'TEN_SECONDLY_ROLLING' | 'DAILY', headers: Record<string, string> = {}): HubSpotError =>
  new HubSpotError(429, 'RATE_LIMITS', `You have reached your ${policyName.toLowerCase()} limit.`, { errorType: 'RATE_LIMIT', policyName }, headers);

export const validation = (message: string, context?: Record<string, string[]>): HubSpotError =>
  new HubSpotError(400, 'VALIDATION_ERROR', message, context === undefined ? {} : { context });

export const objectNotFound = (id: string): HubSpotError =>
  new HubSpotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', { context: { id: [id] } });

export const resourceNotFound = (): HubSpotError => new HubSpotError(404, 'OBJECT_NOT_FOUND', 'resource not found');

export const methodNotAllowed = (method: string): HubSpotError =>
  new HubSpotError(405, 'METHOD_NOT_ALLOWED', `HTTP ${method} is not supported by this endpoint`);

/**
 * 488: the portal lives in another hublet than the host asked (hubspot-api-python #261:
 * `{ status, message: "Hub 5604529 is unknown to this Hublet, but it appears to exist in
 * Hublet eu1", correlationId, correctHublet: "eu1" }`, no category).
 */
export const unknownToHublet = (portalId: number, hublet: string): HubSpotError =>
  new HubSpotError(488, '', `Hub ${portalId} is unknown to this Hublet, but it appears to exist in Hublet ${hublet}`, { correctHublet: hublet });

/**
 * A numbered API version HubSpot no longer supports. HubSpot has not published what an
 * unsupported version will answer; the sandbox answers 410 Gone naming the retirement and
 * its replacement, which the client reads as "retired" whatever the words.
 * https://developers.hubspot.com/docs/api-reference/legacy/migration-guide
 */
export const retiredVersion = (api: string): HubSpotError =>
  new HubSpotError(
    410,
    'API_VERSION_RETIRED',
    `${api} is no longer supported: HubSpot retired its numbered API versions (v4 on 2027-03-30, v1–v3 in September 2027). Use the date-based version, e.g. /crm/objects/2026-09/deals.`,
  );
