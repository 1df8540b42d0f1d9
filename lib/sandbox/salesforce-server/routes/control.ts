import type { OpportunityChanges } from '../database';
import type { FaultSpec } from '../faults';
import { jsonReply, type Reply, type Request } from '../http';
import type { ServerState } from '../state';
import { formatDateTime } from '../clock';

/**
 * The sandbox's own control endpoints, for browser tests and the demo that cannot reach
 * the server object (never faulted, never authenticated: the server listens on loopback).
 *
 *   GET    /__sandbox/faults                      → { pending }
 *   POST   /__sandbox/faults  { kind, times?, path?, status?, retryAfter?, delayMs? }
 *                             (or a list of those; `times: "always"` until cleared)
 *   POST   /__sandbox/faults  { expireSession: true } → { sid }   (rotates the session)
 *   DELETE /__sandbox/faults                      → clears every pending fault
 *   POST   /__sandbox/touch   { ids, changes? }   → { systemModstamp }
 *   POST   /__sandbox/opportunities { count }     → { ids }
 *   POST   /__sandbox/api-usage { used }          → { used, max }
 */
export async function handleControl(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname.replace(/\/+$/, '');
  try {
    if (path === '/__sandbox/faults') {
      if (request.method === 'GET') return jsonReply(200, { pending: state.faults.pending });
      if (request.method === 'DELETE') {
        state.faults.clear();
        return jsonReply(200, { pending: [] });
      }
      if (request.method === 'POST') {
        const body = await jsonBody(request);
        if (isObject(body) && body['expireSession'] === true) return jsonReply(200, { sid: state.faults.expireSession() });
        if (isObject(body) && body['clear'] === true) {
          state.faults.clear();
          return jsonReply(200, { pending: [] });
        }
        const specs = Array.isArray(body) ? body : [body];
        // All or none: a bad spec in a list leaves the pending faults as they were.
        state.faults.inject(...specs.map(toFaultSpec));
        return jsonReply(201, { pending: state.faults.pending });
      }
    }
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
    return jsonReply(404, { error: `No control endpoint ${request.method} ${path}` });
  } catch (error) {
    return jsonReply(400, { error: (error as Error).message });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text === '' ? '{}' : text) as unknown;
  } catch {
    throw new Error('The body must be JSON');
  }
}

function toFaultSpec(value: unknown): FaultSpec {
  if (!isObject(value) || typeof value['kind'] !== 'string') throw new Error('A fault needs a "kind"');
  const times = value['times'];
  const spec: FaultSpec = { kind: value['kind'] as FaultSpec['kind'] };
  if (times === 'always') spec.times = Infinity;
  else if (typeof times === 'number') spec.times = times;
  else if (times !== undefined) throw new Error('"times" must be a number or "always"');
  for (const key of ['status', 'retryAfter', 'delayMs'] as const) {
    const v = value[key];
    if (v !== undefined) {
      if (typeof v !== 'number') throw new Error(`"${key}" must be a number`);
      spec[key] = v;
    }
  }
  if (value['path'] !== undefined) {
    if (typeof value['path'] !== 'string') throw new Error('"path" must be a regular expression as a string');
    spec.path = value['path'];
  }
  return spec;
}
