/**
 * The message protocol between the extension's own contexts: one file, types only, so
 * every sender and the background agree on it (design.md, house rule 2).
 *
 * Names say the direction, as in Dark Reader: `…ToBackground` is what a page or content
 * script sends; `BackgroundReply<M>` is what the background answers to a message `M`.
 * Only the extension's own contexts may send these (the background checks the sender;
 * the manifest has no `externally_connectable`, so web pages cannot reach it at all).
 */

/** Asks the background whether it is alive; the popup shows the answer as its status. */
export interface PingToBackground {
  type: 'ping';
}

/** Every message the background accepts. Grow this union as the protocol grows. */
export type MessageToBackground = PingToBackground;

/** The background's answer to each message type. */
export interface BackgroundReplies {
  ping: { ok: true; version: string };
}

export type BackgroundReply<M extends MessageToBackground> = BackgroundReplies[M['type']];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageToBackground['type']>(['ping']);

/** True for a value shaped like a message the background accepts (any other is ignored). */
export function isMessageToBackground(value: unknown): value is MessageToBackground {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}
