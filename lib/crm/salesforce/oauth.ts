/**
 * Salesforce's OAuth 2.0 authorization-code flow with PKCE, for a public client (no
 * consumer secret): the second way to connect an org, for orgs whose API Access Control
 * or High-Assurance session policy refuses the browser session for REST
 * (../shared/crm-evidence.md, "API Access Control" and "OAuth for a browser extension").
 *
 * - The admin creates an External Client App (or a Connected App) with Dealsight's
 *   callback URL (`identity.getRedirectURL()`), the scopes `api refresh_token`, PKCE
 *   required and no secret required; the user gives its consumer key.
 * - Authorize: `{authBase}/services/oauth2/authorize?response_type=code&client_id&redirect_uri
 *   &code_challenge&code_challenge_method=S256&scope&state`, opened by the browser's
 *   `identity.launchWebAuthFlow` (the background's, through `ConnectorEnv`).
 * - Token: `POST {authBase}/services/oauth2/token` with `grant_type=authorization_code`,
 *   the code, the consumer key, the callback URL and the `code_verifier`; a wrong verifier
 *   is refused with `invalid_grant` "invalid code verifier".
 * - Refresh: `grant_type=refresh_token`; with refresh token rotation the reply carries a new
 *   refresh token and the old one stops working, so the new one is kept.
 * - Revoke: `POST {authBase}/services/oauth2/revoke` with `token=<refresh token>` revokes it
 *   and every access token issued from it.
 *
 * Sources: help.salesforce.com "Proof Key for Code Exchange (PKCE) Extension"
 * (`xcloud.remoteaccess_pkce.htm`); "OAuth 2.0 Refresh Token Flow for Renewed Sessions"
 * (`remoteaccess_oauth_refresh_token_flow.htm`: rotation); "Revoke OAuth Tokens"
 * (`xcloud.remoteaccess_revoke_token.htm`, and the Mobile SDK guide's "Revoking OAuth
 * Tokens": 200 on success, 400 `invalid_token` or `unsupported_token_type`);
 * salesforce.stackexchange.com question 330168 (`code_challenge_method=S256` is needed;
 * the error a wrong verifier gets); tprouvot/Salesforce-Inspector-reloaded
 * `docs/troubleshooting.md` (`error=OAUTH_APP_BLOCKED` on the callback under API Access
 * Control). Pure: HTTP goes through the `fetch` it is given, randomness and hashing through
 * Web Crypto.
 */
import { exchange, NoReply } from '../shared/exchange';
import type { FetchLike } from '../shared/fetch';
import { isApiOrigin, type HostOptions } from './hosts';
import { toId18 } from './ids';

/** What Dealsight asks for: the REST API, and a refresh token so a sync can run while no Salesforce tab is open. */
export const OAUTH_SCOPES = 'api refresh_token';

/** One OAuth request's time limit (the token endpoint answers in well under a second). */
const TIMEOUT_MS = 30_000;

/** What the flow needs from the user: the app's consumer key, and where to sign in. */
export interface OAuthApp {
  /** The External Client App's (or Connected App's) consumer key. */
  clientId: string;
  /** `https://login.salesforce.com`, `https://test.salesforce.com` or the org's My Domain (hosts.ts `oauthBaseFor`). */
  authBase: string;
}

/** A token endpoint's answer, as Dealsight keeps it. */
export interface TokenGrant {
  accessToken: string;
  /** Absent on a refresh without rotation. */
  refreshToken: string | null;
  /** The org's API origin (`instance_url`): checked to be a Salesforce API host. */
  instanceUrl: string;
  /** From the identity URL (`…/id/<org id>/<user id>`). */
  orgId: string | null;
  userId: string | null;
  scope: string | null;
}

/** A failure of the flow or of a token request, with what fixes it for the rep. */
export class OAuthError extends Error {
  override name = 'OAuthError';
  constructor(
    message: string,
    /** Salesforce's `error` (`invalid_grant`, `OAUTH_APP_BLOCKED`, …), or Dealsight's own (`no-reply`, `state-mismatch`, …). */
    readonly code: string,
    /** Salesforce's `error_description`, when it sent one. */
    readonly detail: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export function isOAuthError(error: unknown): error is OAuthError {
  return error instanceof OAuthError;
}

export const OAUTH_MESSAGES = {
  noClientId: 'Enter the consumer key of the External Client App your Salesforce admin created for Dealsight.',
  badClientId:
    'That is not a consumer key: it has spaces or is far too long. Copy it again from the app in Salesforce (Settings › OAuth Settings › Consumer Key).',
  badLoginHost:
    'Sign in at login.salesforce.com, test.salesforce.com (sandboxes) or your org’s My Domain (like acme.my.salesforce.com); Dealsight sends the consumer key nowhere else.',
  noBrowserFlow: 'This browser cannot open Salesforce’s sign-in window for extensions (the identity API is missing).',
  closed: 'The Salesforce sign-in window was closed before you allowed Dealsight. Try again, and choose Allow.',
  denied: 'Salesforce says access was denied (you chose Deny, or the app does not let you in). Try again and choose Allow, or ask your admin.',
  blocked:
    'Your org blocks this app (OAUTH_APP_BLOCKED): with API Access Control on, your Salesforce admin must allow the External Client App for your profile or permission set.',
  notApproved:
    'Your Salesforce admin has not approved you for this app: in the External Client App’s Policies, Permitted Users is “Admin approved users are pre-authorized”; they must add your profile or a permission set of yours.',
  redirectMismatch: (redirectUri: string) =>
    `The app’s callback URL must be exactly ${redirectUri}: ask your Salesforce admin to set it in the External Client App’s OAuth Settings.`,
  unknownClient: (host: string) =>
    `Salesforce at ${host} does not know that consumer key. Check the key, and sign in where the app lives (the org’s My Domain, or test.salesforce.com for a sandbox).`,
  needsSecret:
    'The app asks for a consumer secret, which a browser extension cannot keep. Your admin should untick “Require secret for Web Server Flow” and “Require secret for Refresh Token Flow” in its OAuth settings (and keep PKCE required).',
  badVerifier: 'Salesforce refused the sign-in: the PKCE check failed (invalid code verifier). Try again.',
  expiredCode: 'The sign-in took too long and its code expired. Try again.',
  stateMismatch: 'The sign-in came back for another request: it was refused. Try again.',
  badInstance: (instanceUrl: string) => `Salesforce named ${instanceUrl} as the org’s address, which is not a Salesforce API host: nothing was sent there.`,
  unreadable: (what: string) => `Salesforce sent an unreadable reply to ${what}. Try again later.`,
  noReply: (host: string) => `Could not reach Salesforce at ${host}. Check your connection, then try again.`,
  refreshRefused:
    'Salesforce no longer accepts Dealsight’s sign-in for this org (the refresh token expired or was revoked). Sign in with Salesforce again in Dealsight’s options.',
  failed: (what: string, said: string) => `Salesforce refused ${what}: ${said}.`,
} as const;

// ─── PKCE ───────────────────────────────────────────────────────────────────────────────

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh random string of `bytes` random bytes, base64url: PKCE verifiers (RFC 7636 §4.1: 43–128 characters) and `state`. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

// ─── The flow ───────────────────────────────────────────────────────────────────────────

export interface AuthorizeRequest {
  app: OAuthApp;
  redirectUri: string;
  challenge: string;
  state: string;
}

/** The page the user allows Dealsight on. */
export function authorizeUrl({ app, redirectUri, challenge, state }: AuthorizeRequest): string {
  const url = new URL('/services/oauth2/authorize', app.authBase);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('scope', OAUTH_SCOPES);
  url.searchParams.set('state', state);
  return url.href;
}

/** The consumer key as typed: trimmed, or an OAuthError saying what is wrong with it. */
export function checkClientId(raw: unknown): string {
  const clientId = typeof raw === 'string' ? raw.trim() : '';
  if (clientId === '') throw new OAuthError(OAUTH_MESSAGES.noClientId, 'no-client-id');
  if (clientId.length > 256 || /\s/.test(clientId)) throw new OAuthError(OAUTH_MESSAGES.badClientId, 'bad-client-id');
  return clientId;
}

/**
 * The authorization code from the URL Salesforce sent the browser back to, or the
 * OAuthError that says what went wrong (its `error` parameter, or another request's `state`).
 */
export function readCallback(callbackUrl: string, expectedState: string, redirectUri: string, authHost: string): string {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new OAuthError(OAUTH_MESSAGES.unreadable('the sign-in'), 'bad-callback');
  }
  // Salesforce puts its answer in the query string (a `#` fragment for other flows: read both).
  const params = new URLSearchParams(url.search);
  if (url.hash.length > 1) for (const [k, v] of new URLSearchParams(url.hash.slice(1))) if (!params.has(k)) params.set(k, v);
  const error = params.get('error');
  if (error !== null) throw errorOfCallback(error, params.get('error_description'), redirectUri, authHost);
  if (params.get('state') !== expectedState) throw new OAuthError(OAUTH_MESSAGES.stateMismatch, 'state-mismatch');
  const code = params.get('code');
  if (code === null || code === '') throw new OAuthError(OAUTH_MESSAGES.unreadable('the sign-in'), 'no-code');
  return code;
}

function errorOfCallback(error: string, description: string | null, redirectUri: string, authHost: string): OAuthError {
  const detail = description?.trim() || null;
  switch (error) {
    case 'access_denied':
      return new OAuthError(OAUTH_MESSAGES.denied, error, detail);
    case 'OAUTH_APP_BLOCKED':
      return new OAuthError(OAUTH_MESSAGES.blocked, error, detail);
    case 'OAUTH_APP_ACCESS_DENIED':
      return new OAuthError(OAUTH_MESSAGES.notApproved, error, detail);
    case 'redirect_uri_mismatch':
      return new OAuthError(OAUTH_MESSAGES.redirectMismatch(redirectUri), error, detail);
    case 'invalid_client_id':
    case 'invalid_client':
      return new OAuthError(OAUTH_MESSAGES.unknownClient(authHost), error, detail);
    default:
      return new OAuthError(OAUTH_MESSAGES.failed('the sign-in', [error, detail].filter(Boolean).join(': ')), error, detail);
  }
}

/** Exchanges the authorization code (with the PKCE verifier) for tokens. */
export async function exchangeCode(
  fetch: FetchLike,
  app: OAuthApp,
  grant: { code: string; verifier: string; redirectUri: string },
  options: HostOptions = {},
): Promise<TokenGrant & { refreshToken: string }> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: grant.code,
    client_id: app.clientId,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.verifier,
  });
  const reply = await tokenRequest(fetch, app, body, 'the sign-in', options);
  if (reply.refreshToken === null) {
    throw new OAuthError(
      'Salesforce gave no refresh token: the app must have the scope “Perform requests at any time (refresh_token, offline_access)”.',
      'no-refresh-token',
    );
  }
  return reply as TokenGrant & { refreshToken: string };
}

/** A new access token from the refresh token (and, with rotation, a new refresh token). */
export async function refreshAccessToken(fetch: FetchLike, app: OAuthApp, refreshToken: string, options: HostOptions = {}): Promise<TokenGrant> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: app.clientId });
  return tokenRequest(fetch, app, body, 'the token refresh', options);
}

/**
 * Revokes a token at Salesforce (a refresh token takes its access tokens with it). A token
 * Salesforce no longer knows (`invalid_token`) counts as revoked.
 */
export async function revokeToken(fetch: FetchLike, app: Pick<OAuthApp, 'authBase'>, token: string): Promise<void> {
  const url = new URL('/services/oauth2/revoke', app.authBase).href;
  const reply = await post(fetch, url, new URLSearchParams({ token }));
  if (reply.status >= 200 && reply.status < 300) return;
  const { code, detail } = readOAuthBody(reply.text);
  if (reply.status === 400 && code === 'invalid_token') return;
  throw new OAuthError(
    OAUTH_MESSAGES.failed('the revocation', [code ?? `HTTP ${reply.status}`, detail].filter(Boolean).join(': ')),
    code ?? 'http',
    detail,
    reply.status,
  );
}

async function tokenRequest(fetch: FetchLike, app: OAuthApp, body: URLSearchParams, what: string, options: HostOptions): Promise<TokenGrant> {
  const url = new URL('/services/oauth2/token', app.authBase).href;
  const reply = await post(fetch, url, body);
  if (reply.status < 200 || reply.status >= 300) throw tokenError(reply.status, reply.text, what, new URL(app.authBase).host, body.get('grant_type'));
  let o: Record<string, unknown>;
  try {
    const parsed = JSON.parse(reply.text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    o = parsed as Record<string, unknown>;
  } catch {
    throw new OAuthError(OAUTH_MESSAGES.unreadable(what), 'unreadable', null, reply.status);
  }
  const accessToken = text(o.access_token);
  const instanceUrl = text(o.instance_url)?.replace(/\/+$/, '') ?? null;
  if (accessToken === null || instanceUrl === null) throw new OAuthError(OAUTH_MESSAGES.unreadable(what), 'unreadable', null, reply.status);
  if (!isApiOrigin(instanceUrl, options)) throw new OAuthError(OAUTH_MESSAGES.badInstance(instanceUrl), 'bad-instance');
  const identity = /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(text(o.id) ?? '');
  return {
    accessToken,
    refreshToken: text(o.refresh_token),
    instanceUrl,
    orgId: identity ? toId18(identity[1] as string) : null,
    userId: identity ? toId18(identity[2] as string) : null,
    scope: text(o.scope),
  };
}

function tokenError(status: number, body: string, what: string, host: string, grantType: string | null): OAuthError {
  const { code, detail } = readOAuthBody(body);
  const said = [code ?? `HTTP ${status}`, detail].filter(Boolean).join(': ');
  const d = (detail ?? '').toLowerCase();
  if (code === 'invalid_grant') {
    if (grantType === 'refresh_token') return new OAuthError(OAUTH_MESSAGES.refreshRefused, code, detail, status);
    if (d.includes('code verifier')) return new OAuthError(OAUTH_MESSAGES.badVerifier, code, detail, status);
    if (d.includes('expired') || d.includes('authorization code')) return new OAuthError(OAUTH_MESSAGES.expiredCode, code, detail, status);
  }
  if (code === 'invalid_client' && d.includes('secret')) return new OAuthError(OAUTH_MESSAGES.needsSecret, code, detail, status);
  if (code === 'invalid_client_id' || code === 'invalid_client') return new OAuthError(OAUTH_MESSAGES.unknownClient(host), code, detail, status);
  if (code === 'OAUTH_APP_BLOCKED') return new OAuthError(OAUTH_MESSAGES.blocked, code, detail, status);
  return new OAuthError(OAUTH_MESSAGES.failed(what, said), code ?? 'http', detail, status);
}

async function post(fetch: FetchLike, url: string, body: URLSearchParams) {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: body.toString(),
    credentials: 'omit',
    redirect: 'manual',
  };
  try {
    return await exchange(fetch, url, init, TIMEOUT_MS);
  } catch (error) {
    if (error instanceof NoReply) throw new OAuthError(OAUTH_MESSAGES.noReply(new URL(url).host), 'no-reply');
    throw error;
  }
}

/** `{ error, error_description }`, or nothing readable. */
function readOAuthBody(body: string): { code: string | null; detail: string | null } {
  try {
    const o = JSON.parse(body) as Record<string, unknown>;
    return { code: text(o.error), detail: text(o.error_description) };
  } catch {
    return { code: null, detail: null };
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
