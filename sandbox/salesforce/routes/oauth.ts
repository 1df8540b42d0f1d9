import { html } from '../../kit/html';
import { htmlReply, jsonReply, redirectReply, type Reply, type Request } from '../../kit/http';
import { toId18 } from '../id-sequence';
import { OAuthReplyError } from '../oauth';
import type { ServerState } from '../state';

/**
 * Salesforce's OAuth endpoints for the authorization-code flow with PKCE (../oauth.ts):
 *
 *   GET  /services/oauth2/authorize   the "Allow Access?" page (a login link first when no
 *                                     session cookie is there); an unknown consumer key or
 *                                     callback URL is an error page, as Salesforce shows it
 *   POST /services/oauth2/authorize   Allow → `redirect_uri?code=…&state=…`; Deny →
 *                                     `?error=access_denied`; a blocked app → `?error=OAUTH_APP_BLOCKED`
 *   POST /services/oauth2/token       `authorization_code` (PKCE checked) and `refresh_token`
 *   POST /services/oauth2/revoke      `token=…`: 200, or 400 `invalid_token`
 *
 * The approval page's buttons carry Salesforce's ids (`oaapprove`, `oadeny`).
 */
export async function handleOAuth(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname.replace(/\/+$/, '');
  if (path === '/services/oauth2/authorize') return authorize(state, request);
  if (path === '/services/oauth2/token') return token(state, request);
  if (path === '/services/oauth2/revoke') return revoke(state, request);
  return jsonReply(404, { error: 'not_found', error_description: `No OAuth endpoint ${path}` });
}

const AUTHORIZE_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'scope', 'state'] as const;

async function authorize(state: ServerState, request: Request): Promise<Reply> {
  const params = request.method === 'POST' ? new URLSearchParams(await request.text()) : request.method === 'GET' ? request.url.searchParams : null;
  if (params === null) return jsonReply(405, { error: 'invalid_request', error_description: `${request.method} is not supported` });
  const app = state.oauth.app(params.get('client_id'));
  // Without a known app and one of its callback URLs, Salesforce cannot send the browser back: it shows the error.
  if (app === undefined) return errorPage('invalid_client_id', 'client identifier invalid');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.callbackUrls.includes(redirectUri)) return errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration');
  const back = (answer: Record<string, string>): Reply => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(answer)) target.searchParams.set(k, v);
    const st = params.get('state');
    if (st !== null) target.searchParams.set('state', st);
    return redirectReply(target.href, { 'Cache-Control': 'no-store' });
  };
  if (params.get('response_type') !== 'code') return back({ error: 'unsupported_response_type', error_description: 'response type not supported' });
  if (app.blocked) {
    return back({ error: 'OAUTH_APP_BLOCKED', error_description: 'this app is blocked by admin' });
  }
  const challenge = params.get('code_challenge');
  if (challenge === null && app.requirePkce) return back({ error: 'invalid_request', error_description: 'missing required code challenge' });
  if (challenge !== null && (params.get('code_challenge_method') ?? 'plain') !== 'S256') {
    return back({ error: 'invalid_request', error_description: 'unsupported code challenge method' });
  }
  if (request.method === 'GET') {
    if (!state.session.authorizes(`Bearer ${request.cookie('sid') ?? ''}`)) return loginPage(request);
    return approvalPage(params);
  }
  if (params.get('decision') !== 'Allow') return back({ error: 'access_denied', error_description: 'end-user denied authorization' });
  return back({ code: state.oauth.issueCode(app.clientId, redirectUri, challenge) });
}

async function token(state: ServerState, request: Request): Promise<Reply> {
  if (request.method !== 'POST') return jsonReply(405, { error: 'invalid_request', error_description: 'must use HTTP POST' });
  const params = new URLSearchParams(await request.text());
  const origin = state.oauthInstanceUrl ?? originOf(request);
  try {
    const grantType = params.get('grant_type');
    const issued =
      grantType === 'authorization_code'
        ? state.oauth.redeemCode(params)
        : grantType === 'refresh_token'
          ? state.oauth.refresh(params)
          : (() => {
              throw new OAuthReplyError(400, 'unsupported_grant_type', 'grant type not supported');
            })();
    const orgId = toId18(state.db.orgId) ?? state.db.orgId;
    return jsonReply(
      200,
      {
        access_token: issued.accessToken,
        ...(issued.refreshToken === null ? {} : { refresh_token: issued.refreshToken }),
        signature: 'c2FuZGJveA==',
        scope: 'api refresh_token',
        instance_url: origin,
        id: `${origin}/id/${orgId}/${state.oauth.userId}`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      },
      { 'Cache-Control': 'no-cache,no-store' },
    );
  } catch (error) {
    if (error instanceof OAuthReplyError) return jsonReply(error.status, { error: error.error, error_description: error.description });
    throw error;
  }
}

async function revoke(state: ServerState, request: Request): Promise<Reply> {
  const params = request.method === 'POST' ? new URLSearchParams(await request.text()) : request.url.searchParams;
  const tokenValue = params.get('token');
  if (tokenValue === null || tokenValue === '') return jsonReply(400, { error: 'unsupported_token_type', error_description: 'missing token' });
  return state.oauth.revoke(tokenValue)
    ? { status: 200, headers: {}, body: '' }
    : jsonReply(400, { error: 'invalid_token', error_description: 'invalid token' });
}

/** Where this server is, as the browser or client reached it (`instance_url`, the identity URL). */
function originOf(request: Request): string {
  const host = request.header('host');
  return host ? `http://${host}` : request.url.origin;
}

function page(title: string, body: ReturnType<typeof html>): string {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui,sans-serif;margin:0;background:#f3f3f3}main{max-width:28rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 2px 6px #0002}button,input[type=submit]{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:4px;border:1px solid #0176d3}#oaapprove{background:#0176d3;color:#fff}</style>
</head><body><main>${body}</main></body></html>`.value;
}

function errorPage(error: string, description: string): Reply {
  return htmlReply(
    400,
    page('Error | Salesforce', html`<h1>Remote Access Error</h1><p data-oauth-error="${error}">error=${error}&amp;error_description=${description}</p>`),
    {
      'Cache-Control': 'no-store',
    },
  );
}

function loginPage(request: Request): Reply {
  const back = `${request.url.pathname}${request.url.search}`;
  return htmlReply(
    200,
    page('Login | Salesforce', html`<h1>Log in to Salesforce</h1><p><a id="Login" href="/login?startURL=${encodeURIComponent(back)}">Log In</a></p>`),
    { 'Cache-Control': 'no-store' },
  );
}

function approvalPage(params: URLSearchParams): Reply {
  const hidden = AUTHORIZE_PARAMS.map((name) => {
    const value = params.get(name);
    return value === null ? '' : html`<input type="hidden" name="${name}" value="${value}">`;
  });
  return htmlReply(
    200,
    page(
      'Allow Access? | Salesforce',
      html`<h1>Allow Access?</h1>
<p>The app is asking to:</p>
<ul><li>Manage user data via APIs (api)</li><li>Perform requests at any time (refresh_token, offline_access)</li></ul>
<form method="POST" action="/services/oauth2/authorize">${hidden}
<input type="submit" id="oaapprove" name="decision" value="Allow"><input type="submit" id="oadeny" name="decision" value="Deny"></form>`,
    ),
    { 'Cache-Control': 'no-store' },
  );
}
