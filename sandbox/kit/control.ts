import type { FaultController, FaultSpec } from './faults';
import { jsonReply, type Reply, type Request } from './http';

/**
 * What the servers' control endpoints share: JSON bodies, and the faults endpoint, for
 * browser tests and the demo that cannot reach the server object (never faulted, never
 * authenticated: the servers listen on loopback).
 *
 *   GET    /__sandbox/faults                      → { pending }
 *   POST   /__sandbox/faults  { kind, times?, path?, status?, retryAfter?, delayMs?, body?, headers? }
 *                             (or a list of those; `times: "always"` until cleared; not "rewrite",
 *                             whose function cannot travel over HTTP)
 *   POST   /__sandbox/faults  { expireSession: true } → { [credentialName]: new credential }
 *   POST   /__sandbox/faults  { clear: true }     → clears every pending fault
 *   DELETE /__sandbox/faults                      → clears every pending fault
 */
export async function handleFaultsControl(faults: FaultController, request: Request, credentialName: string): Promise<Reply> {
  if (request.method === 'GET') return jsonReply(200, { pending: faults.pending });
  if (request.method === 'DELETE') {
    faults.clear();
    return jsonReply(200, { pending: [] });
  }
  if (request.method !== 'POST') return jsonReply(405, { error: `${request.method} /__sandbox/faults is not supported` });
  const body = await jsonBody(request);
  if (isObject(body) && body['expireSession'] === true) return jsonReply(200, { [credentialName]: faults.expireSession() });
  if (isObject(body) && body['clear'] === true) {
    faults.clear();
    return jsonReply(200, { pending: [] });
  }
  const specs = Array.isArray(body) ? body : [body];
  // All or none: a bad spec in a list leaves the pending faults as they were.
  faults.inject(...specs.map(toFaultSpec));
  return jsonReply(201, { pending: faults.pending });
}

/** Runs a control handler, turning its errors into 400 `{ error }` replies. */
export async function controlReply(handler: () => Promise<Reply | null>, request: Request): Promise<Reply> {
  try {
    return (await handler()) ?? jsonReply(404, { error: `No control endpoint ${request.method} ${request.url.pathname}` });
  } catch (error) {
    return jsonReply(400, { error: (error as Error).message });
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as JSON (an empty body is `{}`). */
export async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text === '' ? '{}' : text) as unknown;
  } catch {
    throw new Error('The body must be JSON');
  }
}

function toFaultSpec(value: unknown): FaultSpec {
  if (!isObject(value) || typeof value['kind'] !== 'string') throw new Error('A fault needs a "kind"');
  if (value['kind'] === 'rewrite') throw new Error('A "rewrite" fault takes a function: inject it in-process (server.faults.rewrite)');
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
  if (value['body'] !== undefined) spec.body = value['body'];
  if (value['headers'] !== undefined) {
    const headers = value['headers'];
    if (!isObject(headers) || !Object.values(headers).every((v) => typeof v === 'string'))
      throw new Error('"headers" must be an object of header names and text values');
    spec.headers = headers as Record<string, string>;
  }
  if (value['path'] !== undefined) {
    if (typeof value['path'] !== 'string') throw new Error('"path" must be a regular expression as a string');
    spec.path = value['path'];
  }
  return spec;
}
