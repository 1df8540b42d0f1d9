/**
 * 'get-messages': a CRM content script carries English only and asks the background for the
 * panels' strings in German (lib/messages.ts, GetMessagesMessage). The background answers
 * the content areas only, in the asked language, and nothing for a language it lacks.
 */
import { describe, expect, it } from 'vitest';
import { contentHandlers, type ContentSender } from '../../entrypoints/background/content-handlers';
import { CONTENT_AREAS, messagesOf } from '../../lib/i18n';
import type { CrmDeps } from '../../entrypoints/background/crm';

const handlers = contentHandlers({ crm: {} as CrmDeps, openOptions: async () => undefined, openPage: async () => undefined });
const sender = {
  kind: 'content',
  url: 'https://acme.lightning.force.com/',
  tab: { id: 1, url: 'https://acme.lightning.force.com/' },
} as unknown as ContentSender;

describe("the background's get-messages", () => {
  it('answers every German message of the panels, the overlay and the shared UI, and nothing of the pages', async () => {
    const reply = await handlers['get-messages']({ type: 'get-messages', language: 'de' }, sender);
    if (!reply.ok) throw new Error(reply.error);
    const german = messagesOf('de');
    const expected = Object.keys(german).filter((key) => CONTENT_AREAS.some((area) => key.startsWith(`${area}_`)));
    expect(Object.keys(reply.messages).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(150);
    expect(reply.messages.panels_win_title).toBe('Gewinnchance');
    expect(reply.messages.overlay_hide).toBe('Ausblenden');
    expect(Object.keys(reply.messages).filter((key) => /^(options|popup|personas|quality|jobs|alerts|background)_/.test(key))).toEqual([]);
  });

  it('refuses a language Dealsight has no dictionaries for', async () => {
    for (const language of ['fr', 'DE', '', '__proto__']) {
      expect(await handlers['get-messages']({ type: 'get-messages', language }, sender)).toMatchObject({ ok: false });
    }
  });
});
