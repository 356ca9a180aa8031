// Memory ops: create, reshape (shared storage), copy rows out, overwrite from the host, copy.
import { EngineError, type DType, type Shape, type Tensor } from '../backend';
import { checkCopy, checkCreate, checkReshape, checkSliceRows, checkWrite } from './checks';
import type { GpuExecutor } from './context';
import type { GpuTensor } from './tensor';

function hostArray(t: GpuTensor, data: ArrayLike<number>): Float32Array | Int32Array {
  if (t.dtype === 'i32') return data instanceof Int32Array ? data : Int32Array.from(data);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

export function createTensor(
  e: GpuExecutor,
  shape: Shape,
  data: ArrayLike<number> | null | undefined,
  dtype: DType,
  label: string,
): GpuTensor {
  const op = 'tensor';
  if (e.destroyed) throw new EngineError(op, 'the WebGPU backend was destroyed');
  checkCreate(shape, dtype, data, label);
  if (!data) return e.zeros(shape, dtype, label);
  const t = e.alloc(shape, dtype, label);
  e.writeHost(t, hostArray(t, data));
  return t;
}

export function writeTensor(e: GpuExecutor, t: Tensor, data: ArrayLike<number>): void {
  const T = e.need('write', 't', t, 'any');
  checkWrite('write', T.label, T.shape, data.length);
  e.writeHost(T, hostArray(T, data));
}

export function reshape(e: GpuExecutor, x: Tensor, shape: Shape): GpuTensor {
  const t = e.need('reshape', 'x', x, 'any');
  checkReshape('reshape', t, shape);
  return e.view(t.storage, t.offset, shape, t.dtype, t.label, false);
}

/** Rows [start, start+count) of the leading dim, copied into a new tensor. */
export function sliceRows(e: GpuExecutor, x: Tensor, start: number, count: number, label?: string): GpuTensor {
  const t = e.need('sliceRows', 'x', x, 'any');
  const { rowSize } = checkSliceRows('sliceRows', t, start, count);
  const out = e.alloc([count, ...t.shape.slice(1)], t.dtype, label ?? `${t.label}[${start}:${start + count}]`);
  e.copyTensor(t, out, out.bytes, start * rowSize * 4, 0);
  return out;
}

export function copyTensor(e: GpuExecutor, src: Tensor, dst: Tensor): void {
  const s = e.need('copy', 'src', src, 'any');
  const d = e.need('copy', 'dst', dst, 'any');
  checkCopy('copy', s, d);
  if (s.storage === d.storage && s.offset === d.offset) return;
  e.copyTensor(s, d);
}
