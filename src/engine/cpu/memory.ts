// Memory ops: create, reshape (shared storage), copy rows out, grow along time, overwrite.
import { EngineError, shapeStr, sizeOf, type DType, type Shape, type Tensor } from '../backend';
import { checkShape, lastDim, needAny, needSameSize } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

export function createTensor(
  ctx: CpuContext,
  shape: Shape,
  data: ArrayLike<number> | null | undefined,
  dtype: DType,
  label: string,
): CpuTensor {
  checkShape('tensor', shape);
  if (dtype !== 'f32' && dtype !== 'i32') throw new EngineError('tensor', `unknown dtype '${dtype as string}'`);
  const t = ctx.alloc(shape, dtype, label);
  if (data) writeTensor(t, data, 'tensor');
  return t;
}

export function reshape(ctx: CpuContext, x: Tensor, shape: Shape): CpuTensor {
  const t = needAny('reshape', 'x', x);
  checkShape('reshape', shape);
  if (sizeOf(shape) !== t.size) {
    throw new EngineError('reshape', `size differs, ${t.label} ${shapeStr(t.shape)} to ${shapeStr(shape)}`);
  }
  return ctx.wrap(t.data, shape, t.dtype, t.label);
}

/** Rows [start, start+count) of the leading dim, copied. */
export function sliceRows(ctx: CpuContext, x: Tensor, start: number, count: number, label?: string): CpuTensor {
  const t = needAny('sliceRows', 'x', x);
  const rows = t.shape.length ? t.shape[0] : 1;
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > rows) {
    throw new EngineError('sliceRows', `rows [${start}, ${start + count}) outside ${t.label} ${shapeStr(t.shape)}`);
  }
  const rowSize = rows ? t.size / rows : 0;
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
  const bad = (why: string) => new EngineError(op, `${why}, a ${shapeStr(x.shape)} b ${shapeStr(y.shape)} batch ${batch}`);
  if (x.dtype !== y.dtype) throw bad('dtypes differ');
  if (x.shape.length !== y.shape.length || (x.shape.length !== 2 && x.shape.length !== 3)) throw bad('need two 2-D or two 3-D tensors');
  const d = lastDim(x);
  if (lastDim(y) !== d) throw bad('feature dims differ');
  if (!Number.isInteger(batch) || batch < 1) throw bad('batch must be a positive integer');
  if (x.shape.length === 3 && (x.shape[0] !== batch || y.shape[0] !== batch)) throw bad('leading dim is not batch');
  const rowsA = x.size / d;
  const rowsB = y.size / d;
  if (d === 0 || rowsA % batch || rowsB % batch) throw bad('rows do not split into batch sequences');
  const ta = rowsA / batch;
  const tb = rowsB / batch;
  const shape = x.shape.length === 3 ? [batch, ta + tb, d] : [batch * (ta + tb), d];
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
  if (data.length !== t.size) {
    throw new EngineError(op, `${data.length} values for ${t.label} ${shapeStr(t.shape)} (${t.size} elements)`);
  }
  t.data.set(data); // i32 targets truncate toward zero, as Int32Array does
}

export function copyTensor(src: Tensor, dst: Tensor): void {
  const s = needAny('copy', 'src', src);
  const d = needAny('copy', 'dst', dst);
  needSameSize('copy', s, 'src', d, 'dst');
  if (s.dtype !== d.dtype) throw new EngineError('copy', `dtypes differ, src ${s.dtype} dst ${d.dtype}`);
  d.data.set(s.data);
}

export function fillTensor(t: Tensor, value: number): void {
  needAny('fill', 't', t).data.fill(value);
}
