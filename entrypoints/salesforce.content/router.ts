import { parseSalesforceUrl } from '../../lib/crm/salesforce/pages';
import { logOnce } from './log';

/**
 * What to run for a page: a feature gets the URL and an AbortSignal that aborts when the
 * user navigates to another page or the content script is invalidated (refined-github's
 * init/teardown). Returns the feature's name, or null for pages Dealsight leaves alone.
 */
export interface Features {
  record: (url: string, signal: AbortSignal, key: string) => void;
  list: (url: string, signal: AbortSignal) => void;
}

/**
 * The page's identity: navigations that keep it (a query or hash change on the same
 * record, a list filter) keep the features running; list views re-scan on their own.
 */
export function pageKey(url: string, localhost: boolean): string | null {
  const page = parseSalesforceUrl(url, { localhost });
  if (page.kind === 'record') {
    // Other objects' pages: nothing at all (a note on every Account or Contact page would be noise).
    return page.object === 'Opportunity' ? `record:${page.id18}` : null;
  }
  if (page.kind === 'list') return page.object === 'Opportunity' ? `list:${page.object}` : null;
  return null;
}

export interface Router {
  /** Call with every URL the tab shows (initial and each SPA navigation). */
  route: (url: string) => void;
  /** Tears the current page's features down. */
  stop: () => void;
}

export function createRouter(features: Features, options: { localhost: boolean; signal: AbortSignal }): Router {
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
        next = pageKey(url, options.localhost);
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
        else features.list(url, controller.signal);
      } catch (error) {
        logOnce('start', error);
      }
    },
  };
}
