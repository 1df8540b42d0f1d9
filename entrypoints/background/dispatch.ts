/**
 * Routes a message to the handlers of its sender's kind, and refuses what that kind may
 * not send (entrypoints/background/senders.ts says who is who). A refusal is answered, so
 * a sender learns why instead of waiting; a value that is no message at all, or a sender
 * that is not this extension, gets no answer.
 */
import {
  CONTENT_MESSAGE_TYPES,
  isMessageToBackground,
  isRunnerMessage,
  PAGE_MESSAGE_TYPES,
  type ContentMessage,
  type ErrorReply,
  type PageMessage,
  type RunnerMessage,
} from '../../lib/messages';
import type { ContentHandlers } from './content-handlers';
import type { PageHandlers } from './page-handlers';
import type { Sender } from './senders';

export interface Handlers {
  content: ContentHandlers;
  page: PageHandlers;
  /** The runner's job reports. */
  runner(message: RunnerMessage): void;
}

/** What the listener does with a message: answer it (a promise), take it without answering, or ignore it. */
export type Dispatched = { answer: Promise<unknown> } | { taken: true } | null;

const refused = (who: string, type: string): ErrorReply => ({ ok: false, error: `${who} may not ask the background for "${type}".` });

export function dispatch(handlers: Handlers, sender: Sender | null, message: unknown): Dispatched {
  if (sender === null) return null;
  if (sender.kind === 'runner') {
    if (!isRunnerMessage(message)) return null;
    handlers.runner(message);
    return { taken: true };
  }
  if (!isMessageToBackground(message)) return null;
  const safely = (work: () => Promise<unknown>): Promise<unknown> =>
    work().catch((error: unknown): ErrorReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  if (sender.kind === 'content') {
    if (!(CONTENT_MESSAGE_TYPES as readonly string[]).includes(message.type)) return { answer: Promise.resolve(refused('A CRM page', message.type)) };
    const typed = message as ContentMessage;
    const handler = handlers.content[typed.type] as (m: ContentMessage, s: typeof sender) => Promise<unknown>;
    return { answer: safely(() => handler(typed, sender)) };
  }
  if (!(PAGE_MESSAGE_TYPES as readonly string[]).includes(message.type)) return { answer: Promise.resolve(refused('An extension page', message.type)) };
  const typed = message as PageMessage;
  const handler = handlers.page[typed.type] as (m: PageMessage, s: typeof sender) => Promise<unknown>;
  return { answer: safely(() => handler(typed, sender)) };
}
