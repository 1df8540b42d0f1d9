/** The detail page's real source: the background, through lib/client ('get-panel', 'start-train', its events). */
import { browser } from 'wxt/browser';
import { sendToBackground, subscribeToBackground } from '../../lib/client';
import { BackgroundReplyError, type DetailSource } from './source';

export function backgroundSource(): DetailSource {
  return {
    async getPanel(connectionId, opportunityId) {
      const reply = await sendToBackground({ type: 'get-panel', connectionId, opportunityId });
      if (!reply.ok) throw new BackgroundReplyError(reply.error, reply.code);
      return reply.panel;
    },
    async getAccount(connectionId, accountId) {
      const reply = await sendToBackground({ type: 'get-account', connectionId, accountId });
      if (!reply.ok) throw new BackgroundReplyError(reply.error, reply.code);
      return reply.account;
    },
    subscribe: subscribeToBackground,
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    async retrain(connectionId) {
      const reply = await sendToBackground({ type: 'start-train', connectionId });
      if (!reply.ok) throw new Error(reply.error);
    },
  };
}
