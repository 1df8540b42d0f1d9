import { logOnce } from './log';

/**
 * What to run for a page: a feature gets the URL and an AbortSignal that aborts when the
 * user navigates to another page or the content script is invalidated (refined-github's
 * init/teardown). Returns the feature's name, or null for pages Dealsight leaves alone.
 */
export interface Features {
  record: (url: string, signal: AbortSignal, key: string) => void;
  /** An account's page (`account:` keys): the account panel. */
  account: (url: string, signal: AbortSignal, key: string) => void;
  list: (url: string, signal: AbortSignal) => void;
}

export interface Router {
  /** Call with every URL the tab shows (initial and each SPA navigation). */
  route: (url: string) => void;
  /** Tears the current page's features down. */
  stop: () => void;
}

/**
 * Runs one page's features at a time. `pageKey` is the CRM adapter's: navigations that keep
 * the key (a query or hash change on the same record, a list filter) keep the features
 * running; list views re-scan on their own.
 */
export function createRouter(features: Features, options: { pageKey: (url: string) => string | null; signal: AbortSignal }): Router {
  let key: string | null = null;
  let controller: AbortController | null = null;
  const stop = (): void => {
    controller?.abort();
    controller = null;
    key = null;
  };
  options.signal.addEventListener('abort', stop, { once: true });
  return {
    stop,
    route(url) {
      if (options.signal.aborted) return;
      let next: string | null = null;
      try {
        next = options.pageKey(url);
      } catch (error) {
        logOnce('route', error);
      }
      if (next === key && controller) return;
      stop();
      if (next === null) return;
      key = next;
      controller = new AbortController();
      try {
        if (next.startsWith('record:')) features.record(url, controller.signal, next);
        else if (next.startsWith('account:')) features.account(url, controller.signal, next);
        else features.list(url, controller.signal);
      } catch (error) {
        logOnce('start', error);
      }
    },
  };
}
