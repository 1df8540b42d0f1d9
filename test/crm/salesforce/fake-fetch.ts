/**
 * A recording fake of `fetch` for the Salesforce client: every request's URL, headers and
 * SOQL is kept, and a handler decides each reply. Replies are real `Response`s.
 */
import type { FetchLike } from '../../../lib/crm/salesforce/client';

export interface RecordedRequest {
  url: string;
  path: string;
  /** The decoded `q` parameter of a query, else null. */
  soql: string | null;
  headers: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function recordingFetch(handler: Handler): { fetch: FetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const u = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request = { url, path: u.pathname, soql: u.searchParams.get('q'), headers };
    requests.push(request);
    return handler(request);
  };
  return { fetch, requests };
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...init.headers },
  });
}

export function sfError(status: number, errorCode: string, message: string, headers: Record<string, string> = {}): Response {
  return json([{ message, errorCode }], { status, headers });
}

/** A sleep that records its waits and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
}
