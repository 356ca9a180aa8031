// The shape and option checks of every compute op, written once for both backends. Each
// backend first makes sure the arguments are live tensors of its own of the right dtype (its
// `need`), then calls the op's check here, which throws EngineError naming the op, the argument
// and the shapes, and returns the plan (sizes, defaults) the op computes with. So a bad call
// fails with the same message on the CPU and on WebGPU (opChecks.test.ts holds them to it).
import {
  EngineError,
  shapeStr,
  type Activation,
  type AdamOptions,
  type CrossEntropyOptions,
  type EmbeddingOptions,
  type MatmulOptions,
  type Shape,
  type SoftmaxOptions,
  type Tensor,
} from '../backend';
import { checkShape, lastDim, needFinite, needPositiveInt, needRank, needSameSize } from './checks';

// ---- matmul ----

export interface MatmulPlan {
  m: number;
  k: number;
  n: number;
  /** A's and B's batch counts, 0 for a 2-D operand (shared by every batch). */
  batchA: number;
  batchB: number;
  /** Batches of the result, 0 when both operands are 2-D. */
  batch: number;
  /** The result's shape: (batch, M, N) or (M, N). */
  shape: Shape;
  transA: boolean;
  transB: boolean;
  alpha: number;
}

/** a (M, K) | (Ba, M, K), b (K, N) | (Bb, K, N) (stored the other way round when trans*). */
export function checkMatmul(op: string, a: Tensor, b: Tensor, opts: MatmulOptions, bias: Tensor | null): MatmulPlan {
  needRank(op, 'a', a, [2, 3]);
  needRank(op, 'b', b, [2, 3]);
  const transA = !!opts.transA;
  const transB = !!opts.transB;
  const flags = `${transA ? ' transA' : ''}${transB ? ' transB' : ''}`;
  const shapes = `a ${shapeStr(a.shape)} b ${shapeStr(b.shape)}${flags}`;
  const [aR, aC] = a.shape.slice(-2);
  const [bR, bC] = b.shape.slice(-2);
  const m = transA ? aC : aR;
  const k = transA ? aR : aC;
  const n = transB ? bR : bC;
  if ((transB ? bC : bR) !== k) throw new EngineError(op, `inner dims differ, ${shapes}`);
  const batchA = a.shape.length === 3 ? a.shape[0] : 0;
  const batchB = b.shape.length === 3 ? b.shape[0] : 0;
  if (batchA && batchB && batchA !== batchB) throw new EngineError(op, `batch counts differ, ${shapes}`);
  const batch = Math.max(batchA, batchB);
  const alpha = opts.alpha ?? 1;
  needFinite(op, 'alpha', alpha);
  if (bias && bias.size !== n) throw new EngineError(op, `bias ${shapeStr(bias.shape)} does not match N = ${n}, ${shapes}`);
  const shape = batch ? [batch, m, n] : [m, n];
  return { m, k, n, batchA, batchB, batch, shape, transA, transB, alpha };
}

// ---- softmax ----

export interface SoftmaxPlan {
  /** Rows over the last axis, their length (Tk) and the query count per block (Tq). */
  rows: number;
  cols: number;
  tq: number;
  scale: number;
  causal: boolean;
  causalOffset: number;
  /** Heads sharing one key-mask row (1 without a key mask). */
  heads: number;
}

/** x (…, Tq, Tk) scores; keyMask (B, Tk) with B·heads blocks of (Tq, Tk), or null. */
export function checkSoftmax(op: string, x: Tensor, opts: SoftmaxOptions, keyMask: Tensor | null): SoftmaxPlan {
  const cols = lastDim(x);
  const rows = cols ? x.size / cols : 0;
  const tq = x.shape.length >= 2 ? x.shape[x.shape.length - 2] : 1;
  const scale = opts.scale ?? 1;
  needFinite(op, 'scale', scale);
  const causal = !!opts.causal;
  const causalOffset = opts.causalOffset ?? 0;
  if (!Number.isInteger(causalOffset)) throw new EngineError(op, `causalOffset must be an integer, got ${causalOffset}`);
  if (causal && x.shape.length < 2) throw new EngineError(op, `causal mask needs (…, Tq, Tk) scores, got ${shapeStr(x.shape)}`);
  let heads = 1;
  if (keyMask) {
    heads = opts.heads ?? 1;
    needPositiveInt(op, 'heads', heads);
    const blocks = tq && cols ? rows / tq : 0;
    const km = keyMask.shape;
    if (km.length !== 2 || km[1] !== cols || km[0] * heads !== blocks) {
      throw new EngineError(
        op,
        `keyMask ${shapeStr(km)} does not fit scores ${shapeStr(x.shape)} with heads ${heads} (want (${blocks / heads}, ${cols}))`,
      );
    }
  }
  return { rows, cols, tq, scale, causal, causalOffset, heads };
}

/** y, dy (…, Tk) → rows and their length. */
export function checkSoftmaxBackward(op: string, y: Tensor, dy: Tensor, scale: number): { rows: number; cols: number } {
  needSameSize(op, y, 'y', dy, 'dy');
  if (lastDim(y) !== lastDim(dy)) throw new EngineError(op, `last dims differ, y ${shapeStr(y.shape)} dy ${shapeStr(dy.shape)}`);
  needFinite(op, 'scale', scale);
  const cols = lastDim(y);
  return { rows: cols ? y.size / cols : 0, cols };
}

// ---- layerNorm ----

function needAxis(op: string, x: Tensor): void {
  if (x.shape.length < 1) throw new EngineError(op, `x must have at least one axis, got ${shapeStr(x.shape)}`);
}

function needVector(op: string, role: string, t: Tensor, cols: number, x: Tensor): void {
  if (t.size !== cols) throw new EngineError(op, `${role} ${shapeStr(t.shape)} does not match the last dim of x ${shapeStr(x.shape)}`);
}

/** x (R, C) (leading dims count as rows), gamma/beta (C) → rows and columns. */
export function checkLayerNorm(op: string, x: Tensor, gamma: Tensor, beta: Tensor, eps: number): { rows: number; cols: number } {
  needAxis(op, x);
  const cols = lastDim(x);
  needVector(op, 'gamma', gamma, cols, x);
  needVector(op, 'beta', beta, cols, x);
  needFinite(op, 'eps', eps);
  if (eps < 0) throw new EngineError(op, `eps must not be negative, got ${eps}`);
  return { rows: cols ? x.size / cols : 0, cols };
}

/** dy, x (R, C), mean/rstd (R), gamma (C), optional dGamma/dBeta (C) to add onto. */
export function checkLayerNormBackward(
  op: string,
  dy: Tensor,
  x: Tensor,
  mean: Tensor,
  rstd: Tensor,
  gamma: Tensor,
  dGamma: Tensor | null,
  dBeta: Tensor | null,
): { rows: number; cols: number } {
  needSameSize(op, dy, 'dy', x, 'x');
  needAxis(op, x);
  const cols = lastDim(x);
  const rows = cols ? x.size / cols : 0;
  if (mean.size !== rows || rstd.size !== rows) {
    throw new EngineError(op, `mean ${shapeStr(mean.shape)} and rstd ${shapeStr(rstd.shape)} need ${rows} rows for x ${shapeStr(x.shape)}`);
  }
  needVector(op, 'gamma', gamma, cols, x);
  if (dGamma) needVector(op, 'dGamma', dGamma, cols, x);
  if (dBeta) needVector(op, 'dBeta', dBeta, cols, x);
  return { rows, cols };
}

// ---- activation ----

const ACTIVATIONS: readonly Activation[] = ['relu', 'gelu'];

/** The activation's index (relu 0, gelu 1: the WGSL KIND constant). */
export function checkActivation(op: string, kind: Activation): number {
  const k = ACTIVATIONS.indexOf(kind);
  if (k < 0) throw new EngineError(op, `unknown activation '${String(kind)}' (relu or gelu)`);
  return k;
}

export function checkActivationBackward(op: string, x: Tensor, dy: Tensor, kind: Activation): number {
  needSameSize(op, x, 'x', dy, 'dy');
  return checkActivation(op, kind);
}

// ---- embedding and cross-entropy ----

export interface EmbeddingPlan {
  vocab: number;
  d: number;
  /** Tokens (ids.size). */
  n: number;
  scale: number;
  seqLen: number;
  offset: number;
}

/** ids (N) i32, table (V, D), positions (P, D) or null. Ids themselves: `checkIds`. */
export function checkEmbedding(op: string, ids: Tensor, table: Tensor, opts: EmbeddingOptions, positions: Tensor | null): EmbeddingPlan {
  needRank(op, 'table', table, [2]);
  const [vocab, d] = table.shape;
  const scale = opts.scale ?? 1;
  needFinite(op, 'scale', scale);
  const seqLen = opts.seqLen;
  needPositiveInt(op, 'seqLen', seqLen);
  const offset = opts.positionOffset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new EngineError(op, `positionOffset must be a non-negative integer, got ${offset}`);
  const n = ids.size;
  if (n % seqLen) throw new EngineError(op, `ids ${shapeStr(ids.shape)} do not split into sequences of ${seqLen}`);
  if (positions) {
    needRank(op, 'positions', positions, [2]);
    if (positions.shape[1] !== d) {
      throw new EngineError(op, `positions ${shapeStr(positions.shape)} and table ${shapeStr(table.shape)} differ in width`);
    }
    const last = Math.min(n, seqLen) - 1 + offset;
    if (n > 0 && last >= positions.shape[0]) {
      throw new EngineError(op, `position ${last} is past positions ${shapeStr(positions.shape)} (seqLen ${seqLen}, offset ${offset})`);
    }
  }
  return { vocab, d, n, scale, seqLen, offset };
}

/** ids (N) i32, dy (N, D), out (V, D) → V, D, N. Ids themselves: `checkIds`. */
export function checkEmbeddingBackward(op: string, ids: Tensor, dy: Tensor, out: Tensor, scale: number) {
  needRank(op, 'out', out, [2]);
  needFinite(op, 'scale', scale);
  const [vocab, d] = out.shape;
  const n = ids.size;
  if (dy.size !== n * d || (dy.shape.length > 1 && lastDim(dy) !== d)) {
    throw new EngineError(op, `dy ${shapeStr(dy.shape)} is not (${n}, ${d}) for ids ${shapeStr(ids.shape)} out ${shapeStr(out.shape)}`);
  }
  return { vocab, d, n };
}

export interface CrossEntropyPlan {
  rows: number;
  vocab: number;
  smoothing: number;
  ignore: number;
  normalizer: number;
}

/** logits (N, V), targets (N) i32. Targets themselves: `checkIds` with the ignore index. */
export function checkCrossEntropy(op: string, logits: Tensor, targets: Tensor, opts: CrossEntropyOptions): CrossEntropyPlan {
  needRank(op, 'logits', logits, [2]);
  const [rows, vocab] = logits.shape;
  if (targets.size !== rows) throw new EngineError(op, `targets ${shapeStr(targets.shape)} do not match logits ${shapeStr(logits.shape)}`);
  const smoothing = opts.smoothing ?? 0;
  if (!(smoothing >= 0 && smoothing <= 1)) throw new EngineError(op, `smoothing must be in [0, 1], got ${smoothing}`);
  const ignore = opts.ignoreIndex ?? -1;
  if (!Number.isInteger(ignore)) throw new EngineError(op, `ignoreIndex must be an integer, got ${ignore}`);
  const normalizer = opts.normalizer ?? 1;
  needFinite(op, 'normalizer', normalizer);
  if (normalizer <= 0) throw new EngineError(op, `normalizer must be positive, got ${normalizer}`);
  return { rows, vocab, smoothing, ignore, normalizer };
}

// ---- adam ----

/** The options of one AdamW step; gradSumSquares is the (1) tensor of Σg² or null. */
export function checkAdam(op: string, opts: AdamOptions, gradSumSquares: Tensor | null): void {
  for (const k of ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'] as const) needFinite(op, k, opts[k]);
  const { beta1, beta2 } = opts;
  if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) throw new EngineError(op, `betas must be in [0, 1), got ${beta1}, ${beta2}`);
  if (gradSumSquares && gradSumSquares.size !== 1) {
    throw new EngineError(op, `gradSumSquares must hold one value, got ${gradSumSquares.size}`);
  }
  if (opts.maxNorm === undefined) return;
  if (!gradSumSquares) throw new EngineError(op, 'maxNorm needs gradSumSquares (the summed squares of the gradients)');
  if (!(opts.maxNorm > 0 && Number.isFinite(opts.maxNorm))) throw new EngineError(op, `maxNorm must be > 0, got ${opts.maxNorm}`);
}

// ---- elementwise, reductions, heads, dropout ----

/** add / mul: same-size a and b, finite alpha. */
export function checkBinary(op: string, a: Tensor, b: Tensor, alpha: number): void {
  needSameSize(op, a, 'a', b, 'b');
  needFinite(op, 'alpha', alpha);
}

export function checkScale(op: string, s: number): void {
  needFinite(op, 's', s);
}

/** (R, C) → Σ over rows: rows and columns. */
export function checkColSum(op: string, x: Tensor): { rows: number; cols: number } {
  needAxis(op, x);
  const cols = lastDim(x);
  return { rows: cols ? x.size / cols : 0, cols };
}

/** (B·T, H·Dh) or (B, T, H·Dh) → T and Dh. */
export function checkSplitHeads(op: string, x: Tensor, batch: number, heads: number): { t: number; dh: number } {
  needRank(op, 'x', x, [2, 3]);
  needPositiveInt(op, 'batch', batch);
  needPositiveInt(op, 'heads', heads);
  const d = lastDim(x);
  const rows = d ? x.size / d : 0;
  if (d % heads || rows % batch) throw new EngineError(op, `x ${shapeStr(x.shape)} does not split into batch ${batch} × heads ${heads}`);
  return { t: rows / batch, dh: d / heads };
}

/** (B·H, T, Dh) → T and Dh. */
export function checkMergeHeads(op: string, x: Tensor, batch: number, heads: number): { t: number; dh: number } {
  needRank(op, 'x', x, [3]);
  needPositiveInt(op, 'batch', batch);
  needPositiveInt(op, 'heads', heads);
  if (x.shape[0] !== batch * heads) throw new EngineError(op, `x ${shapeStr(x.shape)} leading dim is not batch ${batch} × heads ${heads}`);
  return { t: x.shape[1], dh: x.shape[2] };
}

export function checkDropoutMask(op: string, shape: Shape, p: number, seed: number): void {
  checkShape(op, shape);
  if (!(p >= 0 && p < 1)) throw new EngineError(op, `p must be in [0, 1), got ${p} for shape ${shapeStr(shape)}`);
  if (!Number.isInteger(seed)) throw new EngineError(op, `seed must be an integer, got ${seed}`);
}
