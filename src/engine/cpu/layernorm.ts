// LayerNorm over the last axis of (R, C): y = (x − μ)·rstd·γ + β with rstd = 1/√(σ² + ε),
// σ² the biased variance. Statistics and the backward's row and column sums use float64.
import type { AddLayerNormResult, LayerNormGrads, LayerNormResult, Tensor } from '../backend';
import { checkAddLayerNorm, checkLayerNorm, checkLayerNormBackward, need } from './checks';
import type { CpuContext } from './context';

/** x (R, C) (any leading dims count as rows), gamma/beta (C) → y (x's shape), mean/rstd (R). */
export function layerNorm(ctx: CpuContext, xIn: Tensor, gammaIn: Tensor, betaIn: Tensor, eps: number): LayerNormResult {
  const op = 'layerNorm';
  const x = need(op, 'x', xIn);
  const gamma = need(op, 'gamma', gammaIn);
  const beta = need(op, 'beta', betaIn);
  const { rows, cols } = checkLayerNorm(op, x, gamma, beta, eps);
  const y = ctx.alloc(x.shape, 'f32', 'layerNorm.y');
  const mean = ctx.alloc([rows], 'f32', 'layerNorm.mean');
  const rstd = ctx.alloc([rows], 'f32', 'layerNorm.rstd');
  const xd = x.f32;
  const g = gamma.f32;
  const b = beta.f32;
  const yd = y.f32;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += xd[base + c];
    const mu = sum / cols;
    let sq = 0;
    for (let c = 0; c < cols; c++) {
      const d = xd[base + c] - mu;
      sq += d * d;
    }
    const rs = 1 / Math.sqrt(sq / cols + eps);
    for (let c = 0; c < cols; c++) yd[base + c] = (xd[base + c] - mu) * rs * g[c] + b[c];
    mean.f32[r] = mu;
    rstd.f32[r] = rs;
  }
  return { y, mean, rstd };
}

/** LayerNorm(x + r), the sum (rounded to f32, as the GPU stores it) returned too. */
export function addLayerNorm(ctx: CpuContext, xIn: Tensor, rIn: Tensor, gamma: Tensor, beta: Tensor, eps: number): AddLayerNormResult {
  const op = 'addLayerNorm';
  const x = need(op, 'x', xIn);
  const r = need(op, 'r', rIn);
  checkAddLayerNorm(op, x, r, need(op, 'gamma', gamma), need(op, 'beta', beta), eps);
  const sum = ctx.alloc(x.shape, 'f32', 'add');
  for (let i = 0; i < sum.size; i++) sum.f32[i] = x.f32[i] + r.f32[i];
  return { ...layerNorm(ctx, sum, gamma, beta, eps), sum };
}

/**
 * With x̂ = (x − μ)·rstd and g = dy⊙γ: dx = rstd·(g − mean(g) − x̂·mean(g⊙x̂)),
 * dγ = Σ_rows dy⊙x̂, dβ = Σ_rows dy (added onto opts.dGamma / opts.dBeta when given).
 */
export function layerNormBackward(
  ctx: CpuContext,
  dyIn: Tensor,
  xIn: Tensor,
  meanIn: Tensor,
  rstdIn: Tensor,
  gammaIn: Tensor,
  opts: { dGamma?: Tensor; dBeta?: Tensor } = {},
): LayerNormGrads {
  const op = 'layerNormBackward';
  const dy = need(op, 'dy', dyIn);
  const x = need(op, 'x', xIn);
  const mean = need(op, 'mean', meanIn);
  const rstd = need(op, 'rstd', rstdIn);
  const gamma = need(op, 'gamma', gammaIn);
  const dGammaIn = opts.dGamma ? need(op, 'dGamma', opts.dGamma) : null;
  const dBetaIn = opts.dBeta ? need(op, 'dBeta', opts.dBeta) : null;
  const { rows, cols } = checkLayerNormBackward(op, dy, x, mean, rstd, gamma, dGammaIn, dBetaIn);
  const dGamma = ctx.target(op, [cols], 'layerNormBackward.dGamma', opts.dGamma && { out: opts.dGamma, accumulate: true });
  const dBeta = ctx.target(op, [cols], 'layerNormBackward.dBeta', opts.dBeta && { out: opts.dBeta, accumulate: true });
  const dx = ctx.alloc(x.shape, 'f32', 'layerNormBackward.dx');
  const g = dy.f32;
  const xd = x.f32;
  const gm = gamma.f32;
  const dxd = dx.f32;
  const colG = new Float64Array(cols); // Σ_rows dy⊙x̂
  const colB = new Float64Array(cols); // Σ_rows dy
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const mu = mean.f32[r];
    const rs = rstd.f32[r];
    let sumG = 0;
    let sumGX = 0;
    for (let c = 0; c < cols; c++) {
      const xh = (xd[base + c] - mu) * rs;
      const gi = g[base + c] * gm[c];
      sumG += gi;
      sumGX += gi * xh;
      colG[c] += g[base + c] * xh;
      colB[c] += g[base + c];
    }
    const meanG = sumG / cols;
    const meanGX = sumGX / cols;
    for (let c = 0; c < cols; c++) {
      const xh = (xd[base + c] - mu) * rs;
      dxd[base + c] = rs * (g[base + c] * gm[c] - meanG - xh * meanGX);
    }
  }
  for (let c = 0; c < cols; c++) {
    dGamma.data[c] = (dGamma.accumulate ? dGamma.data[c] : 0) + colG[c];
    dBeta.data[c] = (dBeta.accumulate ? dBeta.data[c] : 0) + colB[c];
  }
  return { dx, dGamma: dGamma.finish(), dBeta: dBeta.finish() };
}
