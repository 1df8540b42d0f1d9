/**
 * Where the REST client's Bearer token comes from, and what it does when Salesforce answers
 * 401 INVALID_SESSION_ID ("Session expired or invalid"; not API Access Control's "not
 * valid for use with the REST API", which no other token of the same kind fixes):
 *
 * - a browser session: the org's `sid` cookies in turn (session.ts finds every one of them
 *   on the API host), before saying the session expired; then the message names the host
 *   and what fixes it (log out and in again, or delete that host's `sid` cookie);
 * - an OAuth connection: the access token, refreshed once on a 401 and the call retried
 *   (oauth.ts). The access token lives in this context's memory only; a rotated refresh
 *   token is written back to the connection's settings at once (the old one is dead).
 */
import type { CrmSettings } from '../connector';
import { CodedError } from '../shared/coded-error';
import type { FetchLike } from '../shared/fetch';
import { MESSAGES, SalesforceError } from './errors';
import type { HostOptions } from './hosts';
import { isOAuthError, OAUTH_MESSAGES, refreshAccessToken } from './oauth';

export interface ApiAuth {
  /** The token to send now. */
  token(): Promise<string>;
  /** `refused` got a 401 session error: another token to try, or null when none is left. */
  renew(refused: string): Promise<string | null>;
  /** How many new tokens one request may ask for. */
  readonly renewals: number;
  /** The error to throw once no token is left (a 401 session error). */
  exhausted(error: SalesforceError): SalesforceError;
}

/** One token and nothing else to try (the client's plain `sid` option). */
export function staticAuth(token: string): ApiAuth {
  return { token: async () => token, renew: async () => null, renewals: 0, exhausted: (error) => error };
}

/**
 * The org's session cookies in the order given (the one the browser's `cookies.get` picks
 * first): a refused one is skipped for good, so the next request starts at the one that works.
 */
export function sessionAuth(apiBase: string, sids: readonly string[]): ApiAuth {
  if (sids.length === 0) throw new TypeError('sessionAuth: no session id');
  let current = 0;
  const host = new URL(apiBase).hostname;
  return {
    token: async () => sids[current] as string,
    async renew(refused) {
      // Another request already moved past this one.
      if (sids[current] !== refused) return (sids[current] as string | undefined) ?? null;
      current += 1;
      return (sids[current] as string | undefined) ?? null;
    },
    renewals: sids.length - 1,
    exhausted: (error) =>
      new SalesforceError('session-expired', MESSAGES.staleSession(host, sids.length), {
        status: error.status,
        code: error.code,
        detail: error.detail,
        request: error.request,
      }),
  };
}

/** Access tokens of OAuth connections in this context (the runner's), with the refresh token each came from. */
const accessTokens = new Map<string, { refreshToken: string; accessToken: string }>();
/** One refresh at a time per connection: with rotation, two would spend the same refresh token. */
const refreshing = new Map<string, Promise<string>>();

/** Gives the runner the access token the connect flow got, so the first sync needs no refresh. */
export function primeAccessToken(connectionId: string, refreshToken: string, accessToken: string): void {
  accessTokens.set(connectionId, { refreshToken, accessToken });
}

/** Forgets a connection's access token (it was revoked or the connection removed). */
export function forgetAccessToken(connectionId: string): void {
  accessTokens.delete(connectionId);
}

export interface OAuthAuthOptions {
  connectionId: string;
  settings: CrmSettings;
  fetch: FetchLike;
  hostOptions?: HostOptions;
}

/** An OAuth connection's access token: the one in memory for the stored refresh token, else a fresh one. */
export function oauthAuth({ connectionId, settings, fetch, hostOptions = {} }: OAuthAuthOptions): ApiAuth {
  async function refresh(): Promise<string> {
    const running = refreshing.get(connectionId);
    if (running) return running;
    const work = (async () => {
      const stored = await settings.get('salesforce.oauth');
      if (!stored) throw new CodedError(OAUTH_MESSAGES.refreshRefused, 'session-expired');
      let grant;
      try {
        grant = await refreshAccessToken(fetch, stored, stored.refreshToken, hostOptions);
      } catch (error) {
        if (isOAuthError(error) && error.code === 'invalid_grant') throw new CodedError(OAUTH_MESSAGES.refreshRefused, 'session-expired');
        throw error;
      }
      const refreshToken = grant.refreshToken ?? stored.refreshToken;
      if (refreshToken !== stored.refreshToken || grant.instanceUrl !== stored.instanceUrl) {
        // Rotation: the refresh token just used no longer works; keep the new one before anything else.
        await settings.set('salesforce.oauth', { ...stored, refreshToken, instanceUrl: grant.instanceUrl });
      }
      accessTokens.set(connectionId, { refreshToken, accessToken: grant.accessToken });
      return grant.accessToken;
    })();
    refreshing.set(connectionId, work);
    try {
      return await work;
    } finally {
      refreshing.delete(connectionId);
    }
  }

  return {
    async token() {
      const stored = await settings.get('salesforce.oauth');
      const cached = accessTokens.get(connectionId);
      if (stored && cached && cached.refreshToken === stored.refreshToken) return cached.accessToken;
      return refresh();
    },
    async renew(refused) {
      const cached = accessTokens.get(connectionId);
      // Another request refreshed already: try its token.
      if (cached && cached.accessToken !== refused) return cached.accessToken;
      return refresh();
    },
    renewals: 1,
    exhausted: (error) =>
      new SalesforceError('session-expired', MESSAGES.oauthRefused, { status: error.status, code: error.code, detail: error.detail, request: error.request }),
  };
}
