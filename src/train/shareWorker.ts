// A data-parallel helper's entry (a Web Worker spawned by the training worker, worker.ts):
// gradient jobs on its share of each batch, on the CPU engine (shares.ts), with the same
// float32 matmul kernel as the coordinator.
import { setMatmulKernel } from '../engine/cpu';
import { createShareHandler, type ShareMessage, type ShareResult } from './shares';

setMatmulKernel('fast');

const scope = self as unknown as {
  postMessage(msg: ShareResult, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ShareMessage>) => void): void;
};

const handle = createShareHandler();
// One job at a time, in order: a job's handler finishes before the next message is taken.
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (e) => {
  queue = queue.then(async () => {
    const r = await handle(e.data);
    if (r) scope.postMessage(r, 'grads' in r ? [r.grads.buffer as ArrayBuffer] : []);
  });
});
