// A worker thread for data-parallel pretraining: it holds its own copy of the model on the
// CPU engine, receives the current weights and a slice of the batch, and sends back that
// slice's gradients (normalized by the whole batch's token count, so slices simply add up).
// The handler is the browser helper's (src/train/shares.ts); this is its Node adapter.
import { parentPort, workerData } from 'node:worker_threads';
import { setMatmulKernel, type MatmulKernelChoice } from '../engine/cpu';
import { createShareHandler, type ShareInit, type ShareJob, type ShareMessage } from '../train/shares';

export type WorkerInit = ShareInit;
export type WorkerJob = ShareJob;

export interface WorkerResult {
  grads: Float32Array;
  lossSum: number;
}

// The matmul kernel of the thread that started this one (pretrain: the reference; benchmarks may ask for 'fast').
setMatmulKernel((workerData?.kernel as MatmulKernelChoice | undefined) ?? 'auto');

const handle = createShareHandler();
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (msg: ShareMessage) => {
  queue = queue.then(async () => {
    const r = await handle(msg);
    if (!r) return;
    if ('error' in r) throw new Error(r.error);
    parentPort!.postMessage(r, [r.grads.buffer as ArrayBuffer]);
  });
});
