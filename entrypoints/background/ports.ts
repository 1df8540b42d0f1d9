/** Open extension pages listening to the background's events (job progress, data changes). */
import { browser, type Browser } from 'wxt/browser';
import { PAGE_EVENTS_PORT, type EventToPage } from '../../lib/messages';

const ports = new Set<Browser.runtime.Port>();

export function acceptPagePorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    // Only our own pages: same extension id and a URL on our origin.
    if (port.name !== PAGE_EVENTS_PORT || port.sender?.id !== browser.runtime.id || !port.sender?.url?.startsWith(browser.runtime.getURL('/'))) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
}

export function broadcast(event: EventToPage): void {
  for (const port of ports) {
    try {
      port.postMessage(event);
    } catch {
      ports.delete(port);
    }
  }
}
