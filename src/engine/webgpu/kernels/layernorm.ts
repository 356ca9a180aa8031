// layernorm.wgsl's wrapper: LayerNorm forward (y, mean, rstd; or of a residual sum x + r,
// kept as `sum`) and backward (dx, dγ, dβ in one dispatch). Rows up to ROW_LIMIT wide run one
// invocation per row, wider rows one workgroup per row.
import type { AddLayerNormResult, LayerNormGrads, LayerNormResult, Tensor } from '../../backend';
import { checkAddLayerNorm, checkLayerNorm, checkLayerNormBackward, grid, outLabel } from '../checks';
import { FUSED_KERNELS } from '../../shared/fusedKernels';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

const ROW_LIMIT = 128;
const RWG = 64;
/** acc (backward): bit 0 adds onto dGamma, bit 1 onto dBeta. */
const PARAMS = defineParams('layernorm', 'Params', ['rows', 'cols', 'acc', 'eps', 'row_groups']);

function rowLaunch(rows: number, cols: number, base: string) {
  if (cols <= ROW_LIMIT) return { entry: `${base}_rows`, workgroups: grid(Math.ceil(rows / 64)) };
  return { entry: `${base}_wg`, workgroups: grid(rows) };
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
    const launch = rowLaunch(rows, cols, 'forward');
    e.run({
      family: 'layernorm',
      kernel: 'layernorm',
      label: y.label,
      bindings: ['r', 'r', 'r', 'w', 'w', 'w', 'r', 'w'],
      constants: { RWG, ADD: 0 },
      uniforms: PARAMS.pack({ rows, cols, acc: 0, eps, row_groups: 0 }),
      tensors: [X, G, B, y, mean, rstd, null, null],
      ...launch,
    });
  }
  return { y, mean, rstd };
}

/** LayerNorm(x + r) with the sum written as it is read: one dispatch for the residual block. */
export function addLayerNorm(e: GpuExecutor, x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps: number): AddLayerNormResult {
  const op = 'addLayerNorm';
  const X = e.need(op, 'x', x);
  const R = e.need(op, 'r', r);
  const G = e.need(op, 'gamma', gamma);
  const B = e.need(op, 'beta', beta);
  const { rows, cols } = checkAddLayerNorm(op, X, R, G, B, eps);
  const sum = e.alloc(X.shape, 'f32', outLabel('add', X));
  const y = e.alloc(X.shape, 'f32', outLabel('layerNorm', X));
  const mean = e.alloc([rows], 'f32', outLabel('layerNorm.mean', X));
  const rstd = e.alloc([rows], 'f32', outLabel('layerNorm.rstd', X));
  if (rows && cols) {
    e.run({
      family: 'layernorm',
      kernel: FUSED_KERNELS.addLayerNorm,
      label: y.label,
      bindings: ['r', 'r', 'r', 'w', 'w', 'w', 'r', 'w'],
      constants: { RWG, ADD: 1 },
      uniforms: PARAMS.pack({ rows, cols, acc: 0, eps, row_groups: 0 }),
      tensors: [X, G, B, y, mean, rstd, R, sum],
      ...rowLaunch(rows, cols, 'forward'),
    });
  }
  return { y, mean, rstd, sum };
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
  if (!cols) return { dx, dGamma, dBeta };
  // dx row-groups first, then the dγ/dβ column groups, in one dispatch
  const wide = cols > ROW_LIMIT;
  const rowGroups = wide ? rows : Math.ceil(rows / 64);
  const colGroups = Math.ceil(cols / (wide ? RWG : 64));
  e.run({
    family: 'layernorm',
    entry: wide ? 'backward_wg' : 'backward_rows',
    kernel: 'layernorm.backward',
    label: dx.label,
    bindings: ['r', 'r', 'r', 'r', 'r', 'w', 'w', 'w'],
    constants: { RWG },
    uniforms: PARAMS.pack({ rows, cols, acc: (dGammaIn ? 1 : 0) | (dBetaIn ? 2 : 0), eps: 0, row_groups: rowGroups }),
    tensors: [DY, X, M, R, G, rows ? dx : null, dGamma, dBeta],
    workgroups: grid(rowGroups + colGroups),
  });
  return { dx, dGamma, dBeta };
}
