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
  type MatmulGroupOptions,
  type MatmulOptions,
  type Shape,
  type SoftmaxOptions,
  type Tensor,
} from '../backend';
import { checkShape, lastDim, needFinite, needPositiveInt, needRank, needSameSize } from './checks';

// ---- matmul ----

/** An operand in attention-head layout: stored (B·H, T, Dh), read as the (B·T, H·Dh) matrix. */
export interface HeadLayout {
  t: number;
  dh: number;
  h: number;
}

export interface MatmulPlan {
  m: number;
  k: number;
  n: number;
  /** A's and B's batch counts, 0 for a 2-D operand (shared by every batch). */
  batchA: number;
  batchB: number;
  /** Batches of the result, 0 when both operands are 2-D. */
  batch: number;
  /** The result's shape: (batch, M, N) or (M, N), or (B·H, T, Dh) with outHeads. */
  shape: Shape;
  transA: boolean;
  transB: boolean;
  alpha: number;
  /** Head layouts of A, B and C (null: plain row-major). */
  aHeads: HeadLayout | null;
  bHeads: HeadLayout | null;
  outHeads: HeadLayout | null;
}

/** The stored matrix a tensor stands for: (rows, cols) and its batch count (0: 2-D). */
function storedMatrix(op: string, role: string, t: Tensor, heads: number | undefined) {
  if (heads === undefined) {
    needRank(op, role, t, [2, 3]);
    const [rows, cols] = t.shape.slice(-2);
    return { rows, cols, batch: t.shape.length === 3 ? t.shape[0] : 0, layout: null };
  }
  needPositiveInt(op, `${role}Heads`, heads);
  const [bh, tt, dh] = t.shape;
  if (t.shape.length !== 3 || bh % heads !== 0) {
    throw new EngineError(op, `${role}Heads ${heads}: ${role} must be (B·H, T, Dh) with H = ${heads}, got ${shapeStr(t.shape)}`);
  }
  return { rows: (bh / heads) * tt, cols: heads * dh, batch: 0, layout: { t: tt, dh, h: heads } };
}

/** a (M, K) | (Ba, M, K), b (K, N) | (Bb, K, N) (stored the other way round when trans*). */
export function checkMatmul(op: string, a: Tensor, b: Tensor, opts: MatmulOptions, bias: Tensor | null): MatmulPlan {
  const transA = !!opts.transA;
  const transB = !!opts.transB;
  const flags = `${transA ? ' transA' : ''}${transB ? ' transB' : ''}`;
  const shapes = `a ${shapeStr(a.shape)} b ${shapeStr(b.shape)}${flags}`;
  const A = storedMatrix(op, 'a', a, opts.aHeads);
  const B = storedMatrix(op, 'b', b, opts.bHeads);
  const m = transA ? A.cols : A.rows;
  const k = transA ? A.rows : A.cols;
  const n = transB ? B.rows : B.cols;
  if ((transB ? B.cols : B.rows) !== k) throw new EngineError(op, `inner dims differ, ${shapes}`);
  const batchA = A.batch;
  const batchB = B.batch;
  if (batchA && batchB && batchA !== batchB) throw new EngineError(op, `batch counts differ, ${shapes}`);
  const batch = Math.max(batchA, batchB);
  const alpha = opts.alpha ?? 1;
  needFinite(op, 'alpha', alpha);
  if (bias && bias.size !== n) throw new EngineError(op, `bias ${shapeStr(bias.shape)} does not match N = ${n}, ${shapes}`);
  const headed = A.layout || B.layout || opts.outHeads;
  if (headed && batch) throw new EngineError(op, `head layouts need 2-D products, ${shapes}`);
  let outHeads: HeadLayout | null = null;
  let shape: Shape = batch ? [batch, m, n] : [m, n];
  if (opts.outHeads) {
    const { batch: nb, heads } = opts.outHeads;
    needPositiveInt(op, 'outHeads.batch', nb);
    needPositiveInt(op, 'outHeads.heads', heads);
    if (m % nb !== 0 || n % heads !== 0) {
      throw new EngineError(op, `outHeads (batch ${nb}, heads ${heads}) do not divide the result (${m}, ${n}), ${shapes}`);
    }
    outHeads = { t: m / nb, dh: n / heads, h: heads };
    shape = [nb * heads, m / nb, n / heads];
  }
  if (opts.add) {
    if (bias) throw new EngineError(op, 'add and bias cannot be combined');
    if (opts.accumulate) throw new EngineError(op, 'add and accumulate cannot be combined');
    if (shapeStr(opts.add.shape) !== shapeStr(shape)) throw new EngineError(op, `add ${shapeStr(opts.add.shape)} does not match the result ${shapeStr(shape)}`);
  }
  if (opts.activationGrad) {
    checkActivation(op, opts.activationGrad.kind);
    const x = opts.activationGrad.x;
    if (shapeStr(x.shape) !== shapeStr(shape)) throw new EngineError(op, `activationGrad.x ${shapeStr(x.shape)} does not match the result ${shapeStr(shape)}`);
  }
  if (opts.sumB) {
    if (bias || opts.add || opts.activationGrad) throw new EngineError(op, 'sumB cannot be combined with bias, add or activationGrad');
    if (batch || outHeads) throw new EngineError(op, `sumB needs a plain 2-D product, ${shapes}`);
    if (opts.sumB.size !== n) throw new EngineError(op, `sumB ${shapeStr(opts.sumB.shape)} does not match N = ${n}, ${shapes}`);
  }
  return { m, k, n, batchA, batchB, batch, shape, transA, transB, alpha, aHeads: A.layout, bHeads: B.layout, outHeads };
}

export interface MatmulGroupPlan {
  /** Members (G), and each member's plan (the same for all). */
  groups: number;
  plan: MatmulPlan;
}

/** Lists of G or 1 operands of one 2-D product shape; per-member lists of G. */
export function checkMatmulGroup(
  op: string,
  a: readonly Tensor[],
  b: readonly Tensor[],
  opts: MatmulGroupOptions,
): MatmulGroupPlan {
  if (!a.length || !b.length) throw new EngineError(op, 'a and b need at least one tensor each');
  const groups = Math.max(a.length, b.length);
  for (const [role, list] of [['a', a], ['b', b], ['bias', opts.bias], ['out', opts.out], ['sumB', opts.sumB]] as const) {
    if (!list) continue;
    const ok = role === 'a' || role === 'b' ? list.length === groups || list.length === 1 : list.length === groups;
    if (!ok) throw new EngineError(op, `${role} has ${list.length} tensors for a group of ${groups}`);
  }
  if (opts.reduce && (opts.out || opts.sumB || opts.bias)) throw new EngineError(op, 'reduce takes no out, sumB or bias lists');
  if (opts.add && !opts.reduce) throw new EngineError(op, 'add needs reduce');
  if (opts.accumulate && !opts.out) throw new EngineError(op, 'accumulate needs out');
  const same = (list: readonly Tensor[], role: string) => {
    for (const t of list) {
      if (shapeStr(t.shape) !== shapeStr(list[0].shape)) {
        throw new EngineError(op, `${role} shapes differ within the group: ${shapeStr(list[0].shape)} and ${shapeStr(t.shape)}`);
      }
    }
  };
  same(a, 'a');
  same(b, 'b');
  const one: MatmulOptions = { ...opts, bias: undefined, out: undefined, sumB: undefined, add: opts.add };
  const plan = checkMatmul(op, a[0], b[0], one, opts.bias?.[0] ?? null);
  if (plan.batch) throw new EngineError(op, `group members must be 2-D products, a ${shapeStr(a[0].shape)} b ${shapeStr(b[0].shape)}`);
  for (const s of opts.sumB ?? []) {
    if (s.size !== plan.n) throw new EngineError(op, `sumB ${shapeStr(s.shape)} does not match N = ${plan.n}`);
  }
  if (opts.sumB && (opts.bias || plan.outHeads)) throw new EngineError(op, 'sumB cannot be combined with bias or outHeads');
  return { groups, plan };
}

// ---- attention ----

export interface AttentionPlan extends SoftmaxPlan {
  blocks: number;
  tk: number;
  dh: number;
}

/** q (BH, Tq, Dh), k and v (BH, Tk, Dh); masks as softmax() over the (BH, Tq, Tk) scores. */
export function checkAttention(op: string, q: Tensor, k: Tensor, v: Tensor, opts: SoftmaxOptions, keyMask: Tensor | null): AttentionPlan {
  needRank(op, 'q', q, [3]);
  needRank(op, 'k', k, [3]);
  needRank(op, 'v', v, [3]);
  const [blocks, tq, dh] = q.shape;
  const [kb, tk, kdh] = k.shape;
  if (kb !== blocks || kdh !== dh || shapeStr(v.shape) !== shapeStr(k.shape)) {
    throw new EngineError(op, `q ${shapeStr(q.shape)}, k ${shapeStr(k.shape)} and v ${shapeStr(v.shape)} do not fit (BH, Tq, Dh), (BH, Tk, Dh)`);
  }
  const scores: Tensor = { id: -1, shape: [blocks, tq, tk], dtype: 'f32', size: blocks * tq * tk, label: 'scores' };
  return { ...checkSoftmax(op, scores, opts, keyMask), blocks, tk, dh };
}

/** The forward's tensors plus its weights (BH, Tq, Tk) and dOut (BH, Tq, Dh). */
export function checkAttentionBackward(op: string, q: Tensor, k: Tensor, v: Tensor, weights: Tensor, dOut: Tensor, scale: number): AttentionPlan {
  const plan = checkAttention(op, q, k, v, { scale }, null);
  if (shapeStr(weights.shape) !== shapeStr([plan.blocks, plan.tq, plan.tk])) {
    throw new EngineError(op, `weights ${shapeStr(weights.shape)} do not match (BH, Tq, Tk) = ${shapeStr([plan.blocks, plan.tq, plan.tk])}`);
  }
  if (shapeStr(dOut.shape) !== shapeStr(q.shape)) throw new EngineError(op, `dOut ${shapeStr(dOut.shape)} does not match q ${shapeStr(q.shape)}`);
  return plan;
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

/** x and r (R, C) of one shape, then as layerNorm. */
export function checkAddLayerNorm(op: string, x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps: number): { rows: number; cols: number } {
  if (shapeStr(x.shape) !== shapeStr(r.shape)) throw new EngineError(op, `x ${shapeStr(x.shape)} and r ${shapeStr(r.shape)} differ`);
  return checkLayerNorm(op, x, gamma, beta, eps);
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
