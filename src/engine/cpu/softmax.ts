// Softmax over the last axis, with the attention masks. Order: scale → causal mask
// (key j > query i + causalOffset) → key padding mask → subtract the row max → exp →
// normalize. Masked entries get probability 0; a row with no visible key is all zeros.
import { MASKED_VALUE, type SoftmaxOptions, type Tensor } from '../backend';
import { checkSoftmax, checkSoftmaxBackward, need } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

/** Which keys each row of a (blocks, Tq, Tk) score tensor may see. */
interface MaskPlan {
  rows: number;
  tk: number;
  tq: number;
  scale: number;
  causal: boolean;
  causalOffset: number;
  /** (B, Tk) key mask, 0 = padding; null when absent. */
  keyMask: Float32Array | null;
  heads: number;
}

function plan(op: string, x: CpuTensor, opts: SoftmaxOptions): MaskPlan {
  const km = opts.keyMask ? need(op, 'keyMask', opts.keyMask) : null;
  const { rows, cols, tq, scale, causal, causalOffset, heads } = checkSoftmax(op, x, opts, km);
  return { rows, tk: cols, tq, scale, causal, causalOffset, keyMask: km ? km.f32 : null, heads };
}

/** End (exclusive) of the causal window of a row, and the start of its key-mask row or -1. */
function rowWindow(p: MaskPlan, row: number): { end: number; maskAt: number } {
  const i = row % p.tq;
  const end = p.causal ? Math.max(0, Math.min(p.tk, i + p.causalOffset + 1)) : p.tk;
  const maskAt = p.keyMask ? Math.floor(Math.floor(row / p.tq) / p.heads) * p.tk : -1;
  return { end, maskAt };
}

/** x (…, Tq, Tk) → probabilities of the same shape, over the last axis. */
export function softmax(ctx: CpuContext, xIn: Tensor, opts: SoftmaxOptions = {}): CpuTensor {
  const x = need('softmax', 'x', xIn);
  const p = plan('softmax', x, opts);
  const out = ctx.alloc(x.shape, 'f32', 'softmax');
  const xd = x.f32;
  const y = out.f32;
  const mask = p.keyMask;
  const { tk, scale } = p;
  const e = new Float64Array(tk); // one row of exponentials, so exp runs once per entry
  for (let r = 0; r < p.rows; r++) {
    const { end, maskAt } = rowWindow(p, r);
    const base = r * tk;
    let max = -Infinity;
    for (let j = 0; j < end; j++) {
      if (mask && mask[maskAt + j] === 0) continue;
      const v = scale * xd[base + j];
      if (v > max) max = v;
    }
    if (max === -Infinity) continue; // nothing visible: the row stays zero
    let sum = 0;
    for (let j = 0; j < end; j++) {
      if (mask && mask[maskAt + j] === 0) {
        e[j] = 0;
        continue;
      }
      e[j] = Math.exp(scale * xd[base + j] - max);
      sum += e[j];
    }
    const inv = 1 / sum;
    for (let j = 0; j < end; j++) y[base + j] = e[j] * inv;
  }
  return out;
}

/** x (…, Tq, Tk) → the scaled, masked scores softmax sees: scale·x, masked entries MASKED_VALUE. */
export function maskScores(ctx: CpuContext, xIn: Tensor, opts: SoftmaxOptions = {}): CpuTensor {
  const x = need('maskScores', 'x', xIn);
  const p = plan('maskScores', x, opts);
  const out = ctx.alloc(x.shape, 'f32', 'maskScores');
  const xd = x.f32;
  const y = out.f32;
  const mask = p.keyMask;
  const { tk, scale } = p;
  for (let r = 0; r < p.rows; r++) {
    const { end, maskAt } = rowWindow(p, r);
    const base = r * tk;
    for (let j = 0; j < tk; j++) {
      const hidden = j >= end || (mask !== null && mask[maskAt + j] === 0);
      y[base + j] = hidden ? MASKED_VALUE : scale * xd[base + j];
    }
  }
  return out;
}

/** y, dy (…, Tk) → dx = scale · y ⊙ (dy − Σ_j dy·y), row by row over the last axis. */
export function softmaxBackward(ctx: CpuContext, yIn: Tensor, dyIn: Tensor, scale = 1): CpuTensor {
  const op = 'softmaxBackward';
  const y = need(op, 'y', yIn);
  const dy = need(op, 'dy', dyIn);
  const { rows, cols: tk } = checkSoftmaxBackward(op, y, dy, scale);
  const out = ctx.alloc(y.shape, 'f32', 'softmaxBackward');
  const yd = y.f32;
  const g = dy.f32;
  const dx = out.f32;
  for (let r = 0; r < rows; r++) {
    const base = r * tk;
    let dot = 0;
    for (let j = 0; j < tk; j++) dot += g[base + j] * yd[base + j];
    for (let j = 0; j < tk; j++) dx[base + j] = scale * yd[base + j] * (g[base + j] - dot);
  }
  return out;
}
