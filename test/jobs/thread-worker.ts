/**
 * A browser-like Worker backed by a Node worker thread running the real engine API over
 * Comlink (engine-thread.mjs), for tests of the job runner. With `crash`, the named
 * operation crashes the thread instead of answering; with `hang`, it never returns.
 */
import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';
// comlink ships the node adapter's types beside the .mjs as node-adapter.d.ts.
import nodeEndpoint from 'comlink/dist/esm/node-adapter';

type Listener = (event: { message?: string; preventDefault(): void; data?: unknown }) => void;

const THREAD = fileURLToPath(new URL('./engine-thread.mjs', import.meta.url));

/** A browser-like Worker backed by a Node worker thread running the real engine API. */
export function threadWorker(crash?: { on: string; message: string }, hang?: { on: string }): Worker & { terminated: boolean } {
  const thread = new NodeWorker(THREAD, {
    workerData: { ...(crash ? { crashOn: crash.on, crashMessage: crash.message } : {}), ...(hang ? { hangOn: hang.on } : {}) },
  });
  const endpoint = nodeEndpoint(thread);
  const worker = {
    terminated: false,
    postMessage: (message: unknown, transfer?: Transferable[]) => endpoint.postMessage(message, transfer),
    addEventListener: (type: string, listener: Listener) => {
      if (type === 'error') thread.on('error', (error: Error) => listener({ message: error.message, preventDefault: () => undefined }));
      else if (type === 'message') endpoint.addEventListener('message', listener as unknown as EventListener);
    },
    removeEventListener: (type: string, listener: Listener) => {
      if (type === 'message') endpoint.removeEventListener('message', listener as unknown as EventListener);
    },
    terminate: () => {
      worker.terminated = true;
      void thread.terminate();
    },
  };
  return worker as unknown as Worker & { terminated: boolean };
}
