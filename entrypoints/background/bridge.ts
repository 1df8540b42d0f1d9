/**
 * Where jobs run. Chrome: the offscreen document (created on demand, closed when idle),
 * because a service worker cannot start a Worker. Firefox: the background page itself,
 * which has a DOM and can. The background talks to either through this interface.
 */
import { browser } from 'wxt/browser';
import type { JobSecrets } from '../../lib/crm/connector';
import { CodedError } from '../../lib/crm/shared/coded-error';
import type { JobRunnerPort } from '../../lib/jobs/queue';
import type { ApiAccessForRunner, MessageToRunner, RunnerReply } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';

export interface RunnerBridge extends JobRunnerPort {
  panel(connectionId: string, opportunityId: string): Promise<PanelData>;
  /** A record not in the store: fetched through the CRM's API with `access`, stored and scored. */
  recordPanel(connectionId: string, opportunityId: string, access: ApiAccessForRunner): Promise<PanelData>;
  /** Called when nothing has run for a while: free the memory the engine holds. */
  idle(): Promise<void>;
}

/** The offscreen document's page: the runner, and the only sender whose job reports the background takes. */
export const OFFSCREEN_PATH = '/offscreen.html';

interface ChromeOffscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

interface ChromeRuntimeContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

export class OffscreenBridge implements RunnerBridge {
  private creating: Promise<void> | null = null;

  private get offscreen(): ChromeOffscreen {
    return (globalThis as unknown as { chrome: { offscreen: ChromeOffscreen } }).chrome.offscreen;
  }

  private async exists(): Promise<boolean> {
    const runtime = (globalThis as unknown as { chrome: { runtime: ChromeRuntimeContexts } }).chrome.runtime;
    if (!runtime.getContexts) return false;
    const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    return contexts.length > 0;
  }

  private async ensure(): Promise<void> {
    if (await this.exists()) return;
    this.creating ??= this.offscreen
      .createDocument({ url: OFFSCREEN_PATH, reasons: ['WORKERS'], justification: 'Trains and scores the deal models in a Web Worker, off the CRM page.' })
      .catch((error: unknown) => {
        // Two callers racing: the second create fails because the first succeeded.
        if (!String(error).includes('Only a single offscreen')) throw error;
      })
      .finally(() => {
        this.creating = null;
      });
    await this.creating;
  }

  private async send(message: MessageToRunner): Promise<unknown> {
    await this.ensure();
    const reply = (await browser.runtime.sendMessage(message)) as RunnerReply;
    if (!reply) throw new Error('the engine did not answer');
    if (!reply.ok) throw reply.code ? new CodedError(reply.error, reply.code) : new Error(reply.error);
    return reply.value;
  }

  async start(jobId: number, secrets?: JobSecrets): Promise<void> {
    await this.send({ target: 'offscreen', type: 'run-job', jobId, ...(secrets ? { secrets } : {}) });
  }

  async recordPanel(connectionId: string, opportunityId: string, access: ApiAccessForRunner): Promise<PanelData> {
    return (await this.send({ target: 'offscreen', type: 'record-panel', connectionId, opportunityId, access })) as PanelData;
  }

  async cancel(jobId: number): Promise<void> {
    if (await this.exists()) await this.send({ target: 'offscreen', type: 'cancel-job', jobId });
  }

  async panel(connectionId: string, opportunityId: string): Promise<PanelData> {
    return (await this.send({ target: 'offscreen', type: 'compute-panel', connectionId, opportunityId })) as PanelData;
  }

  async idle(): Promise<void> {
    if (await this.exists()) await this.offscreen.closeDocument();
  }

  alive(): Promise<boolean> {
    return this.exists();
  }
}
