// Trainers for the browser: the in-page trainer on a WebGPU device, or the CPU trainer in a
// Web Worker (so the page stays responsive). Loaded on demand by the app's training service.
import { createCpuBackend } from '../engine/cpu';
import { createWebGPUBackend, tuneMatmulBlocksOnce } from '../engine/webgpu';
import type { GpuContext } from '../engine/webgpu/device';
import { loadTatoeba } from '../data';
import type { TrainerHandle } from './events';
import { tuneShapeOf } from './tuneShape';
import type { TrainingConfig } from './trainingConfig';
import { Trainer } from './trainer';
import { WorkerTrainerClient } from './workerClient';

export type TrainerTarget = { kind: 'webgpu'; ctx: GpuContext } | { kind: 'cpu' };

export function createTrainer(target: TrainerTarget): TrainerHandle {
  const load = (baseUrl?: string) => loadTatoeba({ baseUrl });
  if (target.kind === 'webgpu') {
    const backend = createWebGPUBackend(target.ctx);
    // A failed measurement (a lost device, say) leaves the 4 × 4 form; the run's own steps
    // meet any real failure through the usual path.
    const prepare = (config: TrainingConfig) => tuneMatmulBlocksOnce(target.ctx, backend, tuneShapeOf(config)).then(
      () => undefined,
      () => undefined,
    );
    return new Trainer({ backend, kind: 'webgpu', ownsBackend: true, loadTatoeba: load, prepare });
  }
  if (typeof Worker !== 'undefined') return new WorkerTrainerClient();
  // No workers (unusual): train on the main thread, one step per task.
  return new Trainer({ backend: createCpuBackend(), kind: 'cpu', ownsBackend: true, loadTatoeba: load, frameBudgetMs: 0 });
}

export { runExperiment } from './experimentRun';
export { benchTraining } from './bench';
