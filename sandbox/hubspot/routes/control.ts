import { controlReply, handleFaultsControl, isObject, jsonBody } from '../../kit/control';
import { jsonReply, type Reply, type Request } from '../../kit/http';
import { iso } from '../properties';
import type { Scope } from '../scopes';
import type { ServerState } from '../state';
import type { CrmStore, DealChanges } from '../store';

/**
 * The sandbox's own control endpoints (see ../../kit/control.ts for the faults
 * endpoint shared with the Salesforce server; `expireSession` there rotates the token and
 * returns `{ token }`):
 *
 *   POST /__sandbox/touch     { ids, changes? }  → { hs_lastmodifieddate }
 *   POST /__sandbox/deals     { count }          → { ids }
 *   POST /__sandbox/archive   { ids }            → { archivedAt }
 *   POST /__sandbox/scopes    { revoke?, grant? } → { scopes }
 *   POST /__sandbox/api-usage { daily }          → { daily, max }
 */
export function handleControl(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname.replace(/\/+$/, '');
  return controlReply(async () => {
    if (path === '/__sandbox/faults') return handleFaultsControl(state.faults, request, 'token');
    if (request.method !== 'POST') return null;
    const body = await jsonBody(request);
    if (!isObject(body)) throw new Error('The body must be a JSON object');
    const ids = (): string[] => {
      const value = body['ids'];
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) throw new Error('"ids" must be a list of deal ids (strings)');
      return value as string[];
    };
    if (path === '/__sandbox/touch') {
      const changes = body['changes'] ?? {};
      if (!isObject(changes)) throw new Error('"changes" must be an object of deal properties');
      return jsonReply(200, { hs_lastmodifieddate: iso(generated(state, 'touch').touch(ids(), changes as DealChanges)) });
    }
    if (path === '/__sandbox/deals') {
      if (typeof body['count'] !== 'number') throw new Error('deals needs { "count": n }');
      return jsonReply(201, {
        ids: generated(state, 'deals')
          .addDeals(body['count'])
          .map((d) => d.id),
      });
    }
    if (path === '/__sandbox/archive') return jsonReply(200, { archivedAt: iso(generated(state, 'archive').archive(ids())) });
    if (path === '/__sandbox/scopes') {
      const list = (key: string): Scope[] => {
        const value = body[key] ?? [];
        if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) throw new Error(`"${key}" must be a list of scopes`);
        return value as Scope[];
      };
      const revoke = list('revoke');
      const grant = list('grant');
      state.grants.revoke(revoke);
      state.grants.grant(grant);
      return jsonReply(200, { scopes: state.grants.scopes });
    }
    if (path === '/__sandbox/api-usage') {
      if (typeof body['daily'] !== 'number') throw new Error('api-usage needs { "daily": n }');
      state.limits.setDailyUsage(body['daily']);
      return jsonReply(200, { daily: state.limits.dailyUsage, max: state.limits.limits.daily });
    }
    return null;
  }, request);
}

/** The generated account: the edits a user makes apply to it, not to seeded records. */
export function generated(state: ServerState, what: string): CrmStore {
  if (state.store === null) throw new Error(`${what}: this server serves seeded records; change them with putRecords`);
  return state.store;
}
