/**
 * A CRM content script's whole life, shared by Salesforce and HubSpot: route each URL the
 * tab shows to its feature (a record's panels, a view's chips) with the CRM's adapter;
 * panels live in WXT shadow-root UIs (inline after the adapter's anchor, or floating at
 * the right edge); the background's "data changed" makes shown panels and chips ask
 * again. Holds no data: everything comes from the background (lib/messages.ts).
 */
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../../lib/client';
import { userLocale } from '../../lib/format';
import { messageLanguage, registerMessages } from '../../lib/i18n';
import { isWebUrl } from '../../lib/pipeline/record-url';
import { isEventToContent } from '../../lib/messages';
import type { CrmAdapter } from './adapter';
import { documentUrlOf } from './document-url';
import { HOSTS } from './hosts';
import { startListChips } from './list-chips';
import { logOnce } from './log';
import { startRecordOverlay, type CreatePanelHost } from './mount';
import { createRouter } from './router';
import { createUrlPin } from './url-pin';

/** WXT's `append` for each anchor place. */
const APPEND = { after: 'after', before: 'before', 'first-child': 'first', 'last-child': 'last' } as const;

/**
 * WXT's shadow-root UI: inline at the anchor, or at the end of the body with the panel
 * inside fixed at the right edge (OverlayPanel). Its root is closed: the CRM page's own
 * scripts (and any other script on it) must not read the deal names and amounts the panel
 * shows through `host.shadowRoot`. Nothing here keeps the root where the page could reach it.
 */
function panelHostFactory(ctx: ContentScriptContext): CreatePanelHost {
  return async (anchor) => {
    const ui = await createShadowRootUi(ctx, {
      name: HOSTS.panel,
      mode: 'closed',
      position: 'inline',
      anchor: anchor?.element ?? document.body,
      append: anchor ? APPEND[anchor.place] : 'last',
      onMount: (container) => container,
    });
    ui.mount();
    return { element: ui.shadowHost, container: ui.uiContainer, remove: () => ui.remove() };
  };
}

/**
 * The panels' strings in the browser's language: English is in the bundle; another
 * language's come from the background once (lib/messages.ts, GetMessagesMessage). Without
 * an answer the panels stay English rather than not showing.
 */
async function loadLanguage(): Promise<void> {
  const language = messageLanguage();
  if (language === 'en') return;
  try {
    const reply = await sendToBackground({ type: 'get-messages', language });
    if (reply.ok) registerMessages(language, reply.messages);
    else logOnce('language', new Error(reply.error));
  } catch (error) {
    logOnce('language', error);
  }
}

export function runOverlay(ctx: ContentScriptContext, adapter: CrmAdapter): void {
  void loadLanguage().then(() => {
    if (!ctx.isInvalid) startOverlay(ctx, adapter);
  });
}

function startOverlay(ctx: ContentScriptContext, adapter: CrmAdapter): void {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const createHost = panelHostFactory(ctx);
  // What the tab's CRM instance is pinned to (url-pin.ts), sent with every question: from
  // the document's own address, read once as the script starts.
  const pin = createUrlPin(documentUrlOf(window), adapter.instanceOf?.bind(adapter));
  const pinned = (pageUrl: string): { pinnedUrl?: string } => {
    pin.see(pageUrl);
    return pin.url === null ? {} : { pinnedUrl: pin.url };
  };
  // The background says when a sync or training finished: shown panels ask again.
  const dataListeners = new Set<() => void>();
  const onMessage = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id || !isEventToContent(message)) return undefined;
    for (const listener of [...dataListeners]) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  const onDataChanged = (listener: () => void, signal: AbortSignal): void => {
    dataListeners.add(listener);
    signal.addEventListener('abort', () => dataListeners.delete(listener), { once: true });
  };
  const router = createRouter(
    {
      record: (url, signal, recordKey) => {
        void startRecordOverlay({
          adapter,
          doc: document,
          url,
          recordKey,
          signal,
          createHost,
          storage,
          getPanel: (pageUrl) => sendToBackground({ type: 'get-record-panel', url: pageUrl, ...pinned(pageUrl) }),
          linkFor: (deal) => adapter.recordUrl(location.origin, deal.id),
          // The opportunity's account opens its CRM page, where the account panel is.
          accountLinkFor: (accountId) => adapter.accountUrl(location.origin, accountId),
          onOpenOptions: () => void sendToBackground({ type: 'open-options' }).catch(() => undefined),
          copyText: (text) => navigator.clipboard.writeText(text),
          onDataChanged,
          // The extension's pages are not web-accessible: the href is for "copy link" only; a click asks the background.
          personasLinkFor: (connectionId, personaId) => ({
            href: browser.runtime.getURL('/personas.html'),
            open: () =>
              void sendToBackground({ type: 'open-extension-page', page: 'personas', query: { c: connectionId, tab: 'details', persona: personaId } }).catch(
                () => undefined,
              ),
          }),
          locale: userLocale(),
        });
      },
      account: (url, signal, accountKey) => {
        void startRecordOverlay({
          adapter,
          doc: document,
          url,
          recordKey: accountKey,
          signal,
          createHost,
          storage,
          getPanel: (pageUrl) => sendToBackground({ type: 'get-account-panel', url: pageUrl, ...pinned(pageUrl) }),
          linkFor: (deal) => adapter.recordUrl(location.origin, deal.id),
          // An open opportunity opens its CRM record: the row's own link, else the record page on this origin.
          accountDealLink: (deal) => (deal.crmUrl && isWebUrl(deal.crmUrl) ? deal.crmUrl : adapter.recordUrl(location.origin, deal.id)),
          onOpenOptions: () => void sendToBackground({ type: 'open-options' }).catch(() => undefined),
          copyText: (text) => navigator.clipboard.writeText(text),
          onDataChanged,
          locale: userLocale(),
        });
      },
      list: (url, signal) =>
        startListChips({
          adapter,
          doc: document,
          url,
          signal,
          onDataChanged,
          getScores: async (pageUrl, ids) => {
            const reply = await sendToBackground({ type: 'get-record-scores', url: pageUrl, ids, ...pinned(pageUrl) });
            if (!reply.ok) throw new Error(reply.error);
            return reply.scores;
          },
        }),
    },
    { pageKey: (url) => adapter.pageKey(url), signal: ctx.signal },
  );
  // Every URL the tab shows may pin it (the first naming an instance, where the document's own address named none).
  const route = (url: string): void => {
    pin.see(url);
    router.route(url);
  };
  try {
    route(location.href);
  } catch (error) {
    logOnce('route', error);
  }
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => route(newUrl.href));
  // Also poll: in Chromium the Navigation API's 'navigate' event that WXT listens to did
  // not reach this isolated world for the page's own history.pushState (seen in the e2e
  // test). route() is a URL parse and returns at once when the page is the same.
  ctx.setInterval(() => route(location.href), 500);
  ctx.addEventListener(window, 'popstate', () => route(location.href));
}
