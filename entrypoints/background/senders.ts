/**
 * Who is talking to the background, and so what it may ask (lib/messages.ts has each
 * kind's messages; ARCHITECTURE.md the table):
 * - `page`: one of the extension's own pages (popup, options, personas, quality, detail),
 *   in a tab or not: its URL is on the extension's origin.
 * - `runner`: Chrome's offscreen document, the job runner: its URL is the offscreen page's
 *   and it has no tab.
 * - `content`: one of this extension's content scripts, in a tab showing a web page.
 * Another extension has another `id`, and a web page cannot message the background at all
 * (no `externally_connectable`): both are refused.
 */
import type { TabInfo } from '../../lib/crm/connector';

/** The parts of `runtime.MessageSender` the background reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: TabInfo & { url?: string };
}

export type Sender =
  | { kind: 'page'; url: string }
  | { kind: 'runner' }
  /** `url` is the page the content script runs in: the sender's own URL, which Firefox gives even where it leaves `tab.url` empty (crm-evidence.md). */
  | { kind: 'content'; url: string; tab: TabInfo };

export interface ExtensionIdentity {
  id: string;
  /** The extension's origin with a trailing slash (`chrome-extension://<id>/`). */
  origin: string;
  /** The offscreen document's URL. */
  runnerUrl: string;
}

export function classifySender(sender: SenderInfo, self: ExtensionIdentity): Sender | null {
  if (sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) {
    if (!sender.tab && url.split(/[?#]/)[0] === self.runnerUrl) return { kind: 'runner' };
    return { kind: 'page', url };
  }
  if (!sender.tab) return null;
  const pageUrl = url || sender.tab.url || '';
  if (!/^https?:\/\//.test(pageUrl)) return null;
  return { kind: 'content', url: pageUrl, tab: { id: sender.tab.id, url: sender.tab.url || pageUrl, cookieStoreId: sender.tab.cookieStoreId } };
}
