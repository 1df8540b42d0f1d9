import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActiveFault, FaultController } from './faults';
import { delay, jsonReply, send, toRequest, type Reply, type Request } from './http';

/**
 * The request pipeline both sandbox servers share: control routes first (never faulted),
 * then the pending fault (dropped connection, delay, a replacement reply, a truncated or
 * rewritten body, added headers), then the server's own routes. Handlers return a
 * `Reply`, so a fault can change any reply in this one place. `listen` serves it over
 * node:http; in-process.ts calls it as a `fetch` without a socket.
 */
export interface Pipeline {
  faults: FaultController;
  /** `/__sandbox/…`: the server's control endpoints. */
  control: (request: Request) => Promise<Reply>;
  /** The reply a fault sends instead of the real one, or null to send the real one. */
  faultReply: (fault: ActiveFault) => Reply | null;
  /** Every other request. */
  route: (request: Request) => Promise<Reply>;
  /** The body of a 500 when a handler throws, in the CRM's error shape. */
  internalError: (error: Error) => Reply;
}

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts node:http on `host:port` (0: any free port) and serves the pipeline. */
export async function listen(pipeline: Pipeline, options: { host: string; port: number }): Promise<Listening> {
  const server = createServer((req, res) => {
    handle(pipeline, req, res).catch((error: unknown) => send(res, pipeline.internalError(error as Error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' || options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(pipeline: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = await respond(pipeline, toRequest(req, 'http://sandbox.invalid'), delay);
  if (reply === null) req.socket.destroy();
  else send(res, reply);
}

/**
 * The reply to one request, through the control routes, the pending fault and the
 * server's routes; null when a fault drops the connection. `wait` is how a slow fault
 * waits (a timer over HTTP; one the caller can abort in-process).
 */
export async function respond(pipeline: Pipeline, request: Request, wait: (ms: number) => Promise<void>): Promise<Reply | null> {
  if (request.url.pathname.startsWith('/__sandbox/')) return pipeline.control(request);
  const fault = pipeline.faults.take(request.target);
  if (fault === undefined) return pipeline.route(request);
  if (fault.kind === 'disconnect') return null;
  if (fault.kind === 'slow') await wait(fault.delayMs);
  const replaced = fault.kind === 'reply' ? givenReply(fault) : pipeline.faultReply(fault);
  let reply = replaced ?? (await pipeline.route(request));
  if (fault.kind === 'malformed-json') reply = truncateReply(reply);
  if (fault.kind === 'rewrite' && fault.rewrite !== null) reply = rewriteReply(reply, fault.rewrite);
  return Object.keys(fault.headers).length === 0 ? reply : { ...reply, headers: withHeaders(reply.headers, fault.headers) };
}

/** A `reply` fault's reply: text as it is, anything else as JSON. */
function givenReply(fault: ActiveFault): Reply {
  if (fault.body === undefined || fault.body === null) return { status: fault.status, headers: {}, body: '' };
  if (typeof fault.body === 'string') return { status: fault.status, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: fault.body };
  return jsonReply(fault.status, fault.body);
}

/** The real reply with its JSON body rewritten; a body that is not JSON is left as it is. */
function rewriteReply(reply: Reply, rewrite: (body: unknown) => unknown): Reply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body) as unknown;
  } catch {
    return reply;
  }
  return { ...reply, body: JSON.stringify(rewrite(parsed)) };
}

/** `headers` over `base`, a header of the same name (in any case) replaced. */
function withHeaders(base: Reply['headers'], headers: Readonly<Record<string, string>>): Reply['headers'] {
  const names = new Set(Object.keys(headers).map((n) => n.toLowerCase()));
  const kept = Object.fromEntries(Object.entries(base).filter(([name]) => !names.has(name.toLowerCase())));
  return { ...kept, ...headers };
}

/** The real reply, cut off halfway (a dropped proxy buffer, a truncated body). */
export function truncateReply(reply: Reply): Reply {
  const body = reply.body.length > 1 ? reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) : '{"results":';
  return { ...reply, status: 200, headers: { ...reply.headers, 'Content-Type': 'application/json;charset=UTF-8' }, body };
}

/** A gateway in front of the CRM answers 502 and 504 in HTML, not in the CRM's JSON. */
export function gatewayErrorReply(status: 502 | 504): Reply {
  const text = `${status} ${status === 502 ? 'Bad Gateway' : 'Gateway Timeout'}`;
  return {
    status,
    headers: { 'Content-Type': 'text/html;charset=UTF-8' },
    body: `<html><head><title>${status}</title></head><body><h1>${text}</h1></body></html>`,
  };
}
