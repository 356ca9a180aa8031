// Fused attention per (batch·head), forward and backward, in float64: the CPU twin of
// attention.wgsl. The same numbers as scores (matmul) → softmax (with the masks) → weighted
// sum (matmul) and their backwards; attention.test.ts holds it to that composition.
import type { AttentionGrads, AttentionResult, SoftmaxOptions, Tensor } from '../backend';
import { checkAttention, checkAttentionBackward, need } from './checks';
import type { CpuContext } from './context';

/** q (BH, Tq, Dh), k, v (BH, Tk, Dh) → out (BH, Tq, Dh) and P (BH, Tq, Tk). */
export function attention(ctx: CpuContext, qIn: Tensor, kIn: Tensor, vIn: Tensor, opts: SoftmaxOptions = {}): AttentionResult {
  const op = 'attention';
  const q = need(op, 'q', qIn);
  const k = need(op, 'k', kIn);
  const v = need(op, 'v', vIn);
  const km = opts.keyMask ? need(op, 'keyMask', opts.keyMask) : null;
  const p = checkAttention(op, q, k, v, opts, km);
  const { blocks, tq, tk, dh, scale, heads } = p;
  const weights = ctx.alloc([blocks, tq, tk], 'f32', 'attention.weights');
  const out = ctx.alloc(q.shape, 'f32', 'attention.out');
  const [qd, kd, vd, w, o] = [q.f32, k.f32, v.f32, weights.f32, out.f32];
  const mask = km?.f32 ?? null;
  const s = new Float64Array(tk);
  const seen = new Uint8Array(tk);
  for (let bh = 0; bh < blocks; bh++) {
    const kb = bh * tk * dh;
    const maskAt = Math.floor(bh / heads) * tk;
    for (let i = 0; i < tq; i++) {
      const qi = (bh * tq + i) * dh;
      let max = -Infinity;
      for (let j = 0; j < tk; j++) {
        seen[j] = (p.causal && j > i + p.causalOffset) || (mask !== null && mask[maskAt + j] === 0) ? 0 : 1;
        if (!seen[j]) continue;
        let dot = 0;
        for (let d = 0; d < dh; d++) dot += qd[qi + d] * kd[kb + j * dh + d];
        s[j] = scale * dot;
        if (s[j] > max) max = s[j];
      }
      if (max === -Infinity) continue; // nothing visible: weights and output stay zero
      let sum = 0;
      for (let j = 0; j < tk; j++) {
        s[j] = seen[j] ? Math.exp(s[j] - max) : 0;
        sum += s[j];
      }
      const wr = (bh * tq + i) * tk;
      for (let j = 0; j < tk; j++) {
        s[j] /= sum;
        w[wr + j] = s[j];
      }
      for (let d = 0; d < dh; d++) {
        let acc = 0;
        for (let j = 0; j < tk; j++) acc += s[j] * vd[kb + j * dh + d];
        o[qi + d] = acc;
      }
    }
  }
  return { out, weights };
}

/**
 * dP = dOut·Vᵀ, dS = P ⊙ (dP − rowsum(dP ⊙ P)), dq = scale·dS·K, dk = scale·dSᵀ·Q, dv = Pᵀ·dOut,
 * per block.
 */
export function attentionBackward(
  ctx: CpuContext,
  qIn: Tensor,
  kIn: Tensor,
  vIn: Tensor,
  wIn: Tensor,
  dOutIn: Tensor,
  scale = 1,
): AttentionGrads {
  const op = 'attentionBackward';
  const q = need(op, 'q', qIn);
  const k = need(op, 'k', kIn);
  const v = need(op, 'v', vIn);
  const weights = need(op, 'weights', wIn);
  const dOut = need(op, 'dOut', dOutIn);
  const { blocks, tq, tk, dh } = checkAttentionBackward(op, q, k, v, weights, dOut, scale);
  const dq = ctx.alloc(q.shape, 'f32', 'attention.dq');
  const dk = ctx.alloc(k.shape, 'f32', 'attention.dk');
  const dv = ctx.alloc(v.shape, 'f32', 'attention.dv');
  const [qd, kd, vd, w, go] = [q.f32, k.f32, v.f32, weights.f32, dOut.f32];
  const ds = new Float64Array(tq * tk);
  const gk = new Float64Array(tk * dh);
  const gv = new Float64Array(tk * dh);
  for (let bh = 0; bh < blocks; bh++) {
    const qb = bh * tq * dh;
    const kb = bh * tk * dh;
    const wb = bh * tq * tk;
    gk.fill(0);
    gv.fill(0);
    for (let i = 0; i < tq; i++) {
      let dot = 0;
      for (let j = 0; j < tk; j++) {
        let dp = 0;
        for (let d = 0; d < dh; d++) dp += go[qb + i * dh + d] * vd[kb + j * dh + d];
        ds[i * tk + j] = dp;
        dot += dp * w[wb + i * tk + j];
      }
      for (let j = 0; j < tk; j++) ds[i * tk + j] = w[wb + i * tk + j] * (ds[i * tk + j] - dot);
      for (let d = 0; d < dh; d++) {
        let g = 0;
        for (let j = 0; j < tk; j++) g += ds[i * tk + j] * kd[kb + j * dh + d];
        dq.f32[qb + i * dh + d] = scale * g;
      }
      for (let j = 0; j < tk; j++) {
        const sij = ds[i * tk + j];
        const pij = w[wb + i * tk + j];
        for (let d = 0; d < dh; d++) {
          gk[j * dh + d] += sij * qd[qb + i * dh + d];
          gv[j * dh + d] += pij * go[qb + i * dh + d];
        }
      }
    }
    for (let e = 0; e < tk * dh; e++) {
      dk.f32[kb + e] = scale * gk[e];
      dv.f32[kb + e] = gv[e];
    }
  }
  return { dq, dk, dv };
}
