// The CPU Backend: every op of ../backend.ts in plain TypeScript, run at once. It is the
// reference the WebGPU kernels are tested against, the command line's engine and the
// browser fallback (main thread or worker: no Node-only imports).
import {
  EngineError,
  type Activation,
  type AdamOptions,
  type Arena,
  type ArenaEntry,
  type Backend,
  type BackendInfo,
  type CrossEntropyOptions,
  type CrossEntropyResult,
  type DispatchRecord,
  type DType,
  type EmbeddingOptions,
  type LayerNormGrads,
  type LayerNormResult,
  type MatmulGroupOptions,
  type MatmulOptions,
  type OutOptions,
  type ReadbackTicket,
  type Shape,
  type SoftmaxOptions,
  type Tensor,
} from '../backend';
import { activation, activationBackward } from './activation';
import { adam } from './adam';
import { FUSED_KERNELS } from '../shared/fusedKernels';
import { CpuArena } from './arena';
import { needAny } from './checks';
import { CpuContext } from './context';
import { crossEntropy } from './crossEntropy';
import { dropoutMask } from './dropout';
import { add, mul, scale } from './elementwise';
import { embedding, embeddingBackward } from './embedding';
import { mergeHeads, splitHeads } from './heads';
import { attention, attentionBackward } from './attention';
import { addLayerNorm, layerNorm, layerNormBackward } from './layernorm';
import { matmul, matmulActivation, matmulGroup } from './matmul';
import { concatTime, copyTensor, createTensor, fillTensor, reshape, sliceRows, writeTensor } from './memory';
import { colSum, sumSquares } from './reduce';
import { runScope } from './scope';
import { maskScores, softmax, softmaxBackward } from './softmax';
import { CpuTensor } from './tensor';

const labelOf = (t: Tensor) => t.label;

export class CpuBackend implements Backend {
  readonly info: BackendInfo = { kind: 'cpu', name: 'CPU', isFallbackAdapter: false, hasTimestamps: false };
  private readonly ctx = new CpuContext();

  // ---- memory -----------------------------------------------------------------------------

  tensor(shape: Shape, data?: ArrayLike<number> | null, dtype: DType = 'f32', label = 'tensor'): CpuTensor {
    this.alive('tensor');
    return createTensor(this.ctx, shape, data, dtype, label);
  }

  reshape(t: Tensor, shape: Shape): CpuTensor {
    this.alive('reshape');
    return reshape(this.ctx, t, shape);
  }

  sliceRows(t: Tensor, start: number, count: number, label?: string): CpuTensor {
    return this.ctx.run('sliceRows', 'copy.rows', 'cpu/memory.ts', () => sliceRows(this.ctx, t, start, count, label), labelOf);
  }

  concatTime(a: Tensor, b: Tensor, batch: number, label?: string): CpuTensor {
    return this.ctx.run('concatTime', 'concat.time', 'cpu/memory.ts', () => concatTime(this.ctx, a, b, batch, label), labelOf);
  }

  write(t: Tensor, data: ArrayLike<number>): void {
    this.alive('write');
    writeTensor(needAny('write', 't', t), data);
  }

  copy(src: Tensor, dst: Tensor): void {
    this.alive('copy');
    copyTensor(src, dst);
  }

  fill(t: Tensor, value: number): void {
    this.alive('fill');
    fillTensor(t, value);
  }

  /** Idempotent. Arena views live as long as their arena: disposing one does nothing. */
  dispose(t: Tensor): void {
    if (t instanceof CpuTensor && (t.disposed || t.persistent)) return;
    this.ctx.dispose(needAny('dispose', 't', t));
  }

  scope<T>(fn: () => T): T {
    this.alive('scope');
    return runScope(this.ctx, fn);
  }

  createArena(entries: readonly ArenaEntry[], label = 'arena'): Arena {
    this.alive('createArena');
    return new CpuArena(this.ctx, entries, label);
  }

  // ---- execution --------------------------------------------------------------------------

  flush(): void {}

  /** Errors (disposed tensor, destroyed backend) reject the promise, as on the GPU. */
  async read(t: Tensor): Promise<Float32Array | Int32Array> {
    this.alive('read');
    return needAny('read', 't', t).data.slice();
  }

  /** Never null on the CPU: the copy is taken now and the ticket is already resolved. */
  readback(t: Tensor, label?: string): ReadbackTicket {
    this.alive('readback');
    const data = needAny('readback', 't', t).data.slice();
    return { label: label ?? t.label, data: Promise.resolve(data) };
  }

  sync(): Promise<void> {
    return Promise.resolve();
  }

  labelPath(): string {
    return this.ctx.scopePath.join('/');
  }

  labelScope<T>(label: string, fn: () => T): T {
    this.ctx.scopePath.push(label);
    try {
      return fn();
    } finally {
      this.ctx.scopePath.pop();
    }
  }

  recordDispatches<T>(fn: () => T, opts?: { profile?: boolean }): { result: T; records: Promise<DispatchRecord[]> } {
    const recorder = this.ctx.startRecording(!!opts?.profile);
    try {
      const result = fn();
      return { result, records: Promise.resolve(recorder.records) };
    } finally {
      this.ctx.stopRecording(recorder);
    }
  }

  destroy(): void {
    this.ctx.destroyed = true;
  }

  // ---- linear algebra and attention ---------------------------------------------------------

  matmul(a: Tensor, b: Tensor, opts?: MatmulOptions): CpuTensor {
    return this.ctx.run('matmul', 'matmul', 'cpu/matmul.ts', () => matmul(this.ctx, a, b, opts), labelOf);
  }

  matmulGroup(a: readonly Tensor[], b: readonly Tensor[], opts?: MatmulGroupOptions): CpuTensor[] {
    return this.ctx.run('matmulGroup', 'matmul.group', 'cpu/matmul.ts', () => matmulGroup(this.ctx, a, b, opts), (r) => r[0]?.label ?? '');
  }

  matmulActivation(a: Tensor, b: Tensor, kind: Activation, opts?: Pick<MatmulOptions, 'bias' | 'alpha' | 'transA' | 'transB'>) {
    return this.ctx.run('matmulActivation', `matmul+${kind}`, 'cpu/matmul.ts', () => matmulActivation(this.ctx, a, b, kind, opts), (r) => r.y.label);
  }

  attention(q: Tensor, k: Tensor, v: Tensor, opts?: SoftmaxOptions) {
    return this.ctx.run('attention', FUSED_KERNELS.attention, 'cpu/attention.ts', () => attention(this.ctx, q, k, v, opts), (r) => r.out.label);
  }

  attentionBackward(q: Tensor, k: Tensor, v: Tensor, weights: Tensor, dOut: Tensor, scale?: number) {
    return this.ctx.run('attentionBackward', FUSED_KERNELS.attentionBackward, 'cpu/attention.ts', () => attentionBackward(this.ctx, q, k, v, weights, dOut, scale), (r) => r.dq.label);
  }

  addLayerNorm(x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps: number) {
    return this.ctx.run('addLayerNorm', FUSED_KERNELS.addLayerNorm, 'cpu/layernorm.ts', () => addLayerNorm(this.ctx, x, r, gamma, beta, eps), (res) => res.y.label);
  }

  splitHeads(x: Tensor, batch: number, heads: number): CpuTensor {
    return this.ctx.run('splitHeads', 'heads.split', 'cpu/heads.ts', () => splitHeads(this.ctx, x, batch, heads), labelOf);
  }

  mergeHeads(x: Tensor, batch: number, heads: number, opts?: OutOptions): CpuTensor {
    return this.ctx.run('mergeHeads', 'heads.merge', 'cpu/heads.ts', () => mergeHeads(this.ctx, x, batch, heads, opts), labelOf);
  }

  softmax(x: Tensor, opts?: SoftmaxOptions): CpuTensor {
    return this.ctx.run('softmax', 'softmax', 'cpu/softmax.ts', () => softmax(this.ctx, x, opts), labelOf);
  }

  softmaxBackward(y: Tensor, dy: Tensor, s?: number): CpuTensor {
    return this.ctx.run('softmaxBackward', 'softmax.backward', 'cpu/softmax.ts', () => softmaxBackward(this.ctx, y, dy, s), labelOf);
  }

  maskScores(x: Tensor, opts?: SoftmaxOptions): CpuTensor {
    return this.ctx.run('maskScores', 'softmax.mask', 'cpu/softmax.ts', () => maskScores(this.ctx, x, opts), labelOf);
  }

  // ---- normalization ----------------------------------------------------------------------

  layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps: number): LayerNormResult {
    return this.ctx.run('layerNorm', 'layernorm', 'cpu/layernorm.ts', () => layerNorm(this.ctx, x, gamma, beta, eps), (r) => r.y.label);
  }

  layerNormBackward(
    dy: Tensor,
    x: Tensor,
    mean: Tensor,
    rstd: Tensor,
    gamma: Tensor,
    opts?: { dGamma?: Tensor; dBeta?: Tensor },
  ): LayerNormGrads {
    return this.ctx.run(
      'layerNormBackward',
      'layernorm.backward',
      'cpu/layernorm.ts',
      () => layerNormBackward(this.ctx, dy, x, mean, rstd, gamma, opts),
      (r) => r.dx.label,
    );
  }

  // ---- elementwise ------------------------------------------------------------------------

  activation(x: Tensor, kind: Activation): CpuTensor {
    return this.ctx.run('activation', `activation.${kind}`, 'cpu/activation.ts', () => activation(this.ctx, x, kind), labelOf);
  }

  activationBackward(x: Tensor, dy: Tensor, kind: Activation): CpuTensor {
    return this.ctx.run(
      'activationBackward',
      `activation.${kind}.backward`,
      'cpu/activation.ts',
      () => activationBackward(this.ctx, x, dy, kind),
      labelOf,
    );
  }

  add(a: Tensor, b: Tensor, opts?: OutOptions & { alpha?: number }): CpuTensor {
    return this.ctx.run('add', 'elementwise.add', 'cpu/elementwise.ts', () => add(this.ctx, a, b, opts), labelOf);
  }

  mul(a: Tensor, b: Tensor, opts?: OutOptions): CpuTensor {
    return this.ctx.run('mul', 'elementwise.mul', 'cpu/elementwise.ts', () => mul(this.ctx, a, b, opts), labelOf);
  }

  scale(a: Tensor, s: number, opts?: OutOptions): CpuTensor {
    return this.ctx.run('scale', 'elementwise.scale', 'cpu/elementwise.ts', () => scale(this.ctx, a, s, opts), labelOf);
  }

  colSum(x: Tensor, opts?: OutOptions): CpuTensor {
    return this.ctx.run('colSum', 'reduce.colsum', 'cpu/reduce.ts', () => colSum(this.ctx, x, opts), labelOf);
  }

  sumSquares(x: Tensor, opts?: OutOptions): CpuTensor {
    return this.ctx.run('sumSquares', 'reduce.sumsquares', 'cpu/reduce.ts', () => sumSquares(this.ctx, x, opts), labelOf);
  }

  dropoutMask(shape: Shape, p: number, seed: number): CpuTensor {
    return this.ctx.run('dropoutMask', 'dropout.mask', 'cpu/dropout.ts', () => dropoutMask(this.ctx, shape, p, seed), labelOf);
  }

  // ---- embedding, loss, optimizer ---------------------------------------------------------

  embedding(ids: Tensor, table: Tensor, opts: EmbeddingOptions): CpuTensor {
    return this.ctx.run('embedding', 'embedding', 'cpu/embedding.ts', () => embedding(this.ctx, ids, table, opts), labelOf);
  }

  embeddingBackward(ids: Tensor, dy: Tensor, out: Tensor, s?: number): void {
    this.ctx.run(
      'embeddingBackward',
      'embedding.backward',
      'cpu/embedding.ts',
      () => embeddingBackward(ids, dy, out, s),
      () => out.label,
    );
  }

  crossEntropy(logits: Tensor, targets: Tensor, opts?: CrossEntropyOptions): CrossEntropyResult {
    return this.ctx.run(
      'crossEntropy',
      'cross_entropy',
      'cpu/crossEntropy.ts',
      () => crossEntropy(this.ctx, logits, targets, opts),
      (r) => r.loss.label,
    );
  }

  adam(arena: Arena, opts: AdamOptions): void {
    this.ctx.run('adam', 'adam', 'cpu/adam.ts', () => adam(arena, opts), () => arena.params.label);
  }

  private alive(op: string): void {
    if (this.ctx.destroyed) throw new EngineError(op, 'the CPU backend was destroyed');
  }
}
