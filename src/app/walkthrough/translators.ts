// The models the walkthrough computes with: one on the WebGPU backend when a device is
// available, and always one on the CPU backend (the reference the GPU is compared with, and
// the fallback). Each owns its backend, so replacing one frees its GPU memory. A pool holds
// at most one of each for the current model: `TranslatorPool` for translators (the
// encoder-decoder; the training step uses it too), `FamilyPool` for a model of any family.
import type { Backend } from '../../engine/backend';
import { createCpuBackend } from '../../engine/cpu';
import { createWebGPUBackend } from '../../engine/webgpu';
import type { GpuContext } from '../../engine/webgpu/device';
import type { Checkpoint } from '../../model/checkpoint';
import { loadModel, type LoadedModel } from '../../model/loadModel';
import { Translator } from '../../model/translator';
import type { BackendSummary } from '../../store/walkthroughResult';

export interface GpuHandle {
  ctx: GpuContext;
  /** The gpu slice's generation: objects made for an older device are invalid. */
  generation: number;
}

/** Anything built on one backend that can be destroyed with it. */
interface OnBackend {
  model: { be: Backend };
}

/** A model plus a queue that runs one computation on it at a time. */
export class Queued<R extends OnBackend> {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly key: string,
    readonly runner: R,
    readonly info: BackendSummary,
    /** The checkpoint the model was built from (its weights are the host copy). */
    readonly checkpoint: Checkpoint,
  ) {}

  /** Run fn after every earlier job on this model (their failures do not block it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  destroy(): void {
    this.runner.model.be.destroy();
  }
}

/** A translator and its queue. */
export class QueuedTranslator extends Queued<Translator> {
  get translator(): Translator {
    return this.runner;
  }
}

/** A model of any family (`loaded.family` says which) and its queue. */
export interface FamilyRunner {
  model: LoadedModelCore;
  loaded: LoadedModel;
}
type LoadedModelCore = { be: Backend };
export class QueuedModel extends Queued<FamilyRunner> {}

function familyRunner(be: Backend, cp: Checkpoint): FamilyRunner {
  const loaded = loadModel(be, cp);
  const inner = loaded.family === 'decoder' ? loaded.lm : loaded.family === 'encoder' ? loaded.mlm : loaded.translator;
  return { model: inner.model, loaded };
}

const CPU_INFO: BackendSummary = { kind: 'cpu', name: 'CPU', hasTimestamps: false };

/** How a pool builds its entries on each backend. */
interface Builders<Q> {
  cpu: (modelId: string, cp: Checkpoint) => Q;
  gpu: (modelId: string, cp: Checkpoint, gpu: GpuHandle) => Q;
}

/** On the GPU: build, and free the backend again if building fails. */
function onGpu<Q>(gpu: GpuHandle, make: (be: Backend, info: BackendSummary) => Q): Q {
  const be = createWebGPUBackend(gpu.ctx);
  try {
    return make(be, { kind: 'webgpu', name: be.info.name, hasTimestamps: be.info.hasTimestamps });
  } catch (e) {
    be.destroy();
    throw e;
  }
}

const TRANSLATOR_BUILDERS: Builders<QueuedTranslator> = {
  cpu: (modelId, cp) => new QueuedTranslator(`${modelId}|cpu`, Translator.fromCheckpoint(createCpuBackend(), cp), CPU_INFO, cp),
  gpu: (modelId, cp, gpu) => onGpu(gpu, (be, info) => new QueuedTranslator(`${modelId}|webgpu:${gpu.generation}`, Translator.fromCheckpoint(be, cp), info, cp)),
};

const FAMILY_BUILDERS: Builders<QueuedModel> = {
  cpu: (modelId, cp) => new QueuedModel(`${modelId}|cpu`, familyRunner(createCpuBackend(), cp), CPU_INFO, cp),
  gpu: (modelId, cp, gpu) => onGpu(gpu, (be, info) => new QueuedModel(`${modelId}|webgpu:${gpu.generation}`, familyRunner(be, cp), info, cp)),
};

/** What a computation runs on: `main` shows the numbers, `cpu` is the reference. */
export interface Choice<Q> {
  main: Q;
  cpu: Q;
  /** Why the GPU was not used although a device was offered (creation failed). */
  gpuError?: string;
}

export type TranslatorChoice = Choice<QueuedTranslator>;
export type ModelChoice = Choice<QueuedModel>;

/** Keeps at most one CPU and one GPU entry, for the current model and device. */
class Pool<Q extends Queued<OnBackend>> {
  private cpu: { modelId: string; entry: Q } | null = null;
  private gpu: { modelId: string; generation: number; entry: Q } | null = null;

  constructor(private readonly build: Builders<Q>) {}

  /** The CPU entry for a model (built on first use; replaces one for another model). */
  cpuTranslator(modelId: string, cp: Checkpoint): Q {
    if (this.cpu?.modelId !== modelId) {
      this.cpu?.entry.destroy();
      this.cpu = { modelId, entry: this.build.cpu(modelId, cp) };
    }
    return this.cpu.entry;
  }

  choose(modelId: string, cp: Checkpoint, gpu: GpuHandle | null): Choice<Q> {
    const cpu = this.cpuTranslator(modelId, cp);
    if (!gpu) {
      this.dropGpu();
      return { main: cpu, cpu };
    }
    if (this.gpu?.modelId !== modelId || this.gpu.generation !== gpu.generation) {
      this.dropGpu();
      try {
        this.gpu = { modelId, generation: gpu.generation, entry: this.build.gpu(modelId, cp, gpu) };
      } catch (e) {
        return { main: cpu, cpu, gpuError: e instanceof Error ? e.message : String(e) };
      }
    }
    return { main: this.gpu.entry, cpu };
  }

  /** Forget the GPU entry (after a failure), so the next choice builds a fresh one. */
  dropGpu(): void {
    this.gpu?.entry.destroy();
    this.gpu = null;
  }

  destroy(): void {
    this.dropGpu();
    this.cpu?.entry.destroy();
    this.cpu = null;
  }
}

/** Translators (encoder-decoder checkpoints only). */
export class TranslatorPool extends Pool<QueuedTranslator> {
  constructor() {
    super(TRANSLATOR_BUILDERS);
  }
}

/** Models of any family, built by `loadModel`. */
export class FamilyPool extends Pool<QueuedModel> {
  constructor() {
    super(FAMILY_BUILDERS);
  }
}
