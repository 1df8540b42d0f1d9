// A Node worker thread serving the real engine API over Comlink, as the browser's engine
// worker does: the runner's tests need a second thread, or a long job would block the
// test's own timers. With `workerData.crashOn`, the named operation crashes the thread
// instead of answering (as an out-of-memory worker would); with `workerData.hangOn`, the
// named operation spins forever (as a parser caught in catastrophic backtracking does).
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const Comlink = await import('comlink');
const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
const { engineApi } = await import('../../workers/engine-api.ts');

const api = { ...engineApi };
if (workerData?.crashOn) {
  api[workerData.crashOn] = () => {
    setTimeout(() => {
      throw new Error(workerData.crashMessage ?? 'crashed');
    }, 0);
    return new Promise(() => undefined);
  };
}
if (workerData?.hangOn) {
  api[workerData.hangOn] = () => {
    for (;;) {
      // Busy: nothing but terminate() stops this thread now.
    }
  };
}
Comlink.expose(api, nodeEndpoint(parentPort));
