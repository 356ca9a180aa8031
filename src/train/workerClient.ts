// The page's handle on a trainer running in a Web Worker: the TrainerHandle interface over
// the message protocol of protocol.ts. Used when there is no WebGPU — the CPU engine computes
// in the worker, so the page's main thread only receives numbers.
import type { TrainerInfo, TrainerSpec, ProbeInfo, RunSettingsPatch, TrainerEvent, TrainerHandle } from './events';
import type { HostState } from './guard';
import type { QualityReport } from './measure';
import type { MeasureRequest, MeasureResult } from './measureRequests';
import type { WorkerCommand, WorkerMessage, WorkerOp, WorkerRequest, WorkerResults } from './protocol';
import { fromErrorInfo, TrainerError } from './trainerError';

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(msg: WorkerRequest): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** The real worker (Vite bundles worker.ts as a module worker). */
export function spawnTrainingWorker(): WorkerPort {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'attention-lab-trainer' }) as unknown as WorkerPort;
}

export class WorkerTrainerClient implements TrainerHandle {
  readonly kind = 'cpu-worker' as const;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Set<(e: TrainerEvent) => void>();
  private closed = false;

  constructor(private readonly port: WorkerPort = spawnTrainingWorker()) {
    port.addEventListener('message', (e: MessageEvent<WorkerMessage>) => this.receive(e.data));
    port.addEventListener('error', (e: ErrorEvent) => {
      const error = { code: 'internal' as const, message: `training worker: ${e.message || 'failed to load'}` };
      this.rejectAll(fromErrorInfo(error));
      this.emit({ type: 'error', error });
    });
  }

  private receive(msg: WorkerMessage): void {
    if (msg.kind === 'event') return this.emit(msg.event);
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(fromErrorInfo(msg.error));
  }

  private call<K extends WorkerOp>(command: Extract<WorkerCommand, { op: K }>): Promise<WorkerResults[K]> {
    if (this.closed) return Promise.reject(new TrainerError('internal', `training worker: '${command.op}' after dispose`));
    const id = this.nextId++;
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage({ id, command });
    });
  }

  init(spec: TrainerSpec): Promise<TrainerInfo> {
    return this.call({ op: 'init', spec });
  }

  start(): void {
    void this.call({ op: 'start' }).catch(() => undefined);
  }

  async pause(): Promise<void> {
    await this.call({ op: 'pause' });
  }

  async step(n = 1): Promise<void> {
    await this.call({ op: 'step', n });
  }

  async update(patch: RunSettingsPatch): Promise<void> {
    await this.call({ op: 'update', patch });
  }

  setProbe(text: string): Promise<ProbeInfo> {
    return this.call({ op: 'set-probe', text });
  }

  evaluate(): Promise<QualityReport> {
    return this.call({ op: 'evaluate' });
  }

  measure(req: MeasureRequest): Promise<MeasureResult> {
    return this.call({ op: 'measure', req });
  }

  exportState(): Promise<HostState> {
    return this.call({ op: 'export-state' });
  }

  lastGoodState(): Promise<HostState> {
    return this.call({ op: 'last-good-state' });
  }

  weights(): Promise<Record<string, Float32Array>> {
    return this.call({ op: 'weights' });
  }

  subscribe(listener: (e: TrainerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.rejectAll(new TrainerError('internal', 'training worker: disposed'));
    this.port.terminate();
  }

  private rejectAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private emit(e: TrainerEvent): void {
    for (const l of this.listeners) l(e);
  }
}
