import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Small HTTP helpers over node:http. Handlers return a `Reply` instead of writing to the
 * response, so that faults can delay, truncate or replace any reply in one place.
 */

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export interface Request {
  method: string;
  url: URL;
  /** Path and query string, as a fault's path pattern sees it. */
  target: string;
  header(name: string): string | undefined;
  cookie(name: string): string | undefined;
  /** The request body as text (at most 1 MB). */
  text(): Promise<string>;
}

const MAX_BODY = 1_000_000;

export function toRequest(req: IncomingMessage, base: string): Request {
  const url = new URL(req.url ?? '/', base);
  const cookies = parseCookies(req.headers.cookie);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    target: `${url.pathname}${url.search}`,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    cookie: (name) => cookies.get(name),
    text: () => readBody(req),
  };
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === undefined) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers }, body: JSON.stringify(body) };
}

export function htmlReply(status: number, body: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html;charset=UTF-8', ...headers }, body };
}

export function redirectReply(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { Location: location, ...headers }, body: '' };
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | string[] | number> = { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) };
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
