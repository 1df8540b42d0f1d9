/**
 * What the detail page needs of the background, as one interface so tests can stand in
 * for it. The real one speaks lib/messages through lib/client.
 */
import { browser } from 'wxt/browser';
import { sendToBackground, subscribeToBackground } from '../../lib/client';
import type { ErrorCode, EventToPage } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';

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

export interface DetailClient {
  /** The record's panel data; rejects with the background's error as the message. */
  getPanel(connectionId: string, opportunityId: string): Promise<PanelData>;
  /** Background events until the returned function is called. */
  subscribe(onEvent: (event: EventToPage) => void): () => void;
  openOptions(): void;
  /** Starts retraining the connection's models; rejects when it cannot start. */
  retrain(connectionId: string): Promise<void>;
}

export const backgroundClient: DetailClient = {
  async getPanel(connectionId, opportunityId) {
    const reply = await sendToBackground({ type: 'get-panel', connectionId, opportunityId });
    if (!reply.ok) throw new BackgroundReplyError(reply.error, reply.code);
    return reply.panel;
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

/** True when an event may change this record's panels: its connection's data changed, or one of its jobs finished. */
export function affectsConnection(event: EventToPage, connectionId: string): boolean {
  if (event.type === 'data-changed') return event.connectionId === null || event.connectionId === connectionId;
  if (event.type === 'job') return event.job.connectionId === connectionId && event.job.status === 'done';
  return false;
}
