// Attention head layout: (B·T, H·Dh) ⇄ (B·H, T, Dh). Each is the other's backward.
import type { OutOptions, Tensor } from '../backend';
import { checkMergeHeads, checkSplitHeads, need } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

/** (B·T, H·Dh) (or (B, T, H·Dh)) → (B·H, T, Dh). */
export function splitHeads(ctx: CpuContext, xIn: Tensor, batch: number, heads: number): CpuTensor {
  const op = 'splitHeads';
  const x = need(op, 'x', xIn);
  const { t, dh } = checkSplitHeads(op, x, batch, heads);
  const out = ctx.alloc([batch * heads, t, dh], 'f32', 'splitHeads');
  permute(x.f32, out.f32, batch, heads, t, dh, 'split', false);
  return out;
}

/** (B·H, T, Dh) → (B·T, H·Dh), optionally into/onto opts.out. */
export function mergeHeads(ctx: CpuContext, xIn: Tensor, batch: number, heads: number, opts?: OutOptions): CpuTensor {
  const op = 'mergeHeads';
  const x = need(op, 'x', xIn);
  const { t, dh } = checkMergeHeads(op, x, batch, heads);
  const out = ctx.target(op, [batch * t, heads * dh], 'mergeHeads', opts, [x]);
  permute(x.f32, out.data, batch, heads, t, dh, 'merge', out.accumulate);
  return out.finish();
}

/**
 * Move Dh-long runs between the two layouts. 'split' reads merged rows and writes head
 * blocks; 'merge' the reverse. Merged offset of (b, h, t) = (b·T + t)·H·Dh + h·Dh; head
 * offset = ((b·H + h)·T + t)·Dh.
 */
function permute(
  src: Float32Array,
  dst: Float32Array,
  batch: number,
  heads: number,
  t: number,
  dh: number,
  dir: 'split' | 'merge',
  accumulate: boolean,
): void {
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      for (let s = 0; s < t; s++) {
        const merged = (b * t + s) * heads * dh + h * dh;
        const split = ((b * heads + h) * t + s) * dh;
        const from = dir === 'split' ? merged : split;
        const to = dir === 'split' ? split : merged;
        if (accumulate) for (let e = 0; e < dh; e++) dst[to + e] += src[from + e];
        else for (let e = 0; e < dh; e++) dst[to + e] = src[from + e];
      }
    }
  }
}
