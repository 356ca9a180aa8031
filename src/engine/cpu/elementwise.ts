// Elementwise arithmetic on same-size f32 tensors: a + alpha·b, a ⊙ b, s·a. Results go to a
// new tensor of a's shape, or into/onto opts.out, which may be a or b (in place).
import { type OutOptions, type Tensor } from '../backend';
import { checkBinary, checkScale, need } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

/** a + alpha·b → a's shape. */
export function add(ctx: CpuContext, aIn: Tensor, bIn: Tensor, opts: OutOptions & { alpha?: number } = {}): CpuTensor {
  const a = need('add', 'a', aIn);
  const b = need('add', 'b', bIn);
  const alpha = opts.alpha ?? 1;
  checkBinary('add', a, b, alpha);
  const out = ctx.target('add', a.shape, 'add', opts, [a, b], true);
  const x = a.f32;
  const y = b.f32;
  const o = out.data;
  if (out.accumulate) for (let i = 0; i < o.length; i++) o[i] += x[i] + alpha * y[i];
  else for (let i = 0; i < o.length; i++) o[i] = x[i] + alpha * y[i];
  return out.finish();
}

/** a ⊙ b → a's shape. */
export function mul(ctx: CpuContext, aIn: Tensor, bIn: Tensor, opts: OutOptions = {}): CpuTensor {
  const a = need('mul', 'a', aIn);
  const b = need('mul', 'b', bIn);
  checkBinary('mul', a, b, 1);
  const out = ctx.target('mul', a.shape, 'mul', opts, [a, b], true);
  const x = a.f32;
  const y = b.f32;
  const o = out.data;
  if (out.accumulate) for (let i = 0; i < o.length; i++) o[i] += x[i] * y[i];
  else for (let i = 0; i < o.length; i++) o[i] = x[i] * y[i];
  return out.finish();
}

/** s·a → a's shape. */
export function scale(ctx: CpuContext, aIn: Tensor, s: number, opts: OutOptions = {}): CpuTensor {
  const a = need('scale', 'a', aIn);
  checkScale('scale', s);
  const out = ctx.target('scale', a.shape, 'scale', opts, [a], true);
  const x = a.f32;
  const o = out.data;
  if (out.accumulate) for (let i = 0; i < o.length; i++) o[i] += s * x[i];
  else for (let i = 0; i < o.length; i++) o[i] = s * x[i];
  return out.finish();
}
