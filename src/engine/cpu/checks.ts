// Argument checks shared by every op. Each throws EngineError naming the op, the argument
// and its shape, so a bad call says what and where.
import { EngineError, shapeStr, type DType, type Tensor } from '../backend';
import { CpuTensor } from './tensor';
import { needDType, needLive } from '../shared/checks';
export { checkIds, checkShape, lastDim, needDType, needFinite, needLive, needPositiveInt, needRank, needSameSize } from '../shared/checks';
export * from '../shared/opChecks';
export * from '../shared/memoryChecks';

/** The argument as a live CpuTensor of the given dtype. */
export function need(op: string, role: string, t: Tensor | undefined, dtype: DType = 'f32'): CpuTensor {
  if (!(t instanceof CpuTensor)) {
    throw new EngineError(op, `${role} is not a CPU tensor (got ${describe(t)})`);
  }
  needLive(op, role, t);
  needDType(op, role, t, dtype);
  return t;
}

/** The argument as a live CpuTensor of either dtype. */
export function needAny(op: string, role: string, t: Tensor | undefined): CpuTensor {
  return need(op, role, t, t instanceof CpuTensor ? t.dtype : 'f32');
}

/** True when two tensors' storage overlaps in memory. */
export function overlaps(a: CpuTensor, b: CpuTensor): boolean {
  const x = a.data;
  const y = b.data;
  if (x.buffer !== y.buffer) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/** True when two tensors are views of exactly the same elements. */
export function sameRange(a: CpuTensor, b: CpuTensor): boolean {
  const x = a.data;
  const y = b.data;
  return x.buffer === y.buffer && x.byteOffset === y.byteOffset && x.length === y.length;
}

function describe(t: unknown): string {
  if (t === undefined || t === null) return String(t);
  const maybe = t as Partial<Tensor>;
  if (maybe.shape) return `${maybe.label ?? 'tensor'} ${shapeStr(maybe.shape)}`;
  return typeof t;
}
