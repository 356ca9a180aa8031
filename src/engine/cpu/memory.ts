// Memory ops: create, reshape (shared storage), copy rows out, grow along time, overwrite.
import type { DType, Shape, Tensor } from '../backend';
import { checkConcatTime, checkCopy, checkCreate, checkReshape, checkSliceRows, checkWrite, needAny } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

export function createTensor(
  ctx: CpuContext,
  shape: Shape,
  data: ArrayLike<number> | null | undefined,
  dtype: DType,
  label: string,
): CpuTensor {
  checkCreate(shape, dtype, data, label);
  const t = ctx.alloc(shape, dtype, label);
  if (data) writeTensor(t, data, 'tensor');
  return t;
}

export function reshape(ctx: CpuContext, x: Tensor, shape: Shape): CpuTensor {
  const t = needAny('reshape', 'x', x);
  checkReshape('reshape', t, shape);
  return ctx.wrap(t.data, shape, t.dtype, t.label);
}

/** Rows [start, start+count) of the leading dim, copied. */
export function sliceRows(ctx: CpuContext, x: Tensor, start: number, count: number, label?: string): CpuTensor {
  const t = needAny('sliceRows', 'x', x);
  const { rowSize } = checkSliceRows('sliceRows', t, start, count);
  const shape = [count, ...t.shape.slice(1)];
  const out = ctx.alloc(shape, t.dtype, label ?? `${t.label}[${start}:${start + count}]`);
  out.data.set(t.data.subarray(start * rowSize, (start + count) * rowSize));
  return out;
}

/**
 * (B, Ta, D) ++ (B, Tb, D) → (B, Ta+Tb, D). 2-D inputs are read as (B·Ta, D) and give
 * (B·(Ta+Tb), D); 3-D inputs keep their leading dim.
 */
export function concatTime(ctx: CpuContext, a: Tensor, b: Tensor, batch: number, label?: string): CpuTensor {
  const op = 'concatTime';
  const x = needAny(op, 'a', a);
  const y = needAny(op, 'b', b);
  const { ta, tb, d, shape } = checkConcatTime(op, x, y, batch);
  const out = ctx.alloc(shape, x.dtype, label ?? `${x.label}++${y.label}`);
  const o = out.data;
  const xd = x.data;
  const yd = y.data;
  for (let s = 0; s < batch; s++) {
    const dst = s * (ta + tb) * d;
    o.set(xd.subarray(s * ta * d, (s + 1) * ta * d), dst);
    o.set(yd.subarray(s * tb * d, (s + 1) * tb * d), dst + ta * d);
  }
  return out;
}

export function writeTensor(t: CpuTensor, data: ArrayLike<number>, op = 'write'): void {
  checkWrite(op, t.label, t.shape, data.length);
  t.data.set(data); // i32 targets truncate toward zero, as Int32Array does
}

export function copyTensor(src: Tensor, dst: Tensor): void {
  const s = needAny('copy', 'src', src);
  const d = needAny('copy', 'dst', dst);
  checkCopy('copy', s, d);
  d.data.set(s.data);
}

export function fillTensor(t: Tensor, value: number): void {
  needAny('fill', 't', t).data.fill(value);
}
