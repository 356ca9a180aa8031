// The training worker's entry: a Trainer on the CPU engine behind the message protocol.
// Spawned by workerClient.ts when the browser has no WebGPU; the page stays responsive
// because every step runs here. Data parallel where the machine has cores to spare: this
// worker coordinates and computes one share of each batch, helper workers (shareWorker.ts,
// spawned from here) the others — one worker per core the browser reports, as the batch allows.
// Matmuls use the float32 WebAssembly kernel here (as the GPU does; the reference engine of
// tests and the command line keeps float64 sums).
import { createCpuBackend, setMatmulKernel } from '../engine/cpu';
import { loadTatoeba } from '../data';
import { DataParallel, workerSharePort, type SharePort } from './dataParallel';
import { createWorkerHandler, type WorkerMessage, type WorkerRequest } from './protocol';
import { dataParallelWorkers } from './shares';
import { Trainer } from './trainer';
import type { TrainingConfig } from './trainingConfig';

const scope = self as unknown as {
  postMessage(msg: WorkerMessage): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<WorkerRequest>) => void): void;
};

setMatmulKernel('fast');

const trainer = new Trainer({
  backend: createCpuBackend(),
  kind: 'cpu-worker',
  // A worker has no document: the page sends its base URL with the spec.
  loadTatoeba: (baseUrl) => loadTatoeba({ baseUrl }),
  // One CPU step already takes longer than a frame; yield between steps so commands get in.
  frameBudgetMs: 0,
  parallel: helpers,
});

/** N − 1 helper workers for N = dataParallelWorkers(cores, batch); null where there are none. */
function helpers(config: TrainingConfig): DataParallel | null {
  const n = dataParallelWorkers(globalThis.navigator?.hardwareConcurrency, config.batchSize);
  if (n < 2 || typeof Worker === 'undefined') return null;
  const ports: SharePort[] = [];
  try {
    for (let i = 1; i < n; i++) {
      ports.push(workerSharePort(new Worker(new URL('./shareWorker.ts', import.meta.url), { type: 'module', name: `attention-lab-share-${i}` })));
    }
  } catch {
    // No nested workers here: whatever started still helps (a failed helper is dropped later).
    if (!ports.length) return null;
  }
  return new DataParallel(ports);
}

const handle = createWorkerHandler(trainer, (msg) => scope.postMessage(msg));
scope.addEventListener('message', (e) => void handle(e.data));
