import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { isMessageToBackground, type BackgroundReply, type MessageToBackground } from '../lib/messages';

/**
 * True when a message comes from this extension: one of its pages (popup, options,
 * offscreen) or one of its content scripts. Another extension has another `id`; a web page
 * cannot use `runtime.sendMessage` at all without `externally_connectable`, and would land
 * in `onMessageExternal` anyway. The URL check keeps a non-tab sender to our own origin.
 */
function isOwnSender(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (sender.tab) return true; // a content script: what it may ask is the protocol's business
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

async function reply(message: MessageToBackground): Promise<BackgroundReply<MessageToBackground>> {
  switch (message.type) {
    case 'ping':
      return { ok: true, version: browser.runtime.getManifest().version };
  }
}

export default defineBackground(() => {
  // `sendResponse` + `return true` rather than returning a promise: older Chromes ignore a
  // promise returned from an `onMessage` listener; Firefox accepts both. Returning false
  // leaves the message unanswered (Chromium then resolves the sender's promise with undefined).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isOwnSender(sender) || !isMessageToBackground(message)) return false;
    void reply(message).then(sendResponse);
    return true;
  });
});
