// Reductions, summed in float64: colSum (bias gradients) and sumSquares (gradient norm).
import type { OutOptions, Tensor } from '../backend';
import { checkColSum, need } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

/** (R, C) → (C): Σ over rows (any leading dims count as rows). */
export function colSum(ctx: CpuContext, xIn: Tensor, opts: OutOptions = {}): CpuTensor {
  const x = need('colSum', 'x', xIn);
  const { rows, cols } = checkColSum('colSum', x);
  const out = ctx.target('colSum', [cols], 'colSum', opts);
  const xd = x.f32;
  const sums = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) sums[c] += xd[base + c];
  }
  const o = out.data;
  for (let c = 0; c < cols; c++) o[c] = (out.accumulate ? o[c] : 0) + sums[c];
  return out.finish();
}

/** → (1): Σ x² over every element. */
export function sumSquares(ctx: CpuContext, xIn: Tensor, opts: OutOptions = {}): CpuTensor {
  const x = need('sumSquares', 'x', xIn);
  const out = ctx.target('sumSquares', [1], 'sumSquares', opts);
  const xd = x.f32;
  let s = 0;
  for (let i = 0; i < xd.length; i++) s += xd[i] * xd[i];
  out.data[0] = (out.accumulate ? out.data[0] : 0) + s;
  return out.finish();
}
