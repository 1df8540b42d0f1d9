/**
 * The message protocol: which messages the background accepts, from whom, and how pages
 * see a missing answer. WXT's fakeBrowser stands in for `browser` (the unit project runs
 * the WxtVitest plugin).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnSender } from '../../entrypoints/background/senders';
import { BackgroundUnavailableError, sendToBackground } from '../../lib/client';
import { isMessageToBackground } from '../../lib/messages';

describe('isMessageToBackground', () => {
  it('accepts the protocol\'s message types and nothing else', () => {
    for (const type of ['ping', 'start-import', 'start-sandbox', 'start-train', 'cancel-job', 'get-panel', 'delete-all', 'get-record-panel', 'get-record-scores', 'connect-crm', 'sync-crm', 'connect-hubspot', 'open-options']) {
      expect(isMessageToBackground({ type })).toBe(true);
    }
    for (const value of [null, undefined, 'ping', 42, {}, { type: 'eval' }, { type: 7 }, { kind: 'ping' }, ['ping']]) {
      expect(isMessageToBackground(value)).toBe(false);
    }
  });
});

describe('isOwnSender', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts the extension\'s pages and content scripts, refuses everyone else', () => {
    const id = fakeBrowser.runtime.id;
    const page = fakeBrowser.runtime.getURL('/popup.html');
    expect(isOwnSender({ id, url: page })).toBe(true);
    expect(isOwnSender({ id, tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1, discarded: false, autoDiscardable: true, groupId: -1, frozen: false, selected: true }, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view' })).toBe(true);
    // Another extension, a page of another origin, a sender without id or url.
    expect(isOwnSender({ id: 'someone-else', url: page })).toBe(false);
    expect(isOwnSender({ id, url: 'https://evil.example/' })).toBe(false);
    expect(isOwnSender({ id })).toBe(false);
    expect(isOwnSender({ url: page })).toBe(false);
  });
});

describe('sendToBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the background\'s answer', async () => {
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type: string }).type === 'ping') return Promise.resolve({ ok: true, version: '9.9.9' });
      return undefined;
    });
    await expect(sendToBackground({ type: 'ping' })).resolves.toEqual({ ok: true, version: '9.9.9' });
  });

  it('turns a missing answer into an error that names the message', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(sendToBackground({ type: 'delete-all' })).rejects.toThrow(BackgroundUnavailableError);
    await expect(sendToBackground({ type: 'delete-all' })).rejects.toThrow(/did not answer "delete-all"/);
  });
});
