/**
 * What the background answers a CRM content script, one handler per `ContentMessage` type
 * (the compiler checks none is missing). A content script runs beside pages Dealsight does
 * not control, so it may ask only about the page it runs in, and to open the options or a
 * listed extension page.
 */
import type { BackgroundReplies, ContentMessage } from '../../lib/messages';
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

export function contentHandlers(deps: ContentDeps): ContentHandlers {
  return {
    'get-record-panel': (message, sender) => recordPanel(deps.crm, String(message.url), sender),
    'get-record-scores': (message, sender) => recordScores(deps.crm, String(message.url), message.ids, sender),
    'open-options': async () => {
      await deps.openOptions();
      return { ok: true };
    },
    'open-extension-page': async (message) => {
      const target = extensionPagePath(message);
      if (!target.ok) return target;
      await deps.openPage(target.path);
      return { ok: true };
    },
  };
}
