// Fused softmax + cross-entropy over (N, V) logits, forward and backward in one pass.
// With label smoothing ε the target is t = (1 − ε)·onehot + ε/V, so
//   loss = −Σ_c t_c·log p_c = lse − (1 − ε)·x_y − (ε/V)·Σ_c x_c      (lse = log Σ e^x)
//   dlogits = (p − t) / normalizer.
// That is (1 − ε)(−log p_y) + (ε/V)·Σ_c(−log p_c) with c over all V classes (specials included):
// the "Loss" of docs/checkpoint.md, once the trainer divides the sum by the non-pad count.
import type { CrossEntropyOptions, CrossEntropyResult, Tensor } from '../backend';
import { checkCrossEntropy, checkIds, need } from './checks';
import type { CpuContext } from './context';

/** logits (N, V), targets (N) i32 → loss (N), dLogits (N, V). */
export function crossEntropy(
  ctx: CpuContext,
  logitsIn: Tensor,
  targetsIn: Tensor,
  opts: CrossEntropyOptions = {},
): CrossEntropyResult {
  const op = 'crossEntropy';
  const logits = need(op, 'logits', logitsIn);
  const targets = need(op, 'targets', targetsIn, 'i32');
  const { rows, vocab, smoothing: eps, ignore, normalizer } = checkCrossEntropy(op, logits, targets, opts);
  checkIds(op, 'targets', targets.i32, vocab, ignore);

  const loss = ctx.alloc([rows], 'f32', 'crossEntropy.loss');
  const dLogits = ctx.alloc([rows, vocab], 'f32', 'crossEntropy.dLogits');
  const x = logits.f32;
  const tg = targets.i32;
  const l = loss.f32;
  const dx = dLogits.f32;
  const uniform = eps / vocab;
  const invNorm = 1 / normalizer;
  const e = new Float64Array(vocab); // one row of exponentials, so exp runs once per entry
  for (let r = 0; r < rows; r++) {
    const y = tg[r];
    if (y === ignore) continue; // loss and gradient stay 0
    const base = r * vocab;
    let max = -Infinity;
    let sumX = 0;
    for (let c = 0; c < vocab; c++) {
      const v = x[base + c];
      if (v > max) max = v;
      sumX += v;
    }
    let sumE = 0;
    for (let c = 0; c < vocab; c++) {
      e[c] = Math.exp(x[base + c] - max);
      sumE += e[c];
    }
    const lse = max + Math.log(sumE);
    l[r] = lse - (1 - eps) * x[base + y] - uniform * sumX;
    const invSum = 1 / sumE;
    for (let c = 0; c < vocab; c++) {
      dx[base + c] = (e[c] * invSum - uniform) * invNorm;
    }
    // The target entry again, in float64: p_y − 1 must not cancel in float32.
    dx[base + y] = (e[y] * invSum - uniform - (1 - eps)) * invNorm;
  }
  return { loss, dLogits };
}
