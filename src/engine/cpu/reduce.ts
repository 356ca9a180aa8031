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
  // Four rows per pass over the columns (fewer loads and stores of sums), each column still
  // summed in row order: ((s + x0) + x1) + x2 + x3, the same float64 rounding as row by row.
  const rows4 = rows - (rows % 4);
  for (let r = 0; r < rows4; r += 4) {
    const b0 = r * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    for (let c = 0; c < cols; c++) sums[c] = sums[c] + xd[b0 + c] + xd[b1 + c] + xd[b2 + c] + xd[b3 + c];
  }
  for (let r = rows4; r < rows; r++) {
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
