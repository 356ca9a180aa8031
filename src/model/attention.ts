// Multi-head scaled dot-product attention (Vaswani et al. 2017, §3.2):
//   head_h = softmax(Q_h K_hᵀ / √Dh + mask) V_h,  MultiHead = Concat(head_1..head_H) W_o.
import type { Tensor } from '../engine/backend';
import { fused, headKey, type ForwardContext } from './context';
import * as op from './ops';

export interface AttentionInputs {
  /** Query side (B·Tq, D). */
  x: Tensor;
  /** Key/value side (B·Tk, D): x itself for self-attention, the encoder output for cross. */
  memory: Tensor;
  batch: number;
  tq: number;
  tk: number;
  /** Mask keys after each query (decoder self-attention). */
  causal: boolean;
  /** (B, Tk) 1 = real key, 0 = padding. */
  keyMask?: Tensor;
  /** Parameter prefix, e.g. 'enc.0.attn' or 'dec.1.cross_attn'. */
  prefix: string;
  /** Trace name prefix, e.g. 'enc.0.self'. */
  traceName: string;
  /** For head switches: which side, layer and block this is. */
  where: { side: 'enc' | 'dec'; layer: number; block: 'self' | 'cross' };
  heads: number;
}

/**
 * (B·Tq, D) → (B·Tq, D). Dispatches are labelled '<traceName>/qkv', '/scores', … With a trace
 * (or a nudge, or fuse: false) every step is its own op, so each named point exists; otherwise
 * Q, K and V come from one grouped product straight into head layout (cross-attention: Q, then
 * K and V of the memory), and attendAndProject runs attention as one kernel.
 */
export function multiHeadAttention(ctx: ForwardContext, a: AttentionInputs): Tensor {
  const H = a.heads;
  const be = ctx.be;
  return be.labelScope(a.traceName, () => {
    const [q, k, v] = be.labelScope('qkv', () => {
      if (fused(ctx)) {
        const p = (w: string) => `${a.prefix}.${w}`;
        if (a.x === a.memory) return op.projectHeads(ctx, a.x, [p('wq'), p('wk'), p('wv')], a.batch, H);
        return [...op.projectHeads(ctx, a.x, [p('wq')], a.batch, H), ...op.projectHeads(ctx, a.memory, [p('wk'), p('wv')], a.batch, H)];
      }
      return [
        op.splitHeads(ctx, op.linear(ctx, a.x, `${a.prefix}.wq`), a.batch, H), // (B·H, Tq, Dh)
        op.splitHeads(ctx, op.linear(ctx, a.memory, `${a.prefix}.wk`), a.batch, H), // (B·H, Tk, Dh)
        op.splitHeads(ctx, op.linear(ctx, a.memory, `${a.prefix}.wv`), a.batch, H), // (B·H, Tk, Dh)
      ];
    });
    return attendAndProject(ctx, a, q, k, v);
  });
}

/** The part after the projections; the KV-cached decoder step enters here too. */
export function attendAndProject(ctx: ForwardContext, a: AttentionInputs, q: Tensor, k: Tensor, v: Tensor): Tensor {
  const { be, trace } = ctx;
  const H = a.heads;
  const n = a.traceName;
  q = op.point(ctx, `${n}.q`, q);
  k = op.point(ctx, `${n}.k`, k);
  v = op.point(ctx, `${n}.v`, v);
  const dh = q.shape[2];
  const alpha = ctx.variant.scaleScores ? 1 / Math.sqrt(dh) : 1;
  // The "causal mask off" experiment lets teacher-forced training see the future.
  const causal = a.causal && ctx.variant.causalMask;
  const maskOpts = {
    causal,
    causalOffset: a.tk - a.tq,
    keyMask: a.keyMask,
    heads: H,
  };
  if (fused(ctx)) {
    // scores, masks, softmax and the weighted sum in one kernel; the output projection reads
    // the heads where they are (no concat copy)
    let o = be.labelScope('attention', () => op.attention(ctx, q, k, v, { ...maskOpts, scale: alpha })); // (B·H, Tq, Dh)
    const off = headMask(ctx, a, o.shape);
    if (off) o = op.mulConst(ctx, o, off);
    return be.labelScope('concat', () => op.linear(ctx, o, `${a.prefix}.wo`, { batch: a.batch, heads: H }));
  }
  if (trace) {
    trace.put(`${n}.raw`, be.matmul(q, k, { transB: true }));
  }
  const s = be.labelScope('scores', () => op.point(ctx, `${n}.scaled`, op.scores(ctx, q, k, alpha))); // (B·H, Tq, Tk), already scaled
  if (trace) trace.put(`${n}.masked`, be.maskScores(s, maskOpts));
  const p = be.labelScope('softmax', () => op.point(ctx, `${n}.weights`, op.softmax(ctx, s, maskOpts))); // (B·H, Tq, Tk)
  let o = be.labelScope('weighted-sum', () => op.weightedSum(ctx, p, v)); // (B·H, Tq, Dh)
  const silenced = headMask(ctx, a, o.shape);
  if (silenced) o = op.mulConst(ctx, o, silenced);
  o = op.point(ctx, `${n}.context`, o);
  return be.labelScope('concat', () => {
    const c = op.point(ctx, `${n}.concat`, op.mergeHeads(ctx, o, a.batch, H)); // (B·Tq, D)
    return op.point(ctx, `${n}.out`, op.linear(ctx, c, `${a.prefix}.wo`));
  });
}

/** A 0/1 tensor over (B·H, Tq, Dh) zeroing switched-off heads, or null when none are. */
function headMask(ctx: ForwardContext, a: AttentionInputs, shape: readonly number[]): Tensor | null {
  const off = ctx.disabledHeads;
  if (!off || off.size === 0) return null;
  const H = a.heads;
  const silenced: number[] = [];
  for (let h = 0; h < H; h++) if (off.has(headKey(a.where.side, a.where.layer, a.where.block, h))) silenced.push(h);
  if (!silenced.length) return null;
  const [bh, t, dh] = shape;
  const data = new Float32Array(bh * t * dh).fill(1);
  for (let i = 0; i < bh; i++) {
    if (silenced.includes(i % H)) data.fill(0, i * t * dh, (i + 1) * t * dh);
  }
  return ctx.be.tensor(shape, data, 'f32', `${a.traceName}.headmask`);
}
