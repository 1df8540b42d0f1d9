/**
 * The message protocol: who is who (classifySender), what each kind of sender may ask
 * (dispatch: every message type from every sender kind), the bounds on what sizes work,
 * and how pages see a missing answer. WXT's fakeBrowser stands in for `browser` (the unit
 * project runs the WxtVitest plugin).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentHandlers } from '../../entrypoints/background/content-handlers';
import { dispatch, type Handlers } from '../../entrypoints/background/dispatch';
import { pageHandlers, type PageDeps, type PageHandlers } from '../../entrypoints/background/page-handlers';
import { classifySender, type ExtensionIdentity, type Sender } from '../../entrypoints/background/senders';
import { BackgroundUnavailableError, sendToBackground } from '../../lib/client';
import { CONTENT_MESSAGE_TYPES, isMessageToBackground, PAGE_MESSAGE_TYPES, SANDBOX_BOUNDS } from '../../lib/messages';
import type { JobRecord } from '../../lib/store/schema';
import { freshDb } from '../store/helpers';

const SELF: ExtensionIdentity = { id: 'dealsight', origin: 'chrome-extension://dealsight/', runnerUrl: 'chrome-extension://dealsight/offscreen.html' };
const TAB = { id: 3, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view' };

describe('isMessageToBackground', () => {
  it("accepts the protocol's message types and nothing else", () => {
    for (const type of [
      'ping',
      'start-import',
      'start-sandbox',
      'start-train',
      'cancel-job',
      'get-panel',
      'get-account',
      'delete-all',
      'get-record-panel',
      'get-account-panel',
      'get-record-scores',
      'connect-crm',
      'sync-crm',
      'open-options',
      'open-extension-page',
      'get-messages',
    ]) {
      expect(isMessageToBackground({ type })).toBe(true);
    }
    for (const value of [
      null,
      undefined,
      'ping',
      42,
      {},
      { type: 'eval' },
      { type: 7 },
      { kind: 'ping' },
      ['ping'],
      { type: 'job-update' },
      { type: 'connect-hubspot' },
    ]) {
      expect(isMessageToBackground(value)).toBe(false);
    }
  });
});

describe('classifySender', () => {
  it("tells the extension's pages, its runner and its content scripts apart, and refuses everyone else", () => {
    expect(classifySender({ id: 'dealsight', url: 'chrome-extension://dealsight/popup.html' }, SELF)).toEqual({
      kind: 'page',
      url: 'chrome-extension://dealsight/popup.html',
    });
    // The options page opened in a tab is still a page.
    expect(
      classifySender(
        { id: 'dealsight', url: 'chrome-extension://dealsight/options.html', tab: { id: 9, url: 'chrome-extension://dealsight/options.html' } },
        SELF,
      ),
    ).toMatchObject({ kind: 'page' });
    expect(classifySender({ id: 'dealsight', url: 'chrome-extension://dealsight/offscreen.html' }, SELF)).toEqual({ kind: 'runner' });
    // The offscreen page in a tab is not the runner.
    expect(classifySender({ id: 'dealsight', url: 'chrome-extension://dealsight/offscreen.html', tab: { id: 4 } }, SELF)).toMatchObject({ kind: 'page' });
    expect(classifySender({ id: 'dealsight', url: TAB.url, tab: TAB }, SELF)).toEqual({
      kind: 'content',
      url: TAB.url,
      tab: { id: 3, url: TAB.url, cookieStoreId: undefined },
    });
    // Firefox may leave tab.url empty without host permission, and gives sender.url (crm-evidence.md).
    expect(classifySender({ id: 'dealsight', url: TAB.url, tab: { id: 3, url: '', cookieStoreId: 'firefox-container-1' } }, SELF)).toEqual({
      kind: 'content',
      url: TAB.url,
      tab: { id: 3, url: TAB.url, cookieStoreId: 'firefox-container-1' },
    });
    // Another extension, a sender without id, a web page without a tab, a tab on a non-web page.
    expect(classifySender({ id: 'someone-else', url: 'chrome-extension://dealsight/popup.html' }, SELF)).toBeNull();
    expect(classifySender({ url: 'chrome-extension://dealsight/popup.html' }, SELF)).toBeNull();
    expect(classifySender({ id: 'dealsight', url: 'https://evil.example/' }, SELF)).toBeNull();
    expect(classifySender({ id: 'dealsight', url: TAB.url }, SELF)).toBeNull();
    expect(classifySender({ id: 'dealsight', url: 'file:///etc/passwd', tab: { id: 3 } }, SELF)).toBeNull();
  });
});

/** Handler maps whose every handler records what it was asked. */
function recordingHandlers() {
  const handled: string[] = [];
  const runner = vi.fn();
  const handle = (type: string) => async () => {
    handled.push(type);
    return { ok: true as const, handled: type };
  };
  const content = Object.fromEntries(CONTENT_MESSAGE_TYPES.map((type) => [type, handle(`content:${type}`)])) as unknown as ContentHandlers;
  const page = Object.fromEntries(PAGE_MESSAGE_TYPES.map((type) => [type, handle(`page:${type}`)])) as unknown as PageHandlers;
  const handlers: Handlers = { content, page, runner };
  return { handlers, handled, runner };
}

const SENDERS: Record<Sender['kind'], Sender> = {
  content: { kind: 'content', url: TAB.url, tab: TAB },
  page: { kind: 'page', url: 'chrome-extension://dealsight/options.html' },
  runner: { kind: 'runner' },
};

const job = { id: 1, kind: 'sync', connectionId: 'c', status: 'done' } as JobRecord;
const ALL_TYPES = [...new Set<string>([...CONTENT_MESSAGE_TYPES, ...PAGE_MESSAGE_TYPES])];

describe('dispatch', () => {
  it('gives every message type to the handlers of the sender kinds that may send it, and refuses the others', async () => {
    /** Who may send what: the trust table of ARCHITECTURE.md. */
    const allowed: Record<Sender['kind'], readonly string[]> = {
      content: ['get-record-panel', 'get-account-panel', 'get-record-scores', 'open-options', 'open-extension-page', 'get-messages'],
      page: [
        'ping',
        'start-import',
        'start-sandbox',
        'start-train',
        'cancel-job',
        'get-panel',
        'get-account',
        'delete-all',
        'connect-crm',
        'sync-crm',
        'open-options',
      ],
      runner: [],
    };
    for (const [kind, sender] of Object.entries(SENDERS) as Array<[Sender['kind'], Sender]>) {
      for (const type of ALL_TYPES) {
        const { handlers, handled, runner } = recordingHandlers();
        const routed = dispatch(handlers, sender, { type });
        const answer = routed && 'answer' in routed ? await routed.answer : null;
        if (allowed[kind].includes(type)) {
          expect(handled, `${kind} → ${type}`).toEqual([`${kind}:${type}`]);
          expect(answer).toEqual({ ok: true, handled: `${kind}:${type}` });
        } else {
          expect(handled, `${kind} → ${type}`).toEqual([]);
          // Refused: answered with why (pages and content scripts), or ignored (the runner sends only reports).
          if (kind === 'runner') expect(routed, `${kind} → ${type}`).toBeNull();
          else expect(answer, `${kind} → ${type}`).toMatchObject({ ok: false, error: expect.stringMatching(/may not ask the background for/) });
        }
        expect(runner).not.toHaveBeenCalled();
      }
    }
  });

  it('takes job reports from the runner only: a tab or a page that sends one changes nothing', () => {
    for (const kind of ['content', 'page'] as const) {
      const { handlers, runner } = recordingHandlers();
      expect(dispatch(handlers, SENDERS[kind], { target: 'background', type: 'job-update', job })).toBeNull();
      expect(runner).not.toHaveBeenCalled();
    }
    const { handlers, runner } = recordingHandlers();
    expect(dispatch(handlers, SENDERS.runner, { target: 'background', type: 'job-update', job })).toEqual({ taken: true });
    expect(runner).toHaveBeenCalledWith({ target: 'background', type: 'job-update', job });
  });

  it('refuses a tab delete-all, get-panel and get-account for any connection, and sandboxes of any size', async () => {
    for (const message of [
      { type: 'delete-all' },
      { type: 'get-panel', connectionId: 'salesforce:00D000000000001AAA', opportunityId: '006' },
      { type: 'get-account', connectionId: 'salesforce:00D000000000001AAA', accountId: '0015g00000XyZabAAF' },
      { type: 'start-sandbox', seed: 1, opportunities: 1_000_000 },
      { type: 'connect-crm', crm: 'salesforce', tabId: 1 },
    ]) {
      const { handlers, handled } = recordingHandlers();
      const routed = dispatch(handlers, SENDERS.content, message);
      expect(routed && 'answer' in routed ? await routed.answer : null).toMatchObject({ ok: false });
      expect(handled).toEqual([]);
    }
  });

  it('ignores values that are no message, and senders that are not this extension', () => {
    const { handlers, handled } = recordingHandlers();
    for (const value of [null, 'delete-all', { type: 'eval' }]) expect(dispatch(handlers, SENDERS.page, value)).toBeNull();
    expect(dispatch(handlers, null, { type: 'delete-all' })).toBeNull();
    expect(handled).toEqual([]);
  });

  it('answers a handler that throws with its error, not silence', async () => {
    const { handlers } = recordingHandlers();
    handlers.page.ping = async () => {
      throw new Error('broken');
    };
    const routed = dispatch(handlers, SENDERS.page, { type: 'ping' });
    expect(routed && 'answer' in routed ? await routed.answer : null).toEqual({ ok: false, error: 'broken' });
  });
});

describe('the page handlers', () => {
  function pages() {
    const { db } = freshDb();
    const enqueued: unknown[] = [];
    const deps: PageDeps = {
      db,
      queue: {
        enqueue: async (...args) => {
          enqueued.push(args);
          return enqueued.length;
        },
        cancel: async () => ({ ok: true }),
        stopRunning: async () => undefined,
      },
      crm: {} as PageDeps['crm'],
      version: '1.2.3',
      panel: async () => {
        throw new Error('not used');
      },
      openOptions: async () => undefined,
      onDeletedAll: () => undefined,
    };
    return { handlers: pageHandlers(deps), enqueued };
  }
  const sender = { kind: 'page' as const, url: 'chrome-extension://dealsight/options.html' };

  it('bounds the sandbox: a seed and a size the options page offers, nothing bigger', async () => {
    const { handlers, enqueued } = pages();
    const { min, max } = SANDBOX_BOUNDS.opportunities;
    for (const opportunities of [min - 1, max + 1, 1e12, 2.5, Number.NaN, -5]) {
      expect(await handlers['start-sandbox']({ type: 'start-sandbox', seed: 7, opportunities }, sender)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/opportunities/),
      });
    }
    for (const seed of [-1, 2 ** 31, 0.5]) {
      expect(await handlers['start-sandbox']({ type: 'start-sandbox', seed, opportunities: 1000 }, sender)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/seed/),
      });
    }
    expect(await handlers['start-sandbox']({ type: 'start-sandbox', seed: 0, opportunities: max }, sender)).toEqual({ ok: true, jobId: 1 });
    expect(enqueued).toEqual([['sandbox', 'sandbox', { seed: 0, opportunities: max }]]);
  });

  it('answers a ping with the version, and refuses an upload id that is not one', async () => {
    const { handlers } = pages();
    expect(await handlers.ping({ type: 'ping' }, sender)).toEqual({ ok: true, version: '1.2.3' });
    expect(await handlers['start-import']({ type: 'start-import', uploadId: -1 }, sender)).toMatchObject({ ok: false });
  });
});

describe('sendToBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it("returns the background's answer", async () => {
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
