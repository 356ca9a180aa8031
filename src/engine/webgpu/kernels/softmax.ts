// softmax.wgsl's wrapper: softmax (scale, causal + offset, key padding mask), its backward,
// and maskScores. Rows up to ROW_LIMIT wide run one invocation per row, wider rows one
// workgroup per row.
import { EngineError, shapeStr, type SoftmaxOptions, type Tensor } from '../../backend';
import { grid, lastDim, needFinite, needPositiveInt, needSameSize, outLabel } from '../checks';
import type { Engine } from '../context';
import type { UniformValues } from '../uniforms';
import type { GpuTensor } from '../tensor';

const ROW_LIMIT = 128;
const RWG = 128;

interface RowSetup {
  rows: number;
  cols: number;
  uniforms: UniformValues;
  keyMask: GpuTensor | null;
}

function setup(e: Engine, op: string, x: GpuTensor, opts: SoftmaxOptions): RowSetup {
  const cols = lastDim(x);
  const rows = cols ? x.size / cols : 0;
  const tq = x.shape.length >= 2 ? x.shape[x.shape.length - 2] : 1;
  const scale = opts.scale ?? 1;
  needFinite(op, 'scale', scale);
  const offset = opts.causalOffset ?? 0;
  if (!Number.isInteger(offset)) throw new EngineError(op, `causalOffset must be an integer, got ${offset}`);
  if (opts.causal && x.shape.length < 2) {
    throw new EngineError(op, `causal mask needs (…, Tq, Tk) scores, got ${shapeStr(x.shape)}`);
  }
  let keyMask: GpuTensor | null = null;
  let heads = 1;
  if (opts.keyMask) {
    keyMask = e.need(op, 'keyMask', opts.keyMask);
    heads = opts.heads ?? 1;
    needPositiveInt(op, 'heads', heads);
    const blocks = tq && cols ? rows / tq : 0;
    const km = keyMask.shape;
    if (km.length !== 2 || km[1] !== cols || km[0] * heads !== blocks) {
      throw new EngineError(
        op,
        `keyMask ${shapeStr(km)} does not fit scores ${shapeStr(x.shape)} with heads ${heads} (want (${blocks / heads}, ${cols}))`,
      );
    }
  }
  const flags = (opts.causal ? 1 : 0) | (keyMask ? 2 : 0);
  return { rows, cols, keyMask, uniforms: { u: [rows, cols, Math.max(tq, 1), heads, flags], i: [offset], f: [scale] } };
}

/** Entry and workgroups for a row kernel: per-invocation rows or per-workgroup rows. */
function rowLaunch(rows: number, cols: number, base: string) {
  if (cols <= ROW_LIMIT) return { entry: `${base}_rows`, constants: { RWG }, workgroups: grid(Math.ceil(rows / 64)) };
  return { entry: `${base}_wg`, constants: { RWG }, workgroups: grid(rows) };
}

export function softmax(e: Engine, x: Tensor, opts: SoftmaxOptions = {}): Tensor {
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

export function softmaxBackward(e: Engine, y: Tensor, dy: Tensor, scale = 1): Tensor {
  const op = 'softmaxBackward';
  const Y = e.need(op, 'y', y);
  const DY = e.need(op, 'dy', dy);
  needSameSize(op, Y, 'y', DY, 'dy');
  if (lastDim(Y) !== lastDim(DY)) {
    throw new EngineError(op, `last dims differ, y ${shapeStr(Y.shape)} dy ${shapeStr(DY.shape)}`);
  }
  needFinite(op, 'scale', scale);
  const cols = lastDim(Y);
  const rows = cols ? Y.size / cols : 0;
  const dx = e.alloc(Y.shape, 'f32', outLabel('softmax.backward', Y));
  if (!dx.size) return dx;
  e.run({
    family: 'softmax',
    kernel: 'softmax.backward',
    label: dx.label,
    bindings: ['r', 'r', 'w'],
    uniforms: { u: [rows, cols, 1, 1, 0], i: [0], f: [scale] },
    tensors: [Y, DY, dx],
    ...rowLaunch(rows, cols, 'backward'),
  });
  return dx;
}

export function maskScores(e: Engine, x: Tensor, opts: SoftmaxOptions = {}): Tensor {
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
