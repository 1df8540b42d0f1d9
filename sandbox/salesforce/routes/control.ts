import type { OpportunityChanges } from '../database';
import type { OAuthAppOption } from '../oauth';
import { controlReply, handleFaultsControl, isObject, jsonBody } from '../../kit/control';
import { jsonReply, type Reply, type Request } from '../../kit/http';
import type { ServerState } from '../state';
import { formatDateTime } from '../clock';

/**
 * The sandbox's own control endpoints (see ../../kit/control.ts for the faults
 * endpoint they share with the HubSpot server; `expireSession` there returns `{ sid }`):
 *
 *   POST   /__sandbox/touch   { ids, changes? }   → { systemModstamp }
 *   POST   /__sandbox/opportunities { count }     → { ids }
 *   POST   /__sandbox/api-usage { used }          → { used, max }
 *   POST   /__sandbox/api-access-control { on }   → { on }
 *   POST   /__sandbox/oauth-apps { clientId, callbackUrls, requirePkce?, requireSecret?, rotateRefreshTokens?, blocked? } → the app
 *   POST   /__sandbox/oauth/expire-access-tokens  → { expired }
 *   GET    /__sandbox/oauth/tokens                → { refreshTokens, accessTokens }
 */
export function handleControl(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname.replace(/\/+$/, '');
  return controlReply(async () => {
    if (path === '/__sandbox/faults') return handleFaultsControl(state.faults, request, 'sid');
    if (path === '/__sandbox/touch' && request.method === 'POST') {
      const body = await jsonBody(request);
      if (!isObject(body) || !Array.isArray(body['ids']) || !body['ids'].every((id) => typeof id === 'string')) {
        throw new Error('touch needs { "ids": ["006…"], "changes": { … } }');
      }
      const changes = body['changes'] === undefined ? {} : body['changes'];
      if (!isObject(changes)) throw new Error('"changes" must be an object of Opportunity fields');
      const at = state.db.touch(body['ids'] as string[], changes as OpportunityChanges);
      return jsonReply(200, { systemModstamp: formatDateTime(at) });
    }
    if (path === '/__sandbox/opportunities' && request.method === 'POST') {
      const body = await jsonBody(request);
      const count = isObject(body) ? body['count'] : undefined;
      if (typeof count !== 'number') throw new Error('opportunities needs { "count": n }');
      return jsonReply(201, { ids: state.db.addOpportunities(count).map((o) => o.id) });
    }
    if (path === '/__sandbox/api-usage' && request.method === 'POST') {
      const body = await jsonBody(request);
      const used = isObject(body) ? body['used'] : undefined;
      if (typeof used !== 'number') throw new Error('api-usage needs { "used": n }');
      state.usage.set(used);
      return jsonReply(200, { used: state.usage.count, max: state.usage.max });
    }
    if (path === '/__sandbox/api-access-control' && request.method === 'POST') {
      const body = await jsonBody(request);
      const on = isObject(body) ? body['on'] : undefined;
      if (typeof on !== 'boolean') throw new Error('api-access-control needs { "on": true | false }');
      state.apiAccessControl = on;
      return jsonReply(200, { on });
    }
    if (path === '/__sandbox/oauth-apps' && request.method === 'POST') {
      const body = await jsonBody(request);
      if (!isObject(body)) throw new Error('oauth-apps needs { "clientId": "…", "callbackUrls": ["…"] }');
      return jsonReply(201, state.oauth.register(body as unknown as OAuthAppOption));
    }
    if (path === '/__sandbox/oauth/expire-access-tokens' && request.method === 'POST') {
      return jsonReply(200, { expired: state.oauth.expireAccessTokens() });
    }
    if (path === '/__sandbox/oauth/tokens' && request.method === 'GET') return jsonReply(200, state.oauth.snapshot());
    return null;
  }, request);
}
