// The checks of the memory ops and of the `out`/`accumulate` result target, written once for
// both backends (see opChecks.ts for the convention: each backend checks that arguments are its
// own live tensors first, then calls these).
import { EngineError, shapeStr, sizeOf, type DType, type Shape, type Tensor } from '../backend';
import { checkShape, lastDim, needSameSize } from './checks';

/** The result of an op into `out` (null: a new tensor): `out` must hold `shape`'s elements. */
export function checkTarget(op: string, shape: Shape, out: Tensor | null, accumulate: boolean): void {
  checkShape(op, shape);
  if (!out) {
    if (accumulate) throw new EngineError(op, 'accumulate needs an out tensor');
    return;
  }
  if (out.size !== sizeOf(shape)) throw new EngineError(op, `out ${shapeStr(out.shape)} does not hold the result ${shapeStr(shape)}`);
}

/** A new tensor of `shape` and `dtype`, optionally filled from `data`. */
export function checkCreate(shape: Shape, dtype: DType, data: ArrayLike<number> | null | undefined, label: string): void {
  const op = 'tensor';
  checkShape(op, shape);
  if (dtype !== 'f32' && dtype !== 'i32') throw new EngineError(op, `unknown dtype '${dtype as string}'`);
  if (data) checkWrite(op, label, shape, data.length);
}

/** `length` host values written into a tensor labelled `label` of `shape`. */
export function checkWrite(op: string, label: string, shape: Shape, length: number): void {
  const size = sizeOf(shape);
  if (length !== size) throw new EngineError(op, `${length} values for ${label} ${shapeStr(shape)} (${size} elements)`);
}

export function checkReshape(op: string, t: Tensor, shape: Shape): void {
  checkShape(op, shape);
  if (sizeOf(shape) !== t.size) throw new EngineError(op, `size differs, ${t.label} ${shapeStr(t.shape)} to ${shapeStr(shape)}`);
}

/** Rows [start, start+count) of t's leading dim → the size of one row. */
export function checkSliceRows(op: string, t: Tensor, start: number, count: number): { rowSize: number } {
  const rows = t.shape.length ? t.shape[0] : 1;
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > rows) {
    throw new EngineError(op, `rows [${start}, ${start + count}) outside ${t.label} ${shapeStr(t.shape)}`);
  }
  return { rowSize: rows ? t.size / rows : 0 };
}

export function checkCopy(op: string, src: Tensor, dst: Tensor): void {
  needSameSize(op, src, 'src', dst, 'dst');
  if (src.dtype !== dst.dtype) throw new EngineError(op, `dtypes differ, src ${src.dtype} dst ${dst.dtype}`);
}

/** (B, Ta, D) ++ (B, Tb, D), or 2-D (B·Ta, D) ++ (B·Tb, D) → Ta, Tb, D and the result's shape. */
export function checkConcatTime(op: string, a: Tensor, b: Tensor, batch: number) {
  const bad = (why: string) => new EngineError(op, `${why}, a ${shapeStr(a.shape)} b ${shapeStr(b.shape)} batch ${batch}`);
  if (a.dtype !== b.dtype) throw bad('dtypes differ');
  const rank = a.shape.length;
  if (rank !== b.shape.length || (rank !== 2 && rank !== 3)) throw bad('need two 2-D or two 3-D tensors');
  const d = lastDim(a);
  if (lastDim(b) !== d) throw bad('feature dims differ');
  if (!Number.isInteger(batch) || batch < 1) throw bad('batch must be a positive integer');
  if (rank === 3 && (a.shape[0] !== batch || b.shape[0] !== batch)) throw bad('leading dim is not batch');
  const rowsA = d ? a.size / d : 0;
  const rowsB = d ? b.size / d : 0;
  if (d === 0 || rowsA % batch || rowsB % batch) throw bad('rows do not split into batch sequences');
  const ta = rowsA / batch;
  const tb = rowsB / batch;
  const shape: Shape = rank === 3 ? [batch, ta + tb, d] : [batch * (ta + tb), d];
  return { ta, tb, d, shape };
}
