/** Who may talk to the background. */
import { browser, type Browser } from 'wxt/browser';

/**
 * True when a message comes from this extension: one of its pages (popup, options,
 * offscreen) or one of its content scripts. Another extension has another `id`; a web page
 * cannot use `runtime.sendMessage` at all without `externally_connectable`, and would land
 * in `onMessageExternal` anyway. The URL check keeps a non-tab sender to our own origin.
 */
export function isOwnSender(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (sender.tab) return true; // a content script: what it may ask is the protocol's business
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}
