// The training worker's entry: a Trainer on the CPU engine behind the message protocol.
// Spawned by workerClient.ts when the browser has no WebGPU; the page stays responsive
// because every step runs here.
import { createCpuBackend } from '../engine/cpu';
import { loadTatoeba } from '../data';
import { createWorkerHandler, type WorkerMessage, type WorkerRequest } from './protocol';
import { Trainer } from './trainer';

const scope = self as unknown as {
  postMessage(msg: WorkerMessage): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<WorkerRequest>) => void): void;
};

const trainer = new Trainer({
  backend: createCpuBackend(),
  kind: 'cpu-worker',
  // A worker has no document: the page sends its base URL with the spec.
  loadTatoeba: (baseUrl) => loadTatoeba({ baseUrl }),
  // One CPU step already takes longer than a frame; yield between steps so commands get in.
  frameBudgetMs: 0,
});

const handle = createWorkerHandler(trainer, (msg) => scope.postMessage(msg));
scope.addEventListener('message', (e) => void handle(e.data));
