// The translators the walkthrough computes with: one on the WebGPU backend when a device is
// available, and always one on the CPU backend (the reference the GPU is compared with, and
// the fallback). Each translator owns its backend, so replacing one frees its GPU memory.
import { createCpuBackend } from '../../engine/cpu';
import { createWebGPUBackend } from '../../engine/webgpu';
import type { GpuContext } from '../../engine/webgpu/device';
import type { Checkpoint } from '../../model/checkpoint';
import { Translator } from '../../model/translator';
import type { EngineInfo } from '../../store/walkthroughResult';

export interface GpuHandle {
  ctx: GpuContext;
  /** The gpu slice's generation: objects made for an older device are invalid. */
  generation: number;
}

/** A translator plus a queue that runs one computation on it at a time. */
export class Engine {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly key: string,
    readonly translator: Translator,
    readonly info: EngineInfo,
    /** The checkpoint the translator was built from (its weights are the host copy). */
    readonly checkpoint: Checkpoint,
  ) {}

  /** Run fn after every earlier job on this engine (their failures do not block it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  destroy(): void {
    this.translator.model.be.destroy();
  }
}

function buildCpu(modelId: string, cp: Checkpoint): Engine {
  const tr = Translator.fromCheckpoint(createCpuBackend(), cp);
  return new Engine(`${modelId}|cpu`, tr, { kind: 'cpu', name: 'CPU', hasTimestamps: false }, cp);
}

function buildGpu(modelId: string, cp: Checkpoint, gpu: GpuHandle): Engine {
  const be = createWebGPUBackend(gpu.ctx);
  try {
    const tr = Translator.fromCheckpoint(be, cp);
    const info: EngineInfo = { kind: 'webgpu', name: be.info.name, hasTimestamps: be.info.hasTimestamps };
    return new Engine(`${modelId}|webgpu:${gpu.generation}`, tr, info, cp);
  } catch (e) {
    be.destroy();
    throw e;
  }
}

/** What a computation runs on: `main` shows the numbers, `cpu` is the reference. */
export interface EngineChoice {
  main: Engine;
  cpu: Engine;
  /** Why the GPU was not used although a device was offered (creation failed). */
  gpuError?: string;
}

/** Keeps at most one CPU and one GPU engine, for the current model and device. */
export class EnginePool {
  private cpu: { modelId: string; engine: Engine } | null = null;
  private gpu: { modelId: string; generation: number; engine: Engine } | null = null;

  /** The CPU engine for a model (built on first use; replaces one for another model). */
  cpuEngine(modelId: string, cp: Checkpoint): Engine {
    if (this.cpu?.modelId !== modelId) {
      this.cpu?.engine.destroy();
      this.cpu = { modelId, engine: buildCpu(modelId, cp) };
    }
    return this.cpu.engine;
  }

  choose(modelId: string, cp: Checkpoint, gpu: GpuHandle | null): EngineChoice {
    const cpu = this.cpuEngine(modelId, cp);
    if (!gpu) {
      this.dropGpu();
      return { main: cpu, cpu };
    }
    if (this.gpu?.modelId !== modelId || this.gpu.generation !== gpu.generation) {
      this.dropGpu();
      try {
        this.gpu = { modelId, generation: gpu.generation, engine: buildGpu(modelId, cp, gpu) };
      } catch (e) {
        return { main: cpu, cpu, gpuError: e instanceof Error ? e.message : String(e) };
      }
    }
    return { main: this.gpu.engine, cpu };
  }

  /** Forget the GPU engine (after a failure), so the next choice builds a fresh one. */
  dropGpu(): void {
    this.gpu?.engine.destroy();
    this.gpu = null;
  }

  destroy(): void {
    this.dropGpu();
    this.cpu?.engine.destroy();
    this.cpu = null;
  }
}
