// The engine interface: every numeric op the model graph and trainer need, forward and
// backward, implemented twice — on WebGPU (src/engine/webgpu) and in plain TypeScript
// (src/engine/cpu). Both must agree to 1e-4 relative error; tests hold them to it.
//
// Conventions
// - Tensors are dense, row-major, float32 ('f32') or int32 ('i32').
// - Ops never mutate their inputs unless an `out` tensor is passed. With `accumulate: true`
//   the result is added to `out` (C += …), which is how parameter gradients are summed.
// - Every op validates shapes and dtypes first and throws EngineError naming the op and the
//   shapes, e.g. `matmul: inner dims differ, a (12, 64) b (32, 64)`.
// - On WebGPU ops only *encode* work; nothing runs until `flush()` submits it, and nothing is
//   ever awaited except `read()`. On the CPU ops run at once and `flush()` does nothing.

export type DType = 'f32' | 'i32';
export type Shape = readonly number[];

/** A handle to backend-owned memory. Backends extend this with their own storage fields. */
export interface Tensor {
  readonly id: number;
  readonly shape: Shape;
  readonly dtype: DType;
  /** Number of elements (product of shape). */
  readonly size: number;
  /** Human-readable name used for GPU object labels and error messages. */
  readonly label: string;
}

export class EngineError extends Error {
  constructor(
    readonly op: string,
    detail: string,
  ) {
    super(`${op}: ${detail}`);
    this.name = 'EngineError';
  }
}

/** Result accumulation target shared by ops that produce one tensor. */
export interface OutOptions {
  /** Write the result here instead of allocating. Must have the result's size. */
  out?: Tensor;
  /** Add the result to `out` instead of overwriting it (requires `out`). */
  accumulate?: boolean;
}

export type Activation = 'relu' | 'gelu';

export interface MatmulOptions extends OutOptions {
  /** Use aᵀ: a is stored (…, K, M) instead of (…, M, K). */
  transA?: boolean;
  /** Use bᵀ: b is stored (…, N, K) instead of (…, K, N). */
  transB?: boolean;
  /** (N) added to every output row, after alpha. */
  bias?: Tensor;
  /** Multiplies the product: C = alpha·A·B (+ bias) (+ C if accumulate). Default 1. */
  alpha?: number;
  /**
   * (M, N) added to the result: C = alpha·op(A)·op(B) + add — a new tensor, `add` untouched
   * (how a gradient is summed into another without a separate add). Not with `bias`.
   */
  add?: Tensor;
  /**
   * Multiply by the activation's derivative at x (M, N), before `add`/accumulate:
   * C = act′(x) ⊙ (alpha·op(A)·op(B) + bias). The backward of act(x) fused into the product
   * that computes the gradient reaching it.
   */
  activationGrad?: { kind: Activation; x: Tensor };
  /**
   * (N) also receives the column sums of op(B) — as if op(A) had an extra row of ones:
   * sumB[n] = alpha·Σ_k op(B)[k, n] (added when accumulate). With C = xᵀ·dy, a linear layer's
   * weight gradient, sumB is its bias gradient. Not with bias, add or activationGrad.
   */
  sumB?: Tensor;
  /**
   * Head layouts (no copies): `aHeads: H` reads a (B·H, T, Dh) as its merged (B·T, H·Dh)
   * matrix, mergeHeads(a); `bHeads` the same for b (both 2-D products only);
   * `outHeads` writes C as splitHeads(C, batch, heads) would: (B·H, T, Dh) for an
   * (B·T, H·Dh) product. `add` and `activationGrad.x` are then in C's (head) layout too.
   */
  aHeads?: number;
  bHeads?: number;
  outHeads?: { batch: number; heads: number };
}

/**
 * A group of products of one shape, one kernel: C_g = alpha·op(A_g)·op(B_g) (+ bias_g)…
 * Lists have G entries, or one shared by every member (like a 2-D operand of a batched
 * matmul). Options apply to every member; `out` and `sumB` are lists too.
 */
export interface MatmulGroupOptions extends Omit<MatmulOptions, 'bias' | 'out' | 'sumB' | 'add' | 'activationGrad'> {
  bias?: readonly Tensor[];
  out?: readonly Tensor[];
  sumB?: readonly Tensor[];
  /** Sum the G products into one result: C = Σ_g alpha·op(A_g)·op(B_g) (+ add). */
  reduce?: boolean;
  /** (M, N) added to the (reduced) result, as MatmulOptions.add. Only with reduce. */
  add?: Tensor;
}

export interface SoftmaxOptions {
  /** Scores are multiplied by this before masking and softmax. Default 1. */
  scale?: number;
  /**
   * Causal (look-ahead) mask: in a (…, Tq, Tk) input, query i may see key j only when
   * j ≤ i + causalOffset. causalOffset defaults to 0; a KV-cached decode step uses
   * Tk − Tq so the new rows see every cached key.
   */
  causal?: boolean;
  causalOffset?: number;
  /**
   * Key padding mask (B, Tk) in f32: 1 = real token, 0 = padding (masked). The input's
   * leading dim must be B·heads; row-block b·heads + h uses mask row b.
   */
  keyMask?: Tensor;
  heads?: number;
}


export interface LayerNormResult {
  /** (R, C) normalized, scaled and shifted. */
  y: Tensor;
  /** (R) per-row mean. */
  mean: Tensor;
  /** (R) per-row 1/√(σ² + ε), σ² the biased variance. */
  rstd: Tensor;
}

/** addLayerNorm: LayerNorm of x + r, with the sum kept (the residual stream, for the backward). */
export interface AddLayerNormResult extends LayerNormResult {
  /** (R, C) x + r: the input the LayerNorm normalized. */
  sum: Tensor;
}

/** Fused attention forward: what softmax(mask(scale·Q·Kᵀ))·V computes, and its weights. */
export interface AttentionResult {
  /** (BH, Tq, Dh) the weighted sum P·V. */
  out: Tensor;
  /** (BH, Tq, Tk) P, the attention weights (kept for the backward). */
  weights: Tensor;
}

export interface AttentionGrads {
  dq: Tensor;
  dk: Tensor;
  dv: Tensor;
}

export interface LayerNormGrads {
  dx: Tensor;
  /** (C) — written into/accumulated onto opts.dGamma when given. */
  dGamma: Tensor;
  dBeta: Tensor;
}

export interface EmbeddingOptions {
  /** Multiply gathered rows by this (√D when embedScale). Default 1. */
  scale?: number;
  /** (P, D) positions added after scaling; row = position of the token inside its sequence. */
  positions?: Tensor;
  /** Tokens are laid out (B, T): token n sits at position (n mod T) + positionOffset. */
  seqLen: number;
  positionOffset?: number;
}

export interface CrossEntropyOptions {
  /** Label smoothing ε: target = (1 − ε)·onehot + ε/V over all V classes. Default 0. */
  smoothing?: number;
  /** Rows whose target equals this contribute no loss and no gradient. Default -1 (none). */
  ignoreIndex?: number;
  /** dlogits are divided by this (the number of non-ignored rows, for a mean loss). Default 1. */
  normalizer?: number;
}

export interface CrossEntropyResult {
  /** (N) per-row loss; 0 for ignored rows. Not divided by the normalizer. */
  loss: Tensor;
  /** (N, V) gradient of (Σ loss)/normalizer with respect to the logits. */
  dLogits: Tensor;
}

export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** Decoupled weight decay (AdamW). 0 gives plain Adam. */
  weightDecay: number;
  /**
   * (1) global gradient L2 norm (from sumSquares + sqrt inside the kernel: pass the
   * sum of squares). Gradients are scaled by min(1, maxNorm / norm) before the update.
   * When the norm is not finite the update is skipped entirely: weights, moments and the
   * arena's `adamStep` stay as they were.
   */
  gradSumSquares?: Tensor;
  maxNorm?: number;
}

/** One parameter group in flat storage: parameters, gradients and Adam moments. */
export interface Arena {
  /** Total floats per region, including alignment padding. */
  readonly length: number;
  /** Each region as one flat tensor of `length` floats. */
  readonly params: Tensor;
  readonly grads: Tensor;
  readonly m: Tensor;
  readonly v: Tensor;
  /**
   * (1) i32: Adam updates applied to this arena so far, the t of the bias correction
   * 1 − β^t. adam() advances it on the device, and only when it applies an update (a step
   * skipped for a non-finite gradient norm leaves it), so the count never needs a readback.
   * Part of the optimizer state: save and restore it with m and v. Starts at 0.
   */
  readonly adamStep: Tensor;
  /** Views into the regions at aligned offsets, by parameter name. */
  param(name: string): Tensor;
  grad(name: string): Tensor;
  names(): string[];
}

export interface ArenaEntry {
  name: string;
  shape: Shape;
}

/** A readback that resolves later without the caller waiting; see Backend.readback. */
export interface ReadbackTicket {
  readonly label: string;
  /** Resolves with a copy of the data once the GPU is done; never rejects on backpressure. */
  readonly data: Promise<Float32Array | Int32Array>;
}

/** One dispatched kernel, as reported to an op log (for the walkthrough's "where from"). */
export interface DispatchRecord {
  /** Kernel family and variant, e.g. 'matmul', 'softmax', 'layernorm.backward'. */
  kernel: string;
  /** The .wgsl file that holds it, e.g. 'matmul.wgsl' (CPU: the TS function name). */
  source: string;
  label: string;
  /** The labelScope path open when the kernel was encoded, e.g. 'enc.0.self/scores' ('' if none). */
  scope: string;
  /** GPU time in ms when profiling with timestamp queries, else undefined. */
  gpuMs?: number;
}

/** Which implementation of Backend: WebGPU kernels or plain TypeScript. */
export type BackendKind = 'webgpu' | 'cpu';

export interface BackendInfo {
  kind: BackendKind;
  /** Adapter description or 'CPU'. */
  name: string;
  isFallbackAdapter: boolean;
  hasTimestamps: boolean;
}

export interface Backend {
  readonly info: BackendInfo;

  // ---- memory -----------------------------------------------------------------------------
  /** New tensor, filled from data when given, else zeros. */
  tensor(shape: Shape, data?: ArrayLike<number> | null, dtype?: DType, label?: string): Tensor;
  /** Same storage, new shape of the same size (no copy). */
  reshape(t: Tensor, shape: Shape): Tensor;
  /** Copy of rows [start, start+count) of the leading dim, as a new tensor. */
  sliceRows(t: Tensor, start: number, count: number, label?: string): Tensor;
  /** (B, Ta, D) ++ (B, Tb, D) → (B, Ta+Tb, D) along the time axis (KV cache growth). */
  concatTime(a: Tensor, b: Tensor, batch: number, label?: string): Tensor;
  /** Overwrite the tensor's contents from host data. */
  write(t: Tensor, data: ArrayLike<number>): void;
  /** Copy src into dst (same size), in queue order. */
  copy(src: Tensor, dst: Tensor): void;
  fill(t: Tensor, value: number): void;
  /** Return memory to the pool. Using a disposed tensor is an error. */
  dispose(t: Tensor): void;
  /**
   * Run fn; dispose every tensor created inside it except those returned (deeply, in
   * arrays/objects) or created by createArena. Scopes nest.
   */
  scope<T>(fn: () => T): T;
  /** Parameters + grads + Adam moments in one flat allocation each, 256-byte aligned. */
  createArena(entries: readonly ArenaEntry[], label?: string): Arena;

  // ---- execution --------------------------------------------------------------------------
  /** Submit all encoded work (WebGPU: exactly one queue.submit). No-op on the CPU. */
  flush(): void;
  /** Submit, then resolve with the data. Awaiting this waits for the device. */
  read(t: Tensor): Promise<Float32Array | Int32Array>;
  /**
   * Copy t into the next staging buffer of a small ring and map it after the next flush,
   * without anyone waiting. When every staging buffer is still in flight the readback is
   * dropped and null returned — callers (charts, metrics) must tolerate gaps.
   */
  readback(t: Tensor, label?: string): ReadbackTicket | null;
  /** Submits any encoded work, then resolves when the device has finished it (tests, benchmarks). */
  sync(): Promise<void>;
  /** Collect a DispatchRecord for every kernel encoded while fn runs. With profile: true (and
   *  timestamp queries) each dispatch is timed, and the work is submitted at the end so the
   *  timings can arrive. */
  recordDispatches<T>(fn: () => T, opts?: { profile?: boolean }): { result: T; records: Promise<DispatchRecord[]> };
  /**
   * Run fn with `label` pushed on the scope path that dispatch records carry (joined with '/'),
   * so a profile can say which part of the model each kernel served. Costs nothing else.
   */
  labelScope<T>(label: string, fn: () => T): T;
  /** The labelScope path open now ('enc.0.self/scores'; '' at the top), for work done later under it. */
  labelPath(): string;
  destroy(): void;

  // ---- linear algebra ---------------------------------------------------------------------
  /**
   * Batched C = alpha·op(A)·op(B) + bias. A is (M, K) or (Ba, M, K); B is (K, N) or (Bb, K, N)
   * (transposed layouts per options). Batch counts must match or one side must be 2-D (shared).
   * Result (M, N) or (batch, M, N).
   */
  matmul(a: Tensor, b: Tensor, opts?: MatmulOptions): Tensor;
  /**
   * A group of same-shape products in one kernel (e.g. Q, K and V from one x; their weight
   * gradients; their summed input gradient with `reduce`). Returns G results (1 with reduce).
   * Each member is a 2-D product (head layouts allowed). The WebGPU engine runs one dispatch
   * when each list's tensors sit evenly spaced in one buffer (arena views, or a previous
   * group's results, which it lays out so), else one per member.
   */
  matmulGroup(a: readonly Tensor[], b: readonly Tensor[], opts?: MatmulGroupOptions): Tensor[];
  /**
   * Bias + activation in the matmul's epilogue: pre = alpha·op(A)·op(B) + bias and
   * y = act(pre), one kernel; pre is kept for the backward (activationGrad).
   */
  matmulActivation(a: Tensor, b: Tensor, kind: Activation, opts?: Pick<MatmulOptions, 'bias' | 'alpha' | 'transA' | 'transB'>): { pre: Tensor; y: Tensor };

  // ---- attention helpers ------------------------------------------------------------------
  /** (B·T, H·Dh) → (B·H, T, Dh): split the feature axis into heads, heads before time. */
  splitHeads(x: Tensor, batch: number, heads: number): Tensor;
  /** (B·H, T, Dh) → (B·T, H·Dh): the inverse of splitHeads (and its backward). */
  mergeHeads(x: Tensor, batch: number, heads: number, opts?: OutOptions): Tensor;
  /** Softmax over the last axis with optional scale, causal and key-padding masks.
   *  Fully masked rows give all zeros. Masked entries use a large finite negative. */
  softmax(x: Tensor, opts?: SoftmaxOptions): Tensor;
  /** dx = scale · y ⊙ (dy − Σ_j dy·y) for y = softmax(scale·x (masked)). */
  softmaxBackward(y: Tensor, dy: Tensor, scale?: number): Tensor;
  /** The scaled, masked scores softmax would see (scale·x, masked entries = MASKED_VALUE). */
  maskScores(x: Tensor, opts?: SoftmaxOptions): Tensor;
  /**
   * Fused attention per (batch·head): P = softmax(mask(scale·Q·Kᵀ)) with the masks of
   * softmax(), out = P·V. q (BH, Tq, Dh), k and v (BH, Tk, Dh). The same numbers as
   * matmul → softmax → matmul, in one kernel; P is returned for the backward.
   */
  attention(q: Tensor, k: Tensor, v: Tensor, opts?: SoftmaxOptions): AttentionResult;
  /**
   * Backward of attention() from its weights P and the gradient dOut (BH, Tq, Dh):
   * dP = dOut·Vᵀ, dS = P ⊙ (dP − rowsum(dP ⊙ P)), dq = scale·dS·K, dk = scale·dSᵀ·Q,
   * dv = Pᵀ·dOut. One kernel. (WebGPU writes dq, dk and dv into one buffer, evenly spaced
   * when Tq = Tk, so matmulGroup takes them as one group in one dispatch.)
   */
  attentionBackward(q: Tensor, k: Tensor, v: Tensor, weights: Tensor, dOut: Tensor, scale?: number): AttentionGrads;

  // ---- normalization ----------------------------------------------------------------------
  /** LayerNorm over the last axis of (R, C), biased variance. */
  layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps: number): LayerNormResult;
  /** Residual add + LayerNorm in one kernel: LayerNorm(x + r), returning the sum too. The
   *  backward is layerNormBackward with x = sum. */
  addLayerNorm(x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps: number): AddLayerNormResult;
  /** Gradients of layerNorm; dGamma/dBeta accumulate into the given tensors when passed. */
  layerNormBackward(
    dy: Tensor,
    x: Tensor,
    mean: Tensor,
    rstd: Tensor,
    gamma: Tensor,
    opts?: { dGamma?: Tensor; dBeta?: Tensor },
  ): LayerNormGrads;

  // ---- elementwise ------------------------------------------------------------------------
  activation(x: Tensor, kind: Activation): Tensor;
  /** dx given the activation's input x. */
  activationBackward(x: Tensor, dy: Tensor, kind: Activation): Tensor;
  /** a + alpha·b (same size). */
  add(a: Tensor, b: Tensor, opts?: OutOptions & { alpha?: number }): Tensor;
  /** a ⊙ b (same size). */
  mul(a: Tensor, b: Tensor, opts?: OutOptions): Tensor;
  scale(a: Tensor, s: number, opts?: OutOptions): Tensor;
  /** (R, C) → (C): sum over rows (bias gradients). */
  colSum(x: Tensor, opts?: OutOptions): Tensor;
  /** → (1): Σ x² over all elements. */
  sumSquares(x: Tensor, opts?: OutOptions): Tensor;
  /**
   * Inverted-dropout mask of the given shape: each element is 0 with probability p, else
   * 1/(1−p). Deterministic in (seed, index) and identical on every backend: element i is
   * kept when (hash(i ^ hash(seed)) >>> 8) / 2^24 ≥ p, with hash = the 32-bit PCG hash
   * (state = x·747796405 + 2891336453; word = ((state >>> ((state >>> 28) + 4)) ^ state)·277803737;
   * result (word >>> 22) ^ word), all arithmetic mod 2^32. See dropoutHash in cpu/.
   */
  dropoutMask(shape: Shape, p: number, seed: number): Tensor;

  // ---- embedding --------------------------------------------------------------------------
  /** ids (N) i32, table (V, D) → (N, D): table[id]·scale + positions[pos]. An id outside
   *  [0, V) throws on the CPU; a GPU cannot check data without a readback and gathers zeros. */
  embedding(ids: Tensor, table: Tensor, opts: EmbeddingOptions): Tensor;
  /**
   * dTable[v] += scale · Σ_{n: ids[n] = v} dy[n]; summed in a fixed order, so repeated
   * tokens give bit-identical results run to run. Accumulates into `out`.
   */
  embeddingBackward(ids: Tensor, dy: Tensor, out: Tensor, scale?: number): void;

  // ---- loss and optimizer -----------------------------------------------------------------
  /** Fused softmax + cross-entropy forward and backward over (N, V) logits. A target outside
   *  [0, V) throws on the CPU; on a GPU the row is treated as ignored. */
  crossEntropy(logits: Tensor, targets: Tensor, opts?: CrossEntropyOptions): CrossEntropyResult;
  /** One AdamW step over the whole arena (t = arena.adamStep + 1, advanced only if applied). */
  adam(arena: Arena, opts: AdamOptions): void;
}

/** The large finite negative used for masked scores (WGSL may assume no infinities). */
export const MASKED_VALUE = -1e9;

export function shapeStr(shape: Shape): string {
  return `(${shape.join(', ')})`;
}

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
