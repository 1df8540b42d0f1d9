import { parseCookies, type Reply, type Request } from './http';
import { respond, type Pipeline } from './serve';

/**
 * A sandbox server called as a `fetch` function, without a socket: the same pipeline
 * (control routes, faults, the server's routes and state) as over HTTP, so connector unit
 * tests and e2e tests meet one fake per CRM. The URL's origin is ignored (a client may
 * call `https://acme.my.salesforce.com/services/data/`; a path alone will do), and every
 * request is recorded before it is answered, faults included. Like fetch, it rejects on
 * an abort (with the signal's reason) and on a dropped connection (`TypeError: fetch
 * failed`), and does not follow redirects: a 302 comes back as it is, as with
 * `redirect: 'manual'`.
 */

export type SandboxFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** A request as a client sent it. */
export interface RecordedRequest {
  method: string;
  /** The URL as given. */
  url: string;
  /** Its path, without the query string. */
  path: string;
  /** Its query parameters. */
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body: parsed when it is JSON, its text otherwise; null when there is none. */
  body: unknown;
  /** The server's clock when it arrived (see the servers' `now` option). */
  at: number;
}

export interface InProcessOptions<R extends RecordedRequest> {
  /** The server's clock, for `at`. */
  now: () => number;
  /** Adds what a server's tests read often (Salesforce: the SOQL of a query). */
  annotate: (request: RecordedRequest) => R;
}

export interface InProcess<R extends RecordedRequest> {
  fetch: SandboxFetch;
  /** Every request made through `fetch`, in order. */
  readonly requests: R[];
}

/** Statuses whose replies have no body (a Response refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function inProcessFetch<R extends RecordedRequest>(pipeline: Pipeline, options: InProcessOptions<R>): InProcess<R> {
  const requests: R[] = [];
  const fetch: SandboxFetch = async (input, init = {}) => {
    const signal = init.signal ?? undefined;
    throwIfAborted(signal);
    const url = new URL(String(input), 'http://sandbox.invalid');
    const headers = new Headers(init.headers);
    const text = init.body === undefined || init.body === null ? null : await new Response(init.body).text();
    const method = (init.method ?? 'GET').toUpperCase();
    const recordedHeaders: Record<string, string> = {};
    headers.forEach((value, name) => {
      recordedHeaders[name] = value;
    });
    requests.push(
      options.annotate({
        method,
        url: String(input),
        path: url.pathname,
        query: url.searchParams,
        headers: recordedHeaders,
        body: parseBody(text),
        at: options.now(),
      }),
    );
    const cookies = parseCookies(headers.get('cookie') ?? undefined);
    const request: Request = {
      method,
      url,
      target: `${url.pathname}${url.search}`,
      header: (name) => headers.get(name) ?? undefined,
      cookie: (name) => cookies.get(name),
      text: async () => text ?? '',
    };
    let reply: Reply | null;
    try {
      reply = await respond(pipeline, request, (ms) => abortableDelay(ms, signal));
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      reply = pipeline.internalError(error as Error);
    }
    throwIfAborted(signal);
    if (reply === null) throw new TypeError('fetch failed');
    return toResponse(reply);
  };
  return { fetch, requests };
}

function parseBody(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toResponse(reply: Reply): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Response(NULL_BODY.has(reply.status) ? null : reply.body, { status: reply.status, headers });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** A slow fault's wait, cut short (with the abort's reason) when the caller gives up. */
function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
