// matmul.wgsl's wrapper: checks shapes, lays out members and epilogues, picks a tile
// configuration, encodes one dispatch (a group whose tensors cannot share a binding: one per
// member).
import { EngineError, type Activation, type MatmulGroupOptions, type MatmulOptions, type Tensor } from '../../backend';
import { alignUp } from '../../shared/arenaLayout';
import { checkActivation, checkMatmul, checkMatmulGroup, outLabel, type HeadLayout, type MatmulPlan } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';
import type { BufferRange } from '../pipelines';
import { overlaps, type GpuTensor } from '../tensor';

/**
 * The kernels use 8 × 8 invocations owning 4 × 4 outputs each (32 × 32 per workgroup).
 * 'auto' picks `matmul_direct` (no workgroup memory, no barriers) when staging cannot pay:
 * - short K (≤ DIRECT_MAX_K: attention products, projections from D): one or two slices,
 *   two barriers each, zero padding past K;
 * - small products (< DIRECT_MAX_MACS multiply-adds, every product of the shipped model):
 *   on any GPU they finish in about the time a dispatch takes, so barriers are pure cost.
 * Larger products go through the tiled kernel, where every staged value is reused by 8
 * invocations from workgroup memory. A direct product whose operands are aligned for 128-bit
 * reads (vec4Ready) runs `matmul_direct4`, the same kernel reading vec4s.
 */
const WG = { WG_X: 8, WG_Y: 8 } as const;
const TILE_K = 32;
const TILE = 32; // outputs per workgroup along M and N
export const DIRECT_MAX_K = 64;
export const DIRECT_MAX_MACS = 2 ** 24;
const FLAG = { bias: 1, accumulate: 2 } as const;
/** Activations as the ACT_OUT / ACT_GRAD pipeline constants. */
const ACT_CODE = { relu: 1, gelu: 2 } as const;
const PARAMS = defineParams('matmul', 'Params', [
  'm', 'n', 'k', 'groups', 'flags', 'alpha',
  'a_off', 'a_stride', 'b_off', 'b_stride',
  'bias_off', 'bias_stride', 'c_off', 'c_stride', 'aux_off', 'aux_stride',
  'a_t', 'a_dh', 'a_h', 'b_t', 'b_dh', 'b_h', 'c_t', 'c_dh', 'c_h',
]); // prettier-ignore

/**
 * Which matmul kernel to run: chosen by shape, or forced (tests, benchmarks). 'direct' is the
 * scalar direct kernel always; 'direct4' the direct kernel with vec4 reads wherever the shapes
 * allow them (scalar elsewhere); 'auto' picks tiled or direct by shape, vec4 reads when aligned.
 */
export type MatmulKernel = 'auto' | 'direct' | 'direct4' | 'tiled';

/** Tensors bound as one range: element offsets of each from the range's start. */
interface Span {
  range: BufferRange;
  at: number[];
}

/** One binding for tensors in one buffer (offset 256-aligned), or null when they are not. */
function spanOf(ts: readonly GpuTensor[]): Span | null {
  const storage = ts[0].storage;
  if (ts.some((t) => t.storage !== storage)) return null;
  const start = Math.min(...ts.map((t) => t.offset));
  const end = Math.max(...ts.map((t) => t.offset + t.bytes));
  if (start % 256 !== 0 || end <= start) return null;
  return { range: { storage, offset: start, size: end - start }, at: ts.map((t) => (t.offset - start) / 4) };
}

/** First offset and the even spacing of members (0 for a single or shared tensor), or null. */
function evenly(at: readonly number[]): { off: number; stride: number } | null {
  const stride = at.length > 1 ? at[1] - at[0] : 0;
  if (stride < 0 || at.some((x, i) => x !== at[0] + i * stride)) return null;
  return { off: at[0], stride };
}

/** A list operand as (range, off, stride), or null when its members cannot share a binding. */
function listOperand(ts: readonly GpuTensor[], memberStride = 0): Operand | null {
  // an empty operand (K = 0) binds a dummy
  if (ts.length === 1) return { range: ts[0].bytes ? spanOf(ts)!.range : null, off: 0, stride: memberStride };
  const span = spanOf(ts);
  const ev = span && evenly(span.at);
  return span && ev ? { range: span.range, ...ev } : null;
}

/** What the epilogue does besides the product. */
interface Epilogue {
  bias: GpuTensor[] | null;
  add: GpuTensor | null;
  actOut: Activation | null;
  actGrad: { kind: Activation; x: GpuTensor } | null;
  accumulate: boolean;
}

const layout = (l: HeadLayout | null) => [l?.t ?? 1, l?.dh ?? 1, l?.h ?? 1];

type Variant = 'direct' | 'direct4' | 'tiled';

/**
 * The recorded kernel name: the variant (with its outputs per invocation when more than 4 × 4)
 * plus what the dispatch fused, e.g. 'matmul.direct4×3+splitHeads', 'matmul.direct4[8×8]+relu'.
 */
function kernelName(variant: Variant, blocks: { m: number; n: number }, plan: MatmulPlan, groups: number, reduce: boolean, ep: Epilogue, sumB: boolean): string {
  const parts = [`matmul.${variant}${blocks.m * blocks.n > 1 ? `[${4 * blocks.m}×${4 * blocks.n}]` : ''}${groups > 1 ? `×${groups}${reduce ? 'Σ' : ''}` : ''}`];
  if (plan.aHeads || plan.bHeads) parts.push('mergeHeads');
  if (ep.actOut) parts.push(ep.actOut);
  if (ep.actGrad) parts.push(`${ep.actGrad.kind}.backward`);
  if (sumB) parts.push('colSum');
  if (ep.add) parts.push('add');
  if (plan.outHeads) parts.push('splitHeads');
  return parts.join('+');
}

interface Operand {
  range: BufferRange | null;
  off: number;
  stride: number;
}

/**
 * Whether matmul_direct4 can read op(A) and op(B) as vec4s: each along its contiguous axis
 * (A (M, K) and B (N, K) along k; A (K, M) along m; B (K, N) along n), so that axis's length,
 * the head width in head layouts, and every member offset must be multiples of 4, and each
 * bound range a whole number of vec4s. K always: the kernel walks k in blocks of 4.
 */
export function vec4Ready(plan: MatmulPlan, a: Operand, b: Operand): boolean {
  const four = (x: number) => x % 4 === 0;
  const { m, k, n, transA, transB } = plan;
  if ((plan.aHeads && !four(plan.aHeads.dh)) || (plan.bHeads && !four(plan.bHeads.dh))) return false;
  if (!four(k)) return false;
  if ((transA && !four(m)) || (!transB && !four(n))) return false;
  return [a, b].every((o) => four(o.off) && four(o.stride) && (!o.range || o.range.size % 16 === 0));
}

interface Encoded {
  a: readonly GpuTensor[];
  b: readonly GpuTensor[];
  out: readonly GpuTensor[];
  sumB: readonly GpuTensor[] | null;
  /** Pre-activations out (actOut), one per member. */
  pre: readonly GpuTensor[] | null;
  reduce: boolean;
}

/**
 * Encode one dispatch for G members (the lists' tensors already known to be bindable), or
 * return false when some list cannot share a binding.
 */
function encode(e: GpuExecutor, plan: MatmulPlan, x: Encoded, ep: Epilogue, label: string): boolean {
  const { m, k, n, transA, transB, alpha } = plan;
  const groups = Math.max(x.a.length, x.b.length, x.out.length);
  const batch = Math.max(plan.batch, 1);
  const A = listOperand(x.a, plan.batchA ? m * k : 0);
  const B = listOperand(x.b, plan.batchB ? k * n : 0);
  const bias = ep.bias ? listOperand(ep.bias) : ep.add ? listOperand([ep.add]) : null;
  const auxList = x.pre ?? (ep.actGrad ? [ep.actGrad.x] : null);
  const aux = auxList ? listOperand(auxList, plan.batch ? m * n : 0) : null;
  // C (and the column sums, when they live in the same buffer: one writable binding)
  const outs = [...x.out, ...(x.sumB ?? [])];
  const cSpan = spanOf(outs);
  let sumInC = false;
  let c: Operand | null = null;
  let sums: Operand | null = null;
  if (x.sumB && cSpan) {
    const ec = evenly(cSpan.at.slice(0, x.out.length));
    const es = evenly(cSpan.at.slice(x.out.length));
    if (ec && es) {
      c = { range: cSpan.range, ...ec };
      sums = { range: cSpan.range, ...es };
      sumInC = true;
    }
  }
  if (!c) {
    c = listOperand(x.out, plan.batch ? m * n : 0);
    sums = x.sumB ? listOperand(x.sumB) : null;
  }
  if (!A || !B || !c || (ep.bias && !bias) || (auxList && !aux) || (x.sumB && !sums)) return false;

  const policy = e.options.matmul ?? 'auto';
  const members = x.reduce ? 1 : groups * batch;
  const direct = policy === 'auto' ? k <= DIRECT_MAX_K || m * n * k * members < DIRECT_MAX_MACS : policy !== 'tiled';
  const variant: Variant = !direct ? 'tiled' : policy !== 'direct' && vec4Ready(plan, A, B) ? 'direct4' : 'direct';
  const rows = m + (x.sumB ? 1 : 0);
  const blocks = variant === 'direct4' ? directBlocks(e.options.matmulBlocks ?? 1, rows, n) : { m: 1, n: 1 };
  const flags = (ep.bias ? FLAG.bias : 0) | (ep.accumulate ? FLAG.accumulate : 0);
  const auxOp = sumInC ? null : (aux ?? sums);
  const [[a_t, a_dh, a_h], [b_t, b_dh, b_h], [c_t, c_dh, c_h]] = [layout(plan.aHeads), layout(plan.bHeads), layout(plan.outHeads)];
  const heads = { a_t, a_dh, a_h, b_t, b_dh, b_h, c_t, c_dh, c_h };
  e.runRanges({
    family: 'matmul',
    entry: { direct: 'matmul_direct', direct4: 'matmul_direct4', tiled: 'matmul' }[variant],
    kernel: kernelName(variant, blocks, plan, groups, x.reduce, ep, !!x.sumB),
    label,
    bindings: ['r', 'r', 'r', 'w', 'w'],
    constants: {
      ...WG,
      TILE_K,
      TRANS_A: transA ? 1 : 0,
      TRANS_B: transB ? 1 : 0,
      A_HEADS: plan.aHeads ? 1 : 0,
      B_HEADS: plan.bHeads ? 1 : 0,
      C_HEADS: plan.outHeads ? 1 : 0,
      ADD: ep.add ? 1 : 0,
      SUMB: x.sumB ? 1 : 0,
      SUMB_IN_C: sumInC ? 1 : 0,
      REDUCE: x.reduce ? 1 : 0,
      ACT_OUT: ep.actOut ? ACT_CODE[ep.actOut] : 0,
      ACT_GRAD: ep.actGrad ? ACT_CODE[ep.actGrad.kind] : 0,
      BLOCKS_M: blocks.m,
      BLOCKS_N: blocks.n,
    },
    uniforms: PARAMS.pack({
      m,
      n,
      k,
      groups: plan.batch ? batch : groups,
      flags,
      alpha,
      a_off: A.off,
      a_stride: A.stride,
      b_off: B.off,
      b_stride: B.stride,
      bias_off: bias?.off ?? 0,
      bias_stride: bias?.stride ?? 0,
      c_off: c.off,
      c_stride: c.stride,
      aux_off: sumInC ? sums!.off : (auxOp?.off ?? 0),
      aux_stride: sumInC ? sums!.stride : (auxOp?.stride ?? 0),
      ...heads,
    }),
    ranges: [A.range, B.range, bias?.range ?? null, c.range, auxOp?.range ?? null],
    workgroups: [Math.ceil(n / (TILE * blocks.n)), Math.ceil(rows / (TILE * blocks.m)), members],
  });
  return true;
}

function epilogue(e: GpuExecutor, op: string, opts: MatmulOptions, bias: GpuTensor[] | null): Epilogue {
  return {
    bias,
    add: opts.add ? e.need(op, 'add', opts.add) : null,
    actOut: null,
    actGrad: opts.activationGrad ? { kind: opts.activationGrad.kind, x: e.need(op, 'activationGrad.x', opts.activationGrad.x) } : null,
    accumulate: !!opts.accumulate,
  };
}

export function matmul(e: GpuExecutor, a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
  const op = 'matmul';
  const A = e.need(op, 'a', a);
  const B = e.need(op, 'b', b);
  const bias = opts.bias ? e.need(op, 'bias', opts.bias) : null;
  const sumB = opts.sumB ? e.need(op, 'sumB', opts.sumB) : null;
  const ep = epilogue(e, op, opts, bias ? [bias] : null);
  const plan = checkMatmul(op, A, B, opts, bias);
  const inputs = [A, B, ...(bias ? [bias] : []), ...(ep.add ? [ep.add] : []), ...(ep.actGrad ? [ep.actGrad.x] : [])];
  const target = e.target(op, plan.shape, outLabel(op, A), opts, inputs);
  if (sumB && inputs.some((t) => overlaps(t, sumB))) throw new EngineError(op, 'sumB overlaps an input');
  if (target.t.size === 0) return target.finish();
  encode(e, plan, { a: [A], b: [B], out: [target.t], sumB: sumB ? [sumB] : null, pre: null, reduce: false }, ep, target.t.label);
  return target.finish();
}

export function matmulActivation(
  e: GpuExecutor,
  a: Tensor,
  b: Tensor,
  kind: Activation,
  opts: Pick<MatmulOptions, 'bias' | 'alpha' | 'transA' | 'transB'> = {},
): { pre: Tensor; y: Tensor } {
  const op = 'matmulActivation';
  const A = e.need(op, 'a', a);
  const B = e.need(op, 'b', b);
  const bias = opts.bias ? e.need(op, 'bias', opts.bias) : null;
  checkActivation(op, kind);
  const plan = checkMatmul(op, A, B, { bias: opts.bias, alpha: opts.alpha, transA: opts.transA, transB: opts.transB }, bias);
  const pre = e.alloc(plan.shape, 'f32', outLabel('matmul.pre', A));
  const y = e.alloc(plan.shape, 'f32', outLabel(kind, A));
  if (!y.size) return { pre, y };
  const ep: Epilogue = { bias: bias ? [bias] : null, add: null, actOut: kind, actGrad: null, accumulate: false };
  encode(e, plan, { a: [A], b: [B], out: [y], sumB: null, pre: [pre], reduce: false }, ep, y.label);
  return { pre, y };
}

/** G results at aligned offsets of one buffer, so the next group can bind them as one list. */
function allocGroup(e: GpuExecutor, groups: number, shape: readonly number[], label: string): GpuTensor[] {
  const size = shape.reduce((x, y) => x * y, 1);
  const stride = alignUp(size);
  const base = e.alloc([Math.max(1, stride * (groups - 1) + size)], 'f32', label);
  const views = Array.from({ length: groups }, (_, g) => e.view(base.storage, base.offset + g * stride * 4, shape, 'f32', `${label}[${g}]`, false));
  e.dispose(base);
  return views;
}

export function matmulGroup(e: GpuExecutor, a: readonly Tensor[], b: readonly Tensor[], opts: MatmulGroupOptions = {}): Tensor[] {
  const op = 'matmulGroup';
  const A = a.map((t, i) => e.need(op, `a[${i}]`, t));
  const B = b.map((t, i) => e.need(op, `b[${i}]`, t));
  const bias = opts.bias?.map((t, i) => e.need(op, `bias[${i}]`, t)) ?? null;
  const outIn = opts.out?.map((t, i) => e.need(op, `out[${i}]`, t)) ?? null;
  const sumB = opts.sumB?.map((t, i) => e.need(op, `sumB[${i}]`, t)) ?? null;
  const { groups, plan } = checkMatmulGroup(op, A, B, opts);
  const ep = epilogue(e, op, { ...opts, bias: undefined, out: undefined, sumB: undefined }, bias);
  const inputs = [...A, ...B, ...(bias ?? []), ...(ep.add ? [ep.add] : [])];
  const results = opts.reduce ? 1 : groups;
  const outs = outIn ?? allocGroup(e, results, plan.shape, outLabel('matmulGroup', A[0]));
  for (const o of outs) {
    if (o.size !== plan.shape.reduce((x, y) => x * y, 1)) throw new EngineError(op, `out ${o.label} does not match the result (${plan.shape.join(', ')})`);
  }
  const clash = [...outs, ...(sumB ?? [])].some((o) => inputs.some((t) => overlaps(o, t)));
  if (!outs[0].size) return outs;
  const fused =
    !clash &&
    encode(e, plan, { a: A, b: B, out: outs, sumB, pre: null, reduce: !!opts.reduce }, ep, `${outs[0].label}${groups > 1 ? `×${groups}` : ''}`);
  if (fused) return outs;
  // One dispatch per member (tensors that cannot share a binding, or in-place use).
  const pick = <T>(list: readonly T[], g: number) => list[list.length === 1 ? 0 : g];
  const single: MatmulOptions = { transA: opts.transA, transB: opts.transB, alpha: opts.alpha, aHeads: opts.aHeads, bHeads: opts.bHeads, outHeads: opts.outHeads };
  if (opts.reduce) {
    for (let g = 0; g < groups; g++) {
      const first = g === 0;
      matmul(e, pick(A, g), pick(B, g), { ...single, out: outs[0], add: first ? opts.add : undefined, accumulate: !first });
    }
    return outs;
  }
  for (let g = 0; g < groups; g++) {
    matmul(e, pick(A, g), pick(B, g), {
      ...single,
      bias: bias?.[g],
      out: outs[g],
      sumB: sumB?.[g],
      accumulate: opts.accumulate,
    });
  }
  return outs;
}

/**
 * A side this long or longer takes 2 blocks per invocation when asked: four 8-wide blocks, so
 * a workgroup's row of 8 invocations keeps at least half of them busy. Shorter sides (small
 * batched products, a decoding step's few rows) keep 4 per invocation and their lanes.
 */
export const WIDE_BLOCKS_MIN_SIDE = 32;

/** matmul_direct4's blocks per invocation along M (rows, with a column-sum row) and N. */
function directBlocks(blocks: 1 | 2, rows: number, n: number): { m: number; n: number } {
  const side = (len: number) => (len >= WIDE_BLOCKS_MIN_SIDE ? blocks : 1);
  return { m: side(rows), n: side(n) };
}
