// Memory ops: create, reshape (shared storage), copy rows out, overwrite from the host, copy.
import { EngineError, shapeStr, sizeOf, type DType, type Shape, type Tensor } from '../backend';
import { checkShape, needSameSize } from './checks';
import type { Engine } from './context';
import type { GpuTensor } from './tensor';

function hostArray(t: GpuTensor, data: ArrayLike<number>): Float32Array | Int32Array {
  if (t.dtype === 'i32') return data instanceof Int32Array ? data : Int32Array.from(data);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

export function createTensor(
  e: Engine,
  shape: Shape,
  data: ArrayLike<number> | null | undefined,
  dtype: DType,
  label: string,
): GpuTensor {
  const op = 'tensor';
  if (e.destroyed) throw new EngineError(op, 'the WebGPU backend was destroyed');
  checkShape(op, shape);
  if (dtype !== 'f32' && dtype !== 'i32') throw new EngineError(op, `unknown dtype '${dtype as string}'`);
  if (data && data.length !== sizeOf(shape)) {
    throw new EngineError(op, `${data.length} values for ${label} ${shapeStr(shape)} (${sizeOf(shape)} elements)`);
  }
  if (!data) return e.zeros(shape, dtype, label);
  const t = e.alloc(shape, dtype, label);
  e.writeHost(t, hostArray(t, data));
  return t;
}

export function writeTensor(e: Engine, t: Tensor, data: ArrayLike<number>): void {
  const T = e.need('write', 't', t, 'any');
  if (data.length !== T.size) {
    throw new EngineError('write', `${data.length} values for ${T.label} ${shapeStr(T.shape)} (${T.size} elements)`);
  }
  e.writeHost(T, hostArray(T, data));
}

export function reshape(e: Engine, x: Tensor, shape: Shape): GpuTensor {
  const t = e.need('reshape', 'x', x, 'any');
  checkShape('reshape', shape);
  if (sizeOf(shape) !== t.size) {
    throw new EngineError('reshape', `size differs, ${t.label} ${shapeStr(t.shape)} to ${shapeStr(shape)}`);
  }
  return e.view(t.storage, t.offset, shape, t.dtype, t.label, false);
}

/** Rows [start, start+count) of the leading dim, copied into a new tensor. */
export function sliceRows(e: Engine, x: Tensor, start: number, count: number, label?: string): GpuTensor {
  const t = e.need('sliceRows', 'x', x, 'any');
  const rows = t.shape.length ? t.shape[0] : 1;
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > rows) {
    throw new EngineError('sliceRows', `rows [${start}, ${start + count}) outside ${t.label} ${shapeStr(t.shape)}`);
  }
  const rowSize = rows ? t.size / rows : 0;
  const out = e.alloc([count, ...t.shape.slice(1)], t.dtype, label ?? `${t.label}[${start}:${start + count}]`);
  e.copyTensor(t, out, out.bytes, start * rowSize * 4, 0);
  return out;
}

export function copyTensor(e: Engine, src: Tensor, dst: Tensor): void {
  const s = e.need('copy', 'src', src, 'any');
  const d = e.need('copy', 'dst', dst, 'any');
  needSameSize('copy', s, 'src', d, 'dst');
  if (s.dtype !== d.dtype) throw new EngineError('copy', `dtypes differ, src ${s.dtype} dst ${d.dtype}`);
  if (s.storage === d.storage && s.offset === d.offset) return;
  e.copyTensor(s, d);
}
