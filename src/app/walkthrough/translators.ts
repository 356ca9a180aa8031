// The translators the walkthrough computes with: one on the WebGPU backend when a device is
// available, and always one on the CPU backend (the reference the GPU is compared with, and
// the fallback). Each translator owns its backend, so replacing one frees its GPU memory.
import { createCpuBackend } from '../../engine/cpu';
import { createWebGPUBackend } from '../../engine/webgpu';
import type { GpuContext } from '../../engine/webgpu/device';
import type { Checkpoint } from '../../model/checkpoint';
import { Translator } from '../../model/translator';
import type { BackendSummary } from '../../store/walkthroughResult';

export interface GpuHandle {
  ctx: GpuContext;
  /** The gpu slice's generation: objects made for an older device are invalid. */
  generation: number;
}

/** A translator plus a queue that runs one computation on it at a time. */
export class QueuedTranslator {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly key: string,
    readonly translator: Translator,
    readonly info: BackendSummary,
    /** The checkpoint the translator was built from (its weights are the host copy). */
    readonly checkpoint: Checkpoint,
  ) {}

  /** Run fn after every earlier job on this translator (their failures do not block it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  destroy(): void {
    this.translator.model.be.destroy();
  }
}

function buildCpu(modelId: string, cp: Checkpoint): QueuedTranslator {
  const tr = Translator.fromCheckpoint(createCpuBackend(), cp);
  return new QueuedTranslator(`${modelId}|cpu`, tr, { kind: 'cpu', name: 'CPU', hasTimestamps: false }, cp);
}

function buildGpu(modelId: string, cp: Checkpoint, gpu: GpuHandle): QueuedTranslator {
  const be = createWebGPUBackend(gpu.ctx);
  try {
    const tr = Translator.fromCheckpoint(be, cp);
    const info: BackendSummary = { kind: 'webgpu', name: be.info.name, hasTimestamps: be.info.hasTimestamps };
    return new QueuedTranslator(`${modelId}|webgpu:${gpu.generation}`, tr, info, cp);
  } catch (e) {
    be.destroy();
    throw e;
  }
}

/** What a computation runs on: `main` shows the numbers, `cpu` is the reference. */
export interface TranslatorChoice {
  main: QueuedTranslator;
  cpu: QueuedTranslator;
  /** Why the GPU was not used although a device was offered (creation failed). */
  gpuError?: string;
}

/** Keeps at most one CPU and one GPU translator, for the current model and device. */
export class TranslatorPool {
  private cpu: { modelId: string; translator: QueuedTranslator } | null = null;
  private gpu: { modelId: string; generation: number; translator: QueuedTranslator } | null = null;

  /** The CPU translator for a model (built on first use; replaces one for another model). */
  cpuTranslator(modelId: string, cp: Checkpoint): QueuedTranslator {
    if (this.cpu?.modelId !== modelId) {
      this.cpu?.translator.destroy();
      this.cpu = { modelId, translator: buildCpu(modelId, cp) };
    }
    return this.cpu.translator;
  }

  choose(modelId: string, cp: Checkpoint, gpu: GpuHandle | null): TranslatorChoice {
    const cpu = this.cpuTranslator(modelId, cp);
    if (!gpu) {
      this.dropGpu();
      return { main: cpu, cpu };
    }
    if (this.gpu?.modelId !== modelId || this.gpu.generation !== gpu.generation) {
      this.dropGpu();
      try {
        this.gpu = { modelId, generation: gpu.generation, translator: buildGpu(modelId, cp, gpu) };
      } catch (e) {
        return { main: cpu, cpu, gpuError: e instanceof Error ? e.message : String(e) };
      }
    }
    return { main: this.gpu.translator, cpu };
  }

  /** Forget the GPU translator (after a failure), so the next choice builds a fresh one. */
  dropGpu(): void {
    this.gpu?.translator.destroy();
    this.gpu = null;
  }

  destroy(): void {
    this.dropGpu();
    this.cpu?.translator.destroy();
    this.cpu = null;
  }
}
