import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActiveFault, FaultController } from './faults';
import { delay, send, toRequest, type Reply, type Request } from './http';

/**
 * The request pipeline both sandbox servers share: control routes first (never faulted),
 * then the pending fault (dropped connection, delay, a replacement reply or a truncated
 * body), then the server's own routes. Handlers return a `Reply`, so a fault can change
 * any reply in this one place.
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
  const request = toRequest(req, 'http://sandbox.invalid');
  if (request.url.pathname.startsWith('/__sandbox/')) {
    send(res, await pipeline.control(request));
    return;
  }
  const fault = pipeline.faults.take(request.target);
  if (fault?.kind === 'disconnect') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'slow') await delay(fault.delayMs);
  const replaced = fault === undefined ? null : pipeline.faultReply(fault);
  let reply = replaced ?? (await pipeline.route(request));
  if (fault?.kind === 'malformed-json') reply = truncateReply(reply);
  send(res, reply);
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
