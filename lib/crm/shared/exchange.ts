/**
 * One HTTP exchange under a timeout, the reply body read inside it, cancelled by the
 * caller's signal: the part of a CRM client that does not depend on the CRM. Each client
 * turns a `NoReply` into its own typed network error.
 */
import type { FetchLike } from './fetch';
import { abortReason } from './retry';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** No reply: the request failed or timed out (an abort throws the signal's reason instead). */
export class NoReply extends Error {
  override name = 'NoReply';
  constructor(
    /** The timeout that ran out, or null when the request failed by itself. */
    readonly timeoutMs: number | null,
    override readonly cause: unknown,
  ) {
    super(timeoutMs === null ? 'no reply' : `no reply within ${timeoutMs} ms`);
  }
}

class Timeout extends Error {}

export async function exchange(fetchFn: FetchLike, url: string, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<Reply> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(abortReason(signal));
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Timeout()), timeoutMs);
  try {
    // Called detached: a browser's fetch throws "Illegal invocation" when `this` is not the global.
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (cause) {
    if (signal?.aborted) throw abortReason(signal);
    throw new NoReply(controller.signal.reason instanceof Timeout ? timeoutMs : null, cause);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
