/**
 * What the background answers a CRM content script, one handler per `ContentMessage` type
 * (the compiler checks none is missing). A content script runs beside pages Dealsight does
 * not control, so it may ask only about the page it runs in, and to open the options or a
 * listed extension page.
 */
import { contentMessages, isLanguage } from '../../lib/i18n';
import type { BackgroundReplies, ContentMessage } from '../../lib/messages';
import { pageAccountPanel } from './account';
import { recordPanel, recordScores, type CrmDeps } from './crm';
import { extensionPagePath } from './pages';
import type { Sender } from './senders';

export type ContentSender = Extract<Sender, { kind: 'content' }>;

export type ContentHandlers = {
  [K in ContentMessage['type']]: (message: Extract<ContentMessage, { type: K }>, sender: ContentSender) => Promise<BackgroundReplies[K]>;
};

export interface ContentDeps {
  crm: CrmDeps;
  openOptions(): Promise<void>;
  /** Opens `path` (relative to the extension's root) in a new tab. */
  openPage(path: string): Promise<void>;
}

/** A pinned URL longer than this is not one a content script sends. */
export const MAX_PINNED_URL = 4096;

/**
 * The sender with the URL its tab's CRM instance is pinned to (lib/messages.ts
 * `pinnedUrl`), when the content script said it and it is on the sender's own origin; the
 * connector answers the tab for that instance only. Anything else leaves the sender as it
 * was (answered by its page URL alone).
 */
export function withPinnedUrl(sender: ContentSender, pinnedUrl: unknown): ContentSender {
  if (typeof pinnedUrl !== 'string' || pinnedUrl.length > MAX_PINNED_URL) return sender;
  try {
    if (new URL(pinnedUrl).origin !== new URL(sender.url).origin) return sender;
  } catch {
    return sender;
  }
  return { ...sender, tab: { ...sender.tab, pinnedUrl } };
}

export function contentHandlers(deps: ContentDeps): ContentHandlers {
  return {
    'get-record-panel': (message, sender) => recordPanel(deps.crm, String(message.url), withPinnedUrl(sender, message.pinnedUrl)),
    'get-account-panel': (message, sender) => pageAccountPanel(deps.crm, String(message.url), withPinnedUrl(sender, message.pinnedUrl)),
    'get-record-scores': (message, sender) => recordScores(deps.crm, String(message.url), message.ids, withPinnedUrl(sender, message.pinnedUrl)),
    'open-options': async () => {
      await deps.openOptions();
      return { ok: true };
    },
    // The panels' strings in the browser's language (the background has loaded them all).
    'get-messages': async (message) =>
      isLanguage(message.language) ? { ok: true, messages: contentMessages(message.language) } : { ok: false, error: 'Dealsight has no such language.' },
    'open-extension-page': async (message) => {
      const target = extensionPagePath(message);
      if (!target.ok) return target;
      await deps.openPage(target.path);
      return { ok: true };
    },
  };
}
