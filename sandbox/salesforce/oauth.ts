import { createHash, randomBytes } from 'node:crypto';

/**
 * The org's OAuth side, as Salesforce's authorization server behaves for an External Client
 * App (or Connected App) used by a public client: authorization codes bound to the app, the
 * callback URL and the PKCE challenge; access tokens shaped like session ids (`00D…!AQ…`);
 * refresh tokens, rotated when the app asks for it; revocation of a refresh token with its
 * access tokens. Sources: help.salesforce.com "Proof Key for Code Exchange (PKCE)
 * Extension", "OAuth 2.0 Refresh Token Flow" (rotation), "Revoke OAuth Tokens";
 * salesforce.stackexchange.com question 330168 (the reply to a wrong verifier).
 */

/** An External Client App as the admin configured it. */
export interface OAuthAppOption {
  /** The consumer key. */
  clientId: string;
  /** The callback URLs a `redirect_uri` must equal exactly. */
  callbackUrls: readonly string[];
  /** "Require Proof Key for Code Exchange (PKCE) extension": on by default, as for new apps. */
  requirePkce?: boolean;
  /** "Require secret for Web Server Flow" / "…for Refresh Token Flow": off by default (a public client). */
  requireSecret?: boolean;
  /** Refresh token rotation: each refresh returns a new refresh token and the old one stops working. */
  rotateRefreshTokens?: boolean;
  /** API Access Control does not allow the app (or the admin blocked it): the authorize step answers OAUTH_APP_BLOCKED. */
  blocked?: boolean;
}

export type ResolvedOAuthApp = Required<OAuthAppOption>;

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string | null;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  revoked: boolean;
}

interface AccessGrant {
  refreshToken: string;
  valid: boolean;
}

/** A token endpoint error: `{ error, error_description }` with its status. */
export class OAuthReplyError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

/** What a test may read of the tokens issued (never the tokens of other tests: one server, one org). */
export interface OAuthSnapshot {
  refreshTokens: Array<{ token: string; clientId: string; revoked: boolean }>;
  accessTokens: Array<{ token: string; refreshToken: string; valid: boolean }>;
  /**
   * Every token and revoke request, in order, answered or refused: what an e2e test reads
   * where no request log exists (the server over HTTP records none).
   */
  calls: OAuthCall[];
}

export interface OAuthCall {
  endpoint: 'token' | 'revoke';
  /** `authorization_code` or `refresh_token` (token requests). */
  grantType: string | null;
  /** A PKCE verifier was checked against the code's challenge, and matched. */
  pkceVerified: boolean;
  /** The request carried a `client_secret`. */
  clientSecret: boolean;
  /** Salesforce's `error` when refused, else null. */
  error: string | null;
}

/** How long an authorization code lives (Salesforce's are short-lived: minutes). */
const CODE_TTL_MS = 10 * 60_000;

export class OAuthServer {
  private readonly apps = new Map<string, ResolvedOAuthApp>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly calls: OAuthCall[] = [];

  constructor(
    private readonly orgId: string,
    /** The 18-character id of the user who signs in (the org's first user). */
    readonly userId: string,
    apps: readonly OAuthAppOption[],
    private readonly now: () => number = Date.now,
  ) {
    for (const app of apps) this.register(app);
  }

  /** Adds an app, or replaces the one with the same consumer key. */
  register(app: OAuthAppOption): ResolvedOAuthApp {
    if (!/^\S{1,256}$/.test(app.clientId)) throw new Error('an OAuth app needs a clientId of 1 to 256 characters without spaces');
    if (!Array.isArray(app.callbackUrls) || !app.callbackUrls.every((u) => typeof u === 'string'))
      throw new Error('an OAuth app needs callbackUrls: a list of URLs');
    const resolved: ResolvedOAuthApp = {
      clientId: app.clientId,
      callbackUrls: [...app.callbackUrls],
      requirePkce: app.requirePkce ?? true,
      requireSecret: app.requireSecret ?? false,
      rotateRefreshTokens: app.rotateRefreshTokens ?? false,
      blocked: app.blocked ?? false,
    };
    this.apps.set(app.clientId, resolved);
    return resolved;
  }

  app(clientId: string | null): ResolvedOAuthApp | undefined {
    return clientId === null ? undefined : this.apps.get(clientId);
  }

  /** A new authorization code for an allowed request. */
  issueCode(clientId: string, redirectUri: string, challenge: string | null): string {
    const code = `aPrx${randomBytes(36).toString('base64url')}`;
    this.codes.set(code, { clientId, redirectUri, challenge, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** `grant_type=authorization_code`: the code spent (once), checked against the app, the callback URL and the PKCE verifier. */
  redeemCode(params: URLSearchParams): { accessToken: string; refreshToken: string } {
    let pkceVerified = false;
    return this.logged(
      params,
      'token',
      () => pkceVerified,
      () => {
        const issued = this.spendCode(params);
        pkceVerified = issued.pkceVerified;
        return issued;
      },
    );
  }

  private spendCode(params: URLSearchParams): { accessToken: string; refreshToken: string; pkceVerified: boolean } {
    const app = this.checkClient(params);
    const code = params.get('code') ?? '';
    const grant = this.codes.get(code);
    if (grant === undefined) throw new OAuthReplyError(400, 'invalid_grant', 'invalid authorization code');
    // A code works once, even when the request is refused.
    this.codes.delete(code);
    if (grant.expiresAt < this.now()) throw new OAuthReplyError(400, 'invalid_grant', 'expired authorization code');
    if (grant.clientId !== app.clientId) throw new OAuthReplyError(400, 'invalid_grant', 'authorization code was issued to another client');
    if (params.get('redirect_uri') !== grant.redirectUri) throw new OAuthReplyError(400, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
    if (grant.challenge !== null) {
      const verifier = params.get('code_verifier');
      if (verifier === null || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        throw new OAuthReplyError(400, 'invalid_grant', 'invalid code verifier');
      }
    }
    const refreshToken = this.mintRefreshToken(app.clientId);
    return { accessToken: this.mintAccessToken(refreshToken), refreshToken, pkceVerified: grant.challenge !== null };
  }

  /** `grant_type=refresh_token`: a new access token (and, with rotation, a new refresh token). */
  refresh(params: URLSearchParams): { accessToken: string; refreshToken: string | null } {
    return this.logged(
      params,
      'token',
      () => false,
      () => this.spendRefreshToken(params),
    );
  }

  private spendRefreshToken(params: URLSearchParams): { accessToken: string; refreshToken: string | null } {
    const app = this.checkClient(params);
    const token = params.get('refresh_token') ?? '';
    const grant = this.refreshTokens.get(token);
    if (grant === undefined || grant.revoked || grant.clientId !== app.clientId)
      throw new OAuthReplyError(400, 'invalid_grant', 'expired access/refresh token');
    if (!app.rotateRefreshTokens) return { accessToken: this.mintAccessToken(token), refreshToken: null };
    this.revokeRefreshToken(token);
    const rotated = this.mintRefreshToken(app.clientId);
    return { accessToken: this.mintAccessToken(rotated), refreshToken: rotated };
  }

  /** The revoke endpoint: a refresh token with its access tokens, or one access token. False for a token it does not know. */
  revoke(token: string): boolean {
    const known = this.revokeToken(token);
    this.calls.push({ endpoint: 'revoke', grantType: null, pkceVerified: false, clientSecret: false, error: known ? null : 'invalid_token' });
    return known;
  }

  private revokeToken(token: string): boolean {
    if (this.refreshTokens.has(token)) {
      this.revokeRefreshToken(token);
      return true;
    }
    const access = this.accessTokens.get(token);
    if (access === undefined) return false;
    access.valid = false;
    return true;
  }

  /** Whether an `Authorization` header carries a live access token. */
  authorizes(header: string | undefined): boolean {
    const match = header === undefined ? null : /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header);
    return match !== null && this.accessTokens.get(match[1] as string)?.valid === true;
  }

  /** Ends every access token, as their session timeout does; refresh tokens keep working. */
  expireAccessTokens(): number {
    let ended = 0;
    for (const grant of this.accessTokens.values()) {
      if (grant.valid) ended += 1;
      grant.valid = false;
    }
    return ended;
  }

  snapshot(): OAuthSnapshot {
    return {
      refreshTokens: [...this.refreshTokens].map(([token, g]) => ({ token, clientId: g.clientId, revoked: g.revoked })),
      accessTokens: [...this.accessTokens].map(([token, g]) => ({ token, refreshToken: g.refreshToken, valid: g.valid })),
      calls: this.calls.map((c) => ({ ...c })),
    };
  }

  /** Runs a token request, logging it with its outcome. */
  private logged<T>(params: URLSearchParams, endpoint: OAuthCall['endpoint'], pkceVerified: () => boolean, run: () => T): T {
    const call: OAuthCall = { endpoint, grantType: params.get('grant_type'), pkceVerified: false, clientSecret: params.has('client_secret'), error: null };
    this.calls.push(call);
    try {
      const result = run();
      call.pkceVerified = pkceVerified();
      return result;
    } catch (error) {
      call.error = error instanceof OAuthReplyError ? error.error : String(error);
      throw error;
    }
  }

  private checkClient(params: URLSearchParams): ResolvedOAuthApp {
    const app = this.app(params.get('client_id'));
    if (app === undefined) throw new OAuthReplyError(400, 'invalid_client_id', 'client identifier invalid');
    if (app.requireSecret && !params.get('client_secret')) throw new OAuthReplyError(400, 'invalid_client', 'invalid client credentials');
    return app;
  }

  private revokeRefreshToken(token: string): void {
    const grant = this.refreshTokens.get(token);
    if (grant) grant.revoked = true;
    for (const access of this.accessTokens.values()) if (access.refreshToken === token) access.valid = false;
  }

  private mintRefreshToken(clientId: string): string {
    const token = `5Aep861${randomBytes(48).toString('base64url').replace(/[-_]/g, '.')}`;
    this.refreshTokens.set(token, { clientId, revoked: false });
    return token;
  }

  private mintAccessToken(refreshToken: string): string {
    const token = `${this.orgId.slice(0, 15)}!AR${randomBytes(72).toString('base64url').replace(/[-_]/g, '.')}`;
    this.accessTokens.set(token, { refreshToken, valid: true });
    return token;
  }
}
