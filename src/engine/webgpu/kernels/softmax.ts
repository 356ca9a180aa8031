// softmax.wgsl's wrapper: softmax (scale, causal + offset, key padding mask), its backward,
// and maskScores. Rows up to ROW_LIMIT wide run one invocation per row, wider rows one
// workgroup per row.
import type { SoftmaxOptions, Tensor } from '../../backend';
import { checkSoftmax, checkSoftmaxBackward, grid, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';
import type { UniformWords } from '../uniforms';
import type { GpuTensor } from '../tensor';

const ROW_LIMIT = 128;
const RWG = 128;
/** flags: bit 0 causal, bit 1 key mask. */
const PARAMS = defineParams('softmax', 'Params', ['rows', 'cols', 'tq', 'heads', 'flags', 'offset', 'scale']);

interface RowSetup {
  rows: number;
  cols: number;
  uniforms: UniformWords;
  keyMask: GpuTensor | null;
}

function setup(e: GpuExecutor, op: string, x: GpuTensor, opts: SoftmaxOptions): RowSetup {
  const keyMask = opts.keyMask ? e.need(op, 'keyMask', opts.keyMask) : null;
  const { rows, cols, tq, scale, causal, causalOffset: offset, heads } = checkSoftmax(op, x, opts, keyMask);
  const flags = (causal ? 1 : 0) | (keyMask ? 2 : 0);
  return { rows, cols, keyMask, uniforms: PARAMS.pack({ rows, cols, tq: Math.max(tq, 1), heads, flags, offset, scale }) };
}

/** Entry and workgroups for a row kernel: per-invocation rows or per-workgroup rows. */
function rowLaunch(rows: number, cols: number, base: string) {
  if (cols <= ROW_LIMIT) return { entry: `${base}_rows`, constants: { RWG }, workgroups: grid(Math.ceil(rows / 64)) };
  return { entry: `${base}_wg`, constants: { RWG }, workgroups: grid(rows) };
}

export function softmax(e: GpuExecutor, x: Tensor, opts: SoftmaxOptions = {}): Tensor {
  const op = 'softmax';
  const X = e.need(op, 'x', x);
  const s = setup(e, op, X, opts);
  const y = e.alloc(X.shape, 'f32', outLabel(op, X));
  if (!y.size) return y;
  e.run({
    family: 'softmax',
    kernel: 'softmax',
    label: y.label,
    bindings: ['r', 'r', 'w'],
    uniforms: s.uniforms,
    tensors: [X, s.keyMask, y],
    ...rowLaunch(s.rows, s.cols, 'softmax'),
  });
  return y;
}

export function softmaxBackward(e: GpuExecutor, y: Tensor, dy: Tensor, scale = 1): Tensor {
  const op = 'softmaxBackward';
  const Y = e.need(op, 'y', y);
  const DY = e.need(op, 'dy', dy);
  const { rows, cols } = checkSoftmaxBackward(op, Y, DY, scale);
  const dx = e.alloc(Y.shape, 'f32', outLabel('softmax.backward', Y));
  if (!dx.size) return dx;
  e.run({
    family: 'softmax',
    kernel: 'softmax.backward',
    label: dx.label,
    bindings: ['r', 'r', 'w'],
    uniforms: PARAMS.pack({ rows, cols, tq: 1, heads: 1, flags: 0, offset: 0, scale }),
    tensors: [Y, DY, dx],
    ...rowLaunch(rows, cols, 'backward'),
  });
  return dx;
}

export function maskScores(e: GpuExecutor, x: Tensor, opts: SoftmaxOptions = {}): Tensor {
  const op = 'maskScores';
  const X = e.need(op, 'x', x);
  const s = setup(e, op, X, opts);
  const y = e.alloc(X.shape, 'f32', outLabel(op, X));
  if (!y.size) return y;
  e.run({
    family: 'softmax',
    entry: 'mask_scores',
    kernel: 'softmax.maskScores',
    label: y.label,
    bindings: ['r', 'r', 'w'],
    constants: { RWG },
    uniforms: s.uniforms,
    tensors: [X, s.keyMask, y],
    workgroups: grid(Math.ceil(y.size / 256)),
  });
  return y;
}
