// layernorm.wgsl's wrapper: LayerNorm forward (y, mean, rstd) and backward (dx, dγ, dβ).
// Rows up to ROW_LIMIT wide run one invocation per row, wider rows one workgroup per row.
import type { LayerNormGrads, LayerNormResult, Tensor } from '../../backend';
import { checkLayerNorm, checkLayerNormBackward, grid, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

const ROW_LIMIT = 128;
const RWG = 64;
/** acc (backward): bit 0 adds onto dGamma, bit 1 onto dBeta. */
const PARAMS = defineParams('layernorm', 'Params', ['rows', 'cols', 'acc', 'eps']);

function rowLaunch(rows: number, cols: number, base: string) {
  if (cols <= ROW_LIMIT) return { entry: `${base}_rows`, constants: { RWG }, workgroups: grid(Math.ceil(rows / 64)) };
  return { entry: `${base}_wg`, constants: { RWG }, workgroups: grid(rows) };
}

export function layerNorm(e: GpuExecutor, x: Tensor, gamma: Tensor, beta: Tensor, eps: number): LayerNormResult {
  const op = 'layerNorm';
  const X = e.need(op, 'x', x);
  const G = e.need(op, 'gamma', gamma);
  const B = e.need(op, 'beta', beta);
  const { rows, cols } = checkLayerNorm(op, X, G, B, eps);
  const y = e.alloc(X.shape, 'f32', outLabel(op, X));
  const mean = e.alloc([rows], 'f32', outLabel('layerNorm.mean', X));
  const rstd = e.alloc([rows], 'f32', outLabel('layerNorm.rstd', X));
  if (rows && cols) {
    e.run({
      family: 'layernorm',
      kernel: 'layernorm',
      label: y.label,
      bindings: ['r', 'r', 'r', 'w', 'w', 'w'],
      uniforms: PARAMS.pack({ rows, cols, acc: 0, eps }),
      tensors: [X, G, B, y, mean, rstd],
      ...rowLaunch(rows, cols, 'forward'),
    });
  }
  return { y, mean, rstd };
}

export function layerNormBackward(
  e: GpuExecutor,
  dy: Tensor,
  x: Tensor,
  mean: Tensor,
  rstd: Tensor,
  gamma: Tensor,
  opts: { dGamma?: Tensor; dBeta?: Tensor } = {},
): LayerNormGrads {
  const op = 'layerNormBackward';
  const DY = e.need(op, 'dy', dy);
  const X = e.need(op, 'x', x);
  const M = e.need(op, 'mean', mean);
  const R = e.need(op, 'rstd', rstd);
  const G = e.need(op, 'gamma', gamma);
  const dGammaIn = opts.dGamma ? e.need(op, 'dGamma', opts.dGamma) : null;
  const dBetaIn = opts.dBeta ? e.need(op, 'dBeta', opts.dBeta) : null;
  const { rows, cols } = checkLayerNormBackward(op, DY, X, M, R, G, dGammaIn, dBetaIn);

  const dx = e.alloc(X.shape, 'f32', outLabel('layerNorm.dx', X));
  const dGamma = dGammaIn ?? e.alloc([cols], 'f32', outLabel('layerNorm.dGamma', G));
  const dBeta = dBetaIn ?? e.alloc([cols], 'f32', outLabel('layerNorm.dBeta', G));
  const uniforms = PARAMS.pack({ rows, cols, acc: (dGammaIn ? 1 : 0) | (dBetaIn ? 2 : 0), eps: 0 });
  if (rows && cols) {
    e.run({
      family: 'layernorm',
      kernel: 'layernorm.backward',
      label: dx.label,
      bindings: ['r', 'r', 'r', 'r', 'r', 'w'],
      uniforms,
      tensors: [DY, X, M, R, G, dx],
      ...rowLaunch(rows, cols, 'dx'),
    });
  }
  if (cols) {
    e.run({
      family: 'layernorm',
      entry: 'dparams',
      kernel: 'layernorm.backward.params',
      label: dGamma.label,
      bindings: ['r', 'r', 'r', 'r', 'w', 'w'],
      constants: { RWG },
      uniforms,
      tensors: [DY, X, M, R, dGamma, dBeta],
      workgroups: grid(Math.ceil(cols / 64)),
    });
  }
  return { dx, dGamma, dBeta };
}
