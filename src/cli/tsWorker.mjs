// Boots a TypeScript worker thread under tsx: Node 20 does not carry the main thread's
// module loader into workers, so each worker registers it before importing its entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
