// One AdamW step over a whole arena (params, grads, m, v are flat and aligned alike).
//   g ← g·clip, clip = min(1, maxNorm/‖g‖) from the summed squares (step skipped if ‖g‖ is not finite)
//   t ← t + 1 (arena.adamStep: counts applied updates only, so a skipped step leaves it)
//   m ← β1·m + (1 − β1)·g        v ← β2·v + (1 − β2)·g²
//   p ← p − lr·( m̂/(√v̂ + eps) + wd·p ),  m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t)
// Weight decay is decoupled (Loshchilov & Hutter): it acts on p, not through the moments.
import { EngineError, type AdamOptions, type Arena } from '../backend';
import { checkAdam, need } from './checks';
import { CpuArena } from './arena';

export function adam(arena: Arena, opts: AdamOptions): void {
  const op = 'adam';
  if (!(arena instanceof CpuArena)) throw new EngineError(op, 'arena was not created by the CPU backend');
  const { lr, beta1, beta2, eps, weightDecay } = opts;
  const ss = opts.gradSumSquares ? need(op, 'gradSumSquares', opts.gradSumSquares) : null;
  checkAdam(op, opts, ss);

  let clip = 1;
  if (ss) {
    const norm = Math.sqrt(ss.f32[0]);
    if (!Number.isFinite(norm)) return; // overflowed or NaN gradients: keep weights, moments and t
    if (opts.maxNorm !== undefined && norm > opts.maxNorm) clip = opts.maxNorm / norm;
  }

  const p = need(op, 'params', arena.params).f32;
  const g = need(op, 'grads', arena.grads).f32;
  const m = need(op, 'm', arena.m).f32;
  const v = need(op, 'v', arena.v).f32;
  const counter = need(op, 'adamStep', arena.adamStep, 'i32').i32;
  const step = ++counter[0];
  const c1 = 1 / (1 - Math.pow(beta1, step));
  const c2 = 1 / (1 - Math.pow(beta2, step));
  const decay = lr * weightDecay;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i] * clip;
    const mi = beta1 * m[i] + (1 - beta1) * gi;
    const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] = p[i] - lr * (mi * c1) / (Math.sqrt(vi * c2) + eps) - decay * p[i];
  }
}
