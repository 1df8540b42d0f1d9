/**
 * How extension pages and content scripts talk to the background: a typed request, and a
 * subscription to the background's events. Errors come back as values, never as a silent
 * `undefined` (Chromium resolves an unanswered message with undefined).
 */
import { browser } from 'wxt/browser';
import { PAGE_EVENTS_PORT, type BackgroundReply, type EventToPage, type MessageToBackground } from './messages';

export class BackgroundUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackgroundUnavailableError';
  }
}

export async function sendToBackground<M extends MessageToBackground>(message: M): Promise<BackgroundReply<M>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (error) {
    throw new BackgroundUnavailableError(`Dealsight's background did not answer: ${(error as Error).message}`);
  }
  if (reply === undefined) throw new BackgroundUnavailableError(`Dealsight's background did not answer "${message.type}"`);
  return reply as BackgroundReply<M>;
}

/**
 * Listens to the background's events (job progress, data changes) until the returned
 * function is called or the page goes away. Reconnects when the service worker restarts.
 */
export function subscribeToBackground(onEvent: (event: EventToPage) => void): () => void {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = (): void => {
    if (stopped) return;
    port = browser.runtime.connect({ name: PAGE_EVENTS_PORT });
    port.onMessage.addListener((event: unknown) => onEvent(event as EventToPage));
    // An MV3 service worker may stop; reconnect so events keep coming.
    port.onDisconnect.addListener(() => {
      port = null;
      if (!stopped) setTimeout(connect, 500);
    });
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
