/**
 * Chrome's offscreen document (reason WORKERS): it hosts the engine worker and the job
 * runner, because an MV3 service worker cannot start a Worker (design.md). The background
 * creates it on demand and closes it when idle; it answers only the background.
 */
import { browser } from 'wxt/browser';
import { JobRunner } from '../../lib/jobs/runner';
import type { MessageToRunner, RunnerMessage, RunnerReply } from '../../lib/messages';
import { errorCodeOf } from '../../lib/jobs/error-code';
import { openDb } from '../../lib/store/db';
import EngineWorker from '../../workers/engine.worker.ts?worker';

const runner = new JobRunner(openDb(), {
  createWorker: () => new EngineWorker(),
  report: (job) => {
    const message: RunnerMessage = { target: 'background', type: 'job-update', job };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  },
});

function isToRunner(value: unknown): value is MessageToRunner {
  return typeof value === 'object' && value !== null && (value as { target?: unknown }).target === 'offscreen';
}

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // Only the background gives this document work: our own id, no tab, and the service
  // worker's own URL (an extension page without a tab, the popup, is not the background).
  const url = sender.url?.split(/[?#]/)[0];
  const fromBackground = sender.id === browser.runtime.id && !sender.tab && (url === undefined || url === browser.runtime.getURL('/background.js'));
  if (!fromBackground || !isToRunner(message)) return false;
  const answer = (promise: Promise<unknown>): true => {
    promise.then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => {
        const code = errorCodeOf(error);
        const reply: RunnerReply = { ok: false, error: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) };
        sendResponse(reply);
      },
    );
    return true;
  };
  switch (message.type) {
    case 'run-job':
      // Accepted at once; progress and the end arrive as job-update messages, so a long
      // job never depends on one message channel staying open.
      // The secrets (a CRM session) live only in this call: the job log never holds them.
      void runner.run(message.jobId, message.secrets);
      sendResponse({ ok: true, value: null });
      return false;
    case 'cancel-job':
      return answer(runner.cancel(message.jobId));
    case 'compute-panel':
      return answer(runner.panel(message.connectionId, message.opportunityId));
    case 'record-panel':
      return answer(runner.recordPanel(message.connectionId, message.opportunityId, message.access));
  }
});
