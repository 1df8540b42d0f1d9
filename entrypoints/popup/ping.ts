import { browser } from 'wxt/browser';
import type { BackgroundReply, PingMessage } from '../../lib/messages';
import { t } from '../../lib/i18n';

/** Asks the background for its version; rejects when the background does not answer. */
export async function pingBackground(): Promise<BackgroundReply<PingMessage>> {
  const message: PingMessage = { type: 'ping' };
  const reply = (await browser.runtime.sendMessage(message)) as BackgroundReply<PingMessage> | undefined;
  if (!reply?.ok) throw new Error(t('background_noAnswer'));
  return reply;
}
