/**
 * Everything the detail page reads and does outside itself, behind one interface as every
 * page has one (entrypoints/popup/source.ts): the background (background-source.ts), or a
 * test's fake. Unlike the other pages it reads through the background rather than the
 * store, because a record's panels may have to be fetched from its CRM and scored first.
 */
import type { ErrorCode, EventToPage } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { AccountPanelData } from '../../lib/pipeline/account-panel';

/** The background's refusal, with its code when it names a known state. */
export class BackgroundReplyError extends Error {
  constructor(
    message: string,
    readonly code?: ErrorCode,
  ) {
    super(message);
    this.name = 'BackgroundReplyError';
  }
}

export interface DetailSource {
  /** The record's panel data; rejects with the background's error as the message. */
  getPanel(connectionId: string, opportunityId: string): Promise<PanelData>;
  /** An account's panel (the account view); rejects with the background's error as the message. */
  getAccount(connectionId: string, accountId: string): Promise<AccountPanelData>;
  /** Background events until the returned function is called. */
  subscribe(onEvent: (event: EventToPage) => void): () => void;
  openOptions(): void;
  /** Starts retraining the connection's models; rejects when it cannot start. */
  retrain(connectionId: string): Promise<void>;
}

/** True when an event may change this record's panels: its connection's data changed, or one of its jobs finished. */
export function affectsConnection(event: EventToPage, connectionId: string): boolean {
  if (event.type === 'data-changed') return event.connectionId === null || event.connectionId === connectionId;
  if (event.type === 'job') return event.job.connectionId === connectionId && event.job.status === 'done';
  return false;
}
