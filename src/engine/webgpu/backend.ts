// The WebGPU Backend: every op of ../backend.ts, encoded into one command stream. Ops only
// encode; flush() submits (one queue.submit); read() is the only op that waits.
import {
  EngineError,
  type Activation,
  type AdamOptions,
  type Arena,
  type ArenaEntry,
  type Backend,
  type BackendInfo,
  type CrossEntropyOptions,
  type DispatchRecord,
  type DType,
  type EmbeddingOptions,
  type MatmulGroupOptions,
  type MatmulOptions,
  type OutOptions,
  type ReadbackTicket,
  type Shape,
  type SoftmaxOptions,
  type Tensor,
} from '../backend';
import { GpuArena } from './arena';
import { GpuExecutor, type WebGpuOptions } from './context';
import type { GpuContext } from './device';
import { activation, activationBackward } from './kernels/activation';
import { adam } from './kernels/adam';
import { crossEntropy } from './kernels/crossEntropy';
import * as ew from './kernels/elementwise';
import { embedding, embeddingBackward } from './kernels/embedding';
import { attention, attentionBackward } from './kernels/attention';
import { addLayerNorm, layerNorm, layerNormBackward } from './kernels/layernorm';
import { matmul, matmulActivation, matmulGroup } from './kernels/matmul';
import { maskScores, softmax, softmaxBackward } from './kernels/softmax';
import { copyTensor, createTensor, reshape, sliceRows, writeTensor } from './memory';
import { runScope } from './scope';

/** Counters for benchmarks: per step, report the differences between two snapshots. */
export interface WebGpuStats {
  dispatches: number;
  submits: number;
  copies: number;
  /** read() calls: the readbacks someone awaited. */
  awaitedReadbacks: number;
  /** readback() tickets issued and dropped (ring full). */
  readbacks: number;
  droppedReadbacks: number;
  buffersCreated: number;
  bytesCreated: number;
  buffersInUse: number;
  pipelinesCreated: number;
  bindGroupsCreated: number;
}

export class WebGpuBackend implements Backend {
  readonly info: BackendInfo;
  private readonly e: GpuExecutor;
  private awaited = 0;

  constructor(ctx: GpuContext, options: WebGpuOptions = {}) {
    this.e = new GpuExecutor(ctx.device, ctx.info.hasTimestamps, options);
    this.info = {
      kind: 'webgpu',
      name: ctx.info.name,
      isFallbackAdapter: ctx.info.isFallbackAdapter,
      hasTimestamps: ctx.info.hasTimestamps,
    };
  }

  stats(): WebGpuStats {
    const { stream, pool, ring, pipelines } = this.e;
    return {
      ...stream.stats,
      awaitedReadbacks: this.awaited,
      readbacks: ring.stats.readbacks,
      droppedReadbacks: ring.stats.dropped,
      buffersCreated: pool.stats.buffersCreated,
      bytesCreated: pool.stats.bytesCreated,
      buffersInUse: pool.stats.inUse,
      ...pipelines.stats,
    };
  }

  // ---- memory -----------------------------------------------------------------------------
  tensor(shape: Shape, data?: ArrayLike<number> | null, dtype: DType = 'f32', label = 'tensor'): Tensor {
    return createTensor(this.e, shape, data, dtype, label);
  }
  reshape(t: Tensor, shape: Shape): Tensor {
    return reshape(this.e, t, shape);
  }
  sliceRows(t: Tensor, start: number, count: number, label?: string): Tensor {
    return sliceRows(this.e, t, start, count, label);
  }
  concatTime(a: Tensor, b: Tensor, batch: number, label?: string): Tensor {
    return ew.concatTime(this.e, a, b, batch, label);
  }
  write(t: Tensor, data: ArrayLike<number>): void {
    writeTensor(this.e, t, data);
  }
  copy(src: Tensor, dst: Tensor): void {
    copyTensor(this.e, src, dst);
  }
  fill(t: Tensor, value: number): void {
    ew.fill(this.e, t, value);
  }
  dispose(t: Tensor): void {
    if (this.e.destroyed) return; // everything is gone already
    this.e.dispose(this.e.need('dispose', 't', t, 'any'));
  }
  scope<T>(fn: () => T): T {
    return runScope(this.e, fn);
  }
  createArena(entries: readonly ArenaEntry[], label = 'arena'): Arena {
    if (this.e.destroyed) throw new EngineError('createArena', 'the WebGPU backend was destroyed');
    return new GpuArena(this.e, entries, label);
  }

  // ---- execution --------------------------------------------------------------------------
  flush(): void {
    if (this.e.destroyed) throw new EngineError('flush', 'the WebGPU backend was destroyed');
    this.e.stream.flush();
  }

  async read(t: Tensor): Promise<Float32Array | Int32Array> {
    const T = this.e.need('read', 't', t, 'any');
    const bytes = T.bytes;
    const view = (b: ArrayBuffer) => (T.dtype === 'i32' ? new Int32Array(b) : new Float32Array(b));
    if (!bytes) return view(new ArrayBuffer(0));
    const staging = this.e.staging.acquire(bytes, T.label);
    this.e.stream.copy({ storage: T.storage, offset: T.offset, size: bytes }, { buffer: staging, offset: 0 }, bytes);
    this.e.stream.flush();
    this.awaited++;
    await staging.mapAsync(GPUMapMode.READ, 0, bytes);
    const copy = staging.getMappedRange(0, bytes).slice(0);
    staging.unmap();
    this.e.staging.release(staging);
    return view(copy);
  }

  readback(t: Tensor, label?: string): ReadbackTicket | null {
    const T = this.e.need('readback', 't', t, 'any');
    return this.e.ring.readback(T, label ?? T.label);
  }

  /** Flushes anything still encoded, then resolves when the queue is idle. */
  async sync(): Promise<void> {
    if (this.e.destroyed) return;
    if (this.e.stream.pending) this.e.stream.flush();
    await this.e.device.queue.onSubmittedWorkDone();
    await this.e.stream.profiler.idle();
  }

  labelPath(): string {
    return this.e.stream.scopePath.join('/');
  }

  labelScope<T>(label: string, fn: () => T): T {
    this.e.stream.scopePath.push(label);
    try {
      return fn();
    } finally {
      this.e.stream.scopePath.pop();
    }
  }

  /** matmul_direct4's 4 × 4 blocks per invocation along each side from now on (tune.ts measures which). */
  setMatmulBlocks(blocks: 1 | 2): void {
    this.e.options.matmulBlocks = blocks;
  }
  matmulBlocks(): 1 | 2 {
    return this.e.options.matmulBlocks ?? 1;
  }

  recordDispatches<T>(fn: () => T, opts?: { profile?: boolean }): { result: T; records: Promise<DispatchRecord[]> } {
    const rec = { records: [] as DispatchRecord[], profile: !!opts?.profile };
    const recorders = this.e.stream.recorders;
    recorders.push(rec);
    let result: T;
    try {
      result = fn();
    } finally {
      recorders.splice(recorders.lastIndexOf(rec), 1);
    }
    if (!rec.profile || !this.info.hasTimestamps) return { result, records: Promise.resolve(rec.records) };
    // Timed passes only report after their submit: submit now so the promise settles.
    this.e.stream.flush();
    return { result, records: this.e.stream.profiler.idle().then(() => rec.records) };
  }

  destroy(): void {
    if (!this.e.destroyed) this.e.destroy();
  }

  // ---- ops --------------------------------------------------------------------------------
  matmul(a: Tensor, b: Tensor, opts?: MatmulOptions): Tensor {
    return matmul(this.e, a, b, opts);
  }
  matmulGroup(a: readonly Tensor[], b: readonly Tensor[], opts?: MatmulGroupOptions): Tensor[] {
    return matmulGroup(this.e, a, b, opts);
  }
  matmulActivation(a: Tensor, b: Tensor, kind: Activation, opts?: Pick<MatmulOptions, 'bias' | 'alpha' | 'transA' | 'transB'>) {
    return matmulActivation(this.e, a, b, kind, opts);
  }
  attention(q: Tensor, k: Tensor, v: Tensor, opts?: SoftmaxOptions) {
    return attention(this.e, q, k, v, opts);
  }
  attentionBackward(q: Tensor, k: Tensor, v: Tensor, weights: Tensor, dOut: Tensor, scale?: number) {
    return attentionBackward(this.e, q, k, v, weights, dOut, scale);
  }
  addLayerNorm(x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps: number) {
    return addLayerNorm(this.e, x, r, gamma, beta, eps);
  }
  splitHeads(x: Tensor, batch: number, heads: number): Tensor {
    return ew.splitHeads(this.e, x, batch, heads);
  }
  mergeHeads(x: Tensor, batch: number, heads: number, opts?: OutOptions): Tensor {
    return ew.mergeHeads(this.e, x, batch, heads, opts);
  }
  softmax(x: Tensor, opts?: SoftmaxOptions): Tensor {
    return softmax(this.e, x, opts);
  }
  softmaxBackward(y: Tensor, dy: Tensor, scale?: number): Tensor {
    return softmaxBackward(this.e, y, dy, scale);
  }
  maskScores(x: Tensor, opts?: SoftmaxOptions): Tensor {
    return maskScores(this.e, x, opts);
  }
  layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps: number) {
    return layerNorm(this.e, x, gamma, beta, eps);
  }
  layerNormBackward(dy: Tensor, x: Tensor, mean: Tensor, rstd: Tensor, gamma: Tensor, opts?: { dGamma?: Tensor; dBeta?: Tensor }) {
    return layerNormBackward(this.e, dy, x, mean, rstd, gamma, opts);
  }
  activation(x: Tensor, kind: Activation): Tensor {
    return activation(this.e, x, kind);
  }
  activationBackward(x: Tensor, dy: Tensor, kind: Activation): Tensor {
    return activationBackward(this.e, x, dy, kind);
  }
  add(a: Tensor, b: Tensor, opts?: OutOptions & { alpha?: number }): Tensor {
    return ew.add(this.e, a, b, opts);
  }
  mul(a: Tensor, b: Tensor, opts?: OutOptions): Tensor {
    return ew.mul(this.e, a, b, opts);
  }
  scale(a: Tensor, s: number, opts?: OutOptions): Tensor {
    return ew.scale(this.e, a, s, opts);
  }
  colSum(x: Tensor, opts?: OutOptions): Tensor {
    return ew.colSum(this.e, x, opts);
  }
  sumSquares(x: Tensor, opts?: OutOptions): Tensor {
    return ew.sumSquares(this.e, x, opts);
  }
  dropoutMask(shape: Shape, p: number, seed: number): Tensor {
    return ew.dropoutMask(this.e, shape, p, seed);
  }
  embedding(ids: Tensor, table: Tensor, opts: EmbeddingOptions): Tensor {
    return embedding(this.e, ids, table, opts);
  }
  embeddingBackward(ids: Tensor, dy: Tensor, out: Tensor, scale?: number): void {
    embeddingBackward(this.e, ids, dy, out, scale);
  }
  crossEntropy(logits: Tensor, targets: Tensor, opts?: CrossEntropyOptions) {
    return crossEntropy(this.e, logits, targets, opts);
  }
  adam(arena: Arena, opts: AdamOptions): void {
    adam(this.e, arena, opts);
  }
}
